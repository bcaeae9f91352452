import { describe, expect, it } from 'vitest';
import { limits } from '../limits';
import type { DomainError } from '../errors';
import { execute, type SessionCommand } from './commands';
import {
	Q1,
	T0,
	advance,
	as,
	facilitator,
	join,
	newSession,
	refusal,
	revealed,
	run,
	runOf,
	turnOf,
	write
} from './test-fixtures';
import { groupTurnId } from './round-robin';
import type { SessionState } from './types';
import { facilitatorView, participantView, screenView } from './views';

const people = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus'];

function writing(settings: Parameters<typeof newSession>[0] = {}): SessionState {
	return advance(join(newSession(settings), people));
}

function add(text: string, noteId: string): SessionCommand {
	return { type: 'note.add', questionId: Q1, noteId, text };
}

function forGroup(text: string, noteId: string): SessionCommand {
	return { type: 'note.add', questionId: Q1, noteId, text, forGroup: true };
}

/** Notes written straight into the state (the commands are tested one by one elsewhere). */
function fill(state: SessionState, authorId: string, count: number, chars: number): SessionState {
	let current = state;
	for (let i = 0; i < count; i++) {
		const text = `${authorId} ${i} `.padEnd(chars, 'x');
		current = run(current, add(text, `${authorId}-${i}`), as(authorId));
	}
	return current;
}

describe('long notes', () => {
	it('takes a 2,000-character note, with no spaces (a URL), and refuses 2,001', () => {
		const url = `https://example.org/${'a'.repeat(2_000 - 20)}`;
		expect(url).toHaveLength(2_000);
		const state = run(writing(), add(url, 'url-note'), as('ann'));
		expect(runOf(state).notes[0]!.text).toBe(url);
		expect(refusal(state, add(`${url}b`, 'too-long'), as('ben'))).toEqual({
			code: 'too_long',
			params: { max: 2_000, length: 2_001 }
		});
	});
});

describe('more notes per person, within a total per question', () => {
	it('lets one person write 100 notes and refuses the 101st, naming the limit', () => {
		const state = fill(writing(), 'ann', 100, 20);
		expect(runOf(state).notes).toHaveLength(100);
		expect(refusal(state, add('One more', 'ann-100'), as('ann'))).toEqual({
			code: 'too_many',
			params: { max: 100 }
		});
	});

	it('one person at their most cannot lock the room out: a fifth of the total at most', () => {
		expect(limits.notesPerPersonPerQuestion * 5).toBeLessThanOrEqual(limits.notesPerQuestion);
		expect(limits.noteCharsPerPersonPerQuestion * 5).toBeLessThanOrEqual(
			limits.noteCharsPerQuestion
		);
		// Ann writes 2,000-character notes until she is refused: the rest of the room still writes.
		let state = writing();
		let written = 0;
		for (;;) {
			const command = add(`${written} `.padEnd(2_000, 'y'), `ann-long-${written}`);
			const outcome = refusalOrState(state, command, 'ann');
			if ('code' in outcome) {
				expect(outcome).toEqual({
					code: 'person_text_full',
					params: { chars: limits.noteCharsPerPersonPerQuestion }
				});
				break;
			}
			state = outcome;
			written++;
		}
		expect(written * 2_000).toBeLessThanOrEqual(limits.noteCharsPerPersonPerQuestion);
		state = run(state, add('z'.repeat(2_000), 'ben-long'), as('ben'));
		expect(runOf(state).notes.filter((n) => n.authorId === 'ben')).toHaveLength(1);
	});

	it('a full question refuses the next note, a group note too, naming both limits', () => {
		// Five people at the most notes fill the question's count.
		let state = writing();
		for (const id of people.slice(0, 5)) state = fill(state, id, 100, 10);
		expect(runOf(state).notes).toHaveLength(limits.notesPerQuestion);
		const full = { code: 'question_full', params: { notes: 500, chars: 200_000 } };
		expect(refusal(state, add('Room for me?', 'fay-1'), as('fay'))).toEqual(full);
		expect(refusal(state, forGroup('And for the group?', 'group-1'))).toEqual(full);
	});

	it('a question full of characters refuses the next note', () => {
		let state = writing();
		for (const id of people.slice(0, 5)) state = fill(state, id, 20, 2_000);
		expect(refusal(state, add('Short', 'fay-1'), as('fay'))).toMatchObject({
			code: 'question_full'
		});
	});
});

describe('the totals a note is weighed against', () => {
	/** The limits as the rules state them, counted afresh from the question's notes. */
	function expectedRefusal(
		notes: readonly { id: string; authorId: string | null; text: string }[],
		authorId: string,
		chars: number,
		replacing?: string
	): string | null {
		const others = notes.filter((n) => n.id !== replacing);
		const mine = others.filter((n) => n.authorId === authorId);
		const length = (list: typeof notes) => list.reduce((sum, n) => sum + n.text.length, 0);
		if (mine.length >= limits.notesPerPersonPerQuestion) return 'too_many';
		if (length(mine) + chars > limits.noteCharsPerPersonPerQuestion) return 'person_text_full';
		if (others.length >= limits.notesPerQuestion) return 'question_full';
		if (length(others) + chars > limits.noteCharsPerQuestion) return 'question_full';
		return null;
	}

	it('are those the rules give after any adds, edits and deletions, up to every limit', () => {
		// A long random walk of six writers (notes of 1 to 2,000 characters, edits that make a
		// note longer or shorter, deletions): every answer is the one the rules give, counted
		// from scratch, wherever the question stands against each limit.
		let seed = 20261207;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const writers = people.slice(0, 6);
		const lengths = [1, 40, 1_999, 2_000];
		const seen = new Set<string | null>();
		let state = writing();
		for (let step = 0; step < 3_000; step++) {
			const notes = runOf(state).notes;
			const who = pick(writers);
			const mine = notes.filter((n) => n.authorId === who);
			const text = `${step} `.padEnd(pick(lengths), 'x');
			const roll = random();
			const edited = roll >= 0.8 && mine.length > 0 ? pick(mine).id : null;
			const command: SessionCommand =
				edited === null
					? add(text, `n-${step}`)
					: roll < 0.9
						? { type: 'note.edit', questionId: Q1, noteId: edited, text }
						: { type: 'note.delete', questionId: Q1, noteId: edited };
			const expected =
				command.type === 'note.delete'
					? null
					: expectedRefusal(notes, who, text.trim().length, edited ?? undefined);
			seen.add(expected);
			const outcome = refusalOrState(state, command, who);
			if ('code' in outcome) expect(outcome.code).toBe(expected);
			else {
				expect(expected).toBeNull();
				state = outcome;
			}
		}
		// The walk met every limit, and room to write too.
		expect(seen).toEqual(new Set([null, 'too_many', 'person_text_full', 'question_full']));
	});
});

describe('notes by the group', () => {
	it('the facilitator enters them without an author, beyond any one person’s limit', () => {
		let state = writing();
		for (let i = 0; i < limits.notesPerPersonPerQuestion + 5; i++) {
			state = run(state, forGroup(`Paper note ${i}`, `group-note-${i}`));
		}
		const notes = runOf(state).notes;
		expect(notes).toHaveLength(105);
		expect(notes.every((n) => n.authorId === null && n.byFacilitator)).toBe(true);
	});

	it('only the facilitator writes for the group, and never with an author as well', () => {
		const state = writing();
		expect(refusal(state, forGroup('Mine for all', 'group-x'), as('ann')).code).toBe('forbidden');
		expect(
			refusal(state, { ...forGroup('Both', 'group-y'), authorId: 'ann' } as SessionCommand).code
		).toBe('invalid_payload');
	});

	it('are read out in their own turn after the people’s turns, by the facilitator', () => {
		let state = writing({ settings: { anonymous: false } });
		state = run(state, forGroup('From the flip chart', 'g1'));
		state = write(state, { ann: [['a1', 'Ann one']], ben: [['b1', 'Ben one']] });
		state = run(state, forGroup('Second from the chart', 'g2'));
		state = advance(state);
		expect(runOf(state).reveal!.order).toEqual(['ann', 'ben', groupTurnId]);
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ben'));
		expect(turnOf(state)).toBe(groupTurnId);
		// Nobody else may take the group's turn.
		expect(refusal(state, { type: 'reveal.next', questionId: Q1 }, as('ann')).code).toBe(
			'not_your_turn'
		);
		state = run(state, { type: 'reveal.next', questionId: Q1 });
		state = run(state, { type: 'reveal.next', questionId: Q1 });
		expect(revealed(state)).toEqual(['a1', 'b1', 'g1', 'g2']);
		expect(turnOf(state)).toBeNull();
		const screen = screenView(state).runs[0]!;
		expect(screen.reveal!.order.map((p) => p.id)).toEqual(['ann', 'ben', groupTurnId]);
		expect(screen.notes.find((n) => n.id === 'g1')).toMatchObject({ author: null, byGroup: true });
		expect(screen.notes.find((n) => n.id === 'a1')).not.toHaveProperty('byGroup');
	});

	it('in an anonymous session the screen and phones mark nothing; the console does', () => {
		let state = writing();
		state = run(state, forGroup('From the flip chart', 'g1'));
		state = write(state, { ann: [['a1', 'Ann one']] });
		expect(facilitatorView(state).runs[0]!.privateNotes.find((n) => n.id === 'g1')).toMatchObject({
			authorId: null,
			byGroup: true
		});
		state = advance(state);
		state = run(state, { type: 'reveal.all', questionId: Q1 });
		const screenNote = screenView(state).runs[0]!.notes.find((n) => n.id === 'g1')!;
		expect(screenNote).toEqual({
			id: 'g1',
			text: 'From the flip chart',
			revealIndex: screenNote.revealIndex,
			author: null,
			edited: false
		});
		expect(participantView(state, 'ann')!.runs[0]!.myNotes.map((n) => n.id)).toEqual(['a1']);
	});

	it('belong to nobody: erasing or removing anyone leaves them', () => {
		let state = writing();
		state = run(state, forGroup('From the flip chart', 'g1'));
		state = write(state, { ann: [['a1', 'Ann one']] });
		state = run(
			state,
			{ type: 'participant.erase', participantId: 'ann', mode: 'delete' },
			{ role: 'system' }
		);
		state = run(
			state,
			{ type: 'participant.remove', participantId: 'ben', deleteContributions: true },
			facilitator,
			T0 + 1
		);
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['g1']);
	});
});

function refusalOrState(
	state: SessionState,
	command: SessionCommand,
	authorId: string
): SessionState | DomainError {
	const outcome = execute(state, command, as(authorId), T0);
	return outcome.ok ? outcome.state : outcome.error;
}

describe('view sizes at a full question', () => {
	/** Five people at their most notes fill the question: 500 notes of 400 characters, 200,000 in all. */
	function fullQuestion(): SessionState {
		let state = writing({ settings: { anonymous: false } });
		for (const id of people.slice(0, 5)) state = fill(state, id, 100, 400);
		return advance(advance(state));
	}

	it('keeps every view of a full question, revealed and put to the vote, within 600 kB', () => {
		const clarify = fullQuestion();
		const vote = advance(clarify);
		const sizes = Object.fromEntries(
			[
				['clarify', clarify],
				['vote', vote]
			].flatMap(([phase, state]) => {
				const s = state as SessionState;
				return [
					[`${phase} screen`, JSON.stringify(screenView(s)).length],
					[`${phase} console`, JSON.stringify(facilitatorView(s)).length],
					[`${phase} phone`, JSON.stringify(participantView(s, 'fay')).length]
				];
			})
		);
		// Printed for the record (README, report): the figures behind the chosen total.
		console.info('view JSON at a full question (500 notes, 200,000 characters):', sizes);
		for (const size of Object.values(sizes)) expect(size).toBeLessThanOrEqual(600_000);
	});
});
