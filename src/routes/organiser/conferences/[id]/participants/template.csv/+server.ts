import { writeCsv } from '$lib/domain/csv';
import { fixedT } from '$lib/i18n';
import { requireConference } from '$lib/server/organiser-access';
import type { RequestHandler } from './$types';

/**
 * A participants file to fill in: headers and two examples in the organiser's language,
 * separated by semicolons (what Nordic Excel reads and writes), with a BOM for Excel.
 */
export const GET: RequestHandler = async (event) => {
	await requireConference(event, 'read');
	const t = fixedT(event.locals.lang);
	const columns = [
		'name',
		'country',
		'role',
		'organisation',
		'language',
		'coordinator',
		'roleDescription'
	] as const;
	const csv = writeCsv(
		[
			columns.map((c) => t(`organiser.import.templateHeaders.${c}`)),
			[
				'Ingrid Sæther',
				'NO',
				'coordinator',
				'Arbeidsforskningssenteret',
				'nb',
				'x',
				'forsker, prosjektleder'
			],
			['Þóra Sigurðardóttir', 'IS', 'job-coach', '', 'is', '', '']
		],
		{ delimiter: ';', bom: true }
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${t('organiser.import.templateFile')}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
