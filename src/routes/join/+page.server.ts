import { error, redirect } from '@sveltejs/kit';
import { joinCodeAlphabet, joinCodeLength } from '$lib/domain/limits';
import { normaliseJoinCode } from '$lib/domain/text';
import { useApp } from '$lib/server/app';
import { conferenceByCode } from '$lib/server/conference-links';
import { codeLookUpWait, recordCodeLookUp, sessionForCode } from '$lib/server/join-codes';
import { fixedT } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const shape = new RegExp(`^[${joinCodeAlphabet}]{${joinCodeLength}}$`);

/**
 * The landing page's join form (GET, works without JavaScript). A look-up like any other: it
 * counts when the code is unknown, and waits when the address has guessed too much.
 */
export const load: PageServerLoad = async ({ url, getClientAddress, locals }) => {
	const asTyped = url.searchParams.get('code') ?? '';
	const code = normaliseJoinCode(asTyped);
	// The form comes back with the code as the person typed it (the page has no script to keep it).
	const typed = encodeURIComponent(asTyped.slice(0, 12));
	if (!shape.test(code)) redirect(303, `/?code=${typed}&error=code`);
	const app = useApp();
	const attempt = { address: getClientAddress(), code };
	const wait = await codeLookUpWait(app, attempt);
	if (wait !== null)
		error(429, { message: fixedT(locals.lang)('errors.rate_limited', { seconds: wait }) });
	// Conference codes and session codes share the alphabet; a conference code opens its roster.
	const conference = (await conferenceByCode(app, code)) !== null;
	const found = conference || (await sessionForCode(app, code)) !== null;
	await recordCodeLookUp(app, attempt, found);
	if (!found) redirect(303, `/?code=${typed}&error=unknown`);
	redirect(303, conference ? `/k/${code}` : `/j/${code}`);
};
