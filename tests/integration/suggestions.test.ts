/**
 * Suggested headings over real socket.io (WebSocket and long-polling) and a real server: only
 * the facilitator's console gets them, only in the clarify phase, only for the revealed notes
 * nobody has placed yet, at most a few times a minute; a phone, a screen, a guest or a crafted
 * payload gets a translated refusal and never a heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView } from '$lib/domain/session/views';
import { fixedT } from '$lib/i18n';
import { connect, newId, type TestClient } from './helpers/client';
import { TestServer } from './helpers/server';
import { connectConsole, createSession, joinPhone, type Phone } from './helpers/session';

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = new TestServer();
	await server.start();
});

afterAll(async () => {
	for (const client of clients) client.close();
	await server.dispose();
});

interface SuggestAnswer {
	ok: boolean;
	suggestions?: { heading: string; noteIds: string[] }[];
	error?: { code: string; message: string };
}

async function ok(answer: Promise<unknown>, what: string): Promise<void> {
	const ack = (await answer) as { ok: boolean };
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack)}`);
}

const texts = [
	'Waiting lists for job coaching are too long',
	'The waiting list for a job coach is long',
	'Long waiting lists before coaching starts',
	'Employers fear the paperwork',
	'Too much paperwork for employers',
	'Paperwork scares small employers'
];

/** A session in clarify with six revealed notes from three phones (one on long-polling). */
async function sessionInClarify(): Promise<{
	console: TestClient;
	phones: Phone[];
	screen: TestClient;
	questionId: string;
	notes: Map<string, string>;
	session: Awaited<ReturnType<typeof createSession>>;
}> {
	const session = await createSession(server, { questions: ['What stands in the way?'] });
	const console = await connectConsole(server, session);
	const phones = [
		await joinPhone(server, session.joinCode, 'Aino'),
		await joinPhone(server, session.joinCode, 'Bjørn', { transports: ['polling'] }),
		await joinPhone(server, session.joinCode, 'Camilla')
	];
	const screen = await connect(server, {
		auth: { role: 'screen', token: session.screenToken },
		transports: ['polling']
	});
	await screen.waitForView();
	clients.push(console, screen, ...phones.map((p) => p.client));
	const questionId = console.view!.view.currentQuestionId;
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
	for (const [i, text] of texts.entries()) {
		const phone = phones[i % phones.length]!;
		await ok(
			phone.client.command('note.add', { id: newId(), questionId, noteId: newId(), text }),
			'note.add'
		);
	}
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'write' }), 'reveal');
	await ok(console.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
	const beforeClarify = (await suggest(console, questionId)) as SuggestAnswer;
	expect(beforeClarify.ok).toBe(false);
	expect(beforeClarify.error?.code).toBe('wrong_phase');
	await ok(
		console.command('phase.advance', { id: newId(), questionId, from: 'reveal' }),
		'clarify'
	);
	const view = (await console.waitForView((v) => v.view.runs[0]!.phase === 'clarify'))
		.view as FacilitatorView;
	const notes = new Map(view.runs[0]!.notes.map((n) => [n.text, n.id]));
	return { console, phones, screen, questionId, notes, session };
}

function suggest(client: TestClient, questionId: string, id = newId()): Promise<unknown> {
	return client.send('cluster.suggest', { id, questionId });
}

describe('suggested headings through the socket contract', () => {
	it('gives the console headings over the revealed notes, and nothing to phones or screens', async () => {
		const { console, phones, screen, questionId, notes } = await sessionInClarify();
		const answer = (await suggest(console, questionId)) as SuggestAnswer;
		expect(answer.ok).toBe(true);
		const suggestions = answer.suggestions!;
		const waiting = ['0', '1', '2'].map((i) => notes.get(texts[Number(i)]!)!);
		const paperwork = ['3', '4', '5'].map((i) => notes.get(texts[Number(i)]!)!);
		expect(suggestions.some((s) => waiting.every((id) => s.noteIds.includes(id)))).toBe(true);
		expect(suggestions.some((s) => paperwork.every((id) => s.noteIds.includes(id)))).toBe(true);
		for (const s of suggestions) {
			expect(s.heading.length).toBeGreaterThan(0);
			for (const id of s.noteIds) expect([...notes.values()]).toContain(id);
		}

		// Phones (WebSocket and long-polling) and the screen (long-polling) are refused, translated.
		const headings = suggestions.map((s) => s.heading);
		for (const client of [...phones.map((p) => p.client), screen]) {
			const refused = (await suggest(client, questionId)) as SuggestAnswer;
			expect(refused).toEqual({
				ok: false,
				error: { code: 'forbidden', message: fixedT('en')('errors.forbidden') }
			});
			expect(refused.suggestions).toBeUndefined();
		}
		// No heading ever reached another device, as an event or an ack.
		await new Promise((resolve) => setTimeout(resolve, 300));
		for (const client of [...phones.map((p) => p.client), screen]) {
			const received = client.receivedText();
			for (const heading of headings) expect(received).not.toContain(JSON.stringify(heading));
		}
	});

	it('refuses a guest, a crafted payload and an unknown question', async () => {
		const { console, questionId } = await sessionInClarify();
		const guest = await connect(server, { auth: { role: 'guest' }, transports: ['polling'] });
		clients.push(guest);
		expect(((await suggest(guest, questionId)) as SuggestAnswer).error?.code).toBe(
			'unauthenticated'
		);
		const crafted = [
			{ id: newId(), questionId, noteIds: [newId()] },
			{ id: 'short', questionId },
			{ id: newId(), questionId: 42 },
			'cluster.suggest'
		];
		for (const payload of crafted) {
			const answer = (await console.send('cluster.suggest', payload)) as SuggestAnswer;
			expect(answer.ok).toBe(false);
			expect(answer.error?.code).toBe('invalid_payload');
		}
		const unknown = (await suggest(console, newId())) as SuggestAnswer;
		expect(unknown.error?.code).toBe('not_found');
	});

	it('leaves out notes already placed under a heading', async () => {
		const { console, questionId, notes } = await sessionInClarify();
		const placed = notes.get(texts[0]!)!;
		await ok(
			console.command('cluster.create', {
				id: newId(),
				questionId,
				clusterId: newId(),
				heading: 'Placed by hand',
				noteIds: [placed]
			}),
			'cluster.create'
		);
		await console.waitForView((v) =>
			(v.view as FacilitatorView).runs[0]!.clusters.some((c) => c.noteIds.includes(placed))
		);
		const answer = (await suggest(console, questionId)) as SuggestAnswer;
		expect(answer.ok).toBe(true);
		const suggested = answer.suggestions!.flatMap((s) => s.noteIds);
		expect(suggested).not.toContain(placed);
		expect(suggested.length).toBeGreaterThan(0);
	});

	it('answers a console that asks too often with a translated wait', async () => {
		const { console, questionId, session } = await sessionInClarify();
		const answers = (await Promise.all(
			Array.from({ length: 12 }, () => suggest(console, questionId))
		)) as SuggestAnswer[];
		const limited = answers.filter((a) => !a.ok);
		expect(answers.filter((a) => a.ok).length).toBeGreaterThan(0);
		expect(limited.length).toBeGreaterThan(0);
		for (const a of limited) {
			expect(a.error?.code).toBe('rate_limited');
			expect(a.error?.message).toMatch(/\d/);
		}
		// A new connection of the same console link shares the allowance: the limit is per console.
		const again = await connectConsole(server, session, { transports: ['polling'] });
		clients.push(again);
		expect(((await suggest(again, questionId)) as SuggestAnswer).error?.code).toBe('rate_limited');
	});
});
