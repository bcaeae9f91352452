/**
 * The perspective map of a played round over HTTP and sockets, as outsiders would try it: only
 * the conference's organisers may confirm, rename, merge, split or present its themes; crafted
 * posts (foreign items, long headings, unknown themes, another round's page) change nothing;
 * the plenum screen, over WebSocket and long-polling alike, gets the theme presented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceView, PlenumView } from '$lib/realtime/conference-views';
import { connect, newId, type TestClient } from './helpers/client';
import { seedExport, type ExportSeed } from './helpers/export-seed';
import {
	accountB,
	addAccount,
	formAction,
	get,
	pageOf,
	signIn,
	type ActionAnswer
} from './helpers/organiser-http';
import { readDb } from './helpers/session';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: ExportSeed;
let roundId: string;
let otherRoundId: string;
let plenumToken: string;
let outsiderCookie: string;
const clients: TestClient[] = [];

interface StoredThemes {
	themes: { id: string; heading: string; entries: { groupId: string; itemId: string }[] }[];
	confirmedAt: number | null;
	presenting: string | null;
}

/** The round's themes as stored, or null. */
function stored(round = roundId): StoredThemes | null {
	const row = readDb(server.databasePath, (db) =>
		db
			.prepare('SELECT themes, confirmed_at, presenting FROM round_themes WHERE round_id = ?')
			.get(round)
	) as { themes: string; confirmed_at: number | null; presenting: string | null } | undefined;
	return row
		? { themes: JSON.parse(row.themes), confirmedAt: row.confirmed_at, presenting: row.presenting }
		: null;
}

const page = (round = roundId) =>
	`/organiser/conferences/${seed.conferenceId}/rounds/${round}/themes`;

/** Posts a form of the themes page as `use:enhance` does, with a fresh command id. */
const act = (
	action: string,
	fields: Record<string, string | string[]> = {},
	cookie = seed.organiserCookie,
	round = roundId
): Promise<ActionAnswer> =>
	formAction(server, `${page(round)}?/${action}`, { commandId: newId(), ...fields }, cookie);

async function plenumView(
	client: TestClient,
	predicate: (view: PlenumView) => boolean
): Promise<PlenumView> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const views = client.frames
			.filter((f) => f.kind === 'event' && f.name === 'conference.view')
			.map((f) => (f.args[0] as { view: ConferenceView }).view)
			.filter((v): v is PlenumView => v.kind === 'plenum');
		const match = views.reverse().find(predicate);
		if (match) return match;
		if (Date.now() > deadline)
			throw new Error(`no matching plenum view: ${JSON.stringify(views[0]?.theme)}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

beforeAll(async () => {
	server = new TestServer();
	seed = await seedExport(server.databasePath, { openVote: false });
	const rounds = readDb(server.databasePath, (db) =>
		db
			.prepare('SELECT id FROM rounds WHERE conference_id = ? ORDER BY position')
			.all(seed.conferenceId)
	) as { id: string }[];
	[roundId, otherRoundId] = [rounds[0]!.id, rounds[1]!.id];
	plenumToken = readDb(
		server.databasePath,
		(db) =>
			db.prepare('SELECT plenum_token FROM conferences WHERE id = ?').get(seed.conferenceId) as {
				plenum_token: string;
			}
	).plenum_token;
	await server.start();
	await addAccount(server, seed.organiserCookie, accountB);
	outsiderCookie = await signIn(server, accountB);
}, 120_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

describe('the themes of a played round', () => {
	it('proposes themes across the groups on the organiser page, as a drawing and a table', async () => {
		const html = await pageOf(server, page(), seed.organiserCookie);
		expect(html).toContain('<table class="data">');
		expect(html).toContain('role="img"');
		expect(html).toContain('action="?/confirm"');
		expect(stored()).toBeNull();
	});

	it('refuses anyone but the organisers: signed out, another organiser, the plenum link', async () => {
		const signedOut = await get(server, page());
		expect(signedOut.status).toBeGreaterThanOrEqual(300);
		expect(signedOut.status).not.toBe(200);
		expect((await get(server, page(), outsiderCookie)).status).toBe(404);
		for (const action of ['confirm', 'reset', 'present']) {
			const outsider = await act(action, {}, outsiderCookie);
			expect(outsider.status, action).toBeGreaterThanOrEqual(400);
			const anonymous = await act(action, {}, '');
			expect(['redirect', 'failure', 'error']).toContain(anonymous.type);
		}
		// The plenum screen's secret is no organiser's cookie.
		const plenum = await act('confirm', {}, `samrad_organiser=${plenumToken}`);
		expect(plenum.type).not.toBe('success');
		expect(stored()).toBeNull();
	});

	it('refuses crafted edits and changes nothing', async () => {
		expect((await act('confirm')).type).toBe('success');
		const before = stored()!;
		expect(before.confirmedAt).not.toBeNull();
		const [first, second] = before.themes;
		expect(second, 'the demo round has at least two themes').toBeDefined();
		const tooLong = await act('rename', { themeId: first!.id, heading: 'x'.repeat(121) });
		expect(tooLong).toMatchObject({ type: 'failure', status: 422 });
		const unknown = await act('rename', { themeId: 'nope', heading: 'Ny' });
		expect(unknown).toMatchObject({ type: 'failure', status: 422 });
		// Another theme's item cannot be split out of this one.
		const foreign = second!.entries[0]!;
		const crafted = await act('split', {
			themeId: first!.id,
			entryKey: `${foreign.groupId}/${foreign.itemId}`,
			heading: 'Stjålet'
		});
		expect(crafted.type).toBe('failure');
		const intoItself = await act('merge', { themeId: first!.id, intoThemeId: first!.id });
		expect(intoItself.type).toBe('failure');
		const notAtheme = await act('present', { themeId: 'nope' });
		expect(notAtheme.type).toBe('failure');
		// The other round has no confirmed themes: nothing to present there.
		const otherRound = await act('present', { themeId: first!.id }, undefined, otherRoundId);
		expect(otherRound.type).toBe('failure');
		expect(stored()).toEqual(before);
		expect(stored(otherRoundId)).toBeNull();
	});

	it('renames, merges and presents; the plenum gets the theme over WebSocket and long-polling', async () => {
		const sockets = await Promise.all(
			(['websocket', 'polling'] as const).map((transport) =>
				connect(server, { auth: { role: 'plenum', token: plenumToken }, transports: [transport] })
			)
		);
		clients.push(...sockets);
		const [first, second] = stored()!.themes;
		expect((await act('rename', { themeId: first!.id, heading: 'Fast kontaktperson' })).type).toBe(
			'success'
		);
		expect((await act('merge', { themeId: second!.id, intoThemeId: first!.id })).type).toBe(
			'success'
		);
		const merged = stored()!.themes.find((t) => t.id === first!.id)!;
		expect(merged.heading).toBe('Fast kontaktperson');
		expect(merged.entries).toHaveLength(first!.entries.length + second!.entries.length);
		expect((await act('present', { themeId: first!.id })).type).toBe('success');
		for (const socket of sockets) {
			const view = await plenumView(socket, (v) => v.theme?.id === first!.id);
			expect(view.theme!.heading).toBe('Fast kontaktperson');
			expect(view.theme!.index).toBe(stored()!.themes.findIndex((t) => t.id === first!.id));
			const raised = view.theme!.columns.filter((c) => c.items.length > 0);
			expect(raised.length).toBeGreaterThanOrEqual(1);
		}
		// Presenting a group takes the theme off the plenum.
		const groupId = merged.entries[0]!.groupId;
		const present = await formAction(
			server,
			`/organiser/conferences/${seed.conferenceId}/plenum?/present`,
			{ commandId: newId(), roundId, groupId },
			seed.organiserCookie
		);
		expect(present.type).toBe('success');
		for (const socket of sockets) {
			const view = await plenumView(socket, (v) => v.focusGroupId === groupId);
			expect(view.theme ?? null).toBeNull();
		}
		expect(stored()!.presenting).toBeNull();
	});
});
