/**
 * Secret ballots and honest anonymity, attacked the way the issue did it: every frame the
 * console, the screen and the phones receive (one phone on long-polling) is recorded, and the
 * attacker's arithmetic is done on them: a tally, or the difference of two tallies, less the
 * ballots the attacker cast or entered, must never equal one person's ballot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
	FacilitatorView,
	ParticipantView,
	ResultRow,
	ScreenView,
	SessionView
} from '$lib/domain/session/views';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { connectConsole, createSession, joinPhone, type Phone } from './helpers/session';

let server: TestServer;
const clients: TestClient[] = [];

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** Lets in-flight broadcasts arrive before frames are inspected. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

interface Room {
	session: CreatedSession;
	console: TestClient;
	screen: TestClient;
	phones: Phone[];
	questionIds: string[];
}

async function openRoom(names: string[], questions = ['What helps?']): Promise<Room> {
	const session = await createSession(server, { questions });
	const console = await connectConsole(server, session);
	const screen = await connect(server, { auth: { role: 'screen', token: session.screenToken } });
	await screen.waitForView();
	const phones: Phone[] = [];
	for (const [i, name] of names.entries()) {
		// One phone on long-polling: frames must not tell more on either transport.
		const transports = i === 1 ? (['polling'] as const) : (['websocket'] as const);
		phones.push(await joinPhone(server, session.joinCode, name, { transports: [...transports] }));
	}
	clients.push(console, screen, ...phones.map((p) => p.client));
	const view = console.view!.view as FacilitatorView;
	return { session, console, screen, phones, questionIds: view.questions.map((q) => q.id) };
}

/** Every tally (results and previous results of every run) in the views a client received. */
function talliesSeen(client: TestClient, questionId: string): Map<string, number>[] {
	const seen = new Map<string, Map<string, number>>();
	for (const envelope of client.views) {
		const run = (envelope.view as SessionView).runs.find((r) => r.id === questionId);
		for (const rows of [run?.results, run?.previousResults]) {
			if (!rows) continue;
			const points = new Map(rows.map((r: ResultRow) => [r.itemId, r.points]));
			seen.set(JSON.stringify([...points].sort()), points);
		}
	}
	return [...seen.values()];
}

/** Borda points of one ballot, as a tally row would count them. */
function pointsOf(ranking: string[], n: number): Map<string, number> {
	return new Map(ranking.map((item, i) => [item, n - i]));
}

function minus(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
	const out = new Map(a);
	for (const [item, points] of b) out.set(item, (out.get(item) ?? 0) - points);
	return out;
}

function sameNonZero(a: Map<string, number>, b: Map<string, number>): boolean {
	const keys = new Set([...a.keys(), ...b.keys()]);
	return [...keys].every((k) => (a.get(k) ?? 0) === (b.get(k) ?? 0));
}

/**
 * Ballots the attacker recovers: a tally, or the difference of two tallies, less any of the
 * ballots the attacker knows, that equals one of the secret ballots.
 */
function recovered(
	tallies: Map<string, number>[],
	known: Map<string, number>[],
	secret: Map<string, number>[]
): number {
	const candidates: Map<string, number>[] = [...tallies];
	for (const a of tallies) for (const b of tallies) if (a !== b) candidates.push(minus(a, b));
	const lessKnown = candidates.flatMap((c) => [c, known.reduce((acc, k) => minus(acc, k), c)]);
	return secret.filter((ballot) => lessKnown.some((c) => sameNonZero(c, ballot))).length;
}

async function toVote(room: Room, questionId: string, notesPerPhone = 1) {
	const { console } = room;
	await ok(console, 'question.select', { questionId });
	await ok(console, 'phase.advance', { questionId, from: 'lobby' });
	for (const [i, phone] of room.phones.entries()) {
		for (let k = 0; k < notesPerPhone; k++)
			await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: `Idea ${i}.${k}` });
	}
	for (const from of ['write', 'reveal', 'clarify'])
		await ok(console, 'phase.advance', { questionId, from });
	await settle();
	const run = (room.console.view!.view as FacilitatorView).runs.find((r) => r.id === questionId)!;
	return { items: run.vote!.items.map((i) => i.id), n: run.vote!.n };
}

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

describe('ballots', () => {
	it('stepping vote → results → vote after each ballot recovers no ballot', async () => {
		const room = await openRoom(['Anna', 'Bjørn', 'Carola', 'Dag']);
		const questionId = room.questionIds[0]!;
		const { items, n } = await toVote(room, questionId);
		const ballots = [
			[items[0]!, items[1]!],
			[items[1]!, items[2]!, items[3]!],
			[items[3]!],
			[items[2]!, items[0]!]
		];
		for (const [i, phone] of room.phones.entries()) {
			await ok(phone.client, 'ballot.cast', { questionId, ranking: ballots[i] });
			await ok(room.console, 'phase.advance', { questionId, from: 'vote' });
			await settle();
			await ok(room.console, 'phase.back', { questionId, from: 'results' });
		}
		await ok(room.console, 'phase.advance', { questionId, from: 'vote' });
		await settle();
		const secret = ballots.map((b) => pointsOf(b, n));
		const facilitatorSaw = [
			...talliesSeen(room.console, questionId),
			...talliesSeen(room.screen, questionId)
		];
		expect(recovered(facilitatorSaw, [], secret)).toBe(0);
		for (const [i, phone] of room.phones.entries()) {
			const saw = [
				...talliesSeen(phone.client, questionId),
				...talliesSeen(room.screen, questionId)
			];
			const others = secret.filter((_, j) => j !== i);
			expect(recovered(saw, [secret[i]!], others), `phone ${i}`).toBe(0);
		}
	});

	it('ballots the facilitator entered do not reveal the one cast from a phone', async () => {
		const room = await openRoom(['Eva', 'Frode']);
		const questionId = room.questionIds[0]!;
		const withoutPhone = [newId(), newId()];
		for (const [i, participantId] of withoutPhone.entries())
			await ok(room.console, 'participant.add', { participantId, name: `Without phone ${i}` });
		const { items, n } = await toVote(room, questionId, 2);
		const entered = [[items[0]!], [items[1]!, items[0]!]];
		for (const [i, voterId] of withoutPhone.entries())
			await ok(room.console, 'ballot.cast', { questionId, ranking: entered[i], voterId });
		const phoneBallot = [items[2]!, items[3]!];
		await ok(room.phones[0]!.client, 'ballot.cast', { questionId, ranking: phoneBallot });
		await ok(room.console, 'phase.advance', { questionId, from: 'vote' });
		await settle();
		const saw = [...talliesSeen(room.console, questionId), ...talliesSeen(room.screen, questionId)];
		const known = entered.map((b) => pointsOf(b, n));
		expect(recovered(saw, known, [pointsOf(phoneBallot, n)])).toBe(0);
		// The room is told why there is no tally.
		const screen = room.screen.view!.view as ScreenView;
		expect(screen.runs[0]!.results).toBeNull();
		expect(screen.runs[0]!.resultsWithheld).toMatchObject({ reason: 'one_phone' });
	});

	it('a revote in which one person votes recovers nobody’s ballot, and identity goes at the close', async () => {
		const room = await openRoom(['Gro', 'Hans', 'Ida']);
		const questionId = room.questionIds[0]!;
		const { items, n } = await toVote(room, questionId);
		const first = [[items[0]!], [items[1]!], [items[2]!, items[0]!]];
		for (const [i, phone] of room.phones.entries())
			await ok(phone.client, 'ballot.cast', { questionId, ranking: first[i] });
		await ok(room.console, 'phase.advance', { questionId, from: 'vote' });
		await ok(room.console, 'phase.advance', { questionId, from: 'results' });
		await ok(room.console, 'phase.advance', { questionId, from: 'discuss' });
		const again = [items[1]!, items[2]!];
		await ok(room.phones[1]!.client, 'ballot.cast', { questionId, ranking: again });
		await ok(room.console, 'phase.advance', { questionId, from: 'revote' });
		await settle();
		const saw = [...talliesSeen(room.console, questionId), ...talliesSeen(room.screen, questionId)];
		expect(saw.length).toBeGreaterThan(0);
		expect(recovered(saw, [], [pointsOf(again, n)])).toBe(0);
		// After the close no view pairs a voter with a ranking: the console's list is only who voted.
		const console = room.console.view!.view as FacilitatorView;
		expect(console.runs[0]!.ballotsEntered).toEqual([]);
		for (const phone of room.phones)
			expect((phone.client.view!.view as ParticipantView).runs[0]!.myBallot).toBeNull();
	});
});

describe('anonymity', () => {
	it('turning on "facilitator reads notes" opens no note written while it was off', async () => {
		const room = await openRoom(['Jon', 'Kari', 'Lise']);
		const questionId = room.questionIds[0]!;
		await ok(room.console, 'phase.advance', { questionId, from: 'lobby' });
		await ok(room.phones[0]!.client, 'note.add', {
			questionId,
			noteId: newId(),
			text: 'SECRET-WRITTEN-WHILE-OFF'
		});
		await ok(room.console, 'session.configure', { settings: { facilitatorSeesNotes: true } });
		await ok(room.phones[2]!.client, 'note.add', {
			questionId,
			noteId: newId(),
			text: 'WRITTEN-AFTER-ON'
		});
		const liseEnvelope = await room.phones[2]!.client.waitForView(
			(v) => (v.view as ParticipantView).runs[0]!.myNotes.length === 1
		);
		await settle();
		expect(room.console.receivedText()).not.toContain('SECRET-WRITTEN-WHILE-OFF');
		expect(room.console.receivedText()).toContain('WRITTEN-AFTER-ON');
		const lise = liseEnvelope.view as ParticipantView;
		expect(lise.settings.facilitatorSeesNotes).toBe(true);
		expect(lise.runs[0]!.myNotes.map((n) => n.readByFacilitator)).toEqual([true]);
		const jon = room.phones[0]!.client.view!.view as ParticipantView;
		expect(jon.runs[0]!.myNotes.map((n) => n.readByFacilitator)).toEqual([false]);
		// Anonymous: no private note on the console carries its author.
		for (const note of (room.console.view!.view as FacilitatorView).runs[0]!.privateNotes)
			expect(note.authorId).toBeNull();
	});

	it('a session with notes cannot be switched to named; no frame ever names an author', async () => {
		const room = await openRoom(['Mia', 'Nils', 'Ola']);
		const questionId = room.questionIds[0]!;
		await ok(room.console, 'phase.advance', { questionId, from: 'lobby' });
		for (const [i, phone] of room.phones.entries()) {
			for (let k = 0; k < 2; k++)
				await ok(phone.client, 'note.add', {
					questionId,
					noteId: newId(),
					text: `Thought ${i}.${k}`
				});
		}
		await settle();
		const screen = room.screen.view!.view as ScreenView;
		expect(screen.runs[0]!.progress).toEqual([2, 2, 2]);
		await ok(room.console, 'phase.advance', { questionId, from: 'write' });
		await ok(room.console, 'reveal.all', { questionId });
		await ok(room.console, 'phase.advance', { questionId, from: 'reveal' });
		const ack = await room.console.command('session.configure', {
			id: newId(),
			settings: { anonymous: false }
		});
		expect(ack.ok).toBe(false);
		await settle();
		for (const client of [room.screen, room.console, ...room.phones.map((p) => p.client)]) {
			const text = client.receivedText();
			expect(text).not.toContain('"authorId"');
			for (const name of ['Mia', 'Nils', 'Ola']) expect(text).not.toContain(`"author":"${name}"`);
			// After the reveal the round-robin order is gone from every view.
			const last = client.view!.view as SessionView;
			expect(last.runs[0]!.reveal).toBeNull();
		}
	});

	it('the order of notes revealed by "reveal all" does not depend on who wrote them', async () => {
		const ids = [newId(), newId(), newId(), newId()];
		const order = async (authors: number[]) => {
			const room = await openRoom(['Per', 'Rut']);
			const questionId = room.questionIds[0]!;
			await ok(room.console, 'phase.advance', { questionId, from: 'lobby' });
			for (const [i, author] of authors.entries()) {
				await ok(room.phones[author]!.client, 'note.add', {
					questionId,
					noteId: ids[i],
					text: `Note ${i}`
				});
			}
			await ok(room.console, 'phase.advance', { questionId, from: 'write' });
			await ok(room.console, 'reveal.all', { questionId });
			await settle();
			return (room.phones[0]!.client.view!.view as ParticipantView).runs[0]!.notes.map(
				(n) => n.text
			);
		};
		// Per wrote notes 0 and 1 in one room, 2 and 3 in the other; round-robin would differ.
		expect(await order([0, 0, 1, 1])).toEqual(await order([1, 1, 0, 0]));
	});
});
