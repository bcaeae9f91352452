import { describe, expect, it } from 'vitest';
import {
	clusterItemId,
	effectiveTopN,
	noteItemId,
	pointsFor,
	tally,
	voteItems,
	type TallyRow,
	type VoteItem
} from './tally';
import {
	Q1,
	advance,
	advanceTo,
	as,
	clarifySession,
	facilitator,
	refusal,
	run,
	runOf
} from './test-fixtures';
import type { Ballot, Note, QuestionRun } from './types';
import { screenView } from './views';

function items(...ids: string[]): VoteItem[] {
	return ids.map((id) => ({ id, kind: 'note', label: id, noteIds: [id] }));
}

function ballot(voterId: string, ranking: string[]): Ballot {
	return { voterId, ranking, castAt: 0, byFacilitator: false };
}

/** [itemId, points, voters, rank, tied] per row, for compact exact assertions. */
function rows(result: TallyRow[]): [string, number, number, number, boolean][] {
	return result.map((r) => [r.itemId, r.points, r.voters, r.rank, r.tied]);
}

describe('item ids and Borda points', () => {
	it('prefixes item ids by kind', () => {
		expect(clusterItemId('k1')).toBe('c:k1');
		expect(noteItemId('a1')).toBe('n:a1');
	});

	it('limits N to the number of items', () => {
		expect(effectiveTopN(5, 8)).toBe(5);
		expect(effectiveTopN(5, 5)).toBe(5);
		expect(effectiveTopN(5, 3)).toBe(3);
		expect(effectiveTopN(5, 0)).toBe(0);
	});

	it('gives N points for the first choice down to 1 for the Nth, 0 after', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map((p) => pointsFor(p, 5))).toEqual([5, 4, 3, 2, 1, 0, 0]);
		expect(pointsFor(0, 1)).toBe(1);
		expect(pointsFor(0, 0)).toBe(0);
	});
});

describe('voteItems', () => {
	function note(id: string, revealIndex: number | null): Note {
		return {
			id,
			authorId: 'ann',
			text: `text of ${id}`,
			createdAt: 0,
			byFacilitator: false,
			revealIndex,
			readableByFacilitator: false,
			history: []
		};
	}

	const run: QuestionRun = {
		id: Q1,
		label: 'a',
		text: 'Q',
		phase: 'vote',
		notes: [
			note('n1', 3),
			note('n2', 0),
			note('n3', 2),
			note('n4', 1),
			note('n5', null),
			note('n6', 4)
		],
		clusters: [
			{ id: 'k2', heading: 'Second', noteIds: ['n6', 'n5'] },
			{ id: 'k0', heading: 'Empty', noteIds: [] },
			{ id: 'k1', heading: 'Only hidden', noteIds: ['n5'] },
			{ id: 'k3', heading: 'Third', noteIds: ['n3'] }
		],
		reveal: null,
		ballots: [],
		closedVote: null,
		previousVote: null
	};

	it('lists headings with revealed notes in heading order, then loose notes in reveal order', () => {
		expect(voteItems(run)).toEqual([
			{ id: 'c:k2', kind: 'cluster', label: 'Second', noteIds: ['n6'] },
			{ id: 'c:k3', kind: 'cluster', label: 'Third', noteIds: ['n3'] },
			{ id: 'n:n2', kind: 'note', label: 'text of n2', noteIds: ['n2'] },
			{ id: 'n:n4', kind: 'note', label: 'text of n4', noteIds: ['n4'] },
			{ id: 'n:n1', kind: 'note', label: 'text of n1', noteIds: ['n1'] }
		]);
	});

	it('never offers a private note', () => {
		const ids = voteItems(run).flatMap((i) => i.noteIds);
		expect(ids).not.toContain('n5');
	});
});

describe('tally', () => {
	it('gives N … 1 points with N = top-N', () => {
		const list = items('a', 'b', 'c', 'd', 'e', 'f');
		const result = tally(list, [ballot('v1', ['c', 'a', 'f', 'b', 'e'])], 5);
		expect(rows(result)).toEqual([
			['c', 5, 1, 1, false],
			['a', 4, 1, 2, false],
			['f', 3, 1, 3, false],
			['b', 2, 1, 4, false],
			['e', 1, 1, 5, false],
			['d', 0, 0, 6, false]
		]);
	});

	it('adds up several ballots', () => {
		const list = items('a', 'b', 'c');
		const result = tally(
			list,
			[ballot('v1', ['a', 'b']), ballot('v2', ['b', 'a']), ballot('v3', ['b'])],
			2
		);
		expect(rows(result)).toEqual([
			['b', 5, 3, 1, false],
			['a', 3, 2, 2, false],
			['c', 0, 0, 3, false]
		]);
	});

	it('marks items equal on points and voters as tied, sharing the higher rank', () => {
		const list = items('a', 'b', 'c', 'd');
		const result = tally(
			list,
			[ballot('v1', ['a', 'b', 'd']), ballot('v2', ['a', 'c', 'd']), ballot('v3', ['d'])],
			3
		);
		expect(rows(result)).toEqual([
			['a', 6, 2, 1, false],
			['d', 5, 3, 2, false],
			['b', 2, 1, 3, true],
			['c', 2, 1, 3, true]
		]);
	});

	it('ranks 1, 2, 2, 4 when the middle two share points and voters', () => {
		const list = items('a', 'b', 'c', 'd');
		const result = tally(
			list,
			[ballot('v1', ['a', 'b', 'c']), ballot('v2', ['a', 'c', 'b']), ballot('v3', ['d'])],
			3
		);
		expect(result.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
		expect(rows(result)).toEqual([
			['a', 6, 2, 1, false],
			['b', 3, 2, 2, true],
			['c', 3, 2, 2, true],
			['d', 3, 1, 4, false]
		]);
	});

	it('orders equal points by number of voters, then keeps item order', () => {
		const list = items('solo', 'pair', 'x', 'y');
		// solo: 3 points from one voter; pair: 2 + 1 = 3 points from two voters.
		const result = tally(
			list,
			[ballot('v1', ['solo', 'pair']), ballot('v2', ['y', 'x', 'pair'])],
			3
		);
		expect(rows(result)).toEqual([
			['pair', 3, 2, 1, false],
			['solo', 3, 1, 2, true],
			['y', 3, 1, 2, true],
			['x', 2, 1, 4, false]
		]);
	});

	it('keeps item order among items nobody chose, all tied', () => {
		expect(rows(tally(items('c', 'a', 'b'), [], 5))).toEqual([
			['c', 0, 0, 1, true],
			['a', 0, 0, 1, true],
			['b', 0, 0, 1, true]
		]);
	});

	it('counts empty ballots as giving nothing', () => {
		const result = tally(items('a', 'b'), [ballot('v1', []), ballot('v2', ['b'])], 5);
		expect(rows(result)).toEqual([
			['b', 2, 1, 1, false],
			['a', 0, 0, 2, false]
		]);
	});

	it('uses an effective N when top-N is larger than the number of items', () => {
		const result = tally(items('a', 'b', 'c'), [ballot('v1', ['b', 'c', 'a'])], 5);
		expect(rows(result)).toEqual([
			['b', 3, 1, 1, false],
			['c', 2, 1, 2, false],
			['a', 1, 1, 3, false]
		]);
	});

	it('ignores stale and repeated item ids without letting them take a place', () => {
		const result = tally(items('a', 'b', 'c'), [ballot('v1', ['gone', 'a', 'a', 'c', 'gone'])], 3);
		expect(rows(result)).toEqual([
			['a', 3, 1, 1, false],
			['c', 2, 1, 2, false],
			['b', 0, 0, 3, false]
		]);
	});

	it('ignores choices past N', () => {
		const result = tally(items('a', 'b', 'c', 'd'), [ballot('v1', ['d', 'c', 'b', 'a'])], 2);
		expect(rows(result)).toEqual([
			['d', 2, 1, 1, false],
			['c', 1, 1, 2, false],
			['a', 0, 0, 3, true],
			['b', 0, 0, 3, true]
		]);
	});

	it('gives an empty result for no items', () => {
		expect(tally([], [ballot('v1', ['a'])], 5)).toEqual([]);
	});

	it('gives the same answer whatever order the ballots came in', () => {
		const list = items('a', 'b', 'c', 'd', 'e');
		const ballots = [
			ballot('v1', ['a', 'b', 'c']),
			ballot('v2', ['c', 'b', 'a']),
			ballot('v3', ['b', 'e']),
			ballot('v4', ['e', 'd', 'c']),
			ballot('v5', ['d'])
		];
		const expected = tally(list, ballots, 3);
		expect(rows(expected)).toEqual([
			['b', 7, 3, 1, false],
			['c', 5, 3, 2, false],
			['d', 5, 2, 3, true],
			['e', 5, 2, 3, true],
			['a', 4, 2, 5, false]
		]);
		const orders = [
			[4, 3, 2, 1, 0],
			[2, 0, 4, 1, 3],
			[1, 4, 0, 3, 2]
		];
		for (const order of orders) {
			expect(
				tally(
					list,
					order.map((i) => ballots[i]!),
					3
				)
			).toEqual(expected);
		}
	});
});

describe('voting through execute()', () => {
	function voting() {
		return advanceTo(clarifySession(), 'vote');
	}

	it('replaces a ballot when the same person votes again', () => {
		let state = voting();
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: ['n:a1', 'n:b1'] },
			as('ann'),
			10
		);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('ben'), 11);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a3'] }, as('ann'), 12);
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'ben', ranking: ['n:c1'], castAt: 11, byFacilitator: false },
			{ voterId: 'ann', ranking: ['n:a3'], castAt: 12, byFacilitator: false }
		]);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, as('cat'), 13);
		state = advance(state);
		const results = screenView(state).runs[0]!.results!;
		expect(results.slice(0, 3).map((r) => [r.itemId, r.points, r.voters, r.rank])).toEqual([
			['n:b1', 5, 1, 1],
			['n:c1', 5, 1, 1],
			['n:a3', 5, 1, 1]
		]);
		expect(results.find((r) => r.itemId === 'n:a1')?.points).toBe(0);
	});

	it('accepts a blank ballot cast on purpose and counts the voter as having voted', () => {
		let state = voting();
		const blank = {
			type: 'ballot.cast',
			questionId: Q1,
			ranking: [] as string[],
			blank: true
		} as const;
		state = run(state, blank, as('dan'));
		expect(runOf(state).ballots.map((b) => [b.voterId, b.ranking])).toEqual([['dan', []]]);
		expect(screenView(state).runs[0]!.vote?.voted).toBe(1);
	});

	it('allows N = the number of items when there are fewer items than top-N', () => {
		let state = clarifySession();
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'All of it',
			noteIds: ['a1', 'a2', 'a3', 'b1']
		});
		state = advance(state);
		// Items: c:k1, n:c1, n:c2 — three items, top-N 5.
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: ['n:c2', 'c:k1', 'n:c1'] },
			as('ann')
		);
		expect(
			refusal(
				state,
				{ type: 'ballot.cast', questionId: Q1, ranking: ['n:c2', 'c:k1', 'n:c1', 'n:a1'] },
				as('ben')
			)
		).toEqual({ code: 'too_many', params: { max: 3 } });
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, as('ben'));
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('cat'));
		state = advance(state);
		expect(screenView(state).runs[0]!.results!.map((r) => [r.itemId, r.points])).toEqual([
			['c:k1', 5],
			['n:c1', 4],
			['n:c2', 3]
		]);
	});

	it('keeps a heading dissolved after the close in the fixed tally, under its heading then', () => {
		let state = clarifySession();
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'Money',
			noteIds: ['c1', 'c2']
		});
		state = advance(state);
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: ['c:k1', 'n:a1'] },
			as('ann')
		);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as('ben'));
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, as('cat'));
		state = advanceTo(state, 'discuss');
		const before = screenView(state).runs[0]!.results!;
		state = run(state, { type: 'cluster.dissolve', questionId: Q1, clusterId: 'k1' }, facilitator);
		const results = screenView(state).runs[0]!.results!;
		// The same ballots are never counted twice with different items: the close fixed the tally.
		expect(results.map((r) => [r.itemId, r.points, r.rank])).toEqual(
			before.map((r) => [r.itemId, r.points, r.rank])
		);
		expect(results[0]).toMatchObject({ itemId: 'c:k1', label: 'Money', points: 10, voters: 2 });
		expect(results[1]).toMatchObject({ itemId: 'n:a1', points: 9, voters: 2 });
	});
});
