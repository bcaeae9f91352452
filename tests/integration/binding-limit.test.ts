/**
 * The per-person command limit (RATE_LIMIT_COMMANDS_PER_BINDING), as an outsider would attack it.
 *
 * One participant opens several sockets with the same participant token (four phones, or the
 * same phone reconnecting) and sends note.add from all of them at once. Each socket stays under
 * RATE_LIMIT_COMMANDS_PER_SOCKET, but together they are refused past the person's allowance:
 * 4 sockets × 10 commands = 40 > 20 per person, while 10 < 15 per socket and the address limit
 * is out of the way. Without the per-person limit all 40 would be accepted. Another participant
 * of the same session and the console carry on meanwhile, and refused commands store nothing.
 * Over WebSocket and over long-polling; once over WebSocket, the allowance comes back after the
 * 10-second window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '$lib/realtime/contract';
import type { CreatedSession } from '$lib/server/http/new-session';
import { newId, type TestClient } from './helpers/client';
import { sleep } from './helpers/random';
import { expectRateLimited } from './helpers/rate-limited';
import { TestServer, startServer } from './helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	readDb,
	reconnectPhone,
	startWriting,
	type Phone
} from './helpers/session';

const perPerson = 20;
const perSocket = 15;
const windowSeconds = 10;

const transports = ['websocket', 'polling'] as const;
type Transport = (typeof transports)[number];

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = await startServer({
		env: {
			RATE_LIMIT_COMMANDS_PER_BINDING: String(perPerson),
			RATE_LIMIT_COMMANDS_PER_SOCKET: String(perSocket),
			// Everything here comes from 127.0.0.1: the address must not be what refuses.
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '1000000',
			RATE_LIMIT_JOINS_PER_ADDRESS: '1000000',
			RATE_LIMIT_SESSIONS_PER_ADDRESS: '1000000'
		}
	});
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

function track(client: TestClient): TestClient {
	clients.push(client);
	return client;
}

/** A session in its writing phase, with its console (on the transport) and the question's id. */
async function writingSession(transport: Transport) {
	const session = await createSession(server);
	const console = track(
		await connectConsole(server, session, { transports: [transport], auth: { lang: 'en' } })
	);
	const questionId = await startWriting(console);
	return { session, console, questionId };
}

/** A new participant who joined by code. */
async function join(session: CreatedSession, name: string, transport: Transport): Promise<Phone> {
	const joined = await joinPhone(server, session.joinCode, name, {
		transports: [transport],
		auth: { lang: 'en' }
	});
	track(joined.client);
	return joined;
}

/** Another socket of the same person: the same participant token. */
async function samePerson(token: string, transport: Transport): Promise<TestClient> {
	return track(
		await reconnectPhone(server, token, { transports: [transport], auth: { lang: 'en' } })
	);
}

interface Sent {
	commandId: string;
	noteId: string;
	answer: Ack;
}

/** Sends `count` note.add at once from one socket (without waiting for one ack before the next). */
function addNotes(client: TestClient, questionId: string, label: string, count: number) {
	return Array.from({ length: count }, async (_, n): Promise<Sent> => {
		const commandId = newId();
		const noteId = newId();
		const payload = { id: commandId, questionId, noteId, text: `${label} ${n}` };
		const answer = (await client.send('note.add', payload, 20_000)) as Ack;
		return { commandId, noteId, answer };
	});
}

function stored(commandId: string): boolean {
	return readDb(
		server.databasePath,
		(db) => db.prepare('SELECT 1 FROM processed_commands WHERE id = ?').get(commandId) !== undefined
	);
}

/** The writing progress a fresh console sees: notes per person, most first. */
async function progressSeenByFreshConsole(session: CreatedSession): Promise<number[]> {
	const fresh = track(await connectConsole(server, session));
	const view = await fresh.waitForView();
	if (view.view.role !== 'facilitator') throw new Error('not a console view');
	const run = view.view.runs.find((r) => r.phase === 'write');
	if (!run) throw new Error('no run in its writing phase');
	return run.progress;
}

/** The ids of the notes the person's own fresh socket shows. */
async function notesSeenByOwner(token: string): Promise<string[]> {
	const own = await samePerson(token, 'websocket');
	const view = await own.waitForView();
	if (view.view.role !== 'participant') throw new Error('not a participant view');
	return view.view.runs.flatMap((r) => r.myNotes.map((n) => n.id));
}

describe('commands per person on all their sockets together', () => {
	for (const transport of transports) {
		it(`refuses one person's four sockets past ${perPerson} together, and no one else (${transport})`, async () => {
			const { session, console, questionId } = await writingSession(transport);
			const mallory = await join(session, 'Mallory', transport);
			const honest = await join(session, 'Honest', transport);
			// Four phones of one person: the one that joined and three more with its token.
			const sockets = [
				mallory.client,
				...(await Promise.all([1, 2, 3].map(() => samePerson(mallory.token, transport))))
			];

			// 4 × 10 = 40 notes at once: each socket 10 (< 15 per socket), the person 40 (> 20).
			// Meanwhile the other participant writes 10 and the console starts the timer 5 times.
			const perSocketSent = 10;
			const [flood, others, consoleAnswers] = await Promise.all([
				Promise.all(
					sockets.map((socket, s) =>
						Promise.all(addNotes(socket, questionId, `flood ${s}`, perSocketSent))
					)
				),
				Promise.all(addNotes(honest.client, questionId, 'honest', 10)),
				Promise.all(
					Array.from({ length: 5 }, () =>
						console.command('timer.start', { id: newId(), seconds: 60 }, 20_000)
					)
				)
			]);

			const all = flood.flat();
			expect(all).toHaveLength(sockets.length * perSocketSent);
			expect(sockets.length * perSocketSent).toBeGreaterThan(perPerson);
			expect(perSocketSent).toBeLessThan(perSocket);
			const accepted = all.filter((s) => s.answer.ok);
			const refused = all.filter((s) => !s.answer.ok);
			// Exactly the person's allowance is accepted, whatever socket it came from.
			expect(accepted).toHaveLength(perPerson);
			expect(refused).toHaveLength(all.length - perPerson);
			for (const sent of refused) expectRateLimited(sent.answer, 'en', windowSeconds);
			for (const sent of accepted) expect(sent.answer).toEqual({ ok: true, noteId: sent.noteId });

			// No lock-out of anyone else: the other participant and the console were not refused.
			expect(others.map((s) => s.answer)).toEqual(
				others.map((s) => ({ ok: true, noteId: s.noteId }))
			);
			expect(consoleAnswers.every((a) => a.ok)).toBe(true);

			// The same person reconnecting gets no fresh allowance: a new socket is refused at once.
			const reconnected = await samePerson(mallory.token, transport);
			const [late] = await Promise.all(addNotes(reconnected, questionId, 'late', 1));
			expectRateLimited(late!.answer, 'en', windowSeconds);
			// While the others still carry on.
			const [more] = await Promise.all(addNotes(honest.client, questionId, 'more', 1));
			expect(more!.answer).toEqual({ ok: true, noteId: more!.noteId });
			expect((await console.command('timer.clear', { id: newId() })).ok).toBe(true);

			// Refused commands changed nothing: stored iff accepted, and the views count only those.
			for (const sent of [...all, late!]) expect(stored(sent.commandId)).toBe(sent.answer.ok);
			expect(await progressSeenByFreshConsole(session)).toEqual([perPerson, 11]);
			const mine = await notesSeenByOwner(mallory.token);
			expect(new Set(mine)).toEqual(new Set(accepted.map((s) => s.noteId)));
		});
	}

	it('gives the person their allowance back after the 10-second window', async () => {
		const { session, questionId } = await writingSession('websocket');
		const mallory = await join(session, 'Mallory', 'websocket');
		const sockets = [
			mallory.client,
			...(await Promise.all([1, 2, 3].map(() => samePerson(mallory.token, 'websocket'))))
		];
		// 4 × 5 = 20 fills the allowance; the 21st is refused. Each socket sends at most
		// 5 + 1 + 5 = 11 (< 15) over both windows, so only the per-person limit can refuse.
		const burst = async (label: string) => {
			const sent = await Promise.all(
				sockets.flatMap((socket, s) => addNotes(socket, questionId, `${label} ${s}`, 5))
			);
			expect(sent.map((s) => s.answer.ok)).toEqual(sent.map(() => true));
			const [extra] = await Promise.all(addNotes(sockets[0]!, questionId, `${label} extra`, 1));
			const refusedAt = Date.now();
			return {
				sent,
				refusedAt,
				seconds: expectRateLimited(extra!.answer, 'en', windowSeconds),
				extra: extra!
			};
		};
		const first = await burst('first');
		expect(stored(first.extra.commandId)).toBe(false);

		await sleep(Math.max(0, first.refusedAt + first.seconds * 1000 + 250 - Date.now()));

		const second = await burst('second');
		expect(stored(second.extra.commandId)).toBe(false);
		expect(await progressSeenByFreshConsole(session)).toEqual([2 * perPerson]);
	});
});
