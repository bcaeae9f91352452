import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from './database';
import { conferenceTie, listOrganisers } from './organisers';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));
/** The migration that gave conferences owners; found by name (numbers change at merges). */
const ownership = migrations.findIndex((m) => m.name.endsWith('_organisers.sql'));

describe('the migration that gives conferences owners', () => {
	it('keeps everyone’s access: the oldest account administers and owns, the others co-organise', () => {
		const db = openDatabase(':memory:');
		migrate(db, migrations.slice(0, ownership));
		const account = db.prepare(
			'INSERT INTO organisers (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'
		);
		account.run('second', 'second', 'Second', 'x', 2_000);
		account.run('first', 'first', 'First', 'x', 1_000);
		account.run('third', 'third', 'Third', 'x', 3_000);
		const conference = db.prepare(
			"INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at) VALUES (?, ?, 'nb', ?, ?, 1, 1)"
		);
		conference.run('c1', 'One', 'AAAAAA', 'p1');
		conference.run('c2', 'Two', 'BBBBBB', 'p2');

		migrate(db, migrations);

		expect(listOrganisers(db).map((o) => [o.id, o.admin, o.disabled])).toEqual([
			['first', true, false],
			['second', false, false],
			['third', false, false]
		]);
		for (const id of ['c1', 'c2']) {
			expect(conferenceTie(db, id, 'first')).toBe('owner');
			expect(conferenceTie(db, id, 'second')).toBe('co_organiser');
			expect(conferenceTie(db, id, 'third')).toBe('co_organiser');
		}
		db.close();
	});

	it('leaves conferences of an installation without accounts to its first account', () => {
		const db = openDatabase(':memory:');
		migrate(db, migrations.slice(0, ownership));
		db.prepare(
			"INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at) VALUES ('c1', 'One', 'nb', 'AAAAAA', 'p1', 1, 1)"
		).run();
		migrate(db, migrations);
		expect(
			db.prepare('SELECT count(*) AS n FROM conference_organisers').get() as { n: number }
		).toEqual({ n: 0 });
		db.close();
	});
});
