import type { Note, Participant, QuestionRun, RevealState } from './types';

/** The group's turn in a reveal order: shorter than any client-made id, so never a person's. */
export const groupTurnId = 'group';

/** The author of the notes read in a turn: null (nobody) for the group's turn. */
function authorOfTurn(turnId: string): string | null {
	return turnId === groupTurnId ? null : turnId;
}

/** Unrevealed notes read in one turn (a person's, or the group's), oldest first. */
export function hiddenNotesOf(run: QuestionRun, turnId: string): Note[] {
	const authorId = authorOfTurn(turnId);
	return run.notes.filter((n) => n.authorId === authorId && n.revealIndex === null);
}

function hasHidden(run: QuestionRun, turnId: string): boolean {
	const authorId = authorOfTurn(turnId);
	return run.notes.some((n) => n.authorId === authorId && n.revealIndex === null);
}

/**
 * The round-robin order when the reveal begins: everyone with at least one note, in the order
 * they joined (ties by id, so the order is the same on every replay), then the group's notes.
 */
export function revealOrder(run: QuestionRun, participants: Participant[]): string[] {
	const order = [...participants]
		.filter((p) => hasHidden(run, p.id))
		.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1))
		.map((p) => p.id);
	return hasHidden(run, groupTurnId) ? [...order, groupTurnId] : order;
}

/** The first turn at or after `from` (cyclically) whose person still has hidden notes; null if none. */
export function turnFrom(run: QuestionRun, order: string[], from: number): number | null {
	for (let step = 0; step < order.length; step++) {
		const index = (from + step) % order.length;
		if (hasHidden(run, order[index]!)) return index;
	}
	return null;
}

/** A fresh reveal for a run whose writing just closed. */
export function startReveal(run: QuestionRun, participants: Participant[]): RevealState {
	const order = revealOrder(run, participants);
	return { order, turn: turnFrom(run, order, 0), passStreak: 0, autoFrom: null, autoTurnId: null };
}

/** The next reveal index: one past the highest given so far. */
export function nextRevealIndex(run: QuestionRun): number {
	let max = -1;
	for (const n of run.notes) if (n.revealIndex !== null && n.revealIndex > max) max = n.revealIndex;
	return max + 1;
}

/** Reveals one note and passes the turn on to the next person who still has notes. */
export function revealNote(run: QuestionRun, noteId: string): QuestionRun {
	const index = nextRevealIndex(run);
	const notes = run.notes.map((n) => (n.id === noteId ? { ...n, revealIndex: index } : n));
	const next = { ...run, notes };
	const reveal = run.reveal;
	if (!reveal) return next;
	const from = reveal.turn === null ? 0 : reveal.turn + 1;
	return {
		...next,
		reveal: { ...reveal, turn: turnFrom(next, reveal.order, from), passStreak: 0 }
	};
}

/** The current person passes: the turn moves on, nothing is revealed. */
export function passTurn(run: QuestionRun): QuestionRun {
	const reveal = run.reveal;
	if (!reveal || reveal.turn === null) return run;
	return {
		...run,
		reveal: {
			...reveal,
			turn: turnFrom(run, reveal.order, reveal.turn + 1),
			passStreak: reveal.passStreak + 1
		}
	};
}

/** Number of people who still have notes to reveal. */
export function peopleWithHiddenNotes(run: QuestionRun): number {
	return run.reveal ? run.reveal.order.filter((id) => hasHidden(run, id)).length : 0;
}

/** Every person with notes left has passed since the last note was revealed. */
export function everyonePassed(run: QuestionRun): boolean {
	const remaining = peopleWithHiddenNotes(run);
	return remaining > 0 && (run.reveal?.passStreak ?? 0) >= remaining;
}

/**
 * Reveals every remaining note in round-robin order, as if each person took their turns in
 * sequence without passing. Notes of people outside the order (none in practice) come last.
 */
export function revealAll(run: QuestionRun): QuestionRun {
	let current = run;
	const reveal = current.reveal;
	if (reveal) {
		while (current.reveal!.turn !== null) {
			const personId = current.reveal!.order[current.reveal!.turn!]!;
			const note = hiddenNotesOf(current, personId)[0]!;
			current = revealNote(current, note.id);
		}
	}
	const leftovers = current.notes
		.filter((n) => n.revealIndex === null)
		.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
	for (const note of leftovers) current = revealNote(current, note.id);
	return current;
}
