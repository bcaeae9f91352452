import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError, log } from '../log';
import { droppedFrames, readWal, type WalFile } from './wal';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection and reused. */
export function sql(db: Db, text: string): Database.Statement {
	let cache = statements.get(db);
	if (!cache) statements.set(db, (cache = new Map()));
	let statement = cache.get(text);
	if (!statement) cache.set(text, (statement = db.prepare(text)));
	return statement;
}

/** The database file cannot be used as it is; the message names the file and says why. */
export class DatabaseFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DatabaseFileError';
	}
}

/** A numbered migration read from db/migrations. */
export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** Migrations failed; the database was left as it was. */
export class MigrationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MigrationError';
	}
}

const migrationFile = /^(\d{4})_[a-z0-9_-]+\.sql$/;

/** Reads db/migrations/NNNN_name.sql in order; numbers must run 1, 2, 3 … without gaps. */
export function readMigrations(dir: string): Migration[] {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	return files.map((file, index) => {
		const match = migrationFile.exec(file);
		if (!match)
			throw new MigrationError(`migration file name "${file}" must look like 0001_name.sql`);
		const version = Number(match[1]);
		if (version !== index + 1) {
			throw new MigrationError(`migration "${file}" should be number ${index + 1}`);
		}
		return { version, name: file, sql: readFileSync(join(dir, file), 'utf8') };
	});
}

/**
 * Opens the database with the pragmas Samråd relies on.
 * synchronous=NORMAL in WAL mode: a commit survives a crash of the process; only a power cut
 * or OS crash can lose the last few commits, never corrupt the file.
 */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const found = path === ':memory:' ? null : findFiles(path);
	const db = new Database(path);
	if (found) refuseReadOnly(db, path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	// Deleted rows are overwritten with zeros, not just unlinked (see erasure.ts for the WAL).
	db.pragma('secure_delete = ON');
	db.pragma('busy_timeout = 5000');
	// The WAL shrinks back to this size when it restarts.
	db.pragma('journal_size_limit = 67108864');
	if (found) {
		reportOpened(db, path, found);
		checkpointInBackground(db, path);
	}
	return db;
}

/** The database file and its WAL as they were before SQLite opened them. */
interface FoundFiles {
	/** Size of the database file; null when there was none. */
	bytes: number | null;
	wal: WalFile | null;
}

function fileSize(path: string): number | null {
	try {
		return statSync(path).size;
	} catch {
		return null;
	}
}

function findFiles(path: string): FoundFiles {
	return { bytes: fileSize(path), wal: readWal(`${path}-wal`) };
}

/**
 * SQLite opens a file it may not write to read-only, without a word; every write would fail
 * later. A write transaction that is rolled back fails at once there, and writes nothing.
 */
function refuseReadOnly(db: Db, path: string): void {
	try {
		db.exec('BEGIN IMMEDIATE');
		try {
			db.pragma(`user_version = ${schemaVersion(db)}`);
		} finally {
			if (db.inTransaction) db.exec('ROLLBACK');
		}
	} catch (error) {
		db.close();
		if (String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) {
			throw new DatabaseFileError(
				`the database file ${path} is read-only for this process; Samråd must be able to write to it and to its folder (check their owner and permissions)`
			);
		}
		throw error;
	}
}

/**
 * Says what opening found: a new or empty file, and what became of a WAL left by a crash.
 * SQLite applies a WAL up to its first damaged frame and drops the rest without a word.
 */
function reportOpened(db: Db, path: string, found: FoundFiles): void {
	const { wal } = found;
	if (found.bytes === null) log.info('db.created', { databasePath: path });
	else if (found.bytes === 0 && !wal?.frames.length) {
		log.warn('db.empty_file', {
			databasePath: path,
			meaning: 'the database file was empty (0 bytes): starting a new, empty database'
		});
	}
	if (!wal) return;
	// Copies what SQLite accepted of the WAL into the file; `log` is how many frames that was.
	const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
	const applied = Math.max(0, result?.log ?? 0);
	log.info('db.wal', {
		databasePath: path,
		walBytesBefore: wal.bytes,
		walFramesBefore: wal.frames.length,
		walFramesApplied: applied,
		walBytesAfter: fileSize(`${path}-wal`)
	});
	const dropped = droppedFrames(wal, applied);
	const headerDamaged = !wal.headerValid && wal.bytes > 32;
	if (headerDamaged || dropped.frames > 0) {
		log.error('db.wal_damaged', {
			databasePath: path,
			headerDamaged,
			framesDropped: dropped.frames,
			commitsDropped: dropped.commits,
			meaning:
				'the WAL was damaged: SQLite dropped it from the first bad frame, and committed changes after it are lost; restore from a backup if they matter'
		});
	}
}

/** How often the background thread copies the WAL into the database file. */
const backgroundCheckpointMs = 250;
/** How often the main connection finishes a checkpoint itself, so that the WAL can restart. */
const catchUpCheckpointMs = 5_000;

/** The checkpointing thread: its own connection, copying committed pages as they come. */
const checkpointerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		// busy or closing: the next round catches up
	}
}, workerData.everyMs);
parentPort.once('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

/**
 * Checkpoints (WAL → database file, each waiting for the disk) run on a worker thread instead
 * of inside a commit on the main thread, where every few thousand commands one stalled every
 * socket for tens of milliseconds. The main connection only finishes the last few pages every
 * few seconds, which lets the WAL restart instead of growing while commands keep coming.
 * Durability is unchanged: commits are in the WAL either way. If the thread cannot start,
 * SQLite's own automatic checkpoints stay on.
 */
function checkpointInBackground(db: Db, path: string): void {
	let worker: Worker;
	try {
		worker = new Worker(checkpointerSource, {
			eval: true,
			workerData: {
				path,
				driver: createRequire(import.meta.url).resolve('better-sqlite3'),
				everyMs: backgroundCheckpointMs
			}
		});
	} catch {
		return;
	}
	worker.unref();
	// Until the thread runs (or if it fails), SQLite checkpoints on its own as before.
	worker.once('online', () => {
		if (db.open) db.pragma('wal_autocheckpoint = 0');
	});
	worker.once('error', () => {
		if (db.open) db.pragma('wal_autocheckpoint = 1000');
	});
	let failing = false;
	const catchUp = setInterval(() => {
		if (!db.open || db.inTransaction) return;
		try {
			db.pragma('wal_checkpoint(PASSIVE)');
			failing = false;
		} catch (error) {
			// A file that became unwritable (full disk, read-only mount) must not stop the server.
			if (!failing)
				log.error('db.checkpoint_failed', { databasePath: path, error: describeError(error) });
			failing = true;
		}
	}, catchUpCheckpointMs);
	catchUp.unref();
	const close = db.close.bind(db);
	db.close = () => {
		clearInterval(catchUp);
		worker.postMessage('stop');
		return close();
	};
}

/** The schema version stored in the file. */
export function schemaVersion(db: Db): number {
	return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction, tracked by PRAGMA user_version.
 * On any error nothing is applied and a MigrationError names the migration that failed.
 */
export function migrate(db: Db, migrations: Migration[]): { from: number; to: number } {
	const from = schemaVersion(db);
	const latest = migrations.length;
	if (from > latest) {
		throw new MigrationError(
			`the database is at schema version ${from}, newer than this version of Samråd knows (${latest}); upgrade Samråd or use another DATABASE_PATH`
		);
	}
	const pending = migrations.slice(from);
	if (pending.length === 0) return { from, to: from };
	// Foreign keys cannot be switched inside a transaction; table rebuilds need them off.
	db.pragma('foreign_keys = OFF');
	try {
		db.exec('BEGIN IMMEDIATE');
		let current = '';
		try {
			for (const migration of pending) {
				current = migration.name;
				db.exec(migration.sql);
				db.pragma(`user_version = ${migration.version}`);
			}
			const violations = db.pragma('foreign_key_check') as unknown[];
			if (violations.length > 0) {
				current = pending[pending.length - 1]!.name;
				throw new Error(`${violations.length} foreign key violation(s)`);
			}
			db.exec('COMMIT');
		} catch (error) {
			db.exec('ROLLBACK');
			const reason = error instanceof Error ? error.message : String(error);
			throw new MigrationError(`migration ${current} failed: ${reason}; the database is unchanged`);
		}
	} finally {
		db.pragma('foreign_keys = ON');
	}
	return { from, to: latest };
}
