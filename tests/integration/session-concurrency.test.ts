/**
 * Commands on one session sent at once from several devices (WebSocket and long-polling): each
 * is answered, stored as the next event with no gap, and held in the state everyone sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '$lib/server/http/new-session';
import { newId, type TestClient } from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	readDb,
	startWriting,
	type Phone
} from './helpers/session';

let server: TestServer;
let session: CreatedSession;
let facilitator: TestClient;
let phones: Phone[];
let questionId: string;

beforeAll(async () => {
	server = await startServer();
	session = await createSession(server, { questions: ['What stands in the way?'] });
	facilitator = await connectConsole(server, session);
	questionId = await startWriting(facilitator);
	phones = [
		await joinPhone(server, session.joinCode, 'Ingrid'),
		await joinPhone(server, session.joinCode, 'Sami', { transports: ['polling'] })
	];
});

afterAll(async () => {
	facilitator?.close();
	for (const phone of phones ?? []) phone.client.close();
	await server?.dispose();
});

describe('commands on one session sent at once', () => {
	it('are all answered, stored without a gap, and all held in the state', async () => {
		const notesEach = 6;
		const texts = (name: string) =>
			Array.from({ length: notesEach }, (_, i) => `${name}'s note ${i + 1}`);
		// Every command leaves before any answer comes back.
		const sent = [
			...phones.flatMap((phone, p) =>
				texts(`phone ${p}`).map((text) =>
					phone.client.command('note.add', { id: newId(), questionId, noteId: newId(), text })
				)
			),
			facilitator.command('question.add', { id: newId(), questionId: newId(), text: 'And now?' })
		];
		const acks = await Promise.all(sent);
		expect(acks.filter((ack) => !ack.ok)).toEqual([]);

		const { seq, seqs } = readDb(server.databasePath, (db) => ({
			seq: (
				db.prepare('SELECT seq FROM sessions WHERE id = ?').get(session.sessionId) as {
					seq: number;
				}
			).seq,
			seqs: (
				db
					.prepare('SELECT seq FROM session_events WHERE session_id = ? ORDER BY seq')
					.all(session.sessionId) as { seq: number }[]
			).map((row) => row.seq)
		}));
		expect(seqs).toEqual(Array.from({ length: seq }, (_, i) => i + 1));

		for (const [p, phone] of phones.entries()) {
			const view = await phone.client.waitForView(
				(v) =>
					v.view.role === 'participant' &&
					v.view.questions.length === 2 &&
					v.view.runs.find((run) => run.id === questionId)!.myNotes.length === notesEach
			);
			if (view.view.role !== 'participant') throw new Error('not a phone');
			const mine = view.view.runs.find((run) => run.id === questionId)!.myNotes;
			expect(mine.map((note) => note.text).sort()).toEqual(texts(`phone ${p}`).sort());
		}
	});
});
