/**
 * Organiser forms carry a command id: a form posted twice (a double click, a retry after a lost
 * answer, a replayed request) applies once, and the same id from another account changes nothing.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConferenceTie } from '$lib/server/db/organisers';
import { listParticipants } from '$lib/server/db/participants';
import { listGroups } from '$lib/server/db/rounds';
import { createOrganiser, startOrganiserSession } from '$lib/server/auth';
import { newId } from './helpers/client';
import { seedConference, withApp, type SeededConference } from './helpers/conference';
import { post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
/** A co-organiser's cookie: may edit the conference, under an account of their own. */
let colleague: string;

function read<T>(fn: (db: Database.Database) => T): T {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

const people = () => read((db) => listParticipants(db, seed.conferenceId));
const groups = () => read((db) => listGroups(db, seed.roundId));

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	colleague = await withApp(server.databasePath, async (app) => {
		const account = await createOrganiser(
			app.db,
			{
				username: 'co.organiser',
				displayName: 'Co Organiser',
				password: 'a long enough password',
				admin: false
			},
			Date.now()
		);
		setConferenceTie(app.db, seed.conferenceId, account.id, 'co_organiser', Date.now());
		return `samrad_organiser=${startOrganiserSession(app.db, account.id, Date.now())}`;
	});
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

describe('a form posted twice', () => {
	it('adds one participant, not two', async () => {
		const path = `/organiser/conferences/${seed.conferenceId}/participants?/save`;
		const fields = {
			commandId: newId(),
			name: 'Sen Ankomst',
			country: 'SE',
			role: 'employer',
			organisation: 'Arbetsförmedlingen',
			language: 'sv'
		};
		const before = people().length;
		const first = await post(server, path, fields, { cookie: seed.organiserCookie });
		const again = await post(server, path, fields, { cookie: seed.organiserCookie });
		expect(first.status).toBe(200);
		expect(again.status).toBe(200);
		expect(people().filter((p) => p.name === 'Sen Ankomst')).toHaveLength(1);
		expect(people()).toHaveLength(before + 1);
	});

	it('adds one group, and the id replayed by a colleague or for another form changes nothing', async () => {
		const path = `/organiser/conferences/${seed.conferenceId}/rounds/${seed.roundId}`;
		const commandId = newId();
		const before = groups().length;
		const posts = await Promise.all(
			[1, 2, 3].map(() =>
				post(server, `${path}?/addGroup`, { commandId }, { cookie: seed.organiserCookie })
			)
		);
		for (const response of posts) expect(response.status).toBe(200);
		expect(groups()).toHaveLength(before + 1);

		const replayed = await post(server, `${path}?/addGroup`, { commandId }, { cookie: colleague });
		expect(replayed.status).toBe(409);
		const otherForm = await post(
			server,
			`/organiser/conferences/${seed.conferenceId}/participants?/save`,
			{ commandId, name: 'Ny Person', country: 'NO', role: 'worker', language: 'nb' },
			{ cookie: seed.organiserCookie }
		);
		expect(otherForm.status).toBe(409);
		expect(groups()).toHaveLength(before + 1);
		expect(people().some((p) => p.name === 'Ny Person')).toBe(false);

		// A fresh id is a new command.
		const next = await post(
			server,
			`${path}?/addGroup`,
			{ commandId: newId() },
			{ cookie: colleague }
		);
		expect(next.status).toBe(200);
		expect(groups()).toHaveLength(before + 2);
	});
});
