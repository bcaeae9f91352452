import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '$lib/server/db/database';
import { migratePostgres, readPostgresMigrations } from '$lib/server/db/postgres/migrate';
import { openPostgres } from '$lib/server/db/postgres/pool';
import { createPostgresStores } from '$lib/server/db/postgres/stores';
import { seedSession, storeContract } from '$lib/server/db/store-contract';
import { SessionSeqConflict, type SessionEvent, type Stores } from '$lib/server/stores';
import { freshDatabase } from './databases';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = readPostgresMigrations(join(root, 'db', 'migrations-postgres'));
const sqliteVersion = readMigrations(join(root, 'db', 'migrations')).length;

let database: Awaited<ReturnType<typeof freshDatabase>>;
let pools: pg.Pool[] = [];

/** One "process": its own pool on the test database, and its stores. */
async function process(): Promise<{ pool: pg.Pool; stores: Stores }> {
	const pool = await openPostgres(database.url, 4);
	pools.push(pool);
	return { pool, stores: createPostgresStores(pool) };
}

async function endPools(): Promise<void> {
	await Promise.all(pools.map((pool) => pool.end()));
	pools = [];
}

async function cleanUp(): Promise<void> {
	await endPools();
	await database?.drop();
}

describe('the store contract on PostgreSQL', () =>
	storeContract({
		async open() {
			database = await freshDatabase();
			const { pool, stores } = await process();
			await migratePostgres(pool, migrations);
			return stores;
		},
		async reopen() {
			await endPools();
			return (await process()).stores;
		},
		async seedConference(participantIds) {
			const [pool] = pools;
			await pool!.query(
				`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
			 VALUES ('conf', 'Sigtuna', 'sv', 'KLMNPQ', 'plenum-token-1234', 1, 1)`
			);
			for (const id of participantIds) {
				await pool!.query(
					`INSERT INTO conference_participants (id, conference_id, name, country, role, language, personal_token, created_at)
				 VALUES ($1, 'conf', $1, 'NO', 'worker', 'nb', $2, 1)`,
					[id, `badge-${id}`]
				);
			}
		},
		close: cleanUp
	}));

const event = (at: number): SessionEvent => ({
	command: { type: 'session.retitle', title: `Gruppe ${at}` },
	actor: { role: 'facilitator' },
	at
});

const newSession = seedSession;

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
	let open!: () => void;
	return { opened: new Promise<void>((resolve) => (open = resolve)), open };
}

describe('two processes on one PostgreSQL database', () => {
	afterEach(cleanUp);

	async function twoProcesses() {
		database = await freshDatabase();
		const first = await process();
		await migratePostgres(first.pool, migrations);
		return [first.stores, (await process()).stores] as const;
	}

	it('lets only one of two concurrent units commit event seq + 1; the other gets SessionSeqConflict', async () => {
		const [a, b] = await twoProcesses();
		const access = await newSession(a);
		const aAppended = gate();
		const release = gate();
		// Both processes hold the session at event 0; A appends and holds its unit open.
		const unitA = a.transaction(async (tx) => {
			await tx.sessions.append(access.id, 0, event(2_000));
			aAppended.open();
			await release.opened;
		});
		await aAppended.opened;
		const unitB = b.transaction((tx) => tx.sessions.append(access.id, 0, event(2_500)));
		// B waits on A's row lock, then finds the session moved on.
		setTimeout(release.open, 50);
		await unitA;
		await expect(unitB).rejects.toBeInstanceOf(SessionSeqConflict);
		const stored = await a.sessions.read(access.id);
		expect(stored?.seq).toBe(1);
		expect(stored?.events.map((e) => e.at)).toEqual([2_000]);
	});

	it('answers a command id replayed to another process with the first answer, and applies it once', async () => {
		const [a, b] = await twoProcesses();
		const access = await newSession(a);
		const apply = (stores: Stores, at: number) =>
			stores.transaction(async (tx) => {
				if (await tx.processedCommands.find('cmd-1')) return 'repeat';
				await tx.processedCommands.record(
					'cmd-1',
					{ scope: `s:${access.id}:f`, name: 'session.retitle', ack: { ok: true, at } },
					at
				);
				await tx.sessions.append(access.id, 0, event(at));
				return 'applied';
			});
		const results = await Promise.allSettled([apply(a, 2_000), apply(b, 3_000)]);
		expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'applied')).toHaveLength(
			1
		);
		const stored = await b.sessions.read(access.id);
		expect(stored?.seq).toBe(1);
		const first = stored!.events[0]!.at;
		expect(await a.processedCommands.find('cmd-1')).toMatchObject({ ack: { ok: true, at: first } });
		// Replayed later to either process: the stored answer, and nothing applied again.
		expect(await apply(b, 4_000)).toBe('repeat');
		expect(await apply(a, 5_000)).toBe('repeat');
		expect((await a.sessions.read(access.id))?.seq).toBe(1);
	});
});

/** Resolves once a backend of this database waits for a lock another holds. */
async function someoneWaitsForALock(pool: pg.Pool): Promise<void> {
	for (;;) {
		const waiting = await pool.query(
			"SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
		);
		if (waiting.rowCount) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('two processes deciding on one conference', () => {
	afterEach(cleanUp);

	it('loses neither change when both load the same conference before either commits', async () => {
		database = await freshDatabase();
		const first = await process();
		await migratePostgres(first.pool, migrations);
		const [a, b] = [first.stores, (await process()).stores];
		await first.pool.query(
			`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
			 VALUES ('conf', 'Sigtuna', 'sv', 'KLMNPQ', 'plenum-token-1234', 1, 1)`
		);
		const aLoaded = gate();
		const release = gate();
		// A renames the conference, deciding on what it loaded, and holds its unit open.
		const unitA = a.transaction(async (tx) => {
			const before = (await tx.conferences.load('conf'))!;
			aLoaded.open();
			await release.opened;
			await tx.conferences.commit(before, {
				...before,
				conference: { ...before.conference, title: 'Sigtuna 2010' }
			});
		});
		await aLoaded.opened;
		// Meanwhile B posts a notice on the same conference.
		const unitB = b.transaction(async (tx) => {
			const before = (await tx.conferences.load('conf'))!;
			await tx.conferences.commit(before, {
				...before,
				conference: { ...before.conference, notice: 'Tilbake 13:30', noticeAt: 5 }
			});
		});
		// A commits once B has finished, or waits for A's lock.
		await Promise.race([unitB, someoneWaitsForALock(first.pool)]);
		release.open();
		await Promise.all([unitA, unitB]);
		const after = await a.conferences.find('conf');
		expect(after).toMatchObject({ title: 'Sigtuna 2010', notice: 'Tilbake 13:30' });
	});
});

describe('PostgreSQL migrations', () => {
	afterEach(cleanUp);

	it('bring the same schema version as SQLite’s, and a second run changes nothing', async () => {
		database = await freshDatabase();
		const { pool, stores } = await process();
		expect(await stores.schemaVersion()).toBe(0);
		expect(await migratePostgres(pool, migrations)).toEqual({ from: 0, to: sqliteVersion });
		expect(await stores.schemaVersion()).toBe(sqliteVersion);
		expect(await migratePostgres(pool, migrations)).toEqual({
			from: sqliteVersion,
			to: sqliteVersion
		});
		const applied = await pool.query('SELECT version FROM schema_version ORDER BY version');
		expect(applied.rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
	});

	it('run once when two processes start on an empty database at the same time', async () => {
		database = await freshDatabase();
		const [a, b] = await Promise.all([process(), process()]);
		const runs = await Promise.all([
			migratePostgres(a.pool, migrations),
			migratePostgres(b.pool, migrations)
		]);
		expect(runs.map((r) => r.from).sort()).toEqual([0, sqliteVersion]);
		expect(await b.stores.schemaVersion()).toBe(sqliteVersion);
		const applied = await a.pool.query('SELECT count(*) AS n FROM schema_version');
		expect(applied.rows[0].n).toBe(migrations.length);
	});

	it('refuse a database newer than this version of Samråd, and leave it as it was', async () => {
		database = await freshDatabase();
		const { pool } = await process();
		await migratePostgres(pool, migrations);
		await pool.query("INSERT INTO schema_version (version, name) VALUES (999, '0999_future.sql')");
		await expect(migratePostgres(pool, migrations)).rejects.toThrow(/newer than this version/);
	});
});

describe('erasure on PostgreSQL', () => {
	afterEach(cleanUp);

	it('deletes the rows and vacuums the tables that held them', async () => {
		database = await freshDatabase();
		const { pool, stores } = await process();
		await migratePostgres(pool, migrations);
		const access = await newSession(stores);
		await stores.sessions.append(access.id, 0, event(2_000));
		await stores.sessions.removeStandalone(access.id);
		expect(await stores.erase()).toBe(true);
		// The events and the snapshot, which holds the session's texts, each in a table of its own.
		const vacuumed = await pool.query(
			`SELECT relname, last_vacuum FROM pg_stat_user_tables
			 WHERE relname IN ('session_events', 'session_snapshots') ORDER BY relname`
		);
		expect(vacuumed.rows.map((r) => r.relname)).toEqual(['session_events', 'session_snapshots']);
		for (const row of vacuumed.rows) expect(row.last_vacuum, row.relname).not.toBeNull();
		expect(await stores.sessions.read(access.id)).toBeNull();
	});

	it('shares VACUUMs among erasures asked for at once, each after its call', async () => {
		database = await freshDatabase();
		const { pool, stores } = await process();
		await migratePostgres(pool, migrations);
		const count = async () =>
			(
				await pool.query<{ n: string }>(
					"SELECT vacuum_count AS n FROM pg_stat_user_tables WHERE relname = 'session_events'"
				)
			).rows[0]!.n;
		const before = Number(await count());
		// A vote closing in twenty groups at once: one VACUUM running, one more for all who came
		// after it started (they queued on each other's locks, one after another, before).
		const first = stores.erase();
		const rest = Array.from({ length: 19 }, () => stores.erase());
		expect(await Promise.all([first, ...rest])).toEqual(Array(20).fill(true));
		expect(Number(await count()) - before).toBe(2);
		// And after they are done, the next erasure runs one of its own.
		await stores.erase();
		expect(Number(await count()) - before).toBe(3);
	});
});
