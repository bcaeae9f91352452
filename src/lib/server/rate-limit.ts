/**
 * A fixed-window counter per key (IP address, user name, socket): `limit` events per
 * `windowMs`. In memory: limits reset on restart, which is fine for abuse control.
 */
export class RateLimiter {
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #hits = new Map<string, { count: number; resetAt: number }>();

	constructor(limit: number, windowMs: number) {
		this.#limit = limit;
		this.#windowMs = windowMs;
	}

	/** Counts one event; returns false (and how long to wait) when the key is over its limit. */
	take(key: string, now: number = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
		let entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			if (this.#hits.size > 50_000) this.#sweep(now);
			entry = { count: 0, resetAt: now + this.#windowMs };
			this.#hits.set(key, entry);
		}
		if (entry.count >= this.#limit) return { ok: false, retryAfterMs: entry.resetAt - now };
		entry.count++;
		return { ok: true };
	}

	/** Whether the key is over its limit now (without counting an event). */
	blocked(
		key: string,
		now: number = Date.now()
	): { blocked: false } | { blocked: true; retryAfterMs: number } {
		const entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now || entry.count < this.#limit) return { blocked: false };
		return { blocked: true, retryAfterMs: entry.resetAt - now };
	}

	/** Forgets a key (e.g. after a successful login). */
	reset(key: string): void {
		this.#hits.delete(key);
	}

	#sweep(now: number): void {
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}

/** The abuse limits of one running server (see RateLimits in config.ts). */
export interface Limiters {
	commandsPerSocket: RateLimiter;
	commandsPerAddress: RateLimiter;
	/** Unknown join codes (sessions and conferences, socket and page) per address. */
	failedJoins: RateLimiter;
	joins: RateLimiter;
}

export function createLimiters(limits: import('./config').RateLimits): Limiters {
	return {
		commandsPerSocket: new RateLimiter(limits.commandsPerSocket, 10_000),
		commandsPerAddress: new RateLimiter(limits.commandsPerAddress, 10_000),
		failedJoins: new RateLimiter(limits.failedJoinsPerAddress, 10 * 60_000),
		joins: new RateLimiter(limits.joinsPerAddress, 60_000)
	};
}
