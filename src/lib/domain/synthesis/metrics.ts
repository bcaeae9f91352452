// How close a suggested grouping comes to the one people chose: pure functions over note ids,
// used by the benchmark and its tests.

/** A grouping of note ids: each inner list is one cluster; a note is in at most one cluster. */
export type Partition = readonly (readonly string[])[];

/** Adds a singleton cluster for every note the partition leaves out, so both cover the same notes. */
export function completePartition(partition: Partition, noteIds: readonly string[]): string[][] {
	const placed = new Set(partition.flat());
	const clusters = partition.filter((cluster) => cluster.length > 0).map((cluster) => [...cluster]);
	for (const id of noteIds) if (!placed.has(id)) clusters.push([id]);
	return clusters;
}

function choose2(n: number): number {
	return (n * (n - 1)) / 2;
}

function clusterIndex(partition: Partition): Map<string, number> {
	const index = new Map<string, number>();
	partition.forEach((cluster, i) => cluster.forEach((id) => index.set(id, i)));
	return index;
}

/**
 * Adjusted Rand index (Hubert and Arabie 1985) of two partitions of the same notes:
 * 1 for identical groupings, about 0 for chance agreement, negative below chance.
 */
export function adjustedRandIndex(truth: Partition, predicted: Partition): number {
	const ids = truth.flat();
	const predictedIndex = clusterIndex(completePartition(predicted, ids));
	const contingency = new Map<string, number>();
	const truthSizes: number[] = [];
	const predictedSizes = new Map<number, number>();
	truth.forEach((cluster, t) => {
		truthSizes.push(cluster.length);
		for (const id of cluster) {
			const p = predictedIndex.get(id) ?? -1;
			const key = `${t}:${p}`;
			contingency.set(key, (contingency.get(key) ?? 0) + 1);
			predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
		}
	});
	const n = ids.length;
	if (n < 2) return 1;
	const index = [...contingency.values()].reduce((sum, count) => sum + choose2(count), 0);
	const truthPairs = truthSizes.reduce((sum, size) => sum + choose2(size), 0);
	const predictedPairs = [...predictedSizes.values()].reduce((sum, size) => sum + choose2(size), 0);
	const expected = (truthPairs * predictedPairs) / choose2(n);
	const maximum = (truthPairs + predictedPairs) / 2;
	// Both partitions all singletons or both one cluster: they agree fully.
	if (maximum === expected) return 1;
	return (index - expected) / (maximum - expected);
}

/** Purity: the share of notes that sit in a suggested cluster with the people's heading most of it has. */
export function purity(truth: Partition, predicted: Partition): number {
	const ids = truth.flat();
	if (ids.length === 0) return 1;
	const truthIndex = clusterIndex(truth);
	let agreeing = 0;
	for (const cluster of completePartition(predicted, ids)) {
		const counts = new Map<number, number>();
		for (const id of cluster) {
			const t = truthIndex.get(id);
			if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
		}
		agreeing += Math.max(0, ...counts.values());
	}
	return agreeing / ids.length;
}

/** Jaccard similarity of two sets of note ids. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
	const left = new Set(a);
	const right = new Set(b);
	let shared = 0;
	for (const id of left) if (right.has(id)) shared += 1;
	const union = left.size + right.size - shared;
	return union === 0 ? 1 : shared / union;
}

/**
 * Recovered headings: how many of the people's clusters some suggested cluster matches with a
 * Jaccard similarity of at least `threshold` (0.5 by default). Notes the suggestion leaves
 * alone count as clusters of one, so a heading over one note is recovered by leaving it alone.
 */
export function recoveredHeadings(
	truth: Partition,
	predicted: Partition,
	threshold = 0.5
): { recovered: number; total: number } {
	const suggested = completePartition(predicted, truth.flat());
	const recovered = truth.filter((cluster) =>
		suggested.some((candidate) => jaccard(cluster, candidate) >= threshold)
	).length;
	return { recovered, total: truth.length };
}

/** The shuffled baseline: notes already in random order, dealt into clusters of the given sizes. */
export function dealIntoClusters(
	shuffledIds: readonly string[],
	sizes: readonly number[]
): string[][] {
	const clusters: string[][] = [];
	let start = 0;
	for (const size of sizes) {
		clusters.push(shuffledIds.slice(start, start + size));
		start += size;
	}
	return clusters.filter((cluster) => cluster.length > 0);
}
