import type { SessionState } from '$lib/domain/session/types';
import { SessionBusy, SessionSeqConflict } from '../../stores';
import type { ProcessedCommand } from '../processed-commands';
import type { SessionRetentionFacts } from '../retention';
import {
	accessColumns,
	toAccess,
	type AccessRow,
	type SessionAccess,
	type SessionEvent,
	type SessionNews,
	type StoredSession
} from '../sessions';
import { all, changes, one, type Pg } from './pool';

export async function createSessionRow(
	q: Pg,
	access: SessionAccess,
	state: SessionState,
	now: number,
	conferenceId: string | null = null
): Promise<void> {
	await q.query(
		`INSERT INTO sessions (id, join_code, facilitator_token, screen_token, created_at, updated_at,
		 conference_id) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
		[access.id, access.joinCode, access.facilitatorToken, access.screenToken, now, conferenceId]
	);
	await q.query('INSERT INTO session_snapshots (session_id, seq, state) VALUES ($1, 0, $2)', [
		access.id,
		JSON.stringify(state)
	]);
}

export async function listConferenceSessionIds(q: Pg, conferenceId: string): Promise<string[]> {
	const rows = await all<{ id: string }>(q, 'SELECT id FROM sessions WHERE conference_id = $1', [
		conferenceId
	]);
	return rows.map((r) => r.id);
}

export async function listSessionIds(q: Pg): Promise<string[]> {
	return (await all<{ id: string }>(q, 'SELECT id FROM sessions ORDER BY created_at')).map(
		(r) => r.id
	);
}

export async function joinCodeTaken(q: Pg, code: string): Promise<boolean> {
	return (await one(q, 'SELECT 1 FROM sessions WHERE join_code = $1', [code])) !== undefined;
}

async function findAccess(
	q: Pg,
	column: 'id' | 'join_code' | 'facilitator_token' | 'screen_token',
	value: string
): Promise<SessionAccess | null> {
	const row = await one<AccessRow>(
		q,
		`SELECT ${accessColumns} FROM sessions WHERE ${column} = $1`,
		[value]
	);
	return row ? toAccess(row) : null;
}

export const findSessionById = (q: Pg, id: string) => findAccess(q, 'id', id);
export const findSessionByCode = (q: Pg, code: string) => findAccess(q, 'join_code', code);
export const findSessionByFacilitatorToken = (q: Pg, token: string) =>
	findAccess(q, 'facilitator_token', token);
export const findSessionByScreenToken = (q: Pg, token: string) =>
	findAccess(q, 'screen_token', token);

/** Reads a session's snapshot and the events after it, both as of one moment. */
export async function readSession(q: Pg, id: string): Promise<StoredSession | null> {
	// One statement: a writer committing between two reads cannot split snapshot from events.
	const row = await one<
		AccessRow & { snapshot: string; snapshot_seq: number; seq: number; events: string[] | null }
	>(
		q,
		`SELECT ${accessColumns}, n.state AS snapshot, n.seq AS snapshot_seq, s.seq,
		 (SELECT array_agg(e.event ORDER BY e.seq) FROM session_events e
		  WHERE e.session_id = s.id AND e.seq > n.seq AND e.seq <= s.seq) AS events
		 FROM sessions s JOIN session_snapshots n ON n.session_id = s.id WHERE s.id = $1`,
		[id]
	);
	if (!row) return null;
	return {
		access: toAccess(row),
		snapshot: JSON.parse(row.snapshot) as SessionState,
		snapshotSeq: row.snapshot_seq,
		events: (row.events ?? []).map((e) => JSON.parse(e) as SessionEvent),
		seq: row.seq
	};
}

/**
 * Locks the session's row until the unit ends, then reads what was committed after
 * `knownSeq`. A row another process's unit holds is not waited for here (SessionBusy): the
 * wait would hold every unit of this process behind it. NO KEY UPDATE is the lock the append's
 * UPDATE takes: two units on the session exclude each other, while a foreign-key check from
 * another table (a conference's groups) does not make the session busy. The read is a
 * statement of its own after the lock: it sees every event the previous holder committed.
 */
export async function lockSession(
	q: Pg,
	id: string,
	knownSeq: number
): Promise<SessionNews | null> {
	const row = await one<{ seq: number }>(
		q,
		'SELECT seq FROM sessions WHERE id = $1 FOR NO KEY UPDATE NOWAIT',
		[id]
	).catch((error: unknown) => {
		// lock_not_available
		if ((error as { code?: unknown }).code === '55P03') throw new SessionBusy(id);
		throw error;
	});
	if (!row) return null;
	if (row.seq === knownSeq) return { kind: 'events', seq: knownSeq, events: [] };
	const later = await one<{ snapshot_seq: number; events: string[] | null }>(
		q,
		`SELECT n.seq AS snapshot_seq, (SELECT array_agg(e.event ORDER BY e.seq) FROM session_events e
		 WHERE e.session_id = n.session_id AND e.seq > $2) AS events
		 FROM session_snapshots n WHERE n.session_id = $1`,
		[id, knownSeq]
	);
	const events = (later?.events ?? []).map((e) => JSON.parse(e) as SessionEvent);
	// A snapshot past the copy dropped events it lacks (or the copy is somehow ahead): all of it.
	if (!later || later.snapshot_seq > knownSeq || events.length !== row.seq - knownSeq) {
		const session = await readSession(q, id);
		return session ? { kind: 'whole', session } : null;
	}
	return { kind: 'events', seq: row.seq, events };
}

/**
 * Appends one accepted command as event number expectedSeq + 1; throws SessionSeqConflict when
 * the session is no longer at expectedSeq. A second writer's UPDATE waits for the first's row
 * lock and then finds seq moved on; the primary key (session_id, seq) refuses a duplicate too.
 */
export async function appendSessionEvent(
	q: Pg,
	id: string,
	expectedSeq: number,
	event: SessionEvent
): Promise<void> {
	const moved = await changes(
		q,
		'UPDATE sessions SET seq = seq + 1, updated_at = $1 WHERE id = $2 AND seq = $3',
		[event.at, id, expectedSeq]
	);
	if (moved === 0) throw new SessionSeqConflict(id, expectedSeq);
	await q.query('INSERT INTO session_events (session_id, seq, event) VALUES ($1, $2, $3)', [
		id,
		expectedSeq + 1,
		JSON.stringify(event)
	]);
}

/**
 * Stores the state as of `seq` and drops the events it replaces. A snapshot older than the
 * stored one (from a process that is behind) changes nothing: the events after it are gone.
 */
export async function snapshotSession(
	q: Pg,
	id: string,
	seq: number,
	state: SessionState
): Promise<void> {
	await q.query(
		'UPDATE session_snapshots SET state = $1, seq = $2 WHERE session_id = $3 AND seq < $2',
		[JSON.stringify(state), seq, id]
	);
	await q.query('DELETE FROM session_events WHERE session_id = $1 AND seq <= $2', [id, seq]);
}

export async function lastActivity(q: Pg, id: string): Promise<number | null> {
	const row = await one<{ updated_at: number }>(
		q,
		'SELECT updated_at FROM sessions WHERE id = $1',
		[id]
	);
	return row?.updated_at ?? null;
}

export async function listSessionRetention(q: Pg): Promise<SessionRetentionFacts[]> {
	const rows = await all<{ id: string; updated_at: number }>(
		q,
		'SELECT id, updated_at FROM sessions WHERE conference_id IS NULL ORDER BY created_at'
	);
	return rows.map((r) => ({
		id: r.id,
		lastActivity: r.updated_at,
		postponedUntil: null,
		kept: false
	}));
}

export async function deleteStandaloneSession(q: Pg, id: string): Promise<void> {
	await q.query('DELETE FROM sessions WHERE id = $1 AND conference_id IS NULL', [id]);
	await forgetSessionCommands(q, id);
}

export async function findProcessed(q: Pg, id: string): Promise<ProcessedCommand | null> {
	const row = await one<{ scope: string; name: string; ack: string }>(
		q,
		'SELECT scope, name, ack FROM processed_commands WHERE id = $1',
		[id]
	);
	return row ? { scope: row.scope, name: row.name, ack: JSON.parse(row.ack) } : null;
}

/** Stores the answer to a command; a second answer to the same id fails on the primary key. */
export async function recordProcessed(
	q: Pg,
	id: string,
	entry: ProcessedCommand,
	now: number
): Promise<void> {
	await q.query(
		'INSERT INTO processed_commands (id, scope, name, ack, created_at) VALUES ($1, $2, $3, $4, $5)',
		[id, entry.scope, entry.name, JSON.stringify(entry.ack), now]
	);
}

/** The scope column is COLLATE "C": the range holds exactly the texts starting with `prefix`. */
async function forgetScope(q: Pg, prefix: string): Promise<void> {
	await q.query('DELETE FROM processed_commands WHERE scope >= $1 AND scope < $2', [
		prefix,
		`${prefix.slice(0, -1)};`
	]);
}

export const forgetSessionCommands = (q: Pg, sessionId: string) =>
	forgetScope(q, `s:${sessionId}:`);
export const forgetConferenceCommands = (q: Pg, conferenceId: string) =>
	forgetScope(q, `c:${conferenceId}:`);
