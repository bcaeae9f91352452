import { useApp } from '$lib/server/app';
import { glossaryToCsv } from '$lib/domain/glossary/csv';
import { slug } from '$lib/domain/slug';
import { requireConference } from '$lib/server/organiser-access';
import type { RequestHandler } from './$types';

/** The glossary as CSV: semicolons for Excel in the Nordic countries, commas for English. */
export const GET: RequestHandler = async (event) => {
	const conference = await requireConference(event, 'read');
	const csv = glossaryToCsv(
		await useApp().stores.glossary.read(conference.id),
		conference.language === 'en' ? ',' : ';'
	);
	const name = slug(conference.title, { max: 40, fallback: 'conference' });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="glossary-${name}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
