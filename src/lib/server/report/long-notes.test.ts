import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import { buildSession } from '$lib/domain/report/session-builder';
import { buildWorkshopReport } from '$lib/domain/report/workshop';
import { fixedT } from '$lib/i18n';
import { renderReportCsv } from './csv';
import { renderReportDocx } from './docx';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';

/** A 2,000-character URL: no space to break at. */
const url = `https://example.org/?q=${'Vinnumálastofnun;"x",'.repeat(100)}`.slice(0, 2_000);
const groupNote = 'Fra blokkpapiret: alle trenger én fast kontaktperson';

function workshop(named: boolean) {
	return buildSession({
		id: 'ln',
		title: 'Lange lapper',
		language: 'nb',
		named,
		people: [
			{ id: 'p1', name: 'Øystein' },
			{ id: 'p2', name: 'Åse' },
			{ id: 'p3', name: 'Birgitta' }
		],
		questions: [
			{
				text: 'Hva fant dere?',
				notes: [
					['p1', url],
					[null, groupNote],
					['p2', 'Kort lapp']
				],
				// Voted on, so that the long URL sits in the results table.
				ballots: ['p1', 'p2', 'p3'].map((voter) => ({ voter, ranking: ['n0', 'n1'] }))
			}
		]
	});
}

const report = (named: boolean) =>
	buildWorkshopReport({ session: workshop(named), date: '2025-05-08' }, {}, fixedT);

function csvRows(named: boolean): string[][] {
	const parsed = parseCsv(renderReportCsv(report(named)), { unprotectFormulas: true });
	if (!parsed.ok) throw new Error(parsed.error.code);
	return parsed.table.rows.filter((row) => row.some((cell) => cell !== ''));
}

describe('long notes and notes by the group in the report', () => {
	it('CSV: a column marks the group’s note, in anonymous sessions too; quoting keeps a long URL whole', () => {
		for (const named of [false, true]) {
			const [header, ...rows] = csvRows(named);
			const mark = header!.indexOf('Gruppens lapp');
			expect(mark).toBeGreaterThan(header!.indexOf('Skrevet av'));
			const byText = new Map(rows.map((r) => [r[header!.indexOf('Tekst')], r]));
			expect(byText.get(url)![mark]).toBe('');
			expect(byText.get(groupNote)![mark]).toBe('gruppen');
			expect(byText.get('Kort lapp')![mark]).toBe('');
			// The author column: names in named sessions ("gruppen" for the group's), none otherwise.
			expect(byText.get(groupNote)![header!.indexOf('Skrevet av')]).toBe(named ? 'gruppen' : '');
			expect(byText.get(url)![header!.indexOf('Skrevet av')]).toBe(named ? 'Øystein' : '');
		}
	});

	it('HTML and Markdown print the long URL whole and the group as its author', () => {
		const html = renderReportHtml(report(true));
		expect(html).toContain('overflow-wrap: anywhere');
		const markdown = renderReportMarkdown(report(true));
		for (const text of [html.replace(/&quot;/g, '"'), markdown.replace(/\\/g, '')]) {
			expect(text).toContain(url.slice(0, 40));
			expect(text).toContain('gruppen');
		}
	});

	it('DOCX: tables have fixed widths, so a URL breaks in its cell', async () => {
		const files = unzipSync(await renderReportDocx(report(true)));
		const xml = strFromU8(files['word/document.xml']!);
		const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
		expect(tables).toBeGreaterThan(0);
		expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBe(tables);
		expect(xml.replace(/&quot;/g, '"')).toContain(url.slice(0, 40));
	});
});
