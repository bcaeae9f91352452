/**
 * `npm run backup` on PostgreSQL (DATABASE_URL): a pg_dump archive of the database, restored
 * with pg_restore into an empty database, serves the same sessions; it never writes a copy of
 * an unrelated SQLite file as if it were the backup.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { seedSession } from '$lib/server/db/store-contract';
import { projectRoot } from '$lib/server/report/test-conference';
import { freshDatabase } from './databases';

const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const folder = mkdtempSync(join(tmpdir(), 'samrad-pg-backup-'));
const databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
const apps: ServerApp[] = [];

afterAll(async () => {
	await Promise.all(apps.map((app) => app.storage.close()));
	for (const database of databases) await database.drop();
	rmSync(folder, { recursive: true, force: true });
});

async function appOn(url: string): Promise<ServerApp> {
	const config = readConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
	const app = await createPostgresApp({ ...config, databaseUrl: url }, projectRoot);
	apps.push(app);
	return app;
}

describe('npm run backup on PostgreSQL', () => {
	it('says so and writes nothing when pg_dump is not installed', async () => {
		const database = await freshDatabase();
		databases.push(database);
		const file = join(folder, 'never.dump');
		// A PATH with node (tsx needs it) but no PostgreSQL client.
		const bin = mkdtempSync(join(tmpdir(), 'samrad-no-pg-dump-'));
		symlinkSync(process.execPath, join(bin, 'node'));
		try {
			const backup = spawnSync(tsx, [join(projectRoot, 'scripts', 'backup.ts'), file], {
				cwd: projectRoot,
				encoding: 'utf8',
				env: { PATH: bin, HOME: process.env.HOME ?? '/tmp', DATABASE_URL: database.url }
			});
			expect(backup.status).not.toBe(0);
			expect(backup.stderr).toMatch(/pg_dump was not found/);
			expect(existsSync(file)).toBe(false);
		} finally {
			rmSync(bin, { recursive: true, force: true });
		}
	});

	it('writes a pg_dump archive that pg_restore brings back whole', async () => {
		const original = await freshDatabase();
		databases.push(original);
		const app = await appOn(original.url);
		const access = await seedSession(app.stores, 'backed-up');
		const file = join(folder, 'samrad.dump');
		const backup = spawnSync(tsx, [join(projectRoot, 'scripts', 'backup.ts'), file], {
			cwd: projectRoot,
			encoding: 'utf8',
			env: {
				PATH: process.env.PATH ?? '/usr/bin:/bin',
				HOME: process.env.HOME ?? '/tmp',
				DATABASE_URL: original.url,
				// Where a SQLite file would be: the backup must not be a copy of it.
				DATABASE_PATH: join(folder, 'unrelated.sqlite')
			}
		});
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		expect(backup.stdout).toMatch(/pg_dump/);
		expect(existsSync(file)).toBe(true);
		expect(existsSync(join(folder, 'unrelated.sqlite'))).toBe(false);

		const restored = await freshDatabase();
		databases.push(restored);
		const restore = spawnSync('pg_restore', ['--no-owner', '--dbname', restored.url, file], {
			encoding: 'utf8'
		});
		expect(restore.stderr).toBe('');
		expect(restore.status).toBe(0);
		const back = await appOn(restored.url);
		expect(back.secret).toBe(app.secret);
		expect(await back.stores.sessions.read(access.id)).toEqual(
			await app.stores.sessions.read(access.id)
		);
	}, 60_000);
});
