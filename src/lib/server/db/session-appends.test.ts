/**
 * What one accepted command costs on disk. Every command appends its event and moves the
 * session's sequence number; a vote or a phase change does that for 200 groups at once, so an
 * append must not rewrite the session's whole state (its snapshot) as well.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '$lib/domain/session/commands';
import type { SessionState } from '$lib/domain/session/types';
import { migrate, openDatabase, readMigrations, type Db } from './database';
import { createSqliteStores } from './stores';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));

let dir: string;
let db: Db;
let walPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-appends-'));
	const path = join(dir, 'samrad.sqlite');
	walPath = `${path}-wal`;
	db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('foreign_keys = ON');
	db.pragma('secure_delete = ON');
	// Nothing copies the WAL away during the test: its size is what the commits wrote.
	db.pragma('wal_autocheckpoint = 0');
	migrate(db, migrations);
});

afterEach(() => {
	db.close();
	rmSync(dir, { recursive: true, force: true });
});

function largeState(): SessionState {
	const created = createSession(
		{ id: 'session-1', title: 'Gruppe 1', language: 'nb', questions: [{ id: 'q1', text: 'Hva?' }] },
		1_000
	);
	if (!created.ok) throw new Error(created.error.code);
	// A session late in its day: about a megabyte of notes, headings and reflections.
	return { ...created.value, title: 'Gruppe 1 '.repeat(110_000) };
}

describe('appending a session event', () => {
	it('writes the event, not the whole snapshot again', async () => {
		const stores = createSqliteStores(db);
		const state = largeState();
		const snapshotBytes = JSON.stringify(state).length;
		const access = {
			id: 'session-1',
			joinCode: 'ABCDEF',
			facilitatorToken: 'f-session-1',
			screenToken: 's-session-1',
			conferenceId: null
		};
		await stores.sessions.create(access, state, 1_000, null);
		db.pragma('wal_checkpoint(TRUNCATE)');
		const appends = 20;
		for (let seq = 0; seq < appends; seq++) {
			await stores.transaction((tx) =>
				tx.sessions.append(access.id, seq, {
					command: { type: 'timer.pause' },
					actor: { role: 'facilitator' },
					at: 2_000 + seq
				})
			);
		}
		const written = statSync(walPath).size;
		// Twenty commands together write less than one copy of the snapshot.
		expect(written).toBeLessThan(snapshotBytes);
		const stored = await stores.sessions.read(access.id);
		expect(stored?.seq).toBe(appends);
		expect(stored?.events).toHaveLength(appends);
		expect(stored?.snapshot.title).toBe(state.title);
	});
});

describe('the session snapshots migration', () => {
	it('moves every stored snapshot to its own table and keeps the events after it', async () => {
		const snapshots = migrations.findIndex((m) => m.name.endsWith('_session_snapshots.sql'));
		expect(snapshots).toBeGreaterThan(0);
		const older = openDatabase(':memory:');
		migrate(older, migrations.slice(0, snapshots));
		const state = largeState();
		older
			.prepare(
				`INSERT INTO sessions (id, join_code, facilitator_token, screen_token, created_at,
				 updated_at, snapshot, snapshot_seq, seq) VALUES ('s1', 'ABCDEF', 'f1', 's1', 1, 2, ?, 3, 4)`
			)
			.run(JSON.stringify(state));
		older
			.prepare(`INSERT INTO session_events (session_id, seq, event) VALUES ('s1', 4, ?)`)
			.run(
				JSON.stringify({ command: { type: 'timer.pause' }, actor: { role: 'facilitator' }, at: 2 })
			);
		migrate(older, migrations);
		const stored = await createSqliteStores(older).sessions.read('s1');
		expect(stored).toMatchObject({ snapshotSeq: 3, seq: 4, snapshot: state });
		expect(stored?.events.map((e) => e.command.type)).toEqual(['timer.pause']);
		const columns = older.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('sessions');
		expect(columns).not.toContain('snapshot');
		older.close();
	});
});
