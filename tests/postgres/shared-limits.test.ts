/**
 * Two server processes on one PostgreSQL database and one Redis (REDIS_URL) share their abuse
 * counters: unknown join codes guessed on one count on the other, over WebSocket, long-polling
 * and the /j page alike; and the per-key fairness holds across them, so a guesser behind a
 * venue's router does not lock that venue's phones out of a code they have joined with.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from '../integration/helpers/client';
import { startServer, type TestServer } from '../integration/helpers/server';
import { createSession, joinPhone } from '../integration/helpers/session';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let first: TestServer;
let second: TestServer;
let session: CreatedSession;
const clients: TestClient[] = [];

/** An address no other test file uses on the shared Redis. */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

beforeAll(async () => {
	database = await freshDatabase();
	const env = {
		DATABASE_URL: database.url,
		REDIS_URL: inject('redisUrl'),
		TRUST_PROXY: 'true',
		RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3'
	};
	[first, second] = await Promise.all([startServer({ env }), startServer({ env })]);
	session = await createSession(first);
});

afterAll(async () => {
	for (const client of clients) client.close();
	await Promise.all([first?.dispose(), second?.dispose()]);
	await database?.drop();
});

async function guest(
	server: TestServer,
	address: string,
	transports: ('websocket' | 'polling')[] = ['websocket']
): Promise<TestClient> {
	const client = await connect(server, {
		auth: { role: 'guest', lang: 'en' },
		headers: { 'x-forwarded-for': address },
		transports
	});
	clients.push(client);
	return client;
}

const join = (client: TestClient, code: string) =>
	client.send('participant.join', { id: newId(), code, name: 'Mallory' });

const page = (server: TestServer, path: string, address: string) =>
	fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': address } });

describe('abuse counters shared through Redis', () => {
	it('counts unknown codes guessed on one process against the address on the other', async () => {
		const guesser = someAddress();
		const onFirst = await guest(first, guesser);
		for (const code of ['ZZZZZZ', 'YYYYYY']) {
			expect(await join(onFirst, code)).toMatchObject({ ok: false, error: { code: 'not_found' } });
		}
		// The third, on the other process's page, reaches the cap of 3 shared by both.
		expect((await page(second, '/j/XXXXXX', guesser)).status).toBe(200);

		// Now the right code, never joined with from this address, is refused on both processes.
		const polling = await guest(second, guesser, ['polling']);
		expect(await join(polling, session.joinCode)).toMatchObject({
			ok: false,
			error: { code: 'rate_limited' }
		});
		expect(await join(onFirst, session.joinCode)).toMatchObject({
			ok: false,
			error: { code: 'rate_limited' }
		});
		expect((await page(first, `/j/${session.joinCode}`, guesser)).status).toBe(429);
		expect((await page(second, `/j/${session.joinCode}`, guesser)).status).toBe(429);
	});

	it('lets a venue keep joining its code on every process while a guesser behind it is capped', async () => {
		const venue = someAddress();
		const early = await joinPhone(first, session.joinCode, 'Aino', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(early.client);
		const guesser = await guest(second, venue, ['polling']);
		for (const code of ['ZZZZZZ', 'YYYYYY', 'XXXXXX', 'WWWWWW']) await join(guesser, code);
		expect(await join(guesser, 'VVVVVV')).toMatchObject({
			ok: false,
			error: { code: 'rate_limited' }
		});

		// The code the venue joined with on the first process still opens on the second, and back.
		for (const [server, name] of [
			[second, 'Bjørn'],
			[first, 'Cecilie']
		] as const) {
			const phone = await joinPhone(server, session.joinCode, name, {
				headers: { 'x-forwarded-for': venue }
			});
			clients.push(phone.client);
		}
		// And another address, on either process, is untouched.
		const neighbour = someAddress();
		expect((await page(second, `/j/${session.joinCode}`, neighbour)).status).toBe(200);
		expect((await page(first, `/j/${session.joinCode}`, neighbour)).status).toBe(200);
	});
});
