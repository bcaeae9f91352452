/**
 * Durability: what was acknowledged before a restart is there after it, whether the server
 * stopped cleanly (SIGTERM) or crashed (SIGKILL). Phones keep their tokens.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView } from '$lib/domain/session/views';
import { newId, type TestClient } from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	readDb,
	reconnectPhone,
	startWriting
} from './helpers/session';

let server: TestServer;
let clients: TestClient[] = [];

function track<T extends TestClient>(client: T): T {
	clients.push(client);
	return client;
}

function myNotes(client: TestClient): string[] {
	const view = client.view?.view as ParticipantView | undefined;
	return view?.runs.flatMap((run) => run.myNotes.map((n) => n.text)) ?? [];
}

beforeAll(async () => {
	server = await startServer();
});

afterEach(() => {
	for (const client of clients) client.close();
	clients = [];
});

afterAll(async () => {
	await server?.dispose();
});

describe('restarts', () => {
	it('keep sessions, people and notes across a graceful stop (SIGTERM)', async () => {
		const session = await createSession(server, { title: 'Sigtuna, group 5' });
		const facilitator = track(await connectConsole(server, session));
		const questionId = await startWriting(facilitator);
		const phone = await joinPhone(server, session.joinCode, 'Aino');
		track(phone.client);
		const command = { id: newId(), questionId, noteId: newId(), text: 'Bureaucracy' };
		const ack = await phone.client.command('note.add', command);
		expect(ack.ok).toBe(true);

		expect(await server.stop()).toBe(0);
		const events = server.logs().map((l) => l.event);
		expect(events).toContain('server.stopping');
		expect(events).toContain('server.stopped');
		await server.start();

		// The phone comes back with the token it got before the restart.
		const back = track(await reconnectPhone(server, phone.token));
		expect(myNotes(back)).toEqual(['Bureaucracy']);
		const console_ = track(await connectConsole(server, session));
		const view = console_.view!.view;
		expect(view.title).toBe('Sigtuna, group 5');
		expect(view.people.map((p) => p.name)).toEqual(['Aino']);
		expect(view.questions[0]!.phase).toBe('write');
		// The join code still works for new phones.
		const late = await joinPhone(server, session.joinCode, 'Björn');
		track(late.client);

		// A command repeated after the restart is still answered from the store, not applied again.
		const again = await back.command('note.add', command);
		expect(again).toEqual(ack);
		const noteEvents = readDb(
			server.databasePath,
			(db) =>
				db
					.prepare('SELECT count(*) AS n FROM session_events WHERE session_id = ? AND event LIKE ?')
					.get(session.sessionId, `%${command.noteId}%`) as { n: number }
		);
		// After SIGTERM the notes live in the snapshot; events after it are none or one, never two.
		expect(noteEvents.n).toBeLessThanOrEqual(1);
		expect(myNotes(back)).toEqual(['Bureaucracy']);
	});

	it('keep every acknowledged command across a crash (SIGKILL)', async () => {
		const session = await createSession(server, { questions: ['What works?', 'What next?'] });
		const facilitator = track(await connectConsole(server, session));
		const questionId = await startWriting(facilitator);
		const phone = await joinPhone(server, session.joinCode, 'Sigrún');
		track(phone.client);
		const texts = ['Job coaches', 'Employers who listen', 'Long-term funding'];
		for (const text of texts) {
			const ack = await phone.client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text
			});
			expect(ack.ok).toBe(true);
		}
		const onBehalf = await facilitator.command('participant.add', {
			id: newId(),
			participantId: newId(),
			name: 'Without a phone'
		});
		expect(onBehalf.ok).toBe(true);

		// Killed right after the last ack: no shutdown code runs, no snapshot is written.
		await server.kill();
		expect(server.logs().filter((l) => l.event === 'server.stopped')).toHaveLength(1);
		await server.start();

		const back = track(await reconnectPhone(server, phone.token));
		expect(myNotes(back)).toEqual(texts);
		const console_ = track(await connectConsole(server, session));
		expect(console_.view!.view.people.map((p) => p.name)).toEqual(['Sigrún', 'Without a phone']);

		// And the session carries on after the crash.
		const after = await back.command('note.add', {
			id: newId(),
			questionId,
			noteId: newId(),
			text: 'After the crash'
		});
		expect(after.ok).toBe(true);
		await back.waitForView((v) =>
			(v.view as ParticipantView).runs.some((r) =>
				r.myNotes.some((n) => n.text === 'After the crash')
			)
		);
	});

	it('keep the snapshot and every acknowledged event after it across a crash (SIGKILL)', async () => {
		// Its own server: 203 commands from one console are more than the default limits allow.
		const busy = await startServer({
			env: {
				RATE_LIMIT_COMMANDS_PER_SOCKET: '100000',
				RATE_LIMIT_COMMANDS_PER_BINDING: '100000',
				RATE_LIMIT_COMMANDS_PER_ADDRESS: '100000'
			}
		});
		try {
			const session = await createSession(busy);
			const facilitator = track(await connectConsole(busy, session));
			// A session's snapshot is stored every 200 events: this run passes one and goes on.
			for (let n = 1; n <= 203; n++) {
				const ack = await facilitator.command('session.retitle', {
					id: newId(),
					title: `Gruppe ${n}`
				});
				expect(ack.ok).toBe(true);
			}
			const stored = () =>
				readDb(busy.databasePath, (db) => ({
					snapshotSeq: (
						db
							.prepare('SELECT seq FROM session_snapshots WHERE session_id = ?')
							.get(session.sessionId) as { seq: number }
					).seq,
					events: db
						.prepare('SELECT seq FROM session_events WHERE session_id = ? ORDER BY seq')
						.pluck()
						.all(session.sessionId)
				}));
			expect(stored()).toEqual({ snapshotSeq: 200, events: [201, 202, 203] });

			// Killed right after the last ack: the state comes back from the snapshot and events.
			await busy.kill();
			await busy.start();
			expect(stored()).toEqual({ snapshotSeq: 200, events: [201, 202, 203] });
			const back = track(await connectConsole(busy, session));
			expect(back.view!.view.title).toBe('Gruppe 203');
		} finally {
			await busy.dispose();
		}
	});

	it('keep phone tokens valid across restarts, and still refuse forged ones', async () => {
		const session = await createSession(server);
		const phone = await joinPhone(server, session.joinCode, 'Kari');
		phone.client.close();
		await server.restart('SIGKILL');
		await server.restart('SIGTERM');
		const back = track(await reconnectPhone(server, phone.token));
		expect((back.view!.view as ParticipantView).me).toEqual({
			id: phone.participantId,
			name: 'Kari'
		});

		const [sessionId, participantId] = phone.token.split('.');
		const forged = `${sessionId}.${participantId}.${'B'.repeat(32)}`;
		await expect(reconnectPhone(server, forged)).rejects.toThrow('unauthenticated');
	});
});
