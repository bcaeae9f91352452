import type Pg from 'pg';
import { describeError, log } from '../../log';
import { loadPg } from './pool';

/**
 * The mark that Samråd servers are running on a PostgreSQL database: every server process holds
 * a shared advisory lock on a connection of its own for as long as it serves, and PostgreSQL
 * drops it with the connection when the process ends, however it ends. A script that must run
 * alone (npm run retention, migrate-store into a live database) asks for the same lock
 * exclusively: it cannot have it while any server holds its share.
 */
const runningKey = 'samrad:servers-running';

/** A server still holds the database: the script must not run now. */
export class ServersRunning extends Error {
	override readonly name = 'ServersRunning';
	constructor() {
		super(
			'a Samråd server is running on this database (it holds the servers-running lock); stop every server process first'
		);
	}
}

/** How often a server that found a script holding the database asks again. */
const retryMs = 1_000;

/**
 * Holds this server's share of the mark until `release()`. A script running alone makes the
 * server ask again every second (logged once), while it goes on serving.
 */
export function holdServersRunning(pg: typeof Pg, url: string): { release: () => Promise<void> } {
	const client = new pg.Client({ connectionString: url });
	let released = false;
	let retry: ReturnType<typeof setTimeout> | null = null;
	client.on('error', (error) => log.warn('pg.running_mark_lost', { error: describeError(error) }));
	const connected = client.connect();
	let waiting = false;
	const take = async (): Promise<void> => {
		if (released) return;
		const { rows } = await client.query<{ held: boolean }>(
			'SELECT pg_try_advisory_lock_shared(hashtext($1)) AS held',
			[runningKey]
		);
		if (rows[0]?.held) {
			if (waiting) log.info('pg.running_mark_held');
			return;
		}
		if (!waiting) log.warn('pg.running_mark_waiting', { reason: 'a script runs alone' });
		waiting = true;
		retry = setTimeout(() => void take().catch(failed), retryMs);
		retry.unref();
	};
	const failed = (error: unknown) =>
		log.warn('pg.running_mark_failed', { error: describeError(error) });
	void connected.then(take).catch(failed);
	return {
		async release() {
			released = true;
			if (retry) clearTimeout(retry);
			await connected.catch(() => undefined);
			await client.end().catch(() => undefined);
		}
	};
}

/**
 * Runs `work` with the mark held exclusively, or throws ServersRunning while any server holds
 * its share. Servers that start meanwhile wait for it (holdServersRunning).
 */
export async function aloneOnDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
	const pg = await loadPg();
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ held: boolean }>(
			'SELECT pg_try_advisory_lock(hashtext($1)) AS held',
			[runningKey]
		);
		if (!rows[0]?.held) throw new ServersRunning();
		return await work();
	} finally {
		// Ending the connection releases the lock.
		await client.end().catch(() => undefined);
	}
}
