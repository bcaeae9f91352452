import { fail, redirect } from '@sveltejs/kit';
import { defaultRoleIds, roleLabel, type RoleDefinition } from '$lib/domain/conference/roles';
import { languages, type Language } from '$lib/domain/session/types';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { useApp } from '$lib/server/app';
import { field } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

type Labels = Partial<Record<Language, string>>;

function readLabels(form: FormData, prefix: string): Labels {
	const out: Labels = {};
	for (const lang of languages) out[lang] = field(form, `${prefix}-${lang}`);
	return out;
}

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const lang = event.locals.lang;
	const roles = await app.conferences.roles(conference.id);
	const counts = new Map<string, number>();
	for (const p of await app.conferences.participants(conference.id))
		counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
	const editId = event.url.searchParams.get('edit');
	return {
		roles: roles.map((r) => ({
			id: r.id,
			label: roleLabel(roles, r.id, lang),
			groupLabel: roleLabel(roles, r.id, lang, 'group'),
			own: !(defaultRoleIds as readonly string[]).includes(r.id),
			people: counts.get(r.id) ?? 0
		})),
		editing: (() => {
			const role = roles.find((r) => r.id === editId);
			return role ? { id: role.id, label: role.label, groupLabel: role.groupLabel } : null;
		})()
	};
};

export const actions: Actions = {
	/** Renames a role: every language's word for one person and for the group. */
	rename: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const id = field(form, 'id');
		const role: RoleDefinition = {
			id,
			label: readLabels(form, 'label'),
			groupLabel: readLabels(form, 'group')
		};
		const saved = await sendFromForm(event, conference.id, form, { type: 'role.rename', role });
		if (!saved.ok)
			return fail(refusalStatus(saved.error), {
				scope: 'rename',
				id,
				renameValues: { label: role.label, groupLabel: role.groupLabel },
				errors: [formError(saved.error)]
			});
		redirect(303, `/organiser/conferences/${conference.id}/participants/roles`);
	},
	/** A role of the organiser's own, named in one language (others can follow by renaming). */
	add: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const lang = field(form, 'language') as Language;
		const label = field(form, 'label');
		const groupLabel = field(form, 'groupLabel');
		const addValues = { language: lang, label, groupLabel };
		if (!languages.includes(lang))
			return fail(422, {
				scope: 'add',
				addValues,
				errors: [{ field: 'language', key: 'organiser.invalid.language' }]
			});
		// The role's id is made by the core, inside the transaction: two adds of one label get two.
		const saved = await sendFromForm(event, conference.id, form, {
			type: 'role.add',
			language: lang,
			label,
			groupLabel
		});
		if (!saved.ok)
			return fail(refusalStatus(saved.error), {
				scope: 'add',
				addValues,
				errors: [formError(saved.error, { label: 'label' })]
			});
		return { scope: 'add', added: label.trim() };
	}
};
