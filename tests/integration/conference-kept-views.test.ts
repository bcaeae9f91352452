/**
 * The organiser's overview and the plenum screen are made from a copy of the conference kept
 * between refreshes. Attack: a socket connected before a change must never be sent a view made
 * from the copy before it. Each change goes through the server as an organiser, a phone or a
 * console makes it (erasure, import, a group renamed, another device asking for a name, the
 * conference deleted: then both screens are told and closed); then a group moves on (a note
 * written and revealed), and the first view showing that, made after the change, and every view
 * after it must show the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	ConferenceOverview,
	ConferenceView,
	MemberView,
	PlenumView
} from '$lib/realtime/conference-views';
import { conferenceViews, connect, newId, type TestClient } from './helpers/client';
import { seedConference, withApp, type SeededConference } from './helpers/conference';
import { Device, rosterEntry, userAgents } from './helpers/device';
import { checkedParticipantsFile, post } from './helpers/organiser-http';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];
/** Leaders set before the server starts: their names are on the overview and the plenum. */
const leaders: { groupIndex: number; id: string; name: string }[] = [];

const transports = ['websocket', 'polling'] as const;

function track(client: TestClient): TestClient {
	clients.push(client);
	return client;
}

/** The index of the first view satisfying `predicate`, waiting for it. */
async function firstView<T extends ConferenceView>(
	client: TestClient,
	predicate: (view: T) => boolean,
	timeoutMs = 10_000
): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const index = conferenceViews<T>(client).findIndex(predicate);
		if (index >= 0) return index;
		if (Date.now() > deadline)
			throw new Error(
				`no matching view; last: ${JSON.stringify(conferenceViews(client).at(-1) ?? null)}`
			);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

async function watchers(transport: (typeof transports)[number] = 'websocket') {
	const overview = track(
		await connect(server, {
			auth: { role: 'organiser', conferenceId: seed.conferenceId },
			headers: { cookie: seed.organiserCookie },
			transports: [transport]
		})
	);
	const plenum = track(
		await connect(server, {
			auth: { role: 'plenum', token: seed.plenumToken },
			transports: [transport]
		})
	);
	await firstView(overview, () => true);
	await firstView(plenum, () => true);
	return { overview, plenum };
}

/** Posts one of the round page's forms as the organiser; it must be accepted. */
async function roundForm(action: string, fields: Record<string, string | string[]>) {
	const answer = await post(
		server,
		`/organiser/conferences/${seed.conferenceId}/rounds/${seed.roundId}?/${action}`,
		fields,
		{ cookie: seed.organiserCookie }
	);
	expect(answer.status).toBeLessThan(400);
}

/**
 * After a change: group `groupIndex` writes a note and reveals it. Answers, for each watcher,
 * the views from the first that shows the note on: all made after the change.
 */
async function afterGroupMovesOn(
	groupIndex: number,
	{ overview, plenum }: { overview: TestClient; plenum: TestClient }
): Promise<{ overviews: ConferenceOverview[]; plenums: PlenumView[] }> {
	const group = seed.groups[groupIndex]!;
	const writer = seed.members.find(
		(m) => group.memberIds.includes(m.id) && !leaders.some((l) => l.id === m.id)
	)!;
	const console = track(
		await connect(server, { auth: { role: 'facilitator', token: group.facilitatorToken } })
	);
	const phone = track(await connect(server, { auth: { role: 'member', token: writer.token } }));
	// The group presented: the plenum screen brings only that group's notes.
	const presented = await post(
		server,
		`/organiser/conferences/${seed.conferenceId}/plenum?/present`,
		{ roundId: seed.roundId, groupId: group.id },
		{ cookie: seed.organiserCookie }
	);
	expect(presented.status).toBe(200);
	const questionId = (await console.waitForView()).view.currentQuestionId;
	await ok(console, 'phase.advance', { questionId, from: 'lobby' });
	await phone.waitForView((v) => v.view.runs[0]?.phase === 'write');
	const text = `Marker note ${newId()}`;
	await ok(phone, 'note.add', { questionId, noteId: newId(), text });
	await ok(console, 'phase.advance', { questionId, from: 'write' });
	await ok(console, 'reveal.all', { questionId });
	const o = await firstView<ConferenceOverview>(
		overview,
		(v) => v.kind === 'overview' && v.groups.some((g) => g.id === group.id && g.revealed === 1)
	);
	const p = await firstView<PlenumView>(
		plenum,
		(v) => v.focusGroupId === group.id && JSON.stringify(v.presented).includes(text)
	);
	// Later refreshes too (they come at most every 150 ms): one more change in the group.
	await ok(console, 'phase.advance', { questionId, from: 'reveal' });
	await firstView<ConferenceOverview>(
		overview,
		(v) =>
			v.kind === 'overview' &&
			v.groups.some((g) => g.id === group.id && g.question?.phase === 'clarify')
	);
	return {
		overviews: conferenceViews<ConferenceOverview>(overview).slice(o),
		plenums: conferenceViews<PlenumView>(plenum).slice(p)
	};
}

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	// One leader in each of the first two groups, with a name no other person's name contains.
	await withApp(server.databasePath, async (app) => {
		for (const groupIndex of [0, 1]) {
			const group = seed.groups[groupIndex]!;
			const person = seed.members.find(
				(m) =>
					group.memberIds.includes(m.id) &&
					seed.members.every((other) => other.id === m.id || !other.name.includes(m.name))
			)!;
			const led = await app.conferences.group(seed.conferenceId, seed.roundId, {
				type: 'lead',
				groupId: group.id,
				participantIds: [person.id]
			});
			if (!led.ok) throw new Error(JSON.stringify(led.error));
			leaders.push({ groupIndex, id: person.id, name: person.name });
		}
	});
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

describe('a kept conference and a change to it', () => {
	for (const [i, transport] of transports.entries()) {
		it(`erasure: an overview and a plenum screen open before never show the erased leader after (${transport})`, async () => {
			const leader = leaders[i]!;
			const watching = await watchers(transport);
			const before = conferenceViews<ConferenceOverview>(watching.overview).at(-1)!;
			expect(JSON.stringify(before)).toContain(leader.name);
			expect(JSON.stringify(conferenceViews(watching.plenum).at(-1))).toContain(leader.name);
			// Phones of the leader's group, which name their leaders, are made from the kept copy too.
			const [member, lateMember] = seed.members.filter(
				(m) => seed.groups[leader.groupIndex]!.memberIds.includes(m.id) && m.id !== leader.id
			);
			const phone = (token: string) =>
				connect(server, { auth: { role: 'member', token }, transports: [transport] }).then(track);
			const memberPhone = await phone(member!.token);
			await firstView<MemberView>(memberPhone, (v) => !!v.group?.leaders.includes(leader.name));

			const erased = await post(
				server,
				`/organiser/conferences/${seed.conferenceId}/privacy?/erase`,
				{ participantId: leader.id, mode: 'delete' },
				{ cookie: seed.organiserCookie }
			);
			expect(erased.status).toBe(200);

			const after = await afterGroupMovesOn(2 + i, watching);
			for (const view of [...after.overviews, ...after.plenums])
				expect(JSON.stringify(view)).not.toContain(leader.name);
			for (const view of after.overviews) expect(view.participants).toBe(before.participants - 1);
			// The member's phone drops the name and never shows it again; one opened after never does.
			const cleared = await firstView<MemberView>(
				memberPhone,
				(v) => v.group !== null && !v.group.leaders.includes(leader.name)
			);
			for (const view of conferenceViews(memberPhone).slice(cleared))
				expect(JSON.stringify(view)).not.toContain(leader.name);
			const late = await phone(lateMember!.token);
			await firstView(late, () => true);
			expect(JSON.stringify(conferenceViews(late))).not.toContain(leader.name);
		});
	}

	it('import: the overview counts the people a file added in every view after it', async () => {
		const watching = await watchers();
		const before = conferenceViews<ConferenceOverview>(watching.overview).at(-1)!.participants;
		const checked = await checkedParticipantsFile(server, seed.organiserCookie, seed.conferenceId, [
			'Ragnhild Importert',
			'Aino Tuotu'
		]);
		const imported = await post(
			server,
			`/organiser/conferences/${seed.conferenceId}/participants/import?/import`,
			checked,
			{ cookie: seed.organiserCookie }
		);
		expect(imported.status).toBe(303);

		const after = await afterGroupMovesOn(4, watching);
		for (const view of after.overviews) expect(view.participants).toBe(before + 2);
	});

	it('a group renamed by the organiser: the overview and the plenum screen never show its old name after', async () => {
		const watching = await watchers();
		const group = seed.groups[5]!;
		await roundForm('renameGroup', { groupId: group.id, name: 'Omdøpt gruppe' });

		const after = await afterGroupMovesOn(5, watching);
		for (const view of after.overviews)
			expect(view.groups.find((g) => g.id === group.id)!.name).toBe('Omdøpt gruppe');
		for (const view of after.plenums)
			expect(view.groups.find((g) => g.id === group.id)!.name).toBe('Omdøpt gruppe');
	});

	it("members' phones: one connected before a group is renamed and a person moved shows both, and one connected after is placed and named by the change", async () => {
		const [from, to] = [seed.groups.at(-1)!, seed.groups.at(-2)!];
		const [stays, moves, later] = seed.members.filter(
			(m) => from.memberIds.includes(m.id) && !leaders.some((l) => l.id === m.id)
		);
		const phone = (token: string) =>
			connect(server, { auth: { role: 'member', token } }).then(track);
		const before = await phone(stays!.token);
		const mover = await phone(moves!.token);
		// Both placed in their group (this also keeps the conference for the process's views).
		await firstView<MemberView>(before, (v) => v.kind === 'member' && v.group?.id === from.id);
		await mover.waitForView((v) => v.view.sessionId === from.sessionId);

		await roundForm('renameGroup', { groupId: from.id, name: 'Fjellgruppa' });
		const named = await firstView<MemberView>(before, (v) => v.group?.name === 'Fjellgruppa');
		await roundForm('move', { participantIds: [moves!.id], to: to.id });
		// The moved phone is seated in its new group's session and told its new group.
		await mover.waitForView((v) => v.view.sessionId === to.sessionId);
		await firstView<MemberView>(mover, (v) => v.group?.id === to.id);
		for (const view of conferenceViews<MemberView>(before).slice(named))
			expect(view.group?.name).toBe('Fjellgruppa');

		// Connected after both changes: its first views are made from the conference after them.
		const late = await phone(later!.token);
		await firstView(late, () => true);
		expect(conferenceViews<MemberView>(late)[0]!.group).toMatchObject({
			id: from.id,
			name: 'Fjellgruppa'
		});
		const again = await phone(moves!.token);
		await firstView(again, () => true);
		expect(conferenceViews<MemberView>(again)[0]!.group?.id).toBe(to.id);
		expect((await again.waitForView()).view.sessionId).toBe(to.sessionId);
	});

	it('another device asking for a name in use, then refused: the overview counts it while it waits, never after', async () => {
		const watching = await watchers();
		const group = seed.groups[0]!;
		const person = seed.members.find(
			(m) => group.memberIds.includes(m.id) && !leaders.some((l) => l.id === m.id)
		)!;
		const pick = async (device: Device) => {
			const roster = await device.get(`/k/${seed.joinCode}`);
			const answer = await device.post(
				`/k/${seed.joinCode}`,
				rosterEntry(roster.body, person.name)
			);
			expect(answer.status).toBe(303);
		};
		await pick(new Device(server, userAgents.iphone));
		await pick(new Device(server, userAgents.android));
		const waiting = await firstView<ConferenceOverview>(
			watching.overview,
			(v) => v.kind === 'overview' && v.devicesWaiting === 1
		);
		expect(waiting).toBeGreaterThanOrEqual(0);

		const console = track(
			await connect(server, { auth: { role: 'facilitator', token: group.facilitatorToken } })
		);
		const claims = await new Promise<{ claims: { id: string; name: string }[] }>((resolve) => {
			const seen = () =>
				console.frames
					.filter((f) => f.kind === 'event' && f.name === 'identity.claims')
					.map((f) => f.args[0] as { claims: { id: string; name: string }[] })
					.find((c) => c.claims.some((claim) => claim.name === person.name));
			const poll = () => {
				const found = seen();
				if (found) resolve(found);
				else setTimeout(poll, 25);
			};
			poll();
		});
		const claim = claims.claims.find((c) => c.name === person.name)!;
		const refused = await new Device(server, userAgents.laptop).post(
			`/console/${group.facilitatorToken}?/device`,
			new URLSearchParams({ claim: claim.id, decision: 'refuse' })
		);
		expect(refused.status).toBe(200);

		const after = await afterGroupMovesOn(0, watching);
		for (const view of after.overviews) expect(view.devicesWaiting).toBe(0);
	});

	it('the conference deleted: both screens are told and closed, and sent nothing of it after', async () => {
		const watching = await watchers('polling');
		const title = 'Nordisk dialog om supported employment';
		expect(JSON.stringify(conferenceViews(watching.plenum).at(-1))).toContain(title);
		const counts = [
			conferenceViews(watching.overview).length,
			conferenceViews(watching.plenum).length
		];
		const deleted = await post(
			server,
			`/organiser/conferences/${seed.conferenceId}/privacy?/deleteConference`,
			{},
			{ cookie: seed.organiserCookie }
		);
		expect(deleted.status).toBe(303);
		// Each screen hears that the conference is gone (it clears what it shows) and is closed:
		// a projector left on does not keep showing a deleted conference.
		for (const client of [watching.plenum, watching.overview]) {
			await expect
				.poll(() => client.frames.find((f) => f.kind === 'event' && f.name === 'session.closed'))
				.toMatchObject({ args: [{ code: 'not_found' }] });
			await client.disconnected(10_000);
		}
		expect(conferenceViews(watching.overview).length).toBe(counts[0]);
		expect(conferenceViews(watching.plenum).length).toBe(counts[1]);
	});
});
