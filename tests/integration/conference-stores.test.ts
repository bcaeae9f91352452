/**
 * Conference commands over HTTP as outsiders send them: organisers' changes posted at the same
 * moment all land (none lost between load and commit), a new conference or an archive upload
 * posted twice under one form id makes one conference, and a refused removal answers as a
 * refusal, with nothing removed.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormError } from '$lib/organiser/form-errors';
import { listParticipants } from '$lib/server/db/participants';
import { listGroups, listSeats } from '$lib/server/db/rounds';
import { newId } from './helpers/client';
import {
	coOrganiserCookie,
	seedConference,
	withApp,
	type SeededConference
} from './helpers/conference';
import { archiveOf, formAction, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { readDb } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
/** A co-organiser's cookie: may edit the conference, under an account of their own. */
let colleague: string;
/** A round not started yet, allocated, so people can be moved between its groups. */
let roundId: string;

const read = <T>(query: (db: Database.Database) => T): T => readDb(server.databasePath, query);
const conferenceCount = () =>
	read((db) => (db.prepare('SELECT count(*) AS n FROM conferences').get() as { n: number }).n);
const people = () => read((db) => listParticipants(db, seed.conferenceId));
const conferencePage = (path = '') => `/organiser/conferences/${seed.conferenceId}${path}`;

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	await withApp(server.databasePath, async (app) => {
		colleague = await coOrganiserCookie(app, seed.conferenceId);
		const round = await app.conferences.saveRound(seed.conferenceId, null, {
			title: 'Blandet',
			theme: '',
			rule: 'mixed',
			maxGroupSize: 5,
			questions: ['Hva hjelper?']
		});
		if (!round.ok) throw new Error(JSON.stringify(round.error));
		roundId = round.value.id;
		const allocated = await app.conferences.allocate(seed.conferenceId, roundId);
		if (!allocated.ok) throw new Error(JSON.stringify(allocated.error));
	});
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

describe('commands on one conference at the same moment', () => {
	it('applies every move two organisers post at once: none is lost between load and commit', async () => {
		const groups = read((db) => listGroups(db, roundId));
		const seats = read((db) => listSeats(db, roundId));
		expect(groups.length).toBeGreaterThanOrEqual(4);
		// Eight people, each moved to a group other than their own, four by each organiser.
		const moves = seats.slice(0, 8).map((seat, i) => {
			const to =
				groups.find((g) => g.id !== seat.groupId && g.id === groups[i % groups.length]!.id) ??
				groups.find((g) => g.id !== seat.groupId)!;
			return {
				participantId: seat.participantId,
				to: to.id,
				cookie: i % 2 ? colleague : seed.organiserCookie
			};
		});
		const answers = await Promise.all(
			moves.map(({ participantId, to, cookie }) =>
				formAction(
					server,
					`${conferencePage(`/rounds/${roundId}`)}?/move`,
					{ participantIds: participantId, to, commandId: newId() },
					cookie
				)
			)
		);
		for (const answer of answers) expect(answer.type).toBe('success');
		const after = new Map(read((db) => listSeats(db, roundId)).map((s) => [s.participantId, s]));
		for (const { participantId, to } of moves) expect(after.get(participantId)?.groupId).toBe(to);
	});
});

/** The new-conference form as a browser posts it. */
const newConference = (commandId: string) => ({
	commandId,
	title: 'Nordisk dialog om arbeid',
	subtitle: '',
	venue: 'Reykjavík',
	startDate: '2026-09-01',
	endDate: '2026-09-01',
	language: 'nb',
	languages: ['nb', 'sv']
});

describe('a conference made from a form posted twice', () => {
	it('makes one conference, and answers the repeat with it', async () => {
		const before = conferenceCount();
		const fields = newConference(newId());
		const answers = await Promise.all(
			[1, 2].map(() =>
				post(server, '/organiser/conferences/new?/save', fields, { cookie: seed.organiserCookie })
			)
		);
		for (const answer of answers) expect(answer.status).toBe(303);
		const [first, second] = answers.map((a) => a.headers.get('location'));
		expect(first).toMatch(/^\/organiser\/conferences\/[A-Za-z0-9_-]+$/);
		expect(second).toBe(first);
		expect(conferenceCount()).toBe(before + 1);

		const again = await post(server, '/organiser/conferences/new?/save', fields, {
			cookie: seed.organiserCookie
		});
		expect(again.headers.get('location')).toBe(first);
		expect(conferenceCount()).toBe(before + 1);
	});

	it('gives the new-conference page a fresh form id each time it loads', async () => {
		const ids = await Promise.all(
			[1, 2].map(async () => {
				const response = await fetch(`${server.url}/organiser/conferences/new`, {
					headers: { cookie: seed.organiserCookie }
				});
				return /name="commandId" value="([^"]+)"/.exec(await response.text())?.[1];
			})
		);
		expect(ids[0]).toBeTruthy();
		expect(ids[1]).toBeTruthy();
		expect(ids[0]).not.toBe(ids[1]);
	});

	it('makes one conference from an archive uploaded twice under one form id', async () => {
		const archive = await archiveOf(server, seed.organiserCookie, seed.conferenceId);
		const before = conferenceCount();
		const commandId = newId();
		const upload = () => {
			const form = new FormData();
			form.append('commandId', commandId);
			form.append('file', new Blob([archive], { type: 'application/json' }), 'archive.json');
			return post(server, '/organiser/import', form, { cookie: seed.organiserCookie });
		};
		const answers = await Promise.all([upload(), upload()]);
		for (const answer of answers) expect(answer.status).toBe(303);
		const [first, second] = answers.map((a) => a.headers.get('location'));
		expect(first).toMatch(/^\/organiser\/conferences\/[A-Za-z0-9_-]+$/);
		expect(second).toBe(first);
		expect(conferenceCount()).toBe(before + 1);
		expect((await upload()).headers.get('location')).toBe(first);
		expect(conferenceCount()).toBe(before + 1);
	});

	it('refuses a form id that is not one, and makes nothing', async () => {
		const before = conferenceCount();
		const response = await post(
			server,
			'/organiser/conferences/new?/save',
			newConference('not an id!'),
			{ cookie: seed.organiserCookie }
		);
		expect(response.status).toBe(422);
		expect(conferenceCount()).toBe(before);
	});
});

describe('a removal the conference refuses', () => {
	it('answers a participant removal under a used form id as a refusal, and removes nobody', async () => {
		const commandId = newId();
		const added = await formAction(
			server,
			`${conferencePage('/participants')}?/save`,
			{
				commandId,
				name: 'Kari Nordmann',
				country: 'NO',
				role: 'employer',
				organisation: '',
				language: 'nb'
			},
			seed.organiserCookie
		);
		expect(added.type).toBe('success');
		const kari = people().find((p) => p.name === 'Kari Nordmann')!;
		const refused = await formAction<{ errors: FormError[] }>(
			server,
			`${conferencePage('/participants')}?/remove`,
			{ commandId, id: kari.id },
			seed.organiserCookie
		);
		expect(refused.type).toBe('failure');
		expect(refused.status).toBe(409);
		expect(refused.data.errors[0]!.key).toBe('errors.conflict');
		expect(people().some((p) => p.id === kari.id)).toBe(true);

		// Without JavaScript the page says so, in the organiser's language.
		const page = await post(
			server,
			`${conferencePage('/participants')}?/remove`,
			{ commandId, id: kari.id },
			{ cookie: seed.organiserCookie, headers: { 'accept-language': 'en' } }
		);
		expect(page.status).toBe(409);
		expect(await page.text()).toContain('That has already been done.');
		expect(people().some((p) => p.id === kari.id)).toBe(true);
	});

	it('answers a programme item deletion under a used form id as a refusal, and keeps the item', async () => {
		const commandId = newId();
		const added = await formAction(
			server,
			`${conferencePage('/programme')}?/save`,
			{
				commandId,
				day: '2026-05-06',
				start: '09:00',
				end: '10:00',
				title: 'Velkommen',
				kind: 'plenary'
			},
			seed.organiserCookie
		);
		expect(added.type).toBe('success');
		const items = () =>
			read((db) =>
				db.prepare('SELECT id FROM programme_items WHERE conference_id = ?').all(seed.conferenceId)
			) as { id: string }[];
		const [item] = items();
		expect(item).toBeDefined();
		const refused = await formAction<{ errors: FormError[] }>(
			server,
			`${conferencePage('/programme')}?/delete`,
			{ commandId, id: item!.id },
			seed.organiserCookie
		);
		expect(refused.type).toBe('failure');
		expect(refused.status).toBe(409);
		expect(refused.data.errors[0]!.key).toBe('errors.conflict');
		expect(items()).toHaveLength(1);

		const page = await post(
			server,
			`${conferencePage('/programme')}?/delete`,
			{ commandId, id: item!.id },
			{ cookie: seed.organiserCookie, headers: { 'accept-language': 'en' } }
		);
		expect(page.status).toBe(409);
		expect(await page.text()).toContain('That has already been done.');
		expect(items()).toHaveLength(1);
	});
});
