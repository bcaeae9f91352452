import type { LogLevel } from './config';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Fields of a log line: identifiers and counts only, never note text or names. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

let threshold: number = rank.info;

/** Sets the lowest level that is written. */
export function setLogLevel(level: LogLevel): void {
	threshold = rank[level];
}

function write(level: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields): void {
	if (rank[level] < threshold) return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
	if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
	else process.stdout.write(line + '\n');
}

/** Structured logging: one JSON line per event. */
export const log = {
	debug: (event: string, fields: LogFields = {}) => write('debug', event, fields),
	info: (event: string, fields: LogFields = {}) => write('info', event, fields),
	warn: (event: string, fields: LogFields = {}) => write('warn', event, fields),
	error: (event: string, fields: LogFields = {}) => write('error', event, fields)
};

/** A short, content-free description of an unknown error for logs. */
export function describeError(error: unknown): string {
	if (error instanceof Error) return `${error.name}: ${error.message}`;
	return String(error);
}

/** How often repeated events are summed up in one line each. */
export const repeatIntervalMs = 10_000;
/** Kinds of repeated events kept apart per interval; further ones are counted together. */
const repeatKinds = 100;

const repeated = new Map<
	string,
	{ level: Exclude<LogLevel, 'silent'>; event: string; fields: LogFields; count: number }
>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * An event that a flood repeats (a refusal): the first of each kind (event and fields) in an
 * interval is written at once, the rest are counted and written as one line with `count` at the
 * end of the interval. A flood writes a bounded number of lines whose counts add up.
 */
export function logRepeated(
	level: Exclude<LogLevel, 'silent'>,
	event: string,
	fields: LogFields = {}
): void {
	if (rank[level] < threshold) return;
	let key = `${event}\u0000${JSON.stringify(fields)}`;
	if (!repeated.has(key) && repeated.size >= repeatKinds) {
		key = `${event}\u0000*`;
		fields = { others: true };
	}
	const entry = repeated.get(key);
	if (entry) {
		entry.count++;
	} else {
		write(level, event, { ...fields, count: 1 });
		repeated.set(key, { level, event, fields, count: 0 });
	}
	if (!flushTimer) {
		flushTimer = setTimeout(flushRepeated, repeatIntervalMs);
		flushTimer.unref();
	}
}

/** Writes the counts gathered since each kind's first line (every interval, and when the server stops). */
export function flushRepeated(): void {
	if (flushTimer) clearTimeout(flushTimer);
	flushTimer = null;
	for (const { level, event, fields, count } of repeated.values()) {
		if (count > 0) write(level, event, { ...fields, count });
	}
	repeated.clear();
}
