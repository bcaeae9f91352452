/**
 * npm run backup: an online backup of the database with SQLite's backup API. Safe while the
 * server runs (WAL): the copy is a consistent snapshot. Usage: npm run backup [-- <target file>]
 * With DATABASE_URL (PostgreSQL) it runs pg_dump (custom format, one consistent snapshot), which
 * must be installed; a PostgreSQL installation's regular backups remain its operator's.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseFile } from '../src/lib/server/app';
import { ConfigError, readConfig } from '../src/lib/server/config';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
	let config;
	try {
		config = readConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(`Samråd backup: configuration error in ${error.message}`);
			process.exit(78);
		}
		throw error;
	}
	if (config.databaseUrl !== null) return dumpPostgres(config.databaseUrl);
	if (config.databasePath === ':memory:') {
		console.error('Samråd backup: DATABASE_PATH is :memory:, there is nothing on disk to back up.');
		process.exit(1);
	}
	const source = databaseFile(root, config.databasePath);
	if (!existsSync(source)) {
		console.error(`Samråd backup: no database at ${source} (set DATABASE_PATH).`);
		process.exit(1);
	}
	const target = targetFile('sqlite');
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(target);
	} finally {
		db.close();
	}
	const copy = new Database(target, { readonly: true });
	const check = copy.pragma('integrity_check', { simple: true });
	const version = copy.pragma('user_version', { simple: true });
	copy.close();
	if (check !== 'ok') {
		console.error(`Samråd backup: the copy failed its integrity check (${String(check)}).`);
		process.exit(1);
	}
	console.log(
		`Samråd backup written to ${target} (schema version ${String(version)}, integrity ok).`
	);
}

/** The file named on the command line, or backups/samrad-<time>.<extension>; never an existing one. */
function targetFile(extension: string): string {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const target = resolve(process.argv[2] ?? join(root, 'backups', `samrad-${stamp}.${extension}`));
	if (existsSync(target)) {
		console.error(`Samråd backup: ${target} exists already; choose another file.`);
		process.exit(1);
	}
	mkdirSync(dirname(target), { recursive: true });
	return target;
}

/** pg_dump's custom format: restore with pg_restore --no-owner --dbname <empty database> <file>. */
function dumpPostgres(url: string): void {
	const target = targetFile('dump');
	const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', target, url], {
		encoding: 'utf8'
	});
	if (dump.error || dump.status !== 0) {
		console.error(
			dump.error
				? 'Samråd backup: DATABASE_URL is PostgreSQL and pg_dump was not found. Install the PostgreSQL client (Debian: apt-get install postgresql-client, the same major version as the server or newer), or back up the database with your own PostgreSQL tools.'
				: `Samråd backup: pg_dump failed (exit ${dump.status}):\n${dump.stderr}`
		);
		process.exit(1);
	}
	console.log(
		`Samråd backup written to ${target} by pg_dump (restore: pg_restore --no-owner --dbname <empty database> ${target}).`
	);
}

await main();
