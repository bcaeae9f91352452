/**
 * Small builders for the session core's unit tests. Everything goes through createSession and
 * execute, so a fixture state is always one the real core can reach.
 */
import type { DomainError } from '../errors';
import {
	createSession,
	execute,
	type Actor,
	type CommandResult,
	type SessionCommand
} from './commands';
import { transitions, type Phase } from './phases';
import type { Note, QuestionRun, SessionSettings, SessionState } from './types';

/** A fixed "now" for tests; every timestamp is derived from it. */
export const T0 = 1_700_000_000_000;

export const Q1 = 'q1';
export const Q2 = 'q2';

export const facilitator: Actor = { role: 'facilitator' };
export const guest: Actor = { role: 'guest' };

export function as(participantId: string): Actor {
	return { role: 'participant', participantId };
}

/** Capitalised id as display name: ann → Ann. */
export function nameOf(id: string): string {
	return id.charAt(0).toUpperCase() + id.slice(1);
}

export function newSession(
	options: { questions?: string[]; settings?: Partial<SessionSettings>; title?: string } = {}
): SessionState {
	const texts = options.questions ?? ['What stops people getting a job?'];
	const created = createSession(
		{
			id: 's1',
			title: options.title ?? 'Group 5',
			language: 'nb',
			questions: texts.map((text, i) => ({ id: `q${i + 1}`, text })),
			settings: options.settings
		},
		T0
	);
	if (!created.ok) throw new Error(`createSession refused: ${JSON.stringify(created.error)}`);
	return created.value;
}

/** Runs a command that must succeed and returns the new state and result. */
export function tryRun(
	state: SessionState,
	command: SessionCommand,
	actor: Actor = facilitator,
	now: number = T0
): { state: SessionState; result: CommandResult } {
	const outcome = execute(state, command, actor, now);
	if (!outcome.ok) {
		throw new Error(`${command.type} refused: ${JSON.stringify(outcome.error)}`);
	}
	return { state: outcome.state, result: outcome.result };
}

/** Runs a command that must succeed and returns only the new state. */
export function run(
	state: SessionState,
	command: SessionCommand,
	actor: Actor = facilitator,
	now: number = T0
): SessionState {
	return tryRun(state, command, actor, now).state;
}

/** Runs a command that must be refused and returns the refusal. */
export function refusal(
	state: SessionState,
	command: SessionCommand,
	actor: Actor = facilitator,
	now: number = T0
): DomainError {
	const outcome = execute(state, command, actor, now);
	if (outcome.ok) throw new Error(`${command.type} was accepted but should have been refused`);
	return outcome.error;
}

/** People join one second apart, in the order given. */
export function join(
	state: SessionState,
	ids: string[],
	startAt: number = T0 + 1_000
): SessionState {
	return ids.reduce(
		(s, id, i) =>
			run(
				s,
				{ type: 'participant.join', participantId: id, name: nameOf(id) },
				guest,
				startAt + i * 1_000
			),
		state
	);
}

export function runOf(state: SessionState, questionId: string = Q1): QuestionRun {
	const found = state.questions.find((q) => q.id === questionId);
	if (!found) throw new Error(`no question ${questionId}`);
	return found;
}

export function noteOf(state: SessionState, noteId: string, questionId: string = Q1): Note {
	const found = runOf(state, questionId).notes.find((n) => n.id === noteId);
	if (!found) throw new Error(`no note ${noteId}`);
	return found;
}

/** Note ids in reveal order. */
export function revealed(state: SessionState, questionId: string = Q1): string[] {
	return runOf(state, questionId)
		.notes.filter((n) => n.revealIndex !== null)
		.sort((a, b) => a.revealIndex! - b.revealIndex!)
		.map((n) => n.id);
}

/** Whose turn it is in the reveal, or null. */
export function turnOf(state: SessionState, questionId: string = Q1): string | null {
	const reveal = runOf(state, questionId).reveal;
	if (!reveal || reveal.turn === null) return null;
	return reveal.order[reveal.turn]!;
}

export function advance(
	state: SessionState,
	questionId: string = Q1,
	now: number = T0
): SessionState {
	const from = runOf(state, questionId).phase;
	return run(state, { type: 'phase.advance', questionId, from }, facilitator, now);
}

export function back(state: SessionState, questionId: string = Q1): SessionState {
	const from = runOf(state, questionId).phase;
	return run(state, { type: 'phase.back', questionId, from });
}

/** Advances (following "next") until the question is in `phase`. */
export function advanceTo(
	state: SessionState,
	phase: Phase,
	questionId: string = Q1
): SessionState {
	let current = state;
	for (let steps = 0; runOf(current, questionId).phase !== phase; steps++) {
		if (steps > 10 || transitions[runOf(current, questionId).phase].next === null) {
			throw new Error(`cannot reach ${phase}`);
		}
		current = advance(current, questionId);
	}
	return current;
}

/** Each author writes their notes (as themselves) with the given ids and texts. */
export function write(
	state: SessionState,
	notes: Record<string, [noteId: string, text: string][]>,
	questionId: string = Q1,
	startAt: number = T0 + 100_000
): SessionState {
	let current = state;
	let clock = startAt;
	for (const [authorId, list] of Object.entries(notes)) {
		for (const [noteId, text] of list) {
			clock += 1_000;
			current = run(current, { type: 'note.add', questionId, noteId, text }, as(authorId), clock);
		}
	}
	return current;
}

/**
 * The standard group: Ann, Ben, Cat and Dan join in that order; in question q1 Ann writes three
 * notes, Ben one, Cat two, Dan none. The question is left in the write phase.
 */
export function writtenSession(
	options: { settings?: Partial<SessionSettings>; questions?: string[] } = {}
): SessionState {
	let state = newSession(options);
	state = join(state, ['ann', 'ben', 'cat', 'dan']);
	state = advance(state);
	return write(state, {
		ann: [
			['a1', 'Too much paperwork'],
			['a2', 'Employers do not know the scheme'],
			['a3', 'Short-term funding']
		],
		ben: [['b1', 'No job coach in rural areas']],
		cat: [
			['c1', 'Benefits stop too early'],
			['c2', 'Fear of losing benefits']
		]
	});
}

/**
 * The standard group moved to clarify with every note revealed by turns:
 * a1, b1, c1, a2, c2, a3 (reveal indexes 0–5).
 */
export function clarifySession(
	options: { settings?: Partial<SessionSettings> } = {}
): SessionState {
	let state = advance(writtenSession(options));
	while (turnOf(state) !== null) state = run(state, { type: 'reveal.next', questionId: Q1 });
	return advance(state);
}

/** Freezes a value and everything reachable from it, so that any mutation throws. */
export function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
	}
	return value;
}
