/**
 * Two Samråd installations (two PostgreSQL databases) on one Redis keep their abuse counters,
 * change signals and socket.io streams apart: an address that guessed codes up to the cap on
 * one installation joins the other at once, and every key and channel each one uses is named
 * under its own prefix, derived from its secret.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../integration/helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	startWriting
} from '../integration/helpers/session';
import { newId, type TestClient } from '../integration/helpers/client';
import { redisNamespace } from '$lib/server/app';
import { freshDatabase } from './databases';

let databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
let ours: TestServer;
let theirs: TestServer;
const secrets = [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')];
const clients: TestClient[] = [];

const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const page = (server: TestServer, path: string, address: string) =>
	fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': address } });

beforeAll(async () => {
	databases = await Promise.all([freshDatabase(), freshDatabase()]);
	const env = (url: string, secret: string) => ({
		DATABASE_URL: url,
		SESSION_SECRET: secret,
		REDIS_URL: inject('redisUrl'),
		TRUST_PROXY: 'true',
		RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3'
	});
	const [first, second] = databases;
	[ours, theirs] = await Promise.all([
		startServer({ env: env(first!.url, secrets[0]!) }),
		startServer({ env: env(second!.url, secrets[1]!) })
	]);
});

afterAll(async () => {
	for (const client of clients) client.close();
	await Promise.all([ours?.dispose(), theirs?.dispose()]);
	for (const database of databases) await database.drop();
});

describe('two installations on one Redis', () => {
	it('do not share abuse counters', async () => {
		const address = someAddress();
		const session = await createSession(theirs);
		// Up to the cap on our installation: our own code is now refused to this address.
		for (const code of ['ZZZZZZ', 'YYYYYY', 'XXXXXX']) await page(ours, `/j/${code}`, address);
		expect((await page(ours, '/j/WWWWWW', address)).status).toBe(429);
		// Their installation has never seen this address guess.
		expect((await page(theirs, `/j/${session.joinCode}`, address)).status).toBe(200);
	});

	it('name every key and channel they use under their own prefix, derived from their secret', async () => {
		// Each installation at work: a console, a phone joined, a note written (counters, change
		// signals, presence and the socket.io stream).
		for (const server of [ours, theirs]) {
			const session = await createSession(server);
			const console = await connectConsole(server, session);
			const phone = await joinPhone(server, session.joinCode, 'Signe');
			clients.push(console, phone.client);
			const questionId = await startWriting(console);
			const ack = await phone.client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text: 'Written on one installation'
			});
			expect(ack.ok).toBe(true);
		}
		const prefixes = secrets.map((secret) => redisNamespace({ redisPrefix: null }, secret));
		expect(prefixes[0]).not.toBe(prefixes[1]);
		const redis = new Redis(inject('redisUrl'));
		try {
			const keys = await redis.keys('*');
			const channels = (await redis.pubsub('CHANNELS', '*')) as string[];
			for (const prefix of prefixes) {
				// Counters and the socket.io stream are keys; change signals and presence are channels.
				expect(keys.filter((k) => k.startsWith(`${prefix}:`)).length, prefix).toBeGreaterThan(0);
				expect(channels.filter((c) => c.startsWith(`${prefix}:`)).length, prefix).toBeGreaterThan(
					0
				);
			}
			// Nothing of these installations under no prefix or a bare "samrad:" of its own.
			const unprefixed = [...keys, ...channels].filter(
				(name) => !/^samrad:[0-9a-f]{16}:/.test(name)
			);
			expect(unprefixed).toEqual([]);
		} finally {
			redis.disconnect();
		}
	});
});
