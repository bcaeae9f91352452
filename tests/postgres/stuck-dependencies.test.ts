/**
 * A dependency that stops answering without going away (a Redis paused, a PostgreSQL that
 * holds a lock for ever) must never hang a room in silence: every wait on it is bounded, the
 * phone gets a translated answer, and the server says in its log what it waited for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startRedis } from '../../scripts/engines/redis.js';
import { connect, newId, type TestClient } from '../integration/helpers/client';
import { startServer, type TestServer } from '../integration/helpers/server';
import { createSession } from '../integration/helpers/session';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	// A Redis of its own: this file pauses it.
	redis = await startRedis();
	server = await startServer({
		// debug: the log says when a command finds a session held elsewhere.
		env: { DATABASE_URL: database.url, REDIS_URL: redis.url, LOG_LEVEL: 'debug' }
	});
});

afterAll(async () => {
	for (const client of clients) client.close();
	process.kill(redis.pid, 'SIGCONT');
	await server?.dispose();
	redis?.stop();
	await database?.drop();
});

describe('a dependency that stops answering', () => {
	it('a paused Redis: phones joining are still answered, Redis is asked once, and the log names the wait', async () => {
		const session = await createSession(server, { title: 'Gruppe 1' });
		const phones = await Promise.all(
			['nb', 'nb'].map(() => connect(server, { auth: { role: 'guest', lang: 'nb' } }))
		);
		clients.push(...phones);
		const stats = new Redis(redis.url);
		await stats.config('RESETSTAT');
		process.kill(redis.pid, 'SIGSTOP');
		try {
			for (const [index, phone] of phones.entries()) {
				const answer = (await phone.send(
					'participant.join',
					{ id: newId(), code: session.joinCode, name: `Kari ${index}` },
					30_000
				)) as { ok: boolean; error?: { code: string; message: string } };
				// Either joined (the limits counted in this process meanwhile) or told, in Norwegian, to
				// try again; never left waiting.
				if (!answer.ok) {
					expect(answer.error?.code).toBe('unavailable');
					expect(answer.error?.message).not.toMatch(/^errors\./);
				}
			}
			await server.waitForLog('redis.unanswered', 10_000);
		} finally {
			process.kill(redis.pid, 'SIGCONT');
		}
		// What was sent to the paused Redis is read once it goes on: the limit counters' commands
		// (a script, or a read of a count and its expiry). One join asks nine counters; after the
		// first went unanswered, the rest of both joins counted in memory without asking.
		// Redis, resumed, may answer this connection's INFO before it reads the commands waiting on
		// the server's connection (seen once with the machine loaded): asked again until they are
		// counted. They arrived together, so Redis runs them in one turn.
		let info = '';
		const calls = (command: string) =>
			Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
		const counted = () => ['evalsha', 'eval', 'get', 'pttl'].reduce((n, c) => n + calls(c), 0);
		for (const end = Date.now() + 10_000; Date.now() < end;) {
			info = await stats.info('commandstats');
			if (counted() > 0) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await stats.quit();
		const limiterCalls = counted();
		expect(limiterCalls, info).toBeGreaterThan(0);
		expect(limiterCalls, info).toBeLessThanOrEqual(3);
	});

	it('a session row locked elsewhere: the command is answered unavailable, in its language, and logged; the process’s other sessions go on meanwhile', async () => {
		const session = await createSession(server, { title: 'Gruppe 2' });
		const other = await createSession(server, { title: 'Gruppe 3' });
		const phone = await connect(server, { auth: { role: 'guest', lang: 'sv' } });
		const elsewhere = await connect(server, { auth: { role: 'guest' } });
		clients.push(phone, elsewhere);
		// Another connection holds the session's row (as a stuck process's unit would).
		const holder = new pg.Client({ connectionString: database.url });
		await holder.connect();
		try {
			await holder.query('BEGIN');
			await holder.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [session.sessionId]);
			const order: string[] = [];
			const answer = (
				phone.send(
					'participant.join',
					{ id: newId(), code: session.joinCode, name: 'Ola' },
					60_000
				) as Promise<{ ok: boolean; error?: { code: string; message: string } }>
			).finally(() => order.push('held session'));
			// Once that command has found the row held, a command on another session of the same
			// process is answered before it, not queued behind its wait.
			await server.waitForLog('session.busy', 10_000);
			const next = (
				elsewhere.send(
					'participant.join',
					{ id: newId(), code: other.joinCode, name: 'Kari' },
					60_000
				) as Promise<{ ok: boolean }>
			).finally(() => order.push('other session'));
			expect((await next).ok).toBe(true);
			expect((await answer).ok).toBe(false);
			expect((await answer).error?.code).toBe('unavailable');
			expect((await answer).error?.message).not.toMatch(/^errors\./);
			expect(order).toEqual(['other session', 'held session']);
			await server.waitForLog('session.busy_timed_out', 10_000);
		} finally {
			await holder.query('ROLLBACK').catch(() => undefined);
			await holder.end();
		}
	});
});
