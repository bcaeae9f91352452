/**
 * npm run backup: an online backup of the database with SQLite's backup API. Safe while the
 * server runs (WAL): the copy is a consistent snapshot. Usage: npm run backup [-- <target file>]
 */
import Database from 'better-sqlite3';
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
	if (config.databasePath === ':memory:') {
		console.error('Samråd backup: DATABASE_PATH is :memory:, there is nothing on disk to back up.');
		process.exit(1);
	}
	const source = databaseFile(root, config.databasePath);
	if (!existsSync(source)) {
		console.error(`Samråd backup: no database at ${source} (set DATABASE_PATH).`);
		process.exit(1);
	}
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const target = resolve(process.argv[2] ?? join(root, 'backups', `samrad-${stamp}.sqlite`));
	if (existsSync(target)) {
		console.error(`Samråd backup: ${target} exists already; choose another file.`);
		process.exit(1);
	}
	mkdirSync(dirname(target), { recursive: true });
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

await main();
