import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from './database';
import { recordProcessed } from './processed-commands';
import { deleteStandaloneSession } from './retention';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));

/** Scopes of the session that goes, and of others that look like it in every way a match can slip. */
const gone = 'Ab_c';
const scopes = {
	// The last: SQLite compares UTF-8 bytes, where a character past U+FFFF sorts above U+FFFF.
	own: [`s:${gone}:f`, `s:${gone}:screen`, `s:${gone}:join:d:x`, `s:${gone}:\u{1F600}`],
	others: [
		`s:${gone.toLowerCase()}:f`, // case (LIKE ignores it)
		's:AbXc:f', // _ as a wildcard (LIKE)
		`s:${gone}d:f`, // an id that starts with this one
		`s:${gone};f`,
		`x:${gone}:f`,
		`s:${gone}`
	]
};

describe("forgetting a session's processed commands", () => {
	it('forgets every command of that session, whatever follows its prefix, and no other', () => {
		const db = openDatabase(':memory:');
		migrate(db, migrations);
		[...scopes.own, ...scopes.others].forEach((scope, i) =>
			recordProcessed(db, `c${i}`, { scope, name: 'note.add', ack: { ok: true } }, 1)
		);

		deleteStandaloneSession(db, gone);

		const left = (db.prepare('SELECT scope FROM processed_commands').all() as { scope: string }[])
			.map((row) => row.scope)
			.sort();
		expect(left).toEqual([...scopes.others].sort());
		db.close();
	});
});
