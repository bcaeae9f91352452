/**
 * Making deleted data unrecoverable from the files on disk. With secure_delete on, SQLite
 * overwrites deleted rows with zeros, but earlier images of the same pages stay in the WAL until
 * it is emptied: truncateWal() does that right after a deletion commits.
 */
import { log } from '../log';
import type { Db } from './database';
import { readSetting, writeSetting } from './settings';

/** Attempts in a row, about a millisecond apart: outlasts a checkpoint by the background thread. */
const attemptsInARow = 20;
const firstRetryMs = 100;
const lastRetryMs = 5_000;

const retries = new WeakMap<Db, ReturnType<typeof setTimeout>>();

interface CheckpointResult {
	busy: number;
	log: number;
	checkpointed: number;
}

/** Sleeps on the main thread without spinning (for a few milliseconds only). */
function pause(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One attempt that never waits: a reader or another checkpoint makes it answer false at once. */
function tryTruncate(db: Db): boolean {
	const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
	db.pragma('busy_timeout = 0');
	try {
		const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
		return result?.busy === 0;
	} finally {
		db.pragma(`busy_timeout = ${busyTimeout}`);
	}
}

/**
 * Copies every committed page into the database file and empties the WAL (truncated to zero
 * bytes), so that no earlier page image, which may hold text just deleted, stays on disk.
 * A reader in the middle of a read (a backup, say) keeps the WAL in use: then it is retried in
 * the background, without blocking, until it succeeds. Answers whether the WAL is empty now.
 */
export function truncateWal(db: Db): boolean {
	if (!db.open || db.memory || db.readonly) return true;
	// Already waiting for a reader: one attempt, then leave it to the background retries.
	const attempts = retries.has(db) ? 1 : attemptsInARow;
	for (let attempt = 0; attempt < attempts; attempt++) {
		if (attempt > 0) pause(1);
		if (tryTruncate(db)) {
			const pending = retries.get(db);
			if (pending !== undefined) clearTimeout(pending);
			retries.delete(db);
			return true;
		}
	}
	if (!retries.has(db)) {
		log.warn('wal.truncate_delayed');
		retryLater(db, firstRetryMs);
	}
	return false;
}

function retryLater(db: Db, delayMs: number): void {
	const timer = setTimeout(() => {
		retries.delete(db);
		if (!db.open) return;
		if (tryTruncate(db)) log.info('wal.truncated', { afterMs: delayMs });
		else retryLater(db, Math.min(delayMs * 2, lastRetryMs));
	}, delayMs);
	timer.unref();
	retries.set(db, timer);
}

const scrubbedSetting = 'free_pages_scrubbed';

/**
 * Once per database: rebuilds the file (VACUUM), so that rows deleted before secure_delete was
 * on are not left in free pages. Later deletions are overwritten as they happen. Answers
 * whether it ran now.
 */
export function scrubFreePagesOnce(db: Db): boolean {
	if (db.memory || db.readonly) return false;
	if (readSetting(db, scrubbedSetting)) return false;
	db.exec('VACUUM');
	writeSetting(db, scrubbedSetting, '1');
	truncateWal(db);
	log.info('db.scrubbed');
	return true;
}
