import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { droppedFrames, readWal } from './wal';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const scratch = join(root, 'tests', '.tmp', 'unit', `wal-${randomBytes(4).toString('hex')}`);
mkdirSync(scratch, { recursive: true });

afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the WAL SQLite wrote for three committed transactions (the connection still open). */
function threeCommits(name: string): string {
	const path = join(scratch, `${name}.sqlite`);
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('wal_autocheckpoint = 0');
	db.exec('CREATE TABLE notes (text TEXT)');
	db.prepare('INSERT INTO notes VALUES (?)').run('first');
	db.prepare('INSERT INTO notes VALUES (?)').run('second');
	const copy = join(scratch, `${name}.wal`);
	copyFileSync(`${path}-wal`, copy);
	db.close();
	return copy;
}

describe('readWal', () => {
	it('reads the frames SQLite wrote, and which of them commit', () => {
		const wal = readWal(threeCommits('intact'))!;
		expect(wal.headerValid).toBe(true);
		expect(wal.frames.length).toBeGreaterThanOrEqual(3);
		expect(wal.frames.every((frame) => frame.current)).toBe(true);
		expect(wal.frames.filter((frame) => frame.commit)).toHaveLength(3);
		expect(wal.frames.at(-1)!.commit).toBe(true);
	});

	it('counts the commits past the frames SQLite applied', () => {
		const wal = readWal(threeCommits('dropped'))!;
		const firstCommit = wal.frames.findIndex((frame) => frame.commit);
		expect(droppedFrames(wal, firstCommit + 1)).toEqual({
			frames: wal.frames.length - firstCommit - 1,
			commits: 2
		});
		expect(droppedFrames(wal, wal.frames.length)).toEqual({ frames: 0, commits: 0 });
	});

	it('knows a damaged header, which makes SQLite ignore the whole file', () => {
		const path = threeCommits('header');
		const bytes = readFileSync(path);
		bytes.writeUInt8(bytes.readUInt8(17) ^ 0x01, 17);
		writeFileSync(path, bytes);
		expect(readWal(path)).toMatchObject({ headerValid: false, frames: [] });
	});

	it('answers null when there is no WAL', () => {
		expect(readWal(join(scratch, 'none.sqlite-wal'))).toBeNull();
	});
});
