/**
 * Automatic deletion while the server runs (its six-hourly pass): the devices still open on a
 * stand-alone session it deletes are told at once, over WebSocket and long-polling, and the
 * session is gone from memory as from the database. An app in this process, with its real
 * socket.io on a real port, so that the pass can be run at a chosen time.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayMs } from '$lib/domain/retention';
import { createApp, type App } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { attachRealtime, type Realtime } from '$lib/server/realtime/io';
import { applyRetention } from '$lib/server/retention';
import { connect, newId, type TestClient } from './helpers/client';
import { freshDir, root } from './helpers/server';

let app: App;
let httpServer: Server;
let realtime: Realtime;
let url: string;
const clients: TestClient[] = [];
/** The clock the services read: the session's last activity is this. */
const now = Date.now();

beforeAll(async () => {
	const dir = freshDir('retention-live');
	app = await createApp(
		readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent' }),
		root,
		{ clock: () => now }
	);
	httpServer = createServer();
	realtime = attachRealtime(httpServer, app);
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
	const address = httpServer.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	url = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
	for (const client of clients) client.close();
	realtime?.stopListening();
	await realtime?.io.close();
	httpServer?.close();
	app?.db.close();
});

const closedCodes = (client: TestClient) =>
	client.frames.flatMap((f) =>
		f.kind === 'event' && f.name === 'session.closed' ? [f.args[0]] : []
	);

describe('automatic deletion while the server runs', () => {
	it('tells the phones, screen and console still open on a deleted session, on both transports', async () => {
		const created = await app.sessions.create({
			title: 'A year of quiet',
			language: 'en',
			questions: ['What is left after a year?']
		});
		if (!created.ok) throw new Error(created.error.code);
		const { access } = created;
		const open = async (auth: Parameters<typeof connect>[1]) => {
			const client = await connect({ url }, auth);
			clients.push(client);
			return client;
		};
		const phones = await Promise.all(
			(['websocket', 'polling'] as const).map(async (transport) => {
				const phone = await open({ transports: [transport] });
				const joined = await phone.command('participant.join', {
					id: newId(),
					code: access.joinCode,
					name: `Phone on ${transport}`
				});
				if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
				await phone.waitForView((v) => v.view.role === 'participant');
				return phone;
			})
		);
		const console = await open({ auth: { role: 'facilitator', token: access.facilitatorToken } });
		const screen = await open({
			transports: ['polling'],
			auth: { role: 'screen', token: access.screenToken }
		});
		await Promise.all([console.waitForView(), screen.waitForView()]);
		const devices = [...phones, console, screen];
		for (const device of devices) expect(closedCodes(device)).toEqual([]);

		// Not yet due the day before; due a year and a day after its last activity.
		expect(await applyRetention(app, now + 364 * dayMs)).toEqual({ conferences: 0, sessions: 0 });
		expect(await applyRetention(app, now + 366 * dayMs)).toEqual({ conferences: 0, sessions: 1 });
		for (const device of devices) {
			await expect.poll(() => closedCodes(device)).toEqual([{ code: 'not_found' }]);
		}
		expect(app.sessions.loaded(access.id)).toBeNull();
		expect(await app.sessions.get(access.id)).toBeNull();
	});
});
