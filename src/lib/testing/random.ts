/**
 * Seeded randomness for tests and benchmarks (never for the app: the core takes no randomness).
 * mulberry32: the same seed gives the same sequence, so a failing run names a seed that repeats it.
 */
export type Random = () => number;

/** A generator of numbers in [0, 1) from a seed. */
export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A whole number in [min, max]. */
export function int(rand: Random, min: number, max: number): number {
	return min + Math.floor(rand() * (max - min + 1));
}

/** One of the items (there must be one). */
export function pick<T>(rand: Random, items: readonly T[]): T {
	if (items.length === 0) throw new Error('pick from an empty list');
	return items[Math.floor(rand() * items.length)]!;
}

/** A copy in random order (Fisher–Yates). */
export function shuffle<T>(rand: Random, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
