import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { glossaryLimits, nameErrors } from '$lib/domain/glossary/concept-input';
import {
	previewGlossaryImport,
	type GlossaryImportPreview,
	type ImportMode
} from '$lib/domain/glossary/csv';
import { importGlossary, rememberImport, takeImport } from '$lib/server/glossary';
import { requireConference } from '$lib/server/organiser-access';
import type { Language } from '$lib/domain/session/types';
import type { Glossary } from '$lib/domain/glossary/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	return {
		maxBytes: glossaryLimits.csvBytes,
		existing: (await useApp().stores.glossary.read(conference.id)).length
	};
};

/** What the page shows of a check: rows with their errors, without the whole resulting glossary. */
function summary(
	preview: GlossaryImportPreview,
	fileName: string,
	token: string | null,
	glossary: Glossary,
	lang: Language
) {
	return {
		fileName,
		token,
		ok: preview.ok,
		mode: preview.mode,
		fileErrors: preview.fileErrors,
		warnings: preview.warnings,
		removed: preview.removed,
		rows: preview.rows.map((row) => ({
			line: row.line,
			id: row.id,
			name: row.name,
			action: row.action,
			terms: row.concept.terms,
			errors: nameErrors(row.errors, glossary, lang)
		}))
	};
}

function readMode(value: FormDataEntryValue | null): ImportMode {
	return value === 'merge' ? 'merge' : 'replace';
}

export const actions: Actions = {
	/** Reads the file and shows what importing it would do; saves nothing. */
	check: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const file = form.get('file');
		const mode = readMode(form.get('mode'));
		if (!(file instanceof File) || file.size === 0) {
			return fail(422, { problem: 'glossary.import.chooseFile' as const, mode });
		}
		const fileName = file.name.slice(0, 200);
		const glossary = await useApp().stores.glossary.read(conference.id);
		const bytes =
			file.size > glossaryLimits.csvBytes
				? new Uint8Array(glossaryLimits.csvBytes + 1)
				: new Uint8Array(await file.arrayBuffer());
		const preview = previewGlossaryImport(bytes, glossary, mode);
		if (preview.fileErrors.some((e) => e.code === 'file_too_large')) {
			preview.fileErrors = [
				{ code: 'file_too_large', params: { max: glossaryLimits.csvBytes, size: file.size } }
			];
		}
		const token = preview.ok ? rememberImport(conference.id, preview.text, mode) : null;
		const result = summary(preview, fileName, token, glossary, event.locals.lang);
		return preview.ok ? result : fail(422, result);
	},
	/** Saves a checked file, checking it again against the glossary as it is now. */
	save: async (event) => {
		const conference = await requireConference(event, 'edit');
		const app = useApp();
		const form = await event.request.formData();
		const pending = takeImport(conference.id, String(form.get('token') ?? ''));
		if (!pending)
			return fail(422, { problem: 'glossary.import.expired' as const, mode: 'replace' });
		const preview = await importGlossary(app, conference.id, pending.text, pending.mode);
		if (!preview.ok) {
			const glossary = await app.stores.glossary.read(conference.id);
			return fail(
				422,
				summary(preview, String(form.get('fileName') ?? ''), null, glossary, event.locals.lang)
			);
		}
		redirect(
			303,
			`/organiser/conferences/${conference.id}/glossary?imported=${preview.rows.length}`
		);
	}
};
