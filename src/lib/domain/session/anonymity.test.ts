import { describe, expect, it } from 'vitest';
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
	run,
	writtenSession
} from './test-fixtures';
import type { SessionSettings, SessionState } from './types';
import { facilitatorView, participantView, screenView } from './views';

/*
 * Honest anonymity: in an anonymous session the room sees whose turn it is during the
 * round-robin, and nothing else links a note to a person. The strongest form of that is
 * indistinguishability: two sessions that differ only in who wrote which note (same notes,
 * same times, same number of notes per person) must give the same views to everyone who is
 * not one of those authors.
 */

const ids = ['n1', 'n2', 'n3'];

/** Ann and Ben write n1–n3 at the same times; `authors` says who wrote which. */
function group(authors: string[], settings: Partial<SessionSettings> = {}): SessionState {
	let state = advance(join(newSession({ settings }), ['ann', 'ben', 'cat']));
	ids.forEach((noteId, i) => {
		state = run(
			state,
			{ type: 'note.add', questionId: Q1, noteId, text: `Note ${noteId}` },
			as(authors[i]!),
			T0 + 100_000 + i * 1000
		);
	});
	return state;
}

// Ann wrote two notes and Ben one in both worlds; only which ones differs.
const worldA = (settings: Partial<SessionSettings> = {}) => group(['ann', 'ann', 'ben'], settings);
const worldB = (settings: Partial<SessionSettings> = {}) => group(['ben', 'ann', 'ann'], settings);

/** What the room and the console see: the screen, Cat's phone (no notes) and the console. */
function seen(state: SessionState): string {
	return JSON.stringify([screenView(state), participantView(state, 'cat'), facilitatorView(state)]);
}

describe('anonymous views do not depend on who wrote which note', () => {
	it('while writing, also on a console that may read notes', () => {
		const settings = { facilitatorSeesNotes: true };
		expect(seen(worldA(settings))).toBe(seen(worldB(settings)));
	});

	it('after "reveal all" at the start of the reveal', () => {
		const revealAll = (s: SessionState) => run(advance(s), { type: 'reveal.all', questionId: Q1 });
		expect(seen(revealAll(worldA()))).toBe(seen(revealAll(worldB())));
	});

	it('after moving on to clarify without turns, and in every phase after it', () => {
		let a = advance(advance(worldA()));
		let b = advance(advance(worldB()));
		expect(seen(a)).toBe(seen(b));
		for (let i = 0; i < 3; i++) {
			a = advance(a);
			b = advance(b);
			expect(seen(a)).toBe(seen(b));
		}
	});

	it('once the reveal is over, no view says who had notes or whose turn it was', () => {
		let state = advance(worldA());
		state = run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		state = advance(state);
		const json = JSON.stringify([screenView(state).runs, facilitatorView(state).runs]);
		for (const id of ['ann', 'ben']) expect(json).not.toContain(`"${id}"`);
	});

	it('the screen’s progress dots are not in the order people joined', () => {
		// Ann 3, Ben 1, Cat 2, Dan 0 notes: join order would pair each count with a name.
		const progress = screenView(writtenSession()).runs[0]!.progress;
		expect(progress).toEqual([3, 2, 1, 0]);
	});
});

describe('the facilitator cannot probe authorship', () => {
	it('choosing a note to reveal is refused alike for the person’s own and another’s note', () => {
		const state = advance(worldA());
		// The turn is Ann's: n1 and n2 are hers, n3 is Ben's.
		const probe = (noteId: string) =>
			execute(state, { type: 'reveal.next', questionId: Q1, noteId }, facilitator, T0);
		expect(probe('n1')).toEqual(probe('n3'));
		expect(probe('n1').ok).toBe(false);
	});
});

describe('switching an anonymous session to named', () => {
	const toNamed: SessionCommand = { type: 'session.configure', settings: { anonymous: false } };

	it('is allowed before anyone has written', () => {
		const state = run(advance(join(newSession(), ['ann'])), toNamed);
		expect(state.settings.anonymous).toBe(false);
	});

	it('is refused once any note exists, so a finished session never shows its authors', () => {
		const finished = advance(advance(advance(advance(worldA()))));
		expect(refusal(finished, toNamed).code).toBe('stays_anonymous');
		expect(refusal(worldA(), toNamed).code).toBe('stays_anonymous');
	});

	it('the other way round (named to anonymous) stays allowed', () => {
		const state = run(group(['ann', 'ann', 'ben'], { anonymous: false }), {
			type: 'session.configure',
			settings: { anonymous: true }
		});
		expect(state.settings.anonymous).toBe(true);
	});
});

describe('"facilitator reads notes"', () => {
	const on: SessionCommand = {
		type: 'session.configure',
		settings: { facilitatorSeesNotes: true }
	};

	it('applies only to notes written after it was turned on', () => {
		let state = run(worldA(), on);
		expect(facilitatorView(state).runs[0]!.privateNotes).toEqual([]);
		state = run(
			state,
			{ type: 'note.add', questionId: Q1, noteId: 'n4', text: 'Written after' },
			as('cat')
		);
		expect(facilitatorView(state).runs[0]!.privateNotes.map((n) => n.text)).toEqual([
			'Written after'
		]);
	});

	it('does not open an earlier note when its author edits it', () => {
		let state = run(worldA(), on);
		state = run(
			state,
			{ type: 'note.edit', questionId: Q1, noteId: 'n1', text: 'Edited later' },
			as('ann')
		);
		expect(JSON.stringify(facilitatorView(state))).not.toContain('Edited later');
		expect(
			execute(
				state,
				{ type: 'note.edit', questionId: Q1, noteId: 'n1', text: 'x' },
				facilitator,
				T0
			).ok
		).toBe(false);
	});

	it('is what the phones were told when each note was written', () => {
		const state = run(worldA(), on);
		expect(participantView(state, 'ann')!.settings.facilitatorSeesNotes).toBe(true);
		// Ann's notes were written while phones said "only you": they stay hers alone.
		expect(participantView(state, 'ann')!.runs[0]!.myNotes.map((n) => n.readByFacilitator)).toEqual(
			[false, false]
		);
	});
});
