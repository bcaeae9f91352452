import { describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { languages } from '../session/types';
import { acrossAuthors, acrossSource, acrossThemes } from './across-fixture';
import { buildReport } from './model';

const build = (source = acrossSource(), language: (typeof languages)[number] = 'en') =>
	buildReport(source, { language, includeNames: true, generatedAt: '2025-05-20' }, fixedT);

describe('the report’s chapter “Across the groups”', () => {
	it('follows each round’s groups, in the contents too', () => {
		const report = build();
		const round = report.rounds[0]!;
		expect(round.across.heading).toBe('Across the groups');
		expect(round.across.anchor).toBe('round-1-across');
		const anchors = report.contents.map((c) => c.anchor);
		expect(anchors.indexOf('round-1-across')).toBe(anchors.indexOf('round-1-group-2') + 1);
	});

	it('gives the confirmed themes with the groups that raised each, their rank and points', () => {
		const { across } = build().rounds[0]!;
		expect(across.confirmed).toBe(true);
		expect(across.groups.map((g) => g.label)).toEqual(['Arbeidsgivere', 'Jobbkonsulenter']);
		expect(across.themes.map((t) => [t.heading, t.groupCount, t.points])).toEqual([
			['Fast kontaktperson', 2, 13],
			['Opplæring på jobben', 1, 9],
			['Tid til oppfølging', 2, 6],
			['Lønn', 1, 2]
		]);
		const contact = across.themes[0]!;
		expect(contact.cells.map((c) => c.entries.map((e) => [e.rank, e.points, e.text]))).toEqual([
			[[1, 9, 'Fast kontaktperson i NAV']],
			[[2, 4, 'Kontaktperson hos arbeidsgiver']]
		]);
		expect(across.themes[1]!.cells[0]!.entries).toEqual([]);
		expect(contact.raisedBy).toBe('2 of 2 groups');
	});

	it('names the divergences: a first priority the other group never raised, themes one group alone raised', () => {
		const { across } = build().rounds[0]!;
		expect(across.divergences).toEqual([
			'Jobbkonsulenter ranked “Opplæring på jobben” first; Arbeidsgivere never raised it.',
			'Only Jobbkonsulenter raised “Opplæring på jobben”.',
			'Only Arbeidsgivere raised “Lønn”.'
		]);
	});

	it('reports no proposal as a finding: unconfirmed or absent themes are said to be so', () => {
		for (const themes of [acrossThemes(null), null]) {
			const { across } = build(acrossSource(themes)).rounds[0]!;
			expect(across.confirmed).toBe(false);
			expect(across.themes).toEqual([]);
			expect(across.divergences).toEqual([]);
			expect(across.intro).toContain('not confirmed');
		}
	});

	it('names nobody who wrote what, in any language', () => {
		for (const language of languages) {
			const { across } = build(acrossSource(), language).rounds[0]!;
			const text = JSON.stringify(across);
			for (const name of acrossAuthors) expect(text).not.toContain(name.split(' ')[1]);
			expect(across.heading).not.toBe('');
			expect(across.divergences).toHaveLength(3);
		}
	});

	it('leaves out a theme whose items are gone since it was confirmed', () => {
		const themes = acrossThemes();
		themes.themes.push({
			id: 'gone',
			heading: 'GONE-THEME',
			entries: [{ groupId: 'emp', itemId: 'emp-q1:n:nowhere', rank: 1, points: 9 }]
		});
		const { across } = build(acrossSource(themes)).rounds[0]!;
		expect(across.themes.map((t) => t.heading)).not.toContain('GONE-THEME');
	});
});
