/**
 * The organiser's live overview counts every connected phone of the conference: people in no
 * group (an observer, the project leader) too, over WebSocket and long-polling alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceOverview, ConferenceView } from '$lib/realtime/conference-views';
import { connect, type TestClient } from './helpers/client';
import { seedConference, withApp, type SeededConference } from './helpers/conference';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
/** Taken out of every group by hand before the server starts. */
let observer: SeededConference['members'][number];
const clients: TestClient[] = [];

async function overviewWhere(
	client: TestClient,
	predicate: (view: ConferenceOverview) => boolean,
	timeoutMs = 5_000
): Promise<ConferenceOverview> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const views = client.frames
			.filter((f) => f.kind === 'event' && f.name === 'conference.view')
			.map((f) => (f.args[0] as { view: ConferenceView }).view)
			.filter((v): v is ConferenceOverview => v.kind === 'overview');
		const match = views.reverse().find(predicate);
		if (match) return match;
		if (Date.now() > deadline)
			throw new Error(`no matching overview: ${JSON.stringify(views[0] ?? null)}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	observer = seed.members[0]!;
	await withApp(server.databasePath, async (app) => {
		const moved = await app.conferences.group(seed.conferenceId, seed.roundId, {
			type: 'noGroup',
			participantIds: [observer.id]
		});
		if (!moved.ok) throw new Error(JSON.stringify(moved.error));
	});
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

describe('the live overview', () => {
	it('counts the phone of someone in no group, on either transport', async () => {
		const organiser = await connect(server, {
			auth: { role: 'organiser', conferenceId: seed.conferenceId },
			headers: { cookie: seed.organiserCookie }
		});
		clients.push(organiser);
		const grouped = seed.groups[0]!.memberIds.slice(0, 2);
		expect(grouped).not.toContain(observer.id);

		for (const id of grouped) {
			const member = seed.members.find((m) => m.id === id)!;
			const phone = await connect(server, { auth: { role: 'member', token: member.token } });
			clients.push(phone);
		}
		await overviewWhere(organiser, (v) => v.connected === 2);

		const observerPhone = await connect(server, {
			auth: { role: 'member', token: observer.token },
			transports: ['polling']
		});
		clients.push(observerPhone);
		const withObserver = await overviewWhere(organiser, (v) => v.connected === 3);
		expect(withObserver.participants).toBe(40);

		// A second phone of the same person is still one person connected.
		const secondPhone = await connect(server, { auth: { role: 'member', token: observer.token } });
		clients.push(secondPhone);
		observerPhone.close();
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect((await overviewWhere(organiser, () => true)).connected).toBe(3);

		secondPhone.close();
		await overviewWhere(organiser, (v) => v.connected === 2);
	});
});
