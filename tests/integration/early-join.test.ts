/**
 * The phone's join form works before its app has started: `POST /j/<code>/join`, sent by the
 * page's inline script (src/lib/client/early-join.js). It is the socket's `participant.join` by
 * another door, so it must keep every promise of that door: exactly once per command id and
 * device (also when the app then sends the same join over its socket, on WebSocket or
 * long-polling), a replayed id from another device never gets the first joiner's token, wrong
 * codes and limits are refused with a translated error, and no other site can join for a phone.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyJoinScript } from '$lib/client/early-join.js';
import { newId, type TestClient } from './helpers/client';
import { Device, userAgents } from './helpers/device';
import { TestServer } from './helpers/server';
import { connectConsole, createSession } from './helpers/session';

let server: TestServer;
/** Joins are limited to two a minute per address here. */
let limited: TestServer;
const open: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	limited = new TestServer({ env: { RATE_LIMIT_JOINS_PER_ADDRESS: '2' } });
	await Promise.all([server.start(), limited.start()]);
});

afterAll(async () => {
	for (const client of open) client.close();
	await Promise.all([server.dispose(), limited.dispose()]);
});

interface Answer {
	ok: boolean;
	participantId?: string;
	token?: string;
	view?: { role: string; me?: { name: string } } | null;
	error?: { code: string; message: string };
}

/** How many people of this name the facilitator's view lists. */
function named(envelope: { view: unknown } | undefined, name: string): number {
	const view = envelope?.view as { participants?: { name: string }[] } | undefined;
	return view?.participants?.filter((p) => p.name === name).length ?? 0;
}

/** A phone that opened /j/<code> (so it has its device cookie). */
async function phoneOn(on: { url: string }, code: string): Promise<Device> {
	const device = new Device(on, userAgents.iphone);
	const page = await device.get(`/j/${code}`);
	expect(page.status).toBe(200);
	return device;
}

async function earlyJoin(
	device: Device,
	code: string,
	body: unknown,
	headers: Record<string, string> = {}
): Promise<{ status: number; answer: Answer }> {
	const page = await device.postJson(`/j/${code}/join`, body, headers);
	return { status: page.status, answer: JSON.parse(page.body) as Answer };
}

describe('a join sent by the page before its app has started', () => {
	it('joins once, is answered the same when replayed, and gives the phone its first view', async () => {
		const session = await createSession(server, { title: 'Early' });
		const console_ = await connectConsole(server, session);
		open.push(console_);
		const phone = await phoneOn(server, session.joinCode);
		const join = { id: newId(), name: 'Early Ada' };
		const first = await earlyJoin(phone, session.joinCode, join);
		expect(first.status).toBe(200);
		expect(first.answer.ok).toBe(true);
		expect(first.answer.view?.role).toBe('participant');
		const again = await earlyJoin(phone, session.joinCode, join);
		expect(again.answer).toMatchObject({
			ok: true,
			participantId: first.answer.participantId,
			token: first.answer.token
		});
		// The facilitator sees one person, however often the page asked.
		const view = await console_.waitForView((v) => JSON.stringify(v.view).includes('Early Ada'));
		expect(named(view, 'Early Ada')).toBe(1);
		expect(named(console_.views.at(-1), 'Early Ada')).toBe(1);
	});

	it.each(['websocket', 'polling'] as const)(
		'is the same join as the app sends on its socket (%s): one person, one token, the socket bound',
		async (transport) => {
			const session = await createSession(server, { title: `Both doors ${transport}` });
			const console_ = await connectConsole(server, session);
			open.push(console_);
			const phone = await phoneOn(server, session.joinCode);
			const join = { id: newId(), name: `Two doors ${transport}` };
			const early = await earlyJoin(phone, session.joinCode, join);
			expect(early.answer.ok).toBe(true);
			// The app started before the answer came and sent the join it found pending.
			const guest = await phone.connect({
				auth: { role: 'guest', lang: 'en' },
				transports: [transport]
			});
			open.push(guest);
			const ack = await guest.command('participant.join', {
				id: join.id,
				code: session.joinCode,
				name: join.name
			});
			expect(ack).toMatchObject({
				ok: true,
				participantId: early.answer.participantId,
				token: early.answer.token
			});
			const own = await guest.waitForView((v) => v.view.role === 'participant');
			expect(JSON.stringify(own.view)).toContain(join.name);
			// And the token the page got opens the person's socket on either transport.
			const person = await phone.connect({
				auth: { role: 'participant', token: early.answer.token!, lang: 'en' },
				transports: [transport]
			});
			open.push(person);
			await person.waitForView((v) => v.view.role === 'participant');
			const view = await console_.waitForView((v) => JSON.stringify(v.view).includes(join.name));
			expect(named(view, join.name)).toBe(1);
		}
	);

	it('never hands the first joiner’s token to another device replaying its id', async () => {
		const session = await createSession(server, { title: 'Replay' });
		const join = { id: newId(), name: 'Owner' };
		const owner = await earlyJoin(await phoneOn(server, session.joinCode), session.joinCode, join);
		expect(owner.answer.ok).toBe(true);
		const thief = await earlyJoin(await phoneOn(server, session.joinCode), session.joinCode, join);
		expect(thief.answer.token).toBeUndefined();
		expect(JSON.stringify(thief.answer)).not.toContain(owner.answer.token!);
		expect(JSON.stringify(thief.answer)).not.toContain(owner.answer.participantId!);
		// Over the socket from a third device, too.
		const other = await (
			await phoneOn(server, session.joinCode)
		).connect({
			auth: { role: 'guest', lang: 'en' }
		});
		open.push(other);
		const ack = await other.command('participant.join', { ...join, code: session.joinCode });
		expect(JSON.stringify(ack)).not.toContain(owner.answer.token!);
	});

	it('refuses a wrong code and an over-long name with a translated error', async () => {
		const session = await createSession(server, { title: 'Refusals' });
		const phone = await phoneOn(server, session.joinCode);
		phone.cookies.set('lang', 'sv');
		const wrong = await earlyJoin(phone, 'ZZZZZZ', { id: newId(), name: 'Lost' });
		expect(wrong.status).toBe(404);
		expect(wrong.answer.ok).toBe(false);
		expect(wrong.answer.error?.code).toBe('not_found');
		expect(wrong.answer.error?.message).not.toMatch(/^errors\./);
		const long = await earlyJoin(phone, session.joinCode, { id: newId(), name: 'x'.repeat(61) });
		expect(long.answer).toMatchObject({ ok: false, error: { code: 'too_long' } });
		const english = await earlyJoin(await phoneOn(server, session.joinCode), 'ZZZZZZ', {
			id: newId(),
			name: 'Lost'
		});
		expect(wrong.answer.error?.message).not.toBe(english.answer.error?.message);
	});

	it('refuses joins past the address’s limit, translated, and joins nobody; only a repeat of one’s own join is free', async () => {
		const session = await createSession(limited, { title: 'Limited' });
		const console_ = await connectConsole(limited, session);
		open.push(console_);
		const phone = await phoneOn(limited, session.joinCode);
		const one = { id: newId(), name: 'One' };
		expect((await earlyJoin(phone, session.joinCode, one)).answer.ok).toBe(true);
		// The page asks again, and its app, started before the answer came, sends the same join on
		// its socket: still the one join of the address's two.
		expect((await earlyJoin(phone, session.joinCode, one)).answer.ok).toBe(true);
		const app = await phone.connect({ auth: { role: 'guest', lang: 'en' } });
		open.push(app);
		const resent = await app.command('participant.join', { ...one, code: session.joinCode });
		expect(resent).toMatchObject({ ok: true });
		// Another device replaying that id is no repeat of its own: refused, and it counts (had the
		// repeats above counted too, it would already be past the limit).
		const replayed = await earlyJoin(
			await phoneOn(limited, session.joinCode),
			session.joinCode,
			one
		);
		expect(replayed.answer.ok).toBe(false);
		expect(replayed.answer.error?.code).not.toBe('rate_limited');
		const two = await earlyJoin(phone, session.joinCode, { id: newId(), name: 'Two' });
		expect(two.status).toBe(429);
		expect(two.answer.error?.code).toBe('rate_limited');
		expect(two.answer.error?.message).toMatch(/\d/);
		await console_.waitForView((v) => JSON.stringify(v.view).includes('One'));
		expect(JSON.stringify(console_.views.at(-1)?.view)).not.toContain('Two');
	});

	it('is refused to another site, to a form post, and to a browser without its device cookie', async () => {
		const session = await createSession(server, { title: 'Doors' });
		const phone = await phoneOn(server, session.joinCode);
		const join = () => ({ id: newId(), name: 'Forged' });
		const crossSite = await earlyJoin(phone, session.joinCode, join(), {
			origin: 'https://evil.example'
		});
		expect(crossSite.status).toBe(403);
		const plain = await phone.postJson(`/j/${session.joinCode}/join`, join(), {
			'content-type': 'text/plain'
		});
		expect(plain.status).toBe(403);
		const noCookie = await earlyJoin(
			new Device(server, userAgents.iphone),
			session.joinCode,
			join()
		);
		expect(noCookie.status).toBe(403);
		const console_ = await connectConsole(server, session);
		open.push(console_);
		expect(JSON.stringify(console_.views.at(-1)?.view)).not.toContain('Forged');
	});
});

describe("the phone page's inline script ({@html} in PhoneApp.svelte)", () => {
	it('is only early-join.js, allowed by its hash, whatever the session and the address carry', async () => {
		const attack = '</script><script>alert("title")</script><img src=x onerror=alert(1)>';
		const session = await createSession(server, { title: attack, questions: [attack] });
		const phone = new Device(server, userAgents.iphone);
		for (const path of [
			`/j/${session.joinCode}`,
			`/j/${session.joinCode}?n=${encodeURIComponent(attack)}`
		]) {
			const page = await phone.get(path);
			expect(page.status).toBe(200);
			const inline = [
				...page.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)
			].map((match) => match[1]!);
			// Exactly one inline script is ours, byte for byte; no script carries the attack raw.
			expect(inline.filter((text) => text === earlyJoinScript)).toHaveLength(1);
			// SvelteKit's own start-up script carries the page's data, the attack escaped inside a
			// string; a script made of the attack (a break out of a string) would hold it raw.
			for (const text of inline) {
				expect(text).not.toContain('alert("title")');
				expect(text).not.toMatch(/<\/?(script|img)/i);
			}
			expect(page.body).not.toContain('<img src=x');
			// The page's policy names that script's hash, so a changed text would not run.
			const hash = createHash('sha256').update(earlyJoinScript).digest('base64');
			expect(page.headers).toContain(`'sha256-${hash}'`);
		}
	});
});
