import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { scrubFreePagesOnce, truncateWal } from './erasure';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const scratch = join(root, 'tests', '.tmp', 'unit', `erasure-${randomBytes(4).toString('hex')}`);

afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
});

let files = 0;
function freshPath(): string {
	mkdirSync(scratch, { recursive: true });
	return join(scratch, `db-${++files}.sqlite`);
}

/** Which of the database's files hold this text, read as they are on disk. */
function holding(path: string, text: string): string[] {
	return ['', '-wal', '-shm'].filter((suffix) => {
		try {
			return readFileSync(`${path}${suffix}`).includes(Buffer.from(text));
		} catch {
			return false;
		}
	});
}

function withNotes(db: Db): void {
	db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
	const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
	for (let i = 0; i < 40; i++) insert.run(`filler note ${i} ${'x'.repeat(80)}`);
}

describe('the database as opened', () => {
	it('overwrites deleted rows (secure_delete)', () => {
		const db = openDatabase(freshPath());
		try {
			expect(db.pragma('secure_delete', { simple: true })).toBe(1);
		} finally {
			db.close();
		}
	});
});

describe('truncateWal', () => {
	it('leaves no image of a deleted row in the file or the WAL', () => {
		const path = freshPath();
		const db = openDatabase(path);
		try {
			withNotes(db);
			const [inFile, inWal] = [
				`FILE-${randomBytes(6).toString('hex')}`,
				`WAL-${randomBytes(6).toString('hex')}`
			];
			db.prepare('INSERT INTO notes (text) VALUES (?)').run(inFile);
			withNotes(db);
			db.pragma('wal_checkpoint(TRUNCATE)');
			db.prepare('INSERT INTO notes (text) VALUES (?)').run(inWal);
			db.prepare('DELETE FROM notes WHERE text IN (?, ?)').run(inFile, inWal);
			expect(holding(path, inFile), 'the file still holds the earlier page').toContain('');
			expect(holding(path, inWal), 'the WAL still holds the earlier page').toContain('-wal');
			expect(truncateWal(db)).toBe(true);
			expect(holding(path, inFile)).toEqual([]);
			expect(holding(path, inWal)).toEqual([]);
		} finally {
			db.close();
		}
	});

	it('retries in the background while a reader holds the WAL, and empties it once it lets go', async () => {
		const path = freshPath();
		const db = openDatabase(path);
		const reader = new Database(path, { readonly: true });
		try {
			withNotes(db);
			const marker = `HELD-${randomBytes(6).toString('hex')}`;
			db.prepare('INSERT INTO notes (text) VALUES (?)').run(marker);
			reader.exec('BEGIN');
			reader.prepare('SELECT count(*) FROM notes').get();
			db.prepare('DELETE FROM notes WHERE text = ?').run(marker);
			const started = Date.now();
			expect(truncateWal(db)).toBe(false);
			// It gave up quickly instead of blocking for the 5-second busy timeout.
			expect(Date.now() - started).toBeLessThan(1_000);
			expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
			expect(holding(path, marker)).toContain('-wal');
			reader.exec('COMMIT');
			const deadline = Date.now() + 5_000;
			while (holding(path, marker).length > 0 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			expect(holding(path, marker)).toEqual([]);
		} finally {
			reader.close();
			db.close();
		}
	});
});

describe('scrubFreePagesOnce', () => {
	it('removes rows deleted before secure_delete was on, once per database', () => {
		const path = freshPath();
		const marker = `OLD-${randomBytes(6).toString('hex')}`;
		// A database from before: deleted rows were only unlinked.
		const old = new Database(path);
		old.pragma('journal_mode = WAL');
		old.pragma('secure_delete = OFF');
		old.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
		withNotes(old);
		old.prepare('INSERT INTO notes (text) VALUES (?)').run(marker);
		withNotes(old);
		old.pragma('wal_checkpoint(TRUNCATE)');
		old.prepare('DELETE FROM notes WHERE text = ?').run(marker);
		old.pragma('wal_checkpoint(TRUNCATE)');
		old.close();
		expect(holding(path, marker)).toEqual(['']);

		const db = openDatabase(path);
		try {
			expect(scrubFreePagesOnce(db)).toBe(true);
			expect(holding(path, marker)).toEqual([]);
			expect(scrubFreePagesOnce(db)).toBe(false);
		} finally {
			db.close();
		}
	});
});
