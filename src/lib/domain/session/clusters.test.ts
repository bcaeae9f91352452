import { describe, expect, it } from 'vitest';
import {
	assignNotes,
	clusterOf,
	createCluster,
	dissolveCluster,
	mergeClusters,
	moveCluster,
	moveNoteInCluster,
	pruneHiddenNotes,
	renameCluster
} from './clusters';
import type { SessionCommand } from './commands';
import { voteItems } from './tally';
import {
	Q1,
	Q2,
	advance,
	advanceTo,
	as,
	clarifySession,
	deepFreeze,
	join,
	newSession,
	refusal,
	run,
	runOf,
	write
} from './test-fixtures';
import type { Cluster, Note, QuestionRun, SessionState } from './types';

function note(id: string, revealIndex: number | null): Note {
	return {
		id,
		authorId: 'ann',
		text: id,
		createdAt: 0,
		byFacilitator: false,
		revealIndex,
		readableByFacilitator: false,
		history: []
	};
}

function withClusters(clusters: Cluster[], hidden: string[] = []): QuestionRun {
	const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
	return {
		id: Q1,
		label: 'a',
		text: 'Q',
		phase: 'clarify',
		notes: [...ids.map((id, i) => note(id, i)), ...hidden.map((id) => note(id, null))],
		clusters,
		reveal: null,
		ballots: [],
		closedVote: null,
		previousVote: null
	};
}

const k = (id: string, noteIds: string[], heading = id.toUpperCase()): Cluster => ({
	id,
	heading,
	noteIds
});

describe('cluster functions', () => {
	it('createCluster adds a heading at the end with the given notes', () => {
		const start = withClusters([k('k1', ['n1'])]);
		const after = createCluster(start, 'k2', 'Money', ['n3', 'n2']);
		expect(after.clusters).toEqual([
			k('k1', ['n1']),
			{ id: 'k2', heading: 'Money', noteIds: ['n3', 'n2'] }
		]);
		expect(start.clusters).toEqual([k('k1', ['n1'])]);
	});

	it('createCluster splits: notes move out of the heading they were under', () => {
		const start = withClusters([k('k1', ['n1', 'n2', 'n3'])]);
		const after = createCluster(start, 'k2', 'Split', ['n2', 'n2', 'n3']);
		expect(after.clusters).toEqual([k('k1', ['n1']), k('k2', ['n2', 'n3'], 'Split')]);
	});

	it('createCluster may make an empty heading', () => {
		expect(createCluster(withClusters([]), 'k1', 'Later', []).clusters).toEqual([
			k('k1', [], 'Later')
		]);
	});

	it('renameCluster changes one heading and ignores unknown ids', () => {
		const start = withClusters([k('k1', ['n1']), k('k2', ['n2'])]);
		expect(renameCluster(start, 'k2', 'Time').clusters).toEqual([
			k('k1', ['n1']),
			k('k2', ['n2'], 'Time')
		]);
		expect(renameCluster(start, 'zz', 'Time').clusters).toEqual(start.clusters);
	});

	it('assignNotes appends in the given order and takes notes from other headings', () => {
		const start = withClusters([k('k1', ['n1', 'n2']), k('k2', ['n3'])]);
		const after = assignNotes(start, ['n4', 'n1'], 'k2');
		expect(after.clusters).toEqual([k('k1', ['n2']), k('k2', ['n3', 'n4', 'n1'])]);
	});

	it('assignNotes with null ungroups', () => {
		const start = withClusters([k('k1', ['n1', 'n2']), k('k2', ['n3'])]);
		expect(assignNotes(start, ['n2', 'n3'], null).clusters).toEqual([k('k1', ['n1']), k('k2', [])]);
	});

	it('assignNotes to the heading a note is already under moves it to the end', () => {
		const start = withClusters([k('k1', ['n1', 'n2', 'n3'])]);
		expect(assignNotes(start, ['n1'], 'k1').clusters).toEqual([k('k1', ['n2', 'n3', 'n1'])]);
	});

	it('mergeClusters appends the source’s notes to the target and removes the source', () => {
		const start = withClusters([k('k1', ['n1']), k('k2', ['n2', 'n3']), k('k3', ['n4'])]);
		const after = mergeClusters(start, 'k2', 'k3');
		expect(after.clusters).toEqual([k('k1', ['n1']), k('k3', ['n4', 'n2', 'n3'])]);
	});

	it('mergeClusters of a heading into itself or from an unknown heading changes nothing', () => {
		const start = withClusters([k('k1', ['n1'])]);
		expect(mergeClusters(start, 'k1', 'k1')).toBe(start);
		expect(mergeClusters(start, 'zz', 'k1')).toBe(start);
	});

	it('dissolveCluster removes the heading; its notes become ungrouped', () => {
		const start = withClusters([k('k1', ['n1']), k('k2', ['n2'])]);
		const after = dissolveCluster(start, 'k1');
		expect(after.clusters).toEqual([k('k2', ['n2'])]);
		expect(after.notes).toBe(start.notes);
		expect(clusterOf(after, 'n1')).toBeUndefined();
	});

	it('moveCluster moves a heading and clamps the position to the list', () => {
		const start = withClusters([k('k1', []), k('k2', []), k('k3', []), k('k4', [])]);
		const order = (r: QuestionRun) => r.clusters.map((c) => c.id);
		expect(order(moveCluster(start, 'k1', 2))).toEqual(['k2', 'k3', 'k1', 'k4']);
		expect(order(moveCluster(start, 'k4', 0))).toEqual(['k4', 'k1', 'k2', 'k3']);
		expect(order(moveCluster(start, 'k2', -5))).toEqual(['k2', 'k1', 'k3', 'k4']);
		expect(order(moveCluster(start, 'k2', 99))).toEqual(['k1', 'k3', 'k4', 'k2']);
		expect(order(moveCluster(start, 'k3', 2))).toEqual(['k1', 'k2', 'k3', 'k4']);
		expect(moveCluster(start, 'zz', 0)).toBe(start);
	});

	it('moveNoteInCluster reorders within the heading (clamped) and leaves others alone', () => {
		const start = withClusters([k('k1', ['n1', 'n2', 'n3']), k('k2', ['n4'])]);
		expect(moveNoteInCluster(start, 'n3', 0).clusters).toEqual([
			k('k1', ['n3', 'n1', 'n2']),
			k('k2', ['n4'])
		]);
		expect(moveNoteInCluster(start, 'n1', 10).clusters[0]).toEqual(k('k1', ['n2', 'n3', 'n1']));
		expect(moveNoteInCluster(start, 'n2', -1).clusters[0]).toEqual(k('k1', ['n2', 'n1', 'n3']));
		expect(moveNoteInCluster(start, 'n5', 0).clusters).toEqual(start.clusters);
	});

	it('pruneHiddenNotes drops notes that are private again from their headings', () => {
		const start = withClusters([k('k1', ['n1', 'h1']), k('k2', ['h2'])], ['h1', 'h2']);
		expect(pruneHiddenNotes(start).clusters).toEqual([k('k1', ['n1']), k('k2', [])]);
		const none = withClusters([k('k1', ['n1'])]);
		expect(pruneHiddenNotes(none)).toBe(none);
	});

	it('clusterOf finds the heading a note is under', () => {
		const start = withClusters([k('k1', ['n1']), k('k2', ['n2', 'n3'])]);
		expect(clusterOf(start, 'n3')?.id).toBe('k2');
		expect(clusterOf(start, 'n4')).toBeUndefined();
	});
});

/** The standard group in clarify, every note revealed: a1, b1, c1, a2, c2, a3. */
function clarify(): SessionState {
	return clarifySession();
}

const create = (clusterId: string, heading: string, noteIds: string[]): SessionCommand => ({
	type: 'cluster.create',
	questionId: Q1,
	clusterId,
	heading,
	noteIds
});

function headings(state: SessionState, questionId = Q1): [string, string, string[]][] {
	return runOf(state, questionId).clusters.map((c) => [c.id, c.heading, c.noteIds]);
}

describe('clustering through execute()', () => {
	it('creates, renames, assigns, merges, moves and dissolves headings', () => {
		let state = clarify();
		state = run(state, create('k1', '  Byråkrati  ', ['a1', 'c1']));
		state = run(state, create('k2', 'Money', ['c2']));
		expect(headings(state)).toEqual([
			['k1', 'Byråkrati', ['a1', 'c1']],
			['k2', 'Money', ['c2']]
		]);
		state = run(state, {
			type: 'cluster.rename',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'BYRÅKRATI'
		});
		state = run(state, {
			type: 'cluster.assign',
			questionId: Q1,
			noteIds: ['b1', 'c1'],
			clusterId: 'k2'
		});
		expect(headings(state)).toEqual([
			['k1', 'BYRÅKRATI', ['a1']],
			['k2', 'Money', ['c2', 'b1', 'c1']]
		]);
		state = run(state, { type: 'cluster.move', questionId: Q1, clusterId: 'k2', toIndex: 0 });
		expect(headings(state).map(([id]) => id)).toEqual(['k2', 'k1']);
		state = run(state, { type: 'cluster.merge', questionId: Q1, sourceId: 'k1', targetId: 'k2' });
		expect(headings(state)).toEqual([['k2', 'Money', ['c2', 'b1', 'c1', 'a1']]]);
		state = run(state, {
			type: 'cluster.assign',
			questionId: Q1,
			noteIds: ['b1'],
			clusterId: null
		});
		expect(headings(state)).toEqual([['k2', 'Money', ['c2', 'c1', 'a1']]]);
		state = run(state, { type: 'cluster.dissolve', questionId: Q1, clusterId: 'k2' });
		expect(headings(state)).toEqual([]);
		expect(runOf(state).notes).toHaveLength(6);
	});

	it('splits a heading by creating a new one from some of its notes', () => {
		let state = run(clarify(), create('k1', 'Everything', ['a1', 'b1', 'c1', 'a2']));
		state = run(state, create('k2', 'Benefits', ['c1']));
		expect(headings(state)).toEqual([
			['k1', 'Everything', ['a1', 'b1', 'a2']],
			['k2', 'Benefits', ['c1']]
		]);
	});

	it('clamps moves past either end', () => {
		let state = clarify();
		for (const id of ['k1', 'k2', 'k3']) state = run(state, create(id, id, []));
		state = run(state, { type: 'cluster.move', questionId: Q1, clusterId: 'k1', toIndex: 50 });
		expect(headings(state).map(([id]) => id)).toEqual(['k2', 'k3', 'k1']);
		state = run(state, { type: 'cluster.move', questionId: Q1, clusterId: 'k1', toIndex: -3 });
		expect(headings(state).map(([id]) => id)).toEqual(['k1', 'k2', 'k3']);
	});

	it('changes what people vote on: a heading with notes is one item, empty headings none', () => {
		let state = run(clarify(), create('k1', 'Money', ['c2', 'c1']));
		state = run(state, create('k2', 'Empty', []));
		expect(voteItems(runOf(state)).map((i) => i.id)).toEqual([
			'c:k1',
			'n:a1',
			'n:b1',
			'n:a2',
			'n:a3'
		]);
	});

	it('is also allowed while discussing after the results', () => {
		let state = advanceTo(clarify(), 'discuss');
		state = run(state, create('k1', 'Late heading', ['a3']));
		expect(headings(state)).toEqual([['k1', 'Late heading', ['a3']]]);
	});

	it('is refused outside clarify and discuss, and to participants', () => {
		const state = deepFreeze(clarify());
		expect(refusal(state, create('k1', 'X', []), as('ann'))).toEqual({ code: 'forbidden' });
		for (const phase of ['vote', 'results', 'revote'] as const) {
			const later = deepFreeze(advanceTo(state, phase));
			expect(refusal(later, create('k1', 'X', []))).toEqual({
				code: 'wrong_phase',
				params: { phase }
			});
		}
		const writing = deepFreeze(advance(join(newSession(), ['ann'])));
		expect(refusal(writing, { type: 'cluster.dissolve', questionId: Q1, clusterId: 'k1' })).toEqual(
			{
				code: 'wrong_phase',
				params: { phase: 'write' }
			}
		);
	});
});

describe('only revealed notes may be grouped', () => {
	/** q1 in clarify; q2 in write with a private note by Ann. */
	function twoQuestions(): SessionState {
		let state = clarifySession();
		state = run(state, { type: 'question.add', questionId: Q2, text: 'Second?' });
		state = advance(state, Q2);
		return write(state, { ann: [['p1', 'private in q2']] }, Q2);
	}

	/** q1 in clarify with one note made private by hand: the guard must hold even then. */
	function withHiddenNote(): SessionState {
		const state = clarifySession();
		return {
			...state,
			questions: state.questions.map((q) => ({
				...q,
				notes: q.notes.map((n) => (n.id === 'a3' ? { ...n, revealIndex: null } : n))
			}))
		};
	}

	it('refuses unknown notes and notes of another question', () => {
		const state = deepFreeze(twoQuestions());
		expect(refusal(state, create('k1', 'X', ['a1', 'nope']))).toEqual({ code: 'not_found' });
		expect(refusal(state, create('k1', 'X', ['p1']))).toEqual({ code: 'not_found' });
		run(state, create('k1', 'X', ['a1']));
		const withK1 = run(state, create('k1', 'X', []));
		expect(
			refusal(withK1, { type: 'cluster.assign', questionId: Q1, noteIds: ['p1'], clusterId: 'k1' })
		).toEqual({ code: 'not_found' });
	});

	it('refuses notes that are not revealed, for create and assign', () => {
		const state = deepFreeze(withHiddenNote());
		expect(refusal(state, create('k1', 'X', ['a1', 'a3']))).toEqual({ code: 'not_found' });
		const withK1 = run(state, create('k1', 'X', ['a1']));
		expect(
			refusal(withK1, { type: 'cluster.assign', questionId: Q1, noteIds: ['a3'], clusterId: 'k1' })
		).toEqual({ code: 'not_found' });
		expect(
			refusal(withK1, { type: 'cluster.assign', questionId: Q1, noteIds: ['a3'], clusterId: null })
		).toEqual({ code: 'not_found' });
	});
});

describe('cluster limits and conflicts', () => {
	it('accepts a heading of 80 characters and refuses 81', () => {
		const state = deepFreeze(clarify());
		run(state, create('k1', 'H'.repeat(80), []));
		expect(refusal(state, create('k1', 'H'.repeat(81), []))).toEqual({
			code: 'too_long',
			params: { max: 80, length: 81 }
		});
		const withK1 = run(state, create('k1', 'ok', []));
		expect(
			refusal(withK1, {
				type: 'cluster.rename',
				questionId: Q1,
				clusterId: 'k1',
				heading: 'Æ'.repeat(81)
			})
		).toEqual({ code: 'too_long', params: { max: 80, length: 81 } });
	});

	it('refuses empty headings, on create and rename', () => {
		const state = deepFreeze(run(clarify(), create('k1', 'ok', [])));
		expect(refusal(state, create('k2', ' \n\t ', []))).toEqual({ code: 'empty' });
		expect(
			refusal(state, { type: 'cluster.rename', questionId: Q1, clusterId: 'k1', heading: '' })
		).toEqual({ code: 'empty' });
	});

	it('puts a heading on one line', () => {
		const state = run(clarify(), create('k1', 'Mangel på\nlangsiktighet', []));
		expect(headings(state)).toEqual([['k1', 'Mangel på langsiktighet', []]]);
	});

	it('allows 60 headings in a question and refuses the 61st', () => {
		let state = clarify();
		for (let i = 0; i < 60; i++) state = run(state, create(`k${i}`, `H${i}`, []));
		expect(runOf(state).clusters).toHaveLength(60);
		expect(refusal(deepFreeze(state), create('k60', 'One more', []))).toEqual({
			code: 'too_many',
			params: { max: 60 }
		});
		// Dissolving one makes room again.
		state = run(state, { type: 'cluster.dissolve', questionId: Q1, clusterId: 'k0' });
		state = run(state, create('k60', 'One more', []));
		expect(runOf(state).clusters).toHaveLength(60);
	});

	it('refuses a cluster id that is taken, in this question or another', () => {
		let state = clarify();
		state = run(state, create('k1', 'First', ['a1']));
		expect(refusal(deepFreeze(state), create('k1', 'Again', ['b1']))).toEqual({ code: 'conflict' });

		state = run(state, { type: 'question.add', questionId: Q2, text: 'Second?' });
		state = advanceTo(state, 'clarify', Q2);
		expect(
			refusal(state, {
				type: 'cluster.create',
				questionId: Q2,
				clusterId: 'k1',
				heading: 'X',
				noteIds: []
			})
		).toEqual({ code: 'conflict' });
	});

	it('refuses unknown headings for rename, assign, merge, move and dissolve', () => {
		const state = deepFreeze(run(clarify(), create('k1', 'One', ['a1'])));
		const unknown: SessionCommand[] = [
			{ type: 'cluster.rename', questionId: Q1, clusterId: 'zz', heading: 'X' },
			{ type: 'cluster.assign', questionId: Q1, noteIds: ['b1'], clusterId: 'zz' },
			{ type: 'cluster.merge', questionId: Q1, sourceId: 'zz', targetId: 'k1' },
			{ type: 'cluster.merge', questionId: Q1, sourceId: 'k1', targetId: 'zz' },
			{ type: 'cluster.move', questionId: Q1, clusterId: 'zz', toIndex: 0 },
			{ type: 'cluster.dissolve', questionId: Q1, clusterId: 'zz' }
		];
		for (const command of unknown) {
			expect(refusal(state, command), command.type).toEqual({ code: 'not_found' });
		}
	});

	it('refuses to merge a heading into itself', () => {
		const state = deepFreeze(run(clarify(), create('k1', 'One', ['a1'])));
		expect(
			refusal(state, { type: 'cluster.merge', questionId: Q1, sourceId: 'k1', targetId: 'k1' })
		).toEqual({ code: 'conflict' });
	});

	it('never changes the state it is given', () => {
		let state = deepFreeze(clarify());
		state = deepFreeze(run(state, create('k1', 'One', ['a1', 'b1'])));
		state = deepFreeze(run(state, create('k2', 'Two', ['b1'])));
		state = deepFreeze(
			run(state, { type: 'cluster.merge', questionId: Q1, sourceId: 'k2', targetId: 'k1' })
		);
		state = deepFreeze(
			run(state, { type: 'cluster.move', questionId: Q1, clusterId: 'k1', toIndex: 3 })
		);
		expect(headings(state)).toEqual([['k1', 'One', ['a1', 'b1']]]);
	});
});
