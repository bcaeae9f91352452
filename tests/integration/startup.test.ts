/** Start-up refuses bad configuration and databases it cannot safely use, with clear messages. */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDir, root, runUntilExit, startServer } from './helpers/server';

const dir = freshDir('startup');
const latestVersion = readdirSync(join(root, 'db', 'migrations')).filter((f) =>
	f.endsWith('.sql')
).length;

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('configuration', () => {
	it('starts with a good configuration (the control for the cases below)', async () => {
		const exit = await runUntilExit({
			DATABASE_PATH: join(dir, 'good.sqlite'),
			PUBLIC_ORIGIN: 'https://samrad.example.org/',
			SESSION_SECRET: 's'.repeat(32),
			LOG_LEVEL: 'INFO',
			TRUST_PROXY: 'yes'
		});
		expect(exit.listened, exit.stdout + exit.stderr).toBe(true);
		expect(exit.code).toBe(0);
	});

	const bad: [variable: string, value: string][] = [
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '-1'],
		['HOST', 'bad host!'],
		['PUBLIC_ORIGIN', 'ftp://x'],
		['PUBLIC_ORIGIN', 'not a url'],
		['PUBLIC_ORIGIN', 'https://samrad.example.org/path'],
		['SESSION_SECRET', 'too-short'],
		['LOG_LEVEL', 'loud'],
		['TRUST_PROXY', 'maybe']
	];

	it.each(bad)('stops on %s=%s with a message naming the variable', async (variable, value) => {
		const databasePath = join(dir, `${variable}-${value.replace(/\W/g, '_')}.sqlite`);
		const exit = await runUntilExit({ DATABASE_PATH: databasePath, [variable]: value });
		expect(exit.listened).toBe(false);
		expect(exit.code).not.toBe(0);
		expect(exit.code).toBe(78);
		expect(exit.stderr).toContain(`Samråd cannot start: configuration error in ${variable}:`);
		// Nothing is touched before the configuration is known to be good.
		expect(existsSync(databasePath)).toBe(false);
	});
});

describe('database', () => {
	it('refuses a database from a newer Samråd, and leaves it alone', async () => {
		const path = join(dir, 'newer.sqlite');
		const db = new Database(path);
		db.exec('CREATE TABLE from_the_future (x TEXT)');
		db.pragma(`user_version = ${latestVersion + 7}`);
		db.close();

		const exit = await runUntilExit({ DATABASE_PATH: path });
		expect(exit.listened).toBe(false);
		expect(exit.code).toBe(1);
		expect(exit.stderr).toContain(
			`Samråd cannot start: the database is at schema version ${latestVersion + 7}, newer than this version of Samråd knows (${latestVersion})`
		);

		const after = new Database(path, { readonly: true });
		expect(after.pragma('user_version', { simple: true })).toBe(latestVersion + 7);
		const tables = after
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.all() as { name: string }[];
		after.close();
		expect(tables.map((t) => t.name)).toEqual(['from_the_future']);
	});

	it('migrates a database from an older Samråd on start', async () => {
		const path = join(dir, 'older.sqlite');
		const db = new Database(path);
		db.exec(readFileSync(join(root, 'db', 'migrations', '0001_foundation.sql'), 'utf8'));
		db.pragma('user_version = 1');
		db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('kept', 'yes');
		db.close();

		const server = await startServer({ databasePath: path });
		try {
			const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
				schemaVersion: number;
			};
			expect(health.schemaVersion).toBe(latestVersion);
			expect(server.logs().find((l) => l.event === 'db.migrated')).toMatchObject({
				from: 1,
				to: latestVersion
			});
		} finally {
			await server.dispose();
		}
		const after = new Database(path, { readonly: true });
		expect(after.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({
			value: 'yes'
		});
		after.close();
	});

	it('stops with a clear message when the database path is not a file', async () => {
		const exit = await runUntilExit({ DATABASE_PATH: dir });
		expect(exit.listened).toBe(false);
		expect(exit.code).toBe(1);
		expect(exit.stderr).toContain('Samråd cannot start:');
	});
});
