/**
 * The migration for a social programme kind, participants' role descriptions and rounds'
 * instructions keeps an older database whole: every programme row (rebuilt for its new CHECK),
 * its foreign key, and every participant and round, with the new texts empty.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConferenceState } from './conferences';
import { migrate, openDatabase, readMigrations } from './database';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));
const smallThings = migrations.findIndex((m) => m.name.endsWith('_small_things.sql'));

function olderDatabase() {
	const db = openDatabase(':memory:');
	migrate(db, migrations.slice(0, smallThings));
	db.exec(`
		INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
			VALUES ('c1', 'Sigtuna', 'nb', 'ABC234', 'plenum', 1, 1);
		INSERT INTO programme_items (id, conference_id, day, start_time, end_time, title, kind)
			VALUES ('i1', 'c1', '2010-05-06', '09:00', '10:00', 'Velkommen', 'plenary'),
			       ('i2', 'c1', '2010-05-06', '10:00', '', 'Gruppearbeid', 'group'),
			       ('i3', 'c1', '2010-05-06', '12:00', '13:00', 'Lunsj', 'break');
		INSERT INTO conference_participants (id, conference_id, name, country, role, language, personal_token, created_at)
			VALUES ('ann', 'c1', 'Ann', 'NO', 'worker', 'nb', 't1', 1);
		INSERT INTO rounds (id, conference_id, position, title, theme, rule, max_group_size)
			VALUES ('r1', 'c1', 1, 'Etter rolle', 'Tema', 'role', 7);
	`);
	return db;
}

describe('the small-things migration', () => {
	it('exists after every older migration', () => {
		expect(smallThings).toBeGreaterThan(0);
	});

	it('keeps every programme item and lets a new one be social, nothing else', () => {
		const db = olderDatabase();
		const before = db.prepare('SELECT * FROM programme_items ORDER BY id').all();
		migrate(db, migrations);
		expect(db.prepare('SELECT * FROM programme_items ORDER BY id').all()).toEqual(before);
		db.exec(`INSERT INTO programme_items (id, conference_id, day, start_time, end_time, title, kind)
			VALUES ('i4', 'c1', '2010-05-05', '19:00', '', 'Velkomstmiddag', 'social')`);
		expect(() =>
			db.exec(`INSERT INTO programme_items (id, conference_id, day, start_time, title, kind)
				VALUES ('i5', 'c1', '2010-05-05', '20:00', 'Dans', 'dance')`)
		).toThrow(/CHECK/);
		expect(loadConferenceState(db, 'c1')!.programme.map((i) => i.kind)).toEqual([
			'social',
			'plenary',
			'group',
			'break'
		]);
		db.close();
	});

	it('keeps the programme tied to its conference', () => {
		const db = olderDatabase();
		migrate(db, migrations);
		expect(db.pragma('foreign_key_check')).toEqual([]);
		expect(() =>
			db.exec(`INSERT INTO programme_items (id, conference_id, day, start_time, title, kind)
				VALUES ('i9', 'nowhere', '2010-05-05', '19:00', 'Middag', 'social')`)
		).toThrow(/FOREIGN KEY/);
		db.exec("DELETE FROM conferences WHERE id = 'c1'");
		expect(db.prepare('SELECT count(*) AS n FROM programme_items').get()).toEqual({ n: 0 });
		db.close();
	});

	it('gives older participants and rounds empty role descriptions and instructions', () => {
		const db = olderDatabase();
		migrate(db, migrations);
		const state = loadConferenceState(db, 'c1')!;
		expect(state.participants[0]).toMatchObject({ name: 'Ann', roleDescription: '' });
		expect(state.rounds[0]).toMatchObject({ theme: 'Tema', instruction: '' });
		db.close();
	});
});
