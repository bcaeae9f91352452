/**
 * `npm run retention` and `npm run migrate-store` into a live database refuse while any Samråd
 * server runs on that PostgreSQL database: servers hold sessions in memory that a script's
 * deletion or copy would leave stale. Every server process holds its share of a lock for as long
 * as it serves; once the last one stops, the scripts run.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '$lib/server/report/test-conference';
import { freshDir, startServer, type TestServer } from '../integration/helpers/server';
import { freshDatabase } from './databases';

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: TestServer | null = null;
let sqliteFile: string;

function script(name: string, args: string[] = [], env: Record<string, string> = {}) {
	const result = spawnSync(tsx, [join(projectRoot, 'scripts', `${name}.ts`), ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env }
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

const retention = () =>
	script('retention', [], { DATABASE_URL: database.url, RETENTION_DAYS: '30', LOG_LEVEL: 'warn' });
const migrateStore = () =>
	script('migrate-store', ['--from', `sqlite:${sqliteFile}`, '--to', database.url, '--replace']);

beforeAll(async () => {
	database = await freshDatabase();
	// An empty SQLite file: enough for migrate-store to reach its target.
	sqliteFile = join(freshDir('exclusive-scripts'), 'empty.sqlite');
	new Database(sqliteFile).close();
	server = await startServer({ env: { DATABASE_URL: database.url, WORKERS: '1' } });
});

afterAll(async () => {
	await server?.dispose();
	await database?.drop();
});

describe('scripts that must run alone on PostgreSQL', () => {
	it('refuse while a server runs, naming why, and change nothing', async () => {
		const deleting = retention();
		expect(deleting.code, deleting.out + deleting.err).toBe(1);
		expect(deleting.err).toMatch(/a Samråd server is running on this database/);
		const copying = migrateStore();
		expect(copying.code, copying.out + copying.err).toBe(1);
		expect(copying.err).toMatch(/a Samråd server is running on this database/);
		// The server still serves what it had.
		const health = await fetch(`${server!.url}/api/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Etter', questions: ['Hva nå?'], language: 'nb' })
		});
		expect(health.status).toBe(201);
	});

	it('run once the last server has stopped', async () => {
		await server?.dispose();
		server = null;
		const deleting = retention();
		expect(deleting.code, deleting.out + deleting.err).toBe(0);
		expect(deleting.out).toMatch(/deleted 0 conference\(s\) and 0 stand-alone session\(s\)/);
	});
});
