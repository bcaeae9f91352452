/**
 * How far the JavaScript heap may grow between full garbage collections.
 *
 * V8 lets the heap grow to up to four times what survived the last full collection while a
 * program allocates fast, which a server sending views does: at 2,000 participants Samråd's
 * live heap was ~120 MB and its peak RSS ~600 MB, nearly all of it garbage waiting for the next
 * collection. A fixed growth of 100 % (the heap may double before the next full collection) kept
 * the same run at 355–374 MB once views stopped repeating note texts; 50 % kept it lower
 * (322–336 MB) with twice the full collections and a longer tail from note to screen
 * (BENCHMARKS.md). An operator's own `--heap-growing-percent` wins.
 */
import { setFlagsFromString } from 'node:v8';

export const heapGrowingPercent = 100;

/** The V8 flag to set, or null when the process was started with its own setting. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
	if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return null;
	return `--heap-growing-percent=${heapGrowingPercent}`;
}

/** Applies the growth limit to this process (read by V8 at each full collection). */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
	const flag = heapGrowthFlag(execArgv);
	if (flag) setFlagsFromString(flag);
}
