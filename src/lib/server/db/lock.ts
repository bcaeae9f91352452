import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseFileError } from './database';

/** The file next to a database whose lock says a Samråd process is using that database. */
export function lockPath(databasePath: string): string {
	return `${databasePath}-lock`;
}

// Locks this process holds, by database path: taking one twice (a dev server restart) is fine.
const heldKey = Symbol.for('samrad.databaseLocks');
type Global = typeof globalThis & { [heldKey]?: Map<string, Database.Database> };

function held(): Map<string, Database.Database> {
	const global = globalThis as Global;
	return (global[heldKey] ??= new Map());
}

/**
 * Makes sure only this process uses the database: an exclusive lock on a small SQLite file next
 * to it, held until the process ends. Two servers on one file would each keep sessions in
 * memory and overwrite each other. The operating system releases the lock however the process
 * ends (a crash, kill -9, a power cut), so it never goes stale. Throws DatabaseFileError when
 * another process holds it.
 */
export function lockDatabase(databasePath: string): void {
	if (databasePath === ':memory:' || held().has(databasePath)) return;
	const path = lockPath(databasePath);
	let lock: Database.Database;
	try {
		mkdirSync(dirname(path), { recursive: true });
		lock = new Database(path, { timeout: 0 });
	} catch (error) {
		throw new DatabaseFileError(
			`cannot create the lock file ${path}: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	try {
		// No journal file next to it: the lock file never holds data.
		lock.pragma('journal_mode = MEMORY');
		// Never committed: the lock lasts as long as the connection.
		lock.exec('BEGIN EXCLUSIVE');
	} catch (error) {
		lock.close();
		if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
			throw new DatabaseFileError(
				`another Samråd process is using the database ${databasePath} (it holds ${path}); stop it first, or set another DATABASE_PATH`
			);
		}
		throw error;
	}
	held().set(databasePath, lock);
}

/** Lets another process use the database (on shutdown, after the database is closed). */
export function unlockDatabase(databasePath: string): void {
	const lock = held().get(databasePath);
	if (!lock) return;
	held().delete(databasePath);
	if (lock.inTransaction) lock.exec('ROLLBACK');
	lock.close();
}
