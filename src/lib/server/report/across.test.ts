import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { acrossAuthors, acrossSource } from '$lib/domain/report/across-fixture';
import { buildReport } from '$lib/domain/report/model';
import { renderReportCsv } from './csv';
import { renderReportDocx } from './docx';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';
import { renderReportPdf } from './pdf';

const run = promisify(execFile);
const report = (language: 'en' | 'nb' = 'en') =>
	buildReport(acrossSource(), { language, includeNames: true, generatedAt: '2025-05-20' }, fixedT);

/** The chapter's part of a text: from its heading to the next chapter (the appendix). */
function chapter(text: string, heading = 'Across the groups'): string {
	const start = text.lastIndexOf(heading);
	expect(start, `${heading} in the output`).toBeGreaterThan(-1);
	return text.slice(start);
}

const divergence =
	'Jobbkonsulenter ranked “Opplæring på jobben” first; Arbeidsgivere never raised it.';

describe('“Across the groups” in every format', () => {
	it('HTML: an accessible SVG map (title, description) with the table next to it, and the divergences', () => {
		const html = renderReportHtml(report()).replaceAll('\u00ad', '');
		const part = html.slice(html.indexOf('id="round-1-across"'));
		expect(part).not.toBe(html.slice(-1));
		const svg =
			/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+) ([^"]+)"[^>]*>([\s\S]*?)<\/svg>/.exec(part);
		expect(svg, 'an SVG figure labelled by its title and description').not.toBeNull();
		expect(svg![3]).toContain(`<title id="${svg![1]}">`);
		expect(svg![3]).toContain(`<desc id="${svg![2]}">`);
		expect(svg![3]).toContain('Fast kontaktperson');
		const table = /<table[\s\S]*?<\/table>/.exec(part.slice(part.indexOf('</svg>')))![0];
		for (const text of [
			'Fast kontaktperson',
			'Arbeidsgivere',
			'Jobbkonsulenter',
			'Kontaktperson hos arbeidsgiver'
		])
			expect(table).toContain(text);
		expect(part).toContain(divergence);
		for (const name of acrossAuthors) expect(part).not.toContain(name);
	});

	it('Markdown: the themes as a table, the divergences as a list', () => {
		const part = chapter(renderReportMarkdown(report()));
		expect(part).toMatch(/^\| Theme \| Arbeidsgivere \| Jobbkonsulenter \|/m);
		expect(part).toMatch(
			/^\| Fast kontaktperson \|.*Fast kontaktperson i NAV.*\|.*Kontaktperson hos arbeidsgiver.*\|/m
		);
		expect(part).toContain(`- ${divergence}`);
		for (const name of acrossAuthors) expect(part).not.toContain(name);
	});

	it('CSV: a theme column for each note', () => {
		const csv = renderReportCsv(report());
		const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
		const header = lines[0]!.split(',');
		const column = header.indexOf('Theme');
		expect(column).toBeGreaterThan(-1);
		const themeOf = (text: string) => lines.find((l) => l.includes(text))!.split(',')[column];
		expect(themeOf('Kontaktperson hos arbeidsgiver')).toBe('Fast kontaktperson');
		expect(themeOf('Tid til hver enkelt')).toBe('Tid til oppfølging');
		expect(themeOf('Lønnstilskudd lenger')).toBe('Lønn');
	});

	it('DOCX: the chapter as a heading, a table of the themes and the divergences', async () => {
		const files = unzipSync(await renderReportDocx(report()));
		const xml = strFromU8(files['word/document.xml']!);
		const part = chapter(xml);
		const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(part)![0];
		for (const text of ['Fast kontaktperson', 'Jobbkonsulenter', 'Kontaktperson hos arbeidsgiver'])
			expect(table).toContain(text);
		expect(part.replace(/<[^>]+>/g, '')).toContain(divergence);
		for (const name of acrossAuthors) expect(part).not.toContain(name);
	});

	it('PDF: the chapter with its figure and table, in Norwegian', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'samrad-across-'));
		try {
			const file = join(dir, 'across.pdf');
			await writeFile(file, await renderReportPdf(report('nb')));
			const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
			// Soft hyphens break long words in the PDF: the text is read without them.
			const part = chapter(stdout.replace(/\u00ad(‐\n)?/g, ''), 'På tvers av gruppene');
			expect(part).toContain('Fast kontaktperson');
			expect(part).toContain('Kontaktperson hos arbeidsgiver');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
