import { refuse, type DomainError } from '$lib/domain/errors';
import {
	createSession,
	execute,
	type Actor,
	type CommandResult,
	type SessionCommand
} from '$lib/domain/session/commands';
import { mustForget, textsForgotten } from '$lib/domain/session/forgetting';
import type { Language, SessionSettings, SessionState } from '$lib/domain/session/types';
import type { ChangeBus } from './change-bus';
import { describeError, log } from './log';
import { allocateJoinCode } from './join-codes';
import {
	SessionBusy,
	SessionSeqConflict,
	type SessionAccess,
	type SessionNews,
	type Stores,
	type StoredSession
} from './stores';
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

/**
 * Events between snapshots: bounds the replay at load and the size of the event table. The
 * snapshot is written after the answer, in a unit of its own: until then the events hold it all.
 */
const snapshotEvery = 200;

/** Decisions on one command before giving up: each retry follows a failed append. */
const conflictAttempts = 5;

/**
 * Longest a command waits for a session another process is writing (as long as PostgreSQL's
 * bound on one statement, a row lock waited for included); then it is answered "unavailable".
 */
const busyWaitMs = 10_000;

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
	stores: Stores;
	/** Signs participant tokens. */
	secret: string;
	/** Where committed changes are announced. */
	bus: ChangeBus;
	clock?: () => number;
	/** Told the note texts a conference's group session no longer holds, before they are erased. */
	forgotten?: (conferenceId: string, texts: string[]) => Promise<void>;
}

const notFound = (): DispatchOutcome => ({
	ack: { ok: false, error: refuse('not_found') },
	changed: false
});

/** A session's state now: its snapshot with the events after it applied. */
function replay(stored: StoredSession): LoadedSession {
	let state = stored.snapshot;
	for (const event of stored.events) {
		const result = execute(state, event.command, event.actor, event.at);
		if (result.ok) state = result.state;
		else
			log.error('session.replay_refused', { sessionId: stored.access.id, code: result.error.code });
	}
	return { access: stored.access, state, seq: stored.seq, snapshotSeq: stored.snapshotSeq };
}

/** A copy brought up to date with what other processes appended after it (SessionStore.lock). */
function caughtUp(cached: LoadedSession, news: SessionNews): LoadedSession {
	if (news.kind === 'whole') return replay(news.session);
	if (news.events.length === 0) return cached;
	const { access, state, snapshotSeq } = cached;
	return replay({ access, snapshot: state, snapshotSeq, events: news.events, seq: news.seq });
}

/**
 * Sessions: create, load, and run commands through the core with exactly-once semantics.
 * A command is committed (event + stored answer, one unit of work) before it is answered, and
 * commands on one session run one after another.
 */
export class SessionService {
	readonly #stores: Stores;
	readonly #secret: string;
	readonly #bus: ChangeBus;
	readonly #now: () => number;
	readonly #cache = new Map<string, LoadedSession>();
	/** Loads under way, so that two readers of a session share one. */
	readonly #loading = new Map<string, Promise<LoadedSession | null>>();
	/** The last command queued on each session: the next one starts when it ends. */
	readonly #queues = new Map<string, Promise<unknown>>();
	/** The erasure that commands committed since the last one wait for, once scheduled. */
	#erasure: Promise<boolean> | null = null;
	/** Sessions whose snapshot is due, to be written once the current answers are out. */
	readonly #snapshotsDue = new Set<string>();
	readonly #forgotten: SessionDependencies['forgotten'] | null;

	constructor({ stores, secret, bus, clock = Date.now, forgotten }: SessionDependencies) {
		this.#forgotten = forgotten ?? null;
		this.#stores = stores;
		this.#secret = secret;
		this.#bus = bus;
		this.#now = clock;
	}

	/** Creates a session in its lobby with a fresh join code and link tokens. */
	async create(
		input: NewSessionInput
	): Promise<{ ok: true; access: SessionAccess } | { ok: false; error: DomainError }> {
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
		// The code is checked and taken in one unit, so no one else takes it in between.
		const access = await this.#stores.transaction(async (tx) => {
			const access: SessionAccess = {
				id: created.value.id,
				joinCode: await allocateJoinCode(tx),
				facilitatorToken: randomToken(24),
				screenToken: randomToken(18),
				conferenceId: input.conferenceId ?? null
			};
			await tx.sessions.create(access, created.value, now, access.conferenceId);
			return access;
		});
		this.#cache.set(access.id, { access, state: created.value, seq: 0, snapshotSeq: 0 });
		log.info('session.created', { sessionId: access.id, questions: input.questions.length });
		return { ok: true, access };
	}

	/** A session already in memory, or null: for views computed on every change. */
	loaded(id: string): LoadedSession | null {
		return this.#cache.get(id) ?? null;
	}

	/** A session by id, loaded from its snapshot and events on first use. */
	get(id: string): Promise<LoadedSession | null> {
		const cached = this.#cache.get(id);
		if (cached) return Promise.resolve(cached);
		let loading = this.#loading.get(id);
		if (!loading) {
			loading = this.#load(id).finally(() => this.#loading.delete(id));
			this.#loading.set(id, loading);
		}
		return loading;
	}

	async #load(id: string): Promise<LoadedSession | null> {
		const stored = await this.#stores.sessions.read(id);
		if (!stored) return null;
		const loaded = replay(stored);
		// A command may have committed while this read was on its way: the newer state stays.
		const cached = this.#cache.get(id);
		if (cached && cached.seq >= loaded.seq) return cached;
		this.#cache.set(id, loaded);
		return loaded;
	}

	/** Another process committed the session up to `seq`: an older copy held here is read again. */
	async refresh(id: string, seq: number): Promise<void> {
		const cached = this.#cache.get(id);
		if (cached && cached.seq < seq) await this.#load(id);
	}

	async #getByAccess(access: Promise<SessionAccess | null>): Promise<LoadedSession | null> {
		const found = await access;
		return found ? this.get(found.id) : null;
	}

	byCode(code: string): Promise<LoadedSession | null> {
		return this.#getByAccess(this.#stores.sessions.findByCode(code));
	}

	byFacilitatorToken(token: string): Promise<LoadedSession | null> {
		return this.#getByAccess(this.#stores.sessions.findByFacilitatorToken(token));
	}

	byScreenToken(token: string): Promise<LoadedSession | null> {
		return this.#getByAccess(this.#stores.sessions.findByScreenToken(token));
	}

	/** The participant a phone token proves, if the token is genuine and the person still takes part. */
	async byParticipantToken(
		token: string
	): Promise<{ session: LoadedSession; participantId: string } | null> {
		const proof = verifyParticipantToken(this.#secret, token);
		if (!proof) return null;
		const session = await this.get(proof.sessionId);
		if (!session) return null;
		const person = session.state.participants.find((p) => p.id === proof.participantId);
		if (!person || person.removed) return null;
		return { session, participantId: proof.participantId };
	}

	/**
	 * Runs one command exactly once. A repeated command id gets the first answer and changes
	 * nothing; the same id from another sender is a conflict. Commands on one session wait for
	 * the one before, so each is decided on the state the previous one left.
	 */
	dispatch(
		sessionId: string,
		commandId: string,
		scope: string,
		command: SessionCommand,
		actor: Actor
	): Promise<DispatchOutcome> {
		const before = this.#queues.get(sessionId);
		const run = before
			? before.then(() => this.#decide(sessionId, commandId, scope, command, actor))
			: this.#decide(sessionId, commandId, scope, command, actor);
		// The queue goes on after a failed command; the last one out removes it.
		const settled: Promise<null> = run.then(
			() => this.#dequeue(sessionId, settled),
			() => this.#dequeue(sessionId, settled)
		);
		this.#queues.set(sessionId, settled);
		return run;
	}

	#dequeue(sessionId: string, settled: Promise<unknown>): null {
		if (this.#queues.get(sessionId) === settled) this.#queues.delete(sessionId);
		return null;
	}

	/**
	 * Decides and commits one command. On PostgreSQL the unit decides on fresh state (see
	 * #commit), so no conflict arises; a session another process is writing is tried again
	 * shortly, for at most busyWaitMs. The conflict retry is for a SQLite session deleted while
	 * the command waited its turn (its append then finds no row: read again, it is not found).
	 */
	async #decide(
		sessionId: string,
		commandId: string,
		scope: string,
		command: SessionCommand,
		actor: Actor
	): Promise<DispatchOutcome> {
		const deadline = performance.now() + busyWaitMs;
		let conflicts = 0;
		let busy = 0;
		for (;;) {
			const session = this.#cache.get(sessionId) ?? (await this.get(sessionId));
			if (!session) return notFound();
			try {
				return await this.#commit(session, commandId, scope, command, actor);
			} catch (error) {
				if (error instanceof SessionBusy) {
					if (performance.now() >= deadline) {
						log.warn('session.busy_timed_out', { sessionId, ms: busyWaitMs });
						throw error;
					}
					// Another process is writing it: its unit ends within a few round trips. Wait
					// outside this process's queue of units, longer each time, then decide afresh.
					if (busy === 0) log.debug('session.busy', { sessionId });
					const pauseMs = Math.min(2 ** ++busy, 50) * (0.5 + Math.random());
					await new Promise((resolve) => setTimeout(resolve, pauseMs));
					continue;
				}
				if (!(error instanceof SessionSeqConflict) || ++conflicts >= conflictAttempts) throw error;
				log.warn('session.seq_conflict', { sessionId, seq: session.seq, attempt: conflicts });
				// Read again in place: views made meanwhile must still find the session.
				await this.#load(sessionId);
			}
		}
	}

	/**
	 * One unit: lock the session's row (a unit of another process on it meanwhile finds it held),
	 * bring the copy up to date with what others appended, then decide, append and record the
	 * answer. A refusal is decided on fresh state too (a note another process just added is there
	 * to edit).
	 */
	async #commit(
		cached: LoadedSession,
		commandId: string,
		scope: string,
		command: SessionCommand,
		actor: Actor
	): Promise<DispatchOutcome> {
		const sessionId = cached.access.id;
		const now = this.#now();
		const outcome = await this.#stores.transaction(async (tx) => {
			const news = await tx.sessions.lock(sessionId, cached.seq);
			if (!news) return { ack: notFound().ack, next: null, forget: false, session: null };
			const session = caughtUp(cached, news);
			const prior = await tx.processedCommands.find(commandId);
			if (prior) {
				const same = prior.scope === scope && prior.name === command.type;
				return {
					ack: same ? (prior.ack as StoredAck) : { ok: false as const, error: refuse('conflict') },
					next: null,
					forget: false,
					session
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
				await tx.sessions.append(sessionId, session.seq, { command, actor, at: now });
				let snapshotSeq = session.snapshotSeq;
				// What the state no longer holds must not stay in the events either.
				forget = mustForget(session.state, command, result.state);
				if (forget) {
					await tx.sessions.snapshot(sessionId, seq, result.state);
					snapshotSeq = seq;
				}
				next = { access: session.access, state: result.state, seq, snapshotSeq };
			}
			await tx.processedCommands.record(commandId, { scope, name: command.type, ack }, now);
			return { ack, next, forget, session };
		});
		const { session } = outcome;
		// Only a committed change reaches memory (and so any view); what others committed too.
		const latest = outcome.next ?? session;
		if (latest && latest !== cached && (this.#cache.get(sessionId)?.seq ?? -1) < latest.seq)
			this.#cache.set(sessionId, latest);
		if (!session) return { ack: outcome.ack, changed: false };
		const conferenceId = session.access.conferenceId;
		if (outcome.forget && outcome.next && conferenceId && this.#forgotten) {
			const texts = textsForgotten(session.state, outcome.next.state);
			// A theme heading taken from a removed note goes with it, before the erase below.
			if (texts.length > 0) await this.#forgotten(conferenceId, texts);
		}
		// Before the answer goes out: earlier page images in the WAL still hold what was removed.
		if (outcome.forget) await this.#erased();
		if (outcome.next) this.#bus.publish({ type: 'session', sessionId, seq: outcome.next.seq });
		if (outcome.next && outcome.next.seq - outcome.next.snapshotSeq >= snapshotEvery)
			this.#snapshotSoon(sessionId);
		return { ack: outcome.ack, changed: outcome.next !== null };
	}

	/** Writes the session's snapshot after this turn's answers, in a unit of its own. */
	#snapshotSoon(sessionId: string): void {
		if (this.#snapshotsDue.has(sessionId)) return;
		this.#snapshotsDue.add(sessionId);
		setImmediate(() => {
			this.#snapshotsDue.delete(sessionId);
			void this.#snapshot(sessionId);
		});
	}

	async #snapshot(sessionId: string): Promise<void> {
		const session = this.#cache.get(sessionId);
		if (!session || session.seq - session.snapshotSeq < snapshotEvery) return;
		const { seq, state } = session;
		try {
			await this.#stores.transaction((tx) => tx.sessions.snapshot(sessionId, seq, state));
			// A later command may have replaced the object in memory meanwhile: it is behind too.
			const current = this.#cache.get(sessionId);
			if (current && current.snapshotSeq < seq) current.snapshotSeq = seq;
		} catch (error) {
			// The events hold everything still: the next command (or shutdown) tries again.
			log.error('session.snapshot_failed', { sessionId, seq, error: describeError(error) });
		}
	}

	/**
	 * Erases what every command committed so far removed. A vote closing in 200 groups at once
	 * shares one erasure (a WAL truncation each, on the main thread) instead of 200 in a row; it
	 * runs after this turn's I/O, so it comes after every commit that waits for it.
	 */
	#erased(): Promise<boolean> {
		this.#erasure ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
			// Commits from here on wait for the next one: this one may already be under way.
			this.#erasure = null;
			return this.#stores.erase();
		});
		return this.#erasure;
	}

	/**
	 * Joins a stand-alone session by code; answers with the phone's token (the same token on a
	 * repeat from the same sender). `sender` is what the sender cannot pass on: its device, else
	 * its socket. A conference group admits only its members, never a guest with its code.
	 */
	async join(
		code: string,
		name: string,
		commandId: string,
		sender: string
	): Promise<DispatchOutcome & { sessionId: string | null; token: string | null }> {
		const session = await this.byCode(code);
		if (!session || session.access.conferenceId) {
			return { ...notFound(), sessionId: null, token: null };
		}
		const sessionId = session.access.id;
		const outcome = await this.dispatch(
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
	async syncMembers(sessionId: string, members: { id: string; name: string }[]): Promise<boolean> {
		const session = await this.get(sessionId);
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
	async syncDetails(
		sessionId: string,
		details: { title?: string; questions?: string[] }
	): Promise<boolean> {
		const session = await this.get(sessionId);
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
	async #system(sessionId: string, commands: SessionCommand[]): Promise<boolean> {
		let changed = false;
		for (const command of commands) {
			const outcome = await this.dispatch(
				sessionId,
				randomToken(16),
				`s:${sessionId}:system`,
				command,
				{ role: 'system' }
			);
			changed ||= outcome.changed;
		}
		return changed;
	}

	/** Writes a snapshot of every loaded session (on shutdown: faster next start). */
	async snapshotAll(): Promise<void> {
		const due = [...this.#cache.values()].filter((session) => session.seq > session.snapshotSeq);
		if (due.length === 0) return;
		await this.#stores.transaction(async (tx) => {
			for (const session of due) {
				await tx.sessions.snapshot(session.access.id, session.seq, session.state);
			}
		});
		for (const session of due) session.snapshotSeq = session.seq;
	}

	/** Forgets cached state (tests and deletions). */
	evict(id: string): void {
		this.#cache.delete(id);
	}
}
