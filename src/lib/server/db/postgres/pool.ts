import type pg from 'pg';
import { describeError, log } from '../../log';

/** A pool or one checked-out client: whatever a query can run on. */
export type Pg = Pick<pg.ClientBase, 'query'>;

// BIGINT (times in ms, counts) as numbers, as SQLite answers them: every value is below 2^53.
const bigint = 20;

/** The driver, loaded on first use: a server on SQLite never reads it. */
export async function loadPg(): Promise<typeof pg> {
	return (await import('pg')).default;
}

/** A connection pool to DATABASE_URL (postgres://…). */
export async function openPostgres(url: string, max = 10): Promise<pg.Pool> {
	const pg = await loadPg();
	const types = {
		getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
			oid === bigint
				? Number
				: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
	};
	// A connection not had within 10 s (every one busy, or PostgreSQL not answering) is an error,
	// never a wait without end.
	const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
	// An idle connection that drops (a server restart) must not end the process; the pool replaces it.
	pool.on('error', (error) => log.warn('pg.idle_connection_lost', { error: describeError(error) }));
	return pool;
}

/** The rows of a query. */
export async function all<Row>(q: Pg, text: string, values: unknown[] = []): Promise<Row[]> {
	return (await q.query(text, values)).rows as Row[];
}

/** The first row of a query, or undefined. */
export async function one<Row>(
	q: Pg,
	text: string,
	values: unknown[] = []
): Promise<Row | undefined> {
	return (await q.query(text, values)).rows[0] as Row | undefined;
}

/** How many rows a statement changed. */
export async function changes(q: Pg, text: string, values: unknown[] = []): Promise<number> {
	return (await q.query(text, values)).rowCount ?? 0;
}
