import { useApp } from '$lib/server/app';
import { readGlossary } from '$lib/server/db/glossary';
import { glossaryToCsv } from '$lib/domain/glossary/csv';
import { requireConference } from '$lib/server/organiser-access';
import type { RequestHandler } from './$types';

/** The glossary as CSV: semicolons for Excel in the Nordic countries, commas for English. */
export const GET: RequestHandler = (event) => {
	const conference = requireConference(event, 'read');
	const csv = glossaryToCsv(
		readGlossary(useApp().db, conference.id),
		conference.language === 'en' ? ',' : ';'
	);
	const slug =
		conference.title
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'conference';
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="glossary-${slug}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
