import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findConference } from './conferences';
import {
	migrate,
	MigrationError,
	openDatabase,
	readMigrations,
	schemaVersion,
	type Db,
	type Migration
} from './database';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const scratch = join(root, 'tests', '.tmp', 'unit', `database-${randomBytes(4).toString('hex')}`);

afterAll(() => {
	rmSync(scratch, { recursive: true, force: true });
});

let dirs = 0;
/** A migrations folder holding exactly these files. */
function migrationsDir(files: Record<string, string>): string {
	const dir = join(scratch, `migrations-${++dirs}`);
	mkdirSync(dir, { recursive: true });
	for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
	return dir;
}

function tables(db: Db): string[] {
	return (
		db
			.prepare(
				"SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name"
			)
			.all() as { name: string }[]
	).map((row) => row.name);
}

/** Everything observable about a database: schema objects, their SQL, rows and version. */
function fingerprint(db: Db) {
	const schema = db
		.prepare(
			"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
		)
		.all() as { type: string; name: string }[];
	const rows = Object.fromEntries(
		schema
			.filter((s) => s.type === 'table')
			.map((s) => [s.name, db.prepare(`SELECT * FROM "${s.name}"`).all()])
	);
	return { version: schemaVersion(db), schema, rows };
}

const people = `CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);`;
const addCountry = `ALTER TABLE people ADD COLUMN country TEXT NOT NULL DEFAULT 'SE';`;
const seed = `INSERT INTO people (name, country) VALUES ('Ingrid', 'NO');`;
const seedName = `INSERT INTO people (name) VALUES ('Aino');`;

function list(...sqls: string[]): Migration[] {
	return sqls.map((sql, i) => ({ version: i + 1, name: `000${i + 1}_m${i + 1}.sql`, sql }));
}

describe('readMigrations', () => {
	it('reads NNNN_name.sql files in number order and ignores other files', () => {
		const dir = migrationsDir({
			'0002_country.sql': addCountry,
			'README.md': '# not a migration',
			'0001_people.sql': people,
			'0003_seed.sql': seed
		});
		const migrations = readMigrations(dir);
		expect(migrations.map((m) => [m.version, m.name])).toEqual([
			[1, '0001_people.sql'],
			[2, '0002_country.sql'],
			[3, '0003_seed.sql']
		]);
		expect(migrations[1]!.sql).toBe(addCountry);
	});

	it('rejects a gap in the numbering', () => {
		const dir = migrationsDir({ '0001_people.sql': people, '0003_seed.sql': seed });
		expect(() => readMigrations(dir)).toThrow(MigrationError);
		expect(() => readMigrations(dir)).toThrow('migration "0003_seed.sql" should be number 2');
	});

	it('rejects numbering that does not start at 1', () => {
		const dir = migrationsDir({ '0002_people.sql': people });
		expect(() => readMigrations(dir)).toThrow('migration "0002_people.sql" should be number 1');
	});

	it('rejects two migrations with the same number', () => {
		const dir = migrationsDir({ '0001_a.sql': people, '0001_b.sql': seed });
		expect(() => readMigrations(dir)).toThrow('migration "0001_b.sql" should be number 2');
	});

	it.each(['init.sql', '1_people.sql', '0001-People.sql', '0001_people.SQL.sql', '00001_x.sql'])(
		'rejects the file name %s',
		(name) => {
			const dir = migrationsDir({ [name]: people });
			expect(() => readMigrations(dir)).toThrow(MigrationError);
			expect(() => readMigrations(dir)).toThrow(name);
		}
	);

	it("reads the project's own migrations", () => {
		const migrations = readMigrations(join(root, 'db', 'migrations'));
		expect(migrations.length).toBeGreaterThanOrEqual(2);
		expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
	});
});

describe('migrate', () => {
	it('applies migrations in order and sets user_version', () => {
		const db = openDatabase(':memory:');
		expect(schemaVersion(db)).toBe(0);
		expect(migrate(db, list(people, addCountry, seed))).toEqual({ from: 0, to: 3 });
		expect(schemaVersion(db)).toBe(3);
		expect(db.prepare('SELECT name, country FROM people').all()).toEqual([
			{ name: 'Ingrid', country: 'NO' }
		]);
		db.close();
	});

	it('applies only what is pending, and nothing when up to date', () => {
		const db = openDatabase(':memory:');
		expect(migrate(db, list(people, addCountry))).toEqual({ from: 0, to: 2 });
		expect(migrate(db, list(people, addCountry, seed))).toEqual({ from: 2, to: 3 });
		expect(migrate(db, list(people, addCountry, seed))).toEqual({ from: 3, to: 3 });
		expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
		db.close();
	});

	it('leaves the database completely unchanged when a migration fails, and names it', () => {
		const path = join(scratch, 'failing.sqlite');
		const db = openDatabase(path);
		migrate(db, list(people, seedName));
		const before = fingerprint(db);

		const migrations: Migration[] = [
			...list(people, seedName),
			{ version: 3, name: '0003_orgs.sql', sql: 'CREATE TABLE orgs (id INTEGER PRIMARY KEY);' },
			{
				version: 4,
				name: '0004_broken.sql',
				// The first statement works, the second fails: both must be undone, and 0003 too.
				sql: `CREATE TABLE half_done (x TEXT); ${addCountry} UPDATE people SET name = 'changed'; INSERT INTO no_such_table VALUES (1);`
			}
		];
		let error: unknown;
		try {
			migrate(db, migrations);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as Error).message).toMatch(/^migration 0004_broken\.sql failed: .*no such table/);
		expect((error as Error).message).toContain('the database is unchanged');

		expect(fingerprint(db)).toEqual(before);
		expect(tables(db)).toEqual(['people']);
		expect(schemaVersion(db)).toBe(2);
		// Still usable, with foreign keys enforced again.
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		db.close();

		// And so it is on disk.
		const reopened = new Database(path, { readonly: true });
		expect(fingerprint(reopened)).toEqual(before);
		reopened.close();
	});

	it('leaves a new database empty when its first migration fails', () => {
		const db = openDatabase(':memory:');
		expect(() =>
			migrate(db, [{ version: 1, name: '0001_bad.sql', sql: 'CREATE TABLE t (x); SELEC 1;' }])
		).toThrow(/migration 0001_bad\.sql failed/);
		expect(schemaVersion(db)).toBe(0);
		expect(tables(db)).toEqual([]);
		db.close();
	});

	it('refuses migrations that leave foreign key violations, naming the last one', () => {
		const db = openDatabase(':memory:');
		migrate(db, list(people));
		const before = fingerprint(db);
		const migrations: Migration[] = [
			...list(people),
			{
				version: 2,
				name: '0002_notes.sql',
				sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, person INTEGER NOT NULL REFERENCES people (id));'
			},
			{ version: 3, name: '0003_orphan.sql', sql: 'INSERT INTO notes (id, person) VALUES (1, 99);' }
		];
		expect(() => migrate(db, migrations)).toThrow(
			/migration 0003_orphan\.sql failed: 1 foreign key violation/
		);
		expect(fingerprint(db)).toEqual(before);
		db.close();
	});

	it('refuses a database newer than the migrations it knows, without touching it', () => {
		const db = openDatabase(':memory:');
		migrate(db, list(people, seedName));
		db.pragma('user_version = 5');
		const before = fingerprint(db);
		expect(() => migrate(db, list(people, seedName))).toThrow(MigrationError);
		expect(() => migrate(db, list(people, seedName))).toThrow(
			'the database is at schema version 5, newer than this version of Samråd knows (2)'
		);
		expect(fingerprint(db)).toEqual(before);
		db.close();
	});

	it("applies the project's migrations to a fresh database", () => {
		const db = openDatabase(':memory:');
		const migrations = readMigrations(join(root, 'db', 'migrations'));
		expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.length });
		expect(tables(db)).toEqual(
			expect.arrayContaining(['settings', 'processed_commands', 'sessions', 'session_events'])
		);
		db.close();
	});

	it('gives conferences made before the report sign-off empty sign-off lines', () => {
		const db = openDatabase(':memory:');
		const migrations = readMigrations(join(root, 'db', 'migrations'));
		const signoff = migrations.findIndex((m) => m.name === '0004_report_signoff.sql');
		migrate(db, migrations.slice(0, signoff));
		db.prepare(
			`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
			 VALUES ('c1', 'Nordisk dialog', 'nb', 'ABC234', 'plenum', 1, 1)`
		).run();
		migrate(db, migrations);
		expect(findConference(db, 'c1')).toMatchObject({
			title: 'Nordisk dialog',
			organisation: '',
			author: '',
			introductionBy: ''
		});
		db.close();
	});
});

describe('openDatabase', () => {
	it('creates missing folders and turns on WAL and foreign keys', () => {
		const path = join(scratch, 'nested', 'deeper', 'samrad.sqlite');
		const db = openDatabase(path);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.pragma('synchronous', { simple: true })).toBe(1);
		db.close();
	});
});
