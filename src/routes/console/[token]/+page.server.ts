import { error, fail } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { glossaryForSession } from '$lib/server/glossary';
import { decideDevice } from '$lib/server/identity';
import type { Actions, PageServerLoad } from './$types';

/** The facilitator's console: only the secret console link opens it. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const app = useApp();
	const session = await app.sessions.byFacilitatorToken(params.token);
	if (!session) error(404, { message: fixedT(locals.lang)('session.linkNotFound') });
	// A conference group's members join through the conference's roster, not the group's code.
	const { conferenceId } = session.access;
	const conferenceCode = conferenceId ? (await app.conferences.get(conferenceId))?.joinCode : null;
	const joinCode = conferenceCode ?? session.access.joinCode;
	return {
		token: params.token,
		title: session.state.title,
		screenToken: session.access.screenToken,
		joinCode,
		joinPath: `/${conferenceCode ? 'k' : 'j'}/${joinCode}`,
		phoneOrigin: app.joinOrigin,
		created: url.searchParams.has('created'),
		standalone: session.access.conferenceId === null,
		glossary: await glossaryForSession(app, session.access.conferenceId)
	};
};

export const actions: Actions = {
	/** Lets in, or turns down, a device asking for the name of someone in this group. */
	device: async ({ params, request, locals }) => {
		const app = useApp();
		const t = fixedT(locals.lang);
		const session = await app.sessions.byFacilitatorToken(params.token);
		if (!session) error(404, { message: t('session.linkNotFound') });
		const form = await request.formData();
		const claim = String(form.get('claim') ?? '').slice(0, 64);
		const decision = form.get('decision');
		const conferenceId = session.access.conferenceId;
		if (!conferenceId || (decision !== 'approve' && decision !== 'refuse'))
			return fail(400, { error: t('errors.invalid_payload') });
		const decided = await decideDevice(
			app,
			{ role: 'facilitator', sessionId: session.access.id },
			conferenceId,
			claim,
			decision === 'approve'
		);
		if (!decided.ok)
			return fail(409, { error: t(`errors.${decided.error.code}`, decided.error.params ?? {}) });
		return { decided: decision };
	}
};
