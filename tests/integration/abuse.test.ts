/**
 * Abuse limits, join-code guessing and payload fuzzing against the production server.
 *
 * - Commands per socket and per address are limited; a refusal is a `rate_limited` error with
 *   the seconds to wait and a translated message, and honest use stays within the default
 *   limits (a room behind one router). Servers with low RATE_LIMIT_* values show the limits fast.
 * - Unknown join codes count against the address: past RATE_LIMIT_FAILED_JOINS_PER_ADDRESS of
 *   them in an hour it is refused every code it has not joined with, on sockets and on the /j
 *   and /k pages (HTTP 429). There are 31^6 ≈ 887 million codes; at the default 300 guesses an
 *   hour (7,200 a day) one address that guesses for the two weeks a stand-alone code lives
 *   without activity hits one of a hundred live codes with a chance of about 1.1%. (How this
 *   slows a guesser without locking a venue out is in limits.test.ts.) Expired stand-alone
 *   codes are refused.
 * - Over 10,000 malformed payloads across every event are each answered with an error and leave
 *   the server up and the database byte-for-byte unchanged.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '$lib/domain/errors';
import { fixedT, type Language } from '$lib/i18n';
import { commandNames, type Ack } from '$lib/realtime/contract';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { fuzzCases, unknownEvents, type FuzzCase } from './helpers/fuzz';
import { Random, sleep, testSeed } from './helpers/random';
import { expectRateLimited } from './helpers/rate-limited';
import { TestServer, startServer } from './helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	readDb,
	startWriting,
	type Phone
} from './helpers/session';

const clients: TestClient[] = [];
const servers: TestServer[] = [];

async function serve(env: Record<string, string>): Promise<TestServer> {
	const server = await startServer({ env });
	servers.push(server);
	return server;
}

async function open(server: TestServer, options: Parameters<typeof connect>[1]) {
	const client = await connect(server, options);
	clients.push(client);
	return client;
}

async function consoleOf(server: TestServer, session: CreatedSession, lang?: Language) {
	const client = await connectConsole(server, session, lang ? { auth: { lang } } : {});
	clients.push(client);
	return client;
}

/** A string as a literal part of a regular expression. */
function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function seqOf(server: TestServer, sessionId: string): number {
	return readDb(server.databasePath, (db) => {
		const row = db.prepare('SELECT seq FROM sessions WHERE id = ?').get(sessionId) as {
			seq: number;
		};
		return row.seq;
	});
}

function stored(server: TestServer, commandId: string): boolean {
	return readDb(
		server.databasePath,
		(db) => db.prepare('SELECT 1 FROM processed_commands WHERE id = ?').get(commandId) !== undefined
	);
}

async function healthz(server: TestServer): Promise<number> {
	return (await fetch(`${server.url}/healthz`)).status;
}

/** A socket that hit its own limit, to be tried again once its wait is over (last test). */
let limitedSocket: { client: TestClient; retryAt: number; session: CreatedSession } | null = null;

afterAll(async () => {
	for (const client of clients) client.close();
	await Promise.all(servers.map((server) => server.dispose()));
});

describe('command limits', () => {
	it('refuse a socket past its limit with rate_limited, and no one else', async () => {
		const server = await serve({ RATE_LIMIT_COMMANDS_PER_SOCKET: '5' });
		const session = await createSession(server);
		const swedish = await consoleOf(server, session, 'sv');
		for (let i = 0; i < 5; i++) {
			expect((await swedish.command('timer.start', { id: newId(), seconds: 60 })).ok).toBe(true);
		}
		const before = seqOf(server, session.sessionId);
		const id = newId();
		const answer = await swedish.send('timer.start', { id, seconds: 60 });
		const seconds = expectRateLimited(answer, 'sv', 10);
		limitedSocket = { client: swedish, retryAt: Date.now() + seconds * 1000, session };
		// Refused before any work: nothing stored, nothing applied.
		expect(stored(server, id)).toBe(false);
		expect(seqOf(server, session.sessionId)).toBe(before);
		// Every further command of that socket too, whatever it is.
		expectRateLimited(await swedish.send('timer.clear', { id: newId() }), 'sv', 10);
		// Another socket from the same address, even the same console, carries on at once.
		const other = await consoleOf(server, session, 'fi');
		expect((await other.command('timer.clear', { id: newId() })).ok).toBe(true);
	});

	it('refuse an address past its limit on every socket, and no other address', async () => {
		const server = await serve({
			RATE_LIMIT_COMMANDS_PER_SOCKET: '1000',
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '10',
			TRUST_PROXY: 'true'
		});
		const session = await createSession(server);
		const from = (ip: string, lang: Language) =>
			open(server, {
				auth: { role: 'facilitator', token: session.facilitatorToken, lang },
				headers: { 'x-forwarded-for': ip }
			});
		const sockets = await Promise.all([1, 2, 3, 4].map(() => from('203.0.113.7', 'nb')));
		let sent = 0;
		for (const socket of sockets) {
			for (let i = 0; i < 3 && sent < 10; i++, sent++) {
				expect((await socket.command('timer.start', { id: newId(), seconds: 30 })).ok).toBe(true);
			}
		}
		for (const socket of sockets) {
			expectRateLimited(await socket.send('timer.clear', { id: newId() }), 'nb', 10);
		}
		const newcomer = await from('203.0.113.7', 'da');
		expectRateLimited(await newcomer.send('timer.clear', { id: newId() }), 'da', 10);
		// The next address (another room, another router) is not affected.
		const elsewhere = await from('198.51.100.20', 'en');
		expect((await elsewhere.command('timer.clear', { id: newId() })).ok).toBe(true);
	});

	it('do not let one runaway socket spend the budget of its whole address', async () => {
		const server = await serve({
			RATE_LIMIT_COMMANDS_PER_SOCKET: '5',
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '20'
		});
		const session = await createSession(server);
		const runaway = await consoleOf(server, session);
		const answers = await Promise.all(
			Array.from({ length: 40 }, () => runaway.send('timer.clear', { id: newId() }) as Promise<Ack>)
		);
		expect(answers.filter((a) => a.ok)).toHaveLength(5);
		// Its refused commands are not the room's: the other phones behind the router carry on.
		const neighbours = await Promise.all([1, 2, 3].map(() => consoleOf(server, session, 'nb')));
		for (const neighbour of neighbours) {
			for (let i = 0; i < 5; i++) {
				expect((await neighbour.command('timer.clear', { id: newId() })).ok).toBe(true);
			}
		}
		// Until the address itself is over its limit (5 + 15 = 20).
		const late = await consoleOf(server, session, 'nb');
		expectRateLimited(await late.send('timer.clear', { id: newId() }), 'nb', 10);
	});

	it('limit joins per address, counting successful ones too', async () => {
		const server = await serve({ RATE_LIMIT_JOINS_PER_ADDRESS: '3' });
		const session = await createSession(server);
		for (const name of ['Anna', 'Bo', 'Cecilie']) await joinPhone(server, session.joinCode, name);
		const guest = await open(server, { auth: { role: 'guest', lang: 'is' } });
		const answer = await guest.send('participant.join', {
			id: newId(),
			code: session.joinCode,
			name: 'Dagur'
		});
		expectRateLimited(answer, 'is', 60);
	});
});

describe('join-code guessing', () => {
	let server: TestServer;
	let conference: SeededConference;
	let session: CreatedSession;
	const guesser = '192.0.2.66';
	const neighbour = '192.0.2.67';
	const unknownCodes = ['ZZZZZZ', 'YYYYYY', 'XXXXXX'];

	beforeAll(async () => {
		server = new TestServer({
			env: { RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3', TRUST_PROXY: 'true' }
		});
		servers.push(server);
		conference = await seedConference(server.databasePath);
		await server.start();
		session = await createSession(server);
	});

	const page = (path: string, ip: string) =>
		fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': ip, 'accept-language': 'sv' } });

	it('refuses an address past its hard cap of unknown codes every new code, everywhere', async () => {
		// Unknown codes on a socket and on the pages all count.
		const socket = await open(server, {
			auth: { role: 'guest', lang: 'sv' },
			headers: { 'x-forwarded-for': guesser }
		});
		for (const code of unknownCodes.slice(0, 2)) {
			expect(
				await socket.send('participant.join', { id: newId(), code, name: 'Mallory' })
			).toMatchObject({ ok: false, error: { code: 'not_found' } });
		}
		expect((await page(`/j/${unknownCodes[2]}`, guesser)).status).toBe(200);

		// Now even a right code it has not joined with is refused, for minutes (the window is an hour).
		const right = await socket.send('participant.join', {
			id: newId(),
			code: session.joinCode,
			name: 'Mallory'
		});
		expect(expectRateLimited(right, 'sv', 3600)).toBeGreaterThan(60);
		const fresh = await open(server, {
			auth: { role: 'guest', lang: 'sv' },
			headers: { 'x-forwarded-for': guesser }
		});
		expectRateLimited(
			await fresh.send('participant.join', { id: newId(), code: session.joinCode, name: 'M' }),
			'sv',
			3600
		);
		for (const path of [`/j/${session.joinCode}`, `/k/${conference.joinCode}`]) {
			const response = await page(path, guesser);
			expect(response.status, path).toBe(429);
			// The translated message, with the number of seconds to wait filled in.
			const [before, after] = fixedT('sv')('errors.rate_limited', { seconds: '<n>' }).split('<n>');
			const text = await response.text();
			expect(text).toMatch(new RegExp(`${escape(before!)}\\d+${escape(after!)}`));
		}
	});

	it('does not lock out anyone else', async () => {
		expect((await page(`/j/${session.joinCode}`, neighbour)).status).toBe(200);
		expect((await page(`/k/${conference.joinCode}`, neighbour)).status).toBe(200);
		const phone = await joinPhone(server, session.joinCode, 'Neighbour', {
			headers: { 'x-forwarded-for': neighbour }
		});
		clients.push(phone.client);
	});
});

describe('expired join codes', () => {
	it('refuse a stand-alone session idle for over two weeks, and keep one idle for 13 days', async () => {
		const server = await serve({});
		const stale = await createSession(server, { title: 'Old workshop' });
		const recent = await createSession(server, { title: 'Recent workshop' });
		await server.stop();
		const day = 86_400_000;
		const db = new Database(server.databasePath);
		const setIdle = db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?');
		setIdle.run(Date.now() - 15 * day, stale.sessionId);
		setIdle.run(Date.now() - 13 * day, recent.sessionId);
		db.close();
		await server.start();

		const guest = await open(server, { auth: { role: 'guest', lang: 'fi' } });
		const answer = await guest.send('participant.join', {
			id: newId(),
			code: stale.joinCode,
			name: 'Late'
		});
		expect(answer).toMatchObject({
			ok: false,
			error: { code: 'not_found', message: fixedT('fi')('errors.not_found') }
		});
		const response = await fetch(`${server.url}/j/${stale.joinCode}`, {
			headers: { 'accept-language': 'en' }
		});
		const html = await response.text();
		expect(html).toContain(fixedT('en')('session.phone.notFoundTitle'));
		expect(html).not.toContain('Old workshop');

		const phone = await joinPhone(server, recent.joinCode, 'On time');
		clients.push(phone.client);
		const page = await (await fetch(`${server.url}/j/${recent.joinCode}`)).text();
		expect(page).toContain('Recent workshop');
	});
});

describe('honest use with the default limits', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await serve({});
	});

	it('lets a room of 64 phones behind one router join and write without a single refusal', async () => {
		const groups = await Promise.all(
			Array.from({ length: 8 }, async (_, g) => {
				const session = await createSession(server, { title: `Group ${g + 1}` });
				const console = await consoleOf(server, session);
				const questionId = await startWriting(console);
				const phones: Phone[] = [];
				for (let p = 0; p < 8; p++) {
					const phone = await joinPhone(server, session.joinCode, `Person ${g}-${p}`);
					clients.push(phone.client);
					phones.push(phone);
				}
				return { session, console, questionId, phones };
			})
		);
		const random = new Random(testSeed(64));
		const answers: Ack[] = [];
		// Each person writes a note every few seconds — compressed here to 150–450 ms, which is
		// still faster than anyone types — and the consoles keep a timer going.
		await Promise.all(
			groups.flatMap((group) => [
				...group.phones.map(async (phone) => {
					for (let n = 0; n < 10; n++) {
						await sleep(random.int(150, 450));
						answers.push(
							await phone.client.command('note.add', {
								id: newId(),
								questionId: group.questionId,
								noteId: newId(),
								text: `idea ${n}`
							})
						);
					}
				}),
				(async () => {
					for (let n = 0; n < 5; n++) {
						await sleep(random.int(300, 900));
						answers.push(await group.console.command('timer.start', { id: newId(), seconds: 300 }));
					}
				})()
			])
		);
		const refused = answers.filter((a) => !a.ok);
		expect(refused).toEqual([]);
		expect(answers).toHaveLength(8 * 8 * 10 + 8 * 5);
	});

	it('lets a fast typist write all 30 notes in one go', async () => {
		const session = await createSession(server);
		const questionId = await startWriting(await consoleOf(server, session));
		const phone = await joinPhone(server, session.joinCode, 'Quick');
		clients.push(phone.client);
		for (let n = 0; n < 30; n++) {
			const ack = await phone.client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text: `note ${n}`
			});
			expect(ack.ok).toBe(true);
		}
	});

	it('answers a flood from one socket with rate_limited errors, not a crash', async () => {
		const session = await createSession(server);
		const flooder = await consoleOf(server, session, 'fi');
		const cases = fuzzCases(new Random(testSeed(300)), 300);
		const answers = await Promise.all(
			cases.map(
				(c) =>
					(flooder.socket as unknown as Socket)
						.timeout(20_000)
						.emitWithAck(c.event, ...c.args) as Promise<Ack>
			)
		);
		expect(answers).toHaveLength(300);
		expect(answers.every((a) => !a.ok)).toBe(true);
		// The default limit is 100 commands per socket per 10 seconds; events outside the contract
		// are answered without counting.
		const commands = cases.filter((c) => (commandNames as string[]).includes(c.event)).length;
		const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
		expect(limited).toHaveLength(commands - 100);
		expectRateLimited(limited[0], 'fi', 10);
		expect(server.running).toBe(true);
		expect(await healthz(server)).toBe(200);
		const other = await consoleOf(server, session);
		expect((await other.command('timer.start', { id: newId(), seconds: 60 })).ok).toBe(true);
	});
});

/** Row counts and a SHA-256 of every row, per table: any change shows. */
function fingerprint(databasePath: string): Record<string, { rows: number; sha256: string }> {
	const orderBy: Record<string, string> = {
		sessions: 'id',
		session_events: 'session_id, seq',
		processed_commands: 'id'
	};
	return readDb(databasePath, (db) =>
		Object.fromEntries(
			Object.entries(orderBy).map(([table, key]) => {
				const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all();
				const sha256 = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
				return [table, { rows: rows.length, sha256 }];
			})
		)
	);
}

describe('payload fuzzing', () => {
	const total = 10_500;
	const seed = testSeed(10_500);
	let server: TestServer;
	let session: CreatedSession;
	let phone: Phone;
	let questionId: string;
	let senders: { label: string; client: TestClient }[];

	beforeAll(async () => {
		// High limits, so that every payload reaches the schema instead of the limiter.
		server = await serve({
			RATE_LIMIT_COMMANDS_PER_SOCKET: '1000000',
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '1000000',
			RATE_LIMIT_JOINS_PER_ADDRESS: '1000000',
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '1000000'
		});
		session = await createSession(server);
		const console = await consoleOf(server, session, 'nb');
		questionId = await startWriting(console);
		phone = await joinPhone(server, session.joinCode, 'Ingrid', { auth: { lang: 'nb' } });
		clients.push(phone.client);
		await phone.client.command('note.add', { id: newId(), questionId, noteId: newId(), text: 'x' });
		const screen = await open(server, {
			auth: { role: 'screen', token: session.screenToken, lang: 'nb' }
		});
		const guest = await open(server, { auth: { role: 'guest', lang: 'nb' } });
		senders = [
			{ label: 'console', client: console },
			{ label: 'phone', client: phone.client },
			{ label: 'screen', client: screen },
			{ label: 'guest', client: guest }
		];
	});

	it(`answers ${total} malformed payloads (seed ${seed}) each with an error and changes nothing`, async () => {
		const random = new Random(seed);
		const cases = fuzzCases(random, total);
		const before = fingerprint(server.databasePath);
		const errorsBefore = server.logs().filter((l) => l.level === 'error').length;

		// Most go where the schema is reached: joins from a guest, everything else from the console.
		const senderOf = (c: FuzzCase) => {
			const roll = random.next();
			if (roll < 0.1) return senders[1]!;
			if (roll < 0.15) return senders[2]!;
			if (c.event === 'participant.join' || roll < 0.2) return senders[3]!;
			return senders[0]!;
		};
		const answers: { c: FuzzCase; sender: string; answer: unknown }[] = [];
		const window = 200;
		const unanswered = () => answers.some((a) => typeof a.answer === 'string');
		// Stop at the first batch with a payload left unanswered (each waits for its timeout).
		for (let start = 0; start < cases.length && !unanswered(); start += window) {
			const batch = cases.slice(start, start + window);
			answers.push(
				...(await Promise.all(
					batch.map(async (c) => {
						const sender = senderOf(c);
						const socket = sender.client.socket as unknown as Socket;
						let answer: unknown;
						try {
							answer = await socket.timeout(5_000).emitWithAck(c.event, ...c.args);
						} catch (error) {
							answer = `no answer: ${String(error)}`;
						}
						return { c, sender: sender.label, answer };
					})
				))
			);
		}

		// Every payload got an error answer, with a known code and a Norwegian message.
		const t = fixedT('nb');
		const wrong = answers.filter(({ answer }) => {
			const a = answer as Ack;
			if (typeof a !== 'object' || a === null || a.ok !== false) return true;
			if (!(errorCodes as readonly string[]).includes(a.error.code)) return true;
			return a.error.message !== t(`errors.${a.error.code}`, a.error.params ?? {});
		});
		expect(
			wrong
				.slice(0, 5)
				.map((w) => ({ ...w, c: { ...w.c, args: JSON.stringify(w.c.args).slice(0, 200) } }))
		).toEqual([]);
		expect(answers).toHaveLength(total);
		const codes: Record<string, number> = {};
		const kinds: Record<string, number> = {};
		for (const { c, answer } of answers) {
			const code = (answer as Extract<Ack, { ok: false }>).error.code;
			codes[code] = (codes[code] ?? 0) + 1;
			kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
		}
		// Refused at the door: never by the limiter (high limits), never by an exception.
		expect(Object.keys(codes).sort()).toEqual(
			expect.arrayContaining(['invalid_payload', 'too_long', 'unauthenticated', 'forbidden'])
		);
		for (const code of Object.keys(codes)) {
			expect(['invalid_payload', 'too_long', 'unauthenticated', 'forbidden']).toContain(code);
		}
		const events = new Set(answers.map((a) => a.c.event));
		for (const name of commandNames) expect(events).toContain(name);
		expect(unknownEvents.filter((e) => events.has(e)).length).toBeGreaterThan(10);

		// The server is up, logged no failure, and every socket is still connected.
		expect(server.running).toBe(true);
		expect(await healthz(server)).toBe(200);
		expect(server.logs().filter((l) => l.level === 'error').length).toBe(errorsBefore);
		for (const sender of senders) expect(sender.client.socket.connected, sender.label).toBe(true);

		// Not a byte of the database changed.
		expect(fingerprint(server.databasePath)).toEqual(before);

		// A valid command still works, from the very socket that sent malformed ones.
		const ack = await phone.client.command('note.add', {
			id: newId(),
			questionId,
			noteId: newId(),
			text: 'Still here'
		});
		expect(ack.ok).toBe(true);
		expect(fingerprint(server.databasePath)).not.toEqual(before);
		process.stdout.write(
			`fuzz (seed ${seed}): ${answers.length} payloads, ${answers.length} error answers ` +
				`${JSON.stringify(codes)}; kinds ${JSON.stringify(kinds)}\n`
		);
	});
});

describe('after the wait', () => {
	it('lets a socket that hit its limit send again once the seconds it was given have passed', async () => {
		expect(limitedSocket).not.toBeNull();
		const { client, retryAt } = limitedSocket!;
		await sleep(Math.max(0, retryAt - Date.now()) + 100);
		expect((await client.command('timer.clear', { id: newId() })).ok).toBe(true);
	});
});
