import { describe, expect, it } from 'vitest';
import { defaultGlossary } from '../glossary/default-glossary';
import { seededRandom, shuffle } from '$lib/testing/random';
import { divergences, perspectiveMap, type PerspectiveGroup } from './perspective';
import type { SuggestOptions } from './suggest';
import { loadLanguageDetector } from './language';

await loadLanguageDetector();

const options: SuggestOptions = { glossary: defaultGlossary, reader: 'nb' };

const workers: PerspectiveGroup = {
	id: 'g-workers',
	label: 'Arbeidstakere',
	items: [
		{ id: 'a1', text: 'Fast saksbehandler som kjenner meg', rank: 1, points: 12, language: 'nb' },
		{ id: 'a2', text: 'Lønn etter tariff', rank: 2, points: 7, language: 'nb' }
	]
};
const caseworkers: PerspectiveGroup = {
	id: 'g-caseworkers',
	label: 'Handläggare',
	items: [
		{ id: 'b1', text: 'Samma handläggare hela vägen', rank: 1, points: 10, language: 'sv' },
		{ id: 'b2', text: 'Mindre byråkrati i ansökan', rank: 2, points: 6, language: 'sv' }
	]
};
const employers: PerspectiveGroup = {
	id: 'g-employers',
	label: 'Arbeidsgivere',
	items: [
		{ id: 'c1', text: 'Forutsigbar lønnstilskudd over tid', rank: 1, points: 9, language: 'nb' },
		{ id: 'c2', text: 'Fast saksbehandler hos NAV', rank: 2, points: 5, language: 'nb' }
	]
};

const groupsOfTheme = (map: ReturnType<typeof perspectiveMap>, itemId: string) =>
	map.themes.find((t) => t.entries.some((e) => e.itemId === itemId))!.entries.map((e) => e.groupId);

describe('perspectiveMap', () => {
	it('puts a Norwegian and a Swedish item on the same glossary concept under one theme', () => {
		const map = perspectiveMap([workers, caseworkers], options);
		const theme = map.themes.find((t) => t.entries.some((e) => e.itemId === 'a1'))!;
		expect(theme.entries).toEqual([
			{ groupId: 'g-caseworkers', itemId: 'b1', rank: 1, points: 10 },
			{ groupId: 'g-workers', itemId: 'a1', rank: 1, points: 12 }
		]);
		expect(theme.heading).toBe('Saksbehandler');
		// The shared theme comes first: it is raised by both groups.
		expect(map.themes[0]).toBe(theme);
		expect(map.themes).toHaveLength(3);
	});

	it('makes a theme only employers raised visible, and a first priority others never raised', () => {
		const map = perspectiveMap([workers, caseworkers, employers], options);
		const subsidy = map.themes.find((t) => t.entries.some((e) => e.itemId === 'c1'))!;
		expect(subsidy.entries.map((e) => e.groupId)).toEqual(['g-employers']);
		expect(map.divergences).toContainEqual({
			kind: 'one-group',
			themeId: subsidy.id,
			groupId: 'g-employers'
		});
		expect(map.divergences).toContainEqual({
			kind: 'first-not-raised',
			themeId: subsidy.id,
			groupId: 'g-employers',
			missing: ['g-caseworkers', 'g-workers']
		});
		// All three groups raised the caseworker: no divergence on it.
		expect(groupsOfTheme(map, 'a1')).toEqual(['g-caseworkers', 'g-employers', 'g-workers']);
		const shared = map.themes.find((t) => t.entries.some((e) => e.itemId === 'a1'))!;
		expect(map.divergences.filter((d) => d.themeId === shared.id)).toEqual([]);
	});

	it('an empty round, and a round of groups without items, have no themes', () => {
		expect(perspectiveMap([], options)).toEqual({ themes: [], divergences: [] });
		const empty = [
			{ ...workers, items: [] },
			{ ...caseworkers, items: [] }
		];
		expect(perspectiveMap(empty, options)).toEqual({ themes: [], divergences: [] });
	});

	it('one group alone has themes but no divergences', () => {
		const map = perspectiveMap([workers], options);
		expect(map.themes).toHaveLength(2);
		expect(map.divergences).toEqual([]);
	});

	it('gives the same map whatever the order of groups and items', () => {
		const first = perspectiveMap([workers, caseworkers, employers], options);
		const rand = seededRandom(17);
		for (let i = 0; i < 20; i += 1) {
			const shuffled = shuffle(rand, [workers, caseworkers, employers]).map((g) => ({
				...g,
				items: shuffle(rand, g.items)
			}));
			expect(perspectiveMap(shuffled, options)).toEqual(first);
		}
	});

	it('cuts a long item text to a heading of at most 120 characters', () => {
		const long = 'ord '.repeat(100).trim();
		const map = perspectiveMap(
			[{ id: 'g', label: 'G', items: [{ id: 'x', text: long, rank: 1, points: 1 }] }],
			options
		);
		expect([...map.themes[0]!.heading].length).toBeLessThanOrEqual(120);
		expect(map.themes[0]!.heading.endsWith('…')).toBe(true);
	});
});

describe('divergences', () => {
	it('lists every group that ranked a theme first when others never raised it', () => {
		const theme = {
			id: 't',
			heading: 'T',
			entries: [
				{ groupId: 'b', itemId: '1', rank: 1, points: 5 },
				{ groupId: 'a', itemId: '2', rank: 1, points: 5 }
			]
		};
		expect(divergences(['a', 'b', 'c'], [theme])).toEqual([
			{ kind: 'first-not-raised', themeId: 't', groupId: 'a', missing: ['c'] },
			{ kind: 'first-not-raised', themeId: 't', groupId: 'b', missing: ['c'] }
		]);
	});
});
