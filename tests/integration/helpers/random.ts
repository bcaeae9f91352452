/** A seeded pseudo-random generator, so that a failing run of a randomised test can be repeated. */

/** The seed a test uses: SAMRAD_TEST_SEED when set (to repeat a failure), else `fallback`. */
export function testSeed(fallback: number): number {
	const raw = process.env.SAMRAD_TEST_SEED;
	return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

/** Random numbers from a seed (mulberry32): the same seed gives the same sequence. */
export class Random {
	#state: number;

	constructor(readonly seed: number) {
		this.#state = seed >>> 0;
	}

	/** A number in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
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
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** A copy in random order. */
	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j]!, copy[i]!];
		}
		return copy;
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
