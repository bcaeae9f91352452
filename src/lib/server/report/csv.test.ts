import { describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import { renderReportCsv } from './csv';
import { hostile, hostileReport } from './test-report';

function parse(text: string, unprotectFormulas = false): string[][] {
	const result = parseCsv(text, { unprotectFormulas });
	if (!result.ok) throw new Error(result.error.code);
	return result.table.rows.filter((row) => row.some((cell) => cell !== ''));
}

describe('CSV report', () => {
	const report = hostileReport();
	const csv = renderReportCsv(report);
	const rows = parse(csv);
	const [header, ...data] = rows;

	it('starts with a UTF-8 BOM and uses semicolons for a Nordic report', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')[0]).toBe(
			'Runde;Gruppe;Spørsmål;Overskrift;Tekst;Plass;Poeng;Stemmer;Skrevet av;Gruppens lapp;Underoverskrift;Tema'
		);
		expect(renderReportCsv(hostileReport({ language: 'en' })).slice(1, 20)).toBe(
			'Round,Group,Questio'
		);
	});

	it('has one row per note of the report', () => {
		const notes = report.rounds
			.flatMap((r) => r.groups.flatMap((g) => g.questions))
			.reduce(
				(sum, q) =>
					sum + q.prioritised.reduce((n, i) => n + i.notes.length, 0) + (q.otherNotes?.length ?? 0),
				0
			);
		expect(header).toHaveLength(12);
		expect(data).toHaveLength(notes);
		expect(data.every((row) => row.length === 12)).toBe(true);
	});

	it('gives prioritised notes their heading, rank, points and votes', () => {
		const row = data.find((r) => r[4] === 'Samme lønn som de andre (likeverd)');
		expect(row).toEqual([
			'Første gruppearbeid',
			'Gruppe 1: Arbeidstakere',
			'a) Hva slags støtte er viktig for at du skal beholde jobben?',
			'LIKEVERD',
			'Samme lønn som de andre (likeverd)',
			'1',
			'25',
			'6',
			'',
			'',
			'',
			// No theme: the demo's themes are not confirmed.
			''
		]);
		const other = data.find((r) => r[4] === 'Job coach bør også undervise kollegerne i starten');
		expect(other?.slice(3)).toEqual([
			'',
			'Job coach bør også undervise kollegerne i starten',
			'',
			'',
			'',
			'',
			'',
			'',
			''
		]);
	});

	it('quotes delimiters, quotes and line breaks so they read back unchanged', () => {
		expect(csv).toContain('"Han sa ""ja"", og; gikk"');
		const texts = data.map((r) => r[4]);
		expect(texts).toContain(hostile.quoted);
		expect(texts).toContain(hostile.multiline);
		expect(texts).toContain(hostile.script);
		expect(data.map((r) => r[1])).toContain('Gruppe 7: Blandet <gruppe>');
	});

	it('neutralises a note that looks like a formula', () => {
		const texts = data.map((r) => r[4]);
		expect(texts).toContain(`'${hostile.formula}`);
		expect(texts).not.toContain(hostile.formula);
		expect(csv).not.toMatch(/(^|[;\n])=SUM/);
		expect(parse(csv, true).map((r) => r[4])).toContain(hostile.formula);
	});

	it('keeps Nordic letters and names the authors of named sessions only', () => {
		const iceland = data.filter((r) => r[1] === 'Gruppe 3: Island');
		expect(iceland.length).toBeGreaterThan(0);
		expect(iceland.every((r) => r[8] !== '')).toBe(true);
		expect(iceland.map((r) => r[8])).toContain('Guðrún Jónsdóttir');
		expect(data.filter((r) => r[1] === 'Gruppe 4: Norge').every((r) => r[8] === '')).toBe(true);
		expect(data.map((r) => r[4])).toContain('Stuðningur eftir vinnutíma');
	});

	it('drops authors and unvoted notes when the options say so', () => {
		const lean = parse(
			renderReportCsv(hostileReport({ includeNames: false, includeUnvotedNotes: false }))
		);
		expect(lean.slice(1).every((r) => r[8] === '' && r[5] !== '')).toBe(true);
	});
});
