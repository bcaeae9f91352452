import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { conferenceByPlenumToken } from '$lib/server/conference-links';
import { glossaryForConference } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';

/** The plenum screen: only its secret link opens it. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const app = useApp();
	const conference = await conferenceByPlenumToken(app, params.token);
	if (!conference) error(404, { message: fixedT(locals.lang)('session.linkNotFound') });
	return {
		token: params.token,
		title: conference.title,
		glossary: await glossaryForConference(app, conference.id)
	};
};
