// CPU time of the bench's server-side components from /proc: every Node process of Samråd (a
// primary and its workers), a PostgreSQL cluster (postmaster and backends), redis-server.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { processUsage } from './stats.js';

/** USER_HZ, as in stats.js. */
const ticksPerSecond = 100;

/**
 * utime, stime, cutime, cstime (seconds) and the parent of a process, or null once it is gone.
 * @param {number} pid
 */
function stat(pid) {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may contain spaces: fields start after the last ')'.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return {
			parent: Number(fields[1]),
			own: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
			reaped: (Number(fields[13]) + Number(fields[14])) / ticksPerSecond
		};
	} catch {
		return null;
	}
}

/**
 * CPU-seconds of a process and all its descendants, living or exited: the root's own time, its
 * reaped children's (cutime + cstime, so backends that ended count) and each living
 * descendant's own time plus what it reaped.
 * @param {number} root
 */
function tree(root) {
	/** @type {Map<number, number[]>} */
	const children = new Map();
	/** @type {Map<number, { parent: number, own: number, reaped: number }>} */
	const stats = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const s = stat(Number(name));
		if (!s) continue;
		stats.set(Number(name), s);
		const list = children.get(s.parent) ?? [];
		list.push(Number(name));
		children.set(s.parent, list);
	}
	let cpuSeconds = 0;
	const pids = [];
	const pending = [root];
	while (pending.length > 0) {
		const pid = /** @type {number} */ (pending.pop());
		const s = stats.get(pid);
		if (!s) continue;
		pids.push(pid);
		cpuSeconds += s.own + s.reaped;
		pending.push(...(children.get(pid) ?? []));
	}
	return { pids, cpuSeconds };
}

/** @param {number} root */
export const treeCpuSeconds = (root) => tree(root).cpuSeconds;

/**
 * processUsage (stats.js) for a process and its descendants together: CPU as treeCpuSeconds,
 * run-queue wait and RSS summed over the living ones.
 * @param {number} root
 */
export function treeUsage(root) {
	const { pids, cpuSeconds } = tree(root);
	if (pids.length === 0) return null;
	let waitSeconds = 0;
	let rssBytes = 0;
	for (const pid of pids) {
		const usage = processUsage(pid);
		waitSeconds += usage?.waitSeconds ?? 0;
		rssBytes += usage?.rssBytes ?? 0;
	}
	return { cpuSeconds, waitSeconds, rssBytes };
}

/**
 * The postmaster's pid of a cluster started by scripts/engines/postgres.js (first line of
 * data/postmaster.pid in its folder).
 * @param {string} folder
 */
export function postmasterPid(folder) {
	return Number(readFileSync(join(folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * One reading of every component's CPU-seconds so far.
 * @param {{ node: number, postgres?: number, redis?: number }} pids
 * @returns {{ node: number, postgres: number | null, redis: number | null }}
 */
export function componentCpu(pids) {
	return {
		node: treeCpuSeconds(pids.node),
		postgres: pids.postgres ? treeCpuSeconds(pids.postgres) : null,
		redis: pids.redis ? treeCpuSeconds(pids.redis) : null
	};
}
