import { describe, expect, it } from 'vitest';
import type { PerspectiveGroup } from './perspective';
import { forgetTexts, type RoundThemes } from './themes';

const groups: PerspectiveGroup[] = [
	{
		id: 'g1',
		label: 'Arbeidsgivere',
		items: [
			{ id: 'q1:n:a', text: 'Fast kontaktperson i NAV', rank: 1, points: 9 },
			{ id: 'q1:n:b', text: 'Mer tid til oppfølging', rank: 2, points: 4 }
		]
	},
	{
		id: 'g2',
		label: 'Jobbkonsulenter',
		items: [{ id: 'q1:n:c', text: 'Tid til hver enkelt', rank: 1, points: 6 }]
	}
];

const entry = (groupId: string, itemId: string, rank: number, points: number) => ({
	groupId,
	itemId,
	rank,
	points
});

function themes(): RoundThemes {
	return {
		roundId: 'r1',
		themes: [
			{ id: 't1', heading: 'Fast kontaktperson', entries: [entry('g1', 'q1:n:a', 1, 9)] },
			// Headed by a note now gone; another item of the theme remains.
			{
				id: 't2',
				heading: 'Epilepsi og arbeidstid',
				entries: [entry('g1', 'q1:n:gone', 1, 12), entry('g2', 'q1:n:c', 1, 6)]
			},
			// Headed by a word of the gone note (a suggested heading), nothing else left.
			{ id: 't3', heading: 'Epilepsi', entries: [entry('g1', 'q1:n:gone2', 3, 1)] },
			{ id: 't4', heading: 'Tid', entries: [entry('g1', 'q1:n:b', 2, 4)] }
		],
		confirmedAt: 100,
		presenting: 't3',
		updatedAt: 100
	};
}

describe('forgetting texts in a round’s themes', () => {
	it('rewrites a heading copied from a gone note to its remaining item with most points, drops a theme with none left', () => {
		const after = forgetTexts(themes(), ['Epilepsi og arbeidstid'], groups, 200)!;
		expect(after.themes.map((t) => [t.id, t.heading])).toEqual([
			['t1', 'Fast kontaktperson'],
			['t2', 'Tid til hver enkelt'],
			['t4', 'Tid']
		]);
		expect(JSON.stringify(after)).not.toContain('Epilepsi');
		expect(after.presenting).toBeNull();
		expect(after.confirmedAt).toBe(100);
		expect(after.updatedAt).toBe(200);
	});

	it('keeps headings whose words a remaining item still holds, and answers null when nothing changes', () => {
		expect(forgetTexts(themes(), ['Fast kontaktperson i NAV fra før'], groups, 200)).toBeNull();
		expect(forgetTexts(themes(), [], groups, 200)).toBeNull();
	});
});
