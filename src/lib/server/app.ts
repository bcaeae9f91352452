import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isAbsolute, join, resolve } from 'node:path';
import { InProcessChangeBus, type Change, type ChangeBus } from './change-bus';
import type { Config } from './config';
import { migrate, openDatabase, readMigrations, type Db } from './db/database';
import { scrubFreePagesOnce } from './db/erasure';
import { migratePostgres, readPostgresMigrations } from './db/postgres/migrate';
import { loadPg, openPostgres } from './db/postgres/pool';
import { holdServersRunning } from './db/postgres/running';
import { createPostgresStores } from './db/postgres/stores';
import { createSqliteStores } from './db/stores';
import { log } from './log';
import { ConferenceService } from './conferences';
import { forgetThemeTexts } from './perspective';
import {
	createLimiters,
	memoryLimiterStore,
	openRedis,
	redisLimiterStore,
	type Limiters
} from './rate-limit';
import { loadRedisModules, presenceHere, RedisChangeBus, type Presence } from './realtime/cluster';
import { SessionService } from './sessions';
import type { Stores } from './stores';

/** What boot does with the database besides the stores. */
export interface Storage {
	readonly engine: 'sqlite' | 'postgres';
	/** Housekeeping once the server runs (SQLite: scrubs free pages once). */
	started(): void;
	close(): Promise<void>;
}

/**
 * Everything one running Samråd holds, on either engine: configuration, database and services, built once by
 * createApp (only the phones' origin is learnt later, when the port is known).
 */
export interface ServerApp {
	readonly config: Config;
	/** Project root (db/migrations lives under it). */
	readonly root: string;
	/** The engine's start-up housekeeping and closing, for boot only. */
	readonly storage: Storage;
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
	/** Phones online on other processes (none with one process). */
	readonly presence: Presence;
	/** Abuse limits shared by sockets and pages. */
	readonly limiters: Limiters;
	/** Origin phones should use (public origin, else LAN address); set once the port is known. */
	joinOrigin: string | null;
}

/** Samråd on its embedded SQLite file. */
export interface App extends ServerApp {
	/** The SQLite connection: for boot and tests only; services use `stores`. */
	readonly db: Db;
}

/** Resolves DATABASE_PATH against the project root, leaving :memory: alone. */
export function databaseFile(root: string, path: string): string {
	return path === ':memory:' || isAbsolute(path) ? path : resolve(root, path);
}

async function ensureSecret(stores: Stores, configured: string | null): Promise<string> {
	if (configured) return configured;
	const stored = await stores.settings.read('session_secret');
	if (stored) return stored;
	// Several processes may start on an empty database at once: the first stored secret wins.
	const generated = randomBytes(32).toString('base64url');
	const secret = await stores.settings.claim('session_secret', generated);
	if (secret === generated) log.info('secret.generated');
	return secret;
}

/** The storage, closing the Redis connection of the shared counters with it. */
function withRedis(storage: Storage, redis: Redis): Storage {
	return {
		...storage,
		close: async () => {
			await redis.quit().catch(() => redis.disconnect());
			await storage.close();
		}
	};
}

/** Another process committed a session: this process reads its copy again if older. */
async function freshen(sessions: SessionService, change: Change): Promise<void> {
	if (change.type !== 'session') return;
	if (change.deleted) sessions.evict(change.sessionId);
	else if (change.seq !== undefined) await sessions.refresh(change.sessionId, change.seq);
}

/**
 * This installation's namespace on Redis: REDIS_PREFIX, else one derived (one-way) from its
 * session secret, which every process of the installation shares and no other installation has.
 */
export function redisNamespace(config: Pick<Config, 'redisPrefix'>, secret: string): string {
	if (config.redisPrefix !== null) return config.redisPrefix;
	const id = createHash('sha256').update(`samrad redis namespace\u0000${secret}`).digest('hex');
	return `samrad:${id.slice(0, 16)}`;
}

/** What createApp may be given besides the configuration. */
export interface AppOptions {
	/** The clock every service reads; tests pass a fixed one. */
	clock?: () => number;
}

/** The services on these stores, each with what it uses handed in. */
async function assemble(
	config: Config,
	root: string,
	stores: Stores,
	storage: Storage,
	clock: () => number
): Promise<ServerApp> {
	const secret = await ensureSecret(stores, config.sessionSecret);
	log.info('db.opened', {
		engine: storage.engine,
		schemaVersion: await stores.schemaVersion(),
		memory: config.databaseUrl === null && config.databasePath === ':memory:'
	});
	const redis =
		config.redisUrl === null
			? null
			: await openRedis(config.redisUrl).catch(async (error: unknown) => {
					await storage.close();
					throw error;
				});
	// With Redis, a change committed by another process first freshens this one's copy.
	const bus: ChangeBus =
		config.redisUrl === null
			? new InProcessChangeBus()
			: new RedisChangeBus(
					await loadRedisModules(),
					config.redisUrl,
					(change): Promise<void> => freshen(sessions, change),
					redisNamespace(config, secret),
					config.presenceBeatSeconds * 1000
				);
	const sessions: SessionService = new SessionService({
		stores,
		secret,
		bus,
		clock,
		forgotten: (conferenceId, texts) =>
			forgetThemeTexts({ conferences, sessions, stores }, conferenceId, texts)
	});
	const conferences: ConferenceService = new ConferenceService({ stores, sessions, bus, clock });
	return {
		config,
		root,
		storage: redis === null ? storage : withRedis(storage, redis),
		stores,
		secret,
		clock,
		startedAt: clock(),
		sessions,
		conferences,
		bus,
		presence: bus instanceof RedisChangeBus ? bus : presenceHere,
		limiters: createLimiters(
			config.rateLimits,
			redis === null ? memoryLimiterStore : redisLimiterStore(redis, redisNamespace(config, secret))
		),
		joinOrigin: config.publicOrigin
	};
}

/**
 * Opens and migrates the SQLite file and builds the services, each with what it uses handed in.
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
	const storage: Storage = {
		engine: 'sqlite',
		started: () => scrubFreePagesOnce(db),
		close: async () => {
			db.close();
		}
	};
	return { ...(await assemble(config, root, createSqliteStores(db), storage, clock)), db };
}

/**
 * Connects to DATABASE_URL, migrates it (one transaction, one process at a time) and builds the
 * services on it. Throws MigrationError, or the driver's error when the database does not answer.
 */
export async function createPostgresApp(
	config: Config & { databaseUrl: string },
	root: string,
	{ clock = Date.now }: AppOptions = {}
): Promise<ServerApp> {
	const pool = await openPostgres(config.databaseUrl);
	const pg = await loadPg();
	try {
		const migrations = readPostgresMigrations(join(root, 'db', 'migrations-postgres'));
		const { from, to } = await migratePostgres(pool, migrations);
		if (from !== to) log.info('db.migrated', { from, to });
	} catch (error) {
		await pool.end();
		throw error;
	}
	// Held from the start of serving (boot), so that scripts that must run alone refuse meanwhile.
	let running: { release: () => Promise<void> } | null = null;
	const storage: Storage = {
		engine: 'postgres',
		started: () => {
			running ??= holdServersRunning(pg, config.databaseUrl);
		},
		close: async () => {
			await running?.release();
			await pool.end();
		}
	};
	return assemble(config, root, createPostgresStores(pool), storage, clock);
}

/** The app on PostgreSQL when DATABASE_URL is set, else on the SQLite file. */
export function createServerApp(
	config: Config,
	root: string,
	options: AppOptions = {}
): Promise<ServerApp> {
	const { databaseUrl } = config;
	return databaseUrl === null
		? createApp(config, root, options)
		: createPostgresApp({ ...config, databaseUrl }, root, options);
}

// One app per process, shared by the server entry, the Vite plugin and SvelteKit's own copy
// of these modules (the build bundles them separately).
const appKey = Symbol.for('samrad.app');
type Global = typeof globalThis & { [appKey]?: ServerApp };

export function registerApp(app: ServerApp): void {
	(globalThis as Global)[appKey] = app;
}

export function unregisterApp(): void {
	delete (globalThis as Global)[appKey];
}

/** The running app; throws if the server entry has not created it. */
export function useApp(): ServerApp {
	const app = (globalThis as Global)[appKey];
	if (!app) throw new Error('Samråd has not started: run it with npm start or npm run dev');
	return app;
}
