/**
 * The plenum screen's link opens a projector's view, and the device behind it may be any
 * laptop in the hall: it receives the notes of the group presented only. Attacked with the
 * plenum link over WebSocket and long-polling: a group that is not presented reveals a note,
 * every byte the plenum socket received is read, and the note must not be there; once that
 * group is presented, it is (the check could fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceOverview, PlenumView } from '$lib/realtime/conference-views';
import { conferenceViews, connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';

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

async function open(options: Parameters<typeof connect>[1]): Promise<TestClient> {
	const client = await connect(server, options);
	clients.push(client);
	return client;
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
}

async function present(groupId: string): Promise<void> {
	const answer = await post(
		server,
		`/organiser/conferences/${seed.conferenceId}/plenum?/present`,
		{ roundId: seed.roundId, groupId },
		{ cookie: seed.organiserCookie }
	);
	expect(answer.status).toBe(200);
}

/** Waits for a conference view on `client` that satisfies `predicate`. */
async function seen<T>(client: TestClient, predicate: (view: T) => boolean): Promise<T> {
	await expect
		.poll(() => conferenceViews(client).some((v) => predicate(v as T)), { timeout: 10_000 })
		.toBe(true);
	return conferenceViews(client).find((v) => predicate(v as T)) as T;
}

describe('the plenum screen and the groups it does not present', () => {
	for (const [i, transport] of (['websocket', 'polling'] as const).entries()) {
		it(`never receives their notes, over ${transport}`, async () => {
			const [shown, writing] = [seed.groups[2 * i]!, seed.groups[2 * i + 1]!];
			const writer = seed.members.find((m) => writing.memberIds.includes(m.id))!;
			await present(shown.id);
			const plenum = await open({
				auth: { role: 'plenum', token: seed.plenumToken },
				transports: [transport]
			});
			const overview = await open({
				auth: { role: 'organiser', conferenceId: seed.conferenceId },
				headers: { cookie: seed.organiserCookie }
			});
			await seen<PlenumView>(plenum, (v) => v.focusGroupId === shown.id);

			const console = await open({
				auth: { role: 'facilitator', token: writing.facilitatorToken }
			});
			const phone = await open({ auth: { role: 'member', token: writer.token } });
			const questionId = (await console.waitForView()).view.currentQuestionId;
			await ok(console, 'phase.advance', { questionId, from: 'lobby' });
			await phone.waitForView((v) => v.view.runs[0]?.phase === 'write');
			const text = `Not for the plenum ${newId()}`;
			await ok(phone, 'note.add', { questionId, noteId: newId(), text });
			await ok(console, 'phase.advance', { questionId, from: 'write' });
			await ok(console, 'reveal.all', { questionId });
			// The overview and the plenum screen are refreshed together, at most every 150 ms.
			await seen<ConferenceOverview>(overview, (v) =>
				v.groups.some((g) => g.id === writing.id && g.revealed === 1)
			);
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(conferenceViews(plenum).length).toBeGreaterThan(0);
			expect(plenum.receivedText()).not.toContain(text);

			// Presented, the group's notes come: the check above reads where they would arrive.
			await present(writing.id);
			await seen<PlenumView>(
				plenum,
				(v) => v.focusGroupId === writing.id && JSON.stringify(v.presented).includes(text)
			);
			expect(plenum.receivedText()).toContain(text);
		});
	}
});
