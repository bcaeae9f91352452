/**
 * The real server on PostgreSQL (DATABASE_URL): a session over socket.io — join, notes, reveal —
 * and a crash (SIGKILL) after which every acknowledged note is there, read from PostgreSQL.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView } from '$lib/domain/session/views';
import { openPostgres } from '$lib/server/db/postgres/pool';
import { newId, type TestClient } from '../integration/helpers/client';
import { startServer, type TestServer } from '../integration/helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	reconnectPhone,
	startWriting
} from '../integration/helpers/session';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: TestServer;
const clients: TestClient[] = [];
const track = <T extends TestClient>(client: T): T => (clients.push(client), client);

const phoneView = (client: TestClient) => client.view?.view as ParticipantView | undefined;
const myNotes = (client: TestClient) =>
	phoneView(client)?.runs.flatMap((r) => r.myNotes.map((n) => n.text)) ?? [];
const revealedIn = (view: ParticipantView | undefined) =>
	view?.runs.flatMap((r) => r.notes.map((n) => n.text)) ?? [];

beforeAll(async () => {
	database = await freshDatabase();
	server = await startServer({ env: { DATABASE_URL: database.url } });
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
	await database?.drop();
});

describe('the server on PostgreSQL', () => {
	it('runs a session and keeps every acknowledged note across a crash', async () => {
		const session = await createSession(server, { title: 'Gruppe 5' });
		const facilitator = track(await connectConsole(server, session));
		const questionId = await startWriting(facilitator);
		const aino = await joinPhone(server, session.joinCode, 'Aino');
		const bjorn = await joinPhone(server, session.joinCode, 'Bjørn');
		track(aino.client);
		track(bjorn.client);
		const write = async (client: TestClient, text: string) => {
			const ack = await client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text
			});
			expect(ack.ok).toBe(true);
		};
		await write(aino.client, 'Byråkrati');
		await write(aino.client, 'Mangel på langsiktighet');
		await write(bjorn.client, 'Arbeidsgivere som lytter');

		const advanced = await facilitator.command('phase.advance', {
			id: newId(),
			questionId,
			from: 'write'
		});
		expect(advanced.ok).toBe(true);
		const next = await facilitator.command('reveal.next', { id: newId(), questionId });
		expect(next.ok).toBe(true);
		await bjorn.client.waitForView((v) => revealedIn(v.view as ParticipantView).length === 1);

		// Killed right after the last ack: no shutdown code runs, no snapshot is written.
		await server.kill();
		await server.start();

		const back = track(await reconnectPhone(server, aino.token));
		expect(myNotes(back)).toEqual(['Byråkrati', 'Mangel på langsiktighet']);
		const bjornBack = track(await reconnectPhone(server, bjorn.token));
		expect(myNotes(bjornBack)).toEqual(['Arbeidsgivere som lytter']);
		expect(revealedIn(phoneView(bjornBack))).toHaveLength(1);

		// Everything lives in PostgreSQL: no SQLite file was made, and its rows hold the session.
		expect(existsSync(server.databasePath)).toBe(false);
		const pool = await openPostgres(database.url, 1);
		try {
			const events = await pool.query(
				'SELECT count(*) AS n FROM session_events WHERE session_id = $1',
				[session.sessionId]
			);
			expect(events.rows[0].n).toBeGreaterThanOrEqual(5);
		} finally {
			await pool.end();
		}
	});
});
