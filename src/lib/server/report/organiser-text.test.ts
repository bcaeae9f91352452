/**
 * What an organiser types in several lines keeps its line breaks, its paragraphs and its own
 * capitalisation in every report format: the round's theme above all, which the formats used
 * to print in bold across a blank line (Markdown) or in capitals (HTML, PDF, DOCX).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportSource } from '$lib/domain/report/fixtures';
import { buildReport, type Report } from '$lib/domain/report/model';
import type { ReportSource } from '$lib/domain/report/source';
import { fixedT } from '$lib/i18n';
import { renderReportDocx } from './docx';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';
import { renderReportPdf } from './pdf';

const run = promisify(execFile);

/** Two paragraphs, a line break inside the first, mixed case and an acronym. */
const theme = 'Jobb med SE i Norden\nog hos NAV\n\nAndre avsnitt: Hva trengs?';

function source(): ReportSource {
	const s = demoReportSource();
	s.rounds = [{ ...s.rounds[0]!, theme, groups: s.rounds[0]!.groups.slice(0, 1) }];
	return s;
}

function report(): Report {
	return buildReport(source(), { generatedAt: '2025-05-20' }, fixedT);
}

/** Soft hyphens the HTML adds to long words say nothing about what was typed. */
const unhyphenated = (text: string) => text.replace(/\u00ad/g, '');

describe('a multi-line theme in Markdown', () => {
	const md = renderReportMarkdown(report());

	it('opens and closes bold within each paragraph, so no literal ** is printed', () => {
		const paragraphs = md.split(/\n\s*\n/);
		const unbalanced = paragraphs.filter((p) => (p.match(/(?<!\\)\*\*/g)?.length ?? 0) % 2 === 1);
		expect(unbalanced).toEqual([]);
	});

	it('keeps the line break as a hard break and the blank line as a new paragraph', () => {
		expect(md).toMatch(/Jobb med SE i Norden\\\nog hos NAV/);
		const paragraphs = md.split(/\n\s*\n/);
		const first = paragraphs.findIndex((p) => p.includes('Jobb med SE i Norden'));
		expect(paragraphs[first + 1]).toContain('Andre avsnitt: Hva trengs?');
	});
});

describe('a multi-line theme in HTML', () => {
	const html = unhyphenated(renderReportHtml(report()));

	it('keeps the line break and the paragraphs', () => {
		expect(html).toMatch(
			/Jobb med SE i Norden<br>og hos NAV<\/p>\s*<p>Andre avsnitt: Hva trengs\?/
		);
	});

	it('keeps its own capitalisation: no style turns the theme into capitals', () => {
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
		const rules = [...style.matchAll(/([^{}]+)\{([^}]*)\}/g)];
		const capitalising = rules
			.filter(([, , body]) => /text-transform:\s*uppercase/.test(body!))
			.map(([, selector]) => selector!.trim());
		expect(capitalising.filter((selector) => selector.includes('.theme'))).toEqual([]);
	});
});

describe('a multi-line theme in DOCX', () => {
	let xml = '';

	beforeAll(async () => {
		xml = strFromU8(unzipSync(await renderReportDocx(report()))['word/document.xml']!);
	});

	it('keeps the line break, the paragraphs and the capitalisation', () => {
		expect(xml).not.toContain('JOBB MED SE');
		const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
		const first = paragraphs.find((p) => p.includes('Jobb med SE i Norden'));
		expect(first).toBeDefined();
		expect(first).toMatch(/Jobb med SE i Norden<\/w:t>[\s\S]*<w:br\/>[\s\S]*og hos NAV/);
		expect(first).not.toContain('Andre avsnitt');
		expect(paragraphs.some((p) => p.includes('Andre avsnitt: Hva trengs?'))).toBe(true);
	});
});

// Printed by the real system Chromium, read back with pdftotext.
describe('a multi-line theme in PDF', () => {
	let dir = '';

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'samrad-theme-'));
	});

	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('keeps the line break and the capitalisation', async () => {
		const file = join(dir, 'theme.pdf');
		await writeFile(file, await renderReportPdf(report()));
		const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
		const text = unhyphenated(stdout);
		expect(text).not.toContain('JOBB MED SE');
		expect(text).toMatch(/Jobb med SE i Norden\nog hos NAV\n/);
		expect(text).toContain('Andre avsnitt: Hva trengs?');
	}, 60_000);
});

describe('a question on two lines in Markdown', () => {
	it('stays one heading, its line break kept inside it', () => {
		const s = source();
		const session = s.rounds[0]!.groups[0]!.session!;
		session.questions[0] = { ...session.questions[0]!, text: 'Hva trengs?\nOg for hvem?' };
		const md = renderReportMarkdown(buildReport(s, { generatedAt: '2025-05-20' }, fixedT));
		const heading = md.split('\n').find((line) => line.startsWith('#### a) Hva trengs?'));
		expect(heading).toBe('#### a) Hva trengs?<br>Og for hvem?');
	});
});
