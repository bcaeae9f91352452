/**
 * One group spread over three server processes on one PostgreSQL database and one Redis: the
 * console on one, the screen on another, phones on all three, over WebSocket and long-polling.
 * Every device follows the writing, the reveal, the clustering, the vote and the results; no
 * phone and no screen receives another person's note text; SIGKILL of one process while its
 * phones write loses no acknowledged note, and they carry on from another process.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {
	FacilitatorView,
	ParticipantView,
	PublicRunView,
	ScreenView
} from '$lib/domain/session/views';
import type { CreatedSession } from '$lib/server/http/new-session';
import type { ViewEnvelope } from '$lib/realtime/contract';
import { connect, newId, type TestClient } from '../integration/helpers/client';
import { runUntilExit, startServer, type TestServer } from '../integration/helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	reconnectPhone,
	type Phone
} from '../integration/helpers/session';
import { freshDatabase } from './databases';

/** Three entry points to one Samråd, and the way to kill the process serving a phone. */
interface Deployment {
	entries: [TestServer, TestServer, TestServer];
	/** SIGKILLs the process that serves this client. */
	killServing(client: TestClient): Promise<void>;
	/** After a kill: back to three processes. */
	recover(): Promise<void>;
	dispose(): Promise<void>;
}

const clients: TestClient[] = [];
const track = <T extends TestClient>(client: T): T => (clients.push(client), client);

/** Three servers, each its own process, on one database and one Redis. */
async function threeServers(env: Record<string, string>): Promise<Deployment> {
	// One after the other: the first migrates, the others find the schema in place.
	const servers: TestServer[] = [];
	for (let i = 0; i < 3; i++) servers.push(await startServer({ env }));
	let killed: TestServer | null = null;
	return {
		entries: servers as Deployment['entries'],
		async killServing(client) {
			killed = servers.find((server) => server.port === portOf(client))!;
			await killed.kill();
		},
		recover: async () => killed?.start(),
		dispose: async () => void (await Promise.all(servers.map((server) => server.dispose())))
	};
}

/** One server with WORKERS=3: node:cluster processes behind one port, sticky for polling. */
async function threeWorkers(env: Record<string, string>): Promise<Deployment> {
	const server = await startServer({ env: { ...env, WORKERS: '3', LOG_LEVEL: 'debug' } });
	const workers = () =>
		new Set(server.logs().flatMap((l) => (l.event === 'worker.ready' ? [l.pid] : [])));
	const deadline = Date.now() + 20_000;
	while (workers().size < 3 && Date.now() < deadline) await pause(50);
	expect(workers().size).toBe(3);
	return {
		entries: [server, server, server],
		async killServing(client) {
			const line = server
				.logs()
				.find((l) => l.event === 'socket.connected' && l.socket === client.socket.id);
			if (!line) throw new Error(`no worker logged socket ${client.socket.id}`);
			process.kill(Number(line.pid), 'SIGKILL');
			await server.waitForLog('worker.exited', 10_000);
		},
		async recover() {
			const deadline = Date.now() + 20_000;
			while (workers().size < 4 && Date.now() < deadline) await pause(50);
			expect(workers().size).toBe(4);
		},
		dispose: () => server.dispose()
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const portOf = (client: TestClient) =>
	Number(new URL((client.socket.io as unknown as { uri: string }).uri).port);

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

const runOf = (envelope: ViewEnvelope) => (envelope.view as ScreenView).runs[0] as PublicRunView;

/** Waits until every client's latest view satisfies the predicate (views reach each in turn). */
async function everyone(
	devices: TestClient[],
	predicate: (envelope: ViewEnvelope) => boolean,
	what: string
): Promise<void> {
	await Promise.all(
		devices.map(async (device, i) => {
			try {
				await device.waitForView(predicate, 10_000);
			} catch {
				throw new Error(`device ${i} never showed ${what}: ${JSON.stringify(device.view)}`);
			}
		})
	);
}

const secrets = [['SECRET-ANNA-1', 'SECRET-ANNA-2'], ['SECRET-BJØRN-1'], ['SECRET-CAROLA-1']];

describe.each([
	['three servers', threeServers],
	['one server with WORKERS=3', threeWorkers]
] as const)('on %s', (_label, start) => {
	let database: Awaited<ReturnType<typeof freshDatabase>>;
	let deployment: Deployment;

	beforeAll(async () => {
		database = await freshDatabase();
		deployment = await start({ DATABASE_URL: database.url, REDIS_URL: inject('redisUrl') });
	}, 90_000);

	afterAll(async () => {
		for (const client of clients.splice(0)) client.close();
		await deployment?.dispose();
		await database?.drop();
	});

	describe('one group', { timeout: 60_000 }, () => {
		let session: CreatedSession;
		let facilitator: TestClient;
		let screen: TestClient;
		let phones: Phone[];
		let devices: TestClient[];
		let questionId: string;

		beforeAll(async () => {
			const [first, second, third] = deployment.entries;
			session = await createSession(first, { questions: ['What helps?'] });
			facilitator = track(await connectConsole(third, session));
			screen = track(
				await connect(second, {
					transports: ['polling'],
					auth: { role: 'screen', token: session.screenToken }
				})
			);
			await screen.waitForView();
			phones = [
				await joinPhone(first, session.joinCode, 'Anna'),
				await joinPhone(second, session.joinCode, 'Bjørn', { transports: ['polling'] }),
				await joinPhone(third, session.joinCode, 'Carola', { transports: ['polling'] })
			];
			for (const phone of phones) track(phone.client);
			devices = [facilitator, screen, ...phones.map((p) => p.client)];
			questionId = facilitator.view!.view.currentQuestionId;
		});

		it('shows every phone online on every process', async () => {
			const ids = phones.map((p) => p.participantId).sort();
			await everyone(devices, (v) => [...v.online].sort().join() === ids.join(), 'all online');
		});

		it('follows the writing on every device, and no phone or screen reads another’s notes', async () => {
			await ok(facilitator, 'phase.advance', { questionId, from: 'lobby' });
			await everyone(devices, (v) => runOf(v).phase === 'write', 'the writing');
			for (const [i, phone] of phones.entries()) {
				for (const text of secrets[i]!)
					await ok(phone.client, 'note.add', { questionId, noteId: newId(), text });
			}
			await everyone(
				[facilitator, screen],
				(v) => runOf(v).progress.join() === '2,1,1',
				'the progress'
			);
			for (const [i, phone] of phones.entries()) {
				await phone.client.waitForView(
					(v) => (v.view as ParticipantView).runs[0]!.myNotes.length === secrets[i]!.length
				);
				const received = phone.client.receivedText();
				for (const [j, texts] of secrets.entries()) {
					for (const text of texts) {
						if (i === j) expect(received).toContain(text);
						else expect(received, `phone ${i} saw a note of phone ${j}`).not.toContain(text);
					}
				}
			}
			for (const client of [screen, facilitator])
				expect(client.receivedText()).not.toContain('SECRET');
		});

		it('reveals round-robin on every device', async () => {
			await ok(facilitator, 'phase.advance', { questionId, from: 'write' });
			await everyone(
				devices,
				(v) => runOf(v).reveal?.turnId === phones[0]!.participantId,
				'Anna’s turn'
			);
			// Each phone reads its own note on its own process, in turn.
			for (const phone of phones) {
				await phone.client.waitForView(
					(v) => runOf(v).reveal?.turnId === phone.participantId,
					10_000
				);
				await ok(phone.client, 'reveal.next', { questionId });
			}
			await everyone(devices, (v) => runOf(v).notes.length === 3, 'three revealed notes');
			await ok(facilitator, 'reveal.all', { questionId });
			await everyone(devices, (v) => runOf(v).notes.length === 4, 'every note revealed');
		});

		it('clusters on the console and shows it everywhere', async () => {
			await ok(facilitator, 'phase.advance', { questionId, from: 'reveal' });
			const noteIds = runOf(facilitator.view!).notes.map((n) => n.id);
			await ok(facilitator, 'cluster.create', {
				questionId,
				clusterId: newId(),
				heading: 'BYRÅKRATI',
				noteIds: noteIds.slice(0, 2)
			});
			await everyone(
				devices,
				(v) => runOf(v).clusters.some((c) => c.heading === 'BYRÅKRATI' && c.noteIds.length === 2),
				'the heading'
			);
		});

		it('votes on three processes and shows the results on every device', async () => {
			await ok(facilitator, 'phase.advance', { questionId, from: 'clarify' });
			await everyone(devices, (v) => runOf(v).vote !== null, 'the vote');
			for (const phone of phones) {
				const items = runOf(phone.client.view!).vote!.items.map((item) => item.id);
				await ok(phone.client, 'ballot.cast', { questionId, ranking: items.slice(0, 2) });
			}
			await everyone([facilitator, screen], (v) => runOf(v).vote?.voted === 3, 'three ballots');
			await ok(facilitator, 'phase.advance', { questionId, from: 'vote' });
			await everyone(devices, (v) => (runOf(v).results?.length ?? 0) > 0, 'the results');
			const console = facilitator.view!.view as FacilitatorView;
			expect(runOf(screen.view!).results).toEqual(console.runs[0]!.results);
		});
	});

	describe('a process killed while its phones write', { timeout: 60_000 }, () => {
		it('loses no acknowledged note, and its phones carry on from another process', async () => {
			const [first, second, third] = deployment.entries;
			const session = await createSession(second, { questions: ['What stands in the way?'] });
			const facilitator = track(await connectConsole(second, session));
			const phones = [
				await joinPhone(first, session.joinCode, 'Dag'),
				await joinPhone(first, session.joinCode, 'Eila', { transports: ['polling'] })
			];
			for (const phone of phones) track(phone.client);
			const questionId = facilitator.view!.view.currentQuestionId;
			await ok(facilitator, 'phase.advance', { questionId, from: 'lobby' });
			await everyone(
				phones.map((p) => p.client),
				(v) => runOf(v).phase === 'write',
				'the writing'
			);

			const acknowledged: string[][] = [[], []];
			let killed = false;
			const writing = phones.map(async (phone, i) => {
				for (let n = 0; !killed && n < 200; n++) {
					const text = `note ${i}-${n}`;
					const ack = await phone.client
						.command('note.add', { id: newId(), questionId, noteId: newId(), text }, 2_000)
						.catch(() => null);
					if (ack?.ok) acknowledged[i]!.push(text);
				}
			});
			const started = Date.now();
			while (acknowledged[0]!.length < 5 || acknowledged[1]!.length < 5) {
				if (Date.now() - started > 20_000)
					throw new Error(`acknowledged before the kill: ${JSON.stringify(acknowledged)}`);
				await pause(10);
			}
			await deployment.killServing(phones[0]!.client);
			killed = true;
			await Promise.all(writing);

			for (const [i, phone] of phones.entries()) {
				const back = track(
					await reconnectPhone(third, phone.token, {
						transports: i === 0 ? ['websocket'] : ['polling']
					})
				);
				const mine = (back.view!.view as ParticipantView).runs[0]!.myNotes.map((note) => note.text);
				for (const text of acknowledged[i]!) expect(mine).toContain(text);
				await ok(back, 'note.add', { questionId, noteId: newId(), text: `after ${i}` });
			}
			await facilitator.waitForView(
				(v) =>
					runOf(v).progress.reduce((sum, count) => sum + count, 0) >=
					acknowledged[0]!.length + acknowledged[1]!.length + 2,
				10_000
			);
			await deployment.recover();
		});
	});
});

describe('WORKERS', { timeout: 60_000 }, () => {
	it('above 1 refuses to start without DATABASE_URL, or without REDIS_URL, saying why', async () => {
		const alone = await runUntilExit({ WORKERS: '3' });
		expect(alone.listened).toBe(false);
		expect(alone.code).not.toBe(0);
		expect(alone.stderr).toMatch(/WORKERS.*DATABASE_URL/);
		const database = await freshDatabase();
		try {
			const noRedis = await runUntilExit({ WORKERS: '3', DATABASE_URL: database.url });
			expect(noRedis.listened).toBe(false);
			expect(noRedis.stderr).toMatch(/WORKERS.*REDIS_URL/);
		} finally {
			await database.drop();
		}
	});

	it('spreads connections over its workers, long-polling included', async () => {
		const database = await freshDatabase();
		const deployment = await threeWorkers({
			DATABASE_URL: database.url,
			REDIS_URL: inject('redisUrl')
		});
		const [server] = deployment.entries;
		const mine: TestClient[] = [];
		try {
			const session = await createSession(server);
			for (const [i, name] of ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Fa'].entries()) {
				const phone = await joinPhone(server, session.joinCode, name, {
					transports: i % 2 ? ['polling'] : ['websocket']
				});
				mine.push(phone.client);
				// A polling phone's later requests reach the worker that holds its connection.
				await ok(phone.client, 'participant.rename', {
					participantId: phone.participantId,
					name: `${name} B.`
				});
			}
			const pids = new Set(
				server
					.logs()
					.filter((l) => l.event === 'socket.connected')
					.map((l) => l.pid)
			);
			expect(pids.size).toBeGreaterThan(1);
			for (const client of mine) expect(client.socket.connected).toBe(true);
		} finally {
			for (const client of mine) client.close();
			await deployment.dispose();
			await database.drop();
		}
	});
});
