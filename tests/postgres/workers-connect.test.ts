/**
 * WORKERS=3: devices that arrive while a killed worker is being replaced all connect. The primary
 * hands each new connection to the worker holding the fewest; a worker just forked holds none,
 * so it gets every newcomer while its app is still opening, and whatever reaches it before it
 * takes connections must wait for it, not be lost (issue 16: phones that never connected).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type TestClient } from '../integration/helpers/client';
import { startServer, type TestServer } from '../integration/helpers/server';
import { createSession } from '../integration/helpers/session';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: TestServer;
const clients: TestClient[] = [];

const readyWorkers = () =>
	server.logs().flatMap((l) => (l.event === 'worker.ready' ? [Number(l.pid)] : []));

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`${what}:\n${server.output}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

beforeAll(async () => {
	database = await freshDatabase();
	server = await startServer({
		env: {
			DATABASE_URL: database.url,
			REDIS_URL: inject('redisUrl'),
			WORKERS: '3',
			// Limits are proven elsewhere; here every device comes from one address.
			RATE_LIMIT_JOINS_PER_ADDRESS: '1000000'
		},
		timeoutMs: 60_000
	});
	await until(() => readyWorkers().length === 3, 'three workers never got ready');
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
	await database?.drop();
});

describe('WORKERS=3 while a worker is replaced', () => {
	it('connects every device that arrives before the new worker is ready, over long-polling and WebSocket', async () => {
		const session = await createSession(server, { title: 'Gruppe 3' });
		const auth = { role: 'screen' as const, token: session.screenToken };
		// Devices already connected, two on each worker: the new worker will hold the fewest.
		for (let i = 0; i < 6; i++) clients.push(await connect(server, { auth }));
		process.kill(readyWorkers()[0]!, 'SIGKILL');
		await server.waitForLog('worker.exited', 10_000);
		// At once, while the replacement opens its app: each must connect and get its view.
		const arrivals = await Promise.allSettled(
			Array.from({ length: 24 }, async (_, i) => {
				const client = await connect(server, {
					auth,
					transports: i % 2 ? ['polling'] : ['websocket'],
					timeoutMs: 20_000
				});
				clients.push(client);
				await client.waitForView(() => true, 20_000);
			})
		);
		const failed = arrivals.flatMap((a) => (a.status === 'rejected' ? [String(a.reason)] : []));
		expect(failed, failed.join('\n')).toEqual([]);
		// And the replacement did get ready.
		await until(() => readyWorkers().length === 4, 'no replacement worker got ready');
	});
});
