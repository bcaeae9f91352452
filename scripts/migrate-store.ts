/**
 * npm run migrate-store -- --from sqlite:<file> --to postgres://… [--replace]: copies an
 * installation's whole data store, every table and row, from its SQLite file into PostgreSQL,
 * in one transaction, and checks each table's count. Stop the server first (or copy a backup):
 * rows written during the copy would not be in it. The target must be empty unless --replace,
 * which deletes what it holds first.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CopyRefused, copySqliteToPostgres } from '../src/lib/server/db/postgres/copy-from-sqlite';
import { readPostgresMigrations } from '../src/lib/server/db/postgres/migrate';
import { openPostgres } from '../src/lib/server/db/postgres/pool';
import { aloneOnDatabase, ServersRunning } from '../src/lib/server/db/postgres/running';
import { setLogLevel } from '../src/lib/server/log';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage =
	'Usage: npm run migrate-store -- --from sqlite:<file> --to postgres://user@host:port/database [--replace]';

function fail(message: string, code = 1): never {
	console.error(`Samråd migrate-store: ${message}`);
	process.exit(code);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			from: { type: 'string' },
			to: { type: 'string' },
			replace: { type: 'boolean', default: false }
		},
		strict: true
	}));
} catch (error) {
	fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 64);
}
const { from, to, replace } = values;
if (!from?.startsWith('sqlite:') || !to || !/^postgres(ql)?:\/\/\S+$/.test(to)) fail(usage, 64);
const path = resolve(from.slice('sqlite:'.length));
if (!existsSync(path)) fail(`there is no SQLite file at ${path}`);

setLogLevel('warn');
let source;
try {
	source = new Database(path, { readonly: true, fileMustExist: true });
	source.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (error) {
	fail(`${path} is not a readable SQLite file (${error instanceof Error ? error.message : error})`);
}
const target = await openPostgres(to, 1);
try {
	const migrations = readPostgresMigrations(join(root, 'db', 'migrations-postgres'));
	// No server may write to (or hold in memory) the target while it is filled or replaced.
	const copied = await aloneOnDatabase(to, () =>
		copySqliteToPostgres(source, target, migrations, { replace })
	);
	const width = Math.max(...copied.map((t) => t.table.length));
	for (const { table, rows } of copied) {
		console.log(`${table.padEnd(width)}  ${String(rows).padStart(7)} rows  ok`);
	}
	console.log(`Copied ${copied.length} tables from ${path}; every table's count matches.`);
} catch (error) {
	if (error instanceof CopyRefused || error instanceof ServersRunning) fail(error.message);
	fail(error instanceof Error ? error.message : String(error));
} finally {
	source.close();
	await target.end();
}
