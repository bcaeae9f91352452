/**
 * npm run retention [-- --dry-run]: automatic deletion once, now, on DATABASE_PATH with
 * RETENTION_DAYS. --dry-run opens the database read-only, prints what would be deleted and
 * deletes nothing (safe while the server runs). Without it, the server must not be running.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isoDay } from '$lib/domain/retention';
import { createApp, databaseFile } from '$lib/server/app';
import { lockDatabase, unlockDatabase } from '$lib/server/db/lock';
import { createSqliteStores } from '$lib/server/db/stores';
import { ConfigError, readConfig } from '$lib/server/config';
import { describeError, setLogLevel } from '$lib/server/log';
import { applyRetention, planRetention } from '$lib/server/retention';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = 'Usage: npm run retention [-- --dry-run]';

function fail(message: string, code = 1): never {
	console.error(`Samråd retention: ${message}`);
	process.exit(code);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) fail(`unknown option ${unknown.join(' ')}. ${usage}`, 64);
const dryRun = args.includes('--dry-run');

let config;
try {
	config = readConfig();
} catch (error) {
	if (error instanceof ConfigError) fail(`configuration error in ${error.message}`, 78);
	throw error;
}
setLogLevel(config.logLevel);
const days = config.retentionDays;
if (config.databasePath === ':memory:') fail('DATABASE_PATH is :memory:, there is nothing to do.');
const path = databaseFile(root, config.databasePath);
if (!existsSync(path)) fail(`no database at ${path} (set DATABASE_PATH).`);
if (days === null) {
	console.log('Samråd retention: RETENTION_DAYS is off, nothing is deleted.');
	process.exit(0);
}

const now = Date.now();
if (dryRun) {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	let plan;
	try {
		db.pragma('busy_timeout = 5000');
		plan = await planRetention(createSqliteStores(db), days, now);
	} catch (error) {
		fail(`cannot read ${path}: ${describeError(error)} (start the server once to update it).`);
	} finally {
		db.close();
	}
	console.log(
		`Samråd retention, dry run (RETENTION_DAYS=${days}): would delete ${plan.conferences.length} conference(s) and ${plan.sessions.length} stand-alone session(s); nothing is deleted.`
	);
	for (const c of plan.conferences)
		console.log(`  conference ${c.id}  last activity ${isoDay(c.lastActivity)}  "${c.title}"`);
	for (const s of plan.sessions)
		console.log(`  session ${s.id}  last activity ${isoDay(s.lastActivity)}`);
} else {
	let app;
	try {
		// The server's own start-once lock: deleting while it runs would fight its cached state.
		lockDatabase(path);
		app = await createApp(config, root);
	} catch (error) {
		fail(describeError(error));
	}
	try {
		const deleted = await applyRetention(app, now);
		if (deleted === null) fail('another process is applying retention right now; try again later.');
		console.log(
			`Samråd retention (RETENTION_DAYS=${days}): deleted ${deleted.conferences} conference(s) and ${deleted.sessions} stand-alone session(s).`
		);
	} finally {
		app.db.close();
		unlockDatabase(path);
	}
}
