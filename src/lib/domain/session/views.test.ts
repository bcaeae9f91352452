import { describe, expect, it } from 'vitest';
import type { SessionCommand } from './commands';
import {
	Q1,
	T0,
	advance,
	advanceTo,
	as,
	clarifySession,
	facilitator,
	join,
	newSession,
	run,
	write,
	writtenSession
} from './test-fixtures';
import type { SessionSettings, SessionState } from './types';
import {
	facilitatorView,
	participantView,
	screenView,
	viewFor,
	type FacilitatorView,
	type ParticipantView,
	type PublicRunView,
	type ScreenView
} from './views';

const json = (value: unknown) => JSON.stringify(value);

/** Every note text in the privacy scenario; each is unique so that a leak is easy to find. */
const secret = {
	annOld: 'SECRET-ANN-FIRST-DRAFT',
	ann1: 'SECRET-ANN-ONE',
	ann2: 'SECRET-ANN-TWO',
	ben1: 'SECRET-BEN-ONE',
	cat1: 'SECRET-CAT-ONE',
	danByFacilitator: 'SECRET-DAN-DICTATED'
};

/**
 * Ann, Ben, Cat and Dan are writing. Ann's first note was edited (its first draft must never
 * leak); the facilitator entered Dan's note for him.
 */
function writing(settings: Partial<SessionSettings> = {}): SessionState {
	let state = advance(join(newSession({ settings }), ['ann', 'ben', 'cat', 'dan']));
	state = write(state, {
		ann: [
			['a1', secret.annOld],
			['a2', secret.ann2]
		],
		ben: [['b1', secret.ben1]],
		cat: [['c1', secret.cat1]]
	});
	state = run(
		state,
		{ type: 'note.edit', questionId: Q1, noteId: 'a1', text: secret.ann1 },
		as('ann')
	);
	return run(state, {
		type: 'note.add',
		questionId: Q1,
		noteId: 'd1',
		text: secret.danByFacilitator,
		authorId: 'dan'
	});
}

function participant(state: SessionState, id: string): ParticipantView {
	const view = participantView(state, id);
	if (!view) throw new Error(`no view for ${id}`);
	return view;
}

function expectOnly(view: unknown, visible: string[]) {
	const text = json(view);
	for (const value of Object.values(secret)) {
		if (visible.includes(value)) expect(text, `should show ${value}`).toContain(value);
		else expect(text, `must not show ${value}`).not.toContain(value);
	}
}

describe('privacy of notes while writing', () => {
	it('a participant sees their own notes and nobody else’s', () => {
		const state = writing();
		expectOnly(participant(state, 'ann'), [secret.ann1, secret.ann2]);
		expectOnly(participant(state, 'ben'), [secret.ben1]);
		// Dan's note is his, even though the facilitator typed it.
		expectOnly(participant(state, 'dan'), [secret.danByFacilitator]);
	});

	it('the screen shows no note text at all, only how many notes each person wrote', () => {
		const state = writing();
		const view = screenView(state);
		expectOnly(view, []);
		expect(view.runs[0]!.progress).toEqual([2, 1, 1, 1]);
		expect(view.runs[0]!.notes).toEqual([]);
	});

	it('the facilitator sees only the notes they entered, unless allowed to read notes', () => {
		const view = facilitatorView(writing());
		expectOnly(view, [secret.danByFacilitator]);
		// Anonymous: not even the facilitator's own on-behalf notes carry their author.
		expect(view.runs[0]!.privateNotes).toEqual([
			{ id: 'd1', authorId: null, text: secret.danByFacilitator, byFacilitator: true }
		]);
		const named = facilitatorView(writing({ anonymous: false }));
		expect(named.runs[0]!.privateNotes.map((n) => n.authorId)).toEqual(['dan']);
	});

	it('the facilitator sees every current text when facilitatorSeesNotes is on, but no earlier drafts', () => {
		const view = facilitatorView(writing({ facilitatorSeesNotes: true, anonymous: false }));
		expectOnly(view, [secret.ann1, secret.ann2, secret.ben1, secret.cat1, secret.danByFacilitator]);
		expect(view.runs[0]!.privateNotes.map((n) => [n.id, n.authorId, n.byFacilitator])).toEqual([
			['a1', 'ann', false],
			['a2', 'ann', false],
			['b1', 'ben', false],
			['c1', 'cat', false],
			['d1', 'dan', true]
		]);
	});

	it('the facilitator counts notes per person by name only in named sessions', () => {
		expect(facilitatorView(writing()).runs[0]!.notesByPerson).toEqual([]);
		let state = writing({ anonymous: false });
		state = run(state, { type: 'participant.leave' }, as('cat'));
		const view = facilitatorView(state);
		expect(view.runs[0]!.notesByPerson).toEqual([
			{ participantId: 'ann', count: 2 },
			{ participantId: 'ben', count: 1 },
			{ participantId: 'cat', count: 1 },
			{ participantId: 'dan', count: 1 }
		]);
		// The screen's anonymous dots follow the people still here, most first.
		expect(screenView(state).runs[0]!.progress).toEqual([2, 1, 1]);
	});
});

describe('privacy of notes during the reveal', () => {
	function midReveal(settings: Partial<SessionSettings> = {}) {
		const state = advance(writing(settings));
		return run(state, { type: 'reveal.next', questionId: Q1 }, as('ann')); // a1
	}

	it('shows revealed notes to everyone and keeps the rest private', () => {
		const state = midReveal();
		expectOnly(screenView(state), [secret.ann1]);
		expectOnly(participant(state, 'ben'), [secret.ann1, secret.ben1]);
		expectOnly(participant(state, 'ann'), [secret.ann1, secret.ann2]);
		expectOnly(facilitatorView(state), [secret.ann1, secret.danByFacilitator]);
	});

	it('tells participants which of their notes are out', () => {
		expect(participant(midReveal(), 'ann').runs[0]!.myNotes).toEqual([
			{ id: 'a1', text: secret.ann1, revealed: true, readByFacilitator: false },
			{ id: 'a2', text: secret.ann2, revealed: false, readByFacilitator: false }
		]);
	});

	it('never shows the first draft of a note, even once it is revealed', () => {
		const state = advance(advance(writing()));
		expect(state.questions[0]!.phase).toBe('clarify');
		for (const view of [screenView(state), facilitatorView(state), participant(state, 'ben')]) {
			expect(json(view)).not.toContain(secret.annOld);
		}
	});

	it('hides notes again after stepping back to writing', () => {
		let state = midReveal();
		state = run(state, { type: 'phase.back', questionId: Q1, from: 'reveal' });
		expectOnly(screenView(state), []);
		expectOnly(participant(state, 'ben'), [secret.ben1]);
	});

	it('describes the reveal: order by name, whose turn, passes and what is left', () => {
		let state = midReveal();
		state = run(state, { type: 'reveal.pass', questionId: Q1 }, as('ben'));
		const reveal = screenView(state).runs[0]!.reveal;
		expect(reveal).toEqual({
			order: [
				{ id: 'ann', name: 'Ann' },
				{ id: 'ben', name: 'Ben' },
				{ id: 'cat', name: 'Cat' },
				{ id: 'dan', name: 'Dan' }
			],
			turnId: 'cat',
			everyonePassed: false,
			hiddenCount: 4
		});
		state = run(state, { type: 'reveal.pass', questionId: Q1 }, as('cat'));
		state = run(state, { type: 'reveal.pass', questionId: Q1 }, as('dan'));
		state = run(state, { type: 'reveal.pass', questionId: Q1 }, as('ann'));
		expect(screenView(state).runs[0]!.reveal).toMatchObject({
			turnId: 'ben',
			everyonePassed: true
		});
	});
});

describe('authors', () => {
	function revealedAll(settings: Partial<SessionSettings>) {
		const state = advance(writing(settings));
		return run(state, { type: 'reveal.all', questionId: Q1 });
	}

	it('are hidden in anonymous sessions (the default)', () => {
		const notes = screenView(revealedAll({})).runs[0]!.notes;
		// Revealed all at once, by note id: neither the names nor the order say whose they are.
		expect(notes.map((n) => [n.id, n.author])).toEqual([
			['a1', null],
			['a2', null],
			['b1', null],
			['c1', null],
			['d1', null]
		]);
	});

	it('are named in named sessions, also for people who left', () => {
		let state = revealedAll({ anonymous: false });
		state = run(state, { type: 'participant.leave' }, as('cat'));
		const notes = participant(state, 'ann').runs[0]!.notes;
		expect(notes.map((n) => [n.id, n.revealIndex, n.author])).toEqual([
			['a1', 0, 'Ann'],
			['b1', 1, 'Ben'],
			['c1', 2, 'Cat'],
			['d1', 3, 'Dan'],
			['a2', 4, 'Ann']
		]);
	});
});

describe('corrections by the facilitator', () => {
	it('mark a note as edited; only the facilitator sees the earlier text', () => {
		let state = advance(writing());
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		state = advance(state);
		state = run(
			state,
			{ type: 'note.edit', questionId: Q1, noteId: 'b1', text: 'BEN-CORRECTED' },
			facilitator,
			T0 + 77
		);
		const screen = screenView(state).runs[0]!;
		expect(screen.notes.map((n) => [n.id, n.edited])).toEqual([
			['a1', false], // edited by its author before the reveal: not a correction
			['a2', false],
			['b1', true],
			['c1', false],
			['d1', false]
		]);
		expect(json(screenView(state))).not.toContain(secret.ben1);
		expect(json(participant(state, 'ben'))).not.toContain(secret.ben1);
		expect(facilitatorView(state).runs[0]!.history).toEqual({
			b1: [{ previous: secret.ben1, at: T0 + 77 }]
		});
	});
});

const ranking = {
	ann: ['n:c1', 'c:k1', 'n:a2'],
	ben: ['n:a2', 'n:c1', 'c:k1', 'n:d1'],
	dan: ['c:k1', 'n:d1']
};

/**
 * Everything revealed; heading k1 over a1 and b1; items c:k1, n:c1, n:d1, n:a2.
 * Ann and Ben vote on their phones, the facilitator votes for Dan.
 */
function voted(): SessionState {
	let state = advance(writing());
	state = advance(state);
	state = run(state, {
		type: 'cluster.create',
		questionId: Q1,
		clusterId: 'k1',
		heading: 'HEADING-K1',
		noteIds: ['a1', 'b1']
	});
	state = advance(state);
	const cast = (r: string[], voterId?: string): SessionCommand => ({
		type: 'ballot.cast',
		questionId: Q1,
		ranking: r,
		voterId
	});
	state = run(state, cast(ranking.ann), as('ann'));
	state = run(state, cast(ranking.ben), as('ben'));
	return run(state, cast(ranking.dan, 'dan'), facilitator);
}

function expectBallots(view: unknown, visible: (keyof typeof ranking)[]) {
	const text = json(view);
	for (const [who, r] of Object.entries(ranking)) {
		if (visible.includes(who as keyof typeof ranking)) {
			expect(text, `should show ${who}'s ballot`).toContain(json(r));
		} else {
			expect(text, `must not show ${who}'s ballot`).not.toContain(json(r));
		}
	}
}

describe('privacy of ballots', () => {
	it('a participant sees only their own ballot', () => {
		const state = voted();
		const ann = participant(state, 'ann');
		expect(ann.runs[0]!.myBallot).toEqual(ranking.ann);
		expectBallots(ann, ['ann']);
		expect(participant(state, 'cat').runs[0]!.myBallot).toBeNull();
		expectBallots(participant(state, 'cat'), []);
		expect(json(ann)).not.toContain('"ranking"');
		expect(json(ann)).not.toContain('voterId');
	});

	it('the screen shows how many voted, never what', () => {
		const state = voted();
		const view = screenView(state);
		expectBallots(view, []);
		expect(json(view)).not.toContain('"ranking"');
		expect(json(view)).not.toContain('voterId');
		expect(view.runs[0]!.vote).toEqual({
			items: [
				{ id: 'c:k1', kind: 'cluster', label: 'HEADING-K1', noteIds: ['a1', 'b1'] },
				{ id: 'n:a2', kind: 'note', label: secret.ann2, noteIds: ['a2'] },
				{ id: 'n:c1', kind: 'note', label: secret.cat1, noteIds: ['c1'] },
				{ id: 'n:d1', kind: 'note', label: secret.danByFacilitator, noteIds: ['d1'] }
			],
			n: 4,
			voted: 3,
			voters: 4
		});
	});

	it('the facilitator sees who voted and the ballots they entered, never a participant’s own', () => {
		const view = facilitatorView(voted());
		expectBallots(view, ['dan']);
		expect(view.runs[0]!.votedIds).toEqual(['ann', 'ben', 'dan']);
		expect(view.runs[0]!.ballotsEntered).toEqual([{ voterId: 'dan', ranking: ranking.dan }]);
	});

	it('stays private in the results and through a second vote', () => {
		let state = advance(voted());
		for (const phase of ['results', 'discuss', 'revote'] as const) {
			state = advanceTo(state, phase);
			expectBallots(screenView(state), []);
			expectBallots(participant(state, 'cat'), []);
			// Closed: not even the ballot the facilitator entered is linked to Dan any more.
			expectBallots(facilitatorView(state), []);
		}
		// In the revote nobody has a current ballot yet; Ann's first one is not shown back to her either.
		expect(participant(state, 'ann').runs[0]!.myBallot).toBeNull();
	});

	it('does not count ballots of people who left as votes in progress', () => {
		let state = voted();
		state = run(state, { type: 'participant.leave' }, as('ben'));
		expect(screenView(state).runs[0]!.vote).toMatchObject({ voted: 2, voters: 3 });
	});
});

describe('results', () => {
	it('appear only in the results and discuss phases', () => {
		let state = voted();
		const results = (s: SessionState) => screenView(s).runs[0]!.results;
		expect(results(state)).toBeNull();
		state = advance(state);
		// Borda with N = 4: ann c1 4, k1 3, a2 2; ben a2 4, c1 3, k1 2, d1 1; dan k1 4, d1 3.
		expect(
			results(state)!.map((r) => [r.itemId, r.kind, r.label, r.points, r.voters, r.rank, r.tied])
		).toEqual([
			['c:k1', 'cluster', 'HEADING-K1', 9, 3, 1, false],
			['n:c1', 'note', secret.cat1, 7, 2, 2, false],
			['n:a2', 'note', secret.ann2, 6, 2, 3, false],
			['n:d1', 'note', secret.danByFacilitator, 4, 2, 4, false]
		]);
		expect(results(state)![0]!.noteIds).toEqual(['a1', 'b1']);
		state = advance(state);
		expect(screenView(state).runs[0]!.phase).toBe('discuss');
		expect(results(state)).toHaveLength(4);
		state = advance(state);
		expect(screenView(state).runs[0]!.phase).toBe('revote');
		expect(results(state)).toBeNull();
		state = run(state, { type: 'phase.back', questionId: Q1, from: 'revote' });
		state = run(state, { type: 'phase.back', questionId: Q1, from: 'discuss' });
		state = run(state, { type: 'phase.back', questionId: Q1, from: 'results' });
		expect(results(state)).toBeNull();
	});

	it('show the previous vote next to the new one after a revote', () => {
		let state = advanceTo(advance(voted()), 'revote');
		const view = () => screenView(state).runs[0]!;
		expect(view().previousResults!.map((r) => [r.itemId, r.points])).toEqual([
			['c:k1', 9],
			['n:c1', 7],
			['n:a2', 6],
			['n:d1', 4]
		]);
		expect(view().vote).toMatchObject({ voted: 0, voters: 4 });
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:d1'] }, as('cat'));
		state = advance(state);
		expect(view().phase).toBe('results');
		// One ballot: its tally would be Cat's ballot.
		expect(view().results).toBeNull();
		expect(view().resultsWithheld).toEqual({ reason: 'too_few', ballots: 1 });
		expect(view().previousResults).toHaveLength(4);
		state = run(state, { type: 'phase.back', questionId: Q1, from: 'results' });
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('ann'));
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('ben'));
		state = advance(state);
		expect(view().results!.map((r) => [r.itemId, r.points])).toEqual([
			['n:c1', 8],
			['n:d1', 4],
			['c:k1', 0],
			['n:a2', 0]
		]);
		expect(view().resultsWithheld).toBeNull();
		expect(view().previousResults).toHaveLength(4);
	});

	it('have no previous results before any revote', () => {
		const state = advance(voted());
		expect(screenView(state).runs[0]!.previousResults).toBeNull();
	});
});

describe('the views per viewer', () => {
	it('share the session basics', () => {
		let state = writtenSession();
		state = run(state, { type: 'timer.start', seconds: 60 }, facilitator, T0 + 5);
		const view = screenView(state);
		expect({ ...view, runs: undefined }).toEqual({
			sessionId: 's1',
			title: 'Group 5',
			language: 'nb',
			settings: { anonymous: true, topN: 5, facilitatorSeesNotes: false },
			questions: [
				{ id: 'q1', label: 'a', text: 'What stops people getting a job?', phase: 'write' }
			],
			currentQuestionId: 'q1',
			timer: { durationMs: 60_000, startedAt: T0 + 5, elapsedMs: 0 },
			people: [
				{ id: 'ann', name: 'Ann' },
				{ id: 'ben', name: 'Ben' },
				{ id: 'cat', name: 'Cat' },
				{ id: 'dan', name: 'Dan' }
			],
			role: 'screen',
			screenControl: { turns: 0, focus: null },
			runs: undefined
		});
	});

	it('give a participant view only to people still taking part', () => {
		let state = writtenSession();
		expect(participant(state, 'ann').me).toEqual({ id: 'ann', name: 'Ann' });
		expect(participantView(state, 'zed')).toBeNull();
		state = run(state, { type: 'participant.leave' }, as('ann'));
		expect(participantView(state, 'ann')).toBeNull();
		expect(viewFor(state, { role: 'participant', participantId: 'ann' })).toBeNull();
		expect(screenView(state).people.map((p) => p.id)).toEqual(['ben', 'cat', 'dan']);
		expect(facilitatorView(state).participants.map((p) => [p.id, p.removed])).toEqual([
			['ann', true],
			['ben', false],
			['cat', false],
			['dan', false]
		]);
	});

	it('viewFor picks the view by role', () => {
		const state = writtenSession();
		expect(viewFor(state, { role: 'screen' })).toEqual(screenView(state));
		expect(viewFor(state, { role: 'facilitator' })).toEqual(facilitatorView(state));
		expect(viewFor(state, { role: 'participant', participantId: 'ben' })).toEqual(
			participantView(state, 'ben')
		);
		expect((viewFor(state, { role: 'screen' }) as ScreenView).role).toBe('screen');
		expect((viewFor(state, { role: 'facilitator' }) as FacilitatorView).role).toBe('facilitator');
	});

	it('give the facilitator the reflection and what stepping back would undo', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = run(state, { type: 'session.reflect', text: 'A quiet group' });
		const view = facilitatorView(state);
		expect(view.reflection).toBe('A quiet group');
		expect(view.runs[0]!.stepBack).toEqual({
			to: 'write',
			notesHidden: 1,
			notesUngrouped: 0,
			ballotsDiscarded: 0,
			ballotsRestored: 0,
			ballotsKept: 0
		});
		expect(facilitatorView(newSession()).runs[0]!.stepBack).toBeNull();
		expect(json(screenView(state))).not.toContain('A quiet group');
	});

	it('show one run per question, each in its own phase', () => {
		let state = newSession({ questions: ['First?', 'Second?'] });
		state = join(state, ['ann']);
		state = advance(state);
		const runs: PublicRunView[] = screenView(state).runs;
		expect(runs.map((r) => [r.id, r.phase, r.progress])).toEqual([
			['q1', 'write', [0]],
			['q2', 'lobby', []]
		]);
	});
});

describe('what the console asked of the screen', () => {
	it('reaches the screen and the console, never the phones', () => {
		let state = clarifySession();
		state = run(state, { type: 'screen.page', step: 1 });
		state = run(state, { type: 'screen.focus', questionId: Q1, noteId: 'a1' });
		const control = { turns: 1, focus: { questionId: Q1, phase: 'clarify', noteId: 'a1' } };
		expect(screenView(state).screenControl).toEqual(control);
		expect(facilitatorView(state).screenControl).toEqual(control);
		expect(participantView(state, 'ann')).not.toHaveProperty('screenControl');
		// A phone's view does not change, so it is not sent again.
		expect(participantView(state, 'ann')).toEqual(participantView(clarifySession(), 'ann'));
	});
});
