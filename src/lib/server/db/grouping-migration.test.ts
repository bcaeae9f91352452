/**
 * The grouping migration keeps an older database working: memberships become seats, each
 * group's list of leaders becomes leaders' seats (in the first group they led that round), and
 * the loaded conference is what the core then works on.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupingOf } from '$lib/domain/conference/state';
import { loadConferenceState } from './conferences';
import { migrate, openDatabase, readMigrations } from './database';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const migrations = readMigrations(join(root, 'db', 'migrations'));
const grouping = migrations.findIndex((m) => m.name.endsWith('_grouping.sql'));

describe('the grouping migration', () => {
	it('turns memberships and leader lists into seats', () => {
		expect(grouping).toBeGreaterThan(0);
		const db = openDatabase(':memory:');
		migrate(db, migrations.slice(0, grouping));
		db.exec(`
			INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
				VALUES ('c1', 'Sigtuna', 'nb', 'ABC234', 'plenum', 1, 1);
			INSERT INTO conference_participants (id, conference_id, name, country, role, language, personal_token, created_at)
				VALUES ('ann', 'c1', 'Ann', 'NO', 'worker', 'nb', 't1', 1),
				       ('ben', 'c1', 'Ben', 'SE', 'employer', 'sv', 't2', 1),
				       ('cai', 'c1', 'Cai', 'DK', 'coordinator', 'da', 't3', 1),
				       ('dag', 'c1', 'Dag', 'FI', 'policy', 'fi', 't4', 1);
			INSERT INTO rounds (id, conference_id, position, title, rule, max_group_size)
				VALUES ('r1', 'c1', 1, 'Etter rolle', 'role', 7);
			INSERT INTO groups (id, round_id, key, descriptor, position, leaders)
				VALUES ('g1', 'r1', 'role:worker:1', '{"kind":"role","role":"worker","part":1,"parts":1}', 0, '["ann","cai","gone"]'),
				       ('g2', 'r1', 'role:employer:1', '{"kind":"role","role":"employer","part":1,"parts":1}', 1, '["cai"]');
			INSERT INTO group_members (round_id, participant_id, group_id, pinned)
				VALUES ('r1', 'ann', 'g1', 0), ('r1', 'ben', 'g2', 1), ('r1', 'cai', 'g2', 0);
		`);
		migrate(db, migrations);
		const state = loadConferenceState(db, 'c1')!;
		expect(groupingOf(state, 'r1').seats).toEqual([
			{ participantId: 'ann', groupId: 'g1', leader: true, pinned: true },
			{ participantId: 'ben', groupId: 'g2', leader: false, pinned: true },
			// Cai led both groups: a leader's seat in the first, in place of their membership.
			{ participantId: 'cai', groupId: 'g1', leader: true, pinned: true }
		]);
		// Dag sat nowhere: still unplaced, not "no group".
		expect(state.rounds[0]!.roles).toEqual({});
		expect(state.history).toEqual({});
		expect(
			db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'group_members'").get()
		).toEqual({ n: 0 });
		db.close();
	});
});
