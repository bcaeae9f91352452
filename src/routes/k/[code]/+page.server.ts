import { error, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/domain/conference/countries';
import { normaliseJoinCode } from '$lib/domain/text';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { codeLookUpWait, recordCodeLookUp } from '$lib/server/join-codes';
import { findConferenceByCode } from '$lib/server/db/conferences';
import { findParticipant, listParticipants } from '$lib/server/db/participants';
import type { Actions, PageServerLoad } from './$types';

/** Joining a conference with its code: people pick their own name from the roster. */
export const load: PageServerLoad = async ({ params, locals, getClientAddress }) => {
	const app = useApp();
	const attempt = { address: getClientAddress(), code: normaliseJoinCode(params.code) };
	const wait = await codeLookUpWait(app, attempt);
	if (wait !== null)
		error(429, { message: fixedT(locals.lang)('errors.rate_limited', { seconds: wait }) });
	const conference = findConferenceByCode(app.db, attempt.code);
	await recordCodeLookUp(app, attempt, conference !== null);
	if (!conference) error(404, { message: fixedT(locals.lang)('conference.roster.notFound') });
	const people = listParticipants(useApp().db, conference.id);
	const countries = [...new Set(people.map((p) => p.country))]
		.map((code) => ({ code, name: countryName(code, locals.lang) }))
		.sort((a, b) => a.name.localeCompare(b.name, locals.lang));
	return {
		code: conference.joinCode,
		title: conference.title,
		countries: countries.map((c) => ({
			...c,
			people: people
				.filter((p) => p.country === c.code)
				.map((p) => ({ id: p.id, name: p.name }))
				.sort((a, b) => a.name.localeCompare(b.name, locals.lang))
		}))
	};
};

export const actions: Actions = {
	/** "This is me": continue on the person's own link. */
	default: async ({ params, request }) => {
		const app = useApp();
		const conference = findConferenceByCode(app.db, normaliseJoinCode(params.code));
		const id = String((await request.formData()).get('participant') ?? '');
		const person = conference ? findParticipant(app.db, conference.id, id) : null;
		if (!person) error(404);
		redirect(303, `/c/${person.personalToken}`);
	}
};
