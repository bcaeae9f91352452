import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { requireConference } from '$lib/server/organiser-access';
import { exportFile, readChoices } from '$lib/server/report/export';
import { previewResponse } from '$lib/server/report/http';
import type { RequestHandler } from './$types';

/** The HTML report with the export page's choices, for its preview frame. */
export const GET: RequestHandler = async (event) => {
	const conference = await requireConference(event, 'export');
	const choices = { ...readChoices(event.url.searchParams), format: 'html' as const };
	const file = await exportFile(useApp(), conference.id, choices);
	if (!file) error(404, { message: fixedT(event.locals.lang)('organiser.notFound') });
	return previewResponse(file.body as string);
};
