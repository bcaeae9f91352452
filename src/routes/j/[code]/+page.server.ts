import { error } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/text';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { ensureDevice } from '$lib/server/devices';
import { glossaryForSession } from '$lib/server/glossary';
import { codeLookUpWait, recordCodeLookUp, sessionForCode } from '$lib/server/join-codes';
import type { PageServerLoad } from './$types';

/**
 * The phone page: the session's title for the join form, or "no such session"; and the glossary
 * its notes are marked with (the conference's, or the default one).
 */
export const load: PageServerLoad = async ({ params, getClientAddress, locals, cookies, url }) => {
	const app = useApp();
	// The join is scoped to this device: its id cannot be replayed from another.
	ensureDevice(cookies, url);
	const code = normaliseJoinCode(params.code);
	const attempt = { address: getClientAddress(), code };
	const wait = await codeLookUpWait(app, attempt);
	if (wait !== null)
		error(429, { message: fixedT(locals.lang)('errors.rate_limited', { seconds: wait }) });
	const session = await sessionForCode(app, code);
	await recordCodeLookUp(app, attempt, session !== null);
	if (!session) return { code, found: false as const };
	return {
		code,
		found: true as const,
		title: session.state.title,
		glossary: await glossaryForSession(app, session.access.conferenceId)
	};
};
