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
 * Forgets the answers to a deleted session's commands: exactly the scopes that start with
 * "s:<id>:". A range up to "s:<id>;" (";" follows ":") holds every such text in SQLite's byte
 * order, which LIKE (wildcards, case) and an upper bound of U+FFFF (characters beyond it sort
 * higher in UTF-8) do not.
 */
export function forgetSessionCommands(db: Db, sessionId: string): void {
	sql(db, 'DELETE FROM processed_commands WHERE scope >= ? AND scope < ?').run(
		`s:${sessionId}:`,
		`s:${sessionId};`
	);
}
