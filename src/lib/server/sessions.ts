import { refuse, type DomainError } from '$lib/domain/errors';
import {
	createSession,
	execute,
	type Actor,
	type CommandResult,
	type SessionCommand
} from '$lib/domain/session/commands';
import { mustForget } from '$lib/domain/session/forgetting';
import type { Language, SessionSettings, SessionState } from '$lib/domain/session/types';
import type { ChangeBus } from './change-bus';
import type { Db } from './db/database';
import { truncateWal } from './db/erasure';
import { findProcessed, recordProcessed } from './db/processed-commands';
import {
	appendSessionEvent,
	createSessionRow,
	findSessionByCode,
	findSessionByFacilitatorToken,
	findSessionByScreenToken,
	readSession,
	snapshotSession,
	type SessionAccess
} from './db/sessions';
import { log } from './log';
import { allocateJoinCode } from './join-codes';
import { participantToken, randomToken, verifyParticipantToken } from './tokens';

/** A session held in memory: its access data, current state and last event number. */
export interface LoadedSession {
	access: SessionAccess;
	state: SessionState;
	seq: number;
	snapshotSeq: number;
}

/** The answer to a command as stored: errors untranslated, so each reader gets its language. */
export type StoredAck = ({ ok: true } & CommandResult) | { ok: false; error: DomainError };

export interface DispatchOutcome {
	ack: StoredAck;
	/** The command changed the session (views must be sent). */
	changed: boolean;
}

/** Events between snapshots: bounds the replay at load and the size of the event table. */
const snapshotEvery = 200;

export interface NewSessionInput {
	title: string;
	questions: string[];
	language: Language;
	settings?: Partial<SessionSettings>;
	/** Set for a conference group's session. */
	conferenceId?: string;
}

/** What the session service uses, handed in by createApp. */
export interface SessionDependencies {
	db: Db;
	/** Signs participant tokens. */
	secret: string;
	/** Where committed changes are announced. */
	bus: ChangeBus;
	clock?: () => number;
}

/**
 * Sessions: create, load, and run commands through the core with exactly-once semantics.
 * A command is committed (event + stored answer, one transaction) before it is answered.
 */
export class SessionService {
	readonly #db: Db;
	readonly #secret: string;
	readonly #bus: ChangeBus;
	readonly #now: () => number;
	readonly #cache = new Map<string, LoadedSession>();

	constructor({ db, secret, bus, clock = Date.now }: SessionDependencies) {
		this.#db = db;
		this.#secret = secret;
		this.#bus = bus;
		this.#now = clock;
	}

	/** Creates a session in its lobby with a fresh join code and link tokens. */
	create(
		input: NewSessionInput
	): { ok: true; access: SessionAccess } | { ok: false; error: DomainError } {
		const now = this.#now();
		const created = createSession(
			{
				id: randomToken(16),
				title: input.title,
				language: input.language,
				questions: input.questions.map((text) => ({ id: randomToken(16), text })),
				settings: input.settings
			},
			now
		);
		if (!created.ok) return created;
		const access: SessionAccess = {
			id: created.value.id,
			joinCode: allocateJoinCode(this.#db),
			facilitatorToken: randomToken(24),
			screenToken: randomToken(18),
			conferenceId: input.conferenceId ?? null
		};
		createSessionRow(this.#db, access, created.value, now, access.conferenceId);
		this.#cache.set(access.id, { access, state: created.value, seq: 0, snapshotSeq: 0 });
		log.info('session.created', { sessionId: access.id, questions: input.questions.length });
		return { ok: true, access };
	}

	/** A session by id, loaded from its snapshot and events on first use. */
	get(id: string): LoadedSession | null {
		const cached = this.#cache.get(id);
		if (cached) return cached;
		const stored = readSession(this.#db, id);
		if (!stored) return null;
		let state = stored.snapshot;
		for (const event of stored.events) {
			const result = execute(state, event.command, event.actor, event.at);
			if (result.ok) state = result.state;
			else log.error('session.replay_refused', { sessionId: id, code: result.error.code });
		}
		const loaded = {
			access: stored.access,
			state,
			seq: stored.seq,
			snapshotSeq: stored.snapshotSeq
		};
		this.#cache.set(id, loaded);
		return loaded;
	}

	byCode(code: string): LoadedSession | null {
		const access = findSessionByCode(this.#db, code);
		return access ? this.get(access.id) : null;
	}

	byFacilitatorToken(token: string): LoadedSession | null {
		const access = findSessionByFacilitatorToken(this.#db, token);
		return access ? this.get(access.id) : null;
	}

	byScreenToken(token: string): LoadedSession | null {
		const access = findSessionByScreenToken(this.#db, token);
		return access ? this.get(access.id) : null;
	}

	/** The participant a phone token proves, if the token is genuine and the person still takes part. */
	byParticipantToken(token: string): { session: LoadedSession; participantId: string } | null {
		const proof = verifyParticipantToken(this.#secret, token);
		if (!proof) return null;
		const session = this.get(proof.sessionId);
		if (!session) return null;
		const person = session.state.participants.find((p) => p.id === proof.participantId);
		if (!person || person.removed) return null;
		return { session, participantId: proof.participantId };
	}

	/**
	 * Runs one command exactly once. A repeated command id gets the first answer and changes
	 * nothing; the same id from another sender is a conflict.
	 */
	dispatch(
		sessionId: string,
		commandId: string,
		scope: string,
		command: SessionCommand,
		actor: Actor
	): DispatchOutcome {
		const session = this.get(sessionId);
		if (!session) return { ack: { ok: false, error: refuse('not_found') }, changed: false };
		const now = this.#now();
		const db = this.#db;
		const outcome = db.transaction(() => {
			const prior = findProcessed(db, commandId);
			if (prior) {
				const same = prior.scope === scope && prior.name === command.type;
				return {
					ack: same ? (prior.ack as StoredAck) : { ok: false as const, error: refuse('conflict') },
					next: null,
					forget: false
				};
			}
			const result = execute(session.state, command, actor, now);
			const ack: StoredAck = result.ok
				? { ok: true, ...result.result }
				: { ok: false, error: result.error };
			let next: LoadedSession | null = null;
			let forget = false;
			if (result.ok) {
				const seq = session.seq + 1;
				appendSessionEvent(db, sessionId, session.seq, { command, actor, at: now });
				let snapshotSeq = session.snapshotSeq;
				// What the state no longer holds must not stay in the events either.
				forget = mustForget(session.state, command, result.state);
				if (forget || seq - snapshotSeq >= snapshotEvery) {
					snapshotSession(db, sessionId, seq, result.state);
					snapshotSeq = seq;
				}
				next = { access: session.access, state: result.state, seq, snapshotSeq };
			}
			recordProcessed(db, commandId, { scope, name: command.type, ack }, now);
			return { ack, next, forget };
		})();
		// Only a committed change reaches memory (and so any view).
		if (outcome.next) this.#cache.set(sessionId, outcome.next);
		// Before the answer goes out: earlier page images in the WAL still hold what was removed.
		if (outcome.forget) truncateWal(db);
		if (outcome.next) this.#bus.publish({ type: 'session', sessionId });
		return { ack: outcome.ack, changed: outcome.next !== null };
	}

	/**
	 * Joins a stand-alone session by code; answers with the phone's token (the same token on a
	 * repeat from the same sender). `sender` is what the sender cannot pass on: its device, else
	 * its socket. A conference group admits only its members, never a guest with its code.
	 */
	join(
		code: string,
		name: string,
		commandId: string,
		sender: string
	): DispatchOutcome & { sessionId: string | null; token: string | null } {
		const session = this.byCode(code);
		if (!session || session.access.conferenceId) {
			return {
				ack: { ok: false, error: refuse('not_found') },
				changed: false,
				sessionId: null,
				token: null
			};
		}
		const sessionId = session.access.id;
		const outcome = this.dispatch(
			sessionId,
			commandId,
			// A join id replayed by anyone else is a conflict, never the first joiner's token.
			`s:${sessionId}:join:${sender}`,
			{ type: 'participant.join', participantId: randomToken(16), name },
			{ role: 'guest' }
		);
		if (!outcome.ack.ok) return { ...outcome, sessionId, token: null };
		const participantId = String(outcome.ack.participantId);
		const token = participantToken(this.#secret, sessionId, participantId);
		return { ...outcome, sessionId, token };
	}

	/**
	 * Makes a conference group's session hold exactly these members: new ones are enrolled,
	 * renamed ones renamed, and people moved elsewhere leave (their notes stay). Returns
	 * whether anything changed.
	 */
	syncMembers(sessionId: string, members: { id: string; name: string }[]): boolean {
		const session = this.get(sessionId);
		if (!session) return false;
		const wanted = new Map(members.map((m) => [m.id, m.name]));
		const commands: SessionCommand[] = [];
		for (const p of session.state.participants) {
			if (!p.removed && !wanted.has(p.id) && !p.viaFacilitator) {
				commands.push({
					type: 'participant.remove',
					participantId: p.id,
					deleteContributions: false
				});
			}
		}
		for (const [id, name] of wanted) {
			const p = session.state.participants.find((x) => x.id === id);
			if (!p || p.removed || p.name !== name)
				commands.push({ type: 'participant.enrol', participantId: id, name });
		}
		return this.#system(sessionId, commands);
	}

	/**
	 * Brings a session's title and questions in line with what the organiser changed for its
	 * group (only the parts given). Questions are matched by position: a changed text is edited,
	 * a new one is added; a question the organiser removed stays, since it may hold notes.
	 */
	syncDetails(sessionId: string, details: { title?: string; questions?: string[] }): boolean {
		const session = this.get(sessionId);
		if (!session) return false;
		const commands: SessionCommand[] = [];
		if (details.title !== undefined && details.title !== session.state.title)
			commands.push({ type: 'session.retitle', title: details.title });
		details.questions?.forEach((text, index) => {
			const existing = session.state.questions[index];
			if (!existing) commands.push({ type: 'question.add', questionId: randomToken(16), text });
			else if (existing.text !== text)
				commands.push({ type: 'question.edit', questionId: existing.id, text });
		});
		return this.#system(sessionId, commands);
	}

	/** Applies commands the server itself issues, in order; true when any changed the state. */
	#system(sessionId: string, commands: SessionCommand[]): boolean {
		let changed = false;
		for (const command of commands) {
			const outcome = this.dispatch(sessionId, randomToken(16), `s:${sessionId}:system`, command, {
				role: 'system'
			});
			changed ||= outcome.changed;
		}
		return changed;
	}

	/** Writes a snapshot of every loaded session (on shutdown: faster next start). */
	snapshotAll(): void {
		for (const [id, session] of this.#cache) {
			if (session.seq > session.snapshotSeq) {
				snapshotSession(this.#db, id, session.seq, session.state);
				session.snapshotSeq = session.seq;
			}
		}
	}

	/** Forgets cached state (tests and deletions). */
	evict(id: string): void {
		this.#cache.delete(id);
	}
}
