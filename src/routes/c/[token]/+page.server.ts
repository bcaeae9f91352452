import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { findConference } from '$lib/server/db/conferences';
import { findParticipantByToken } from '$lib/server/db/participants';
import { glossaryForConference } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';

/** A conference participant's personal link: their phone for the whole day, with the conference's glossary. */
export const load: PageServerLoad = ({ params, locals }) => {
	const app = useApp();
	const person = findParticipantByToken(app.db, params.token);
	const conference = person ? findConference(app.db, person.conferenceId) : null;
	if (!person || !conference)
		error(404, { message: fixedT(locals.lang)('conference.member.linkNotFound') });
	return {
		token: params.token,
		name: person.name,
		conferenceTitle: conference.title,
		glossary: glossaryForConference(app, conference.id)
	};
};
