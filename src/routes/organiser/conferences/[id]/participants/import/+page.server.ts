import { fail, redirect } from '@sveltejs/kit';
import { participantsCsvLimits } from '$lib/domain/conference/participants-csv';
import type {
	ExistingChoice,
	ImportChoices,
	ImportRow
} from '$lib/domain/conference/participants-import';
import { roleLabel } from '$lib/domain/conference/roles';
import { useApp } from '$lib/server/app';
import { formSender } from '$lib/server/organiser-commands';
import { field } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import {
	commitParticipantsImport,
	previewParticipantsImport,
	reviewParticipantsImport
} from '$lib/server/participants-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const roles = await app.conferences.roles(conference.id);
	return {
		limits: participantsCsvLimits,
		existing: (await app.conferences.participants(conference.id)).length,
		roles: roles.map((r) => ({ id: r.id, label: roleLabel(roles, r.id, event.locals.lang) }))
	};
};

/** A valid row as the preview shows it: its values and whom it is on the list. */
function okRow({ row, raw, value, existing }: ImportRow) {
	return { row, ok: true as const, raw, value, existing };
}

const choiceOf = (value: FormDataEntryValue | null): ExistingChoice | null =>
	value === 'update' || value === 'skip' ? value : null;

/** The organiser's answers: `existing`, `row-<n>` (update or skip) and `role-<n>` (a role id). */
function readChoices(form: FormData): ImportChoices {
	const rows: Record<number, ExistingChoice> = {};
	const roles: Record<number, string> = {};
	for (const [name, value] of form) {
		const match = /^(row|role)-(\d{1,5})$/.exec(name);
		if (!match || typeof value !== 'string') continue;
		const row = Number(match[2]);
		const choice = choiceOf(value);
		if (match[1] === 'row' && choice) rows[row] = choice;
		if (match[1] === 'role' && value) roles[row] = value.slice(0, 40);
	}
	return { existing: choiceOf(form.get('existing')), rows, roles };
}

export const actions: Actions = {
	/** Reads the file and shows what would be imported and whom it finds on the list. */
	check: async (event) => {
		const conference = await requireConference(event, 'edit');
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(422, { problem: 'organiser.import.chooseFile' as const });
		}
		const fileName = file.name.slice(0, 200);
		if (file.size > participantsCsvLimits.maxBytes) {
			return fail(413, {
				fileName,
				token: null,
				ok: false,
				fileErrors: [
					{
						code: 'file_too_large' as const,
						params: { max: participantsCsvLimits.maxBytes, size: file.size }
					}
				],
				warnings: [],
				rows: []
			});
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const { preview, rows, token } = await previewParticipantsImport(
			useApp(),
			conference.id,
			bytes,
			{
				fileName
			}
		);
		const compared = new Map(rows.map((r) => [r.row, r]));
		const result = {
			fileName,
			token,
			ok: preview.ok,
			fileErrors: preview.fileErrors,
			warnings: preview.warnings,
			rows: preview.rows.map((r) =>
				r.ok
					? okRow(compared.get(r.row)!)
					: { row: r.row, ok: false as const, raw: r.raw, errors: r.errors }
			)
		};
		return preview.ok ? result : fail(422, result);
	},
	/** Saves a checked file with the answers to what its preview asked; all of it or nothing. */
	import: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const token = field(form, 'token');
		const app = useApp();
		const send = await formSender(event, conference.id, form);
		const saved = await commitParticipantsImport(
			app,
			conference.id,
			token,
			readChoices(form),
			send
		);
		if (saved.ok) {
			const { added, updated } = saved.value;
			redirect(
				303,
				`/organiser/conferences/${conference.id}/participants?imported=${added}&updated=${updated}`
			);
		}
		const [first] = saved.problems;
		if (first?.code === 'choose_existing' || first?.code === 'choose_role') {
			// The preview stays, with what it still needs to know.
			const review = await reviewParticipantsImport(app, conference.id, token);
			if (review) {
				return fail(422, {
					fileName: review.fileName,
					token,
					ok: true,
					fileErrors: [],
					warnings: review.warnings,
					rows: review.rows.map(okRow),
					choiceProblems: saved.problems
				});
			}
		}
		return fail(422, {
			problem:
				first?.code === 'too_many'
					? ('organiser.import.tooMany' as const)
					: first?.code === 'list_changed'
						? ('organiser.import.listChanged' as const)
						: ('organiser.import.expired' as const),
			params: first?.params ?? {}
		});
	}
};
