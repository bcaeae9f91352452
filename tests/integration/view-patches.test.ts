/**
 * Views as changes (issue 15): after its first full view a socket gets only what changed in its
 * own view, as a versioned patch. Attacked from outside, on WebSocket and long-polling: a view
 * built from patches is compared, at random moments through every phase, with the full view a
 * freshly connected socket of the same viewer gets; versions missed, reconnects, a server
 * restart between two patches, patches arriving late, and bursts to slow (polling) sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '$lib/server/http/new-session';
import type { Phase } from '$lib/domain/session/phases';
import type { ViewEnvelope } from '$lib/realtime/contract';
import {
	connect,
	newId,
	type ConnectOptions,
	type ShownEnvelope,
	type TestClient
} from './helpers/client';
import { Random, sleep, testSeed } from './helpers/random';
import { startServer, type TestServer } from './helpers/server';
import { connectConsole, createSession, joinPhone, readDb, type Phone } from './helpers/session';

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** What a view says, without the clock it was sent at. */
const content = ({ serverTime: _, ...rest }: ViewEnvelope) => rest;

/** The view a new socket of the same viewer gets now, in full. */
async function freshView(auth: ConnectOptions['auth'], transport: 'websocket' | 'polling') {
	const fresh = await connect(server, { auth, transports: [transport] });
	try {
		return await fresh.waitForView();
	} finally {
		fresh.close();
	}
}

/**
 * Waits until the patched view of `client` is at the version a fresh socket gets, then compares
 * them whole. (A fresh phone of a person already online changes nobody's view.)
 */
async function matchesFresh(
	client: TestClient,
	auth: ConnectOptions['auth'],
	transport: 'websocket' | 'polling',
	label: string
) {
	const fresh = await freshView(auth, transport);
	const held = await client
		.waitForView((v) => v.version === fresh.version, 5_000)
		.catch(() => {
			throw new Error(
				`${label}: held version ${client.view?.version}, fresh ${fresh.version} (${client.patches.length} patches)`
			);
		});
	expect(content(client.view!), label).toEqual(content(fresh));
	expect(held.version, label).toBe(fresh.version);
}

interface Room {
	session: CreatedSession;
	console: TestClient;
	screen: TestClient;
	phones: Phone[];
	questionId: string;
}

async function openRoom(transport: 'websocket' | 'polling', people: number): Promise<Room> {
	const transports = [transport];
	const session = await createSession(server, { questions: ['What helps?', 'What hinders?'] });
	const console = await connectConsole(server, session, { transports });
	const screen = await connect(server, {
		auth: { role: 'screen', token: session.screenToken },
		transports
	});
	await screen.waitForView();
	const phones: Phone[] = [];
	for (let i = 0; i < people; i++)
		phones.push(await joinPhone(server, session.joinCode, `Person ${i + 1}`, { transports }));
	clients.push(console, screen, ...phones.map((p) => p.client));
	return { session, console, screen, phones, questionId: console.view!.view.currentQuestionId };
}

/** Every socket of a room, with the credentials a fresh socket of the same viewer connects with. */
function viewersOf(room: Room): [TestClient, ConnectOptions['auth'], string][] {
	return [
		[room.console, { role: 'facilitator', token: room.session.facilitatorToken }, 'console'],
		[room.screen, { role: 'screen', token: room.session.screenToken }, 'screen'],
		...room.phones.map(
			(p, i) =>
				[p.client, { role: 'participant', token: p.token }, `phone ${i + 1}`] as [
					TestClient,
					ConnectOptions['auth'],
					string
				]
		)
	];
}

const fullViewsAfterFirst = (client: TestClient) =>
	client.frames.filter((f) => f.kind === 'event' && f.name === 'session.view').length - 1;

describe.each([['websocket'], ['polling']] as const)('on %s', (transport) => {
	it('after the first full view, each socket gets patches of its own view, versioned by the store', async () => {
		const room = await openRoom(transport, 3);
		const [alice, bob] = room.phones as [Phone, Phone];
		const marks = new Map([alice, bob].map((p) => [p, p.client.frames.length]));
		await ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'lobby' });
		await ok(alice.client, 'note.add', {
			questionId: room.questionId,
			noteId: newId(),
			text: 'Patched note of Alice'
		});
		const version = readDb(
			server.databasePath,
			(db) =>
				(
					db
						.prepare('SELECT MAX(seq) AS seq FROM session_events WHERE session_id = ?')
						.get(room.session.sessionId) as { seq: number }
				).seq
		);
		const console = await room.console.waitForView((v) => v.version === version);
		expect(console.view.runs[0]!.phase).toBe('write');
		const mine = await alice.client.waitForView((v) =>
			v.view.role === 'participant' ? v.view.runs[0]!.myNotes.length === 1 : false
		);
		expect(mine.version).toBe(version);
		await bob.client.waitForView((v) => v.view.runs[0]!.phase === 'write');
		for (const phone of [alice, bob]) {
			const after = phone.client.frames.slice(marks.get(phone));
			expect(
				after.filter((f) => f.name === 'session.view'),
				'no whole view after the first'
			).toEqual([]);
			expect(after.some((f) => f.name === 'session.patch')).toBe(true);
		}
		// Bob's phone was sent nothing of Alice's note: his view did not change with it.
		expect(JSON.stringify(bob.client.frames)).not.toContain('Patched note of Alice');
		// A patch is a small part of the view it changes.
		const patchBytes = JSON.stringify(alice.client.patches.at(-1)!.patch).length;
		expect(patchBytes).toBeLessThan(JSON.stringify(mine).length / 3);
		for (const client of [room.console, room.screen, ...room.phones.map((p) => p.client)])
			expect(fullViewsAfterFirst(client)).toBe(0);
	});

	it('a command is answered before the view it changed reaches its sender', async () => {
		const room = await openRoom(transport, 2);
		const [alice] = room.phones as [Phone];
		await ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'lobby' });
		await alice.client.waitForView((v) => v.view.runs[0]!.phase === 'write');
		const text = `Answered first ${newId()}`;
		const mark = alice.client.raw.length;
		await ok(alice.client, 'note.add', { questionId: room.questionId, noteId: newId(), text });
		await alice.client.waitForView((v) => JSON.stringify(v.view).includes(text));
		const counted = (v: ShownEnvelope) => v.view.runs[0]!.progress.reduce((a, b) => a + b, 0);
		await room.screen.waitForView((v) => counted(v) === 1);
		// On the wire (the socket.io packets in order): the answer, then the patch with the note.
		const sent = alice.client.raw.slice(mark);
		const answer = sent.findIndex((m) => /^3\d+\[/.test(m));
		expect(answer).toBeGreaterThanOrEqual(0);
		expect(sent.findIndex((m) => m.includes(text))).toBeGreaterThan(answer);
	});

	it('at random moments through every phase, a view built from patches equals a fresh full view', async () => {
		const seed = testSeed(transport === 'websocket' ? 1515 : 1516);
		const r = new Random(seed);
		const room = await openRoom(transport, 4);
		const { questionId } = room;
		const viewers = viewersOf(room);
		let checks = 0;
		const maybeCheck = async (moment: string) => {
			if (!r.chance(0.35)) return;
			const [client, auth, label] = viewers[r.int(0, viewers.length - 1)]!;
			await matchesFresh(client, auth, transport, `seed ${seed}, ${moment}, ${label}`);
			checks++;
		};
		const advance = async (from: Phase) => {
			await ok(room.console, 'phase.advance', { questionId, from });
			await maybeCheck(`after ${from}`);
		};
		await advance('lobby');
		const noteIds: string[][] = room.phones.map(() => []);
		for (let i = 0; i < 12; i++) {
			const who = r.int(0, room.phones.length - 1);
			const noteId = newId();
			if (noteIds[who]!.length > 0 && r.chance(0.2)) {
				await ok(room.phones[who]!.client, 'note.edit', {
					questionId,
					noteId: noteIds[who]!.at(-1)!,
					text: `Edited ${i}`
				});
			} else if (noteIds[who]!.length > 1 && r.chance(0.15)) {
				await ok(room.phones[who]!.client, 'note.delete', {
					questionId,
					noteId: noteIds[who]!.shift()!
				});
			} else {
				await ok(room.phones[who]!.client, 'note.add', { questionId, noteId, text: `Note ${i}` });
				noteIds[who]!.push(noteId);
			}
			if (r.chance(0.2)) await ok(room.console, 'timer.start', { seconds: r.int(30, 300) });
			await maybeCheck(`writing ${i}`);
		}
		await advance('write');
		for (let i = 0; i < 4; i++) {
			await room.console.command('reveal.next', { id: newId(), questionId });
			await maybeCheck(`reveal ${i}`);
		}
		await ok(room.console, 'reveal.all', { questionId });
		await advance('reveal');
		const revealed = (
			await room.screen.waitForView((v) => v.view.runs[0]!.phase === 'clarify')
		).view.runs[0]!.notes.map((n) => n.id);
		const clusterId = newId();
		await ok(room.console, 'cluster.create', {
			questionId,
			clusterId,
			heading: 'BYRÅKRATI',
			noteIds: revealed.slice(0, 3)
		});
		await maybeCheck('clustered');
		await ok(room.console, 'cluster.rename', { questionId, clusterId, heading: 'Byråkrati' });
		await ok(room.console, 'note.edit', {
			questionId,
			noteId: revealed.at(-1)!,
			text: 'Typo fixed'
		});
		await maybeCheck('renamed');
		await advance('clarify');
		const items = (
			await room.console.waitForView((v) => v.view.runs[0]!.vote !== null)
		).view.runs[0]!.vote!.items.map((item) => item.id);
		for (const phone of room.phones) {
			const ranking = r.shuffle(items).slice(0, 3);
			await ok(phone.client, 'ballot.cast', { questionId, ranking });
			await maybeCheck('voting');
		}
		await advance('vote');
		await advance('results');
		await ok(room.console, 'discussion.write', { questionId, text: 'We talked' });
		await maybeCheck('discussing');
		await advance('discuss');
		for (const phone of room.phones) {
			await ok(phone.client, 'ballot.cast', { questionId, ranking: items.slice(0, 2) });
		}
		await advance('revote');
		// Back from the second results: what it undoes is the console's to see, and the phones'.
		await room.console.command('phase.back', { id: newId(), questionId, from: 'results' });
		await maybeCheck('stepped back');
		await ok(room.console, 'question.select', {
			questionId: room.console.view!.view.questions[1]!.id
		});
		// Every viewer once more at the end, whatever the dice said.
		for (const [client, auth, label] of viewers)
			await matchesFresh(client, auth, transport, `seed ${seed}, end, ${label}`);
		expect(checks, 'the dice checked somewhere on the way').toBeGreaterThan(0);
		for (const [client, , label] of viewers) {
			expect(client.resyncs, `${label} never missed a version`).toBe(0);
			expect(fullViewsAfterFirst(client), label).toBe(0);
		}
	});

	it('a phone that missed a version asks for a full view, gets it, and goes on with patches', async () => {
		const room = await openRoom(transport, 2);
		const [alice, bob] = room.phones as [Phone, Phone];
		await ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'lobby' });
		await alice.client.waitForView((v) => v.view.runs[0]!.phase === 'write');
		let dropped = false;
		alice.client.dropPatch = () => !dropped && (dropped = true);
		await ok(alice.client, 'note.add', {
			questionId: room.questionId,
			noteId: newId(),
			text: 'One'
		});
		for (let i = 0; i < 100 && !alice.client.patches.some((p) => p.outcome === 'dropped'); i++)
			await sleep(20);
		await ok(alice.client, 'note.add', {
			questionId: room.questionId,
			noteId: newId(),
			text: 'Two'
		});
		await alice.client.waitForView(
			(v) => v.view.role === 'participant' && v.view.runs[0]!.myNotes.length === 2
		);
		expect(alice.client.patches.map((p) => p.outcome)).toContain('gap');
		expect(alice.client.resyncs).toBe(1);
		expect(fullViewsAfterFirst(alice.client), 'one full view answered the gap').toBe(1);
		await ok(alice.client, 'note.add', {
			questionId: room.questionId,
			noteId: newId(),
			text: 'Three'
		});
		await matchesFresh(
			alice.client,
			{ role: 'participant', token: alice.token },
			transport,
			'alice'
		);
		expect(alice.client.patches.at(-1)!.outcome).toBe('applied');
		expect(bob.client.resyncs).toBe(0);
	});

	it('asking for full views again and again is limited, and the last answer is still current', async () => {
		const room = await openRoom(transport, 1);
		const [alice] = room.phones as [Phone];
		const before = fullViewsAfterFirst(alice.client);
		for (let i = 0; i < 30; i++) alice.client.socket.emit('session.resync');
		await sleep(400);
		await ok(room.console, 'timer.start', { seconds: 60 });
		await sleep(1_500);
		const answered = fullViewsAfterFirst(alice.client) - before;
		expect(answered).toBeGreaterThanOrEqual(1);
		expect(answered, 'thirty asks in a burst, at most a few answers').toBeLessThanOrEqual(3);
		await matchesFresh(
			alice.client,
			{ role: 'participant', token: alice.token },
			transport,
			'alice'
		);
	});

	it('a reconnecting socket gets a full view again, then patches from its version', async () => {
		const session = await createSession(server);
		const console = await connectConsole(server, session, { transports: [transport] });
		const phone = await joinPhone(server, session.joinCode, 'Roaming', { transports: [transport] });
		const screen = await connect(server, {
			auth: { role: 'screen', token: session.screenToken },
			transports: [transport],
			reconnect: true
		});
		clients.push(console, phone.client, screen);
		const questionId = (await screen.waitForView()).view.currentQuestionId;
		await ok(console, 'phase.advance', { questionId, from: 'lobby' });
		const before = await screen.waitForView((v) => v.view.runs[0]!.phase === 'write');
		screen.dropConnection();
		await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: 'While away' });
		const again = await screen.waitForView((v) => v.view.runs[0]!.progress[0] === 1, 10_000);
		expect(again.version).toBeGreaterThan(before.version);
		expect(fullViewsAfterFirst(screen), 'the reconnect brought a full view').toBe(1);
		await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: 'Back again' });
		await screen.waitForView((v) => v.view.runs[0]!.progress[0] === 2);
		expect(screen.patches.at(-1)!.patch.from).toBe(again.version);
		expect(fullViewsAfterFirst(screen)).toBe(1);
	});
});

describe('a server restart between two patches', () => {
	it('versions go on from the store, and the views built from patches stay whole', async () => {
		const session = await createSession(server);
		const joined = await joinPhone(server, session.joinCode, 'Steady');
		joined.client.close();
		// The phone comes back with its token after the restart, as the browser client does.
		const phone = {
			...joined,
			client: await connect(server, {
				auth: { role: 'participant', token: joined.token },
				reconnect: true
			})
		};
		await phone.client.waitForView();
		const console = await connect(server, {
			auth: { role: 'facilitator', token: session.facilitatorToken },
			reconnect: true
		});
		clients.push(console, phone.client);
		const questionId = (await console.waitForView()).view.currentQuestionId;
		await ok(console, 'phase.advance', { questionId, from: 'lobby' });
		await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: 'Before' });
		const before = await console.waitForView((v) => v.view.runs[0]!.progress[0] === 1);
		await server.restart('SIGKILL');
		await console.waitForView(
			(v) => v.serverTime > before.serverTime && v.version === before.version,
			15_000
		);
		await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: 'After' });
		const after = await console.waitForView((v) => v.view.runs[0]!.progress[0] === 2);
		expect(after.version).toBeGreaterThan(before.version);
		expect(console.patches.at(-1)!.patch.from).toBe(before.version);
		await matchesFresh(
			console,
			{ role: 'facilitator', token: session.facilitatorToken },
			'websocket',
			'console'
		);
		await matchesFresh(
			phone.client,
			{ role: 'participant', token: phone.token },
			'websocket',
			'phone'
		);
	});
});

describe('bursts to slow sockets', () => {
	it('every note of a burst reaches every polling screen and console; nothing is dropped for "newest only"', async () => {
		const room = await openRoom('polling', 8);
		await ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'lobby' });
		await Promise.all(
			room.phones.flatMap((phone, i) =>
				Array.from({ length: 5 }, (_, n) =>
					ok(phone.client, 'note.add', {
						questionId: room.questionId,
						noteId: newId(),
						text: `Burst ${i}.${n}`
					})
				)
			)
		);
		const total = (v: ViewEnvelope) => v.view.runs[0]!.progress.reduce((a, b) => a + b, 0);
		await room.screen.waitForView((v) => total(v) === 40, 10_000);
		await room.console.waitForView((v) => total(v) === 40, 10_000);
		for (const client of [room.screen, room.console]) {
			expect(client.resyncs).toBe(0);
			expect(fullViewsAfterFirst(client)).toBe(0);
		}
		await matchesFresh(
			room.screen,
			{ role: 'screen', token: room.session.screenToken },
			'polling',
			'screen'
		);
	});
});

describe('a burst across many sessions, sent in slices', () => {
	it('every socket of every session ends with its full view, whatever slice its session fell in', async () => {
		const rooms: { room: Room; transport: 'websocket' | 'polling' }[] = [];
		for (let i = 0; i < 12; i++) {
			const transport = i % 3 === 2 ? 'polling' : 'websocket';
			rooms.push({ room: await openRoom(transport, 2), transport });
		}
		const everyRoom = (command: (room: Room) => Promise<unknown>) =>
			Promise.all(rooms.map(({ room }) => command(room)));
		// The facilitators start writing together, every phone writes at once, then every group
		// reveals all and moves on: each burst touches every session in the same moment.
		await everyRoom((room) =>
			ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'lobby' })
		);
		await everyRoom((room) =>
			Promise.all(
				room.phones.flatMap((phone, i) =>
					[0, 1, 2].map((n) =>
						ok(phone.client, 'note.add', {
							questionId: room.questionId,
							noteId: newId(),
							text: `Slice ${i}.${n}`
						})
					)
				)
			)
		);
		await everyRoom((room) =>
			ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'write' })
		);
		await everyRoom((room) => ok(room.console, 'reveal.all', { questionId: room.questionId }));
		await everyRoom((room) =>
			ok(room.console, 'phase.advance', { questionId: room.questionId, from: 'reveal' })
		);
		// Before any fresh socket joins (a phone joining sends its session again): each socket
		// already holds the last state, from the slice its session fell in.
		for (const { room } of rooms) {
			for (const client of [room.console, room.screen, ...room.phones.map((p) => p.client)]) {
				await client.waitForView(
					(v) => v.view.runs[0]!.phase === 'clarify' && v.view.runs[0]!.notes.length === 6,
					10_000
				);
			}
		}
		for (const [n, { room, transport }] of rooms.entries()) {
			for (const [client, auth, label] of viewersOf(room)) {
				await matchesFresh(client, auth, transport, `room ${n} (${transport}), ${label}`);
				expect(client.resyncs, `${label} never missed a version`).toBe(0);
			}
		}
	});
});

describe('phones share the change of their common part, and each adds its own', () => {
	it('a question added (a run comes, with each phone’s own fields) patches every phone right', async () => {
		const room = await openRoom('websocket', 3);
		const { questionId } = room;
		await ok(room.console, 'phase.advance', { questionId, from: 'lobby' });
		for (const [i, phone] of room.phones.entries()) {
			await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: `Own ${i}` });
		}
		await ok(room.console, 'question.add', { questionId: newId(), text: 'What else?' });
		await ok(room.phones[0]!.client, 'note.add', { questionId, noteId: newId(), text: 'Later' });
		for (const [client, auth, label] of viewersOf(room)) {
			await matchesFresh(client, auth, 'websocket', label);
			expect(client.view!.view.questions, label).toHaveLength(3);
			expect(client.resyncs, label).toBe(0);
			expect(fullViewsAfterFirst(client), label).toBe(0);
		}
		// Each phone's patches carried its own notes, never another's.
		for (const [i, phone] of room.phones.entries()) {
			const sent = JSON.stringify(phone.client.patches);
			expect(sent).toContain(`Own ${i}`);
			for (const j of [0, 1, 2].filter((j) => j !== i)) expect(sent).not.toContain(`Own ${j}`);
		}
	});
});
