import { sql, type Db } from './database';

/** A stored answer to a command, as first given. */
export interface ProcessedCommand {
	scope: string;
	name: string;
	ack: unknown;
}

/** The earlier answer to a command id, if it was processed. */
export function findProcessed(db: Db, id: string): ProcessedCommand | null {
	const row = sql(db, 'SELECT scope, name, ack FROM processed_commands WHERE id = ?').get(id) as
		{ scope: string; name: string; ack: string } | undefined;
	return row ? { scope: row.scope, name: row.name, ack: JSON.parse(row.ack) } : null;
}

/** Stores the answer to a command; called in the same transaction as its effects. */
export function recordProcessed(db: Db, id: string, entry: ProcessedCommand, now: number): void {
	sql(
		db,
		'INSERT INTO processed_commands (id, scope, name, ack, created_at) VALUES (?, ?, ?, ?, ?)'
	).run(id, entry.scope, entry.name, JSON.stringify(entry.ack), now);
}

/**
 * Forgets every command answer whose scope starts with `prefix`, which ends in ":". A range up
 * to the prefix with ";" (which follows ":") holds exactly those texts in SQLite's byte order,
 * which LIKE (wildcards, case) and an upper bound of U+FFFF (characters beyond it sort higher in
 * UTF-8) do not.
 */
function forgetScope(db: Db, prefix: string): void {
	sql(db, 'DELETE FROM processed_commands WHERE scope >= ? AND scope < ?').run(
		prefix,
		`${prefix.slice(0, -1)};`
	);
}

/** Forgets the answers to a deleted session's commands (scopes "s:<id>:…"). */
export function forgetSessionCommands(db: Db, sessionId: string): void {
	forgetScope(db, `s:${sessionId}:`);
}

/** Forgets the answers to a deleted conference's organiser commands (scopes "c:<id>:…"). */
export function forgetConferenceCommands(db: Db, conferenceId: string): void {
	forgetScope(db, `c:${conferenceId}:`);
}
