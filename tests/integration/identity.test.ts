/**
 * Who may be whom, attacked from outside: someone who knows only the conference code (printed
 * on every badge) tries to become a participant who already picked their name on their phone,
 * by the roster page, by replaying the phone's own request, with the phone's link, and over
 * both transports; a join command id is replayed from another device. Real server, real
 * SQLite, real sockets, each device with its own cookies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '$lib/realtime/conference-views';
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
		const mine = await victimSocket.waitForView((v) => {
			const run = (v.view as ParticipantView).runs?.find((r) => r.questionId === questionId);
			return run?.phase === 'vote' && run.myBallot !== null;
		});
		const run = (mine.view as ParticipantView).runs.find((r) => r.questionId === questionId)!;
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
