import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { MigrationError, type Migration } from '../database';
import { one } from './pool';

const migrationFile = /^(\d{4})_[a-z0-9_-]+\.sql$/;

/**
 * Reads db/migrations-postgres/NNNN_name.sql in order. A file's number is the schema version it
 * brings, the same number as SQLite's: one file may bring several versions at once (the first
 * reproduces SQLite's 0001–0009), so numbers only have to rise.
 */
export function readPostgresMigrations(dir: string): Migration[] {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	let previous = 0;
	return files.map((file) => {
		const match = migrationFile.exec(file);
		if (!match)
			throw new MigrationError(`migration file name "${file}" must look like 0001_name.sql`);
		const version = Number(match[1]);
		if (version <= previous)
			throw new MigrationError(`migration "${file}" does not raise the version`);
		previous = version;
		return { version, name: file, sql: readFileSync(join(dir, file), 'utf8') };
	});
}

// Held for one migration transaction: a second process starting at once waits, then finds it done.
const migrationLock = 0x5a6d_7264;

const versionTable = `CREATE TABLE IF NOT EXISTS schema_version (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/** The schema version: the last migration applied (0 on an empty database). */
export async function postgresSchemaVersion(q: pg.Pool | pg.ClientBase): Promise<number> {
	const table = await one<{ found: string | null }>(
		q,
		"SELECT to_regclass('schema_version') AS found"
	);
	if (!table?.found) return 0;
	return (await one<{ v: number }>(q, 'SELECT coalesce(max(version), 0) AS v FROM schema_version'))!
		.v;
}

/**
 * Applies every pending migration in one transaction, under an advisory lock so that two
 * processes starting at once do not both migrate. On any error nothing is applied and a
 * MigrationError names the migration that failed.
 */
export async function migratePostgres(
	pool: pg.Pool,
	migrations: Migration[]
): Promise<{ from: number; to: number }> {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		let current = '';
		try {
			await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
			await client.query(versionTable);
			const from = await postgresSchemaVersion(client);
			const latest = migrations.at(-1)?.version ?? 0;
			if (from > latest) {
				throw new MigrationError(
					`the database is at schema version ${from}, newer than this version of Samråd knows (${latest}); upgrade Samråd or use another DATABASE_URL`
				);
			}
			for (const migration of migrations.filter((m) => m.version > from)) {
				current = migration.name;
				await client.query(migration.sql);
				await client.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [
					migration.version,
					migration.name
				]);
			}
			await client.query('COMMIT');
			return { from, to: Math.max(from, latest) };
		} catch (error) {
			await client.query('ROLLBACK');
			if (error instanceof MigrationError) throw error;
			const reason = error instanceof Error ? error.message : String(error);
			throw new MigrationError(`migration ${current} failed: ${reason}; the database is unchanged`);
		}
	} finally {
		client.release();
	}
}
