/**
 * A phone on /j opens its socket as a guest while the person still types a name. Such a socket
 * must learn nothing about any session — not the one whose page it came from, not another —
 * until its own join is acknowledged, on WebSocket and on long-polling alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, newId, type TestClient } from './helpers/client';
import { TestServer } from './helpers/server';
import { connectConsole, createSession, joinPhone, startWriting } from './helpers/session';

const transports = ['websocket', 'polling'] as const;
let server: TestServer;
const open: TestClient[] = [];
const track = async (client: Promise<TestClient>) => {
	const connected = await client;
	open.push(connected);
	return connected;
};

beforeAll(async () => {
	server = new TestServer();
	await server.start();
});

afterAll(async () => {
	for (const client of open) client.close();
	await server.dispose();
});

describe('a guest socket, before it joins', () => {
	it.each(transports)(
		'hears nothing while the session runs, on %s, and its own view once it joins',
		async (transport) => {
			const session = await createSession(server, { title: 'Quiet guest' });
			// The guest as the phone opens it: a language, no token, no code.
			const guest = await track(
				connect(server, { auth: { role: 'guest', lang: 'sv' }, transports: [transport] })
			);
			const facilitator = await track(connectConsole(server, session));
			const questionId = await startWriting(facilitator);
			const writer = await joinPhone(server, session.joinCode, 'Writer');
			open.push(writer.client);
			const secret = `Private note ${newId()}`;
			const added = await writer.client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text: secret
			});
			expect(added.ok).toBe(true);
			// What the others got by now has been sent; the guest's socket is still open.
			await facilitator.waitForView((v) => JSON.stringify(v).includes('Writer'));
			expect(guest.socket.connected).toBe(true);
			expect(guest.frames, 'no event reached the guest').toEqual([]);
			expect(guest.receivedText()).not.toContain('Quiet guest');
			expect(guest.receivedText()).not.toContain(secret);

			// Its join is what makes it a participant, with its own view only.
			const joined = await guest.command('participant.join', {
				id: newId(),
				code: session.joinCode,
				name: 'Late guest'
			});
			expect(joined.ok).toBe(true);
			const view = await guest.waitForView((v) => v.view.role === 'participant');
			expect(JSON.stringify(view)).not.toContain(secret);
		}
	);
});
