import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { describeError, log } from '$lib/server/log';
import { pdfPrintsPerConsoleLink, waitSeconds } from '$lib/server/rate-limit';
import { readChoices, workshopExportFile } from '$lib/server/report/export';
import { fileResponse, problemResponse } from '$lib/server/report/http';
import { ChromiumMissingError } from '$lib/server/report/pdf';
import type { RequestHandler } from './$types';

/**
 * A stand-alone workshop's report, from its console link (the only key). A conference group's
 * work goes into the conference report, which its organisers export, so its console gets none.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const app = useApp();
	const t = fixedT(locals.lang);
	const session = await app.sessions.byFacilitatorToken(params.token);
	if (!session || session.access.conferenceId !== null) {
		error(404, { message: t('session.linkNotFound') });
	}
	const choices = readChoices(url.searchParams);
	const back = `/console/${params.token}`;
	const backKey = 'report.workshop.back';
	if (choices.format === 'pdf') {
		// Each print starts a Chromium: a console link, a secret anyone holding it may replay, gets a few.
		const limited = await app.limiters.pdfPrintsPerConsole.take(session.access.id);
		if (!limited.ok) {
			const seconds = waitSeconds(limited);
			return problemResponse(429, locals.lang, 'report.workshop.pdfLimited', back, {
				params: { count: pdfPrintsPerConsoleLink, seconds },
				backKey,
				headers: { 'Retry-After': String(seconds) }
			});
		}
	}
	try {
		const file = await workshopExportFile(session.state, choices);
		if (!file) error(404, { message: t('session.linkNotFound') });
		return fileResponse(file);
	} catch (failure) {
		if (failure instanceof ChromiumMissingError) {
			log.warn('report.pdf_unavailable', { executablePath: failure.executablePath });
			return problemResponse(503, locals.lang, 'report.export.pdfUnavailable', back, { backKey });
		}
		if (choices.format === 'pdf') {
			log.error('report.pdf_failed', {
				sessionId: session.access.id,
				error: describeError(failure)
			});
			return problemResponse(500, locals.lang, 'report.export.pdfFailed', back, { backKey });
		}
		throw failure;
	}
};
