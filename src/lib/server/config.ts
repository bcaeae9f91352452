import { isIP } from 'node:net';
import type { TrustProxy } from './network';

/** Server configuration, read from the environment and validated once at start-up. */
export interface Config {
	/** TCP port; 0 lets the OS choose (tests). */
	port: number;
	/** Interface to bind; 0.0.0.0 so that phones on the venue network can connect. */
	host: string;
	/** SQLite file, or ':memory:' for throw-away runs. */
	databasePath: string;
	/** PostgreSQL (postgres://…) in place of the SQLite file, for several processes; null: SQLite. */
	databaseUrl: string | null;
	/** Redis (redis://…) holding the abuse counters that several processes share; null: this process's memory. */
	redisUrl: string | null;
	/**
	 * What this installation's Redis keys, channel and stream start with (REDIS_PREFIX); null:
	 * derived from the installation's session secret, so that two installations on one Redis
	 * never share counters or signals while the processes of one always do.
	 */
	redisPrefix: string | null;
	/**
	 * With Redis: how often each process tells the others who is connected to it; a process not
	 * heard for three beats (it died) counts as having no one connected.
	 */
	presenceBeatSeconds: number;
	/** The address phones should use (for QR codes and allowed origins), when known. */
	publicOrigin: string | null;
	/** Cookie/token signing secret; when null, one is generated and kept in the database. */
	sessionSecret: string | null;
	/** Lowest log level written. */
	logLevel: LogLevel;
	/** Which reverse proxies' X-Forwarded-For/-Proto count: none ({ hops: 0 }), the nearest hops, or listed ones. */
	trustProxy: TrustProxy;
	/** Abuse limits (see RateLimits). */
	rateLimits: RateLimits;
	/** Conferences are deleted this many days after they end (stand-alone sessions after their last activity); null keeps them. */
	retentionDays: number | null;
	/** Processes on this machine behind one port (node:cluster); above 1 needs PostgreSQL and Redis. */
	workers: number;
}

/**
 * Limits on what one phone or one network address may send. Generous per address: a whole
 * room may sit behind one venue router.
 */
export interface RateLimits {
	/** Commands per socket per 10 seconds. */
	commandsPerSocket: number;
	/** Commands per person (all sockets of one participant, console or screen) per 10 seconds. */
	commandsPerBinding: number;
	/** Commands per network address per 10 seconds. */
	commandsPerAddress: number;
	/** Unknown join codes per address per hour; past it, the address may only use codes it has joined with. */
	failedJoinsPerAddress: number;
	/** Joins (successful ones too) per address per minute. */
	joinsPerAddress: number;
	/** Stand-alone sessions created per address per hour. */
	sessionsPerAddress: number;
}

export const defaultRateLimits: RateLimits = {
	commandsPerSocket: 100,
	commandsPerBinding: 200,
	commandsPerAddress: 4_000,
	failedJoinsPerAddress: 300,
	joinsPerAddress: 600,
	sessionsPerAddress: 100
};

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** A bad configuration value; the message names the variable. */
export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		message: string
	) {
		super(`${variable}: ${message}`);
		this.name = 'ConfigError';
	}
}

type Env = Record<string, string | undefined>;

function readPort(env: Env): number {
	const raw = env.PORT?.trim();
	if (raw === undefined || raw === '') return 3000;
	if (!/^\d+$/.test(raw)) throw new ConfigError('PORT', `must be a whole number, got "${raw}"`);
	const port = Number(raw);
	if (port > 65535) throw new ConfigError('PORT', `must be between 0 and 65535, got ${port}`);
	return port;
}

function readHost(env: Env): string {
	const raw = env.HOST?.trim();
	if (raw === undefined || raw === '') return '0.0.0.0';
	if (!/^[A-Za-z0-9.:_-]+$/.test(raw) || raw.length > 253) {
		throw new ConfigError('HOST', `must be a host name or IP address, got "${raw}"`);
	}
	return raw;
}

function readDatabasePath(env: Env): string {
	const raw = env.DATABASE_PATH?.trim();
	if (raw === undefined || raw === '') return 'db/samrad.sqlite';
	if (raw.includes('\0')) throw new ConfigError('DATABASE_PATH', 'must not contain NUL bytes');
	return raw;
}

function readDatabaseUrl(env: Env): string | null {
	const raw = env.DATABASE_URL?.trim();
	if (raw === undefined || raw === '') return null;
	if (!/^postgres(ql)?:\/\/[^\s]+$/.test(raw)) {
		throw new ConfigError(
			'DATABASE_URL',
			'must be a PostgreSQL address, postgres://user@host:port/database'
		);
	}
	return raw;
}

function readRedisUrl(env: Env): string | null {
	const raw = env.REDIS_URL?.trim();
	if (raw === undefined || raw === '') return null;
	if (!/^rediss?:\/\/[^\s]+$/.test(raw)) {
		throw new ConfigError('REDIS_URL', 'must be a Redis address, redis://host:port or rediss://…');
	}
	return raw;
}

function readRedisPrefix(env: Env): string | null {
	const raw = env.REDIS_PREFIX?.trim();
	if (raw === undefined || raw === '') return null;
	if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(raw)) {
		throw new ConfigError('REDIS_PREFIX', 'must be 1–64 letters, digits or : _ . -');
	}
	return raw;
}

function readPublicOrigin(env: Env): string | null {
	const raw = env.PUBLIC_ORIGIN?.trim();
	if (raw === undefined || raw === '') return null;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new ConfigError(
			'PUBLIC_ORIGIN',
			`must be a URL such as https://samrad.example.org, got "${raw}"`
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ConfigError('PUBLIC_ORIGIN', `must start with http:// or https://, got "${raw}"`);
	}
	if (url.pathname !== '/' || url.search || url.hash) {
		throw new ConfigError('PUBLIC_ORIGIN', `must be an origin without a path, got "${raw}"`);
	}
	return url.origin;
}

function readSecret(env: Env): string | null {
	const raw = env.SESSION_SECRET;
	if (raw === undefined || raw === '') return null;
	if (raw.length < 32) {
		throw new ConfigError('SESSION_SECRET', `must be at least 32 characters, got ${raw.length}`);
	}
	return raw;
}

function readLogLevel(env: Env): LogLevel {
	const raw = env.LOG_LEVEL?.trim().toLowerCase();
	if (raw === undefined || raw === '') return 'info';
	if (!(logLevels as readonly string[]).includes(raw)) {
		throw new ConfigError('LOG_LEVEL', `must be one of ${logLevels.join(', ')}, got "${raw}"`);
	}
	return raw as LogLevel;
}

/**
 * TRUST_PROXY: false (no proxy), true (one proxy in front), a number of proxies in a row, or a
 * comma-separated list of the proxies' addresses and CIDR ranges.
 */
function readTrustProxy(env: Env): TrustProxy {
	const raw = env.TRUST_PROXY?.trim().toLowerCase();
	if (raw === undefined || ['', 'false', 'no', 'off'].includes(raw)) return { hops: 0 };
	if (['true', 'yes', 'on'].includes(raw)) return { hops: 1 };
	if (/^\d{1,2}$/.test(raw)) return { hops: Number(raw) };
	const entries = raw.split(',').map((entry) => entry.trim());
	const looksLikeList = entries.some(
		(entry) => /^[\d.:a-f]+(\/\d+)?$/.test(entry) && /[.:]/.test(entry)
	);
	if (!looksLikeList) {
		throw new ConfigError(
			'TRUST_PROXY',
			`must be false, true, a number of proxies or a list of their addresses, got "${raw}"`
		);
	}
	for (const entry of entries) {
		const [address, prefix, extra] = entry.split('/');
		const version = isIP(address ?? '');
		const bits = version === 6 ? 128 : 32;
		const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
		if (version === 0 || !prefixOk || extra !== undefined) {
			throw new ConfigError(
				'TRUST_PROXY',
				`must list IP addresses or CIDR ranges such as 10.0.0.0/8, got "${entry}"`
			);
		}
	}
	return { proxies: entries };
}

function readCount(
	env: Env,
	variable: string,
	fallback: number,
	{ allowOff = false } = {}
): number | null {
	const raw = env[variable]?.trim().toLowerCase();
	if (raw === undefined || raw === '') return fallback;
	if (allowOff && raw === 'off') return null;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1_000_000_000) {
		throw new ConfigError(
			variable,
			`must be a whole number from 1${allowOff ? ' or "off"' : ''}, got "${raw}"`
		);
	}
	return Number(raw);
}

function readRateLimits(env: Env): RateLimits {
	const d = defaultRateLimits;
	return {
		commandsPerSocket: readCount(env, 'RATE_LIMIT_COMMANDS_PER_SOCKET', d.commandsPerSocket)!,
		commandsPerBinding: readCount(env, 'RATE_LIMIT_COMMANDS_PER_BINDING', d.commandsPerBinding)!,
		commandsPerAddress: readCount(env, 'RATE_LIMIT_COMMANDS_PER_ADDRESS', d.commandsPerAddress)!,
		failedJoinsPerAddress: readCount(
			env,
			'RATE_LIMIT_FAILED_JOINS_PER_ADDRESS',
			d.failedJoinsPerAddress
		)!,
		joinsPerAddress: readCount(env, 'RATE_LIMIT_JOINS_PER_ADDRESS', d.joinsPerAddress)!,
		sessionsPerAddress: readCount(env, 'RATE_LIMIT_SESSIONS_PER_ADDRESS', d.sessionsPerAddress)!
	};
}

/** Reads and validates the whole configuration; throws ConfigError on the first bad value. */
export function readConfig(env: Env = process.env): Config {
	return {
		port: readPort(env),
		host: readHost(env),
		databasePath: readDatabasePath(env),
		databaseUrl: readDatabaseUrl(env),
		redisUrl: readRedisUrl(env),
		redisPrefix: readRedisPrefix(env),
		presenceBeatSeconds: readPresenceBeat(env),
		publicOrigin: readPublicOrigin(env),
		sessionSecret: readSecret(env),
		logLevel: readLogLevel(env),
		trustProxy: readTrustProxy(env),
		rateLimits: readRateLimits(env),
		retentionDays: readCount(env, 'RETENTION_DAYS', 365, { allowOff: true }),
		workers: readWorkers(env)
	};
}

/** PRESENCE_BEAT_SECONDS: 1 to 60 (10 by default). */
function readPresenceBeat(env: Env): number {
	const seconds = readCount(env, 'PRESENCE_BEAT_SECONDS', 10)!;
	if (seconds > 60)
		throw new ConfigError('PRESENCE_BEAT_SECONDS', `must be at most 60, got ${seconds}`);
	return seconds;
}

/** WORKERS: one SQLite file stays with one process, and processes hear each other through Redis. */
function readWorkers(env: Env): number {
	const workers = readCount(env, 'WORKERS', 1)!;
	if (workers > 64) throw new ConfigError('WORKERS', `must be at most 64, got ${workers}`);
	if (workers === 1) return workers;
	if (!env.DATABASE_URL?.trim())
		throw new ConfigError(
			'WORKERS',
			'above 1 needs DATABASE_URL (PostgreSQL): one SQLite file is used by one process only'
		);
	if (!env.REDIS_URL?.trim())
		throw new ConfigError(
			'WORKERS',
			'above 1 needs REDIS_URL: the processes tell each other what changed through Redis'
		);
	return workers;
}
