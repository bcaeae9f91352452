import { fail, redirect } from '@sveltejs/kit';
import { participantsCsvLimits } from '$lib/domain/conference/participants-csv';
import { useApp } from '$lib/server/app';
import { field } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import {
	commitParticipantsImport,
	previewParticipantsImport
} from '$lib/server/participants-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const conference = requireConference(event, 'read');
	const app = useApp();
	return {
		limits: participantsCsvLimits,
		existing: app.conferences.participants(conference.id).length
	};
};

export const actions: Actions = {
	/** Reads the file and shows what would be imported; saves nothing. */
	check: async (event) => {
		const conference = requireConference(event, 'edit');
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
		const { preview, token } = previewParticipantsImport(useApp(), conference.id, bytes);
		const result = {
			fileName,
			token,
			ok: preview.ok,
			fileErrors: preview.fileErrors,
			warnings: preview.warnings,
			rows: preview.rows.map((r) =>
				r.ok
					? { row: r.row, ok: true as const, raw: r.raw, value: r.value }
					: { row: r.row, ok: false as const, raw: r.raw, errors: r.errors }
			)
		};
		return preview.ok ? result : fail(422, result);
	},
	/** Saves a checked file: every row, or (on any problem) none. */
	import: async (event) => {
		const conference = requireConference(event, 'edit');
		const token = field(await event.request.formData(), 'token');
		const saved = commitParticipantsImport(useApp(), conference.id, token);
		if (!saved.ok) {
			return fail(422, {
				problem:
					saved.error.code === 'too_many'
						? ('organiser.import.tooMany' as const)
						: ('organiser.import.expired' as const),
				params: saved.error.params
			});
		}
		redirect(303, `/organiser/conferences/${conference.id}/participants?imported=${saved.value}`);
	}
};
