import { describe, expect, it } from 'vitest';
import {
	adjustedRandIndex,
	completePartition,
	jaccard,
	purity,
	dealIntoClusters,
	recoveredHeadings
} from './metrics';
import { seededRandom, shuffle } from '$lib/testing/random';

function shuffledPartition(ids: string[], sizes: number[], seed: number): string[][] {
	return dealIntoClusters(shuffle(seededRandom(seed), ids), sizes);
}

const truth = [
	['a', 'b', 'c'],
	['d', 'e', 'f']
];

describe('adjustedRandIndex', () => {
	it('is 1 for the same grouping, whatever the order of clusters and notes', () => {
		expect(
			adjustedRandIndex(truth, [
				['f', 'e', 'd'],
				['c', 'a', 'b']
			])
		).toBe(1);
	});

	it('matches the value computed by hand for a known contingency table', () => {
		// Contingency [[2,1],[0,3]]: index 1+3=4, rows 3+3=6, columns 1+6=7, expected 6*7/15=2.8.
		const predicted = [
			['a', 'b'],
			['c', 'd', 'e', 'f']
		];
		expect(adjustedRandIndex(truth, predicted)).toBeCloseTo((4 - 2.8) / (6.5 - 2.8), 10);
	});

	it('is negative when the suggestion splits every heading across clusters', () => {
		expect(
			adjustedRandIndex(truth, [
				['a', 'd'],
				['b', 'e'],
				['c', 'f']
			])
		).toBeLessThan(0);
	});

	it('treats notes left out of the suggestion as clusters of one', () => {
		expect(adjustedRandIndex(truth, [['a', 'b', 'c']])).toBe(
			adjustedRandIndex(truth, [['a', 'b', 'c'], ['d'], ['e'], ['f']])
		);
	});
});

describe('purity', () => {
	it('is 1 when every suggested cluster lies inside one heading, even split further', () => {
		expect(purity(truth, [['a', 'b'], ['c'], ['d', 'e', 'f']])).toBe(1);
	});

	it('counts the majority heading of each cluster', () => {
		// {a,b,d}: 2 agree; {c,e,f}: 2 agree → 4 of 6.
		expect(
			purity(truth, [
				['a', 'b', 'd'],
				['c', 'e', 'f']
			])
		).toBeCloseTo(4 / 6, 10);
	});

	it('is 1/k for one cluster over k equal headings', () => {
		expect(purity(truth, [['a', 'b', 'c', 'd', 'e', 'f']])).toBe(0.5);
	});
});

describe('recoveredHeadings', () => {
	it('recovers a heading when a cluster has Jaccard at least 0.5 with it', () => {
		// {a,b} vs {a,b,c}: 2/3 → recovered; {d,e,f,c}? c is used; {d} vs {d,e,f}: 1/3 → not.
		expect(recoveredHeadings(truth, [['a', 'b'], ['d'], ['e'], ['f']])).toEqual({
			recovered: 1,
			total: 2
		});
	});

	it('does not recover a heading with Jaccard just under 0.5', () => {
		// {a,b,d,e} vs {a,b,c}: 2/5 = 0.4; vs {d,e,f}: 2/5.
		expect(recoveredHeadings(truth, [['a', 'b', 'd', 'e']])).toEqual({ recovered: 0, total: 2 });
	});

	it('computes Jaccard on sets', () => {
		expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3, 10);
		expect(jaccard([], [])).toBe(1);
	});
});

describe('dealIntoClusters (the shuffled baseline)', () => {
	it('keeps the cluster sizes, covers every note once and depends only on the seed', () => {
		const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		const first = shuffledPartition(ids, [3, 2, 2], 42);
		expect(first.map((cluster) => cluster.length)).toEqual([3, 2, 2]);
		expect(first.flat().sort()).toEqual(ids);
		expect(shuffledPartition(ids, [3, 2, 2], 42)).toEqual(first);
		expect(shuffledPartition(ids, [3, 2, 2], 43)).not.toEqual(first);
	});

	it('averages near an ARI of 0 over many seeds', () => {
		const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
		const people = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(20)];
		let sum = 0;
		for (let seed = 1; seed <= 200; seed += 1) {
			sum += adjustedRandIndex(people, shuffledPartition(ids, [10, 10, 10], seed));
		}
		expect(Math.abs(sum / 200)).toBeLessThan(0.02);
	});
});

describe('completePartition', () => {
	it('adds left-out notes as clusters of one and drops empty clusters', () => {
		expect(completePartition([['a'], []], ['a', 'b'])).toEqual([['a'], ['b']]);
	});
});
