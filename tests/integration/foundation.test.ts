/**
 * The foundation against the real production server: exactly-once commands, payload validation
 * with translated errors, origin checks, message size limits, health and security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '$lib/domain/limits';
import { resources } from '$lib/i18n';
import type { CreatedSession } from '$lib/server/http/new-session';
import {
	clientIdPattern,
	connect,
	connectRefused,
	newId,
	type ConnectOptions,
	type TestClient
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	readDb,
	startWriting,
	type Phone
} from './helpers/session';

let server: TestServer;
let session: CreatedSession;
let facilitator: TestClient;
let phone: Phone;
let questionId: string;
const clients: TestClient[] = [];

/** A connection closed when the file ends. */
async function open(options: ConnectOptions): Promise<TestClient> {
	const client = await connect(server, options);
	clients.push(client);
	return client;
}

async function healthz(): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${server.url}/healthz`);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
	server = await startServer();
	session = await createSession(server, { questions: ['What stands in the way?'] });
	facilitator = await connectConsole(server, session);
	clients.push(facilitator);
	questionId = await startWriting(facilitator);
	phone = await joinPhone(server, session.joinCode, 'Ingrid');
	clients.push(phone.client);
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

describe('the test helpers', () => {
	it('make ids the contract accepts', () => {
		for (let i = 0; i < 20; i++) expect(newId()).toMatch(clientIdPattern);
	});

	it('give a created session its tokens and a join code', () => {
		expect(session.sessionId).toEqual(expect.any(String));
		expect(session.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
		expect(phone.token.startsWith(`${session.sessionId}.${phone.participantId}.`)).toBe(true);
	});
});

describe('exactly-once commands', () => {
	it('applies a repeated note.add once and answers it identically', async () => {
		const command = { id: newId(), questionId, noteId: newId(), text: 'Too much paperwork' };
		const first = await phone.client.command('note.add', command);
		const second = await phone.client.command('note.add', command);
		expect(first).toEqual({ ok: true, noteId: command.noteId });
		expect(second).toEqual(first);

		const view = await phone.client.waitForView((v) =>
			v.view.role === 'participant'
				? v.view.runs.some((r) => r.myNotes.some((n) => n.id === command.noteId))
				: false
		);
		const run = view.view.role === 'participant' ? view.view.runs[0]! : null;
		expect(run?.myNotes.filter((n) => n.text === 'Too much paperwork')).toHaveLength(1);

		const rows = readDb(server.databasePath, (db) => ({
			processed: db
				.prepare('SELECT count(*) AS n FROM processed_commands WHERE id = ?')
				.get(command.id) as { n: number },
			events: db
				.prepare(
					"SELECT event FROM session_events WHERE session_id = ? AND event LIKE '%note.add%'"
				)
				.all(session.sessionId) as { event: string }[]
		}));
		expect(rows.processed.n).toBe(1);
		expect(rows.events.filter((e) => e.event.includes(command.noteId))).toHaveLength(1);
	});

	it('answers a repeat with the first answer even when the payload changed', async () => {
		const id = newId();
		const noteId = newId();
		const first = await phone.client.command('note.add', { id, questionId, noteId, text: 'First' });
		const repeat = await phone.client.command('note.add', {
			id,
			questionId,
			noteId: newId(),
			text: 'Second'
		});
		expect(repeat).toEqual(first);
		await phone.client.waitForView((v) =>
			v.view.role === 'participant' ? v.view.runs[0]!.myNotes.some((n) => n.id === noteId) : false
		);
		const texts =
			phone.client.view?.view.role === 'participant'
				? phone.client.view.view.runs[0]!.myNotes.map((n) => n.text)
				: [];
		expect(texts).toContain('First');
		expect(texts).not.toContain('Second');
	});

	it('answers a failed command identically when repeated, and stores the answer once', async () => {
		const command = { id: newId(), questionId, noteId: newId(), text: '   ' };
		const first = await phone.client.command('note.add', command);
		const second = await phone.client.command('note.add', command);
		expect(first).toMatchObject({ ok: false, error: { code: 'empty' } });
		expect(second).toEqual(first);
		const count = readDb(
			server.databasePath,
			(db) =>
				db.prepare('SELECT count(*) AS n FROM processed_commands WHERE id = ?').get(command.id) as {
					n: number;
				}
		);
		expect(count.n).toBe(1);
	});

	it('refuses the same command id from another sender as a conflict', async () => {
		const id = newId();
		const mine = await phone.client.command('note.add', {
			id,
			questionId,
			noteId: newId(),
			text: 'Mine'
		});
		expect(mine.ok).toBe(true);
		const theirs = await facilitator.command('timer.start', { id, seconds: 60 });
		expect(theirs).toMatchObject({ ok: false, error: { code: 'conflict' } });
	});

	it('answers a repeated join with the same participant and token', async () => {
		const guest = await open({ auth: { role: 'guest' } });
		const join = { id: newId(), code: session.joinCode, name: 'Jón' };
		const first = await guest.command('participant.join', join);
		const again = await guest.command('participant.join', join);
		expect(first.ok).toBe(true);
		expect(again).toEqual(first);
		const people = await facilitator.waitForView((v) =>
			v.view.people.some((p) => p.name === 'Jón')
		);
		expect(people.view.people.filter((p) => p.name === 'Jón')).toHaveLength(1);
	});
});

describe('malformed payloads', () => {
	const svErrors = resources.sv.errors as Record<string, string>;
	const enErrors = resources.en.errors as Record<string, string>;
	let swedish: TestClient;

	beforeAll(async () => {
		swedish = await open({
			auth: { role: 'facilitator', token: session.facilitatorToken, lang: 'sv' }
		});
	});

	const valid = () => ({
		id: newId(),
		questionId,
		noteId: newId(),
		text: 'A fine note',
		authorId: phone.participantId
	});
	const cases: [string, () => unknown][] = [
		['a string instead of an object', () => 'note.add please'],
		['an array', () => [valid()]],
		['null', () => null],
		['a number', () => 42],
		['text of the wrong type', () => ({ ...valid(), text: 42 })],
		['an id of the wrong type', () => ({ ...valid(), id: 1234567890123456 })],
		['a missing field', () => ({ id: newId(), questionId, text: 'No note id' })],
		['an extra field', () => ({ ...valid(), authorName: 'Mallory' })],
		['a too-short id', () => ({ ...valid(), id: 'short' })],
		['an id with forbidden characters', () => ({ ...valid(), noteId: '../../etc/passwd/xx' })],
		['a prototype-polluting key', () => JSON.parse(`{"__proto__": {"x": 1}, "id": "${newId()}"}`)]
	];

	it.each(cases)('refuses %s with a translated invalid_payload error', async (_label, payload) => {
		const answer = await swedish.send('note.add', payload());
		expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		const message = (answer as { error: { message: string } }).error.message;
		expect(message).toBe(svErrors.invalid_payload);
		expect(message).not.toBe(enErrors.invalid_payload);
	});

	it('refuses text far over the limit before it reaches the core, naming the limit', async () => {
		const answer = await swedish.send('note.add', {
			...valid(),
			text: 'x'.repeat(limits.noteChars * 10)
		});
		expect(answer).toMatchObject({ ok: false, error: { code: 'too_long' } });
		const message = (answer as { error: { message: string } }).error.message;
		// "Det är för långt: högst 2000 tecken." — the limit filled in, no raw placeholders.
		expect(message).toBe(svErrors.too_long!.replace('{{max}}', String(limits.noteChars)));
	});

	it('refuses text just over the limit in the core, with the same message', async () => {
		const max = limits.noteChars;
		const answer = await swedish.send('note.add', { ...valid(), text: 'x'.repeat(max + 1) });
		expect(answer).toMatchObject({
			ok: false,
			error: { code: 'too_long', params: { max, length: max + 1 } }
		});
		const message = (answer as { error: { message: string } }).error.message;
		expect(message).toBe(svErrors.too_long!.replace('{{max}}', String(max)));
	});

	it('answers in the language of the handshake, per socket', async () => {
		const english = await open({
			auth: { role: 'facilitator', token: session.facilitatorToken, lang: 'en' }
		});
		const answer = await english.send('note.add', 'nonsense');
		expect(answer).toMatchObject({
			ok: false,
			error: { code: 'invalid_payload', message: enErrors.invalid_payload }
		});
	});

	it('ignores unknown events and commands without an ack, and keeps serving', async () => {
		const socket = swedish.socket as unknown as {
			emit: (name: string, ...args: unknown[]) => void;
		};
		socket.emit('db.drop', { id: newId() });
		socket.emit('note.add', valid());
		socket.emit('note.add', 'garbage');
		const after = await swedish.command('note.add', { ...valid(), authorId: phone.participantId });
		expect(after.ok).toBe(true);
		expect(swedish.socket.connected).toBe(true);
		const health = await healthz();
		expect(health.status).toBe(200);
	});

	it('still applies a valid command after the malformed ones, and /healthz answers', async () => {
		const ack = await phone.client.command('note.add', valid());
		expect(ack.ok).toBe(true);
		const health = await healthz();
		expect(health.status).toBe(200);
		expect(health.body.database).toBe('ok');
	});

	it('refuses commands from an unauthenticated guest', async () => {
		const guest = await open({ auth: { role: 'guest', lang: 'sv' } });
		const answer = await guest.send('note.add', valid());
		expect(answer).toMatchObject({
			ok: false,
			error: { code: 'unauthenticated', message: svErrors.unauthenticated }
		});
	});

	it('refuses a handshake with a forged token', async () => {
		const forged = `${session.sessionId}.${phone.participantId}.${'A'.repeat(32)}`;
		const error = await connectRefused(server, { auth: { role: 'participant', token: forged } });
		expect(error.message).toBe('unauthenticated');
		const wrongConsole = await connectRefused(server, {
			auth: { role: 'facilitator', token: 'x'.repeat(32) }
		});
		expect(wrongConsole.message).toBe('unauthenticated');
	});
});

describe('hostile handshakes', () => {
	it('survive a malformed language cookie (it once crashed the server)', async () => {
		const console_ = await open({
			headers: { cookie: 'lang=%E0' },
			auth: { role: 'facilitator', token: session.facilitatorToken }
		});
		await console_.waitForView();
		// Without a usable cookie the language comes from Accept-Language.
		const guest = await open({
			headers: { cookie: 'lang=%', 'accept-language': 'sv-SE,sv;q=0.9' }
		});
		const answer = await guest.send('note.add', { id: newId() });
		expect(answer).toMatchObject({
			ok: false,
			error: { code: 'unauthenticated', message: resources.sv.errors.unauthenticated }
		});
		expect(server.running).toBe(true);
		expect((await healthz()).status).toBe(200);
	});

	it('refuse handshake auth of the wrong shape', async () => {
		for (const auth of [
			{ role: 'admin' },
			{ role: 'facilitator' },
			{ role: 'facilitator', token: 42 },
			{ role: 'screen', token: 'a'.repeat(500) },
			{ role: 'participant', token: '<script>alert(1)</script>' },
			{ lang: 'de' }
		]) {
			const error = await connectRefused(server, { auth: auth as ConnectOptions['auth'] });
			expect(error.message, JSON.stringify(auth)).toBe('unauthenticated');
		}
		expect((await healthz()).status).toBe(200);
	});
});

describe('origin checks on the socket handshake', () => {
	for (const transport of ['websocket', 'polling'] as const) {
		it(`refuses a foreign Origin (${transport})`, async () => {
			const error = await connectRefused(server, {
				origin: 'http://evil.example',
				transports: [transport]
			});
			expect(error).toBeInstanceOf(Error);
			const refused = await server.waitForLog('socket.origin_refused');
			expect(refused.origin).toBe('http://evil.example');
		});

		it(`accepts the server's own origin (${transport})`, async () => {
			const client = await open({
				origin: server.url,
				transports: [transport],
				auth: { role: 'facilitator', token: session.facilitatorToken }
			});
			expect(client.socket.connected).toBe(true);
			await client.waitForView();
		});
	}

	it('refuses an origin that only looks similar', async () => {
		for (const origin of [
			`http://127.0.0.1.evil.example:${server.port}`,
			`http://localhost:${server.port}`,
			`http://127.0.0.1:${server.port + 1}`,
			'null'
		]) {
			await expect(connectRefused(server, { origin })).resolves.toBeInstanceOf(Error);
		}
	});
});

describe('message size', () => {
	it('refuses a message over 64 KB without harming the server or other sockets', async () => {
		const big = await open({
			auth: { role: 'participant', token: phone.token }
		});
		const payload = { id: newId(), questionId, noteId: newId(), text: 'x'.repeat(70 * 1024) };
		const closed = big.disconnected();
		const answer = big.send('note.add', payload, 3_000).then(
			() => 'answered',
			() => 'no answer'
		);
		expect(await closed).toBe('transport close');
		expect(await answer).toBe('no answer');

		// Nothing was stored, everyone else is still connected, and new connections work.
		const stored = readDb(
			server.databasePath,
			(db) =>
				db.prepare('SELECT count(*) AS n FROM processed_commands WHERE id = ?').get(payload.id) as {
					n: number;
				}
		);
		expect(stored.n).toBe(0);
		expect(facilitator.socket.connected).toBe(true);
		expect(phone.client.socket.connected).toBe(true);
		const ack = await phone.client.command('note.add', {
			id: newId(),
			questionId,
			noteId: newId(),
			text: 'After the big one'
		});
		expect(ack.ok).toBe(true);
		const fresh = await open({ auth: { role: 'participant', token: phone.token } });
		await fresh.waitForView();
		expect((await healthz()).status).toBe(200);
	});

	it('refuses an oversized message over HTTP long-polling too', async () => {
		const big = await open({
			transports: ['polling'],
			auth: { role: 'participant', token: phone.token }
		});
		const closed = big.disconnected(10_000);
		void big
			.send('note.add', { id: newId(), questionId, noteId: newId(), text: 'y'.repeat(70 * 1024) })
			.catch(() => undefined);
		expect(await closed).toMatch(/transport (close|error)/);
		expect((await healthz()).status).toBe(200);
		expect(facilitator.socket.connected).toBe(true);
	});
});

describe('HTTP', () => {
	it('/healthz reports the database, schema version and uptime', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ status: 'ok', database: 'ok' });
		const migrations = readDb(server.databasePath, (db) =>
			db.pragma('user_version', { simple: true })
		);
		expect(body.schemaVersion).toBe(migrations);
		expect(body.schemaVersion).toBeGreaterThanOrEqual(2);
		expect(body.uptimeSeconds).toEqual(expect.any(Number));
		expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
	});

	it('sends security headers with the landing page', async () => {
		const response = await fetch(`${server.url}/`);
		expect(response.status).toBe(200);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+'| 'sha256-[^']+')*(;|$)/);
		expect(csp).not.toContain('unsafe-eval');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('sends a strict policy with JSON responses', async () => {
		const response = await fetch(`${server.url}/healthz`);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it("gives the offline shell's worker a policy of its own: fetch from this origin, nothing else", async () => {
		const worker = await fetch(`${server.url}/service-worker.js`);
		expect(worker.status).toBe(200);
		const policy = (worker.headers.get('content-security-policy') ?? '').split(/;\s*/);
		expect(policy).toEqual(expect.arrayContaining(["default-src 'none'", "connect-src 'self'"]));
		expect(policy.filter((d) => /^(script|worker|img|style|font|frame)-src/.test(d))).toEqual([]);
		// Every other file keeps the strict policy; the phone page may register a worker from here.
		const icon = await fetch(`${server.url}/favicon.svg`);
		expect(icon.headers.get('content-security-policy')).not.toContain('connect-src');
		const page = await fetch(`${server.url}/`);
		expect(page.headers.get('content-security-policy')).toContain("worker-src 'self'");
	});

	it('sets the language cookie HttpOnly and SameSite=Lax, from a same-origin form post', async () => {
		const response = await fetch(`${server.url}/lang`, {
			method: 'POST',
			headers: {
				origin: server.url,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'lang=sv&redirect=%2F',
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^lang=sv;/);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		// Plain HTTP (a venue's LAN): a Secure cookie would be dropped by the browser.
		expect(cookie).not.toMatch(/;\s*Secure/i);

		const page = await fetch(`${server.url}/`, { headers: { cookie: 'lang=sv' } });
		expect(await page.text()).toContain('<html lang="sv">');
	});

	it('refuses a language form posted from another site', async () => {
		const response = await fetch(`${server.url}/lang`, {
			method: 'POST',
			headers: {
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'lang=sv',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('set-cookie')).toBeNull();
	});

	it('never redirects off-site after a language change', async () => {
		const response = await fetch(`${server.url}/lang`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: `lang=da&redirect=${encodeURIComponent('//evil.example/x')}`,
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
	});
});
