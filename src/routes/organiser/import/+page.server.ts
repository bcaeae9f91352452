import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import type { ArchiveProblem } from '$lib/domain/archive/read';
import { archiveLimits } from '$lib/domain/archive/schema';
import { importArchive } from '$lib/server/archive';
import { requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** Problems with the upload itself, before the archive is read. */
type UploadProblem = ArchiveProblem | { code: 'no_file' } | { code: 'unreadable' };

export const load: PageServerLoad = () => ({
	maxBytes: archiveLimits.maxBytes,
	retentionDays: useApp().config.retentionDays
});

export const actions: Actions = {
	/** Creates a new conference from an uploaded archive: all of it, or (on any problem) nothing. */
	default: async (event) => {
		const organiser = requireOrganiser(event);
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
			organiser.id
		);
		if (!result.ok) return fail(422, { problem: result.problem as UploadProblem, fileName });
		redirect(303, `/organiser/conferences/${result.value.conferenceId}`);
	}
};
