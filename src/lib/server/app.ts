import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { InProcessChangeBus, type ChangeBus } from './change-bus';
import type { Config } from './config';
import { migrate, openDatabase, readMigrations, schemaVersion, type Db } from './db/database';
import { readSetting, writeSetting } from './db/settings';
import { log } from './log';
import { ConferenceService } from './conferences';
import { createLimiters, type Limiters } from './rate-limit';
import { SessionService } from './sessions';

/** Everything one running Samråd holds: configuration, database and services. */
export interface App {
	config: Config;
	/** Project root (db/migrations lives under it). */
	root: string;
	db: Db;
	/** Secret for participant tokens. */
	secret: string;
	startedAt: number;
	sessions: SessionService;
	conferences: ConferenceService;
	/** Committed changes, for the live views: services publish, realtime subscribes. */
	bus: ChangeBus;
	/** Abuse limits shared by sockets and pages. */
	limiters: Limiters;
	/** Origin phones should use (public origin, else LAN address); set once the port is known. */
	joinOrigin: string | null;
}

/** Resolves DATABASE_PATH against the project root, leaving :memory: alone. */
export function databaseFile(root: string, path: string): string {
	return path === ':memory:' || isAbsolute(path) ? path : resolve(root, path);
}

function ensureSecret(db: Db, configured: string | null): string {
	if (configured) return configured;
	const stored = readSetting(db, 'session_secret');
	if (stored) return stored;
	const secret = randomBytes(32).toString('base64url');
	writeSetting(db, 'session_secret', secret);
	log.info('secret.generated');
	return secret;
}

/** Opens and migrates the database and builds the services. Throws MigrationError. */
export function createApp(config: Config, root: string): App {
	const db = openDatabase(databaseFile(root, config.databasePath));
	try {
		const { from, to } = migrate(db, readMigrations(join(root, 'db', 'migrations')));
		if (from !== to) log.info('db.migrated', { from, to });
	} catch (error) {
		db.close();
		throw error;
	}
	const secret = ensureSecret(db, config.sessionSecret);
	log.info('db.opened', {
		schemaVersion: schemaVersion(db),
		memory: config.databasePath === ':memory:'
	});
	const app: App = {
		config,
		root,
		db,
		secret,
		startedAt: Date.now(),
		sessions: new SessionService(db, secret),
		conferences: null as unknown as ConferenceService,
		bus: new InProcessChangeBus(),
		limiters: createLimiters(config.rateLimits),
		joinOrigin: config.publicOrigin
	};
	app.conferences = new ConferenceService(app);
	return app;
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
