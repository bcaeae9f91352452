import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { describeError, log } from '$lib/server/log';
import { requireConference } from '$lib/server/organiser-access';
import { exportFile, readChoices } from '$lib/server/report/export';
import { fileResponse, problemResponse } from '$lib/server/report/http';
import { ChromiumMissingError } from '$lib/server/report/pdf';
import type { RequestHandler } from './$types';

/** The conference in the format the export page asks for, as a download. */
export const GET: RequestHandler = async (event) => {
	const conference = await requireConference(event, 'export');
	const choices = readChoices(event.url.searchParams);
	const back = `/organiser/conferences/${conference.id}/export`;
	try {
		const file = await exportFile(useApp(), conference.id, choices);
		if (!file) error(404, { message: fixedT(event.locals.lang)('organiser.notFound') });
		return fileResponse(file);
	} catch (failure) {
		if (failure instanceof ChromiumMissingError) {
			log.warn('report.pdf_unavailable', { executablePath: failure.executablePath });
			return problemResponse(503, event.locals.lang, 'report.export.pdfUnavailable', back);
		}
		if (choices.format === 'pdf') {
			log.error('report.pdf_failed', {
				conferenceId: conference.id,
				error: describeError(failure)
			});
			return problemResponse(500, event.locals.lang, 'report.export.pdfFailed', back);
		}
		throw failure;
	}
};
