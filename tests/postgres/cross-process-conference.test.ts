/**
 * A conference's members spread over three server processes (WebSocket and long-polling) follow
 * their rounds: each phone sits in its group's session, a console on another process moves that
 * group on, and when another process starts the next round every phone moves to its new group.
 * The organiser's overview on one process counts the members connected to the others, and stops
 * counting those of a process that was killed once its announcement expires. An overview keeps
 * its conference between refreshes: a change committed by another process must reach it too.
 */
import { conferenceDetails } from '$lib/testing/conference-details';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sigtunaParticipants } from '$lib/domain/conference/fixtures/sigtuna-2010';
import type { ParticipantView } from '$lib/domain/session/views';
import type { ConferenceOverview } from '$lib/realtime/conference-views';
import { createPostgresApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { eraseParticipant } from '$lib/server/data-protection';
import { conferenceViews, connect, newId, type TestClient } from '../integration/helpers/client';
import { firstAccount, signedInAccount, sigtunaRows } from '../integration/helpers/conference';
import { root, startServer, type TestServer } from '../integration/helpers/server';
import { freshDatabase } from './databases';

let database: Awaited<ReturnType<typeof freshDatabase>>;
/** The organiser's side, committing and signalling as a fourth process would. */
let organiser: ServerApp;
let servers: TestServer[];
const clients: TestClient[] = [];

async function unwrap<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
	const done = await result;
	if (!done.ok) throw new Error(JSON.stringify(done.error));
	return done.value;
}

/** Starts a round allocated at random with at most `size` people a group: group session by member. */
async function startRound(conferenceId: string, title: string, size: number) {
	const conferences = organiser.conferences;
	const round = await unwrap(
		conferences.saveRound(conferenceId, null, {
			title,
			theme: title,
			rule: 'mixed',
			maxGroupSize: size,
			questions: ['What helps people keep their jobs?']
		})
	);
	await unwrap(conferences.allocate(conferenceId, round.id));
	await unwrap(conferences.startRound(conferenceId, round.id));
	const detail = (await conferences.roundDetail(conferenceId, round.id, 'en'))!;
	const sessionOf = new Map<string, string>();
	for (const group of detail.groups)
		for (const memberId of group.memberIds) sessionOf.set(memberId, group.sessionId!);
	return { sessionOf, groups: detail.groups };
}

/** The organiser's live overview of a conference, connected to `server`. */
async function overviewOn(server: TestServer, conferenceId: string, cookie: string) {
	const overview = await connect(server, {
		auth: { role: 'organiser', conferenceId },
		headers: { cookie }
	});
	clients.push(overview);
	return overview;
}

/** The latest overview a socket received. */
function latestOverview(overview: TestClient): ConferenceOverview | undefined {
	return conferenceViews(overview)
		.filter((v): v is ConferenceOverview => v.kind === 'overview')
		.at(-1);
}

beforeAll(async () => {
	database = await freshDatabase();
	// Presence beats every second (10 by default): a killed process's members expire in 3 s.
	const env = {
		DATABASE_URL: database.url,
		REDIS_URL: inject('redisUrl'),
		PRESENCE_BEAT_SECONDS: '1'
	};
	organiser = await createPostgresApp(
		{ ...readConfig({ ...env, LOG_LEVEL: 'warn' }), databaseUrl: database.url },
		root
	);
	servers = [];
	for (let i = 0; i < 3; i++) servers.push(await startServer({ env }));
}, 90_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await Promise.all(servers.map((server) => server.dispose()));
	await organiser?.bus.close();
	await organiser?.storage.close();
	await database?.drop();
});

describe('a conference over three processes', { timeout: 60_000 }, () => {
	it('keeps every member in their group’s session, round after round', async () => {
		const conferences = organiser.conferences;
		const created = await unwrap(
			conferences.create(conferenceDetails({ languages: ['nb', 'sv', 'da', 'is', 'fi'] }))
		);
		await unwrap(
			conferences.addParticipants(created.id, sigtunaRows(sigtunaParticipants.slice(0, 9)))
		);
		const first = await startRound(created.id, 'Første gruppearbeid', 5);
		const members = await conferences.participants(created.id);

		// Phones spread over the three processes, every other one long-polling.
		const phones = new Map<string, TestClient>();
		for (const [i, member] of members.entries()) {
			const phone = await connect(servers[i % 3]!, {
				transports: i % 2 ? ['polling'] : ['websocket'],
				auth: { role: 'member', token: member.personalToken }
			});
			clients.push(phone);
			phones.set(member.id, phone);
		}
		const inSession = (memberId: string, sessionId: string) =>
			phones
				.get(memberId)!
				.waitForView(
					(v) =>
						v.view.role === 'participant' &&
						v.view.sessionId === sessionId &&
						(v.view as ParticipantView).me.id === memberId,
					10_000
				);
		await Promise.all(members.map((m) => inSession(m.id, first.sessionOf.get(m.id)!)));

		// The first group's console on another process than some of its phones starts the writing.
		const group = first.groups[0]!;
		const access = (await organiser.sessions.get(group.sessionId!))!.access;
		const console = await connect(servers[2]!, {
			auth: { role: 'facilitator', token: access.facilitatorToken }
		});
		clients.push(console);
		const questionId = (await console.waitForView()).view.currentQuestionId;
		const ack = await console.command('phase.advance', { id: newId(), questionId, from: 'lobby' });
		expect(ack.ok).toBe(true);
		await Promise.all(
			group.memberIds.map((id) =>
				phones
					.get(id)!
					.waitForView((v) => (v.view as ParticipantView).runs[0]?.phase === 'write', 10_000)
			)
		);

		// The next round starts elsewhere: every phone moves to its new group's session.
		const second = await startRound(created.id, 'Andre gruppearbeid', 3);
		expect(second.groups.length).toBeGreaterThan(first.groups.length);
		await Promise.all(members.map((m) => inSession(m.id, second.sessionOf.get(m.id)!)));
	});
});

describe(
	'an overview kept between refreshes, changed from another process',
	{ timeout: 60_000 },
	() => {
		it('shows each change the organiser’s process commits: people added, a notice, an erasure', async () => {
			const conferences = organiser.conferences;
			const created = await unwrap(conferences.create(conferenceDetails({ languages: ['nb'] })));
			await unwrap(
				conferences.addParticipants(created.id, sigtunaRows(sigtunaParticipants.slice(20, 24)))
			);
			const account = await signedInAccount(
				organiser,
				{ username: 'second.organiser', displayName: 'Second Organiser', admin: false },
				{ conferenceId: created.id, role: 'owner' }
			);
			const overview = await overviewOn(servers[2]!, created.id, account.cookie);
			const latest = () => latestOverview(overview);
			await expect.poll(() => latest()?.participants, { timeout: 10_000 }).toBe(4);

			await unwrap(
				conferences.addParticipants(created.id, sigtunaRows(sigtunaParticipants.slice(24, 26)))
			);
			await expect.poll(() => latest()?.participants, { timeout: 10_000 }).toBe(6);

			await unwrap(conferences.setNotice(created.id, 'Lunsj kl. 12 i foajeen'));
			await expect
				.poll(() => latest()?.notice?.text, { timeout: 10_000 })
				.toBe('Lunsj kl. 12 i foajeen');

			const erased = (await conferences.participants(created.id))[0]!;
			expect(await eraseParticipant(organiser, created.id, erased.id, 'delete')).toBe(true);
			await expect.poll(() => latest()?.participants, { timeout: 10_000 }).toBe(5);
			// Nothing sent after the erasure was made from the copy from before it.
			expect(latest()?.notice?.text).toBe('Lunsj kl. 12 i foajeen');
		});
	}
);

describe('the organiser overview over three processes', { timeout: 90_000 }, () => {
	it('counts members connected anywhere, and drops a killed process’s after the expiry', async () => {
		const conferences = organiser.conferences;
		const created = await unwrap(conferences.create(conferenceDetails({ languages: ['nb'] })));
		await unwrap(
			conferences.addParticipants(created.id, sigtunaRows(sigtunaParticipants.slice(10, 16)))
		);
		const account = await firstAccount(organiser, created.id);
		const overview = await overviewOn(servers[2]!, created.id, account.cookie);
		/** The count in the overview's latest view. */
		const connected = () => latestOverview(overview)?.connected;
		await expect.poll(connected, { timeout: 10_000 }).toBe(0);

		// Three members on each of the other two processes, one of each three long-polling; one
		// of them with a second phone, still one person.
		const members = await conferences.participants(created.id);
		const phonesOn = new Map<TestServer, TestClient[]>();
		for (const [i, member] of members.entries()) {
			const server = servers[i % 2]!;
			const phone = await connect(server, {
				transports: i % 3 === 2 ? ['polling'] : ['websocket'],
				auth: { role: 'member', token: member.personalToken }
			});
			clients.push(phone);
			phonesOn.set(server, [...(phonesOn.get(server) ?? []), phone]);
		}
		const second = await connect(servers[0]!, {
			auth: { role: 'member', token: members[1]!.personalToken }
		});
		clients.push(second);
		await expect.poll(connected, { timeout: 10_000 }).toBe(6);

		// A process dies without a word: its three are counted until their announcement expires
		// (three beats: 3 s here), then no longer.
		for (const phone of phonesOn.get(servers[1]!)!) phone.socket.io.reconnection(false);
		await servers[1]!.kill();
		await expect.poll(connected, { timeout: 60_000, interval: 500 }).toBe(4);
	});
});
