/**
 * Sub-headings over real socket.io (WebSocket and long-polling) and a real server: a console
 * makes a heading and a sub-heading under it; every phone and the screen get it with its parent;
 * a crafted sub-heading of a sub-heading is refused by the core; votes stay on the heading; a
 * restart replays the events to the same sub-heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, ParticipantView, ScreenView } from '$lib/domain/session/views';
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

async function ok(answer: Promise<unknown>, what: string): Promise<void> {
	const ack = (await answer) as { ok: boolean };
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack)}`);
}

describe('sub-headings through the socket contract', () => {
	let console: TestClient;
	let phones: Phone[];
	let screen: TestClient;
	let questionId: string;
	let notes: Map<string, string>;
	const themeId = newId();
	const subId = newId();
	let session: Awaited<ReturnType<typeof createSession>>;

	beforeAll(async () => {
		session = await createSession(server, { questions: ['What helps at work?'] });
		console = await connectConsole(server, session);
		// One phone on long-polling only: WebSocket blocked, as in some public offices.
		phones = [
			await joinPhone(server, session.joinCode, 'Aino'),
			await joinPhone(server, session.joinCode, 'Bjørn', { transports: ['polling'] }),
			await joinPhone(server, session.joinCode, 'Camilla')
		];
		screen = await connect(server, {
			auth: { role: 'screen', token: session.screenToken },
			transports: ['polling']
		});
		await screen.waitForView();
		clients.push(console, screen, ...phones.map((p) => p.client));
		questionId = console.view!.view.currentQuestionId;
		await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
		for (const [i, phone] of phones.entries()) {
			await ok(
				phone.client.command('note.add', {
					id: newId(),
					questionId,
					noteId: newId(),
					text: `Note ${i + 1}`
				}),
				'note.add'
			);
		}
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'write' }),
			'reveal'
		);
		await ok(console.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'reveal' }),
			'clarify'
		);
		const view = (await console.waitForView((v) => v.view.runs[0]!.phase === 'clarify'))
			.view as FacilitatorView;
		notes = new Map(view.runs[0]!.notes.map((n) => [n.text, n.id]));
	});

	it('a sub-heading reaches the screen and every phone (WebSocket and polling) with its heading', async () => {
		await ok(
			console.command('cluster.create', {
				id: newId(),
				questionId,
				clusterId: themeId,
				heading: 'Support',
				noteIds: [notes.get('Note 1')!]
			}),
			'heading'
		);
		await ok(
			console.command('cluster.create', {
				id: newId(),
				questionId,
				clusterId: subId,
				heading: 'Vad behövs för stöd?',
				noteIds: [notes.get('Note 2')!],
				parentId: themeId
			}),
			'sub-heading'
		);
		const hasSub = (v: { view: { runs: { clusters: { parentId?: string }[] }[] } }) =>
			v.view.runs[0]!.clusters.some((c) => c.parentId === themeId);
		for (const client of [screen, ...phones.map((p) => p.client)]) {
			const view = (await client.waitForView(hasSub)).view as ScreenView | ParticipantView;
			expect(view.runs[0]!.clusters).toEqual([
				{ id: themeId, heading: 'Support', noteIds: [notes.get('Note 1')] },
				{
					id: subId,
					heading: 'Vad behövs för stöd?',
					noteIds: [notes.get('Note 2')],
					parentId: themeId
				}
			]);
		}
	});

	it('a crafted sub-heading of a sub-heading is refused with its reason, and nothing changes', async () => {
		const before = console.view!.view.runs[0]!.clusters;
		const ack = (await console.send('cluster.create', {
			id: newId(),
			questionId,
			clusterId: newId(),
			heading: 'Too deep',
			noteIds: [],
			parentId: subId
		})) as { ok: boolean; error?: { code: string } };
		expect(ack).toMatchObject({ ok: false, error: { code: 'one_level_only' } });
		const malformed = (await console.send('cluster.create', {
			id: newId(),
			questionId,
			clusterId: newId(),
			heading: 'Bad parent',
			noteIds: [],
			parentId: 'x'
		})) as { ok: boolean; error?: { code: string } };
		expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
		expect(console.view!.view.runs[0]!.clusters).toEqual(before);
	});

	it('a phone cannot make a sub-heading', async () => {
		const ack = (await phones[0]!.client.send('cluster.create', {
			id: newId(),
			questionId,
			clusterId: newId(),
			heading: 'Mine',
			noteIds: [],
			parentId: themeId
		})) as { ok: boolean; error?: { code: string } };
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('the vote is on the heading (with the sub-heading’s note) and the loose note, never on the sub-heading', async () => {
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'clarify' }),
			'vote'
		);
		const view = (await phones[1]!.client.waitForView((v) => v.view.runs[0]!.vote !== null))
			.view as ParticipantView;
		const items = view.runs[0]!.vote!.items;
		expect(items.map((i) => i.id)).toEqual([`c:${themeId}`, `n:${notes.get('Note 3')}`]);
		expect(items[0]!.noteIds).toEqual([notes.get('Note 1'), notes.get('Note 2')]);
		const refused = (await phones[0]!.client.send('ballot.cast', {
			id: newId(),
			questionId,
			ranking: [`c:${subId}`]
		})) as { ok: boolean; error?: { code: string } };
		expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
	});

	it('after a restart the stored events replay to the same sub-heading', async () => {
		const before = console.view!.view.runs[0]!.clusters;
		for (const client of clients) client.close();
		await server.restart();
		const again = await connectConsole(server, session);
		clients.push(again);
		expect(again.view!.view.runs[0]!.clusters).toEqual(before);
	});
});
