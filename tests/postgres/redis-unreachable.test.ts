/**
 * A Redis that does not answer at start-up stops the start with a message (README, "Running
 * several processes"): the server on PostgreSQL with REDIS_URL at an address where nothing
 * listens, or where something listens and never answers, exits non-zero within seconds, says
 * why in words naming Redis, and never listens.
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runUntilExit, type Exit } from '../integration/helpers/server';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
	database = await freshDatabase();
});

afterAll(async () => {
	await database?.drop();
});

/** A TCP listener on a port the OS chose; `silent` keeps every connection open without a word. */
async function listener(silent: boolean): Promise<{ port: number; close: () => Promise<void> }> {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		if (!silent) return socket.destroy();
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		port: address.port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			})
	};
}

/** A port nothing listens on: one the OS handed out, closed again. */
async function deadPort(): Promise<number> {
	const { port, close } = await listener(false);
	await close();
	return port;
}

/** Generous for a loaded machine; a server that waits on Redis for ever is stopped at this. */
const withinMs = 30_000;

/** Runs the server on the fresh database with this REDIS_URL, timing how long it takes to end. */
async function startWithRedis(redisUrl: string): Promise<Exit & { ms: number }> {
	const started = Date.now();
	const exit = await runUntilExit({ DATABASE_URL: database.url, REDIS_URL: redisUrl }, withinMs);
	return { ...exit, ms: Date.now() - started };
}

function expectRefusedNamingRedis(exit: Exit & { ms: number }): void {
	const output = `${exit.stderr}\n${exit.stdout}`;
	expect(exit.listened, output).toBe(false);
	// Ended on its own (not killed by runUntilExit's timer), with a failure code.
	expect(exit.signal, output).toBeNull();
	expect(exit.code, output).toBe(1);
	expect(exit.ms).toBeLessThan(withinMs);
	// The line for a person (describeError may put the error's class first), and the log line.
	expect(exit.stderr).toMatch(
		/^Samråd cannot start: (Error: )?the Redis at REDIS_URL does not answer \(/m
	);
	expect(output).not.toContain('"server.listening"');
	expect(output).toMatch(/"event":"startup\.failed","reason":"[^"]*the Redis at REDIS_URL/);
}

describe('a Redis that does not answer at start-up', { timeout: 90_000 }, () => {
	it('on a port where nothing listens: the start stops with a message naming Redis', async () => {
		const port = await deadPort();
		const exit = await startWithRedis(`redis://127.0.0.1:${port}`);
		expectRefusedNamingRedis(exit);
		// The reason says what failed, at which address.
		expect(exit.stderr).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
		// Seconds, not a retry loop: ioredis is refused at once.
		expect(exit.ms).toBeLessThan(15_000);

		// The same database with the suite's Redis starts: only REDIS_URL made the difference.
		const control = await startWithRedis(inject('redisUrl'));
		expect(control.listened, control.stderr).toBe(true);
	});

	it('on a port that accepts and never answers: the start stops too, after the command timeout', async () => {
		const { port, close } = await listener(true);
		try {
			const exit = await startWithRedis(`redis://127.0.0.1:${port}`);
			expectRefusedNamingRedis(exit);
		} finally {
			await close();
		}
	});
});
