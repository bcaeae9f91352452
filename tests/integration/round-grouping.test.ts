/**
 * The round page's grouping over HTTP, as two organisers at once use it: each action one
 * command under the form's id (a form posted twice applies once), a re-allocation previewed
 * then applied only while the preview holds, undo of one's own last action refused when the
 * other organiser has since changed the same people, and bad input refused with a translated
 * error that changes nothing.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReallocationPreview, RoundActionFailure } from '$lib/organiser/round-page';
import { listParticipants } from '$lib/server/db/participants';
import { listGroups, listSeats } from '$lib/server/db/rounds';
import { newId } from './helpers/client';
import {
	coOrganiserCookie,
	seedConference,
	withApp,
	type SeededConference
} from './helpers/conference';
import { formAction, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { readDb } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
/** A co-organiser's cookie: may edit the conference, under an account of their own. */
let colleague: string;
/** A round not started yet, with no groups. */
let roundId: string;

const read = <T>(query: (db: Database.Database) => T): T => readDb(server.databasePath, query);
const seats = () => read((db) => listSeats(db, roundId));
const groups = () => read((db) => listGroups(db, roundId));
const people = () => read((db) => listParticipants(db, seed.conferenceId));
const seatOf = (name: string) => {
	const id = people().find((p) => p.name === name)!.id;
	return { id, seat: seats().find((s) => s.participantId === id) };
};

const page = () => `/organiser/conferences/${seed.conferenceId}/rounds/${roundId}`;
const act = <T = Record<string, unknown>>(
	action: string,
	fields: Record<string, string | string[]>,
	cookie = seed.organiserCookie
) => formAction<T>(server, `${page()}?/${action}`, fields, cookie);

/** The Sigtuna grouping of round 1, asked for per role. */
const sigtunaOptions = {
	mode: 'rule',
	rule: 'role',
	maxGroupSize: '7',
	'role:coordinator': 'lead',
	'role:researcher': 'with:job-coach',
	'role:employer': 'own:2',
	'role:job-coach': 'own:2',
	'role:policy': 'with:caseworker'
};

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await withApp(server.databasePath, async (app) => {
		colleague = await coOrganiserCookie(app, seed.conferenceId);
		const round = await app.conferences.saveRound(seed.conferenceId, null, {
			title: 'Etter rolle',
			theme: '',
			rule: 'role',
			maxGroupSize: 7,
			questions: ['Hva hjelper?']
		});
		if (!round.ok) throw new Error(JSON.stringify(round.error));
		roundId = round.value.id;
	});
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

describe('re-allocating from the round page', () => {
	it('shows the plan first, then applies it once, however often the form is posted', async () => {
		const preview = await act<{ preview: ReallocationPreview }>('preview', sigtunaOptions);
		expect(preview.type).toBe('success');
		const plan = preview.data.preview;
		expect(plan.moves).toHaveLength(40);
		expect(plan.moves.every((m) => m.from.kind === 'unplaced')).toBe(true);
		expect(groups()).toHaveLength(0);

		const fields = { reallocation: plan.reallocation, commandId: newId() };
		const answers = await Promise.all([1, 2, 3].map(() => act('reallocate', fields)));
		for (const answer of answers) expect(answer.type).toBe('success');
		expect(groups().map((g) => g.key)).toEqual(plan.created.map((c) => c.key));
		expect(seats()).toHaveLength(40);
		const history = read(
			(db) =>
				db
					.prepare('SELECT count(*) AS n FROM grouping_history WHERE round_id = ?')
					.get(roundId) as {
					n: number;
				}
		);
		expect(history.n).toBe(1);
		// Coordinators lead; nobody sits in a researchers' or a policy group.
		const roleOf = new Map(people().map((p) => [p.id, p.role]));
		for (const seat of seats())
			expect(seat.leader, roleOf.get(seat.participantId)).toBe(
				roleOf.get(seat.participantId) === 'coordinator'
			);
		expect(groups().some((g) => /researcher|policy|coordinator/.test(g.key))).toBe(false);
		// The round keeps the options it was allocated with.
		const stored = read(
			(db) =>
				db.prepare('SELECT role_options FROM rounds WHERE id = ?').get(roundId) as {
					role_options: string;
				}
		);
		expect(JSON.parse(stored.role_options)).toEqual({
			coordinator: { kind: 'lead' },
			researcher: { kind: 'with', role: 'job-coach' },
			employer: { kind: 'own', groups: 2 },
			'job-coach': { kind: 'own', groups: 2 },
			policy: { kind: 'with', role: 'caseworker' }
		});
	});

	it('refuses a preview that no longer holds: another organiser placed the late arrival', async () => {
		const added = await post(
			server,
			`/organiser/conferences/${seed.conferenceId}/participants?/save`,
			{
				commandId: newId(),
				name: 'Sen Ankomst',
				country: 'SE',
				role: 'employer',
				organisation: '',
				language: 'sv'
			},
			{ cookie: seed.organiserCookie }
		);
		expect(added.status).toBe(200);
		const preview = await act<{ preview: ReallocationPreview }>('preview', {
			...sigtunaOptions,
			mode: 'unplaced'
		});
		const late = seatOf('Sen Ankomst');
		expect(preview.data.preview.moves.map((m) => m.participantId)).toEqual([late.id]);
		expect(late.seat).toBeUndefined();

		const group = groups()[0]!;
		const moved = await act(
			'move',
			{ participantIds: late.id, to: group.id, commandId: newId() },
			colleague
		);
		expect(moved.type).toBe('success');
		const before = JSON.stringify(seats());
		const stale = await act<RoundActionFailure>('reallocate', {
			reallocation: preview.data.preview.reallocation,
			commandId: newId()
		});
		expect(stale.status).toBe(422);
		expect(stale.data.errors[0]!.key).toBe('errors.plan_changed');
		expect(JSON.stringify(seats())).toBe(before);
	});
});

describe('undo with two organisers', () => {
	it('undoes one’s own last action, and refuses one the other organiser has overwritten', async () => {
		const name = people().find((p) => p.role === 'worker')!.name;
		const { id, seat } = seatOf(name);
		const other = groups().find((g) => g.id !== seat!.groupId)!;

		expect((await act('noGroup', { participantIds: id, commandId: newId() })).type).toBe('success');
		expect(seatOf(name).seat).toMatchObject({ groupId: null, pinned: true });
		expect(
			(await act('move', { participantIds: id, to: other.id, commandId: newId() }, colleague)).type
		).toBe('success');

		const refused = await act<RoundActionFailure>('undo', { commandId: newId() });
		expect(refused.status).toBe(422);
		// Named by display name; account ids never reach the page.
		expect(refused.data.errors[0]).toEqual({
			field: null,
			key: 'errors.undo_conflict_by',
			params: { affected: name, by: 'Co Organiser' }
		});
		expect(seatOf(name).seat?.groupId).toBe(other.id);

		// The colleague's own undo puts the person back in no group.
		expect((await act('undo', { commandId: newId() }, colleague)).type).toBe('success');
		expect(seatOf(name).seat).toMatchObject({ groupId: null });
	});
});

describe('bad input', () => {
	it('is refused with a translated error, and nothing changes', async () => {
		const before = JSON.stringify([groups(), seats()]);
		const someone = seats()[0]!.participantId;
		const cases: [string, Record<string, string>, string][] = [
			['move', { participantIds: someone, to: 'no-such-group' }, 'errors.not_found'],
			['move', { to: groups()[0]!.id }, 'errors.empty'],
			['renameGroup', { groupId: groups()[0]!.id, name: 'x'.repeat(81) }, 'errors.too_long'],
			['preview', { ...sigtunaOptions, 'role:worker': 'everywhere' }, 'errors.invalid_payload'],
			['preview', { ...sigtunaOptions, maxGroupSize: '1' }, 'organiser.invalid.maxGroupSize'],
			['reallocate', { reallocation: '{not json' }, 'errors.invalid_payload'],
			['swap', { a: someone, b: someone }, 'errors.invalid_payload'],
			['splitGroup', { groupId: 'no-such-group' }, 'errors.not_found']
		];
		for (const [action, fields, key] of cases) {
			const answer = await act<RoundActionFailure>(action, { ...fields, commandId: newId() });
			expect(answer.status, action).toBe(422);
			expect(answer.data.errors[0]!.key, action).toBe(key);
		}
		expect(JSON.stringify([groups(), seats()])).toBe(before);
	});
});
