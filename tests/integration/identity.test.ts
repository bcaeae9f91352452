/**
 * Who may be whom, attacked from outside: someone who knows only the conference code (printed
 * on every badge) tries to become a participant who already picked their name on their phone,
 * by the roster page, by replaying the phone's own request, with the phone's link, and over
 * both transports; a join command id is replayed from another device. Real server, real
 * SQLite, real sockets, each device with its own cookies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRequest, MemberView } from '$lib/realtime/conference-views';
import type { ParticipantView } from '$lib/domain/session/views';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { Device, rosterEntry, userAgents, type PageAnswer } from './helpers/device';
import { TestServer } from './helpers/server';
import { createSession, startWriting } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

const transports = ['websocket', 'polling'] as const;

function track<T extends TestClient>(client: T): T {
	clients.push(client);
	return client;
}

/** The last path segment of a link: the token it carries. */
function tokenOf(path: string): string {
	return path.split('/').at(-1)!;
}

/** Picks a name on the conference's roster page, as a phone does. */
async function pickName(device: Device, name: string) {
	const roster = await device.get(`/k/${seed.joinCode}`);
	expect(roster.status).toBe(200);
	const form = rosterEntry(roster.body, name);
	const answer = await device.post(`/k/${seed.joinCode}`, form);
	return { roster, form, answer };
}

/** Everything a page answer shows, for "this secret is not in there" checks. */
function seen(answer: PageAnswer): string {
	return `${answer.location ?? ''}\n${answer.headers}\n${answer.body}`;
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** Waits until `check` returns something (frames arrive asynchronously). */
async function eventually<T>(check: () => T | undefined | null | false, timeoutMs = 5_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = check();
		if (found) return found;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** The payloads of one server event a socket received, in order. */
function events<T>(client: TestClient, name: string): T[] {
	return client.frames
		.filter((f) => f.kind === 'event' && f.name === name)
		.map((f) => f.args[0] as T);
}

/** The check code a waiting device's page shows (digits spaced out for reading aloud). */
function checkCodeOn(page: PageAnswer): string {
	const match = /class="code[^"]*">([\d ]{7})</.exec(page.body);
	if (!match) throw new Error('no check code on the page');
	return match[1]!.replaceAll(' ', '');
}

/** A signed-in organiser's browser. */
function organiser(): Device {
	const browser = new Device(server, userAgents.laptop);
	const [name, value] = seed.organiserCookie.split('=') as [string, string];
	browser.cookies.set(name, value);
	return browser;
}

const devicesPage = () => `/organiser/conferences/${seed.conferenceId}/participants/devices`;

/** The id of the device row on the organiser's page that shows every one of `texts`. */
function rowId(html: string, ...texts: string[]): string {
	const row = html.split('<tr').find((r) => texts.every((text) => r.includes(text)));
	const id = row && /name="id" value="([^"]+)"/.exec(row)?.[1];
	if (!id) throw new Error(`no row with ${texts.join(', ')}`);
	return id;
}

/** A member's phone: picks the name, opens its link and connects. */
async function phoneWithName(device: Device, name: string) {
	const picked = await pickName(device, name);
	const link = picked.answer.location!;
	const page = await device.get(link);
	return { link, token: tokenOf(link), page };
}

function memberViews(client: TestClient): MemberView[] {
	return client.frames
		.filter((f) => f.kind === 'event' && f.name === 'conference.view')
		.map((f) => (f.args[0] as { view: MemberView }).view)
		.filter((v) => v.kind === 'member');
}

describe('picking a name from the roster', () => {
	it('never hands an outsider with only the conference code the identity of someone already on their phone', async () => {
		const group = seed.groups[0]!;
		const victim = seed.members.find((m) => m.id === group.memberIds[0])!;

		// The victim picks their name on their phone and lands in their group.
		const phone = new Device(server, userAgents.iphone);
		const picked = await pickName(phone, victim.name);
		expect(picked.answer.status).toBe(303);
		const phoneLink = picked.answer.location!;
		expect((await phone.get(phoneLink)).status).toBe(200);
		const victimSocket = track(
			await phone.connect({ auth: { role: 'member', token: tokenOf(phoneLink) } })
		);
		await victimSocket.waitForView((v) => v.view.role === 'participant');

		// They write a private note during silent writing.
		const facilitator = track(
			await connect(server, { auth: { role: 'facilitator', token: group.facilitatorToken } })
		);
		const questionId = await startWriting(facilitator);
		const secret = 'Private: my employer does not know about my diagnosis';
		const noteId = newId();
		await ok(victimSocket, 'note.add', { questionId, noteId, text: secret });

		// The outsider: the roster page, the victim's own request replayed byte for byte from
		// another phone, and the name picked through the page.
		const outsider = new Device(server, userAgents.android);
		const roster = await outsider.get(`/k/${seed.joinCode}`);
		const replayed = await outsider.post(`/k/${seed.joinCode}`, picked.form);
		const again = await pickName(outsider, victim.name);
		const answers: PageAnswer[] = [roster, replayed, again.roster, again.answer];
		const links = [replayed.location, again.answer.location].filter((l): l is string => !!l);
		for (const link of links) answers.push(await outsider.get(link));
		// The victim's own link, leaked (a screenshot, a shared phone), opened on the other phone.
		answers.push(await outsider.get(phoneLink));
		for (const answer of answers) {
			expect(seen(answer)).not.toContain(victim.token);
			expect(seen(answer)).not.toContain(tokenOf(phoneLink));
			expect(seen(answer)).not.toContain(secret);
		}

		// Whatever link the outsider was given, and the victim's own: over either transport,
		// with the outsider's cookies or none, no socket becomes the victim.
		const tokens = [...links.map(tokenOf), tokenOf(phoneLink)];
		const outsiderSockets: TestClient[] = [];
		for (const token of tokens) {
			for (const transport of transports) {
				for (const device of [outsider, new Device(server, userAgents.laptop)]) {
					const socket = await device
						.connect({ auth: { role: 'member', token }, transports: [transport] })
						.catch(() => null);
					if (!socket) continue;
					outsiderSockets.push(track(socket));
					const note = await socket.command('note.add', {
						id: newId(),
						questionId,
						noteId: newId(),
						text: 'Written by the outsider'
					});
					expect(note.ok).toBe(false);
				}
			}
		}
		// The victim's link works on the victim's phone only.
		expect(
			await outsider.connectRefused({ auth: { role: 'member', token: tokenOf(phoneLink) } })
		).toBeInstanceOf(Error);

		// The vote: the victim ranks their note; the outsider can neither see nor change it.
		await ok(facilitator, 'phase.advance', { questionId, from: 'write' });
		await ok(facilitator, 'reveal.all', { questionId });
		await ok(facilitator, 'phase.advance', { questionId, from: 'reveal' });
		await ok(facilitator, 'phase.advance', { questionId, from: 'clarify' });
		await ok(victimSocket, 'ballot.cast', { questionId, ranking: [`n:${noteId}`] });
		for (const socket of outsiderSockets) {
			const ballot = await socket.command('ballot.cast', { id: newId(), questionId, ranking: [] });
			expect(ballot.ok).toBe(false);
		}
		const runOf = (view: ParticipantView) =>
			view.runs[view.questions.findIndex((q) => q.id === questionId)];
		const mine = await victimSocket.waitForView((v) => {
			const run = runOf(v.view as ParticipantView);
			return run?.phase === 'vote' && run.myBallot !== null;
		});
		const run = runOf(mine.view as ParticipantView)!;
		expect(run.myBallot).toEqual([`n:${noteId}`]);
		expect(run.myNotes.map((n) => n.text)).toEqual([secret]);

		// Nothing of the victim ever reached an outsider's socket.
		for (const socket of outsiderSockets) {
			expect(socket.views).toEqual([]);
			expect(memberViews(socket)).toEqual([]);
			const text = socket.receivedText();
			expect(text).not.toContain(secret);
			expect(text).not.toContain(victim.token);
			expect(text).not.toContain(noteId);
		}
	});

	it('tells the phone that holds the name, live, that another device asked for it', async () => {
		const group = seed.groups[1]!;
		const victim = seed.members.find((m) => m.id === group.memberIds[0])!;
		const phone = new Device(server, userAgents.iphone);
		const picked = await pickName(phone, victim.name);
		const link = picked.answer.location!;
		await phone.get(link);
		const victimSocket = track(
			await phone.connect({ auth: { role: 'member', token: tokenOf(link) } })
		);
		await victimSocket.waitForView((v) => v.view.role === 'participant');

		const outsider = new Device(server, userAgents.android);
		await pickName(outsider, victim.name);
		const deadline = Date.now() + 5_000;
		let told: MemberView | undefined;
		while (!told && Date.now() < deadline) {
			told = memberViews(victimSocket).find((v) => v.identity?.requests.length === 1);
			if (!told) await new Promise((resolve) => setTimeout(resolve, 25));
		}
		expect(told?.identity.requests[0]!.device).toBe('Firefox · Android');
	});
});

describe('a replayed join command id', () => {
	it.each(transports)('from another device gets no identity (%s)', async (transport) => {
		const session = await createSession(server, { title: 'Workshop' });
		const phone = new Device(server, userAgents.iphone);
		expect((await phone.get(`/j/${session.joinCode}`)).status).toBe(200);
		const join = { id: newId(), code: session.joinCode, name: 'Sigrid' };
		const first = track(await phone.connect({ transports: [transport] }));
		const joined = await first.command('participant.join', join);
		if (!joined.ok) throw new Error(JSON.stringify(joined.error));
		first.close();

		// The same phone after a reload: its outbox resends the join and gets the first answer.
		const reloaded = track(await phone.connect({ transports: [transport] }));
		expect(await reloaded.command('participant.join', join)).toEqual(joined);

		// Another phone that learnt the id, and a client with no cookies at all.
		const outsider = new Device(server, userAgents.android);
		await outsider.get(`/j/${session.joinCode}`);
		const replayers = [
			track(await outsider.connect({ transports: [transport] })),
			track(await connect(server, { transports: [transport] }))
		];
		for (const replayer of replayers) {
			const answer = await replayer.command('participant.join', join);
			expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
			// Not bound as anyone: its next command is refused, and it never saw a view.
			const note = await replayer.command('note.add', {
				id: newId(),
				questionId: newId(),
				noteId: newId(),
				text: 'As Sigrid'
			});
			expect(note).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
			expect(replayer.views).toEqual([]);
			expect(replayer.receivedText()).not.toContain(joined.token);
		}
	});
});

describe('letting a second device in', () => {
	it("is done by the console of the person's group, not by another group's", async () => {
		const [group, otherGroup] = [seed.groups[2]!, seed.groups[3]!];
		const person = seed.members.find((m) => m.id === group.memberIds[0])!;
		const first = new Device(server, userAgents.iphone);
		const firstPhone = await phoneWithName(first, person.name);
		const firstSocket = track(
			await first.connect({ auth: { role: 'member', token: firstPhone.token } })
		);
		await firstSocket.waitForView((v) => v.view.role === 'participant');
		const consoleOf = async (token: string) =>
			track(await connect(server, { auth: { role: 'facilitator', token } }));
		const ownConsole = await consoleOf(group.facilitatorToken);
		const otherConsole = await consoleOf(otherGroup.facilitatorToken);

		// The second phone asks, and waits; its page shows the code the console shows.
		const second = new Device(server, userAgents.android);
		const asked = await phoneWithName(second, person.name);
		expect(asked.page.status).toBe(200);
		const waiting = track(await second.connect({ auth: { role: 'member', token: asked.token } }));
		const claim = await eventually(() =>
			events<{ claims: DeviceRequest[] }>(ownConsole, 'identity.claims')
				.at(-1)
				?.claims.find((c) => c.name === person.name)
		);
		expect(claim).toMatchObject({
			device: 'Firefox · Android',
			checkCode: checkCodeOn(asked.page)
		});
		expect(
			events<{ claims: DeviceRequest[] }>(otherConsole, 'identity.claims').flatMap((e) => e.claims)
		).toEqual([]);
		expect(waiting.views).toEqual([]);

		// Another group's console may not decide; the person's own console lets the phone in.
		const decide = (token: string, decision: string) =>
			new Device(server, userAgents.laptop).post(
				`/console/${token}?/device`,
				new URLSearchParams({ claim: claim.id, decision })
			);
		expect((await decide(otherGroup.facilitatorToken, 'approve')).status).toBe(409);
		expect((await second.get(asked.link)).body).toContain(checkCodeOn(asked.page));
		expect((await decide(group.facilitatorToken, 'approve')).status).toBe(200);

		// The waiting phone hears it and comes in; the first phone sees its name on two devices.
		await eventually(() => events(waiting, 'identity.changed').length > 0);
		expect((await second.get(asked.link)).status).toBe(200);
		const secondSocket = track(
			await second.connect({ auth: { role: 'member', token: asked.token } })
		);
		const view = await secondSocket.waitForView((v) => v.view.role === 'participant');
		expect((view.view as ParticipantView).me.id).toBe(person.id);
		const told = await eventually(() =>
			memberViews(firstSocket).find((v) => v.identity.devices.length === 2)
		);
		expect(told.identity.devices).toEqual([
			expect.objectContaining({ device: 'Safari · iPhone', kind: 'roster', current: true }),
			expect.objectContaining({ device: 'Firefox · Android', kind: 'approved', current: false })
		]);
		expect(told.identity.requests).toEqual([]);
		await eventually(() =>
			events<{ claims: DeviceRequest[] }>(ownConsole, 'identity.claims').at(-1)?.claims.length === 0
				? true
				: undefined
		);
	});

	it('is done by an organiser, who also turns devices down and signs them out at once', async () => {
		const group = seed.groups[4]!;
		const person = seed.members.find((m) => m.id === group.memberIds[0])!;
		const first = new Device(server, userAgents.iphone);
		const firstPhone = await phoneWithName(first, person.name);
		const firstSocket = track(
			await first.connect({ auth: { role: 'member', token: firstPhone.token } })
		);
		await firstSocket.waitForView((v) => v.view.role === 'participant');
		const welcome = new Device(server, userAgents.android);
		const unwelcome = new Device(server, userAgents.laptop);
		const asks = await phoneWithName(welcome, person.name);
		const intrudes = await phoneWithName(unwelcome, person.name);
		const intruder = track(
			await unwelcome.connect({ auth: { role: 'member', token: intrudes.token } })
		);

		// Without signing in nothing is decided.
		const stranger = new Device(server, userAgents.laptop);
		const page = await organiser().get(devicesPage());
		expect(page.status).toBe(200);
		const welcomeId = rowId(page.body, checkCodeOn(asks.page).split('').join(' '));
		const intruderId = rowId(page.body, checkCodeOn(intrudes.page).split('').join(' '));
		const sneaked = await stranger.post(
			`${devicesPage()}?/decide`,
			new URLSearchParams({ id: intruderId, decision: 'approve' })
		);
		expect(sneaked.status).toBe(303);
		expect(sneaked.location).toBe('/organiser/login');
		expect((await unwelcome.get(intrudes.link)).body).toContain(checkCodeOn(intrudes.page));

		// Let one in, turn the other down: it hears so, and asking again changes nothing.
		const decide = (id: string, decision: string) =>
			organiser().post(`${devicesPage()}?/decide`, new URLSearchParams({ id, decision }));
		expect((await decide(welcomeId, 'approve')).status).toBe(200);
		expect((await decide(intruderId, 'refuse')).status).toBe(200);
		await eventually(() => events(intruder, 'identity.changed').length > 0);
		expect(intruder.views).toEqual([]);
		const turnedDown = await unwelcome.get(intrudes.link);
		expect(turnedDown.status).toBe(200);
		expect(turnedDown.body).toContain('This phone was not let in');
		const again = await pickName(unwelcome, person.name);
		expect((await unwelcome.get(again.answer.location!)).body).toContain(
			'This phone was not let in'
		);
		expect(
			await unwelcome.connectRefused({ auth: { role: 'member', token: intrudes.token } })
		).toBeInstanceOf(Error);

		// Sign the first phone out: it is told why and disconnected at once; its link is dead.
		const before = await organiser().get(devicesPage());
		const firstId = rowId(before.body, person.name, 'Safari · iPhone');
		const closed = firstSocket.disconnected();
		expect(
			(await organiser().post(`${devicesPage()}?/release`, new URLSearchParams({ id: firstId })))
				.status
		).toBe(200);
		expect(await closed).toBe('io server disconnect');
		expect(events(firstSocket, 'session.closed')).toEqual([{ code: 'released' }]);
		expect(
			await first.connectRefused({ auth: { role: 'member', token: firstPhone.token } })
		).toBeInstanceOf(Error);
		expect((await first.get(firstPhone.link)).status).toBe(404);

		// The phone let in by the organiser is the person's now.
		const welcomed = track(await welcome.connect({ auth: { role: 'member', token: asks.token } }));
		const view = await welcomed.waitForView((v) => v.view.role === 'participant');
		expect((view.view as ParticipantView).me.id).toBe(person.id);
	});
});

describe('the badge link', () => {
	it('works on any device and records each one for the organiser and the person', async () => {
		const group = seed.groups[5]!;
		const person = seed.members.find((m) => m.id === group.memberIds[1])!;
		const phone = new Device(server, userAgents.iphone);
		const own = await phoneWithName(phone, person.name);
		const phoneSocket = track(await phone.connect({ auth: { role: 'member', token: own.token } }));
		await phoneSocket.waitForView((v) => v.view.role === 'participant');

		// A device still waiting to be let in comes in at once with the badge.
		const tablet = new Device(server, userAgents.android);
		const asked = await phoneWithName(tablet, person.name);
		expect(asked.page.body).toContain(checkCodeOn(asked.page));
		expect((await tablet.get(`/c/${person.token}`)).status).toBe(200);
		const tabletSocket = track(
			await tablet.connect({ auth: { role: 'member', token: person.token } })
		);
		await tabletSocket.waitForView((v) => v.view.role === 'participant');
		const told = await eventually(() =>
			memberViews(phoneSocket).find((v) => v.identity.devices.length === 2)
		);
		expect(told.identity.devices[1]).toMatchObject({ device: 'Firefox · Android', kind: 'badge' });
		const page = await organiser().get(devicesPage());
		expect(rowId(page.body, 'Firefox · Android', 'opened the badge link')).toBeTruthy();
		expect(told.identity.requests).toEqual([]);
		// Nothing on the organiser's page or the roster is a token.
		expect(page.body).not.toContain(person.token);
		const roster = await new Device(server, userAgents.laptop).get(`/k/${seed.joinCode}`);
		for (const member of seed.members) {
			expect(roster.body).not.toContain(member.token);
			expect(roster.body).not.toContain(member.id);
		}
	});
});
