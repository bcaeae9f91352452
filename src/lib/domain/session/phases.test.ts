import { describe, expect, it } from 'vitest';
import { describeStepBack, execute } from './commands';
import {
	clusteringPhases,
	isPhase,
	phases,
	publicPhases,
	transitions,
	votingPhases,
	type Phase
} from './phases';
import {
	Q1,
	Q2,
	advance,
	advanceTo,
	as,
	back,
	clarifySession,
	deepFreeze,
	facilitator,
	join,
	newSession,
	refusal,
	revealed,
	run,
	runOf,
	tryRun,
	turnOf,
	writtenSession
} from './test-fixtures';

describe('the phase table', () => {
	it('lists the phases in the order a group meets them', () => {
		expect(phases).toEqual([
			'lobby',
			'write',
			'reveal',
			'clarify',
			'vote',
			'results',
			'discuss',
			'revote'
		]);
	});

	it('leads next and back from every phase, with discuss → revote as the optional second vote', () => {
		expect(transitions).toEqual({
			lobby: { next: 'write', back: null },
			write: { next: 'reveal', back: 'lobby' },
			reveal: { next: 'clarify', back: 'write' },
			clarify: { next: 'vote', back: 'reveal' },
			vote: { next: 'results', back: 'clarify' },
			results: { next: 'discuss', back: 'vote' },
			discuss: { next: 'revote', back: 'results' },
			revote: { next: 'results', back: 'discuss' }
		});
	});

	it('has an entry for every phase and only leads to phases', () => {
		expect(Object.keys(transitions).sort()).toEqual([...phases].sort());
		for (const phase of phases) {
			const { next, back: previous } = transitions[phase];
			if (next !== null) expect(phases).toContain(next);
			if (previous !== null) expect(phases).toContain(previous);
		}
	});

	it('steps back to where "next" came from, except results which always goes back to vote', () => {
		for (const phase of phases) {
			const next = transitions[phase].next;
			if (next === null || phase === 'revote') continue;
			expect(transitions[next].back, `${phase} → ${next} → back`).toBe(phase);
		}
		expect(transitions.revote.next).toBe('results');
		expect(transitions.results.back).toBe('vote');
	});

	it('only the lobby has no way back and every phase has a way forward', () => {
		expect(phases.filter((p) => transitions[p].back === null)).toEqual(['lobby']);
		expect(phases.filter((p) => transitions[p].next === null)).toEqual([]);
	});

	it('names the clustering, voting and public phases', () => {
		expect(clusteringPhases).toEqual(['clarify', 'discuss']);
		expect(votingPhases).toEqual(['vote', 'revote']);
		expect(publicPhases).toEqual(['reveal', 'clarify', 'vote', 'results', 'discuss', 'revote']);
	});

	it('recognises phase names exactly', () => {
		for (const phase of phases) expect(isPhase(phase)).toBe(true);
		for (const value of [
			'Write',
			'done',
			'',
			' lobby',
			'lobby ',
			3,
			null,
			undefined,
			{},
			['vote']
		]) {
			expect(isPhase(value), String(value)).toBe(false);
		}
	});
});

/** A state with q1 in the given phase, reached through the real commands. */
function inPhase(phase: Phase) {
	if (phase === 'lobby') return join(newSession(), ['ann']);
	if (phase === 'write') return writtenSession();
	if (phase === 'reveal') return advance(writtenSession());
	return advanceTo(clarifySession(), phase);
}

describe('phase.advance and phase.back through execute()', () => {
	it('walks forward through every phase, including the optional second vote', () => {
		let state = join(newSession(), ['ann']);
		const seen: Phase[] = [runOf(state).phase];
		for (let i = 0; i < 8; i++) {
			const from = runOf(state).phase;
			const step = tryRun(state, { type: 'phase.advance', questionId: Q1, from });
			expect(step.result).toEqual({ phase: transitions[from].next });
			state = step.state;
			seen.push(runOf(state).phase);
		}
		expect(seen).toEqual([
			'lobby',
			'write',
			'reveal',
			'clarify',
			'vote',
			'results',
			'discuss',
			'revote',
			'results'
		]);
	});

	it.each(phases.filter((p) => p !== 'lobby'))(
		'steps back from %s to the phase before',
		(phase) => {
			const state = inPhase(phase);
			const step = tryRun(state, { type: 'phase.back', questionId: Q1, from: phase });
			expect(step.result).toEqual({ phase: transitions[phase].back });
			expect(runOf(step.state).phase).toBe(transitions[phase].back);
		}
	);

	it('refuses to step back from the lobby, leaving the state alone', () => {
		const state = deepFreeze(newSession());
		expect(refusal(state, { type: 'phase.back', questionId: Q1, from: 'lobby' })).toEqual({
			code: 'wrong_phase',
			params: { phase: 'lobby' }
		});
	});

	it('refuses a stale `from` with phase_changed and the current phase', () => {
		const state = deepFreeze(inPhase('vote'));
		expect(refusal(state, { type: 'phase.advance', questionId: Q1, from: 'clarify' })).toEqual({
			code: 'phase_changed',
			params: { phase: 'vote' }
		});
		expect(refusal(state, { type: 'phase.back', questionId: Q1, from: 'results' })).toEqual({
			code: 'phase_changed',
			params: { phase: 'vote' }
		});
	});

	it('turns a double click on "next" into one step', () => {
		const state = writtenSession();
		const click = { type: 'phase.advance', questionId: Q1, from: 'write' } as const;
		const once = run(state, click);
		expect(runOf(once).phase).toBe('reveal');
		expect(refusal(once, click)).toEqual({ code: 'phase_changed', params: { phase: 'reveal' } });
	});

	it('moves only the question it names', () => {
		const state = join(newSession({ questions: ['First?', 'Second?'] }), ['ann']);
		const next = advance(state, Q1);
		expect(runOf(next, Q1).phase).toBe('write');
		expect(runOf(next, Q2).phase).toBe('lobby');
		expect(runOf(next, Q2)).toBe(runOf(state, Q2));
	});

	it('refuses phase changes from participants and unknown questions', () => {
		const state = deepFreeze(writtenSession());
		expect(
			refusal(state, { type: 'phase.advance', questionId: Q1, from: 'write' }, as('ann'))
		).toEqual({ code: 'forbidden' });
		expect(refusal(state, { type: 'phase.advance', questionId: 'nope', from: 'write' })).toEqual({
			code: 'not_found'
		});
	});

	it('keeps the input state untouched (it is deep-frozen) on every step', () => {
		let state = deepFreeze(writtenSession());
		for (let i = 0; i < 7; i++) state = deepFreeze(advance(state));
		expect(runOf(state).phase).toBe('results');
		for (let i = 0; i < 5; i++) state = deepFreeze(back(state));
		expect(runOf(state).phase).toBe('lobby');
	});
});

describe('entering a phase', () => {
	it('starts the reveal in join order with the first person who has notes', () => {
		const state = advance(writtenSession());
		expect(runOf(state).reveal).toEqual({
			order: ['ann', 'ben', 'cat'],
			turn: 0,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
	});

	it('entering clarify reveals every note nobody read out, by note id (an order that names nobody)', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		expect(turnOf(state)).toBe('ben');
		state = advance(state);
		expect(revealed(state)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
		expect(runOf(state).reveal).toEqual({
			order: ['ann', 'ben', 'cat'],
			turn: null,
			passStreak: 0,
			autoFrom: 1,
			autoTurnId: 'ben'
		});
	});

	it('entering clarify in a named session reveals the rest in round-robin order from the turn', () => {
		let state = advance(writtenSession({ settings: { anonymous: false } }));
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = advance(state);
		expect(revealed(state)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
	});

	it('entering clarify with everything read out marks nothing as auto-revealed', () => {
		expect(runOf(clarifySession()).reveal?.autoFrom).toBeNull();
	});

	it('entering revote keeps the first ballots aside and starts with none', () => {
		let state = inPhase('vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as('ann'), 5);
		state = advanceTo(state, 'revote');
		const r = runOf(state);
		expect(r.ballots).toEqual([]);
		expect(r.closedVote).toBeNull();
		expect(r.previousVote).toMatchObject({ rankings: [['n:a1']], entered: 0, voterIds: ['ann'] });
	});
});

describe('stepping back: what is undone', () => {
	it('describes nothing for the lobby and nothing to undo for write → lobby', () => {
		expect(describeStepBack(runOf(newSession()))).toBeNull();
		const state = writtenSession();
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'lobby',
			notesHidden: 0,
			notesUngrouped: 0,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		const lobby = back(state);
		expect(runOf(lobby).notes).toEqual(runOf(state).notes);
	});

	it('reveal → write makes revealed notes private again', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ben'));
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'write',
			notesHidden: 2,
			notesUngrouped: 0,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		const after = back(state);
		const r = runOf(after);
		expect(r.phase).toBe('write');
		expect(r.reveal).toBeNull();
		expect(r.notes.map((n) => n.revealIndex)).toEqual([null, null, null, null, null, null]);
		expect(r.notes.map((n) => n.text)).toEqual(runOf(state).notes.map((n) => n.text));
	});

	it('reveal → write takes the hidden notes out of their headings', () => {
		let state = clarifySession();
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'BYRÅKRATI',
			noteIds: ['a1', 'c1']
		});
		state = back(state); // clarify → reveal: everything was read out, nothing changes
		expect(revealed(state)).toHaveLength(6);
		expect(runOf(state).clusters).toEqual([
			{ id: 'k1', heading: 'BYRÅKRATI', noteIds: ['a1', 'c1'] }
		]);
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'write',
			notesHidden: 6,
			notesUngrouped: 2,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		state = back(state);
		expect(revealed(state)).toEqual([]);
		expect(runOf(state).clusters).toEqual([{ id: 'k1', heading: 'BYRÅKRATI', noteIds: [] }]);
	});

	it('clarify → reveal hides only the auto-revealed notes and gives the turn back', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann')); // a1
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ben')); // b1
		expect(turnOf(state)).toBe('cat');
		const beforeAdvance = runOf(state).reveal;
		state = advance(state); // a2, a3, c1, c2 auto-revealed
		expect(revealed(state)).toEqual(['a1', 'b1', 'a2', 'a3', 'c1', 'c2']);
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'Money',
			noteIds: ['b1', 'c2']
		});
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'reveal',
			notesHidden: 4,
			notesUngrouped: 1,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		state = back(state);
		expect(runOf(state).phase).toBe('reveal');
		expect(revealed(state)).toEqual(['a1', 'b1']);
		expect(runOf(state).clusters).toEqual([{ id: 'k1', heading: 'Money', noteIds: ['b1'] }]);
		// Cat was about to read when the facilitator moved on; it is her turn again, not Ann's.
		expect(runOf(state).reveal).toEqual(beforeAdvance);
		expect(turnOf(state)).toBe('cat');
	});

	it('clarify → reveal with everything read out changes nothing but the phase', () => {
		const state = clarifySession();
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'reveal',
			notesHidden: 0,
			notesUngrouped: 0,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		const after = back(state);
		expect(runOf(after)).toEqual({ ...runOf(state), phase: 'reveal' });
	});

	it('clarify → reveal → clarify reveals the same notes in the same order again', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		const first = advance(state);
		const again = advance(back(first));
		expect(revealed(again)).toEqual(revealed(first));
		expect(runOf(again).reveal).toEqual(runOf(first).reveal);
	});

	it('vote → clarify discards the ballots', () => {
		let state = inPhase('vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as('ann'));
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, as('ben'));
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'clarify',
			notesHidden: 0,
			notesUngrouped: 0,
			ballotsDiscarded: 2,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		state = back(state);
		expect(runOf(state).phase).toBe('clarify');
		expect(runOf(state).ballots).toEqual([]);
		expect(revealed(state)).toHaveLength(6);
	});

	it('results → vote after a withheld tally keeps the ballots, counted without their voters', () => {
		let state = inPhase('vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as('ann'));
		state = advance(state);
		expect(describeStepBack(runOf(state))).toMatchObject({ ballotsDiscarded: 0, ballotsKept: 1 });
		state = back(state);
		expect(runOf(state).phase).toBe('vote');
		expect(runOf(state).ballots).toEqual([]);
		expect(runOf(state).closedVote).toMatchObject({ rankings: [['n:a1']], voterIds: ['ann'] });
		// Ann's ballot has no name any more: she cannot change it, the others can still vote.
		expect(
			refusal(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, as('ann')).code
		).toBe('already_voted');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, as('ben'));
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('cat'));
		state = advance(state);
		expect(runOf(state).closedVote?.rankings).toEqual([['n:a1'], ['n:b1'], ['n:c1']]);
	});

	it('results → vote after a shown tally starts a new vote', () => {
		let state = inPhase('vote');
		for (const [id, item] of [
			['ann', 'n:a1'],
			['ben', 'n:b1'],
			['cat', 'n:c1']
		] as const)
			state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: [item] }, as(id));
		state = advance(state);
		expect(describeStepBack(runOf(state))).toMatchObject({ ballotsDiscarded: 3, ballotsKept: 0 });
		state = back(state);
		expect(runOf(state).closedVote).toBeNull();
		expect(runOf(state).ballots).toEqual([]);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a2'] }, as('ann'));
		expect(runOf(state).ballots.map((b) => b.voterId)).toEqual(['ann']);
	});

	it('revote → discuss throws the new ballots away and restores the previous ones', () => {
		let state = inPhase('vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as('ann'), 1);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, as('ben'), 2);
		state = advanceTo(state, 'revote');
		const previous = runOf(state).previousVote;
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('cat'), 3);
		expect(describeStepBack(runOf(state))).toEqual({
			to: 'discuss',
			notesHidden: 0,
			notesUngrouped: 0,
			ballotsDiscarded: 1,
			ballotsRestored: 2,
			ballotsKept: 0
		});
		state = back(state);
		const r = runOf(state);
		expect(r.phase).toBe('discuss');
		expect(r.ballots).toEqual([]);
		expect(r.closedVote).toEqual(previous);
		expect(r.closedVote?.voterIds).toEqual(['ann', 'ben']);
		expect(r.previousVote).toBeNull();
	});

	it('step-back descriptions match what stepping back actually does, in every phase', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = advance(state);
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'All',
			noteIds: ['a1', 'b1', 'c2']
		});
		state = advance(state);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, as('ann'));
		state = advanceTo(state, 'revote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a2'] }, as('ben'));
		const grouped = (s: typeof state) => runOf(s).clusters.flatMap((c) => c.noteIds).length;
		while (runOf(state).phase !== 'lobby') {
			const effect = describeStepBack(runOf(state))!;
			const before = runOf(state);
			const after = back(state);
			const r = runOf(after);
			expect(r.phase).toBe(effect.to);
			expect(revealed(state).length - revealed(after).length, `hidden from ${before.phase}`).toBe(
				effect.notesHidden
			);
			expect(grouped(state) - grouped(after), `ungrouped from ${before.phase}`).toBe(
				effect.notesUngrouped
			);
			const counted = (x: typeof r) => x.ballots.length + (x.closedVote?.rankings.length ?? 0);
			const kept = before.phase === 'results' ? (r.closedVote?.rankings.length ?? 0) : 0;
			expect(kept, `kept from ${before.phase}`).toBe(effect.ballotsKept);
			const restored = before.phase === 'revote' ? counted(r) : 0;
			expect(restored, `restored from ${before.phase}`).toBe(effect.ballotsRestored);
			const discarded = counted(before) - (counted(r) - restored);
			expect(discarded, `discarded from ${before.phase}`).toBe(effect.ballotsDiscarded);
			state = after;
		}
	});

	it('steps back without touching the input state', () => {
		const state = deepFreeze(advanceTo(clarifySession(), 'revote'));
		const result = execute(
			state,
			{ type: 'phase.back', questionId: Q1, from: 'revote' },
			facilitator,
			0
		);
		expect(result.ok).toBe(true);
		expect(runOf(state).phase).toBe('revote');
	});
});
