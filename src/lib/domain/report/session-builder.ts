import { createSession, execute, type Actor, type SessionCommand } from '../session/commands';
import type { Phase } from '../session/phases';
import { clusterItemId, noteItemId } from '../session/tally';
import type { Language, SessionState } from '../session/types';

/**
 * Builds real sessions for fixtures, tests and benchmarks by sending the same commands people
 * send live, so every note, heading and ballot went through the domain's own rules.
 */
export interface SessionSpec {
	/** Session id; note, heading and question ids are derived from it. */
	id: string;
	title: string;
	language: Language;
	/** Notes show their authors (named session). Default: anonymous. */
	named?: boolean;
	/** Items each voter ranks; the session default (5) when not given. */
	topN?: number;
	/** People in the session, in joining order (the round-robin follows it). */
	people: { id: string; name: string; withoutPhone?: boolean }[];
	questions: QuestionSpec[];
	/** The leader's reflection, stored in the session. */
	reflection?: string;
	/** One list for all questions: only the first question is played; the others give their text. */
	oneList?: boolean;
}

export interface QuestionSpec {
	text: string;
	/** [author id, text]; written in this order during the write phase. A null author: the group's. */
	notes?: [string | null, string][];
	/** Headings over notes, by index into notes; `under` makes it a sub-heading of that heading. */
	clusters?: { heading: string; notes: number[]; under?: number }[];
	/**
	 * Ballots, first choice first: "c2" is heading 2, "n5" is note 5 (which must be ungrouped).
	 * Voter ids must be people of the session.
	 */
	ballots?: { voter: string; ranking: string[] }[];
	/** Phase the question is left in; results (the vote closed) by default. */
	stopAt?: Phase;
}

/** What playSession does on a session that already has its people and questions. */
export interface PlaySpec {
	/** Prefix of the note and heading ids it makes (unique within the session). */
	idPrefix: string;
	/** One spec per question of the session, by position (a, b, …); extra questions stay put. */
	questions: QuestionSpec[];
	/** People without a phone: the facilitator writes and votes for them. */
	withoutPhone?: ReadonlySet<string>;
	/** The leader's reflection. */
	reflection?: string;
}

/** Applies a command as an actor and answers with the session after it; throws if refused. */
export type SessionStep = (command: SessionCommand, actor: Actor) => SessionState;

const start = Date.UTC(2025, 4, 8, 8, 0, 0);

/** Ids the builder gives to the notes and headings of question q (0-based). */
export const specIds = {
	question: (sessionId: string, q: number) => `${sessionId}-q${q + 1}`,
	note: (prefix: string, q: number, n: number) => `${prefix}-q${q + 1}-n${n + 1}`,
	cluster: (prefix: string, q: number, c: number) => `${prefix}-q${q + 1}-c${c + 1}`
};

const forward: Phase[] = ['lobby', 'write', 'reveal', 'clarify', 'vote', 'results'];
const facilitator: Actor = { role: 'facilitator' };

/** A step that runs commands through execute() on a local state, a second of clock apiece. */
export function localStep(initial: SessionState, label: string, from = start): SessionStep {
	let state = initial;
	let now = from;
	return (command, actor) => {
		now += 1000;
		const result = execute(state, command, actor, now);
		if (!result.ok) throw new Error(`${label}: ${command.type} refused: ${result.error.code}`);
		state = result.state;
		return state;
	};
}

/** Runs the spec through createSession and execute; throws if the domain refuses a step. */
export function buildSession(spec: SessionSpec): SessionState {
	const created = createSession(
		{
			id: spec.id,
			title: spec.title,
			language: spec.language,
			questions: spec.questions.map((q, index) => ({
				id: specIds.question(spec.id, index),
				text: q.text
			})),
			settings: {
				anonymous: !spec.named,
				...(spec.topN ? { topN: spec.topN } : {}),
				...(spec.oneList ? { oneList: true } : {})
			}
		},
		start
	);
	if (!created.ok) throw new Error(`${spec.id}: createSession refused: ${created.error.code}`);
	const step = localStep(created.value, spec.id);
	let state = created.value;
	const withoutPhone = new Set<string>();
	for (const person of spec.people) {
		if (person.withoutPhone) {
			withoutPhone.add(person.id);
			state = step(
				{ type: 'participant.add', participantId: person.id, name: person.name },
				facilitator
			);
		} else {
			state = step(
				{ type: 'participant.join', participantId: person.id, name: person.name },
				{ role: 'guest' }
			);
		}
	}
	return playSession(
		state,
		{
			idPrefix: spec.id,
			questions: spec.oneList ? spec.questions.slice(0, 1) : spec.questions,
			withoutPhone,
			reflection: spec.reflection
		},
		step
	);
}

/**
 * Plays questions on a session whose people and questions exist: notes, the round-robin reveal,
 * headings, ballots and the leader's reflection, each as the command its sender would send.
 * Works on a local state (localStep) as well as on a stored session (a step that dispatches).
 */
export function playSession(
	initial: SessionState,
	spec: PlaySpec,
	step: SessionStep
): SessionState {
	let state = initial;
	const withoutPhone = spec.withoutPhone ?? new Set<string>();
	const actorFor = (id: string): Actor =>
		withoutPhone.has(id) ? facilitator : { role: 'participant', participantId: id };
	const label = spec.idPrefix;

	spec.questions.forEach((question, q) => {
		const questionId = state.questions[q]?.id;
		if (!questionId) throw new Error(`${label}: the session has no question ${q + 1}`);
		const stopAt = forward.indexOf(question.stopAt ?? 'results');
		if (stopAt < 0) throw new Error(`${label}: the builder stops only at ${forward.join(', ')}`);
		const advanceTo = (phase: Phase) => {
			const from = forward[forward.indexOf(phase) - 1]!;
			state = step({ type: 'question.select', questionId }, facilitator);
			state = step({ type: 'phase.advance', questionId, from }, facilitator);
		};
		if (stopAt < forward.indexOf('write')) return;
		advanceTo('write');
		(question.notes ?? []).forEach(([authorId, text], n) => {
			const noteId = specIds.note(spec.idPrefix, q, n);
			if (authorId === null) {
				state = step({ type: 'note.add', questionId, noteId, text, forGroup: true }, facilitator);
				return;
			}
			const command: SessionCommand = withoutPhone.has(authorId)
				? { type: 'note.add', questionId, noteId, text, authorId }
				: { type: 'note.add', questionId, noteId, text };
			state = step(command, actorFor(authorId));
		});
		if (stopAt < forward.indexOf('reveal')) return;
		advanceTo('reveal');
		// Round-robin: each turn reads the next note of whoever's turn it is.
		for (;;) {
			const current = state.questions.find((r) => r.id === questionId)!;
			if (!current.reveal || current.reveal.turn === null) break;
			state = step({ type: 'reveal.next', questionId }, facilitator);
		}
		if (stopAt < forward.indexOf('clarify')) return;
		advanceTo('clarify');
		(question.clusters ?? []).forEach((cluster, c) => {
			state = step(
				{
					type: 'cluster.create',
					questionId,
					clusterId: specIds.cluster(spec.idPrefix, q, c),
					heading: cluster.heading,
					noteIds: cluster.notes.map((n) => specIds.note(spec.idPrefix, q, n)),
					...(cluster.under === undefined
						? {}
						: { parentId: specIds.cluster(spec.idPrefix, q, cluster.under) })
				},
				facilitator
			);
		});
		if (stopAt < forward.indexOf('vote')) return;
		advanceTo('vote');
		for (const ballot of question.ballots ?? []) {
			const ranking = ballot.ranking.map((ref) => {
				const index = Number(ref.slice(1));
				return ref.startsWith('c')
					? clusterItemId(specIds.cluster(spec.idPrefix, q, index))
					: noteItemId(specIds.note(spec.idPrefix, q, index));
			});
			const command: SessionCommand = withoutPhone.has(ballot.voter)
				? { type: 'ballot.cast', questionId, ranking, voterId: ballot.voter }
				: { type: 'ballot.cast', questionId, ranking };
			state = step(command, actorFor(ballot.voter));
		}
		if (stopAt < forward.indexOf('results')) return;
		advanceTo('results');
	});
	if (spec.reflection)
		state = step({ type: 'session.reflect', text: spec.reflection }, facilitator);
	return state;
}
