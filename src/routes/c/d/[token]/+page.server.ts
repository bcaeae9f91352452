import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { findConference } from '$lib/server/db/conferences';
import { findParticipant } from '$lib/server/db/participants';
import { ensureDevice, hashDevice } from '$lib/server/devices';
import { glossaryForConference } from '$lib/server/glossary';
import { bindingForLink } from '$lib/server/identity';
import type { PageServerLoad } from './$types';

/**
 * A name picked from the roster, on the device that picked it (and no other): the phone for
 * the day once the name is this device's, else the wait for someone to let it in.
 */
export const load: PageServerLoad = ({ params, locals, cookies, url }) => {
	const app = useApp();
	const device = ensureDevice(cookies, url);
	const binding = bindingForLink(app, params.token, hashDevice(device));
	const person = binding
		? findParticipant(app.db, binding.conferenceId, binding.participantId)
		: null;
	const conference = person ? findConference(app.db, person.conferenceId) : null;
	if (!binding || !person || !conference)
		error(404, { message: fixedT(locals.lang)('conference.device.linkNotFound') });
	const shared = {
		token: params.token,
		name: person.name,
		conferenceTitle: conference.title,
		rosterPath: `/k/${conference.joinCode}`
	};
	if (binding.status === 'active') {
		return {
			...shared,
			status: 'active' as const,
			glossary: glossaryForConference(app, conference.id)
		};
	}
	return { ...shared, status: binding.status, checkCode: binding.checkCode };
};
