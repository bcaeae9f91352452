/**
 * Limits that an abuser can neither bypass nor turn against a room, each attacked the way it was
 * broken: join-code look-ups that did not count, a rotating X-Forwarded-For, guest sockets that
 * spent a whole address's budget, code guessing and wrong passwords that locked everyone out,
 * unlimited session creation, 20 MB bodies to every route, and a log line per refusal.
 */
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedT, type Language } from '$lib/i18n';
import type { Ack } from '$lib/realtime/contract';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type ConnectOptions, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { TestServer, startServer } from './helpers/server';
import { connectConsole, createSession, joinPhone, startWriting } from './helpers/session';

const clients: TestClient[] = [];
const servers: TestServer[] = [];

afterAll(async () => {
	for (const client of clients) client.close();
	await Promise.all(servers.map((server) => server.dispose()));
});

async function serve(env: Record<string, string>): Promise<TestServer> {
	const server = await startServer({ env });
	servers.push(server);
	return server;
}

/** A server on a database with a seeded conference (and its organiser). */
async function serveSeeded(
	env: Record<string, string>
): Promise<{ server: TestServer; seed: SeededConference }> {
	const server = new TestServer({ env });
	servers.push(server);
	const seed = await seedConference(server.databasePath);
	await server.start();
	return { server, seed };
}

/** A socket that comes (through the trusted proxy) from `ip`. */
async function socketFrom(
	server: TestServer,
	ip: string,
	auth: ConnectOptions['auth'] = { role: 'guest', lang: 'en' }
): Promise<TestClient> {
	const client = await connect(server, { auth, headers: { 'x-forwarded-for': ip } });
	clients.push(client);
	return client;
}

/** A well-formed join code that no session or conference has (one in 887 million is not). */
function wrongCode(n: number): string {
	const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
	let code = '';
	for (let i = 0, v = n + 7919; i < 6; i++, v = Math.floor(v / alphabet.length) + i * 13) {
		code += alphabet[v % alphabet.length];
	}
	return code;
}

function secondsOf(answer: unknown): number {
	expect(answer).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
	return Number((answer as Extract<Ack, { ok: false }>).error.params?.seconds);
}

function page(server: TestServer, path: string, ip: string, lang: Language = 'en') {
	return fetch(`${server.url}${path}`, {
		redirect: 'manual',
		headers: { 'x-forwarded-for': ip, 'accept-language': lang }
	});
}

describe('/join?code=', () => {
	it('counts unknown codes and stops answering look-ups once the address is over its limit', async () => {
		const { server, seed } = await serveSeeded({
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '5',
			TRUST_PROXY: 'true'
		});
		const guesser = '192.0.2.10';
		for (let n = 0; n < 5; n++) {
			const response = await page(server, `/join?code=${wrongCode(n)}`, guesser);
			// An unknown code is said to be unknown on the landing page, never sent on to a page.
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/\?code=.*error=unknown/);
		}
		// Over the limit: no look-up answers any more, the conference's real code neither.
		const lookUps = await Promise.all(
			[seed.joinCode, ...Array.from({ length: 30 }, (_, n) => wrongCode(100 + n))].map((code) =>
				page(server, `/join?code=${code}`, guesser)
			)
		);
		for (const response of lookUps) {
			expect(response.status).toBe(429);
			expect(response.headers.get('location')).toBeNull();
		}
		const text = await (await page(server, `/join?code=${seed.joinCode}`, guesser, 'sv')).text();
		expect(text).toContain(fixedT('sv')('errors.rate_limited', { seconds: 3600 }).split('3600')[0]);
		// Another address looks the same code up at once.
		const elsewhere = await page(server, `/join?code=${seed.joinCode}`, '192.0.2.11');
		expect(elsewhere.headers.get('location')).toBe(`/k/${seed.joinCode}`);
		// The addresses were counted in memory only: not in the logs, not in the database file.
		await server.stop();
		expect(server.output).not.toContain(guesser);
		for (const file of [server.databasePath, `${server.databasePath}-wal`]) {
			if (existsSync(file)) expect(readFileSync(file).includes(guesser)).toBe(false);
		}
	});
});

describe('TRUST_PROXY', () => {
	it('counts join codes guessed behind a rotating X-Forwarded-For against the real client', async () => {
		const server = await serve({ RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '5', TRUST_PROXY: 'true' });
		const answers: unknown[] = [];
		for (let n = 0; n < 40; n++) {
			// What the proxy forwards: whatever the client wrote, then the address it came from.
			const socket = await socketFrom(server, `10.${n}.0.1, 198.51.100.9`);
			answers.push(
				await socket.send('participant.join', { id: newId(), code: wrongCode(n), name: 'Eve' })
			);
			socket.close();
		}
		const looked = answers.filter((a) => (a as Ack).ok === false && !isRateLimited(a));
		expect(looked).toHaveLength(5);
	});

	it('counts sign-ins behind a rotating X-Forwarded-For against the real client', async () => {
		const { server } = await serveSeeded({ TRUST_PROXY: '1' });
		const statuses: number[] = [];
		for (let n = 0; n < 35; n++) {
			const response = await signIn(server, `10.${n}.0.1, 198.51.100.9`, 'wrong password');
			statuses.push(response.status);
		}
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
	});

	it('trusts only the listed proxies', async () => {
		const server = await serve({
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '3',
			TRUST_PROXY: '127.0.0.1/32, 10.0.0.0/8'
		});
		const answers: unknown[] = [];
		for (let n = 0; n < 10; n++) {
			// Two trusted hops (10.1.2.3 is a listed proxy); the client wrote the leftmost one.
			const socket = await socketFrom(server, `172.16.${n}.1, 198.51.100.77, 10.1.2.3`);
			answers.push(
				await socket.send('participant.join', { id: newId(), code: wrongCode(n), name: 'Eve' })
			);
			socket.close();
		}
		expect(answers.filter((a) => !isRateLimited(a))).toHaveLength(3);
	});
});

function isRateLimited(answer: unknown): boolean {
	return (answer as Extract<Ack, { ok: false }>).error?.code === 'rate_limited';
}

describe('refused commands of guest sockets', () => {
	it('do not spend the budget of the honest room behind the same address', async () => {
		const server = await serve({});
		const session = await createSession(server);
		// A third of them on long-polling: the limits do not depend on the transport.
		const guests = await Promise.all(
			Array.from({ length: 45 }, async (_, n) => {
				const guest = await connect(server, {
					auth: { role: 'guest', lang: 'en' },
					transports: n % 3 === 0 ? ['polling'] : ['websocket']
				});
				clients.push(guest);
				return guest;
			})
		);
		// Each guest sends a hundred commands it may not send (no session): all refused. (However
		// long 4,500 answers take on a busy machine: what counts is the room's commands below.)
		const refused = await Promise.all(
			guests.flatMap((guest) =>
				Array.from({ length: 100 }, () =>
					guest.send('timer.start', { id: newId(), seconds: 60 }, 30_000)
				)
			)
		);
		expect(refused.every((a) => (a as Ack).ok === false)).toBe(true);
		// The room behind the same router goes on as if nothing happened.
		const console = await connectConsole(server, session);
		clients.push(console);
		const questionId = await startWriting(console);
		const phone = await joinPhone(server, session.joinCode, 'Honest');
		clients.push(phone.client);
		const answers: Ack[] = [];
		for (let n = 0; n < 55; n++) {
			answers.push(
				n % 2 === 0
					? await phone.client.command('note.add', {
							id: newId(),
							questionId,
							noteId: newId(),
							text: `note ${n}`
						})
					: await console.command('timer.start', { id: newId(), seconds: 60 })
			);
		}
		expect(answers.filter((a) => !a.ok)).toEqual([]);
	});
});

describe('join-code guessing', () => {
	let server: TestServer;
	let seed: SeededConference;
	let known: CreatedSession;
	let unused: CreatedSession;
	const venue = '203.0.113.50';

	beforeAll(async () => {
		({ server, seed } = await serveSeeded({ TRUST_PROXY: 'true' }));
		known = await createSession(server, { title: 'Known at the venue' });
		unused = await createSession(server, { title: 'Not yet used at the venue' });
		// The venue's phones have been joining this session already.
		const early = await joinPhone(server, known.joinCode, 'Early', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(early.client);
	});

	it('slows the guessing socket with growing waits', async () => {
		const guesser = await socketFrom(server, venue);
		const answers: unknown[] = [];
		for (let n = 0; n < 40; n++) {
			answers.push(
				await guesser.send('participant.join', { id: newId(), code: wrongCode(n), name: 'Eve' })
			);
		}
		const checked = answers.filter((a) => !isRateLimited(a));
		expect(checked.length).toBeLessThanOrEqual(5);
		const waits = answers.filter(isRateLimited).map(secondsOf);
		expect(waits.length).toBeGreaterThanOrEqual(35);
		// Even the right code waits on this socket.
		expect(
			isRateLimited(
				await guesser.send('participant.join', { id: newId(), code: known.joinCode, name: 'Eve' })
			)
		).toBe(true);
	});

	it('lets a fresh phone behind the same address join with the right code meanwhile', async () => {
		// The guesser keeps going on fresh sockets too.
		for (let n = 0; n < 30; n++) {
			const socket = await socketFrom(server, venue);
			await socket.send('participant.join', { id: newId(), code: wrongCode(200 + n), name: 'Eve' });
			socket.close();
		}
		const phone = await joinPhone(server, known.joinCode, 'Fresh', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(phone.client);
		const first = await joinPhone(server, unused.joinCode, 'First in group', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(first.client);
		expect((await page(server, `/j/${known.joinCode}`, venue)).status).toBe(200);
		expect((await page(server, `/k/${seed.joinCode}`, venue)).status).toBe(200);
	});
});

describe('join-code guessing past the hard cap', () => {
	it('refuses new codes to the address but not the codes its phones already use', async () => {
		const { server, seed } = await serveSeeded({
			TRUST_PROXY: 'true',
			RATE_LIMIT_FAILED_JOINS_PER_ADDRESS: '10'
		});
		const venue = '203.0.113.60';
		const known = await createSession(server, { title: 'Group 1' });
		const early = await joinPhone(server, known.joinCode, 'Early', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(early.client);
		expect((await page(server, `/k/${seed.joinCode}`, venue)).status).toBe(200);
		const answers: unknown[] = [];
		for (let n = 0; n < 30; n++) {
			const socket = await socketFrom(server, venue);
			answers.push(
				await socket.send('participant.join', { id: newId(), code: wrongCode(n), name: 'Eve' })
			);
			socket.close();
		}
		expect(answers.filter((a) => !isRateLimited(a))).toHaveLength(10);
		// New codes wait (the guesser learns nothing more) …
		const other = await createSession(server, { title: 'Group 2' });
		const refused = await socketFrom(server, venue);
		expect(
			isRateLimited(
				await refused.send('participant.join', { id: newId(), code: other.joinCode, name: 'X' })
			)
		).toBe(true);
		expect((await page(server, `/j/${other.joinCode}`, venue)).status).toBe(429);
		// … while the room goes on joining the sessions it is running.
		const late = await joinPhone(server, known.joinCode, 'Late', {
			headers: { 'x-forwarded-for': venue }
		});
		clients.push(late.client);
		expect((await page(server, `/j/${known.joinCode}`, venue)).status).toBe(200);
		expect((await page(server, `/k/${seed.joinCode}`, venue)).status).toBe(200);
	});
});

function signIn(
	server: TestServer,
	ip: string,
	password: string,
	cookie?: string
): Promise<Response> {
	return fetch(`${server.url}/organiser/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: server.url,
			'accept-language': 'en',
			'x-forwarded-for': ip,
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams({ username: 'organiser', password, next: '/organiser' })
	});
}

/** The cookies a response sets, as one Cookie header. */
function cookiesOf(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

describe('wrong passwords', () => {
	const right = 'a long enough password';

	it('slow the attacker without locking the real organiser out', async () => {
		const { server } = await serveSeeded({ TRUST_PROXY: 'true' });
		// The organiser signed in on this laptop before.
		const before = await signIn(server, '198.51.100.1', right);
		expect(before.status).toBe(303);
		const device = cookiesOf(before)
			.split('; ')
			.filter((c) => !c.startsWith('samrad_organiser='))
			.join('; ');
		expect(device).not.toBe('');
		// HttpOnly, and sent only to the sign-in page.
		const deviceCookie = before.headers.getSetCookie().find((c) => c.startsWith('samrad_signin='));
		expect(deviceCookie).toMatch(/; HttpOnly/i);
		expect(deviceCookie).toMatch(/; Path=\/organiser\/login/i);

		// An attacker tries passwords for the same user name from one address …
		const attacker = '192.0.2.99';
		const statuses: number[] = [];
		for (let n = 0; n < 40; n++)
			statuses.push((await signIn(server, attacker, `guess ${n}`)).status);
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(10);
		expect(statuses.at(-1)).toBe(429);

		// … and from many (a botnet): the account itself slows unknown devices down.
		for (let n = 0; n < 60; n++) await signIn(server, `10.9.${n}.1`, `guess ${n}`);
		const stranger = await signIn(server, '10.10.10.10', right);
		expect(stranger.status).toBe(429);
		expect(await stranger.text()).toMatch(/wait \d+ s/);

		// The organiser gets in meanwhile: from the known laptop, even behind the attacker's address.
		expect((await signIn(server, attacker, right, device)).status).toBe(303);
		expect((await signIn(server, '198.51.100.2', right, device)).status).toBe(303);
	});

	it('let the organiser in from another address while one address guesses', async () => {
		const { server } = await serveSeeded({ TRUST_PROXY: 'true' });
		for (let n = 0; n < 20; n++) await signIn(server, '192.0.2.98', `guess ${n}`);
		expect((await signIn(server, '198.51.100.3', right)).status).toBe(303);
	});
});

describe('creating sessions', () => {
	it('is limited per address, with a clear error on the API and the form', async () => {
		const server = await serve({ TRUST_PROXY: 'true', RATE_LIMIT_SESSIONS_PER_ADDRESS: '5' });
		const post = (ip: string) =>
			fetch(`${server.url}/api/sessions`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-forwarded-for': ip,
					'accept-language': 'da'
				},
				body: JSON.stringify({ title: 'Flood', questions: ['Why?'], language: 'en' })
			});
		for (let n = 0; n < 5; n++) expect((await post('192.0.2.30')).status).toBe(201);
		const refused = await post('192.0.2.30');
		expect(refused.status).toBe(429);
		const body = (await refused.json()) as {
			error: { code: string; message: string; params: { seconds: number } };
		};
		expect(body.error.code).toBe('rate_limited');
		expect(body.error.params.seconds).toBeGreaterThan(0);
		expect(body.error.message).toBe(
			fixedT('da')('errors.rate_limited', { seconds: body.error.params.seconds })
		);
		expect(Number(refused.headers.get('retry-after'))).toBe(body.error.params.seconds);

		const form = await fetch(`${server.url}/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: server.url,
				'x-forwarded-for': '192.0.2.30',
				'accept-language': 'fi'
			},
			body: new URLSearchParams({ title: 'Flood', question: 'Why?', language: 'en', topN: '5' })
		});
		expect(form.status).toBe(429);
		const [start] = fixedT('fi')('errors.rate_limited', { seconds: '<n>' }).split('<n>');
		expect(await form.text()).toContain(start);

		expect((await post('192.0.2.31')).status).toBe(201);
	});
});

/** The server's resident memory in MB, from /proc. */
function residentMb(server: TestServer): number {
	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * Sends `bytes` to a path (with Content-Length, or chunked without one; as JSON, or as the file
 * of a multipart form) and resolves with the status as soon as the server answers, and how much
 * of the body had gone out by then.
 */
function upload(
	server: TestServer,
	path: string,
	bytes: number,
	{ chunked = false, cookie = '', multipart = false } = {}
): Promise<{ status: number; sent: number }> {
	const boundary = 'samrad-test-boundary';
	const head = multipart
		? Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n` +
					'Content-Type: text/csv\r\n\r\n'
			)
		: Buffer.alloc(0);
	const tail = multipart ? Buffer.from(`\r\n--${boundary}--\r\n`) : Buffer.alloc(0);
	const total = head.length + bytes + tail.length;
	return new Promise((resolve, reject) => {
		const chunk = Buffer.alloc(64 * 1024, 'a');
		let sent = 0;
		let answered = false;
		const req = request(`${server.url}${path}`, {
			method: 'POST',
			headers: {
				'content-type': multipart
					? `multipart/form-data; boundary=${boundary}`
					: 'application/json',
				accept: 'text/html',
				origin: server.url,
				...(chunked ? {} : { 'content-length': String(total) }),
				...(cookie ? { cookie } : {})
			}
		});
		req.on('response', (res) => {
			answered = true;
			res.resume();
			resolve({ status: res.statusCode ?? 0, sent });
			req.destroy();
		});
		req.on('error', (error) => {
			if (!answered) reject(error);
		});
		const pump = () => {
			if (sent === 0 && head.length > 0) req.write(head);
			while (!answered && sent < bytes) {
				const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
				sent += piece.length;
				if (!req.write(piece)) return void req.once('drain', pump);
			}
			if (!answered) req.end(tail);
		};
		pump();
	});
}

describe('large bodies', () => {
	it('are refused early on ordinary routes, without the server holding them', async () => {
		const server = await serve({});
		await createSession(server);
		const before = residentMb(server);
		const mb20 = 20 * 1024 * 1024;
		const answers = await Promise.all([
			...[1, 2, 3].map(() => upload(server, '/api/sessions', mb20)),
			...[1, 2, 3].map(() => upload(server, '/api/sessions', mb20, { chunked: true })),
			upload(server, '/new', mb20),
			upload(server, '/organiser/import', mb20)
		]);
		for (const answer of answers) {
			expect(answer.status).toBe(413);
			// Answered long before the whole body was sent.
			expect(answer.sent).toBeLessThan(mb20);
		}
		const grown = residentMb(server) - before;
		process.stdout.write(
			`8 bodies of 20 MB refused; server memory grew by ${grown.toFixed(1)} MB\n`
		);
		expect(grown).toBeLessThan(40);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('reach the archive import and the CSV imports of a signed-in organiser', async () => {
		const { server, seed } = await serveSeeded({});
		const signedIn = { cookie: seed.organiserCookie, multipart: true };
		// Read by the page, which answers in words that the file is not an archive.
		const archive = await upload(server, '/organiser/import', 19 * 1024 * 1024, signedIn);
		expect(archive.status).toBe(422);
		const csvPath = `/organiser/conferences/${seed.conferenceId}/participants/import?/check`;
		const csv = await upload(server, csvPath, 900 * 1024, signedIn);
		expect(csv.status).toBe(422);
		// A CSV file of 20 MB is refused at the door, and so is an archive without a sign-in.
		expect((await upload(server, csvPath, 20 * 1024 * 1024, signedIn)).status).toBe(413);
		const anonymous = await upload(server, '/organiser/import', 19 * 1024 * 1024, {
			multipart: true
		});
		expect(anonymous.status).toBe(413);
	});
});

describe('a flood of refusals', () => {
	it('writes a bounded number of log lines that still count every refusal', async () => {
		const server = await serve({ RATE_LIMIT_COMMANDS_PER_SOCKET: '5' });
		const session = await createSession(server);
		const console = await connectConsole(server, session);
		clients.push(console);
		const answers = await Promise.all(
			Array.from({ length: 3000 }, () => console.send('timer.clear', { id: newId() }))
		);
		const limited = answers.filter(isRateLimited).length;
		expect(limited).toBe(2995);
		await server.stop();
		const lines = server.logs().filter((l) => l.event === 'rate.limited');
		expect(lines.length).toBeLessThanOrEqual(5);
		expect(lines.reduce((sum, l) => sum + Number(l.count ?? 1), 0)).toBe(limited);
	});
});
