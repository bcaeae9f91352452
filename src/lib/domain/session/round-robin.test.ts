import { describe, expect, it } from 'vitest';
import {
	everyonePassed,
	hiddenNotesOf,
	nextRevealIndex,
	passTurn,
	peopleWithHiddenNotes,
	revealAll,
	revealNote,
	revealOrder,
	startReveal,
	turnFrom
} from './round-robin';
import {
	Q1,
	T0,
	advance,
	as,
	back,
	deepFreeze,
	facilitator,
	join,
	newSession,
	noteOf,
	refusal,
	revealed,
	run,
	runOf,
	tryRun,
	turnOf,
	write,
	writtenSession
} from './test-fixtures';
import type { Note, Participant, QuestionRun } from './types';

function person(id: string, joinedAt: number, removed = false): Participant {
	return { id, name: id, joinedAt, viaFacilitator: false, removed };
}

function note(
	id: string,
	authorId: string,
	createdAt: number,
	revealIndex: number | null = null
): Note {
	return {
		id,
		authorId,
		text: id,
		createdAt,
		byFacilitator: false,
		revealIndex,
		readableByFacilitator: false,
		history: []
	};
}

function questionRun(notes: Note[], reveal: QuestionRun['reveal'] = null): QuestionRun {
	return {
		id: Q1,
		label: 'a',
		text: 'Q',
		phase: 'reveal',
		notes,
		clusters: [],
		reveal,
		ballots: [],
		closedVote: null,
		previousVote: null
	};
}

describe('revealOrder and startReveal', () => {
	const people = [person('cat', 30), person('ann', 10), person('dan', 40), person('ben', 20)];
	const notes = [note('c1', 'cat', 1), note('a1', 'ann', 2), note('b1', 'ben', 3)];

	it('follows join order and skips people without notes', () => {
		expect(revealOrder(questionRun(notes), people)).toEqual(['ann', 'ben', 'cat']);
	});

	it('breaks join-time ties by id, so replays give the same order', () => {
		const tied = [person('zoe', 5), person('bob', 5), person('amy', 5)];
		const run = questionRun([note('z', 'zoe', 1), note('b', 'bob', 2), note('a', 'amy', 3)]);
		expect(revealOrder(run, tied)).toEqual(['amy', 'bob', 'zoe']);
		expect(revealOrder(run, [...tied].reverse())).toEqual(['amy', 'bob', 'zoe']);
	});

	it('counts only notes still hidden', () => {
		const run = questionRun([note('a1', 'ann', 1, 0), note('b1', 'ben', 2)]);
		expect(revealOrder(run, people)).toEqual(['ben']);
	});

	it('keeps people who left but whose notes stay', () => {
		const left = [person('ann', 10, true), person('ben', 20)];
		expect(revealOrder(questionRun(notes), left)).toEqual(['ann', 'ben']);
	});

	it('starts with the first person in the order and no passes', () => {
		expect(startReveal(questionRun(notes), people)).toEqual({
			order: ['ann', 'ben', 'cat'],
			turn: 0,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
	});

	it('starts with no turn when nobody wrote anything', () => {
		expect(startReveal(questionRun([]), people)).toEqual({
			order: [],
			turn: null,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
	});
});

describe('turns', () => {
	const order = ['ann', 'ben', 'cat'];

	it('turnFrom finds the next person with hidden notes, wrapping around', () => {
		const run = questionRun([note('a1', 'ann', 1), note('b1', 'ben', 2, 0), note('c1', 'cat', 3)]);
		expect(turnFrom(run, order, 0)).toBe(0);
		expect(turnFrom(run, order, 1)).toBe(2);
		expect(turnFrom(run, order, 2)).toBe(2);
		expect(turnFrom(run, order, 3)).toBe(0);
	});

	it('turnFrom gives null when nobody has notes left', () => {
		const run = questionRun([note('a1', 'ann', 1, 0)]);
		expect(turnFrom(run, order, 0)).toBeNull();
		expect(turnFrom(run, [], 0)).toBeNull();
	});

	it('hiddenNotesOf lists one author’s unrevealed notes in writing order', () => {
		const run = questionRun([
			note('a1', 'ann', 1, 0),
			note('b1', 'ben', 2),
			note('a2', 'ann', 3),
			note('a3', 'ann', 4)
		]);
		expect(hiddenNotesOf(run, 'ann').map((n) => n.id)).toEqual(['a2', 'a3']);
		expect(hiddenNotesOf(run, 'dan')).toEqual([]);
	});

	it('nextRevealIndex is one past the highest index, even with gaps', () => {
		expect(nextRevealIndex(questionRun([note('a1', 'ann', 1)]))).toBe(0);
		expect(nextRevealIndex(questionRun([note('a1', 'ann', 1, 4), note('b1', 'ben', 2, 1)]))).toBe(
			5
		);
	});

	it('revealNote numbers the note and moves the turn to the next person with notes', () => {
		const start = questionRun([note('a1', 'ann', 1), note('a2', 'ann', 2), note('c1', 'cat', 3)], {
			order,
			turn: 0,
			passStreak: 2,
			autoFrom: null,
			autoTurnId: null
		});
		const after = revealNote(start, 'a1');
		expect(after.notes.map((n) => n.revealIndex)).toEqual([0, null, null]);
		// Ben has no notes left: the turn skips him.
		expect(after.reveal).toEqual({
			order,
			turn: 2,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
		const last = revealNote(revealNote(after, 'c1'), 'a2');
		expect(last.notes.map((n) => n.revealIndex)).toEqual([0, 2, 1]);
		expect(last.reveal?.turn).toBeNull();
	});

	it('passTurn moves on without revealing and counts the passes', () => {
		const start = questionRun([note('a1', 'ann', 1), note('b1', 'ben', 2)], {
			order,
			turn: 0,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
		const once = passTurn(start);
		expect(once.notes).toBe(start.notes);
		expect(once.reveal).toEqual({
			order,
			turn: 1,
			passStreak: 1,
			autoFrom: null,
			autoTurnId: null
		});
		const twice = passTurn(once);
		expect(twice.reveal).toEqual({
			order,
			turn: 0,
			passStreak: 2,
			autoFrom: null,
			autoTurnId: null
		});
	});

	it('passTurn does nothing when there is no turn', () => {
		const done = questionRun([note('a1', 'ann', 1, 0)], {
			order,
			turn: null,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
		expect(passTurn(done)).toBe(done);
		const noReveal = questionRun([]);
		expect(passTurn(noReveal)).toBe(noReveal);
	});

	it('everyonePassed is true once each person with notes left has passed in a row', () => {
		let r = questionRun([note('a1', 'ann', 1), note('c1', 'cat', 2), note('b1', 'ben', 3, 0)], {
			order,
			turn: 0,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
		expect(peopleWithHiddenNotes(r)).toBe(2);
		expect(everyonePassed(r)).toBe(false);
		r = passTurn(r);
		expect(everyonePassed(r)).toBe(false);
		r = passTurn(r);
		expect(everyonePassed(r)).toBe(true);
		r = revealNote(r, 'a1');
		expect(everyonePassed(r)).toBe(false);
		expect(peopleWithHiddenNotes(r)).toBe(1);
	});

	it('everyonePassed is false when nothing is left or there is no reveal', () => {
		const done = questionRun([note('a1', 'ann', 1, 0)], {
			order,
			turn: null,
			passStreak: 3,
			autoFrom: null,
			autoTurnId: null
		});
		expect(peopleWithHiddenNotes(done)).toBe(0);
		expect(everyonePassed(done)).toBe(false);
		expect(peopleWithHiddenNotes(questionRun([note('a1', 'ann', 1)]))).toBe(0);
	});

	it('revealAll reveals in round-robin order from the current turn', () => {
		const r = questionRun(
			[
				note('a1', 'ann', 1),
				note('a2', 'ann', 2),
				note('b1', 'ben', 3),
				note('c1', 'cat', 4),
				note('c2', 'cat', 5),
				note('c3', 'cat', 6)
			],
			{ order, turn: 1, passStreak: 1, autoFrom: null, autoTurnId: null }
		);
		const all = revealAll(r);
		const byIndex = [...all.notes].sort((a, b) => a.revealIndex! - b.revealIndex!).map((n) => n.id);
		expect(byIndex).toEqual(['b1', 'c1', 'a1', 'c2', 'a2', 'c3']);
		expect(all.reveal).toEqual({
			order,
			turn: null,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
	});

	it('revealAll reveals notes of people outside the order last, oldest first', () => {
		const r = questionRun([note('x2', 'xia', 9), note('a1', 'ann', 5), note('x1', 'xia', 7)], {
			order: ['ann'],
			turn: 0,
			passStreak: 0,
			autoFrom: null,
			autoTurnId: null
		});
		const all = revealAll(r);
		expect(all.notes.map((n) => [n.id, n.revealIndex])).toEqual([
			['x2', 2],
			['a1', 0],
			['x1', 1]
		]);
	});
});

describe('the reveal through execute()', () => {
	const reveal = (questionId = Q1) => ({ type: 'reveal.next', questionId }) as const;
	const pass = { type: 'reveal.pass', questionId: Q1 } as const;

	it('goes round in join order, one note per turn, skipping people with nothing left', () => {
		let state = advance(writtenSession());
		const turns: string[] = [];
		while (turnOf(state) !== null) {
			const who = turnOf(state)!;
			turns.push(who);
			const step = tryRun(state, reveal(), as(who));
			state = step.state;
		}
		expect(turns).toEqual(['ann', 'ben', 'cat', 'ann', 'cat', 'ann']);
		expect(revealed(state)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
		expect(runOf(state).reveal?.turn).toBeNull();
	});

	it('never gives Dan (no notes) a turn', () => {
		const state = advance(writtenSession());
		expect(runOf(state).reveal?.order).toEqual(['ann', 'ben', 'cat']);
		expect(refusal(state, reveal(), as('dan'))).toEqual({ code: 'not_your_turn' });
	});

	it('answers with the id of the note revealed', () => {
		const state = advance(writtenSession());
		expect(tryRun(state, reveal(), as('ann')).result).toEqual({ noteId: 'a1' });
	});

	it('lets the person choose which of their notes to read', () => {
		let state = advance(writtenSession());
		const step = tryRun(state, { ...reveal(), noteId: 'a3' }, as('ann'), T0 + 5);
		expect(step.result).toEqual({ noteId: 'a3' });
		state = step.state;
		expect(revealed(state)).toEqual(['a3']);
		expect(turnOf(state)).toBe('ben');
	});

	it('refuses to reveal someone else’s or an already revealed note', () => {
		let state = deepFreeze(advance(writtenSession()));
		expect(refusal(state, { ...reveal(), noteId: 'b1' }, as('ann'))).toEqual({ code: 'not_found' });
		// The facilitator never picks a note: the answer would say whose it is.
		for (const noteId of ['a1', 'b1'])
			expect(refusal(state, { ...reveal(), noteId }, facilitator)).toEqual({ code: 'forbidden' });
		state = run(state, { ...reveal(), noteId: 'a2' }, as('ann'));
		state = run(state, pass, as('ben'));
		state = run(state, pass, as('cat'));
		expect(turnOf(state)).toBe('ann');
		expect(refusal(state, { ...reveal(), noteId: 'a2' }, as('ann'))).toEqual({ code: 'not_found' });
	});

	it('refuses people whose turn it is not, for reading and for passing', () => {
		const state = deepFreeze(advance(writtenSession()));
		expect(refusal(state, reveal(), as('ben'))).toEqual({ code: 'not_your_turn' });
		expect(refusal(state, pass, as('cat'))).toEqual({ code: 'not_your_turn' });
	});

	it('lets the facilitator read the current person’s next note or pass for them', () => {
		let state = advance(writtenSession());
		const step = tryRun(state, reveal(), facilitator);
		expect(step.result).toEqual({ noteId: 'a1' });
		state = run(step.state, pass, facilitator);
		expect(turnOf(state)).toBe('cat');
		expect(runOf(state).reveal?.passStreak).toBe(1);
	});

	it('counts passes until someone reads, and says when everyone passed', () => {
		let state = advance(writtenSession());
		state = run(state, pass, as('ann'));
		state = run(state, pass, as('ben'));
		expect(runOf(state).reveal?.passStreak).toBe(2);
		expect(everyonePassed(runOf(state))).toBe(false);
		state = run(state, pass, as('cat'));
		expect(everyonePassed(runOf(state))).toBe(true);
		expect(turnOf(state)).toBe('ann');
		state = run(state, reveal(), as('ann'));
		expect(runOf(state).reveal?.passStreak).toBe(0);
		expect(everyonePassed(runOf(state))).toBe(false);
	});

	it('keeps the turn with the last person who has notes when they pass', () => {
		// Only Ben writes.
		let state = join(newSession(), ['ann', 'ben']);
		state = advance(state);
		state = write(state, { ben: [['b1', 'x']] });
		state = advance(state);
		state = run(state, pass, as('ben'));
		expect(turnOf(state)).toBe('ben');
		expect(everyonePassed(runOf(state))).toBe(true);
	});

	it('refuses to reveal or pass once every note is out', () => {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		expect(refusal(state, reveal(), facilitator)).toEqual({
			code: 'wrong_phase',
			params: { phase: 'reveal' }
		});
		expect(refusal(state, pass, facilitator)).toEqual({
			code: 'wrong_phase',
			params: { phase: 'reveal' }
		});
	});

	it('reveal.all in a named session reveals the rest in round-robin order from the turn (facilitator only)', () => {
		let state = advance(writtenSession({ settings: { anonymous: false } }));
		state = run(state, reveal(), as('ann')); // a1
		state = run(state, pass, as('ben'));
		expect(turnOf(state)).toBe('cat');
		expect(refusal(state, { type: 'reveal.all', questionId: Q1 }, as('cat'))).toEqual({
			code: 'forbidden'
		});
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		expect(revealed(state)).toEqual(['a1', 'c1', 'a2', 'b1', 'c2', 'a3']);
		expect(runOf(state).phase).toBe('reveal');
	});

	it('reveal.all in an anonymous session reveals the rest by note id, an order that names nobody', () => {
		let state = advance(writtenSession());
		state = run(state, reveal(), as('ann')); // a1
		state = run(state, pass, as('ben'));
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		expect(revealed(state)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
		expect(turnOf(state)).toBeNull();
	});

	it('moving on to clarify in a named session reveals what is left in round-robin order and marks where that began', () => {
		let state = advance(writtenSession({ settings: { anonymous: false } }));
		state = run(state, reveal(), as('ann')); // a1
		state = run(state, reveal(), as('ben')); // b1
		state = run(state, pass, as('cat'));
		expect(turnOf(state)).toBe('ann');
		state = advance(state);
		expect(revealed(state)).toEqual(['a1', 'b1', 'a2', 'c1', 'a3', 'c2']);
		expect(runOf(state).reveal?.autoFrom).toBe(2);
	});

	it('gives the facilitator’s on-behalf notes a place at once without moving the turn', () => {
		let state = advance(writtenSession());
		state = run(state, reveal(), as('ann'));
		state = run(state, {
			type: 'note.add',
			questionId: Q1,
			noteId: 'd1',
			text: 'Dan said: transport',
			authorId: 'dan'
		});
		expect(noteOf(state, 'd1').revealIndex).toBe(1);
		expect(turnOf(state)).toBe('ben');
		expect(runOf(state).reveal?.order).toEqual(['ann', 'ben', 'cat']);
	});
});

describe('someone leaves in the middle of the reveal', () => {
	function midReveal() {
		let state = advance(writtenSession());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann')); // a1
		return run(state, { type: 'reveal.next', questionId: Q1 }, as('ben')); // b1; Cat's turn
	}

	it('participant.leave keeps their notes; the facilitator reads them out in their turn', () => {
		let state = midReveal();
		state = run(state, { type: 'participant.leave' }, as('cat'));
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
		expect(turnOf(state)).toBe('cat');
		expect(refusal(state, { type: 'reveal.next', questionId: Q1 }, as('cat'))).toEqual({
			code: 'forbidden'
		});
		state = run(state, { type: 'reveal.next', questionId: Q1 });
		expect(revealed(state)).toEqual(['a1', 'b1', 'c1']);
		expect(turnOf(state)).toBe('ann');
	});

	it('participant.remove without deleting works like leaving', () => {
		const state = run(midReveal(), {
			type: 'participant.remove',
			participantId: 'cat',
			deleteContributions: false
		});
		expect(runOf(state).notes).toEqual(runOf(midReveal()).notes);
		expect(turnOf(state)).toBe('cat');
		expect(state.participants.find((p) => p.id === 'cat')?.removed).toBe(true);
	});

	it('participant.remove with deleting drops their notes and moves the turn on', () => {
		let state = midReveal();
		state = run(state, {
			type: 'participant.remove',
			participantId: 'cat',
			deleteContributions: true
		});
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['a1', 'a2', 'a3', 'b1']);
		expect(turnOf(state)).toBe('ann');
		expect(runOf(state).reveal?.order).toEqual(['ann', 'ben', 'cat']);
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		expect(revealed(state)).toEqual(['a1', 'b1', 'a2']);
		expect(turnOf(state)).toBe('ann');
	});

	it('removing the last person with notes while it is their turn ends the turns', () => {
		let state = writtenSession();
		state = run(state, { type: 'note.delete', questionId: Q1, noteId: 'b1' }, as('ben'));
		state = run(state, { type: 'note.delete', questionId: Q1, noteId: 'c1' }, as('cat'));
		state = run(state, { type: 'note.delete', questionId: Q1, noteId: 'c2' }, as('cat'));
		state = advance(state);
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		expect(turnOf(state)).toBe('ann');
		expect(runOf(state).reveal?.order).toEqual(['ann']);
		state = run(state, {
			type: 'participant.remove',
			participantId: 'ann',
			deleteContributions: true
		});
		expect(runOf(state).notes).toEqual([]);
		expect(runOf(state).reveal?.turn).toBeNull();
		expect(refusal(state, { type: 'reveal.next', questionId: Q1 })).toEqual({
			code: 'wrong_phase',
			params: { phase: 'reveal' }
		});
		// Moving on must not choke on a turn that points at nobody's notes.
		state = advance(state);
		expect(runOf(state).phase).toBe('clarify');
	});

	it('reveal.all after removing the person whose turn it was reveals everyone else’s notes', () => {
		let state = midReveal();
		state = run(state, {
			type: 'participant.remove',
			participantId: 'cat',
			deleteContributions: true
		});
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		expect(revealed(state)).toEqual(['a1', 'b1', 'a2', 'a3']);
	});

	it('moving on after a removal hides only the auto-revealed notes when stepping back', () => {
		let state = advance(writtenSession({ settings: { anonymous: false } }));
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann')); // a1 #0
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ben')); // b1 #1
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('cat')); // c1 #2
		state = run(state, {
			type: 'participant.remove',
			participantId: 'ben',
			deleteContributions: true
		});
		// Turn-revealed: a1 (#0) and c1 (#2). Ann is next.
		expect(turnOf(state)).toBe('ann');
		state = advance(state);
		expect(revealed(state)).toEqual(['a1', 'c1', 'a2', 'c2', 'a3']);
		state = back(state);
		expect(revealed(state)).toEqual(['a1', 'c1']);
		expect(turnOf(state)).toBe('ann');
	});
});
