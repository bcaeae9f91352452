/**
 * An empty group is never started and never shown: not on the plenum screen, not in the live
 * overview, not in the report in any format (nor in the archive), and a round that cannot start
 * says which group lacks what.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceView } from '$lib/realtime/conference-views';
import { listGroups } from '$lib/server/db/rounds';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, withApp, type SeededConference } from './helpers/conference';
import { docxParagraphs, pdfText } from './helpers/export-files';
import { formAction } from './helpers/organiser-http';
import { TestServer } from './helpers/server';
import { readDb } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
let scratch: string;
const clients: TestClient[] = [];
/** The empty group's own name: searched for on every surface. */
const emptyName = 'Tomrommet Ø';
let emptyGroupId: string;
/** A second round, not started, without questions of its own. */
let laterRoundId: string;
/** A group with people, named in the report's language. */
const presentName = 'Arbeidstakere';

const read = <T>(query: (db: Database.Database) => T): T => readDb(server.databasePath, query);

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'role', maxGroupSize: 7 });
	await withApp(server.databasePath, async (app) => {
		emptyGroupId = 'empty-group-of-the-test';
		const added = await app.conferences.group(seed.conferenceId, seed.roundId, {
			type: 'addGroup',
			groupId: emptyGroupId,
			name: emptyName
		});
		if (!added.ok) throw new Error(JSON.stringify(added.error));
		const later = await app.conferences.saveRound(seed.conferenceId, null, {
			title: 'Andre gruppearbeid',
			theme: '',
			rule: 'role',
			maxGroupSize: 7,
			questions: []
		});
		if (!later.ok) throw new Error(JSON.stringify(later.error));
		laterRoundId = later.value.id;
		const allocated = await app.conferences.allocate(seed.conferenceId, laterRoundId);
		if (!allocated.ok) throw new Error(JSON.stringify(allocated.error));
	});
	scratch = mkdtempSync(join(tmpdir(), 'samrad-empty-'));
	await server.start();
}, 60_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function viewWhere<K extends ConferenceView['kind']>(
	client: TestClient,
	kind: K
): Promise<Extract<ConferenceView, { kind: K }>> {
	const deadline = Date.now() + 5_000;
	for (;;) {
		const view = client.frames
			.filter((f) => f.kind === 'event' && f.name === 'conference.view')
			.map((f) => (f.args[0] as { view: ConferenceView }).view)
			.reverse()
			.find((v): v is Extract<ConferenceView, { kind: K }> => v.kind === kind);
		if (view) return view;
		if (Date.now() > deadline) throw new Error(`no ${kind} view`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

async function download(format: string): Promise<Response> {
	const url = `${server.url}/organiser/conferences/${seed.conferenceId}/export/download?format=${format}&lang=nb`;
	const response = await fetch(url, { headers: { cookie: seed.organiserCookie } });
	expect(response.status).toBe(200);
	return response;
}

describe('an empty group', () => {
	it('has no session in a started round', () => {
		const group = read((db) => listGroups(db, seed.roundId)).find((g) => g.id === emptyGroupId);
		expect(group).toBeDefined();
		expect(group!.sessionId).toBeNull();
	});

	it('is not on the plenum screen, over WebSocket or long-polling', async () => {
		for (const transports of [['websocket'], ['polling']] as const) {
			const plenum = await connect(server, {
				auth: { role: 'plenum', token: seed.plenumToken },
				transports: [...transports]
			});
			clients.push(plenum);
			const view = await viewWhere(plenum, 'plenum');
			expect(view.groups.length).toBeGreaterThan(0);
			expect(view.groups.map((g) => g.name)).not.toContain(emptyName);
			expect(view.groups.map((g) => g.id)).not.toContain(emptyGroupId);
			expect(view.groups.every((g) => g.members > 0)).toBe(true);
		}
	});

	it('is not in the live overview', async () => {
		const organiser = await connect(server, {
			auth: { role: 'organiser', conferenceId: seed.conferenceId },
			headers: { cookie: seed.organiserCookie }
		});
		clients.push(organiser);
		const view = await viewWhere(organiser, 'overview');
		expect(view.groups.length).toBeGreaterThan(0);
		expect(view.groups.map((g) => g.id)).not.toContain(emptyGroupId);
		expect(view.groups.every((g) => g.members > 0)).toBe(true);
	});

	it('is in no format of the report, nor in the archive', async () => {
		for (const format of ['html', 'markdown', 'csv', 'json']) {
			const text = await (await download(format)).text();
			// The CSV lists notes, one a row: with none written yet it names no group at all.
			if (format !== 'csv') expect(text, format).toContain(presentName);
			expect(text, format).not.toContain(emptyName);
			expect(text, format).not.toContain(emptyGroupId);
		}
		const docx = docxParagraphs(new Uint8Array(await (await download('docx')).arrayBuffer()))
			.map((p) => p.text)
			.join('\n');
		expect(docx).toContain(presentName);
		expect(docx).not.toContain(emptyName);
		const pdf = await pdfText(new Uint8Array(await (await download('pdf')).arrayBuffer()), scratch);
		expect(pdf.text).toContain(presentName);
		expect(pdf.text).not.toContain(emptyName);
		const preview = await fetch(
			`${server.url}/organiser/conferences/${seed.conferenceId}/export/preview?lang=nb`,
			{ headers: { cookie: seed.organiserCookie } }
		);
		expect(preview.status).toBe(200);
		expect(await preview.text()).not.toContain(emptyName);
	}, 120_000);
});

describe('starting a round', () => {
	it('is refused naming the group that has no questions, and nothing starts', async () => {
		const answer = await formAction(
			server,
			`/organiser/conferences/${seed.conferenceId}/rounds/${laterRoundId}?/start`,
			{ commandId: newId() },
			seed.organiserCookie
		);
		expect(answer.type).toBe('failure');
		expect(answer.status).toBe(422);
		const groups = read((db) => listGroups(db, laterRoundId));
		const errors = (answer.data as { errors: { key: string; params: { group?: string } }[] })
			.errors;
		expect(errors).toHaveLength(1);
		expect(errors[0]!.key).toBe('errors.group_without_questions');
		expect(errors[0]!.params.group).toBe('Arbeidstakere');
		expect(groups.every((g) => g.sessionId === null)).toBe(true);
	});
});
