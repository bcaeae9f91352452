/**
 * The storage seam: one small asynchronous interface per aggregate, so that another engine
 * (PostgreSQL) can stand in for the embedded SQLite without touching services or routes.
 * Services and routes depend on these types only; createApp builds the implementation.
 */
import type { BindingStatus, DeviceBinding } from '$lib/domain/conference/devices';
import type { RoleDefinition } from '$lib/domain/conference/roles';
import type { ConferenceState } from '$lib/domain/conference/state';
import type {
	Conference,
	ConferenceParticipant,
	Group,
	ProgrammeItem,
	Round,
	RoundSeat
} from '$lib/domain/conference/types';
import type { Glossary, GlossaryConcept } from '$lib/domain/glossary/types';
import type { ConferenceTie } from '$lib/domain/organiser/permissions';
import type { SessionState } from '$lib/domain/session/types';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Organiser } from './db/organisers';
import type { ProcessedCommand } from './db/processed-commands';
import type { ConferenceRetentionFacts, SessionRetentionFacts } from './db/retention';
import type { SessionAccess, SessionEvent, SessionNews, StoredSession } from './db/sessions';

export type { BindingStatus, DeviceBinding, Organiser, ProcessedCommand };
export type { SessionAccess, SessionEvent, SessionNews, StoredSession };
export type { ConferenceRetentionFacts, SessionRetentionFacts };

/** Installation-wide settings (key → text): the session secret, the setup code … */
export interface SettingsStore {
	read(key: string): Promise<string | null>;
	write(key: string, value: string): Promise<void>;
	/** Stores `value` unless the key has one (another process may have just written it); answers the one kept. */
	claim(key: string, value: string): Promise<string>;
	remove(key: string): Promise<void>;
}

/** Which device may use whose name at a conference. */
export interface DeviceBindingStore {
	/** Stores a new binding; `tokenHash` is null for a device that came with the badge link. */
	insert(binding: DeviceBinding, tokenHash: string | null): Promise<void>;
	/** Saves a binding's kind, status, description and last sight. */
	update(binding: DeviceBinding): Promise<void>;
	/** Gives a binding a new link token (the old link stops working). */
	replaceToken(id: string, tokenHash: string, now: number): Promise<void>;
	touch(id: string, now: number): Promise<void>;
	/** Whether a binding of this conference was there to delete. */
	remove(conferenceId: string, id: string): Promise<boolean>;
	find(conferenceId: string, id: string): Promise<DeviceBinding | null>;
	findByToken(tokenHash: string): Promise<DeviceBinding | null>;
	findOfDevice(participantId: string, deviceHash: string): Promise<DeviceBinding | null>;
	/** One person's devices, oldest first. */
	listOf(participantId: string): Promise<DeviceBinding[]>;
	/** Every device of a conference, oldest first. */
	list(conferenceId: string): Promise<DeviceBinding[]>;
}

/** The first answer to each command id, so that a repeat answers the same and changes nothing. */
export interface ProcessedCommandStore {
	find(id: string): Promise<ProcessedCommand | null>;
	/** Stores the answer to a command, in the same unit of work as its effects. */
	record(id: string, entry: ProcessedCommand, now: number): Promise<void>;
	/** Forgets a deleted session's answers (scopes "s:<id>:…"), and no other session's. */
	forgetSession(sessionId: string): Promise<void>;
	/** Forgets a deleted conference's organiser answers (scopes "c:<id>:…"). */
	forgetConference(conferenceId: string): Promise<void>;
}

/** A conference's glossary, in display order. */
export interface GlossaryStore {
	read(conferenceId: string): Promise<GlossaryConcept[]>;
	/** Replaces the whole glossary (edits and imports) in one go. */
	write(conferenceId: string, glossary: Glossary): Promise<void>;
}

/** An organiser account with what the administrator's list shows about it. */
export type OrganiserSummary = Organiser & { sessions: number; owns: number };

/** Organiser accounts, their signed-in browsers and their ties to conferences. */
export interface OrganiserStore {
	count(): Promise<number>;
	insert(
		organiser: Pick<Organiser, 'id' | 'username' | 'displayName'> & { admin?: boolean },
		passwordHash: string,
		now: number
	): Promise<void>;
	/** An account and its password hash, by user name (case-insensitive). */
	findByUsername(username: string): Promise<{ organiser: Organiser; passwordHash: string } | null>;
	find(id: string): Promise<Organiser | null>;
	passwordHashOf(id: string): Promise<string | null>;
	list(): Promise<Organiser[]>;
	summaries(now: number): Promise<OrganiserSummary[]>;
	updatePasswordHash(id: string, passwordHash: string): Promise<void>;
	/** Disables (with the time) or enables an account. */
	setDisabled(id: string, disabledAt: number | null): Promise<void>;
	remove(id: string): Promise<void>;
	insertSession(
		tokenHash: string,
		organiserId: string,
		now: number,
		expiresAt: number
	): Promise<void>;
	/** The enabled account an unexpired browser session belongs to. */
	findBySession(tokenHash: string, now: number): Promise<Organiser | null>;
	removeSession(tokenHash: string): Promise<void>;
	/** Ends every session of an account but one (null: all); how many ended. */
	removeSessionsOf(organiserId: string, keepTokenHash: string | null): Promise<number>;
	removeExpiredSessions(now: number): Promise<void>;
	countSessionsOf(organiserId: string, now: number): Promise<number>;
	tie(conferenceId: string, organiserId: string): Promise<ConferenceTie | null>;
	/** The owner first, then co-organisers in the order they were added. */
	conferenceOrganisers(conferenceId: string): Promise<(Organiser & { tie: ConferenceTie })[]>;
	conferenceIdsOf(organiserId: string): Promise<Set<string>>;
	ownedConferenceIds(organiserId: string): Promise<string[]>;
	/** Ties an account to a conference; a new owner replaces the previous one. */
	setTie(conferenceId: string, organiserId: string, tie: ConferenceTie, now: number): Promise<void>;
	/** Whether a co-organiser (never the owner) was removed. */
	removeCoOrganiser(conferenceId: string, organiserId: string): Promise<boolean>;
	firstCoOrganiser(conferenceId: string, except: string): Promise<string | null>;
	ownerlessConferenceIds(): Promise<string[]>;
	oldestAdminId(): Promise<string | null>;
}

/** An append refused because another writer appended to the session first. */
export class SessionSeqConflict extends Error {
	override readonly name = 'SessionSeqConflict';
	readonly code = 'seq_conflict';

	constructor(
		readonly sessionId: string,
		readonly expectedSeq: number
	) {
		super(`session ${sessionId} is no longer at event ${expectedSeq}`);
	}
}

/**
 * A session's row held by another process's unit: this unit is rolled back at once, so that it
 * does not hold this process's other units while it waits; run it again shortly.
 */
export class SessionBusy extends Error {
	override readonly name = 'SessionBusy';
	readonly code = 'session_busy';

	constructor(readonly sessionId: string) {
		super(`session ${sessionId} is being written by another process`);
	}
}

/** Group sessions: their access, a snapshot, and the events after it. */
export interface SessionStore {
	create(
		access: SessionAccess,
		state: SessionState,
		now: number,
		conferenceId: string | null
	): Promise<void>;
	read(id: string): Promise<StoredSession | null>;
	/**
	 * In a unit: holds the session's row until the unit ends, so that no other process appends
	 * meanwhile (PostgreSQL: SELECT … FOR NO KEY UPDATE NOWAIT), then answers what others appended
	 * after the caller's copy at `knownSeq`, read after the lock. Null when the session is gone.
	 * Throws SessionBusy when another process's unit holds the row. A command decided on the
	 * copy brought up to date with this cannot meet SessionSeqConflict in the same unit.
	 */
	lock(id: string, knownSeq: number): Promise<SessionNews | null>;
	/**
	 * Appends an event as number expectedSeq + 1. Refused with SessionSeqConflict when the
	 * session is no longer at expectedSeq (another writer appended first): retry on fresh state.
	 */
	append(sessionId: string, expectedSeq: number, event: SessionEvent): Promise<void>;
	/** Stores the state as of `seq` and drops the events it replaces. */
	snapshot(id: string, seq: number, state: SessionState): Promise<void>;
	findById(id: string): Promise<SessionAccess | null>;
	findByCode(code: string): Promise<SessionAccess | null>;
	findByFacilitatorToken(token: string): Promise<SessionAccess | null>;
	findByScreenToken(token: string): Promise<SessionAccess | null>;
	listIds(): Promise<string[]>;
	listConferenceSessionIds(conferenceId: string): Promise<string[]>;
	/** Whether any session, however old, has this join code. */
	codeTaken(code: string): Promise<boolean>;
	/** When a session last changed (ms), or null if there is no such session. */
	lastActivity(id: string): Promise<number | null>;
	/** Every stand-alone session with its last activity, for automatic deletion. */
	retention(): Promise<SessionRetentionFacts[]>;
	/** Deletes a stand-alone session with its events and stored answers. */
	removeStandalone(id: string): Promise<void>;
}

/**
 * Conferences: the aggregate the core decides on (loaded whole, committed as the difference
 * between two states) and the reads that pages, phones and the plenum screen need.
 */
export interface ConferenceStore {
	insert(conference: Conference): Promise<void>;
	find(id: string): Promise<Conference | null>;
	findByCode(code: string): Promise<Conference | null>;
	findByPlenumToken(token: string): Promise<Conference | null>;
	/** Whether any conference has this join code. */
	codeTaken(code: string): Promise<boolean>;
	/** Every conference, newest first. */
	list(): Promise<Conference[]>;
	/** Deletes a conference and everything it holds (its sessions are the caller's). */
	remove(id: string): Promise<void>;
	programme(conferenceId: string): Promise<ProgrammeItem[]>;
	customRoles(conferenceId: string): Promise<RoleDefinition[]>;
	/** The whole aggregate, as `decide` takes it; null when there is no such conference. */
	load(id: string): Promise<ConferenceState | null>;
	/** Writes what changed from `before` to `after` (two states of one conference). */
	commit(before: ConferenceState, after: ConferenceState): Promise<void>;
	participants(conferenceId: string): Promise<ConferenceParticipant[]>;
	participant(conferenceId: string, id: string): Promise<ConferenceParticipant | null>;
	/** A participant by their personal link's token. */
	participantByToken(token: string): Promise<ConferenceParticipant | null>;
	rounds(conferenceId: string): Promise<Round[]>;
	groups(roundId: string): Promise<Group[]>;
	seats(roundId: string): Promise<RoundSeat[]>;
	/** The group a person sits in (member or leader) in a round, or null. */
	groupOf(roundId: string, participantId: string): Promise<string | null>;
	/** Drops a person from every round's undo history (erasure). */
	forgetGroupingOf(conferenceId: string, participantId: string): Promise<void>;
	/** Records activity now: automatic deletion counts from the last. */
	touch(id: string, now: number): Promise<void>;
	/** Every conference with its last activity, for automatic deletion. */
	retention(): Promise<ConferenceRetentionFacts[]>;
	/** Whether the conference was there to postpone. */
	postponeDeletion(id: string, until: number): Promise<boolean>;
	/** Whether the conference was there to keep (or stop keeping). */
	setKept(id: string, kept: boolean): Promise<boolean>;
}

/** Where abuse counters live: this process's memory, or (several processes) a shared store. */
/** The methods of a rate-limiter-flexible counter that Samråd uses. */
export type LimiterCounter = Pick<RateLimiterAbstract, 'consume' | 'get' | 'block' | 'delete'>;

export interface LimiterStore {
	/** A counter of `points` events per key per window. */
	counter(prefix: string, points: number, windowMs: number): LimiterCounter;
}

/** The stores one unit of work can reach. */
export interface StoreSet {
	settings: SettingsStore;
	deviceBindings: DeviceBindingStore;
	processedCommands: ProcessedCommandStore;
	glossary: GlossaryStore;
	organisers: OrganiserStore;
	sessions: SessionStore;
	conferences: ConferenceStore;
}

/** Every store, and units of work over them. */
export interface Stores extends StoreSet {
	/**
	 * Runs `work` as one unit: its writes commit together when it resolves, and none remain when
	 * it throws. Units never interleave. Inside, use only `tx` (the stores outside wait for it):
	 * on PostgreSQL a unit that lost a race (deadlock, serialization failure, a command id another
	 * process recorded first) is rolled back and run again, so `work` must change nothing else.
	 */
	transaction<T>(work: (tx: StoreSet) => Promise<T>): Promise<T>;
	/** The schema version; throws when the database does not answer. */
	schemaVersion(): Promise<number>;
	/**
	 * Makes rows deleted so far unrecoverable from the engine's files now (SQLite: empties the
	 * WAL). Answers whether that is done; if not, it is retried in the background.
	 */
	erase(): Promise<boolean>;
	/**
	 * Runs `work` unless another process of this installation is running work of the same name;
	 * then answers null at once (PostgreSQL: an advisory lock; SQLite: one process per file).
	 */
	alone<T>(name: string, work: () => Promise<T>): Promise<T | null>;
}
