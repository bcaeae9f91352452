/**
 * A stand-alone session answered in one list, in every workshop report format: the questions
 * stand together above the one list (HTML, PDF, DOCX, Markdown), CSV names both in its question
 * column, and nothing says question b) got no notes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSession } from '$lib/domain/report/session-builder';
import { buildWorkshopReport } from '$lib/domain/report/workshop';
import { fixedT } from '$lib/i18n';
import { docxParagraphs, flat, pdfText } from '../../../../tests/integration/helpers/export-files';
import { renderReportCsv } from './csv';
import { renderReportDocx } from './docx';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';
import { renderReportPdf } from './pdf';

const a = 'Hva fungerer i dag?';
const b = 'Hva trengs videre?';
const asked = `a) ${a} / b) ${b}`;
const together = 'Spørsmålene ble besvart i én felles liste.';
const noNotes = 'Det ble ikke skrevet lapper til dette spørsmålet.';

const report = buildWorkshopReport(
	{
		session: buildSession({
			id: 'ol',
			title: 'Gruppe 3',
			language: 'nb',
			topN: 2,
			oneList: true,
			people: [
				{ id: 'p1', name: 'Øystein' },
				{ id: 'p2', name: 'Åse' },
				{ id: 'p3', name: 'Birgitta' }
			],
			questions: [
				{
					text: a,
					notes: [
						['p1', 'Fast kontaktperson'],
						['p2', 'Mer tid til oppfølging'],
						['p3', 'Felles skjema']
					],
					ballots: [
						{ voter: 'p1', ranking: ['n0', 'n1'] },
						{ voter: 'p2', ranking: ['n1', 'n2'] },
						{ voter: 'p3', ranking: ['n0', 'n2'] }
					]
				},
				{ text: b }
			]
		}),
		date: '2025-05-08'
	},
	{},
	fixedT
);

describe('a one-list session in every workshop report format', () => {
	const dir = mkdtempSync(join(tmpdir(), 'samrad-one-list-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('HTML: one heading names both questions, with the line saying so', () => {
		const html = renderReportHtml(report).replace(/\u00AD/g, '');
		expect(html).toContain(`<h2>${asked}</h2>`);
		expect(html).toContain(`<p class="together">${together}</p>`);
		expect(html).not.toContain(noNotes);
	});

	it('Markdown: one heading names both questions', () => {
		const md = renderReportMarkdown(report);
		expect(md).toMatch(new RegExp(`^## .*${asked.replace(/[?)/]/g, '\\$&')}`, 'm'));
		expect(md).toContain(`*${together}*`);
		expect(md).not.toContain(noNotes);
	});

	it('DOCX: one heading paragraph names both questions', async () => {
		const paragraphs = docxParagraphs(await renderReportDocx(report));
		// The contents list it too; the section's own heading is a Heading paragraph.
		const headings = paragraphs.filter((p) => p.text === asked).map((p) => p.style);
		expect(headings.some((style) => style?.startsWith('Heading'))).toBe(true);
		expect(paragraphs.map((p) => p.text)).toContain(together);
		expect(paragraphs.map((p) => p.text)).not.toContain(noNotes);
	});

	it('PDF: both questions above the list', async () => {
		const { text } = await pdfText(await renderReportPdf(report), dir);
		const printed = flat(text);
		expect(printed).toContain(asked);
		expect(printed.indexOf(together)).toBeGreaterThan(printed.indexOf(asked));
		expect(printed).not.toContain(noNotes);
	}, 60_000);

	it('CSV: the question column names both questions on every note', () => {
		const rows = renderReportCsv(report)
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.slice(1);
		const notes = rows.filter((r) => r !== '');
		expect(notes).toHaveLength(3);
		for (const row of notes) expect(row).toContain(asked);
	});
});
