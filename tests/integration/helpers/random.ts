/** A seeded pseudo-random generator, so that a failing run of a randomised test can be repeated. */
import { pick, seededRandom, shuffle } from '$lib/testing/random';

/** The seed a test uses: SAMRAD_TEST_SEED when set (to repeat a failure), else `fallback`. */
export function testSeed(fallback: number): number {
	const raw = process.env.SAMRAD_TEST_SEED;
	return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

/** Random numbers from a seed (mulberry32): the same seed gives the same sequence. */
export class Random {
	readonly #next: () => number;

	constructor(readonly seed: number) {
		this.#next = seededRandom(seed);
	}

	/** A number in [0, 1). */
	next(): number {
		return this.#next();
	}

	/** A whole number in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return pick(() => this.next(), items);
	}

	/** A copy in random order. */
	shuffle<T>(items: readonly T[]): T[] {
		return shuffle(() => this.next(), items);
	}

	/** A client-made id as the contract accepts (24 URL-safe characters). */
	id(): string {
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
		let id = '';
		for (let i = 0; i < 24; i++) id += alphabet[Math.floor(this.next() * alphabet.length)];
		return id;
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
