// Small numeric and /proc helpers for the load generator.
import { readFileSync } from 'node:fs';

/**
 * Percentiles of a list of numbers (nearest rank), with count and max.
 * @param {number[]} values
 */
export function summarise(values) {
	if (values.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
	const sorted = Float64Array.from(values).sort();
	const at = (/** @type {number} */ p) =>
		sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
	let sum = 0;
	for (const v of sorted) sum += v;
	return {
		count: sorted.length,
		p50: at(50),
		p95: at(95),
		p99: at(99),
		max: sorted[sorted.length - 1] ?? NaN,
		mean: sum / sorted.length
	};
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux we meet). */
const ticksPerSecond = 100;

/**
 * CPU seconds (user + system), seconds spent runnable but waiting for a core (other work on
 * the machine), and resident memory (bytes) of a process, from /proc.
 * @param {number} pid
 * @returns {{ cpuSeconds: number, waitSeconds: number, rssBytes: number } | null}
 */
export function processUsage(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may contain spaces: fields start after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const utime = Number(fields[11]);
		const stime = Number(fields[12]);
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		// schedstat: time on a core, time waiting in the run queue (ns), for the main thread.
		const waitNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0);
		return {
			cpuSeconds: (utime + stime) / ticksPerSecond,
			waitSeconds: waitNs / 1e9,
			rssBytes: rssKb * 1024
		};
	} catch {
		return null;
	}
}

/** CPU model, cores and memory of this machine. */
export function machine() {
	const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
	const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
	const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
	const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
	return { model, cores, memGiB: Math.round((memKb / 1024 / 1024) * 10) / 10 };
}

/**
 * A number for a table: ms with one decimal below 10, whole above.
 * @param {number} value
 */
export function ms(value) {
	if (!Number.isFinite(value)) return '–';
	return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

/**
 * Microseconds that some runnable task on this machine waited for a core (Linux PSI,
 * /proc/pressure/cpu "some" total), or null where the kernel does not report it.
 */
export function cpuPressureMicros() {
	try {
		const some = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] ?? '';
		const total = /total=(\d+)/.exec(some)?.[1];
		return total === undefined ? null : Number(total);
	} catch {
		return null;
	}
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg says them. */
export function loadAverage() {
	return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
