import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { glossaryForSession } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';

/** The projector view: only a valid screen link opens it. Its legend needs the glossary. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const app = useApp();
	const session = await app.sessions.byScreenToken(params.token);
	if (!session) error(404, { message: fixedT(locals.lang)('session.linkNotFound') });
	return {
		token: params.token,
		title: session.state.title,
		inConference: session.access.conferenceId !== null,
		glossary: await glossaryForSession(app, session.access.conferenceId)
	};
};
