/**
 * Two Samråd installations (two PostgreSQL databases) on one Redis keep their abuse counters,
 * change signals and socket.io streams apart: an address that guessed codes up to the cap on
 * one installation joins the other at once.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../integration/helpers/server';
import { createSession } from '../integration/helpers/session';
import { freshDatabase } from './databases';

let databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
let ours: TestServer;
let theirs: TestServer;

const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const page = (server: TestServer, path: string, address: string) =>
	fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': address } });

beforeAll(async () => {
	databases = await Promise.all([freshDatabase(), freshDatabase()]);
	const env = (url: string) => ({
		DATABASE_URL: url,
		REDIS_URL: inject('redisUrl'),
		TRUST_PROXY: 'true',
		RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3'
	});
	const [first, second] = databases;
	[ours, theirs] = await Promise.all([
		startServer({ env: env(first!.url) }),
		startServer({ env: env(second!.url) })
	]);
});

afterAll(async () => {
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
});
