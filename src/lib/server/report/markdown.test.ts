import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderReportMarkdown } from './markdown';
import { hostileReport } from './test-report';

describe('escapeMarkdown', () => {
	it('escapes inline markup and raw HTML', () => {
		expect(escapeMarkdown('a *b* _c_ [d](e) <f> | g ` h & i')).toBe(
			'a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\| g \\` h \\& i'
		);
	});

	it('escapes block markers only at the start of a line', () => {
		expect(escapeMarkdown('# a\n- b\n> c\n1. d\nx - y # z')).toBe(
			'\\# a\n\\- b\n\\> c\n1\\. d\nx - y # z'
		);
	});

	it('leaves Nordic letters and ordinary punctuation alone', () => {
		expect(escapeMarkdown('Guðrún, Øystein og Árni: «SE-tilbud» (2025).')).toBe(
			'Guðrún, Øystein og Árni: «SE-tilbud» (2025).'
		);
	});
});

describe('Markdown report', () => {
	const report = hostileReport();
	const md = renderReportMarkdown(report);
	const lines = md.split('\n');

	it('has the report structure as headings', () => {
		const headings = lines.filter((l) => /^#{1,5} /.test(l));
		expect(headings[0]).toBe(
			'# Nordisk dialog "2025" \\</style\\>\\<script\\>alert(1)\\</script\\>'
		);
		expect(headings.slice(1, 7)).toEqual([
			'## Innhold',
			'## Om konferansen',
			'## Program',
			'### Onsdag 7. mai',
			'### Torsdag 8. mai',
			'## Deltakere'
		]);
		expect(headings).toContain('## Vedlegg: Språkhjelp');
		expect(headings).toContain('## Innledning');
		expect(headings).toContain('## Første gruppearbeid');
		expect(headings).toContain('### Gruppe 1: Arbeidstakere');
		expect(headings).toContain('#### a) Hva slags støtte er viktig for at du skal beholde jobben?');
		expect(headings).toContain('##### Gruppens prioriteringer');
		expect(headings).toContain('#### Gruppeledernes refleksjon');
		expect(headings.slice(-4)).toEqual([
			'## Oppsummering i plenum',
			'### Første gruppearbeid',
			'### Andre gruppearbeid',
			'## Vedlegg: Språkhjelp'
		]);
	});

	it('links every contents entry to an explicit anchor', () => {
		for (const entry of report.contents) {
			expect(md).toContain(`](#${entry.anchor})`);
			expect(md.split(`<a id="${entry.anchor}"></a>`)).toHaveLength(2);
		}
	});

	it('renders results as tables with numeric columns right-aligned', () => {
		expect(md).toContain(
			'| Plass | Overskrift / Lapper | Poeng | Stemmer |\n| ---: | --- | ---: | ---: |'
		);
		expect(md).toMatch(
			/^\| 1 \(delt\) \| \*\*LIKEVERD\*\*<br>• Samme lønn som de andre \(likeverd\)/m
		);
	});

	it('keeps user text from becoming markup', () => {
		expect(md).not.toMatch(/(^|[^\\])<script/);
		expect(md).toContain('\\<script\\>alert("x")\\</script\\>');
		expect(md).toContain('Hva \\<b\\>mangler\\</b\\>?');
		expect(md).toContain('\\# Ikke en overskrift \\*stjerner\\* \\_streker\\_ \\| rør');
		expect(md).toContain('SPRÅK \\& \\<KULTUR\\>');
		// A line break inside a table cell stays inside the cell.
		expect(md).toMatch(/^\| 2 \| Første linje<br>Andre linje \| \d+ \| 1 \|$/m);
	});

	it('lists participants by country, numbered, coordinators first', () => {
		const start = lines.indexOf('### Island (7)');
		expect(lines[start + 2]).toBe(
			'1. Árni Már Björnsson, jobbkonsulent, **nasjonal koordinator** – Vinnumálastofnun'
		);
		expect(md).toContain('Guðrún Jónsdóttir, jobbkonsulent – Ás vinnustofa');
		expect(md).toContain('Øystein Sørmark, arbeidstaker');
	});

	it('shows counts per role instead of names when names are left out', () => {
		const anonymous = renderReportMarkdown(hostileReport({ includeNames: false }));
		expect(anonymous).not.toContain('Guðrún Jónsdóttir');
		expect(anonymous).toContain('| Rolle | Antall |');
		expect(anonymous).toMatch(/\| jobbkonsulenter \| 2 \|/);
	});
});
