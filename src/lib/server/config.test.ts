import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultRateLimits, readConfig } from './config';
import { createLimiters, memoryLimiterStore } from './rate-limit';
import type { LimiterStore } from './stores';

/** The ConfigError a bad environment causes (fails the test if there is none). */
function configError(env: Record<string, string>): ConfigError {
	try {
		readConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('readConfig', () => {
	it('has defaults that let phones on the venue network connect', () => {
		expect(readConfig({})).toEqual({
			port: 3000,
			host: '0.0.0.0',
			databasePath: 'db/samrad.sqlite',
			databaseUrl: null,
			redisUrl: null,
			redisPrefix: null,
			presenceBeatSeconds: 10,
			publicOrigin: null,
			sessionSecret: null,
			logLevel: 'info',
			trustProxy: { hops: 0 },
			rateLimits: defaultRateLimits,
			retentionDays: 365,
			workers: 1
		});
	});

	it('treats empty and blank values as unset', () => {
		expect(
			readConfig({ PORT: '', HOST: '  ', PUBLIC_ORIGIN: ' ', LOG_LEVEL: '', SESSION_SECRET: '' })
		).toEqual(readConfig({}));
	});

	it('reads every variable', () => {
		const config = readConfig({
			PORT: ' 8080 ',
			HOST: '127.0.0.1',
			DATABASE_PATH: '/var/lib/samrad/samrad.sqlite',
			DATABASE_URL: ' postgres://samrad@db.example.org:5432/samrad ',
			REDIS_URL: ' redis://cache.example.org:6379 ',
			REDIS_PREFIX: ' samrad:nav-oslo ',
			PUBLIC_ORIGIN: 'https://samrad.example.org/',
			SESSION_SECRET: 'x'.repeat(32),
			LOG_LEVEL: 'WARN',
			TRUST_PROXY: 'yes',
			RATE_LIMIT_COMMANDS_PER_SOCKET: '5',
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '50',
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3',
			RATE_LIMIT_JOINS_PER_ADDRESS: '30',
			RETENTION_DAYS: 'off',
			WORKERS: '4',
			PRESENCE_BEAT_SECONDS: '2'
		});
		expect(config).toEqual({
			port: 8080,
			host: '127.0.0.1',
			databasePath: '/var/lib/samrad/samrad.sqlite',
			databaseUrl: 'postgres://samrad@db.example.org:5432/samrad',
			redisUrl: 'redis://cache.example.org:6379',
			redisPrefix: 'samrad:nav-oslo',
			presenceBeatSeconds: 2,
			publicOrigin: 'https://samrad.example.org',
			sessionSecret: 'x'.repeat(32),
			logLevel: 'warn',
			trustProxy: { hops: 1 },
			rateLimits: {
				...defaultRateLimits,
				commandsPerSocket: 5,
				commandsPerAddress: 50,
				failedJoinsPerAddress: 3,
				joinsPerAddress: 30
			},
			retentionDays: null,
			workers: 4
		});
	});

	it('refuses a DATABASE_URL that is not a PostgreSQL address', () => {
		for (const DATABASE_URL of ['mysql://db/samrad', 'db/samrad.sqlite', 'postgres://a b']) {
			expect(configError({ DATABASE_URL }).variable).toBe('DATABASE_URL');
		}
		expect(readConfig({ DATABASE_URL: 'postgresql://db/samrad' }).databaseUrl).toBe(
			'postgresql://db/samrad'
		);
	});

	it('refuses a REDIS_PREFIX with spaces, wildcards or over 64 characters', () => {
		for (const REDIS_PREFIX of ['a b', 'samrad:*', 'x'.repeat(65)]) {
			expect(() => readConfig({ REDIS_PREFIX })).toThrow(ConfigError);
		}
	});

	it('refuses a PRESENCE_BEAT_SECONDS of 0, over 60 or not a whole number', () => {
		for (const PRESENCE_BEAT_SECONDS of ['0', '61', '1.5', 'soon']) {
			expect(configError({ PRESENCE_BEAT_SECONDS }).variable).toBe('PRESENCE_BEAT_SECONDS');
		}
		expect(readConfig({ PRESENCE_BEAT_SECONDS: '60' }).presenceBeatSeconds).toBe(60);
	});

	it('refuses a REDIS_URL that is not a Redis address', () => {
		for (const REDIS_URL of ['http://cache', 'cache:6379', 'redis://a b']) {
			expect(configError({ REDIS_URL }).variable).toBe('REDIS_URL');
		}
		expect(readConfig({ REDIS_URL: 'rediss://cache:6380/2' }).redisUrl).toBe(
			'rediss://cache:6380/2'
		);
	});

	it('accepts port 0 (the OS chooses) and the ends of the range', () => {
		expect(readConfig({ PORT: '0' }).port).toBe(0);
		expect(readConfig({ PORT: '65535' }).port).toBe(65535);
	});

	it('keeps :memory: and IPv6 hosts', () => {
		expect(readConfig({ DATABASE_PATH: ':memory:' }).databasePath).toBe(':memory:');
		expect(readConfig({ HOST: '::' }).host).toBe('::');
	});

	it('keeps a public origin with a port, and lowercases its host', () => {
		expect(readConfig({ PUBLIC_ORIGIN: 'http://Samrad.LOCAL:8080' }).publicOrigin).toBe(
			'http://samrad.local:8080'
		);
	});

	it.each([
		['PORT', 'abc', /PORT: must be a whole number, got "abc"/],
		['PORT', '3000.5', /PORT: must be a whole number/],
		['PORT', '-1', /PORT: must be a whole number/],
		['PORT', '70000', /PORT: must be between 0 and 65535, got 70000/],
		['HOST', 'bad host!', /HOST: must be a host name or IP address/],
		['HOST', 'a'.repeat(254), /HOST: must be a host name or IP address/],
		['DATABASE_PATH', 'db/\0.sqlite', /DATABASE_PATH: must not contain NUL bytes/],
		['PUBLIC_ORIGIN', 'ftp://x', /PUBLIC_ORIGIN: must start with http:\/\/ or https:\/\//],
		['PUBLIC_ORIGIN', 'samrad.example.org', /PUBLIC_ORIGIN: must be a URL/],
		[
			'PUBLIC_ORIGIN',
			'https://samrad.example.org/app',
			/PUBLIC_ORIGIN: must be an origin without a path/
		],
		['PUBLIC_ORIGIN', 'https://samrad.example.org/?x=1', /PUBLIC_ORIGIN: must be an origin/],
		['PUBLIC_ORIGIN', 'https://samrad.example.org/#top', /PUBLIC_ORIGIN: must be an origin/],
		['SESSION_SECRET', 'x'.repeat(31), /SESSION_SECRET: must be at least 32 characters, got 31/],
		['LOG_LEVEL', 'loud', /LOG_LEVEL: must be one of debug, info, warn, error, silent, got "loud"/],
		['TRUST_PROXY', 'maybe', /TRUST_PROXY: must be false, true, a number of proxies/],
		['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY: .*"10\.0\.0\.0\/33"/],
		['TRUST_PROXY', '300.1.1.1', /TRUST_PROXY: .*"300\.1\.1\.1"/],
		['TRUST_PROXY', '127.0.0.1, proxy.local', /TRUST_PROXY: .*"proxy\.local"/],
		['TRUST_PROXY', '-1', /TRUST_PROXY: must be false, true, a number of proxies/],
		['RATE_LIMIT_SESSIONS_PER_ADDRESS', 'lots', /RATE_LIMIT_SESSIONS_PER_ADDRESS: must be/]
	])('refuses %s=%j with a message naming the variable', (variable, value, message) => {
		const error = configError({ [variable]: value });
		expect(error.variable).toBe(variable);
		expect(error.name).toBe('ConfigError');
		expect(error.message).toMatch(message);
		expect(error.message.startsWith(`${variable}: `)).toBe(true);
	});

	it.each([
		['true', { hops: 1 }],
		['ON', { hops: 1 }],
		['yes', { hops: 1 }],
		['1', { hops: 1 }],
		['2', { hops: 2 }],
		['0', { hops: 0 }],
		['false', { hops: 0 }],
		['Off', { hops: 0 }],
		['no', { hops: 0 }],
		['10.0.0.1', { proxies: ['10.0.0.1'] }],
		[' 10.0.0.0/8, 127.0.0.1 ,fd00::/8', { proxies: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8'] }]
	])('reads TRUST_PROXY=%s as %j', (value, expected) => {
		expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
	});

	it('reads process.env when no environment is given', () => {
		expect(readConfig()).toEqual(readConfig(process.env));
	});

	it('names the variable of a bad limit or retention value', () => {
		expect(configError({ RATE_LIMIT_COMMANDS_PER_SOCKET: '0' }).variable).toBe(
			'RATE_LIMIT_COMMANDS_PER_SOCKET'
		);
		expect(configError({ RATE_LIMIT_JOINS_PER_ADDRESS: 'many' }).variable).toBe(
			'RATE_LIMIT_JOINS_PER_ADDRESS'
		);
		expect(configError({ RETENTION_DAYS: '-3' }).variable).toBe('RETENTION_DAYS');
		expect(readConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
	});
});

describe('the defaults the README documents', () => {
	const second = 1_000;
	const minute = 60 * second;
	const hour = 60 * minute;

	it('reads the documented numbers from an empty environment', () => {
		const config = readConfig({});
		// README, Configuration: the RATE_LIMIT_* and RETENTION_DAYS rows.
		expect(config.rateLimits).toEqual({
			commandsPerSocket: 100,
			commandsPerBinding: 200,
			commandsPerAddress: 4000,
			failedJoinsPerAddress: 300,
			joinsPerAddress: 600,
			sessionsPerAddress: 100
		});
		expect(config.retentionDays).toBe(365);
		expect(config.port).toBe(3000);
		expect(config.host).toBe('0.0.0.0');
		expect(config.databasePath).toBe('db/samrad.sqlite');
		expect(config.presenceBeatSeconds).toBe(10);
		expect(config.workers).toBe(1);
		expect(config.logLevel).toBe('info');
		expect(config.trustProxy).toEqual({ hops: 0 });
	});

	it('matches every default written in the README’s configuration table', () => {
		const readme = readFileSync(
			fileURLToPath(new URL('../../../README.md', import.meta.url)),
			'utf8'
		);
		const documented = Object.fromEntries(
			[...readme.matchAll(/^\| `([A-Z_]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1]!, m[2]!])
		);
		const config = readConfig({});
		const actual: Record<string, string> = {
			PORT: String(config.port),
			HOST: config.host,
			DATABASE_PATH: config.databasePath,
			PRESENCE_BEAT_SECONDS: String(config.presenceBeatSeconds),
			WORKERS: String(config.workers),
			LOG_LEVEL: config.logLevel,
			RETENTION_DAYS: String(config.retentionDays),
			RATE_LIMIT_COMMANDS_PER_SOCKET: String(config.rateLimits.commandsPerSocket),
			RATE_LIMIT_COMMANDS_PER_BINDING: String(config.rateLimits.commandsPerBinding),
			RATE_LIMIT_COMMANDS_PER_ADDRESS: String(config.rateLimits.commandsPerAddress),
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: String(config.rateLimits.failedJoinsPerAddress),
			RATE_LIMIT_JOINS_PER_ADDRESS: String(config.rateLimits.joinsPerAddress),
			RATE_LIMIT_SESSIONS_PER_ADDRESS: String(config.rateLimits.sessionsPerAddress)
		};
		for (const [variable, value] of Object.entries(actual)) {
			expect(documented[variable], variable).toBe(value);
		}
		expect(documented['TRUST_PROXY']).toBe('false');
		expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual(config.trustProxy);
	});

	/** The limiters of a server with the default configuration, and what they count and wait. */
	function defaultLimiters() {
		const counters = new Map<string, { points: number; windowMs: number }>();
		const blocks = new Map<string, number[]>();
		const store: LimiterStore = {
			counter: (prefix, points, windowMs) => {
				counters.set(prefix, { points, windowMs });
				const counter = memoryLimiterStore.counter(prefix, points, windowMs);
				const block = counter.block.bind(counter);
				return {
					consume: counter.consume.bind(counter),
					get: counter.get.bind(counter),
					delete: counter.delete.bind(counter),
					block: (key, seconds) => {
						blocks.set(prefix, [...(blocks.get(prefix) ?? []), seconds]);
						return block(key, seconds);
					}
				};
			}
		};
		return { limiters: createLimiters(readConfig({}).rateLimits, store), counters, blocks };
	}

	it('counts commands per 10 seconds, joins per minute, unknown codes and sessions per hour', () => {
		const { counters } = defaultLimiters();
		expect(counters.get('socket')).toEqual({ points: 100, windowMs: 10 * second });
		expect(counters.get('binding')).toEqual({ points: 200, windowMs: 10 * second });
		expect(counters.get('address')).toEqual({ points: 4000, windowMs: 10 * second });
		expect(counters.get('joins')).toEqual({ points: 600, windowMs: minute });
		// "past 300 unknown codes an hour an address may only use codes it has already joined with"
		expect(counters.get('code-cap')).toEqual({ points: 300, windowMs: hour });
		// "Stand-alone sessions are limited to 100 an hour per address"
		expect(counters.get('sessions')).toEqual({ points: 100, windowMs: hour });
	});

	it('refuses the 101st stand-alone session and the 301st unknown code of an address within the hour', async () => {
		const { limiters } = defaultLimiters();
		for (let i = 0; i < 100; i++) {
			expect(await limiters.sessionsPerAddress.take('10.0.0.1')).toEqual({ ok: true });
		}
		const session = await limiters.sessionsPerAddress.take('10.0.0.1');
		expect(session.ok).toBe(false);
		expect(!session.ok && session.retryAfterMs).toBeLessThanOrEqual(hour);
		expect(await limiters.sessionsPerAddress.take('10.0.0.2')).toEqual({ ok: true });
		for (let i = 0; i < 300; i++) {
			expect(await limiters.joinCodes.hardCap.take('10.0.0.1')).toEqual({ ok: true });
		}
		expect((await limiters.joinCodes.hardCap.take('10.0.0.1')).ok).toBe(false);
	});

	it('makes wrong join codes wait 2 s, 4 s, … up to 10 minutes, per socket and per address', async () => {
		const { limiters, blocks } = defaultLimiters();
		const doubling = [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600];
		for (let i = 0; i < 40; i++) {
			await limiters.joinCodes.perSocket.fail('socket-1');
			await limiters.joinCodes.perAddress.fail('10.0.0.1');
		}
		for (const prefix of ['code-socket:waits', 'code-address:waits']) {
			const waits = blocks.get(prefix)!;
			expect(waits.slice(0, doubling.length), prefix).toEqual(doubling);
			expect(Math.max(...waits), prefix).toBe(10 * 60);
		}
		const wait = await limiters.joinCodes.perSocket.wait('socket-1');
		expect(wait.ok).toBe(false);
		expect(!wait.ok && wait.retryAfterMs).toBeGreaterThan(9 * minute);
		expect(!wait.ok && wait.retryAfterMs).toBeLessThanOrEqual(10 * minute);
	});

	it('makes new browsers wait at most a minute when many addresses guess one user name', async () => {
		const { limiters, blocks, counters } = defaultLimiters();
		for (let i = 0; i < 60; i++) await limiters.signIn.perAccount.fail('organiser');
		const waits = blocks.get('login-account:waits')!;
		expect(waits.slice(0, 6)).toEqual([2, 4, 8, 16, 32, 60]);
		expect(Math.max(...waits)).toBe(60);
		expect(counters.get('login-account:waits')!.windowMs).toBe(minute);
		const wait = await limiters.signIn.perAccount.wait('organiser');
		expect(wait.ok).toBe(false);
		expect(!wait.ok && wait.retryAfterMs).toBeLessThanOrEqual(minute);
	});
});
