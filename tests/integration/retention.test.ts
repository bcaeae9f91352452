/**
 * Retention never deletes a conference in use: it counts from the last activity, never from
 * the dates an organiser typed. Every deletion is logged by id (never by title); a dry run
 * deletes nothing; only the organiser who may keep conferences for good can do so.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '$lib/server/app';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { setConferenceTie } from '$lib/server/db/organisers';
import { withApp } from './helpers/conference';
import { freshDir, root, TestServer } from './helpers/server';
import { readDb } from './helpers/session';

const day = 86_400_000;
const servers: TestServer[] = [];

afterEach(async () => {
	for (const server of servers.splice(0)) await server.dispose();
});

/** Runs `fn` on the app with every service reading the given clock (a fake "now"). */
function withAppAt<T>(databasePath: string, clock: () => number, fn: (app: App) => T) {
	return withApp(databasePath, fn, clock);
}

/** A conference recorded at `at` (its sessions' activity is covered by the unit tests). */
async function seedAt(databasePath: string, at: number, title: string, date: string) {
	return withAppAt(
		databasePath,
		() => at,
		async (app) => {
			const created = await app.conferences.create({
				title,
				subtitle: '',
				venue: 'Sigtuna',
				startDate: date,
				endDate: date,
				about: '',
				introduction: '',
				organisation: '',
				author: '',
				introductionBy: '',
				language: 'nb',
				languages: ['nb']
			});
			if (!created.ok) throw new Error(JSON.stringify(created.error));
			return created.value.id;
		}
	);
}

function conferenceIds(databasePath: string): string[] {
	return readDb(databasePath, (db) =>
		(db.prepare('SELECT id FROM conferences').all() as { id: string }[]).map((r) => r.id)
	);
}

function tag(): string {
	return randomBytes(4).toString('hex');
}

async function server(env: Record<string, string> = {}): Promise<TestServer> {
	const started = new TestServer({ env });
	servers.push(started);
	return started;
}

/** `npm run retention [-- args]` on a database, as an operator would run it. */
function runRetention(
	databasePath: string,
	args: string[],
	env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', 'retention', '--', ...args], {
			cwd: root,
			env: {
				PATH: process.env.PATH ?? '/usr/bin:/bin',
				HOME: process.env.HOME ?? '/tmp',
				DATABASE_PATH: databasePath,
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
		const id = await seedAt(test.databasePath, Date.now(), `Sigtuna 2010 ${tag()}`, '2010-05-06');
		await test.start();
		await test.restart();
		await test.restart('SIGKILL');
		expect(conferenceIds(test.databasePath)).toEqual([id]);
		expect(test.logs().filter((l) => l.event.startsWith('retention.'))).toEqual([]);
		// Free pages are scrubbed once, at the first start only.
		expect(test.logs().filter((l) => l.event === 'db.scrubbed')).toHaveLength(1);
	});

	it('deletes a conference idle for longer than RETENTION_DAYS whatever its dates, and logs its id, never its title', async () => {
		const test = await server({ RETENTION_DAYS: '30' });
		const title = `IDLE-TITLE-${tag()}`;
		const idle = await seedAt(test.databasePath, Date.now() - 40 * day, title, '2099-01-01');
		const active = await seedAt(test.databasePath, Date.now() - 2 * day, 'Active', '2010-01-01');
		await test.start();
		const deleted = await test.waitForLog('retention.deleted');
		expect(deleted).toMatchObject({ conferenceId: idle });
		expect(conferenceIds(test.databasePath)).toEqual([active]);
		expect(test.output).not.toContain(title);
	});
});

describe('npm run retention', () => {
	it('--dry-run says what would go and deletes nothing; without it, deletes and logs each one', async () => {
		const databasePath = join(freshDir('retention'), 'samrad.sqlite');
		const title = `IDLE-TITLE-${tag()}`;
		const idle = await seedAt(databasePath, Date.now() - 40 * day, title, '2099-01-01');
		const active = await seedAt(databasePath, Date.now() - 2 * day, 'Active', '2010-01-01');
		const env = { RETENTION_DAYS: '30' };

		// The dry run reads while the server runs (here with automatic deletion off).
		const running = new TestServer({ databasePath, env: { RETENTION_DAYS: 'off' } });
		servers.push(running);
		await running.start();
		const dry = await runRetention(databasePath, ['--dry-run'], env);
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(idle);
		expect(dry.stdout).not.toContain(active);
		expect(conferenceIds(databasePath).sort()).toEqual([idle, active].sort());
		expect(running.running).toBe(true);
		// Deleting needs the server stopped: two processes on one file would overwrite each other.
		const refused = await runRetention(databasePath, [], env);
		expect(refused.code).not.toBe(0);
		expect(refused.stderr).toContain('another Samråd process is using the database');
		expect(conferenceIds(databasePath).sort()).toEqual([idle, active].sort());
		await running.stop();

		const real = await runRetention(databasePath, [], env);
		expect(real.code, real.stderr).toBe(0);
		expect(conferenceIds(databasePath)).toEqual([active]);
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
		const databasePath = join(freshDir('retention'), 'samrad.sqlite');
		const idle = await seedAt(databasePath, Date.now() - 40 * day, 'Idle', '2099-01-01');
		const run = await runRetention(databasePath, ['--dryrun'], { RETENTION_DAYS: '30' });
		expect(run.code).not.toBe(0);
		expect(run.stderr).toContain('--dryrun');
		expect(conferenceIds(databasePath)).toEqual([idle]);
	});
});

describe('keeping a conference for good', () => {
	it('is refused to an organiser who may not (even the owner), even with a crafted request', async () => {
		const test = await server();
		const id = await seedAt(test.databasePath, Date.now(), `Keep me ${tag()}`, '2026-05-06');
		const cookies = await withApp(test.databasePath, async (app) => {
			const cookie = async (username: string, admin: boolean) => {
				const organiser = await createOrganiser(
					app.stores.organisers,
					{ username, displayName: username, password: 'a long enough password', admin },
					Date.now()
				);
				// The conference is the second account's own: owning it is not enough to keep it.
				if (!admin) setConferenceTie(app.db, id, organiser.id, 'owner', Date.now());
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
		const kept = () =>
			readDb(
				test.databasePath,
				(db) =>
					(
						db.prepare('SELECT retention_kept AS kept FROM conferences WHERE id = ?').get(id) as {
							kept: number;
						}
					).kept
			);
		const refused = await keep(cookies.second);
		expect(refused.status).toBe(403);
		expect(kept()).toBe(0);
		const allowed = await keep(cookies.first);
		expect(allowed.status).toBe(200);
		expect(kept()).toBe(1);
	});
});
