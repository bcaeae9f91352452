import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** The projector view: only a valid screen link opens it. */
export const load: PageServerLoad = ({ params, locals }) => {
	const session = useApp().sessions.byScreenToken(params.token);
	if (!session) error(404, { message: fixedT(locals.lang)('session.linkNotFound') });
	return { token: params.token, title: session.state.title };
};
