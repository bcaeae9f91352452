import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import type { ArchiveProblem } from '$lib/domain/archive/read';
import { archiveLimits } from '$lib/domain/archive/schema';
import { importArchive } from '$lib/server/archive';
import { refusalStatus } from '$lib/server/organiser-commands';
import { field } from '$lib/server/organiser-forms';
import { requireOrganiser } from '$lib/server/organiser-access';
import { randomToken } from '$lib/server/tokens';
import type { Actions, PageServerLoad } from './$types';

/** Problems with the upload itself, before the archive is read. */
type UploadProblem =
	| ArchiveProblem
	| { code: 'no_file' }
	| { code: 'unreadable' }
	// The form's id was malformed or already used by another form.
	| { code: 'form' };

export const load: PageServerLoad = () => ({
	/** The upload's id; each load makes a new one, so the same upload sent twice imports once. */
	commandId: randomToken(18),
	maxBytes: archiveLimits.maxBytes,
	retentionDays: useApp().config.retentionDays
});

export const actions: Actions = {
	/** Creates a new conference from an uploaded archive: all of it, or (on any problem) nothing. */
	default: async (event) => {
		const organiser = await requireOrganiser(event);
		const max = archiveLimits.maxBytes;
		const declared = Number(event.request.headers.get('content-length') ?? 0);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// The server refuses bodies far over the limit before they are read.
			const problem: UploadProblem =
				declared > max ? { code: 'too_large', size: declared, max } : { code: 'unreadable' };
			return fail(declared > max ? 413 : 400, { problem, fileName: '' });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(422, { problem: { code: 'no_file' } as UploadProblem, fileName: '' });
		}
		const fileName = file.name.slice(0, 200);
		if (file.size > max) {
			return fail(413, {
				problem: { code: 'too_large', size: file.size, max } as UploadProblem,
				fileName
			});
		}
		const result = await importArchive(
			useApp(),
			new Uint8Array(await file.arrayBuffer()),
			organiser.id,
			{
				commandId: field(form, 'commandId') || null
			}
		);
		if (!result.ok && 'error' in result) {
			const problem: UploadProblem = { code: 'form' };
			return fail(refusalStatus(result.error), { problem, fileName });
		}
		if (!result.ok) return fail(422, { problem: result.problem as UploadProblem, fileName });
		redirect(303, `/organiser/conferences/${result.value.conferenceId}`);
	}
};
