/**
 * A whole conference round over real sockets: 40 participants in 6 parallel groups, each
 * phone placed in its group by its personal link, each group run by its own console through
 * writing, round-robin, a heading, a vote and results; the organiser's overview and the plenum
 * screen follow live. Every group's results are checked against a tally done here by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	ConferenceOverview,
	ConferenceView,
	PlenumView
} from '$lib/realtime/conference-views';
import type { GlossaryData } from '$lib/domain/glossary/types';
import type { FacilitatorView, ParticipantView } from '$lib/domain/session/views';
import { connect, newId, type TestClient } from './helpers/client';
import { seedConference, type SeededConference } from './helpers/conference';
import { createSession } from './helpers/session';
import { TestServer } from './helpers/server';

let server: TestServer;
let seed: SeededConference;
const clients: TestClient[] = [];

/** The latest conference view a socket received that satisfies `predicate`, waiting for it. */
async function conferenceView<T extends ConferenceView>(
	client: TestClient,
	predicate: (view: T) => boolean,
	timeoutMs = 10_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const views = client.frames
			.filter((f) => f.kind === 'event' && f.name === 'conference.view')
			.map((f) => (f.args[0] as { view: T }).view);
		const match = views.reverse().find(predicate);
		if (match) return match;
		if (Date.now() > deadline)
			throw new Error(`no matching conference.view: ${JSON.stringify(views[0])}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 7 });
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

describe('a conference of 40 people in 6 parallel groups', () => {
	it('allocates 40 people into 6 groups of at most 7', () => {
		expect(seed.members).toHaveLength(40);
		expect(seed.groups).toHaveLength(6);
		const placed = seed.groups.flatMap((g) => g.memberIds);
		expect(new Set(placed).size).toBe(40);
		for (const group of seed.groups) expect(group.memberIds.length).toBeLessThanOrEqual(7);
	});

	it('runs every group to correct results while the overview and plenum follow', async () => {
		const organiser = await connect(server, {
			auth: { role: 'organiser', conferenceId: seed.conferenceId },
			headers: { cookie: seed.organiserCookie }
		});
		const plenum = await connect(server, { auth: { role: 'plenum', token: seed.plenumToken } });
		clients.push(organiser, plenum);

		// Every phone opens its personal link and lands in its own group's session.
		const phones = new Map<string, TestClient>();
		await Promise.all(
			seed.members.map(async (member) => {
				const phone = await connect(server, { auth: { role: 'member', token: member.token } });
				clients.push(phone);
				const envelope = await phone.waitForView((v) => v.view.role === 'participant');
				expect((envelope.view as ParticipantView).me.id).toBe(member.id);
				phones.set(member.id, phone);
			})
		);
		for (const group of seed.groups) {
			for (const memberId of group.memberIds) {
				const view = phones.get(memberId)!.view!.view as ParticipantView;
				expect(view.sessionId).toBe(group.sessionId);
			}
		}

		const consoles = await Promise.all(
			seed.groups.map(async (group) => {
				const console = await connect(server, {
					auth: { role: 'facilitator', token: group.facilitatorToken }
				});
				clients.push(console);
				await console.waitForView();
				return console;
			})
		);
		const questionOf = (console: TestClient) => console.view!.view.currentQuestionId;

		// The overview sees every phone.
		await conferenceView<ConferenceOverview>(
			organiser,
			(v) => v.kind === 'overview' && v.connected === 40 && v.groups.length === 6
		);

		// Silent writing: two notes each, in all groups at once.
		await Promise.all(
			consoles.map((c) => ok(c, 'phase.advance', { questionId: questionOf(c), from: 'lobby' }))
		);
		await Promise.all(
			seed.groups.flatMap((group, g) =>
				group.memberIds.map(async (memberId) => {
					const phone = phones.get(memberId)!;
					await phone.waitForView((v) => v.view.runs[0]!.phase === 'write');
					const name = seed.members.find((m) => m.id === memberId)!.name;
					for (const k of [1, 2]) {
						await ok(phone, 'note.add', {
							questionId: questionOf(consoles[g]!),
							noteId: newId(),
							text: `${name}: idea ${k}`
						});
					}
				})
			)
		);
		await conferenceView<ConferenceOverview>(organiser, (v) =>
			v.groups.every(
				(group) => group.notes === group.members * 2 && group.question?.phase === 'write'
			)
		);

		// Round-robin, all revealed, then one heading over the first two notes.
		for (const [g, console] of consoles.entries()) {
			const questionId = questionOf(console);
			await ok(console, 'phase.advance', { questionId, from: 'write' });
			await ok(console, 'reveal.all', { questionId });
			await ok(console, 'phase.advance', { questionId, from: 'reveal' });
			const view = (await console.waitForView((v) => v.view.runs[0]!.phase === 'clarify'))
				.view as FacilitatorView;
			const notes = view.runs[0]!.notes;
			expect(notes).toHaveLength(seed.groups[g]!.memberIds.length * 2);
			await ok(console, 'cluster.create', {
				questionId,
				clusterId: newId(),
				heading: 'SAMARBEID',
				noteIds: [notes[0]!.id, notes[1]!.id]
			});
			await ok(console, 'phase.advance', { questionId, from: 'clarify' });
		}

		// Every phone votes: the i-th member of a group ranks items i, i+1, i+2 … (top 5).
		const ballots = new Map<string, string[][]>();
		await Promise.all(
			seed.groups.map(async (group, g) => {
				const questionId = questionOf(consoles[g]!);
				const cast: string[][] = [];
				for (const [i, memberId] of group.memberIds.entries()) {
					const phone = phones.get(memberId)!;
					const view = (await phone.waitForView((v) => v.view.runs[0]!.phase === 'vote'))
						.view as ParticipantView;
					const { items, n } = view.runs[0]!.vote!;
					const ranking = Array.from({ length: n }, (_, k) => items[(i + k) % items.length]!.id);
					cast.push(ranking);
					await ok(phone, 'ballot.cast', { questionId, ranking });
				}
				ballots.set(group.id, cast);
			})
		);
		await conferenceView<ConferenceOverview>(organiser, (v) =>
			v.groups.every((group) => group.ballots === group.members && group.question?.phase === 'vote')
		);

		// Results, checked against a Borda count done here by hand.
		await Promise.all(
			consoles.map((c) => ok(c, 'phase.advance', { questionId: questionOf(c), from: 'vote' }))
		);
		for (const [g, group] of seed.groups.entries()) {
			const view = (await consoles[g]!.waitForView((v) => v.view.runs[0]!.phase === 'results'))
				.view as FacilitatorView;
			const run = view.runs[0]!;
			const items = run.results!.map((r) => r.itemId);
			const n = Math.min(5, items.length);
			const points = new Map<string, number>();
			const voters = new Map<string, number>();
			for (const ranking of ballots.get(group.id)!) {
				ranking.forEach((itemId, position) => {
					points.set(itemId, (points.get(itemId) ?? 0) + (n - position));
					voters.set(itemId, (voters.get(itemId) ?? 0) + 1);
				});
			}
			for (const row of run.results!) {
				expect(row.points, `${group.name} ${row.label}`).toBe(points.get(row.itemId) ?? 0);
				expect(row.voters, `${group.name} ${row.label}`).toBe(voters.get(row.itemId) ?? 0);
			}
			// Ordered by points, then voters; equal rows share a rank.
			for (let i = 1; i < run.results!.length; i++) {
				const a = run.results![i - 1]!;
				const b = run.results![i]!;
				expect(a.points > b.points || (a.points === b.points && a.voters >= b.voters)).toBe(true);
				const tied = a.points === b.points && a.voters === b.voters;
				expect(b.rank).toBe(tied ? a.rank : i + 1);
			}
			const total = [...points.values()].reduce((sum, p) => sum + p, 0);
			expect(run.results!.reduce((sum, r) => sum + r.points, 0)).toBe(total);
			// The heading over two notes is one item.
			expect(run.results!.some((r) => r.kind === 'cluster' && r.label === 'SAMARBEID')).toBe(true);
		}

		// The organiser's overview and the plenum screen show every group finished.
		await conferenceView<ConferenceOverview>(organiser, (v) =>
			v.groups.every((group) => group.question?.phase === 'results')
		);
		const shown = await conferenceView<PlenumView>(plenum, (v) =>
			v.groups.every((group) => group.tops.length > 0 && group.tops.every((top) => top.first))
		);
		expect(shown.groups.map((group) => group.id).sort()).toEqual(
			seed.groups.map((g) => g.id).sort()
		);
		// The plenum speaks the conference's language (Norwegian here).
		expect(shown.groups.every((group) => group.name.startsWith('Gruppe '))).toBe(true);
	});
});

describe('changes the organiser makes during the day reach open sockets', () => {
	/** A browser's form post to an organiser page action, signed in. */
	async function post(path: string, fields: Record<string, string>): Promise<void> {
		const response = await fetch(`${server.url}${path}`, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: { cookie: seed.organiserCookie, origin: server.url, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(response.status, path).toBeLessThan(400);
	}

	const glossaryFrames = (client: TestClient) =>
		client.frames.filter((f) => f.kind === 'event' && f.name === 'glossary');

	it('sends an edited glossary to every phone, screen and console of the conference, once per burst', async () => {
		const group = seed.groups[0]!;
		const member = seed.members.find((m) => group.memberIds.includes(m.id))!;
		const phone = await connect(server, { auth: { role: 'member', token: member.token } });
		const screen = await connect(server, { auth: { role: 'screen', token: group.screenToken } });
		const console = await connect(server, {
			auth: { role: 'facilitator', token: group.facilitatorToken }
		});
		const plenum = await connect(server, { auth: { role: 'plenum', token: seed.plenumToken } });
		// A session outside the conference hears nothing of it.
		const elsewhere = await createSession(server);
		const outsider = await connect(server, {
			auth: { role: 'screen', token: elsewhere.screenToken }
		});
		const sockets = [phone, screen, console, plenum];
		clients.push(...sockets, outsider);
		await Promise.all([phone, screen, console, outsider].map((c) => c.waitForView()));

		// Two concepts saved one after the other, as an organiser adds them.
		const base = `/organiser/conferences/${seed.conferenceId}/glossary/new`;
		await post(base, {
			terms_nb: 'fagbrev',
			terms_sv: 'yrkesbevis',
			terms_en: 'craft certificate'
		});
		await post(base, { terms_nb: 'lærekandidat', terms_da: 'lærling' });

		const deadline = Date.now() + 10_000;
		while (sockets.some((c) => glossaryFrames(c).length === 0) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 50));
		// Wait out another delay: a burst of edits is sent once, not once per edit.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		for (const client of sockets) {
			const frames = glossaryFrames(client);
			expect(frames).toHaveLength(1);
			const glossary = frames[0]!.args[0] as GlossaryData;
			const terms = glossary.concepts.map((c) => c.terms.nb?.[0]);
			expect(terms).toContain('fagbrev');
			expect(terms).toContain('lærekandidat');
			expect(glossary.concepts.find((c) => c.terms.nb?.[0] === 'fagbrev')!.terms.sv).toEqual([
				'yrkesbevis'
			]);
		}
		expect(glossaryFrames(outsider)).toHaveLength(0);
	});

	it('renames a running group and gives it a new question: its screen and phones show them', async () => {
		const group = seed.groups[1]!;
		const member = seed.members.find((m) => group.memberIds.includes(m.id))!;
		const phone = await connect(server, { auth: { role: 'member', token: member.token } });
		const screen = await connect(server, { auth: { role: 'screen', token: group.screenToken } });
		clients.push(phone, screen);
		await Promise.all([phone.waitForView(), screen.waitForView()]);

		const round = `/organiser/conferences/${seed.conferenceId}/rounds/${seed.roundId}`;
		await post(`${round}?/renameGroup`, { groupId: group.id, name: 'Arbeidsgivere og NAV' });
		await post(`${round}?/questions`, {
			groupId: group.id,
			questions: 'What helps people keep their jobs?\nWhat should we do first?'
		});
		for (const client of [phone, screen]) {
			const envelope = await client.waitForView(
				(e) => e.view.title === 'Arbeidsgivere og NAV' && e.view.questions.length === 2
			);
			expect(envelope.view.questions.map((q) => q.text)).toEqual([
				'What helps people keep their jobs?',
				'What should we do first?'
			]);
		}
	});
});
