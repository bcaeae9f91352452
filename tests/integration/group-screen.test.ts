/**
 * How people join a conference group, attacked from outside. The group's projector and console
 * show the conference's own join address (/k/<conference code>), its code and QR: members pick
 * their name from the roster (bound to their device) or use their badge. The group session's own
 * code admits nobody: an outsider who learns it cannot join the group anonymously, by socket on
 * either transport, by its phone page or by the landing page's join form. Real server with
 * PUBLIC_ORIGIN set, real SQLite, real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView } from '$lib/domain/session/views';
import type { ViewEnvelope } from '$lib/realtime/contract';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { Device, userAgents } from './helpers/device';
import { TestServer } from './helpers/server';
import { createSession } from './helpers/session';

const publicOrigin = 'https://samrad.example.org';
let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer({ env: { PUBLIC_ORIGIN: publicOrigin } });
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

const transports = ['websocket', 'polling'] as const;

async function track(client: Promise<TestClient>): Promise<TestClient> {
	const connected = await client;
	clients.push(connected);
	return connected;
}

/** What the envelope tells a socket about joining. */
const joining = (envelope: ViewEnvelope) => ({
	joinCode: envelope.joinCode,
	joinUrl: envelope.joinUrl
});

describe("a conference group's screen and console", () => {
	it('show the conference’s code and roster address, on both transports, again after a reconnect', async () => {
		const group = seed.groups[0]!;
		const expected = { joinCode: seed.joinCode, joinUrl: `${publicOrigin}/k/${seed.joinCode}` };
		for (const transport of transports) {
			for (const auth of [
				{ role: 'screen' as const, token: group.screenToken },
				{ role: 'facilitator' as const, token: group.facilitatorToken }
			]) {
				// Twice: a reload opens a new connection, which must get the same instructions.
				for (let load = 0; load < 2; load++) {
					const client = await track(connect(server, { auth, transports: [transport] }));
					const envelope = await client.waitForView();
					expect(joining(envelope), `${auth.role} on ${transport}`).toEqual(expected);
					client.close();
				}
			}
		}
	});

	it('never show the group session’s own code, and phones get no joining instructions', async () => {
		const group = seed.groups[1]!;
		const screen = await track(
			connect(server, { auth: { role: 'screen', token: group.screenToken } })
		);
		await screen.waitForView();
		expect(screen.receivedText()).not.toContain(group.joinCode);
		const member = seed.members.find((m) => m.id === group.memberIds[0])!;
		const phone = await track(connect(server, { auth: { role: 'member', token: member.token } }));
		const envelope = await phone.waitForView();
		expect(joining(envelope)).toEqual({ joinCode: null, joinUrl: null });
	});

	it('leave a stand-alone session’s screen its own code and /j/ address', async () => {
		const session = await createSession(server, { title: 'Workshop' });
		const screen = await track(
			connect(server, { auth: { role: 'screen', token: session.screenToken } })
		);
		expect(joining(await screen.waitForView())).toEqual({
			joinCode: session.joinCode,
			joinUrl: `${publicOrigin}/j/${session.joinCode}`
		});
	});
});

describe("the group session's own code", () => {
	it('admits no anonymous guest into the group, on WebSocket or long-polling', async () => {
		const group = seed.groups[2]!;
		const console = await track(
			connect(server, { auth: { role: 'facilitator', token: group.facilitatorToken } })
		);
		const before = (await console.waitForView()).view as FacilitatorView;
		for (const transport of transports) {
			const guest = await track(connect(server, { transports: [transport] }));
			const answer = await guest.command('participant.join', {
				id: newId(),
				code: group.joinCode,
				name: `Mallory on ${transport}`
			});
			expect(answer, transport).toMatchObject({ ok: false, error: { code: 'not_found' } });
			// Nothing of the group reached the guest.
			expect(guest.views, transport).toEqual([]);
		}
		// The console's people are the group's members, and nobody else came in.
		const after = (await console.waitForView()).view as FacilitatorView;
		expect(after.participants).toEqual(before.participants);
		expect(after.participants.map((p) => p.name).join()).not.toContain('Mallory');
	});

	it('opens no join form on /j/<code>, and the landing page’s join form does not find it', async () => {
		const group = seed.groups[3]!;
		const device = new Device(server, userAgents.android);
		const page = await device.get(`/j/${group.joinCode}`);
		const shows = (text: string) => page.body.includes(text);
		expect(shows('No session with this code'), 'says there is no such session').toBe(true);
		expect(shows(`>${group.name}<`) || shows(`"${group.name}"`), 'names the group').toBe(false);
		const form = await device.get(`/join?code=${group.joinCode}`);
		expect(form.status).toBe(303);
		expect(form.location).toBe('/');
		// The conference's own code still opens the roster.
		const roster = await device.get(`/join?code=${seed.joinCode}`);
		expect(roster.location).toBe(`/k/${seed.joinCode}`);
	});
});
