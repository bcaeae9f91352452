import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimits } from './config';
import { log, logRepeated } from './log';
import type { LimiterCounter, LimiterStore } from './stores';

/** Go on, or wait this long. */
export type LimitCheck = { ok: true } | { ok: false; retryAfterMs: number };

const windowSeconds = (windowMs: number) => Math.max(1, Math.ceil(windowMs / 1000));

/** Counters in this process's memory (limits reset on restart, which is fine for abuse control). */
export const memoryLimiterStore: LimiterStore = {
	counter: (prefix, points, windowMs) =>
		new RateLimiterMemory({ keyPrefix: prefix, points, duration: windowSeconds(windowMs) })
};

/**
 * Longest wait for Redis on one counter: past it the counter goes to its insurance (this
 * process's memory), so a Redis that stops answering without going away (paused, overloaded,
 * a network that drops packets) never holds a command or a join.
 */
export const redisCommandTimeoutMs = 2_000;

/**
 * After Redis leaves a counter unanswered, how long every counter of that connection counts in
 * this process's memory alone before Redis is asked again: a paused Redis costs one wait of
 * redisCommandTimeoutMs, not one per counter (a join asks nine).
 */
export const redisQuietMs = 10_000;

/**
 * Counters in Redis, shared by every process that uses it: a failure counted on one counts on
 * all. While Redis does not answer (an error, a lost connection, or no answer within
 * redisCommandTimeoutMs), each process counts in its own memory (the insurance), says so in the
 * log, and leaves Redis alone for redisQuietMs.
 */
export function redisLimiterStore(client: Redis, namespace: string): LimiterStore {
	let quietUntil = 0;
	return {
		counter: (prefix, points, windowMs) => {
			const memory = new RateLimiterMemory({
				keyPrefix: prefix,
				points,
				duration: windowSeconds(windowMs)
			});
			const direct: LimiterCounter = {
				consume: memory.consume.bind(memory),
				get: memory.get.bind(memory),
				block: memory.block.bind(memory),
				delete: memory.delete.bind(memory)
			};
			// What rate-limiter-flexible falls back to when Redis did not answer this counter.
			const insurance = new RateLimiterMemory({ points, duration: windowSeconds(windowMs) });
			const unanswered = <A extends unknown[], R>(method: (...args: A) => R) =>
				((...args: A): R => {
					quietUntil = Date.now() + redisQuietMs;
					logRepeated('warn', 'redis.unanswered', { counter: prefix });
					return method(...args);
				}) as (...args: A) => R;
			insurance.consume = unanswered(direct.consume);
			insurance.get = unanswered(direct.get);
			insurance.block = unanswered(direct.block);
			insurance.delete = unanswered(direct.delete);
			const redis = new RateLimiterRedis({
				storeClient: client,
				keyPrefix: `${namespace}:limit:${prefix}`,
				points,
				duration: windowSeconds(windowMs),
				rejectIfRedisNotReady: true,
				insuranceLimiter: insurance
			});
			const now = (): LimiterCounter => (Date.now() < quietUntil ? direct : redis);
			const counter: LimiterCounter = {
				consume: (...args) => now().consume(...args),
				get: (...args) => now().get(...args),
				block: (...args) => now().block(...args),
				delete: (...args) => now().delete(...args)
			};
			return counter;
		}
	};
}

/** A connection to REDIS_URL, ready to use; throws saying why when Redis does not answer at start-up. */
export async function openRedis(url: string): Promise<Redis> {
	// No offline queue: while Redis is away a counter goes to its insurance at once, never waits;
	// while it does not answer, after redisCommandTimeoutMs. The driver is loaded only here: a
	// server without REDIS_URL never reads it.
	const { Redis } = await import('ioredis');
	const client = new Redis(url, {
		lazyConnect: true,
		enableOfflineQueue: false,
		commandTimeout: redisCommandTimeoutMs
	});
	let lastError = '';
	client.on('error', (error: Error) => {
		lastError = error.message;
		log.warn('redis.error', { message: error.message });
	});
	try {
		await client.connect();
	} catch (error) {
		client.disconnect();
		const reason = lastError || (error instanceof Error ? error.message : String(error));
		throw new Error(`the Redis at REDIS_URL does not answer (${reason})`);
	}
	return client;
}

/** How long a refusal of rate-limiter-flexible says to wait. */
function refusedFor(error: unknown): number {
	if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
	throw error;
}

/** `points` events per key per window (IP address, socket, binding …). */
export class Limit {
	readonly #store: LimiterCounter;
	readonly #points: number;

	constructor(store: LimiterStore, prefix: string, points: number, windowMs: number) {
		this.#store = store.counter(prefix, points, windowMs);
		this.#points = points;
	}

	/** Counts one event; refuses (and says how long to wait) when the key is over its limit. */
	async take(key: string): Promise<LimitCheck> {
		try {
			await this.#store.consume(key);
			return { ok: true };
		} catch (error) {
			return { ok: false, retryAfterMs: refusedFor(error) };
		}
	}

	/** Whether the key is over its limit now, without counting an event. */
	async peek(key: string): Promise<LimitCheck> {
		const state = await this.#store.get(key);
		if (!state || state.consumedPoints < this.#points) return { ok: true };
		return { ok: false, retryAfterMs: Math.max(1, state.msBeforeNext) };
	}
}

/**
 * The wait after the `failures`-th failure: none for the first `free`, then `firstMs` doubling
 * with each further failure, never more than `maxMs`.
 */
export function backOffMs(
	failures: number,
	policy: { free: number; firstMs: number; maxMs: number }
): number {
	if (failures <= policy.free) return 0;
	const doublings = Math.min(failures - policy.free - 1, 30);
	return Math.min(policy.firstMs * 2 ** doublings, policy.maxMs);
}

/** A back-off policy: free failures, the first wait and the longest, and how long failures are remembered. */
export interface BackOffPolicy {
	free: number;
	firstMs: number;
	maxMs: number;
	/** Failures older than this (counted from the first) are forgotten. */
	forgetMs: number;
}

/**
 * Failures per key that make the key wait longer and longer: a delay, never a lock-out longer
 * than `maxMs`. Only failures count; attempts refused while waiting do not.
 */
export class BackOff {
	readonly #failures: LimiterCounter;
	readonly #waits: LimiterCounter;
	readonly #policy: BackOffPolicy;

	constructor(store: LimiterStore, prefix: string, policy: BackOffPolicy) {
		this.#policy = policy;
		this.#failures = store.counter(`${prefix}:failures`, Number.MAX_SAFE_INTEGER, policy.forgetMs);
		this.#waits = store.counter(`${prefix}:waits`, 1, policy.maxMs);
	}

	/** Whether the key must wait before its next attempt. */
	async wait(key: string): Promise<LimitCheck> {
		const state = await this.#waits.get(key);
		if (!state || state.consumedPoints <= 1 || state.msBeforeNext <= 0) return { ok: true };
		return { ok: false, retryAfterMs: state.msBeforeNext };
	}

	/** Whether the key has failed at all lately. */
	async hasFailed(key: string): Promise<boolean> {
		return (await this.#failures.get(key)) !== null;
	}

	/** Counts a failure and starts the key's wait when it is past its free failures. */
	async fail(key: string): Promise<void> {
		const state = await this.#failures.consume(key);
		const waitMs = backOffMs(state.consumedPoints, this.#policy);
		if (waitMs > 0) await this.#waits.block(key, waitMs / 1000);
	}

	/** Forgets a key's failures (after a success that proves who it is). */
	async forgive(key: string): Promise<void> {
		await Promise.all([this.#failures.delete(key), this.#waits.delete(key)]);
	}
}

/** Keys remembered for a while (codes an address has used successfully). */
export class Recall {
	readonly #store: LimiterCounter;

	constructor(store: LimiterStore, prefix: string, forMs: number) {
		this.#store = store.counter(prefix, Number.MAX_SAFE_INTEGER, forMs);
	}

	async remember(key: string): Promise<void> {
		await this.#store.consume(key);
	}

	async knows(key: string): Promise<boolean> {
		return (await this.#store.get(key)) !== null;
	}
}

/** The first refusal among checks run in order; later checks are not run (and spend nothing). */
export async function firstRefusal(checks: (() => Promise<LimitCheck>)[]): Promise<LimitCheck> {
	for (const check of checks) {
		const result = await check();
		if (!result.ok) return result;
	}
	return { ok: true };
}

const minute = 60_000;
const hour = 60 * minute;

/** The abuse limits of one running server (see RateLimits in config.ts). */
export interface Limiters {
	/** Commands that reach the core, per socket, per person (binding) and per address. */
	commandsPerSocket: Limit;
	commandsPerBinding: Limit;
	commandsPerAddress: Limit;
	/** Commands refused at the door (no session, wrong role, malformed), per socket: apart from work. */
	refusalsPerSocket: Limit;
	/** Joins that were looked up (successful ones too) per address. */
	joins: Limit;
	/** Wrong join codes: per socket and per address (growing waits), and a hard cap per address. */
	joinCodes: {
		perSocket: BackOff;
		perAddress: BackOff;
		hardCap: Limit;
		/** Codes an address has joined with: its phones keep joining them whatever a guesser does. */
		known: Recall;
	};
	/** Wrong passwords: per account and address, per address, per account, per known device. */
	signIn: {
		perAccountAndAddress: BackOff;
		perAddress: BackOff;
		perAccount: BackOff;
		perDevice: BackOff;
	};
	/** Stand-alone sessions created per address. */
	sessionsPerAddress: Limit;
	/** PDF reports a stand-alone workshop's console link may print per minute (each starts a Chromium). */
	pdfPrintsPerConsole: Limit;
	/** Suggested headings one console link may ask for per minute (each runs the engine). */
	suggestionsPerConsole: Limit;
}

/** PDFs one console link may print per minute: enough for a facilitator, too few to load the server. */
export const pdfPrintsPerConsoleLink = 3;

/** Suggestions one console link may ask for per minute: a facilitator asks again now and then. */
export const suggestionsPerConsoleLink = 6;

/** The limits, with their counters in `store`. */
export function createLimiters(limits: RateLimits, store: LimiterStore): Limiters {
	const waits = { firstMs: 2_000, forgetMs: hour };
	return {
		commandsPerSocket: new Limit(store, 'socket', limits.commandsPerSocket, 10_000),
		commandsPerBinding: new Limit(store, 'binding', limits.commandsPerBinding, 10_000),
		commandsPerAddress: new Limit(store, 'address', limits.commandsPerAddress, 10_000),
		refusalsPerSocket: new Limit(store, 'refused', limits.commandsPerSocket, 10_000),
		joins: new Limit(store, 'joins', limits.joinsPerAddress, minute),
		joinCodes: {
			perSocket: new BackOff(store, 'code-socket', { ...waits, free: 3, maxMs: 10 * minute }),
			perAddress: new BackOff(store, 'code-address', { ...waits, free: 20, maxMs: 10 * minute }),
			hardCap: new Limit(store, 'code-cap', limits.failedJoinsPerAddress, hour),
			known: new Recall(store, 'code-known', 12 * hour)
		},
		signIn: {
			perAccountAndAddress: new BackOff(store, 'login-pair', {
				...waits,
				free: 5,
				maxMs: 15 * minute
			}),
			perAddress: new BackOff(store, 'login-address', { ...waits, free: 30, maxMs: 15 * minute }),
			perAccount: new BackOff(store, 'login-account', { ...waits, free: 20, maxMs: minute }),
			perDevice: new BackOff(store, 'login-device', { ...waits, free: 5, maxMs: 15 * minute })
		},
		sessionsPerAddress: new Limit(store, 'sessions', limits.sessionsPerAddress, hour),
		pdfPrintsPerConsole: new Limit(store, 'pdf-console', pdfPrintsPerConsoleLink, minute),
		suggestionsPerConsole: new Limit(store, 'suggest-console', suggestionsPerConsoleLink, minute)
	};
}

/** Whole seconds to wait (at least 1), for messages and Retry-After. */
export function waitSeconds(check: { retryAfterMs: number }): number {
	return Math.max(1, Math.ceil(check.retryAfterMs / 1000));
}
