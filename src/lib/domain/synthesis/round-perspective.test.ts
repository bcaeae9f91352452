import { describe, expect, it } from 'vitest';
import type { PerspectiveGroup, Theme } from './perspective';
import { perspectiveView } from './round-perspective';

const groups: PerspectiveGroup[] = [
	{ id: 'a', label: 'Arbeidstakere', items: [{ id: 'q:1', text: 'Lønn', rank: 1, points: 9 }] },
	{
		id: 'b',
		label: 'Arbeidsgivere',
		items: [{ id: 'q:2', text: 'Lønnstilskudd', rank: 1, points: 7 }]
	}
];

describe('perspectiveView', () => {
	it('shows every group in each theme, empty where it never raised it, with the items’ texts now', () => {
		const themes: Theme[] = [
			{
				id: 'a/q:1',
				heading: 'Lønn',
				entries: [
					{ groupId: 'a', itemId: 'q:1', rank: 1, points: 9 },
					{ groupId: 'b', itemId: 'q:2', rank: 1, points: 7 }
				]
			}
		];
		const view = perspectiveView(groups, themes);
		expect(view.themes[0]).toMatchObject({ groups: 2, points: 16 });
		expect(view.themes[0]!.columns.map((c) => c.items.map((i) => i.text))).toEqual([
			['Lønn'],
			['Lønnstilskudd']
		]);
		expect(view.divergences).toEqual([]);
	});

	it('leaves out an item that is gone (a deleted note), and a theme left with none', () => {
		const themes: Theme[] = [
			{
				id: 'a/q:1',
				heading: 'Lønn',
				entries: [
					{ groupId: 'a', itemId: 'q:1', rank: 1, points: 9 },
					{ groupId: 'b', itemId: 'q:gone', rank: 2, points: 3 }
				]
			},
			{
				id: 'b/q:x',
				heading: 'Borte',
				entries: [{ groupId: 'b', itemId: 'q:x', rank: 1, points: 1 }]
			}
		];
		const view = perspectiveView(groups, themes);
		expect(view.themes.map((t) => t.id)).toEqual(['a/q:1']);
		expect(view.themes[0]!.columns[1]!.items).toEqual([]);
		// Counted on what is left: only the workers raised it now.
		expect(view.divergences).toContainEqual({ kind: 'one-group', themeId: 'a/q:1', groupId: 'a' });
	});
});
