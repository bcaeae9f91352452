/**
 * `npm run migrate-store -- --from sqlite:<file> --to postgres://…` copies an installation's
 * whole data store (not the organiser's redacted archive): a SQLite file with a played
 * conference and a stand-alone session, copied as a real process, is served by the app on
 * PostgreSQL with the same report, the same views and the same sign-in; a target that holds
 * data is refused and left as it was unless --replace is given.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createPostgresApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { readChoices, exportFile } from '$lib/server/report/export';
import { projectRoot, seedPlayedDemo, tempApp } from '$lib/server/report/test-conference';
import { freshDatabase } from './databases';

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const script = join(projectRoot, 'scripts', 'migrate-store.ts');

let source: Awaited<ReturnType<typeof tempApp>>;
let conferenceId: string;
let sessionIds: string[];
const targets: Awaited<ReturnType<typeof freshDatabase>>[] = [];
const apps: ServerApp[] = [];

function migrateStore(...args: string[]) {
	const result = spawnSync(tsx, [script, ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' }
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

async function target() {
	const database = await freshDatabase();
	targets.push(database);
	return database;
}

async function postgresApp(url: string): Promise<ServerApp> {
	const config = readConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
	const app = await createPostgresApp({ ...config, databaseUrl: url }, projectRoot);
	apps.push(app);
	return app;
}

const now = new Date('2026-06-01T12:00:00Z');
const report = async (app: Parameters<typeof exportFile>[0], format: string) =>
	(await exportFile(app, conferenceId, readChoices(new URLSearchParams({ format })), { now }))
		?.body;

beforeAll(async () => {
	source = await tempApp('migrate-store');
	conferenceId = (await seedPlayedDemo(source.app, { lang: 'sv' })).id;
	sessionIds = await source.app.stores.sessions.listIds();
	source.app.db.close();
}, 120_000);

afterAll(async () => {
	await Promise.all(apps.map((app) => app.storage.close()));
	for (const database of targets) await database.drop();
	source?.close();
});

describe('npm run migrate-store', () => {
	it('copies a played conference so that PostgreSQL serves the same report and views', async () => {
		const database = await target();
		const copied = migrateStore('--from', `sqlite:${source.path}`, '--to', database.url);
		expect(copied.err).toBe('');
		expect(copied.code).toBe(0);
		// Counts per table, checked on both sides after the copy.
		expect(copied.out).toMatch(/session_events\s+\d+ rows\s+ok/);
		expect(copied.out).toMatch(/conference_participants\s+\d+ rows\s+ok/);

		const copy = await postgresApp(database.url);
		const reopened = await createApp(
			readConfig({ DATABASE_PATH: source.path, LOG_LEVEL: 'silent' }),
			projectRoot
		);
		try {
			expect(copy.secret).toBe(reopened.secret);
			for (const format of ['csv', 'html', 'markdown']) {
				const [before, after] = [await report(reopened, format), await report(copy, format)];
				expect(before, format).toBeTruthy();
				expect(after, format).toEqual(before);
			}
			expect(await copy.conferences.get(conferenceId)).toEqual(
				await reopened.conferences.get(conferenceId)
			);
			expect(await copy.stores.sessions.listIds()).toEqual(sessionIds);
			for (const id of sessionIds) {
				expect((await copy.sessions.get(id))?.state, id).toEqual(
					(await reopened.sessions.get(id))?.state
				);
			}
			const conference = await reopened.conferences.get(conferenceId);
			expect(await copy.stores.deviceBindings.list(conferenceId)).toEqual(
				await reopened.stores.deviceBindings.list(conference!.id)
			);
		} finally {
			reopened.db.close();
		}
	}, 120_000);

	it('refuses a target that holds data, leaving it as it was, unless told to replace it', async () => {
		const database = await target();
		expect(migrateStore('--from', `sqlite:${source.path}`, '--to', database.url).code).toBe(0);
		const app = await postgresApp(database.url);
		await app.stores.settings.write('marker', 'kept');

		const refused = migrateStore('--from', `sqlite:${source.path}`, '--to', database.url);
		expect(refused.code).not.toBe(0);
		expect(refused.err).toMatch(/not empty.*--replace/s);
		expect(await app.stores.settings.read('marker')).toBe('kept');

		const replaced = migrateStore(
			'--from',
			`sqlite:${source.path}`,
			'--to',
			database.url,
			'--replace'
		);
		expect(replaced.err).toBe('');
		expect(replaced.code).toBe(0);
		expect(await app.stores.settings.read('marker')).toBeNull();
		expect(await app.stores.sessions.listIds()).toEqual(sessionIds);
	}, 120_000);

	it('refuses a SQLite file at another schema version, writing nothing', async () => {
		const older = join(dirname(source.path), 'older.sqlite');
		copyFileSync(source.path, older);
		const file = new Database(older);
		const version = file.pragma('user_version', { simple: true }) as number;
		file.pragma(`user_version = ${version - 1}`);
		file.close();
		const database = await target();
		const refused = migrateStore('--from', `sqlite:${older}`, '--to', database.url);
		expect(refused.code).not.toBe(0);
		expect(refused.err).toContain(`schema version ${version - 1}`);
		const app = await postgresApp(database.url);
		expect(await app.stores.sessions.listIds()).toEqual([]);
		expect(await app.stores.conferences.list()).toEqual([]);
	}, 120_000);

	it('refuses a source that is not a SQLite file, and an unknown option, saying how to use it', () => {
		const missing = migrateStore(
			'--from',
			'sqlite:/nonexistent/samrad.sqlite',
			'--to',
			'postgres://x'
		);
		expect(missing.code).not.toBe(0);
		expect(missing.err).toMatch(/\/nonexistent\/samrad\.sqlite/);
		const unknown = migrateStore(
			'--from',
			`sqlite:${source.path}`,
			'--to',
			'postgres://x',
			'--fast'
		);
		expect(unknown.code).toBe(64);
		expect(unknown.err).toMatch(/Usage: npm run migrate-store/);
	});
});
