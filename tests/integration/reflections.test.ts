/**
 * Reflections by anyone in a group, over real sockets: a phone's crafted reflection is refused
 * until the console allows members to reflect (on WebSocket and on long-polling alike), a phone
 * writes only as itself, its text reaches the console and no other phone, and a deleted
 * reflection is gone from the database file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, ParticipantView } from '$lib/domain/session/views';
import type { Ack } from '$lib/realtime/contract';
import { newId, type TestClient } from './helpers/client';
import { TestServer } from './helpers/server';
import { connectConsole, createSession, joinPhone } from './helpers/session';

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

/** Whether the database file, its WAL or its shared memory holds this text. */
function stored(text: string): boolean {
	return ['', '-wal', '-shm'].some((suffix) => {
		try {
			return readFileSync(`${server.databasePath}${suffix}`).includes(Buffer.from(text));
		} catch {
			return false;
		}
	});
}

describe('a member’s reflection over the socket', () => {
	it.for(['websocket', 'polling'] as const)(
		'is refused until the console allows it, then reaches the console and no other phone (%s)',
		async (transport) => {
			const options = { transports: [transport] };
			const session = await createSession(server, { questions: ['What helps?'] });
			const console = await connectConsole(server, session, options);
			const astrid = await joinPhone(server, session.joinCode, 'Astrid', options);
			const bjorn = await joinPhone(server, session.joinCode, 'Bjørn', options);
			clients.push(console, astrid.client, bjorn.client);
			const secret = `SECRET-REFLECTION-${transport}`;
			const write = (client: TestClient, fields: Record<string, unknown>) =>
				client.send('reflection.write', {
					id: newId(),
					reflectionId: newId(),
					text: secret,
					...fields
				}) as Promise<Ack>;

			const early = await write(astrid.client, {});
			expect(early).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			const allowed = await console.command('session.configure', {
				id: newId(),
				settings: { membersReflect: true }
			});
			expect(allowed.ok).toBe(true);
			// As someone else: refused, whatever the payload says.
			const asBjorn = await write(astrid.client, { authorId: bjorn.participantId });
			expect(asBjorn).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			const tooLong = await write(astrid.client, { text: 'x'.repeat(10_001) });
			expect(tooLong).toMatchObject({ ok: false, error: { code: 'too_long' } });
			if (!tooLong.ok) expect(tooLong.error.message).toContain('10');

			const reflectionId = newId();
			expect(await write(astrid.client, { reflectionId, showName: true })).toEqual({ ok: true });
			const seen = await console.waitForView(
				(v) => (v.view as FacilitatorView).reflections?.length === 1
			);
			expect((seen.view as FacilitatorView).reflections[0]).toMatchObject({
				authorId: astrid.participantId,
				text: secret,
				showName: true,
				byAuthor: true
			});
			const own = await astrid.client.waitForView(
				(v) => (v.view as ParticipantView).myReflections?.length === 1
			);
			expect((own.view as ParticipantView).myReflections[0]!.id).toBe(reflectionId);
			// Bjørn may neither read nor change it.
			await bjorn.client.waitForView((v) => v.view.settings.membersReflect === true);
			expect(JSON.stringify(bjorn.client.frames)).not.toContain(secret);
			expect(await write(bjorn.client, { reflectionId })).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
			expect(
				await bjorn.client.send('reflection.delete', { id: newId(), reflectionId })
			).toMatchObject({ ok: false, error: { code: 'forbidden' } });

			// Closed again: no new reflection.
			await console.command('session.configure', {
				id: newId(),
				settings: { membersReflect: false }
			});
			expect(await write(bjorn.client, {})).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
			// Rewritten: the earlier words are gone from the files; deleted: all of it.
			expect(stored(secret)).toBe(true);
			const closedAgain = await write(astrid.client, { reflectionId, text: `CLOSED-${transport}` });
			expect(closedAgain).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			await console.command('session.configure', {
				id: newId(),
				settings: { membersReflect: true }
			});
			expect(await write(astrid.client, { reflectionId, text: `REWRITTEN-${transport}` })).toEqual({
				ok: true
			});
			expect(stored(secret)).toBe(false);
			expect(await astrid.client.send('reflection.delete', { id: newId(), reflectionId })).toEqual({
				ok: true
			});
			expect(stored(`REWRITTEN-${transport}`)).toBe(false);
			await console.waitForView((v) => (v.view as FacilitatorView).reflections.length === 0);
		}
	);

	it('the discussion is the console’s: a phone cannot write it, and the console sees it', async () => {
		const session = await createSession(server, { questions: ['What helps?'] });
		const console = await connectConsole(server, session);
		const phone = await joinPhone(server, session.joinCode, 'Astrid');
		clients.push(console, phone.client);
		const questionId = console.view!.view.currentQuestionId;
		expect(
			await phone.client.send('discussion.write', { id: newId(), questionId, text: 'Mine' })
		).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(
			await console.command('discussion.write', {
				id: newId(),
				questionId,
				text: 'We talked at length'
			})
		).toEqual({ ok: true });
		const seen = await console.waitForView(
			(v) => (v.view as FacilitatorView).runs[0]!.discussion === 'We talked at length'
		);
		expect(seen).toBeTruthy();
		expect(JSON.stringify(phone.client.frames)).not.toContain('We talked at length');
	});
});
