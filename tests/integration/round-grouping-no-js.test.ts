/**
 * The round page as a browser without JavaScript uses it (a locked-down laptop): plain form
 * posts with the page's own hidden fields, answered with the page itself. The number of groups
 * per role, "make them its leaders" and swap in the selection bar send what the page's HTML
 * holds, and an undo refused because of another organiser names who changed what.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { listParticipants } from '$lib/server/db/participants';
import { listGroups, listSeats } from '$lib/server/db/rounds';
import {
	coOrganiserCookie,
	seedConference,
	withApp,
	type SeededConference
} from './helpers/conference';
import { hiddenFieldsOf, pageOf, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { readDb } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
/** A co-organiser's cookie, under an account named "Co Organiser". */
let colleague: string;
/** A round not started yet, allocated by role. */
let roundId: string;
/** A round not started yet, with no groups. */
let emptyRoundId: string;

const read = <T>(query: (db: Database.Database) => T): T => readDb(server.databasePath, query);
const seats = (round = roundId) => read((db) => listSeats(db, round));
const groups = () => read((db) => listGroups(db, roundId));
const people = () => read((db) => listParticipants(db, seed.conferenceId));
const seatOf = (id: string) => seats().find((s) => s.participantId === id);

const page = (round = roundId) => `/organiser/conferences/${seed.conferenceId}/rounds/${round}`;
/** Text as the page's HTML writes it. */
const html = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const unescape = (value: string) =>
	value
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');

/**
 * Loads the page, then posts the form whose action is `formAction` with its hidden fields and
 * `fields` to `action` (a button's formaction), as a browser without JavaScript does.
 */
async function submit(
	formAction: string,
	action: string,
	fields: Record<string, string | string[]>,
	cookie = seed.organiserCookie,
	round = roundId
) {
	const hidden = hiddenFieldsOf(await pageOf(server, page(round), cookie), formAction)[0] ?? {};
	const response = await post(
		server,
		`${page(round)}${action}`,
		{ ...hidden, ...fields },
		{ cookie }
	);
	return { status: response.status, html: await response.text() };
}
/** The selection bar: people ticked anywhere on the page, and a button's action. */
const selectionBar = (action: string, fields: Record<string, string | string[]>, cookie?: string) =>
	submit('?/move', action, fields, cookie);

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await withApp(server.databasePath, async (app) => {
		colleague = await coOrganiserCookie(app, seed.conferenceId);
		const roundIds: string[] = [];
		for (const title of ['Etter rolle', 'Etter rolle igjen']) {
			const round = await app.conferences.saveRound(seed.conferenceId, null, {
				title,
				theme: '',
				rule: 'role',
				maxGroupSize: 7,
				questions: ['Hva hjelper?']
			});
			if (!round.ok) throw new Error(JSON.stringify(round.error));
			roundIds.push(round.value.id);
		}
		[roundId, emptyRoundId] = roundIds as [string, string];
		const allocated = await app.conferences.allocate(seed.conferenceId, roundId);
		if (!allocated.ok) throw new Error(JSON.stringify(allocated.error));
	});
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

describe('the round page without JavaScript', () => {
	it('reads the number of groups typed for a role beside its "own groups" choice', async () => {
		const settings = { mode: 'unplaced', rule: 'role', maxGroupSize: '7' };
		const preview = (fields: Record<string, string>) =>
			submit('?/preview', '?/preview', { ...settings, ...fields }, undefined, emptyRoundId);
		/** The plan the preview's apply form sends back unchanged, and its role options. */
		const planOf = (answer: { html: string }) => {
			const apply = hiddenFieldsOf(answer.html, '?/reallocate')[0];
			expect(apply?.reallocation, 'a plan to apply').toBeTruthy();
			const request = JSON.parse(unescape(apply!.reallocation!)) as {
				settings: { roles: Record<string, object | undefined> };
			};
			const fields = { ...apply!, reallocation: unescape(apply!.reallocation!) };
			return { fields, roles: request.settings.roles };
		};

		// `own:<n>` as the page sends it with JavaScript still works.
		const enhanced = planOf(await preview({ 'role:employer': 'own:3' }));
		expect(enhanced.roles.employer).toEqual({ kind: 'own', groups: 3 });

		const previewed = await preview({
			'role:employer': 'own',
			'groups:employer': '3',
			'role:job-coach': 'own',
			'groups:job-coach': ''
		});
		expect(previewed.status).toBe(200);
		const plan = planOf(previewed);
		expect(plan.roles.employer).toEqual({ kind: 'own', groups: 3 });
		// An empty count: as many groups as the size limit needs.
		expect(plan.roles['job-coach'] ?? { kind: 'own' }).toEqual({ kind: 'own' });

		const applied = await post(server, `${page(emptyRoundId)}?/reallocate`, plan.fields, {
			cookie: seed.organiserCookie
		});
		expect(applied.status).toBe(200);
		const roleOf = new Map(people().map((p) => [p.id, p.role]));
		const employerGroups = new Set(
			seats(emptyRoundId)
				.filter((s) => roleOf.get(s.participantId) === 'employer')
				.map((s) => s.groupId)
		);
		expect(employerGroups.size).toBe(3);
	});

	it('makes the ticked people the leaders of the group chosen in the selection bar', async () => {
		const [group] = groups();
		const chosen = seats()
			.filter((s) => s.groupId !== group!.id)
			.slice(0, 2)
			.map((s) => s.participantId);
		const answer = await selectionBar('?/lead', { to: group!.id, participantIds: chosen });
		expect(answer.status).toBe(200);
		for (const id of chosen)
			expect(seatOf(id)).toMatchObject({ groupId: group!.id, leader: true, pinned: true });
		const leaders = seats().filter((s) => s.groupId === group!.id && s.leader);
		expect(leaders.map((s) => s.participantId).sort()).toEqual([...chosen].sort());
	});

	it('swaps the two ticked people, and asks for two when one is ticked', async () => {
		const [first, second] = groups();
		const a = seats().find((s) => s.groupId === first!.id && !s.leader)!.participantId;
		const b = seats().find((s) => s.groupId === second!.id && !s.leader)!.participantId;
		const swapped = await selectionBar('?/swap', { to: first!.id, participantIds: [a, b] });
		expect(swapped.status).toBe(200);
		expect(seatOf(a)?.groupId).toBe(second!.id);
		expect(seatOf(b)?.groupId).toBe(first!.id);

		const before = JSON.stringify(seats());
		for (const ticked of [[a], [a, b, seats()[0]!.participantId]]) {
			const refused = await selectionBar('?/swap', { to: first!.id, participantIds: ticked });
			expect(refused.status).toBe(422);
			expect(refused.html).toContain(html(fixedT('en')('organiser.roundDetail.bulk.swapTwo')));
		}
		expect(JSON.stringify(seats())).toBe(before);
	});

	it('names the other organiser when their later change refuses an undo', async () => {
		const someone = people().find((p) => p.role === 'worker')!;
		const other = groups().find((g) => g.id !== seatOf(someone.id)?.groupId)!;
		const noGroup = await selectionBar('?/noGroup', { to: other.id, participantIds: someone.id });
		expect(noGroup.status).toBe(200);
		const moved = await selectionBar(
			'?/move',
			{ to: other.id, participantIds: someone.id },
			colleague
		);
		expect(moved.status).toBe(200);

		const refused = await submit('?/undo', '?/undo', {});
		expect(refused.status).toBe(422);
		expect(refused.html).toContain(
			html(fixedT('en')('errors.undo_conflict_by', { by: 'Co Organiser', affected: someone.name }))
		);
		expect(seatOf(someone.id)?.groupId).toBe(other.id);
	});
});
