import { error, fail, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/domain/conference/countries';
import { matchesSearch, searchKey } from '$lib/domain/fold';
import { normaliseJoinCode } from '$lib/domain/text';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { codeLookUpWait, recordCodeLookUp } from '$lib/server/join-codes';
import { conferenceByCode } from '$lib/server/conference-links';
import { deviceCookie, ensureDevice, hashDevice } from '$lib/server/devices';
import { claimName, deviceLink } from '$lib/server/identity';
import { rosterKey } from '$lib/server/tokens';
import type { Actions, PageServerLoad } from './$types';

/** A search longer than any name is cut here (the field says so too). */
const maxQueryLength = 100;

/**
 * Joining a conference with its code: people pick their own name from the roster. The name is
 * then bound to this device; a name already in use elsewhere needs someone to let it in.
 */
export const load: PageServerLoad = async ({ params, locals, getClientAddress, cookies, url }) => {
	const app = useApp();
	ensureDevice(cookies, url);
	const attempt = { address: getClientAddress(), code: normaliseJoinCode(params.code) };
	const wait = await codeLookUpWait(app, attempt);
	if (wait !== null)
		error(429, { message: fixedT(locals.lang)('errors.rate_limited', { seconds: wait }) });
	const conference = await conferenceByCode(app, attempt.code);
	await recordCodeLookUp(app, attempt, conference !== null);
	if (!conference) error(404, { message: fixedT(locals.lang)('conference.roster.notFound') });
	const people = await app.conferences.participants(conference.id);
	// The search is a GET form: the page is rendered again with the names that match.
	const query = (url.searchParams.get('q') ?? '').slice(0, maxQueryLength);
	const found = people.filter((p) => matchesSearch(searchKey(p.name), query));
	const countries = [...new Set(found.map((p) => p.country))]
		.map((code) => ({ code, name: countryName(code, locals.lang) }))
		.sort((a, b) => a.name.localeCompare(b.name, locals.lang));
	return {
		code: conference.joinCode,
		title: conference.title,
		query: query.trim(),
		queryLimit: maxQueryLength,
		found: found.length,
		everyone: people.length,
		countries: countries.map((c) => ({
			...c,
			people: found
				.filter((p) => p.country === c.code)
				.map((p) => ({ key: rosterKey(app.secret, conference.id, p.id), name: p.name }))
				.sort((a, b) => a.name.localeCompare(b.name, locals.lang))
		}))
	};
};

export const actions: Actions = {
	/** "This is me": the name for this device, or a request for it when another device has it. */
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		const app = useApp();
		const t = fixedT(locals.lang);
		const attempt = { address: getClientAddress(), code: normaliseJoinCode(params.code) };
		const wait = await codeLookUpWait(app, attempt);
		if (wait !== null) return fail(429, { error: t('errors.rate_limited', { seconds: wait }) });
		const limited = await app.limiters.joins.take(attempt.address);
		if (!limited.ok) {
			const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
			return fail(429, { error: t('errors.rate_limited', { seconds }) });
		}
		const conference = await conferenceByCode(app, attempt.code);
		await recordCodeLookUp(app, attempt, conference !== null);
		if (!conference) error(404, { message: t('conference.roster.notFound') });
		const key = String((await request.formData()).get('participant') ?? '');
		const person = (await app.conferences.participants(conference.id)).find(
			(p) => rosterKey(app.secret, conference.id, p.id) === key
		);
		if (!person) return fail(404, { error: t('conference.roster.personNotFound') });
		// The name is bound to the cookie this page set; without it there is nothing to bind to.
		const hadDevice = cookies.get(deviceCookie);
		const device = ensureDevice(cookies, url);
		if (hadDevice !== device) return fail(400, { error: t('conference.roster.needsCookies') });
		const claimed = await claimName(
			app,
			person,
			hashDevice(device),
			request.headers.get('user-agent')
		);
		if (!claimed.ok) return fail(409, { error: t('conference.roster.tooManyWaiting') });
		redirect(303, deviceLink(claimed.token));
	}
};
