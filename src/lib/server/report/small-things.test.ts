/**
 * A welcome dinner (a social programme item), participants' role descriptions in their own
 * words and a round's instruction, in every report format that prints the programme, the
 * participants and the rounds (the CSV holds notes only).
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

const instruction = 'Ta utgangspunkt i forrige erfaringsutveksling:\nHva har vi lært?';

function source(): ReportSource {
	const s = demoReportSource();
	s.programme.push({
		date: '2025-05-07',
		start: '19:00',
		end: null,
		title: 'Velkomstmiddag',
		kind: 'social'
	});
	s.participants = s.participants.map((p) =>
		p.id === 'no-oystein' ? { ...p, roleDescription: 'forsker, prosjektleder' } : p
	);
	s.rounds = [{ ...s.rounds[0]!, instruction, groups: s.rounds[0]!.groups.slice(0, 1) }];
	return s;
}

function report(lang: 'nb' | 'en' = 'nb'): Report {
	return buildReport(source(), { generatedAt: '2025-05-20', language: lang }, fixedT);
}

const unhyphenated = (text: string) => text.replace(/\u00ad/g, '');

describe('the report model', () => {
	it('labels the social item in the report language', () => {
		const items = report('en').programme!.days.flatMap((d) => d.items);
		expect(items.find((i) => i.title === 'Velkomstmiddag')).toMatchObject({
			kind: 'social',
			kindLabel: 'Social'
		});
		const nb = report().programme!.days.flatMap((d) => d.items);
		expect(nb.find((i) => i.title === 'Velkomstmiddag')!.kindLabel).toBe('Sosialt');
	});

	it('lists a role description next to the role', () => {
		const people = report().participants!.countries.flatMap((c) => c.people);
		expect(people.find((p) => p.id === 'no-oystein')).toMatchObject({
			role: 'arbeidstaker',
			roleDescription: 'forsker, prosjektleder'
		});
		expect(people.find((p) => p.id === 'no-kristin')!.roleDescription).toBe('');
	});

	it('gives the round its instruction as text blocks, after the theme', () => {
		const round = report().rounds[0]!;
		expect(round.instruction).toEqual([
			{
				kind: 'paragraph',
				text: 'Ta utgangspunkt i forrige erfaringsutveksling:\nHva har vi lært?'
			}
		]);
	});
});

describe('Markdown', () => {
	const md = renderReportMarkdown(report());

	it('prints the social item, the role description and the instruction in its place', () => {
		expect(md).toContain('| Velkomstmiddag | Sosialt |');
		expect(md).toContain('Øystein Sørmark, arbeidstaker (forsker, prosjektleder)');
		const theme = md.indexOf('Jobbfastholdelse ved hjelp av supported employment');
		const said = md.indexOf('Ta utgangspunkt i forrige erfaringsutveksling:\\\nHva har vi lært?');
		const questions = md.indexOf('| Gruppe (antall)');
		expect(theme).toBeGreaterThan(0);
		expect(said).toBeGreaterThan(theme);
		expect(questions).toBeGreaterThan(said);
	});
});

describe('HTML', () => {
	const html = unhyphenated(renderReportHtml(report()));

	it('prints the social item, the role description and the instruction in its place', () => {
		expect(html).toMatch(/<td>Velkomstmiddag<\/td><td>Sosialt<\/td>/);
		expect(html).toContain('Øystein Sørmark, arbeidstaker (forsker, prosjektleder)');
		const theme = html.indexOf('Jobbfastholdelse ved hjelp av supported employment');
		const said = html.indexOf('Ta utgangspunkt i forrige erfaringsutveksling:<br>Hva har vi lært?');
		const questions = html.indexOf('<table class="groups">');
		expect(theme).toBeGreaterThan(0);
		expect(said).toBeGreaterThan(theme);
		expect(questions).toBeGreaterThan(said);
	});
});

describe('DOCX', () => {
	let xml = '';

	beforeAll(async () => {
		xml = strFromU8(unzipSync(await renderReportDocx(report()))['word/document.xml']!);
	});

	it('prints the social item, the role description and the instruction in its place', () => {
		const text = xml.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
		expect(text).toContain('VelkomstmiddagSosialt');
		expect(text).toContain('Øystein Sørmark, arbeidstaker (forsker, prosjektleder)');
		const theme = text.indexOf('Jobbfastholdelse ved hjelp av supported employment');
		const said = text.indexOf('Ta utgangspunkt i forrige erfaringsutveksling:\nHva har vi lært?');
		const questions = text.indexOf('Gruppe (antall)');
		expect(theme).toBeGreaterThan(0);
		expect(said).toBeGreaterThan(theme);
		expect(questions).toBeGreaterThan(said);
	});
});

// Printed by the real system Chromium, read back with pdftotext.
describe('PDF', () => {
	let dir = '';

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'samrad-small-'));
	});

	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('prints the social item, the role description and the instruction in its place', async () => {
		const file = join(dir, 'small.pdf');
		await writeFile(file, await renderReportPdf(report()));
		const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
		const text = unhyphenated(stdout).replace(/[ \t]+/g, ' ');
		expect(text).toMatch(/Velkomstmiddag\s+Sosialt/);
		expect(text).toMatch(/Øystein Sørmark, arbeidstaker \(forsker,\s+prosjektleder\)/);
		const theme = text.indexOf('Jobbfastholdelse ved hjelp av supported employment');
		const said = text.indexOf('Ta utgangspunkt i forrige erfaringsutveksling:\nHva har vi lært?');
		expect(theme).toBeGreaterThan(0);
		expect(said).toBeGreaterThan(theme);
	}, 60_000);
});
