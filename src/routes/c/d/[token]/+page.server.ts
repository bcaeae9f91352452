import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { ensureDevice, hashDevice } from '$lib/server/devices';
import { deviceLinkHolder } from '$lib/server/identity';
import type { PageServerLoad } from './$types';

/**
 * A name picked from the roster, on the device that picked it (and no other): the phone for
 * the day once the name is this device's, else the wait for someone to let it in.
 */
export const load: PageServerLoad = async ({ params, locals, cookies, url }) => {
	const app = useApp();
	const device = ensureDevice(cookies, url);
	const holder = await deviceLinkHolder(app, params.token, hashDevice(device));
	if (!holder) error(404, { message: fixedT(locals.lang)('conference.device.linkNotFound') });
	const { binding, person, conference } = holder;
	const shared = {
		token: params.token,
		name: person.name,
		conferenceTitle: conference.title,
		rosterPath: `/k/${conference.joinCode}`
	};
	// Its glossary is fetched from ./glossary once the phone is usable.
	if (binding.status === 'active') return { ...shared, status: 'active' as const };
	return { ...shared, status: binding.status, checkCode: binding.checkCode };
};
