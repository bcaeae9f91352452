import { fail, redirect } from '@sveltejs/kit';
import { countries, countryName } from '$lib/domain/conference/countries';
import { roleLabel } from '$lib/domain/conference/roles';
import { localeTags } from '$lib/i18n';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { useApp } from '$lib/server/app';
import { field, readParticipant } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const lang = event.locals.lang;
	const roles = await app.conferences.roles(conference.id);
	const people = await app.conferences.participants(conference.id);
	const editId = event.url.searchParams.get('edit');
	// Named countries first (Nordic ones leading), then any other code someone already has.
	const known = new Set(countries.map((c) => c.code));
	const extra = [...new Set(people.map((p) => p.country))].filter((c) => !known.has(c)).sort();
	// Like the report: by country, the national coordinator first, then by name (sorted here,
	// where every language's collation is at hand).
	const collator = new Intl.Collator(localeTags[lang], { sensitivity: 'base' });
	const order = new Map(countries.map((c, i) => [c.code, i]));
	const codes = [...new Set(people.map((p) => p.country))].sort(
		(a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b)
	);
	return {
		count: people.length,
		byCountry: codes.map((code) => ({
			code,
			name: countryName(code, lang),
			people: people
				.filter((p) => p.country === code)
				.sort(
					(a, b) =>
						Number(b.coordinator) - Number(a.coordinator) || collator.compare(a.name, b.name)
				)
				.map((p) => ({
					id: p.id,
					name: p.name,
					role: p.role,
					organisation: p.organisation,
					language: p.language,
					coordinator: p.coordinator,
					roleDescription: p.roleDescription ?? ''
				}))
		})),
		roles: roles.map((r) => ({ id: r.id, label: roleLabel(roles, r.id, lang) })),
		countries: [...countries.map((c) => c.code), ...extra].map((code) => ({
			code,
			name: countryName(code, lang)
		})),
		editing: people.find((p) => p.id === editId) ?? null,
		defaultLanguage: conference.language,
		imported: Number(event.url.searchParams.get('imported')) || 0,
		updated: Number(event.url.searchParams.get('updated')) || 0
	};
};

export const actions: Actions = {
	save: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const id = field(form, 'id') || null;
		const values = readParticipant(form);
		const [added] = useApp().conferences.newParticipants([values]);
		const done = await sendFromForm(
			event,
			conference.id,
			form,
			id
				? { type: 'participant.edit', participantId: id, fields: values }
				: { type: 'participant.add', participants: [added!] }
		);
		if (!done.ok)
			return fail(refusalStatus(done.error), { id, values, errors: [formError(done.error)] });
		if (id) redirect(303, `/organiser/conferences/${conference.id}/participants#p-${id}`);
		const person = done.state?.participants.find((p) => p.id === done.result.participantId);
		const { name, country, role, language } = person ?? values;
		return { added: name, country, role, language };
	},
	remove: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const participantId = field(form, 'id');
		const done = await sendFromForm(event, conference.id, form, {
			type: 'participant.remove',
			participantId
		});
		// A refusal is shown as one: nobody was removed.
		if (!done.ok)
			return fail(refusalStatus(done.error), { id: null, errors: [formError(done.error)] });
		return { removed: true };
	}
};
