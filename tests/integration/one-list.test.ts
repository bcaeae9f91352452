/**
 * One list for all questions over real socket.io (WebSocket and long-polling) and a real server:
 * the console chooses it in the lobby; every phone and the screen learn it; once writing started
 * a crafted change of the setting, and any command that would run question b on its own, is
 * refused on both transports; a restart replays the events to the same setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView, ScreenView } from '$lib/domain/session/views';
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

function refusedWith(ack: unknown): string | undefined {
	const answer = ack as { ok: boolean; error?: { code: string } };
	return answer.ok ? undefined : answer.error?.code;
}

describe('one list for all questions through the socket contract', () => {
	let consoleWs: TestClient;
	let consolePolling: TestClient;
	let phones: Phone[];
	let screen: TestClient;
	let first: string;
	let second: string;

	beforeAll(async () => {
		const session = await createSession(server, {
			questions: ['What works well?', 'What is needed?']
		});
		consoleWs = await connectConsole(server, session);
		// A second console on long-polling only: WebSocket blocked, as in some public offices.
		consolePolling = await connectConsole(server, session, { transports: ['polling'] });
		phones = [
			await joinPhone(server, session.joinCode, 'Aino'),
			await joinPhone(server, session.joinCode, 'Bjørn', { transports: ['polling'] })
		];
		screen = await connect(server, {
			auth: { role: 'screen', token: session.screenToken },
			transports: ['polling']
		});
		await screen.waitForView();
		clients.push(consoleWs, consolePolling, screen, ...phones.map((p) => p.client));
		[first, second] = consoleWs.view!.view.questions.map((q) => q.id) as [string, string];
	});

	it('is chosen in the lobby, and every phone and the screen learn it', async () => {
		const ack = await consolePolling.command('session.configure', {
			id: newId(),
			settings: { oneList: true }
		});
		expect(refusedWith(ack)).toBeUndefined();
		for (const phone of phones) {
			const view = await phone.client.waitForView(
				(v) => (v.view as ParticipantView).settings.oneList === true
			);
			expect(view.view.currentQuestionId).toBe(first);
		}
		const shown = await screen.waitForView((v) => (v.view as ScreenView).settings.oneList === true);
		expect(shown.view.questions.map((q) => q.text)).toEqual([
			'What works well?',
			'What is needed?'
		]);
	});

	it('refuses a crafted change of the setting after writing started, on both transports', async () => {
		const started = await consoleWs.command('phase.advance', {
			id: newId(),
			questionId: first,
			from: 'lobby'
		});
		expect(refusedWith(started)).toBeUndefined();
		for (const client of [consoleWs, consolePolling]) {
			for (const oneList of [false, true]) {
				const ack = await client.command('session.configure', {
					id: newId(),
					settings: { oneList }
				});
				expect(refusedWith(ack)).toBe(oneList ? undefined : 'writing_started');
			}
		}
	});

	it('refuses to run question b on its own, from a console or a phone, on both transports', async () => {
		for (const client of [consoleWs, consolePolling]) {
			const advance = await client.command('phase.advance', {
				id: newId(),
				questionId: second,
				from: 'lobby'
			});
			expect(refusedWith(advance)).toBe('answered_together');
			const select = await client.command('question.select', { id: newId(), questionId: second });
			expect(refusedWith(select)).toBe('answered_together');
		}
		for (const phone of phones) {
			const ack = await phone.client.command('note.add', {
				id: newId(),
				questionId: second,
				noteId: newId(),
				text: 'Written for b alone'
			});
			expect(refusedWith(ack)).toBe('answered_together');
		}
		// The combined list is written on the first question.
		const written = await phones[1]!.client.command('note.add', {
			id: newId(),
			questionId: first,
			noteId: newId(),
			text: 'An answer to both'
		});
		expect(refusedWith(written)).toBeUndefined();
	});

	it('replays to the same setting after a restart', async () => {
		await server.restart();
		const phone = await connect(server, {
			auth: { role: 'participant', token: phones[1]!.token },
			transports: ['polling']
		});
		clients.push(phone);
		const view = (await phone.waitForView()).view as ParticipantView;
		expect(view.settings.oneList).toBe(true);
		expect(view.questions.map((q) => q.phase)).toEqual(['write', 'lobby']);
		expect(view.runs[0]!.myNotes.map((n) => n.text)).toEqual(['An answer to both']);
	});
});
