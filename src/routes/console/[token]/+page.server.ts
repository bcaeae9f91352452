import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { glossaryForSession } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';

/** The facilitator's console: only the secret console link opens it. */
export const load: PageServerLoad = ({ params, locals, url }) => {
	const app = useApp();
	const session = app.sessions.byFacilitatorToken(params.token);
	if (!session) error(404, { message: fixedT(locals.lang)('session.linkNotFound') });
	return {
		token: params.token,
		title: session.state.title,
		screenToken: session.access.screenToken,
		joinCode: session.access.joinCode,
		phoneOrigin: app.joinOrigin,
		created: url.searchParams.has('created'),
		glossary: glossaryForSession(app, session.access.conferenceId)
	};
};
