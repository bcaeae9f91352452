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

	/** Forgets a key (e.g. after a successful login). */
	reset(key: string): void {
		this.#hits.delete(key);
	}

	#sweep(now: number): void {
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}
