import { refuse, type DomainError } from '../errors';
import { limits } from '../limits';
import { charCount, cleanText } from '../text';
import {
	assignNotes,
	createCluster,
	dissolveCluster,
	mergeClusters,
	moveCluster,
	pruneHiddenNotes,
	renameCluster,
	subheadingsOf
} from './clusters';
import { clusteringPhases, transitions, votingPhases, type Phase } from './phases';
import {
	hiddenNotesOf,
	nextRevealIndex,
	passTurn,
	revealAll,
	revealNote,
	startReveal,
	turnFrom
} from './round-robin';
import { carriesOver, closeVote, voidBallotsIfItemsWent, votersOf } from './ballots';
import { effectiveTopN, voteItems } from './tally';
import {
	defaultScreenControl,
	defaultSettings,
	type Ballot,
	type ClosedVote,
	type Language,
	type Note,
	type NoteEdit,
	type QuestionRun,
	type Reflection,
	type SessionSettings,
	type SessionState
} from './types';

/** Who sends a command to a session. */
export type Actor =
	| { role: 'participant'; participantId: string }
	| { role: 'facilitator' }
	| { role: 'guest' }
	/** The server itself: keeps a conference group's members in its session. */
	| { role: 'system' };

/** Everything that can change a session. Ids are made by clients or by the server, never here. */
export type SessionCommand =
	| { type: 'session.configure'; settings: Partial<SessionSettings> }
	| { type: 'session.retitle'; title: string }
	| { type: 'session.reflect'; text: string }
	| { type: 'question.add'; questionId: string; text: string }
	| { type: 'question.edit'; questionId: string; text: string }
	| { type: 'question.select'; questionId: string }
	| { type: 'phase.advance'; questionId: string; from: Phase }
	| { type: 'phase.back'; questionId: string; from: Phase }
	| { type: 'timer.start'; seconds: number }
	| { type: 'timer.pause' }
	| { type: 'timer.resume' }
	| { type: 'timer.add'; seconds: number }
	| { type: 'timer.clear' }
	| { type: 'participant.join'; participantId: string; name: string }
	| { type: 'participant.add'; participantId: string; name: string }
	| { type: 'participant.rename'; participantId: string; name: string }
	| { type: 'participant.remove'; participantId: string; deleteContributions: boolean }
	| { type: 'participant.enrol'; participantId: string; name: string }
	| { type: 'participant.erase'; participantId: string; mode: 'delete' | 'anonymise' }
	| { type: 'participant.leave' }
	| {
			type: 'note.add';
			questionId: string;
			noteId: string;
			text: string;
			authorId?: string;
			/** Entered by the facilitator for the group as a whole: no author (absent: a person's). */
			forGroup?: true;
	  }
	| { type: 'note.edit'; questionId: string; noteId: string; text: string }
	| { type: 'note.delete'; questionId: string; noteId: string }
	| { type: 'reveal.next'; questionId: string; noteId?: string }
	| { type: 'reveal.pass'; questionId: string }
	| { type: 'reveal.all'; questionId: string }
	| {
			type: 'cluster.create';
			questionId: string;
			clusterId: string;
			heading: string;
			noteIds: string[];
			/** Makes it a sub-heading under this heading; absent for a heading (as before). */
			parentId?: string;
			/** A suggestion taken: notes placed under a heading meanwhile stay where they are. */
			onlyLoose?: true;
	  }
	| { type: 'cluster.rename'; questionId: string; clusterId: string; heading: string }
	| { type: 'cluster.assign'; questionId: string; noteIds: string[]; clusterId: string | null }
	| { type: 'cluster.merge'; questionId: string; sourceId: string; targetId: string }
	| { type: 'cluster.move'; questionId: string; clusterId: string; toIndex: number }
	| { type: 'cluster.dissolve'; questionId: string; clusterId: string }
	| {
			type: 'ballot.cast';
			questionId: string;
			/** First choice first; empty withdraws the ballot unless `blank` says it is meant. */
			ranking: string[];
			/** A deliberate vote for nothing: counts as voted. */
			blank?: boolean;
			voterId?: string;
	  }
	| { type: 'screen.page'; step: 1 | -1 }
	| { type: 'screen.focus'; questionId: string; noteId: string | null }
	| {
			type: 'reflection.write';
			/** A new id writes a new reflection; an existing one replaces its title, text and choice. */
			reflectionId: string;
			text: string;
			title?: string;
			/** Whose it is: the facilitator names a person of the group; a member writes their own. */
			authorId?: string;
			/** Absent: shown in a named session, not in an anonymous one. */
			showName?: boolean;
	  }
	| { type: 'reflection.delete'; reflectionId: string }
	| { type: 'discussion.write'; questionId: string; text: string };

export type SessionCommandType = SessionCommand['type'];

type Role = Actor['role'];
/** Phases a role may send a command in; 'any' when the phase does not matter. */
type PhaseRule = readonly Phase[] | 'any';

const duringWrite: PhaseRule = ['write'];
const afterReveal: PhaseRule = ['reveal', 'clarify', 'discuss'];
const clustering: PhaseRule = clusteringPhases;
const voting: PhaseRule = votingPhases;

/**
 * Who may send what, and in which phase of the question it names. This table is the
 * permission model; the authorisation-matrix test walks it. Finer rules (own notes only,
 * whose turn it is) are checked by each command.
 */
export const permissions: Record<SessionCommandType, Partial<Record<Role, PhaseRule>>> = {
	'session.configure': { facilitator: 'any' },
	'session.retitle': { facilitator: 'any', system: 'any' },
	'session.reflect': { facilitator: 'any' },
	'question.add': { facilitator: 'any', system: 'any' },
	'question.edit': { facilitator: 'any', system: 'any' },
	'question.select': { facilitator: 'any' },
	'phase.advance': { facilitator: 'any' },
	'phase.back': { facilitator: 'any' },
	'timer.start': { facilitator: 'any' },
	'timer.pause': { facilitator: 'any' },
	'timer.resume': { facilitator: 'any' },
	'timer.add': { facilitator: 'any' },
	'timer.clear': { facilitator: 'any' },
	'participant.join': { guest: 'any' },
	'participant.add': { facilitator: 'any' },
	'participant.rename': { participant: 'any', facilitator: 'any' },
	'participant.remove': { facilitator: 'any', system: 'any' },
	'participant.enrol': { system: 'any' },
	'participant.erase': { system: 'any' },
	'participant.leave': { participant: 'any' },
	'note.add': { participant: duringWrite, facilitator: ['write', ...afterReveal] },
	'note.edit': { participant: duringWrite, facilitator: ['write', ...afterReveal] },
	'note.delete': { participant: duringWrite, facilitator: duringWrite },
	'reveal.next': { participant: ['reveal'], facilitator: ['reveal'] },
	'reveal.pass': { participant: ['reveal'], facilitator: ['reveal'] },
	'reveal.all': { facilitator: ['reveal'] },
	'cluster.create': { facilitator: clustering },
	'cluster.rename': { facilitator: clustering },
	'cluster.assign': { facilitator: clustering },
	'cluster.merge': { facilitator: clustering },
	'cluster.move': { facilitator: clustering },
	'cluster.dissolve': { facilitator: clustering },
	'ballot.cast': { participant: voting, facilitator: voting },
	'screen.page': { facilitator: 'any' },
	'screen.focus': { facilitator: 'any' },
	// A member's own only while the facilitator allows it: checked by the command.
	'reflection.write': { participant: 'any', facilitator: 'any' },
	'reflection.delete': { participant: 'any', facilitator: 'any' },
	'discussion.write': { facilitator: 'any' }
};

/** What a successful command returns to its sender besides the new state. */
export type CommandResult = Record<string, string | number | boolean | null>;

export type ExecuteResult =
	{ ok: true; state: SessionState; result: CommandResult } | { ok: false; error: DomainError };

/** Input to create a session; ids come from the caller. */
export interface NewSession {
	id: string;
	title: string;
	language: Language;
	questions: { id: string; text: string }[];
	settings?: Partial<SessionSettings>;
}

/** A label for the n-th question: a, b, c … */
export function questionLabel(index: number): string {
	return String.fromCharCode(97 + index);
}

function emptyRun(id: string, label: string, text: string): QuestionRun {
	return {
		id,
		label,
		text,
		phase: 'lobby',
		notes: [],
		clusters: [],
		reveal: null,
		ballots: [],
		closedVote: null,
		previousVote: null
	};
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: DomainError };

function checkText(raw: string, max: number, multiline: boolean): Checked<string> {
	const value = cleanText(raw, { multiline });
	if (value === '') return { ok: false, error: refuse('empty') };
	const length = charCount(value);
	if (length > max) return { ok: false, error: refuse('too_long', { max, length }) };
	return { ok: true, value };
}

function checkSettings(settings: Partial<SessionSettings>): DomainError | null {
	if (settings.topN !== undefined) {
		if (!Number.isInteger(settings.topN) || settings.topN < 1 || settings.topN > limits.topN) {
			return refuse('invalid_payload', { field: 'topN', max: limits.topN });
		}
	}
	return null;
}

/** Creates a session in the lobby of its first question, or refuses bad input. */
export function createSession(input: NewSession, now: number): Checked<SessionState> {
	const title = checkText(input.title, limits.titleChars, false);
	if (!title.ok) return title;
	if (input.questions.length === 0) return { ok: false, error: refuse('empty') };
	if (input.questions.length > limits.questions) {
		return { ok: false, error: refuse('too_many', { max: limits.questions }) };
	}
	const questions: QuestionRun[] = [];
	for (const [index, q] of input.questions.entries()) {
		const text = checkText(q.text, limits.questionChars, true);
		if (!text.ok) return text;
		questions.push(emptyRun(q.id, questionLabel(index), text.value));
	}
	const settingsError = checkSettings(input.settings ?? {});
	if (settingsError) return { ok: false, error: settingsError };
	return {
		ok: true,
		value: {
			id: input.id,
			title: title.value,
			language: input.language,
			createdAt: now,
			settings: { ...defaultSettings, ...input.settings },
			participants: [],
			questions,
			currentQuestionId: questions[0]!.id,
			timer: null,
			reflection: ''
		}
	};
}

/** The question a command names (or none for session-wide commands). */
export function commandQuestionId(command: SessionCommand): string | null {
	return 'questionId' in command && command.type !== 'question.add' ? command.questionId : null;
}

/** Checks the permission table: role, then the phase of the question named. */
export function authorise(
	state: SessionState,
	command: SessionCommand,
	actor: Actor
): DomainError | null {
	const rule = permissions[command.type][actor.role];
	if (!rule) return refuse('forbidden');
	if (actor.role === 'participant') {
		const me = state.participants.find((p) => p.id === actor.participantId);
		if (!me || me.removed) return refuse('forbidden');
	}
	const questionId = commandQuestionId(command);
	if (questionId === null) return null;
	const run = state.questions.find((q) => q.id === questionId);
	if (!run) return refuse('not_found');
	// In one list the later questions only stand above the first one's list: never run alone.
	if (answeredWithFirst(state, run) && command.type !== 'question.edit') {
		return refuse('answered_together');
	}
	if (rule !== 'any' && !rule.includes(run.phase))
		return refuse('wrong_phase', { phase: run.phase });
	return null;
}

/** A later question of a one-list session: answered in the first question's list. */
export function answeredWithFirst(state: SessionState, run: QuestionRun): boolean {
	return state.settings.oneList === true && run.id !== state.questions[0]!.id;
}

function withRun(state: SessionState, run: QuestionRun): SessionState {
	return { ...state, questions: state.questions.map((q) => (q.id === run.id ? run : q)) };
}

function findRun(state: SessionState, questionId: string): QuestionRun {
	// authorise() has already checked that the question exists.
	return state.questions.find((q) => q.id === questionId)!;
}

function ok(state: SessionState, result: CommandResult = {}): ExecuteResult {
	return { ok: true, state, result };
}

function fail(
	code: Parameters<typeof refuse>[0],
	params?: Parameters<typeof refuse>[1]
): ExecuteResult {
	return { ok: false, error: refuse(code, params) };
}

function noteIdTaken(state: SessionState, noteId: string): boolean {
	return state.questions.some((q) => q.notes.some((n) => n.id === noteId));
}

function clusterIdTaken(state: SessionState, clusterId: string): boolean {
	return state.questions.some((q) => q.clusters.some((c) => c.id === clusterId));
}

/** Enters the next phase of a run, doing what the new phase needs. */
function advanceRun(state: SessionState, run: QuestionRun): QuestionRun {
	const to = transitions[run.phase].next!;
	switch (to) {
		case 'reveal':
			return { ...run, phase: to, reveal: startReveal(run, state.participants) };
		case 'clarify': {
			// Nothing is left unsaid: notes not read out are revealed (in an order that names nobody).
			// Reveal indexes can have gaps (a removed person's notes), so not a count of revealed notes.
			const autoFrom = run.notes.some((n) => n.revealIndex === null) ? nextRevealIndex(run) : null;
			const turn = run.reveal?.turn ?? null;
			const autoTurnId = autoFrom === null || turn === null ? null : run.reveal!.order[turn]!;
			const revealed = revealRest(run, state.settings);
			return {
				...revealed,
				phase: to,
				reveal: revealed.reveal ? { ...revealed.reveal, autoFrom, autoTurnId } : null
			};
		}
		case 'results':
			return {
				...run,
				phase: to,
				ballots: [],
				closedVote: closeVote(run, state.settings.topN)
			};
		case 'revote':
			return { ...run, phase: to, previousVote: run.closedVote, closedVote: null, ballots: [] };
		default:
			return { ...run, phase: to };
	}
}

/** Goes back one phase, undoing what the later phase did (see describeStepBack). */
function stepBackRun(run: QuestionRun): QuestionRun {
	const to = transitions[run.phase].back!;
	switch (run.phase) {
		case 'reveal': {
			const notes = run.notes.map((n) =>
				n.revealIndex === null ? n : { ...n, revealIndex: null }
			);
			return pruneHiddenNotes({ ...run, phase: to, notes, reveal: null });
		}
		case 'clarify': {
			const autoFrom = run.reveal?.autoFrom ?? null;
			if (autoFrom === null) return { ...run, phase: to };
			const notes = run.notes.map((n) =>
				n.revealIndex !== null && n.revealIndex >= autoFrom ? { ...n, revealIndex: null } : n
			);
			const hidden = { ...run, notes };
			const reveal = startRevealResume(hidden, run.reveal!, run.reveal!.autoTurnId ?? undefined);
			return pruneHiddenNotes({ ...hidden, phase: to, reveal });
		}
		case 'vote':
			return { ...run, phase: to, ballots: [], closedVote: null };
		case 'results':
			// A shown tally is never topped up, nor ballots cast on other items: see ballots.ts.
			return carriesOver(run) ? { ...run, phase: to } : { ...run, phase: to, closedVote: null };
		case 'revote':
			return { ...run, phase: to, ballots: [], closedVote: run.previousVote, previousVote: null };
		default:
			return { ...run, phase: to };
	}
}

/**
 * The reveal as it was before moving on: same order, turn back with the person who was to read
 * next (`turnId`), or the first person with notes left when that person is not in the order.
 */
function startRevealResume(
	run: QuestionRun,
	previous: NonNullable<QuestionRun['reveal']>,
	turnId: string | undefined
) {
	const order = previous.order;
	const at = turnId === undefined ? -1 : order.indexOf(turnId);
	return {
		order,
		turn: turnFrom(run, order, Math.max(at, 0)),
		passStreak: 0,
		autoFrom: null,
		autoTurnId: null
	};
}

/** What stepping back from the current phase of a run would undo, for the confirmation. */
export interface StepBackEffect {
	to: Phase;
	/** Revealed notes that become private again. */
	notesHidden: number;
	/** Notes that leave their heading because they are hidden again. */
	notesUngrouped: number;
	/** Ballots thrown away. */
	ballotsDiscarded: number;
	/** Ballots of the previous vote that come back. */
	ballotsRestored: number;
	/** Ballots of a vote whose tally was withheld that stay counted when it reopens. */
	ballotsKept: number;
}

export function describeStepBack(run: QuestionRun): StepBackEffect | null {
	const to = transitions[run.phase].back;
	if (!to) return null;
	const effect: StepBackEffect = {
		to,
		notesHidden: 0,
		notesUngrouped: 0,
		ballotsDiscarded: 0,
		ballotsRestored: 0,
		ballotsKept: 0
	};
	const grouped = new Set(run.clusters.flatMap((c) => c.noteIds));
	const hide = (n: Note) => {
		effect.notesHidden++;
		if (grouped.has(n.id)) effect.notesUngrouped++;
	};
	if (run.phase === 'reveal') {
		run.notes.filter((n) => n.revealIndex !== null).forEach(hide);
	} else if (run.phase === 'clarify' && run.reveal?.autoFrom != null) {
		const from = run.reveal.autoFrom;
		run.notes.filter((n) => n.revealIndex !== null && n.revealIndex >= from).forEach(hide);
	} else if (run.phase === 'vote' || run.phase === 'revote') {
		effect.ballotsDiscarded = votersOf(run).length;
		effect.ballotsRestored = run.phase === 'revote' ? (run.previousVote?.rankings.length ?? 0) : 0;
	} else if (run.phase === 'results' && run.closedVote) {
		const count = run.closedVote.rankings.length;
		if (carriesOver(run)) effect.ballotsKept = count;
		else effect.ballotsDiscarded = count;
	}
	return effect;
}

/**
 * A note's length in characters, counted once per note: every note.add weighs the question's
 * notes, and a long note's text is otherwise read again for each note written after it.
 */
function noteChars(note: Note): number {
	let chars = charsOfNote.get(note);
	if (chars === undefined) charsOfNote.set(note, (chars = charCount(note.text)));
	return chars;
}

const charsOfNote = new WeakMap<Note, number>();

/**
 * Whether a new note of `chars` characters fits: a person's own limits (the group has none),
 * then the question's total, which one person's limits leave room under.
 */
function noteRoomError(
	run: QuestionRun,
	authorId: string | null,
	chars: number,
	/** A note being edited: its new text replaces it. */
	replacing?: string
): DomainError | null {
	let notes = 0;
	let total = 0;
	let mine = 0;
	let mineChars = 0;
	for (const n of run.notes) {
		if (n.id === replacing) continue;
		const length = noteChars(n);
		notes++;
		total += length;
		if (authorId !== null && n.authorId === authorId) {
			mine++;
			mineChars += length;
		}
	}
	if (authorId !== null) {
		if (mine >= limits.notesPerPersonPerQuestion) {
			return refuse('too_many', { max: limits.notesPerPersonPerQuestion });
		}
		if (mineChars + chars > limits.noteCharsPerPersonPerQuestion) {
			return refuse('person_text_full', { chars: limits.noteCharsPerPersonPerQuestion });
		}
	}
	if (notes >= limits.notesPerQuestion || total + chars > limits.noteCharsPerQuestion) {
		return refuse('question_full', {
			notes: limits.notesPerQuestion,
			chars: limits.noteCharsPerQuestion
		});
	}
	return null;
}

function isActiveParticipant(state: SessionState, participantId: string): boolean {
	return state.participants.some((p) => p.id === participantId && !p.removed);
}

/**
 * Applies one command: checks permission, phase and input, and returns the new state or a
 * typed refusal. Pure: the same (state, command, actor, now) always gives the same answer.
 */
export function execute(
	state: SessionState,
	command: SessionCommand,
	actor: Actor,
	now: number
): ExecuteResult {
	const denied = authorise(state, command, actor);
	if (denied) return { ok: false, error: denied };
	const selfId = actor.role === 'participant' ? actor.participantId : null;

	switch (command.type) {
		case 'session.configure': {
			const error = checkSettings(command.settings);
			if (error) return { ok: false, error };
			const settings = { ...state.settings };
			// Notes written anonymously stay anonymous: naming their authors later would break a promise.
			const naming = state.settings.anonymous && command.settings.anonymous === false;
			if (naming && state.questions.some((q) => q.notes.length > 0)) return fail('stays_anonymous');
			if (command.settings.anonymous !== undefined) settings.anonymous = command.settings.anonymous;
			if (command.settings.topN !== undefined) settings.topN = command.settings.topN;
			if (command.settings.facilitatorSeesNotes !== undefined) {
				settings.facilitatorSeesNotes = command.settings.facilitatorSeesNotes;
			}
			if (command.settings.membersReflect !== undefined) {
				settings.membersReflect = command.settings.membersReflect;
			}
			const oneList = command.settings.oneList;
			if (oneList !== undefined && oneList !== (state.settings.oneList ?? false)) {
				// The list's shape is fixed by what was written into it.
				if (state.questions.some((q) => q.phase !== 'lobby')) return fail('writing_started');
				settings.oneList = oneList;
				if (oneList) return ok({ ...inRoom(state, state.questions[0]!.id), settings });
			}
			return ok({ ...state, settings });
		}
		case 'session.retitle': {
			const title = checkText(command.title, limits.titleChars, false);
			if (!title.ok) return title;
			return ok({ ...state, title: title.value });
		}
		case 'session.reflect': {
			const text = cleanText(command.text, { multiline: true });
			if (charCount(text) > limits.reflectionChars) {
				return fail('too_long', { max: limits.reflectionChars, length: charCount(text) });
			}
			return ok({ ...state, reflection: text });
		}
		case 'question.add': {
			if (state.questions.length >= limits.questions)
				return fail('too_many', { max: limits.questions });
			if (state.questions.some((q) => q.id === command.questionId)) return fail('conflict');
			const text = checkText(command.text, limits.questionChars, true);
			if (!text.ok) return text;
			const run = emptyRun(command.questionId, questionLabel(state.questions.length), text.value);
			return ok({ ...state, questions: [...state.questions, run] });
		}
		case 'question.edit': {
			const text = checkText(command.text, limits.questionChars, true);
			if (!text.ok) return text;
			return ok(withRun(state, { ...findRun(state, command.questionId), text: text.value }));
		}
		case 'question.select':
			if (command.questionId === state.currentQuestionId) return ok(state);
			return ok(inRoom(state, command.questionId));
		case 'phase.advance':
		case 'phase.back': {
			const run = findRun(state, command.questionId);
			if (run.phase !== command.from) {
				return fail('phase_changed', { phase: run.phase });
			}
			const forward = command.type === 'phase.advance';
			const to = forward ? transitions[run.phase].next : transitions[run.phase].back;
			if (!to) return fail('wrong_phase', { phase: run.phase });
			const next = forward ? advanceRun(state, run) : stepBackRun(run);
			// The room works on the question whose phase changed: screen and phones go with it.
			return ok(inRoom(withRun(state, next), run.id), { phase: to });
		}
		case 'timer.start': {
			if (!validSeconds(command.seconds))
				return fail('invalid_payload', { max: limits.timerSeconds });
			return ok({
				...state,
				timer: { durationMs: command.seconds * 1000, startedAt: now, elapsedMs: 0 }
			});
		}
		case 'timer.pause': {
			const t = state.timer;
			if (!t || t.startedAt === null) return ok(state);
			return ok({
				...state,
				timer: { ...t, startedAt: null, elapsedMs: t.elapsedMs + (now - t.startedAt) }
			});
		}
		case 'timer.resume': {
			const t = state.timer;
			if (!t || t.startedAt !== null) return ok(state);
			return ok({ ...state, timer: { ...t, startedAt: now } });
		}
		case 'timer.add': {
			const t = state.timer;
			if (!t) return fail('not_found');
			if (!validSeconds(command.seconds))
				return fail('invalid_payload', { max: limits.timerSeconds });
			const durationMs = Math.min(
				t.durationMs + command.seconds * 1000,
				limits.timerSeconds * 1000
			);
			return ok({ ...state, timer: { ...t, durationMs } });
		}
		case 'timer.clear':
			return ok({ ...state, timer: null });
		case 'participant.join':
		case 'participant.add': {
			if (state.participants.some((p) => p.id === command.participantId)) return fail('conflict');
			const active = state.participants.filter((p) => !p.removed).length;
			if (active >= limits.participantsPerSession) {
				return fail('too_many', { max: limits.participantsPerSession });
			}
			const name = checkText(command.name, limits.nameChars, false);
			if (!name.ok) return name;
			const participant = {
				id: command.participantId,
				name: name.value,
				joinedAt: now,
				viaFacilitator: command.type === 'participant.add',
				removed: false
			};
			return ok(
				{ ...state, participants: [...state.participants, participant] },
				{ participantId: participant.id }
			);
		}
		case 'participant.enrol': {
			// A conference member: added, renamed, or back after being moved out of the group.
			const name = checkText(command.name, limits.nameChars, false);
			if (!name.ok) return name;
			const existing = state.participants.find((p) => p.id === command.participantId);
			if (!existing) {
				const active = state.participants.filter((p) => !p.removed).length;
				if (active >= limits.participantsPerSession) {
					return fail('too_many', { max: limits.participantsPerSession });
				}
				const participant = {
					id: command.participantId,
					name: name.value,
					joinedAt: now,
					viaFacilitator: false,
					removed: false
				};
				return ok({ ...state, participants: [...state.participants, participant] });
			}
			return ok({
				...state,
				participants: state.participants.map((p) =>
					p.id === existing.id ? { ...p, name: name.value, removed: false } : p
				)
			});
		}
		case 'participant.erase': {
			// Data protection: the person goes; what they wrote goes too, or stays without a name.
			const erased = state.participants.find((p) => p.id === command.participantId);
			if (!erased) return fail('not_found');
			const participants = state.participants.map((p) =>
				p.id === command.participantId ? { ...p, name: '', removed: true } : p
			);
			// Their reflections are theirs, in either mode; their name goes from the group's texts.
			const kept = forgetInTexts(state, command.participantId, erased.name);
			if (command.mode === 'anonymise') return ok({ ...kept, participants });
			const mine = (b: Ballot) => b.voterId === command.participantId;
			// A closed vote's ballots have no voter any more: only the list of who voted loses them.
			const forget = (vote: ClosedVote | null): ClosedVote | null =>
				vote && { ...vote, voterIds: vote.voterIds.filter((id) => id !== command.participantId) };
			const questions = kept.questions.map((run) =>
				voidBallotsIfItemsWent(
					run,
					removeNotes(
						{
							...run,
							ballots: run.ballots.filter((b) => !mine(b)),
							closedVote: forget(run.closedVote),
							previousVote: forget(run.previousVote)
						},
						(n) => n.authorId === command.participantId
					)
				)
			);
			return ok({ ...kept, participants, questions });
		}
		case 'participant.rename': {
			if (selfId !== null && command.participantId !== selfId) return fail('forbidden');
			if (!isActiveParticipant(state, command.participantId)) return fail('not_found');
			const name = checkText(command.name, limits.nameChars, false);
			if (!name.ok) return name;
			return ok({
				...state,
				participants: state.participants.map((p) =>
					p.id === command.participantId ? { ...p, name: name.value } : p
				)
			});
		}
		case 'participant.remove':
		case 'participant.leave': {
			const participantId = command.type === 'participant.leave' ? selfId! : command.participantId;
			if (!isActiveParticipant(state, participantId)) return fail('not_found');
			// Leaving keeps what the person wrote and voted; removal may discard it (duplicates, mistakes).
			const discard = command.type === 'participant.remove' && command.deleteContributions;
			// With nothing of theirs left, nothing needs their name either.
			const participants = state.participants.map((p) =>
				p.id === participantId ? { ...p, removed: true, name: discard ? '' : p.name } : p
			);
			const mine = (b: Ballot) => b.voterId === participantId;
			const kept = discard ? withoutReflectionsOf(state, participantId) : state;
			const questions = discard
				? kept.questions.map((run) =>
						voidBallotsIfItemsWent(
							run,
							removeNotes(
								{ ...run, ballots: run.ballots.filter((b) => !mine(b)) },
								(n) => n.authorId === participantId
							)
						)
					)
				: state.questions;
			return ok({ ...kept, participants, questions });
		}
		case 'note.add': {
			const run = findRun(state, command.questionId);
			// A note for the group has no author: only the facilitator writes one, and names nobody.
			if (command.forGroup && selfId !== null) return fail('forbidden');
			if (command.forGroup && command.authorId !== undefined) {
				return fail('invalid_payload', { field: 'authorId' });
			}
			const authorId = command.forGroup ? null : (selfId ?? command.authorId);
			if (authorId === undefined) return fail('invalid_payload', { field: 'authorId' });
			if (selfId !== null && command.authorId !== undefined && command.authorId !== selfId) {
				return fail('forbidden');
			}
			if (authorId !== null && !isActiveParticipant(state, authorId)) return fail('not_found');
			if (noteIdTaken(state, command.noteId)) return fail('conflict');
			const text = checkText(command.text, limits.noteChars, true);
			if (!text.ok) return text;
			const refused = noteRoomError(run, authorId, charCount(text.value));
			if (refused) return { ok: false, error: refused };
			const note: Note = {
				id: command.noteId,
				authorId,
				text: text.value,
				createdAt: now,
				byFacilitator: selfId === null,
				revealIndex: null,
				readableByFacilitator: selfId === null || state.settings.facilitatorSeesNotes,
				history: []
			};
			let next: QuestionRun = { ...run, notes: [...run.notes, note] };
			// Added by the facilitator after the reveal began: part of the group's work at once.
			if (run.phase !== 'write') next = revealNoteOutOfTurn(next, note.id);
			return ok(withRun(state, next), { noteId: note.id });
		}
		case 'note.edit': {
			const run = findRun(state, command.questionId);
			const note = run.notes.find((n) => n.id === command.noteId);
			if (!note) return fail('not_found');
			if (!mayTouchNote(state, run, note, selfId)) return fail('forbidden');
			const text = checkText(command.text, limits.noteChars, true);
			if (!text.ok) return text;
			if (text.value === note.text) return ok(state, { noteId: note.id });
			// A longer text must fit as a new note would: edits never get round the totals.
			const refused = noteRoomError(run, note.authorId, charCount(text.value), note.id);
			if (refused) return { ok: false, error: refused };
			// Drafts before the reveal are private and replaced; only fixes to what the group saw keep a history.
			const history: NoteEdit[] =
				note.revealIndex === null
					? note.history
					: [
							...note.history,
							{ previous: note.text, at: now, by: selfId ? 'author' : 'facilitator' }
						];
			const edited: Note = { ...note, text: text.value, history };
			return ok(
				withRun(state, { ...run, notes: run.notes.map((n) => (n.id === note.id ? edited : n)) }),
				{ noteId: note.id }
			);
		}
		case 'note.delete': {
			const run = findRun(state, command.questionId);
			const note = run.notes.find((n) => n.id === command.noteId);
			if (!note) return fail('not_found');
			if (!mayTouchNote(state, run, note, selfId)) return fail('forbidden');
			return ok(
				withRun(
					state,
					removeNotes(run, (n) => n.id === note.id)
				),
				{ noteId: note.id }
			);
		}
		case 'reveal.next': {
			const run = findRun(state, command.questionId);
			const reveal = run.reveal;
			if (!reveal || reveal.turn === null) return fail('wrong_phase', { phase: run.phase });
			const turnId = reveal.order[reveal.turn]!;
			if (selfId !== null && selfId !== turnId) return fail('not_your_turn');
			// Only the author picks which note to read: an answer to the facilitator would say whose it is.
			if (selfId === null && command.noteId !== undefined) return fail('forbidden');
			const hidden = hiddenNotesOf(run, turnId);
			const note = command.noteId ? hidden.find((n) => n.id === command.noteId) : hidden[0];
			if (!note) return fail('not_found');
			return ok(withRun(state, revealNote(run, note.id)), { noteId: note.id });
		}
		case 'reveal.pass': {
			const run = findRun(state, command.questionId);
			const reveal = run.reveal;
			if (!reveal || reveal.turn === null) return fail('wrong_phase', { phase: run.phase });
			if (selfId !== null && selfId !== reveal.order[reveal.turn]) return fail('not_your_turn');
			return ok(withRun(state, passTurn(run)));
		}
		case 'reveal.all':
			return ok(withRun(state, revealRest(findRun(state, command.questionId), state.settings)));
		case 'cluster.create': {
			const run = findRun(state, command.questionId);
			if (clusterIdTaken(state, command.clusterId)) return fail('conflict');
			if (run.clusters.length >= limits.clustersPerQuestion) {
				return fail('too_many', { max: limits.clustersPerQuestion });
			}
			const heading = checkText(command.heading, limits.headingChars, false);
			if (!heading.ok) return heading;
			if (!allRevealed(run, command.noteIds)) return fail('not_found');
			const placed = new Set(run.clusters.flatMap((c) => c.noteIds));
			const noteIds = command.onlyLoose
				? command.noteIds.filter((id) => !placed.has(id))
				: command.noteIds;
			if (command.parentId !== undefined) {
				const parent = run.clusters.find((c) => c.id === command.parentId);
				if (!parent) return fail('not_found');
				if (parent.parentId !== undefined) return fail('one_level_only');
				if (subheadingsOf(run.clusters, parent.id).length >= limits.subheadingsPerHeading) {
					return fail('too_many', { max: limits.subheadingsPerHeading });
				}
			}
			return ok(
				withRun(
					state,
					createCluster(run, command.clusterId, heading.value, noteIds, command.parentId)
				)
			);
		}
		case 'cluster.rename': {
			const run = findRun(state, command.questionId);
			if (!run.clusters.some((c) => c.id === command.clusterId)) return fail('not_found');
			const heading = checkText(command.heading, limits.headingChars, false);
			if (!heading.ok) return heading;
			return ok(withRun(state, renameCluster(run, command.clusterId, heading.value)));
		}
		case 'cluster.assign': {
			const run = findRun(state, command.questionId);
			if (command.clusterId !== null && !run.clusters.some((c) => c.id === command.clusterId)) {
				return fail('not_found');
			}
			if (!allRevealed(run, command.noteIds)) return fail('not_found');
			return ok(withRun(state, assignNotes(run, command.noteIds, command.clusterId)));
		}
		case 'cluster.merge': {
			const run = findRun(state, command.questionId);
			const ids = new Set(run.clusters.map((c) => c.id));
			if (!ids.has(command.sourceId) || !ids.has(command.targetId)) return fail('not_found');
			if (command.sourceId === command.targetId) return fail('conflict');
			// The source's sub-headings go under the target: never under a sub-heading.
			const target = run.clusters.find((c) => c.id === command.targetId)!;
			const sourceHasSubheadings = subheadingsOf(run.clusters, command.sourceId).length > 0;
			if (sourceHasSubheadings && target.parentId !== undefined) return fail('one_level_only');
			const joined = subheadingsOf(run.clusters, target.id).length;
			if (
				joined + subheadingsOf(run.clusters, command.sourceId).length >
				limits.subheadingsPerHeading
			) {
				return fail('too_many', { max: limits.subheadingsPerHeading });
			}
			return ok(withRun(state, mergeClusters(run, command.sourceId, command.targetId)));
		}
		case 'cluster.move': {
			const run = findRun(state, command.questionId);
			if (!run.clusters.some((c) => c.id === command.clusterId)) return fail('not_found');
			return ok(withRun(state, moveCluster(run, command.clusterId, command.toIndex)));
		}
		case 'cluster.dissolve': {
			const run = findRun(state, command.questionId);
			if (!run.clusters.some((c) => c.id === command.clusterId)) return fail('not_found');
			return ok(withRun(state, dissolveCluster(run, command.clusterId)));
		}
		case 'ballot.cast': {
			const run = findRun(state, command.questionId);
			const voterId = selfId ?? command.voterId;
			if (voterId === undefined) return fail('invalid_payload', { field: 'voterId' });
			if (selfId !== null && command.voterId !== undefined && command.voterId !== selfId) {
				return fail('forbidden');
			}
			if (!isActiveParticipant(state, voterId)) return fail('not_found');
			// Carried over from a close: the ballot no longer has a voter, so it cannot be changed.
			if (run.closedVote?.voterIds.includes(voterId)) return fail('already_voted');
			const existing = run.ballots.find((b) => b.voterId === voterId);
			// The facilitator may vote for someone, but never sees or overwrites their own ballot.
			if (selfId === null && existing && !existing.byFacilitator) return fail('forbidden');
			if (command.blank && command.ranking.length > 0) {
				return fail('invalid_payload', { field: 'blank' });
			}
			// Emptying a ranking is not a vote: the ballot goes, unless the person votes blank.
			if (command.ranking.length === 0 && !command.blank) {
				if (!existing) return ok(state);
				return ok(
					withRun(state, { ...run, ballots: run.ballots.filter((b) => b.voterId !== voterId) })
				);
			}
			const items = new Set(voteItems(run).map((i) => i.id));
			const n = effectiveTopN(state.settings.topN, items.size);
			if (command.ranking.length > n) return fail('too_many', { max: n });
			if (new Set(command.ranking).size !== command.ranking.length) return fail('conflict');
			if (!command.ranking.every((id) => items.has(id))) return fail('not_found');
			const ballot = {
				voterId,
				ranking: [...command.ranking],
				castAt: now,
				byFacilitator: selfId === null
			};
			const ballots = [...run.ballots.filter((b) => b.voterId !== voterId), ballot];
			return ok(withRun(state, { ...run, ballots }));
		}
		case 'screen.page': {
			const screen = state.screen ?? defaultScreenControl;
			return ok({ ...state, screen: { ...screen, turns: screen.turns + command.step } });
		}
		case 'screen.focus': {
			const run = findRun(state, command.questionId);
			const screen = state.screen ?? defaultScreenControl;
			if (command.noteId === null) return ok({ ...state, screen: { ...screen, focus: null } });
			// Only what the room has seen can be shown whole.
			if (!allRevealed(run, [command.noteId])) return fail('not_found');
			const focus = { questionId: run.id, phase: run.phase, noteId: command.noteId };
			return ok({ ...state, screen: { ...screen, focus } });
		}
		case 'reflection.write':
			return writeReflection(state, command, selfId, now);
		case 'reflection.delete': {
			const existing = state.reflections?.find((r) => r.id === command.reflectionId);
			if (!existing) return fail('not_found');
			if (selfId !== null && existing.authorId !== selfId) return fail('forbidden');
			return ok(withoutReflections(state, (r) => r.id === existing.id));
		}
		case 'discussion.write': {
			const text = cleanText(command.text, { multiline: true });
			if (charCount(text) > limits.discussionChars) {
				return fail('too_long', { max: limits.discussionChars, length: charCount(text) });
			}
			return ok(withRun(state, { ...findRun(state, command.questionId), discussion: text }));
		}
	}
}

/**
 * Writes or rewrites a reflection. The facilitator writes for anyone in the group; a member
 * only their own, and only while the facilitator lets members reflect.
 */
function writeReflection(
	state: SessionState,
	command: Extract<SessionCommand, { type: 'reflection.write' }>,
	selfId: string | null,
	now: number
): ExecuteResult {
	if (selfId !== null && !state.settings.membersReflect) return fail('forbidden');
	if (selfId !== null && command.authorId !== undefined && command.authorId !== selfId) {
		return fail('forbidden');
	}
	const reflections = state.reflections ?? [];
	const existing = reflections.find((r) => r.id === command.reflectionId);
	if (existing && selfId !== null && existing.authorId !== selfId) return fail('forbidden');
	const authorId = selfId ?? command.authorId ?? existing?.authorId;
	if (authorId === undefined) return fail('invalid_payload', { field: 'authorId' });
	if (!isActiveParticipant(state, authorId)) return fail('not_found');
	const text = checkText(command.text, limits.reflectionChars, true);
	if (!text.ok) return text;
	const title = cleanText(command.title ?? '', { multiline: false });
	if (charCount(title) > limits.reflectionTitleChars) {
		return fail('too_long', { max: limits.reflectionTitleChars, length: charCount(title) });
	}
	if (!existing && reflections.length >= limits.reflectionsPerGroup) {
		return fail('too_many', { max: limits.reflectionsPerGroup });
	}
	const reflection: Reflection = {
		id: command.reflectionId,
		authorId,
		title,
		text: text.value,
		showName: command.showName ?? !state.settings.anonymous,
		byAuthor: existing?.byAuthor ?? selfId !== null,
		createdAt: existing?.createdAt ?? now
	};
	return ok({
		...state,
		reflections: existing
			? reflections.map((r) => (r.id === existing.id ? reflection : r))
			: [...reflections, reflection]
	});
}

function withoutReflections(state: SessionState, drop: (r: Reflection) => boolean): SessionState {
	if (!state.reflections?.some(drop)) return state;
	return { ...state, reflections: state.reflections.filter((r) => !drop(r)) };
}

function withoutReflectionsOf(state: SessionState, participantId: string): SessionState {
	return withoutReflections(state, (r) => r.authorId === participantId);
}

/** An erased person's reflections go, and their name goes from the others and the discussions. */
function forgetInTexts(state: SessionState, participantId: string, name: string): SessionState {
	const next = withoutReflectionsOf(state, participantId);
	const strike = (text: string) => strikeName(text, name);
	return {
		...next,
		...(next.reflections && {
			reflections: next.reflections.map((r) => ({
				...r,
				title: strike(r.title),
				text: strike(r.text)
			}))
		}),
		questions: next.questions.map((q) =>
			q.discussion === undefined ? q : { ...q, discussion: strike(q.discussion) }
		)
	};
}

/** Replaces a name written as a whole word, in any case, by "[…]". */
export function strikeName(text: string, name: string): string {
	if (name.trim() === '') return text;
	const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), '[…]');
}

/**
 * The room turns to a question (or to another phase of it): the screen and phones show it, and
 * a timer, which times one phase, is done.
 */
function inRoom(state: SessionState, questionId: string): SessionState {
	return { ...state, currentQuestionId: questionId, timer: null };
}

function validSeconds(seconds: number): boolean {
	return Number.isInteger(seconds) && seconds > 0 && seconds <= limits.timerSeconds;
}

function allRevealed(run: QuestionRun, noteIds: string[]): boolean {
	return noteIds.every((id) => run.notes.some((n) => n.id === id && n.revealIndex !== null));
}

/**
 * Authors may change their own private notes; the facilitator may change notes they entered
 * on someone's behalf, private notes when allowed to read them, and any revealed note.
 */
function mayTouchNote(
	state: SessionState,
	run: QuestionRun,
	note: Note,
	selfId: string | null
): boolean {
	if (selfId !== null)
		return note.authorId === selfId && note.revealIndex === null && run.phase === 'write';
	if (note.revealIndex !== null) return true;
	return facilitatorMayRead(note, state.settings);
}

/** The facilitator may read a private note they entered, or one written while the setting was on. */
export function facilitatorMayRead(note: Note, settings: SessionSettings): boolean {
	return note.byFacilitator || (note.readableByFacilitator && settings.facilitatorSeesNotes);
}

/**
 * Reveals every remaining note. In named sessions in round-robin order; in anonymous ones in
 * the order of their ids (random, made by each device), so the order tells nothing about authors.
 */
function revealRest(run: QuestionRun, settings: SessionSettings): QuestionRun {
	if (!settings.anonymous) return revealAll(run);
	const hidden = run.notes
		.filter((n) => n.revealIndex === null)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let current: QuestionRun = { ...run, reveal: null };
	for (const note of hidden) current = revealNote(current, note.id);
	return { ...current, reveal: run.reveal && { ...run.reveal, turn: null, passStreak: 0 } };
}

/** Reveals one note without touching the round-robin turn. */
function revealNoteOutOfTurn(run: QuestionRun, noteId: string): QuestionRun {
	const revealed = revealNote({ ...run, reveal: null }, noteId);
	return { ...revealed, reveal: run.reveal };
}

/** Drops notes (and their places under headings) from a run. */
function removeNotes(run: QuestionRun, drop: (note: Note) => boolean): QuestionRun {
	const gone = new Set(run.notes.filter(drop).map((n) => n.id));
	if (gone.size === 0) return run;
	const next = {
		...run,
		notes: run.notes.filter((n) => !gone.has(n.id)),
		clusters: run.clusters.map((c) => ({ ...c, noteIds: c.noteIds.filter((id) => !gone.has(id)) }))
	};
	// The turn may have been with the person whose notes went: pass it to whoever has notes left.
	const reveal = run.reveal;
	if (!reveal || reveal.turn === null) return next;
	return { ...next, reveal: { ...reveal, turn: turnFrom(next, reveal.order, reveal.turn) } };
}
