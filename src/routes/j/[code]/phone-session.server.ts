import { error } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/text';
import { fixedT } from '$lib/i18n';
import type { Language } from '$lib/domain/session/types';
import type { ServerApp } from '$lib/server/app';
import { codeLookUpWait, recordCodeLookUp, sessionForCode } from '$lib/server/join-codes';

/** What a request tells of itself that the join-code limit counts by. */
interface Asker {
	code: string;
	address: string;
	lang: Language;
}

/**
 * The join code as typed into its one form, and the session it opens (or null): a look-up
 * counted against the address's failure limit (HTTP 429 past it), from the page or its glossary.
 */
export async function phoneSession(app: ServerApp, { code, address, lang }: Asker) {
	const attempt = { address, code: normaliseJoinCode(code) };
	const wait = await codeLookUpWait(app, attempt);
	if (wait !== null)
		error(429, { message: fixedT(lang)('errors.rate_limited', { seconds: wait }) });
	const session = await sessionForCode(app, attempt.code);
	await recordCodeLookUp(app, attempt, session !== null);
	return { code: attempt.code, session };
}
