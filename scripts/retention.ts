/**
 * npm run retention [-- --dry-run]: automatic deletion once, now, on DATABASE_URL (PostgreSQL)
 * or else DATABASE_PATH, with RETENTION_DAYS. --dry-run only reads, prints what would be deleted
 * and deletes nothing (safe while the server runs). Without it the servers must not be running:
 * on SQLite the file's lock says so, on PostgreSQL the lock every server holds while it serves.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isoDay } from '$lib/domain/retention';
import { createApp, createPostgresApp, databaseFile, type ServerApp } from '$lib/server/app';
import { lockDatabase, unlockDatabase } from '$lib/server/db/lock';
import { aloneOnDatabase, ServersRunning } from '$lib/server/db/postgres/running';
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

/** The plan printed by --dry-run. */
function printPlan(plan: Awaited<ReturnType<typeof planRetention>>): void {
	console.log(
		`Samråd retention, dry run (RETENTION_DAYS=${days}): would delete ${plan.conferences.length} conference(s) and ${plan.sessions.length} stand-alone session(s); nothing is deleted.`
	);
	for (const c of plan.conferences)
		console.log(`  conference ${c.id}  last activity ${isoDay(c.lastActivity)}  "${c.title}"`);
	for (const s of plan.sessions)
		console.log(`  session ${s.id}  last activity ${isoDay(s.lastActivity)}`);
}

/** Deletes what is due now and says how much. */
async function apply(app: ServerApp, now: number): Promise<void> {
	const deleted = await applyRetention(app, now);
	if (deleted === null) fail('another process is applying retention right now; try again later.');
	console.log(
		`Samråd retention (RETENTION_DAYS=${days}): deleted ${deleted.conferences} conference(s) and ${deleted.sessions} stand-alone session(s).`
	);
}

// PostgreSQL (DATABASE_URL), never a SQLite file that may lie next to it from before a move.
const { databaseUrl } = config;
if (databaseUrl !== null) {
	if (days === null) {
		console.log('Samråd retention: RETENTION_DAYS is off, nothing is deleted.');
		process.exit(0);
	}
	let app;
	try {
		app = await createPostgresApp({ ...config, databaseUrl }, root);
	} catch (error) {
		fail(describeError(error));
	}
	try {
		if (dryRun) printPlan(await planRetention(app.stores, days, Date.now()));
		// Servers hold sessions in memory that this process cannot tell about a deletion: their own
		// timers apply the same retention; this one runs only with every server stopped.
		else await aloneOnDatabase(databaseUrl, () => apply(app, Date.now()));
	} catch (error) {
		if (error instanceof ServersRunning)
			fail(
				`${error.message}, or let the servers' own timer delete (at start and every six hours).`
			);
		throw error;
	} finally {
		await app.storage.close();
	}
	process.exit(0);
}
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
	printPlan(plan);
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
		await apply(app, now);
	} finally {
		app.db.close();
		unlockDatabase(path);
	}
}
