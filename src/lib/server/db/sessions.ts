import type { Actor, SessionCommand } from '$lib/domain/session/commands';
import type { SessionState } from '$lib/domain/session/types';
import { SessionSeqConflict } from '../stores';
import { sql, type Db } from './database';

/** How a session is reached: its join code and link tokens. */
export interface SessionAccess {
	id: string;
	joinCode: string;
	facilitatorToken: string;
	screenToken: string;
	/** The conference whose group this session is; null for a stand-alone session. */
	conferenceId: string | null;
}

/** An accepted command, as stored and replayed. */
export interface SessionEvent {
	command: SessionCommand;
	actor: Actor;
	at: number;
}

/** A session as stored: a snapshot and the events after it. */
export interface StoredSession {
	access: SessionAccess;
	snapshot: SessionState;
	snapshotSeq: number;
	events: SessionEvent[];
	seq: number;
}

/**
 * What other processes appended to a session after one process's copy (at `knownSeq`): the
 * events after it, in order (none: the copy is current), or, when a snapshot past the copy
 * replaced events it lacks, the session whole.
 */
export type SessionNews =
	| { kind: 'events'; seq: number; events: SessionEvent[] }
	| { kind: 'whole'; session: StoredSession };

export interface AccessRow {
	id: string;
	join_code: string;
	facilitator_token: string;
	screen_token: string;
	conference_id: string | null;
}

export function toAccess(row: AccessRow): SessionAccess {
	return {
		id: row.id,
		joinCode: row.join_code,
		facilitatorToken: row.facilitator_token,
		screenToken: row.screen_token,
		conferenceId: row.conference_id
	};
}

export const accessColumns = 'id, join_code, facilitator_token, screen_token, conference_id';

export function createSessionRow(
	db: Db,
	access: SessionAccess,
	state: SessionState,
	now: number,
	conferenceId: string | null = null
): void {
	sql(
		db,
		`INSERT INTO sessions (id, join_code, facilitator_token, screen_token, created_at, updated_at,
		 conference_id) VALUES (?, ?, ?, ?, ?, ?, ?)`
	).run(
		access.id,
		access.joinCode,
		access.facilitatorToken,
		access.screenToken,
		now,
		now,
		conferenceId
	);
	sql(db, 'INSERT INTO session_snapshots (session_id, seq, state) VALUES (?, 0, ?)').run(
		access.id,
		JSON.stringify(state)
	);
}

/** Ids of a conference's group sessions. */
export function listConferenceSessionIds(db: Db, conferenceId: string): string[] {
	return (
		sql(db, 'SELECT id FROM sessions WHERE conference_id = ?').all(conferenceId) as { id: string }[]
	).map((r) => r.id);
}

export function joinCodeTaken(db: Db, code: string): boolean {
	return sql(db, 'SELECT 1 FROM sessions WHERE join_code = ?').get(code) !== undefined;
}

function findAccess(
	db: Db,
	column: 'id' | 'join_code' | 'facilitator_token' | 'screen_token',
	value: string
) {
	const row = sql(db, `SELECT ${accessColumns} FROM sessions WHERE ${column} = ?`).get(value) as
		AccessRow | undefined;
	return row ? toAccess(row) : null;
}

export const findSessionById = (db: Db, id: string) => findAccess(db, 'id', id);
export const findSessionByCode = (db: Db, code: string) => findAccess(db, 'join_code', code);
export const findSessionByFacilitatorToken = (db: Db, token: string) =>
	findAccess(db, 'facilitator_token', token);
export const findSessionByScreenToken = (db: Db, token: string) =>
	findAccess(db, 'screen_token', token);

/** Reads a session's snapshot and the events after it. */
export function readSession(db: Db, id: string): StoredSession | null {
	const row = sql(
		db,
		`SELECT ${accessColumns}, n.state AS snapshot, n.seq AS snapshot_seq, s.seq FROM sessions s
		 JOIN session_snapshots n ON n.session_id = s.id WHERE s.id = ?`
	).get(id) as (AccessRow & { snapshot: string; snapshot_seq: number; seq: number }) | undefined;
	if (!row) return null;
	const events = (
		sql(db, 'SELECT event FROM session_events WHERE session_id = ? AND seq > ? ORDER BY seq').all(
			id,
			row.snapshot_seq
		) as { event: string }[]
	).map((e) => JSON.parse(e.event) as SessionEvent);
	return {
		access: toAccess(row),
		snapshot: JSON.parse(row.snapshot) as SessionState,
		snapshotSeq: row.snapshot_seq,
		events,
		seq: row.seq
	};
}

/**
 * The session's row needs no lock here: one process writes a SQLite file (its lock file) and
 * runs its units one at a time, so no one else appended after the caller's copy. No query: the
 * hot path stays as fast as before. (A session deleted meanwhile fails at append instead.)
 */
export function lockSessionOfOnlyWriter(_db: Db, _id: string, knownSeq: number): SessionNews {
	return { kind: 'events', seq: knownSeq, events: [] };
}

/**
 * Appends one accepted command as event number expectedSeq + 1; throws SessionSeqConflict when
 * the session is no longer at expectedSeq (another writer came first).
 */
export function appendSessionEvent(
	db: Db,
	id: string,
	expectedSeq: number,
	event: SessionEvent
): void {
	const moved = sql(
		db,
		'UPDATE sessions SET seq = seq + 1, updated_at = ? WHERE id = ? AND seq = ?'
	).run(event.at, id, expectedSeq).changes;
	if (moved === 0) throw new SessionSeqConflict(id, expectedSeq);
	sql(db, 'INSERT INTO session_events (session_id, seq, event) VALUES (?, ?, ?)').run(
		id,
		expectedSeq + 1,
		JSON.stringify(event)
	);
}

/**
 * Stores the state as of `seq` and drops the events it replaces. A snapshot older than the
 * stored one (from a process that is behind) changes nothing: the events after it are gone.
 */
export function snapshotSession(db: Db, id: string, seq: number, state: SessionState): void {
	sql(db, 'UPDATE session_snapshots SET state = ?, seq = ? WHERE session_id = ? AND seq < ?').run(
		JSON.stringify(state),
		seq,
		id,
		seq
	);
	sql(db, 'DELETE FROM session_events WHERE session_id = ? AND seq <= ?').run(id, seq);
}

export function listSessionIds(db: Db): string[] {
	return (sql(db, 'SELECT id FROM sessions ORDER BY created_at').all() as { id: string }[]).map(
		(r) => r.id
	);
}
