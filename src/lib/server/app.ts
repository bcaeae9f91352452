import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { InProcessChangeBus, type ChangeBus } from './change-bus';
import type { Config } from './config';
import { migrate, openDatabase, readMigrations, type Db } from './db/database';
import { createSqliteStores } from './db/stores';
import { log } from './log';
import { ConferenceService } from './conferences';
import { createLimiters, memoryLimiterStore, type Limiters } from './rate-limit';
import { SessionService } from './sessions';
import type { Stores } from './stores';

/**
 * Everything one running Samråd holds: configuration, database and services, built once by
 * createApp (only the phones' origin is learnt later, when the port is known).
 */
export interface App {
	readonly config: Config;
	/** Project root (db/migrations lives under it). */
	readonly root: string;
	/** The SQLite connection: for boot (scrub, close) and tests only; services use `stores`. */
	readonly db: Db;
	/** Every store; services and routes reach storage through these. */
	readonly stores: Stores;
	/** Secret for participant tokens. */
	readonly secret: string;
	/** The clock every service reads (ms since epoch). */
	readonly clock: () => number;
	readonly startedAt: number;
	readonly sessions: SessionService;
	readonly conferences: ConferenceService;
	/** Committed changes, for the live views: services publish, realtime subscribes. */
	readonly bus: ChangeBus;
	/** Abuse limits shared by sockets and pages. */
	readonly limiters: Limiters;
	/** Origin phones should use (public origin, else LAN address); set once the port is known. */
	joinOrigin: string | null;
}

/** Resolves DATABASE_PATH against the project root, leaving :memory: alone. */
export function databaseFile(root: string, path: string): string {
	return path === ':memory:' || isAbsolute(path) ? path : resolve(root, path);
}

async function ensureSecret(stores: Stores, configured: string | null): Promise<string> {
	if (configured) return configured;
	const stored = await stores.settings.read('session_secret');
	if (stored) return stored;
	const secret = randomBytes(32).toString('base64url');
	await stores.settings.write('session_secret', secret);
	log.info('secret.generated');
	return secret;
}

/** What createApp may be given besides the configuration. */
export interface AppOptions {
	/** The clock every service reads; tests pass a fixed one. */
	clock?: () => number;
}

/**
 * Opens and migrates the database and builds the services, each with what it uses handed in.
 * Throws MigrationError.
 */
export async function createApp(
	config: Config,
	root: string,
	{ clock = Date.now }: AppOptions = {}
): Promise<App> {
	const db = openDatabase(databaseFile(root, config.databasePath));
	try {
		const { from, to } = migrate(db, readMigrations(join(root, 'db', 'migrations')));
		if (from !== to) log.info('db.migrated', { from, to });
	} catch (error) {
		db.close();
		throw error;
	}
	const stores = createSqliteStores(db);
	const secret = await ensureSecret(stores, config.sessionSecret);
	log.info('db.opened', {
		schemaVersion: await stores.schemaVersion(),
		memory: config.databasePath === ':memory:'
	});
	const bus = new InProcessChangeBus();
	const sessions = new SessionService({ stores, secret, bus, clock });
	return {
		config,
		root,
		db,
		stores,
		secret,
		clock,
		startedAt: clock(),
		sessions,
		conferences: new ConferenceService({ stores, sessions, bus, clock }),
		bus,
		limiters: createLimiters(config.rateLimits, memoryLimiterStore),
		joinOrigin: config.publicOrigin
	};
}

// One app per process, shared by the server entry, the Vite plugin and SvelteKit's own copy
// of these modules (the build bundles them separately).
const appKey = Symbol.for('samrad.app');
type Global = typeof globalThis & { [appKey]?: App };

export function registerApp(app: App): void {
	(globalThis as Global)[appKey] = app;
}

export function unregisterApp(): void {
	delete (globalThis as Global)[appKey];
}

/** The running app; throws if the server entry has not created it. */
export function useApp(): App {
	const app = (globalThis as Global)[appKey];
	if (!app) throw new Error('Samråd has not started: run it with npm start or npm run dev');
	return app;
}
