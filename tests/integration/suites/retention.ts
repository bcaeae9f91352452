/**
 * Retention never deletes a conference in use: it counts from the last activity, never from
 * the dates an organiser typed. Every deletion is logged by id (never by title); a dry run
 * deletes nothing; only the organiser who may keep conferences for good can do so.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '$lib/server/app';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { conferenceDetails } from '$lib/testing/conference-details';
import { serverOn, withStoreApp, type Engine, type Store } from '../helpers/engine';
import { root, type TestServer } from '../helpers/server';

const day = 86_400_000;
/** The suite, on fresh databases of this engine. */
export function retentionSuite(engine: Engine): void {
	const servers: TestServer[] = [];
	const stores: Store[] = [];

	afterEach(async () => {
		for (const server of servers.splice(0)) await server.dispose();
		for (const store of stores.splice(0)) await store.dispose();
	});

	/** A fresh database of the suite's engine, removed after the test. */
	async function fresh(): Promise<Store> {
		const store = await engine.fresh();
		stores.push(store);
		return store;
	}

	/** Runs `fn` on the app with every service reading the given clock (a fake "now"). */
	function withAppAt<T>(store: Store, clock: () => number, fn: (app: ServerApp) => Promise<T>) {
		return withStoreApp(store, fn, clock);
	}

	/** A conference recorded at `at` (its sessions' activity is covered by the unit tests). */
	async function seedAt(store: Store, at: number, title: string, date: string) {
		return withAppAt(
			store,
			() => at,
			async (app) => {
				const created = await app.conferences.create(
					conferenceDetails({ title, startDate: date, endDate: date })
				);
				if (!created.ok) throw new Error(JSON.stringify(created.error));
				return created.value.id;
			}
		);
	}

	async function conferenceIds(store: Store): Promise<string[]> {
		return (await store.rows<{ id: string }>('SELECT id FROM conferences')).map((r) => r.id);
	}

	function tag(): string {
		return randomBytes(4).toString('hex');
	}

	/** A server (not started yet) on a fresh database, and that database. */
	async function server(env: Record<string, string> = {}): Promise<TestServer & { store: Store }> {
		const store = await fresh();
		const started = Object.assign(serverOn(store, { env }), { store });
		servers.push(started);
		return started;
	}

	/** `npm run retention [-- args]` on a database, as an operator would run it. */
	function runRetention(
		store: Store,
		args: string[],
		env: Record<string, string>
	): Promise<{ code: number | null; stdout: string; stderr: string }> {
		return new Promise((resolve) => {
			const child = spawn('npm', ['run', '--silent', 'retention', '--', ...args], {
				cwd: root,
				env: {
					PATH: process.env.PATH ?? '/usr/bin:/bin',
					HOME: process.env.HOME ?? '/tmp',
					...store.env,
					LOG_LEVEL: 'info',
					...env
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			child.once('exit', (code) => resolve({ code, stdout, stderr }));
		});
	}

	describe('at start-up', () => {
		it('keeps a conference created today with dates in 2010, across restarts', async () => {
			const test = await server();
			const id = await seedAt(test.store, Date.now(), `Sigtuna 2010 ${tag()}`, '2010-05-06');
			await test.start();
			await test.restart();
			await test.restart('SIGKILL');
			expect(await conferenceIds(test.store)).toEqual([id]);
			expect(test.logs().filter((l) => l.event.startsWith('retention.'))).toEqual([]);
			// SQLite's free pages are scrubbed once, at the first start only; PostgreSQL has no such
			// pass (each deletion VACUUMs the tables that held it: tests/postgres/deletion.test.ts).
			expect(test.logs().filter((l) => l.event === 'db.scrubbed')).toHaveLength(
				engine.name === 'SQLite' ? 1 : 0
			);
		});

		it('deletes a conference idle for longer than RETENTION_DAYS whatever its dates, and logs its id, never its title', async () => {
			const test = await server({ RETENTION_DAYS: '30' });
			const title = `IDLE-TITLE-${tag()}`;
			const idle = await seedAt(test.store, Date.now() - 40 * day, title, '2099-01-01');
			const active = await seedAt(test.store, Date.now() - 2 * day, 'Active', '2010-01-01');
			await test.start();
			const deleted = await test.waitForLog('retention.deleted');
			expect(deleted).toMatchObject({ conferenceId: idle });
			expect(await conferenceIds(test.store)).toEqual([active]);
			expect(test.output).not.toContain(title);
		});
	});

	describe('npm run retention', () => {
		it('--dry-run says what would go and deletes nothing; without it, deletes and logs each one', async () => {
			const store = await fresh();
			const title = `IDLE-TITLE-${tag()}`;
			const idle = await seedAt(store, Date.now() - 40 * day, title, '2099-01-01');
			const active = await seedAt(store, Date.now() - 2 * day, 'Active', '2010-01-01');
			const env = { RETENTION_DAYS: '30' };

			// The dry run reads while the server runs (here with automatic deletion off).
			const running = serverOn(store, { env: { RETENTION_DAYS: 'off' } });
			servers.push(running);
			await running.start();
			const dry = await runRetention(store, ['--dry-run'], env);
			expect(dry.code, dry.stderr).toBe(0);
			expect(dry.stdout).toContain(idle);
			expect(dry.stdout).not.toContain(active);
			expect((await conferenceIds(store)).sort()).toEqual([idle, active].sort());
			expect(running.running).toBe(true);
			if (engine.name === 'SQLite') {
				// Deleting needs the server stopped: two processes on one file would overwrite each other.
				const refused = await runRetention(store, [], env);
				expect(refused.code).not.toBe(0);
				expect(refused.stderr).toContain('another Samråd process is using the database');
				expect((await conferenceIds(store)).sort()).toEqual([idle, active].sort());
			}
			// (On PostgreSQL the script is one more process under the servers' advisory lock; without
			// Redis a running server would not hear of the deletion, so it is stopped here too.)
			await running.stop();

			const real = await runRetention(store, [], env);
			expect(real.code, real.stderr).toBe(0);
			expect(await conferenceIds(store)).toEqual([active]);
			const lines = real.stdout
				.split('\n')
				.filter((line) => line.startsWith('{'))
				.map((line) => JSON.parse(line) as { event: string; conferenceId?: string });
			expect(lines.filter((l) => l.event === 'retention.deleted')).toMatchObject([
				{ conferenceId: idle }
			]);
			expect(real.stdout + real.stderr).not.toContain(title);
		});

		it('refuses an unknown option, and deletes nothing', async () => {
			const store = await fresh();
			const idle = await seedAt(store, Date.now() - 40 * day, 'Idle', '2099-01-01');
			const run = await runRetention(store, ['--dryrun'], { RETENTION_DAYS: '30' });
			expect(run.code).not.toBe(0);
			expect(run.stderr).toContain('--dryrun');
			expect(await conferenceIds(store)).toEqual([idle]);
		});
	});

	describe('keeping a conference for good', () => {
		it('is refused to an organiser who may not (even the owner), even with a crafted request', async () => {
			const test = await server();
			const id = await seedAt(test.store, Date.now(), `Keep me ${tag()}`, '2026-05-06');
			const cookies = await withStoreApp(test.store, async (app) => {
				const cookie = async (username: string, admin: boolean) => {
					const organiser = await createOrganiser(
						app.stores.organisers,
						{ username, displayName: username, password: 'a long enough password', admin },
						Date.now()
					);
					// The conference is the second account's own: owning it is not enough to keep it.
					if (!admin) await app.stores.organisers.setTie(id, organiser.id, 'owner', Date.now());
					return `samrad_organiser=${await startOrganiserSession(app.stores, organiser.id, Date.now())}`;
				};
				// The first account set the server up and administers it; the second was added later.
				return { first: await cookie('first', true), second: await cookie('second', false) };
			});
			await test.start();
			const keep = (cookie: string) =>
				fetch(`${test.url}/organiser?/keep`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						// A plain form post, as a browser without JavaScript sends it.
						accept: 'text/html',
						origin: test.url,
						cookie: `${cookie}; samrad_lang=en`,
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ conferenceId: id }).toString()
				});
			const kept = async () =>
				(
					await test.store.rows<{ kept: number }>(
						'SELECT retention_kept AS kept FROM conferences WHERE id = ?',
						[id]
					)
				)[0]!.kept;
			const refused = await keep(cookies.second);
			expect(refused.status).toBe(403);
			expect(await kept()).toBe(0);
			const allowed = await keep(cookies.first);
			expect(allowed.status).toBe(200);
			expect(await kept()).toBe(1);
		});
	});
}
