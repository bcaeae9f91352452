/**
 * Copies a whole SQLite data store into PostgreSQL, table by table, in one PostgreSQL
 * transaction: every row of every table (not the organiser's redacted archive), checked by
 * counting each table on both sides before it commits.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { schemaVersion, type Migration } from '../database';
import { migratePostgres } from './migrate';

/** A copy that was not made; the message says why and what to do. */
export class CopyRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CopyRefused';
	}
}

/** One table's rows, as counted on both sides after the copy. */
export interface TableCopy {
	table: string;
	rows: number;
}

type Row = Record<string, unknown>;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const batchRows = 500;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The source's tables, each after the tables its foreign keys point to. */
function tablesInOrder(source: BetterSqlite3.Database): string[] {
	const names = (
		source
			.prepare(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
			)
			.all() as { name: string }[]
	).map((row) => row.name);
	const ordered: string[] = [];
	const visit = (name: string, path: string[]) => {
		if (ordered.includes(name) || path.includes(name)) return;
		const parents = source.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').all(name) as {
			table: string;
		}[];
		for (const parent of parents) {
			if (parent.table !== name) visit(parent.table, [...path, name]);
		}
		ordered.push(name);
	};
	for (const name of names) visit(name, []);
	return ordered;
}

/** Whether a table has SQLite's rowid (it is not WITHOUT ROWID). */
function hasRowid(source: BetterSqlite3.Database, table: string): boolean {
	const { sql } = source.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as {
		sql: string;
	};
	return !/WITHOUT\s+ROWID\s*;?\s*$/i.test(sql);
}

/** The target table's columns, and which of them is an identity (filled from SQLite's rowid). */
async function targetColumns(
	client: pg.PoolClient,
	table: string
): Promise<{ name: string; identity: boolean }[]> {
	const { rows } = await client.query<{ name: string; identity: string }>(
		`SELECT column_name AS name, is_identity AS identity FROM information_schema.columns
		 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
		[table]
	);
	return rows.map((row) => ({ name: row.name, identity: row.identity === 'YES' }));
}

async function countOf(client: pg.PoolClient, table: string): Promise<number> {
	const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
	return Number(rows[0]!.n);
}

/**
 * Migrates the target to this version's schema and copies every table of `source` into it.
 * Refuses (CopyRefused) a source at another schema version, a table the target lacks, and a
 * target that holds data unless `replace` (then its rows are deleted first, in the same
 * transaction). Nothing is written when it throws.
 */
export async function copySqliteToPostgres(
	source: BetterSqlite3.Database,
	target: pg.Pool,
	migrations: Migration[],
	{ replace = false }: { replace?: boolean } = {}
): Promise<TableCopy[]> {
	const { to } = await migratePostgres(target, migrations);
	const from = schemaVersion(source);
	if (from !== to) {
		throw new CopyRefused(
			`the SQLite file is at schema version ${from} and this Samråd's PostgreSQL schema at ${to}: start this version of Samråd once on the SQLite file (it migrates it), stop it, then copy`
		);
	}
	const tables = tablesInOrder(source);
	const client = await target.connect();
	try {
		await client.query('BEGIN');
		const columns = new Map<string, { name: string; identity: boolean }[]>();
		for (const table of tables) {
			const found = await targetColumns(client, table);
			if (found.length === 0) {
				throw new CopyRefused(`the PostgreSQL database has no table ${table}`);
			}
			columns.set(table, found);
		}
		const holding = [];
		for (const table of tables) if ((await countOf(client, table)) > 0) holding.push(table);
		if (holding.length > 0) {
			if (!replace) {
				throw new CopyRefused(
					`the PostgreSQL database is not empty (rows in ${holding.join(', ')}): copy into an empty database, or add --replace to delete what it holds first`
				);
			}
			await client.query(`TRUNCATE ${tables.map(quote).join(', ')}`);
		}
		const copied: TableCopy[] = [];
		for (const table of tables) {
			const wanted = columns.get(table)!;
			const sourceNames = new Set(
				(
					source.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]
				).map((c) => c.name)
			);
			// An identity column is SQLite's rowid there (insertion order), or a column of the same name.
			const selected = wanted.map((c) =>
				sourceNames.has(c.name) ? quote(c.name) : c.identity ? `rowid AS ${quote(c.name)}` : null
			);
			const missing = wanted.filter((_, i) => selected[i] === null).map((c) => c.name);
			if (missing.length > 0) {
				throw new CopyRefused(`the SQLite table ${table} has no column ${missing.join(', ')}`);
			}
			const overriding = wanted.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
			const rows = source
				.prepare(
					`SELECT ${selected.join(', ')} FROM ${quote(table)}${hasRowid(source, table) ? ' ORDER BY rowid' : ''}`
				)
				.iterate() as IterableIterator<Row>;
			let batch: Row[] = [];
			const flush = async () => {
				if (batch.length === 0) return;
				const values: unknown[] = [];
				const tuples = batch.map((row) => {
					const slots = wanted.map((c) => {
						values.push(row[c.name]);
						return `$${values.length}`;
					});
					return `(${slots.join(', ')})`;
				});
				await client.query(
					`INSERT INTO ${quote(table)} (${wanted.map((c) => quote(c.name)).join(', ')})${overriding} VALUES ${tuples.join(', ')}`,
					values
				);
				batch = [];
			};
			for (const row of rows) {
				batch.push(row);
				if (batch.length >= batchRows) await flush();
			}
			await flush();
			for (const column of wanted.filter((c) => c.identity)) {
				// The next row inserted by Samråd comes after every copied one.
				await client.query(
					`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(column.name)}), 0) + 1, false) FROM ${quote(table)}`,
					[table, column.name]
				);
			}
			const expected = (
				source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }
			).n;
			const rowsThere = await countOf(client, table);
			if (rowsThere !== expected) {
				throw new Error(`${table}: ${expected} rows in SQLite but ${rowsThere} copied`);
			}
			copied.push({ table, rows: rowsThere });
		}
		await client.query('COMMIT');
		return copied;
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		client.release();
	}
}
