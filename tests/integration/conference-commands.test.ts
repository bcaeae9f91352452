/**
 * Organiser forms carry a command id: a form posted twice (a double click, a retry after a lost
 * answer, a replayed request) applies once, and the same id from another account changes nothing.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listParticipants } from '$lib/server/db/participants';
import { listGroups } from '$lib/server/db/rounds';
import { loadConferenceState } from '$lib/server/db/conferences';
import { newId } from './helpers/client';
import {
	coOrganiserCookie,
	seedConference,
	withApp,
	type SeededConference
} from './helpers/conference';
import { checkedParticipantsFile, hiddenFieldsOf, pageOf, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { readDb } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
/** A co-organiser's cookie: may edit the conference, under an account of their own. */
let colleague: string;

const read = <T>(query: (db: Database.Database) => T): T => readDb(server.databasePath, query);

const people = () => read((db) => listParticipants(db, seed.conferenceId));
const groups = () => read((db) => listGroups(db, seed.roundId));
const conference = () => read((db) => loadConferenceState(db, seed.conferenceId)!);

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	colleague = await withApp(server.databasePath, async (app) => {
		return await coOrganiserCookie(app, seed.conferenceId);
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

/**
 * Each form as the page serves it, posted as a browser does; the request is then replayed (a
 * retry after a lost answer) after a colleague's later change, or posted twice.
 */
describe('a form as the page serves it, posted again', () => {
	const base = () => `/organiser/conferences/${seed.conferenceId}`;

	/** The hidden fields of the one form (or the one `pick`ed) posting to `action` on a page. */
	async function formOn(
		path: string,
		action: string,
		cookie: string,
		pick: (fields: Record<string, string>) => boolean = () => true
	): Promise<Record<string, string>> {
		const forms = hiddenFieldsOf(await pageOf(server, path, cookie), action).filter(pick);
		expect(forms.length, `forms posting to ${action} on ${path}`).toBeGreaterThan(0);
		return forms[0]!;
	}

	/** Posts `fields` on the page's form as `cookie`; expects the answer a browser gets. */
	async function send(
		path: string,
		action: string,
		cookie: string,
		fields: Record<string, string | string[]>,
		status = 200
	) {
		// The form's action replaces the page's query, as in a browser.
		const response = await post(server, `${path.split('?')[0]}${action}`, fields, { cookie });
		expect(response.status, (await response.clone().text()).slice(0, 400)).toBe(status);
	}

	/**
	 * A's post, a colleague's later change on their own page, then A's post replayed: the
	 * colleague's change must stand.
	 */
	async function replayedAfterColleague(
		path: string,
		action: string,
		mine: Record<string, string | string[]>,
		theirs: Record<string, string | string[]>,
		{ status = 200, pick }: { status?: number; pick?: (f: Record<string, string>) => boolean } = {}
	) {
		const first = { ...(await formOn(path, action, seed.organiserCookie, pick)), ...mine };
		await send(path, action, seed.organiserCookie, first, status);
		const other = { ...(await formOn(path, action, colleague, pick)), ...theirs };
		await send(path, action, colleague, other, status);
		await send(path, action, seed.organiserCookie, first, status);
	}

	it("setup: a replayed save does not undo a colleague's later one", async () => {
		const c = conference().conference;
		const details = {
			subtitle: c.subtitle,
			venue: c.venue,
			startDate: c.startDate,
			endDate: c.endDate,
			language: c.language,
			languages: c.languages
		};
		await replayedAfterColleague(
			`${base()}/setup`,
			'?/save',
			{ ...details, title: 'Nordisk dialog (utkast)' },
			{ ...details, title: 'Nordisk dialog om arbeid' }
		);
		expect(conference().conference.title).toBe('Nordisk dialog om arbeid');
	});

	it('notice: a replayed notice does not come back after a colleague cleared it', async () => {
		await replayedAfterColleague(
			base(),
			'?/notice',
			{ notice: 'Kaffe i foajeen' },
			{ notice: '', clear: '1' }
		);
		expect(conference().conference.notice).toBe('');
	});

	it('plenum: a replayed choice does not take the screen back from a colleague', async () => {
		const [mine, theirs] = seed.groups;
		const onGroup = (groupId: string) => (f: Record<string, string>) => f.groupId === groupId;
		const path = `${base()}/plenum`;
		const first = await formOn(path, '?/present', seed.organiserCookie, onGroup(mine!.id));
		await send(path, '?/present', seed.organiserCookie, first);
		await send(path, '?/present', colleague, {
			...(await formOn(path, '?/present', colleague, onGroup(theirs!.id)))
		});
		await send(path, '?/present', seed.organiserCookie, first);
		expect(conference().conference.plenumGroupId).toBe(theirs!.id);
	});

	it("plenum: a replayed summary does not overwrite a colleague's later one", async () => {
		await replayedAfterColleague(
			`${base()}/plenum`,
			'?/summary',
			{ summary: 'Første utkast' },
			{ summary: 'Endelig oppsummering' }
		);
		const round = conference().rounds.find((r) => r.id === seed.roundId)!;
		expect(round.plenumSummary).toBe('Endelig oppsummering');
	});

	it('roles: adding a role posted twice adds one role', async () => {
		const path = `${base()}/participants/roles`;
		const before = conference().customRoles.length;
		const fields = {
			...(await formOn(path, '?/add', seed.organiserCookie)),
			language: 'nb',
			label: 'Tolk',
			groupLabel: 'Tolker'
		};
		await send(path, '?/add', seed.organiserCookie, fields);
		await send(path, '?/add', seed.organiserCookie, fields);
		expect(conference().customRoles).toHaveLength(before + 1);
	});

	it('import: a checked file confirmed twice adds its people once, and both answers say so', async () => {
		const path = `${base()}/participants/import`;
		const checked = await checkedParticipantsFile(server, seed.organiserCookie, seed.conferenceId);
		const before = people().length;
		const answers = [];
		for (let i = 0; i < 2; i++) {
			const response = await post(server, `${path}?/import`, checked, {
				cookie: seed.organiserCookie
			});
			answers.push(`${response.status} ${response.headers.get('location')}`);
		}
		expect(answers[0]).toMatch(/^303 .*\/participants\?imported=2&updated=0$/);
		expect(answers[1]).toBe(answers[0]);
		expect(people()).toHaveLength(before + 2);
	});

	it('import: a checked file confirmed twice at once adds its people once, and both answers say so', async () => {
		const path = `${base()}/participants/import`;
		const checked = await checkedParticipantsFile(server, seed.organiserCookie, seed.conferenceId, [
			'Sigrid Dobbeltklikk',
			'Pekka Kaksoisnapsautus'
		]);
		const before = people().length;
		// A double click: the second confirmation arrives while the first is still saving.
		const responses = await Promise.all(
			[1, 2].map(() => post(server, `${path}?/import`, checked, { cookie: seed.organiserCookie }))
		);
		const answers = responses.map((r) => `${r.status} ${r.headers.get('location')}`);
		expect(answers[0]).toMatch(/^303 .*\/participants\?imported=2&updated=0$/);
		expect(answers[1]).toBe(answers[0]);
		expect(people()).toHaveLength(before + 2);
	});

	it('participants: two people removed from one page load are both removed', async () => {
		const path = `${base()}/participants`;
		const forms = hiddenFieldsOf(await pageOf(server, path, seed.organiserCookie), '?/remove');
		const [first, second] = forms;
		expect(forms.length).toBeGreaterThan(2);
		await send(path, '?/remove', seed.organiserCookie, first!);
		await send(path, '?/remove', seed.organiserCookie, second!);
		const left = people().map((p) => p.id);
		expect(left).not.toContain(first!.id);
		expect(left).not.toContain(second!.id);
	});

	it("roles: a replayed rename does not undo a colleague's later one", async () => {
		const path = `${base()}/participants/roles?edit=policy`;
		const words = (one: string, group: string) => ({ 'label-nb': one, 'group-nb': group });
		await replayedAfterColleague(
			path,
			'?/rename',
			words('Politiker', 'Politikere'),
			words('Beslutningstaker', 'Beslutningstakere'),
			{ status: 303 }
		);
		const policy = conference().customRoles.find((r) => r.id === 'policy')!;
		expect(policy.label.nb).toBe('Beslutningstaker');
	});
});
