/**
 * Races between processes on one PostgreSQL database, with real concurrent connections: a
 * refused command replayed to a process while another commits its answer, a deadlock between
 * two units, N processes starting on an empty database (one session secret), and the retention
 * timer of several processes (one at a time).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { migratePostgres, readPostgresMigrations } from '$lib/server/db/postgres/migrate';
import { openPostgres } from '$lib/server/db/postgres/pool';
import { createPostgresStores } from '$lib/server/db/postgres/stores';
import { seedSession } from '$lib/server/db/store-contract';
import { applyRetention } from '$lib/server/retention';
import { freshDatabase } from './databases';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = readPostgresMigrations(join(root, 'db', 'migrations-postgres'));
const dayMs = 24 * 60 * 60 * 1000;

let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let pools: pg.Pool[] = [];
let apps: ServerApp[] = [];
let held: pg.PoolClient[] = [];

afterEach(async () => {
	for (const client of held) client.release(true);
	held = [];
	await Promise.all(apps.map((app) => app.storage.close()));
	await Promise.all(pools.map((pool) => pool.end()));
	apps = [];
	pools = [];
	await database?.drop();
	database = undefined;
});

/** One more "process": the whole app on its own pool. */
async function startApp(env: Record<string, string> = {}): Promise<ServerApp> {
	const config = readConfig({ DATABASE_URL: database!.url, LOG_LEVEL: 'silent', ...env });
	const app = await createPostgresApp({ ...config, databaseUrl: database!.url }, root);
	apps.push(app);
	return app;
}

/** A plain connection, as another process's unit of work holds one. */
async function connection(): Promise<pg.PoolClient> {
	const pool = await openPostgres(database!.url, 2);
	pools.push(pool);
	const client = await pool.connect();
	held.push(client);
	return client;
}

/**
 * Resolves once a backend of this database waits for a lock another holds. `client` must be
 * outside a transaction: inside one, pg_stat_activity answers the same snapshot every time.
 */
async function someoneWaitsForALock(client: pg.Pool | pg.PoolClient): Promise<void> {
	for (;;) {
		const waiting = await client.query(
			"SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
		);
		if (waiting.rowCount) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('a refused command replayed while another process commits its answer', () => {
	it('gets the recorded answer, not a duplicate-key error', async () => {
		database = await freshDatabase();
		const app = await startApp();
		const access = await seedSession(app.stores);
		const scope = `s:${access.id}:f`;
		// Reveal before writing: refused, so no session row is locked, only the command id.
		const command = { type: 'reveal.next', questionId: 'q1' } as const;
		const recorded = { ok: false, error: { code: 'wrong_phase', message: 'the other process' } };
		const other = await connection();
		await other.query('BEGIN');
		await other.query(
			'INSERT INTO processed_commands (id, scope, name, ack, created_at) VALUES ($1, $2, $3, $4, $5)',
			['replayed-1', scope, command.type, JSON.stringify(recorded), 1_000]
		);
		const answer = app.sessions.dispatch(access.id, 'replayed-1', scope, command, {
			role: 'facilitator'
		});
		const watcher = await openPostgres(database.url, 1);
		pools.push(watcher);
		await someoneWaitsForALock(watcher);
		await other.query('COMMIT');
		expect((await answer).ack).toEqual(recorded);
	});
});

describe('a deadlock between two processes', () => {
	it('is retried, and both units commit', async () => {
		database = await freshDatabase();
		const pool = await openPostgres(database.url, 4);
		pools.push(pool);
		await migratePostgres(pool, migrations);
		const [a, b] = [
			createPostgresStores(pool),
			createPostgresStores(await openPostgres(database.url, 4))
		];
		await a.settings.write('first', '0');
		await a.settings.write('second', '0');
		let aHolds!: () => void;
		let bHolds!: () => void;
		const aHeld = new Promise<void>((resolve) => (aHolds = resolve));
		const bHeld = new Promise<void>((resolve) => (bHolds = resolve));
		// Each locks one row, then waits for the other's: PostgreSQL ends one of them with 40P01.
		const unitA = a.transaction(async (tx) => {
			await tx.settings.write('first', 'a');
			aHolds();
			await bHeld;
			await tx.settings.write('second', 'a');
			return 'a';
		});
		const unitB = b.transaction(async (tx) => {
			await tx.settings.write('second', 'b');
			bHolds();
			await aHeld;
			await tx.settings.write('first', 'b');
			return 'b';
		});
		expect(await Promise.all([unitA, unitB])).toEqual(['a', 'b']);
		// Whichever was retried ran whole after the other: both rows hold the same unit's writes.
		const [first, second] = [await a.settings.read('first'), await a.settings.read('second')];
		expect(first).toBe(second);
	});
});

describe('several processes starting on an empty database', () => {
	it('agree on one session secret', async () => {
		database = await freshDatabase();
		const pool = await openPostgres(database.url, 1);
		pools.push(pool);
		await migratePostgres(pool, migrations);
		// Another process is writing its new secret when this one, finding none yet, writes its own.
		const other = await connection();
		await other.query('BEGIN');
		await other.query("INSERT INTO settings (key, value) VALUES ('session_secret', $1)", [
			'secret-of-the-other-process'
		]);
		const starting = startApp();
		await someoneWaitsForALock(pool);
		await other.query('COMMIT');
		expect((await starting).secret).toBe('secret-of-the-other-process');
		// And any number starting together afterwards take the same.
		const started = await Promise.all(Array.from({ length: 5 }, () => startApp()));
		expect(new Set(started.map((app) => app.secret))).toEqual(
			new Set(['secret-of-the-other-process'])
		);
		expect(await started[0]!.stores.settings.read('session_secret')).toBe(
			'secret-of-the-other-process'
		);
	});
});

describe('the retention timer of several processes', () => {
	it('runs in one process at a time', async () => {
		database = await freshDatabase();
		const app = await startApp({ RETENTION_DAYS: '30' });
		const access = await seedSession(app.stores);
		const due = 400 * dayMs;
		// Another process holds the retention lock: this one deletes nothing now.
		const other = await connection();
		const held = await other.query(
			"SELECT pg_try_advisory_lock(hashtext('samrad:retention')) AS locked"
		);
		expect(held.rows[0].locked).toBe(true);
		expect(await applyRetention(app, due)).toBeNull();
		expect(await app.stores.sessions.findById(access.id)).not.toBeNull();
		// Once it is done, the next run here deletes what is due.
		await other.query("SELECT pg_advisory_unlock(hashtext('samrad:retention'))");
		expect(await applyRetention(app, due)).toEqual({ conferences: 0, sessions: 1 });
		expect(await app.stores.sessions.findById(access.id)).toBeNull();
	});
});
