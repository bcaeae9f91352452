/**
 * The server is killed (SIGKILL) in the middle of a session while phones keep writing. Every
 * acknowledged note survives, every phone's outbox drains, and each note exists exactly once
 * however often its command had to be resent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantView } from '$lib/domain/session/views';
import { newId, type TestClient } from '../helpers/client';
import { startOn, type Engine, type Store } from '../helpers/engine';
import type { TestServer } from '../helpers/server';
import { OutboxPhone } from '../helpers/outbox-phone';
import { connectConsole, createSession, joinPhone } from '../helpers/session';

/** The suite, on a fresh database of this engine. */
export function crashRecoverySuite(engine: Engine): void {
	let store: Store;
	let server: TestServer;
	let console: TestClient;
	let phones: OutboxPhone[];
	let questionId: string;
	const notes = new Map<OutboxPhone, string[]>();

	beforeAll(async () => {
		store = await engine.fresh();
		server = await startOn(store);
		const session = await createSession(server, { questions: ['What must never be lost?'] });
		console = await connectConsole(server, session);
		questionId = console.view!.view.currentQuestionId;
		const ack = await console.command('phase.advance', { id: newId(), questionId, from: 'lobby' });
		expect(ack.ok).toBe(true);
		phones = [];
		for (const name of ['Aino', 'Bo', 'Cecilie']) {
			const joined = await joinPhone(server, session.joinCode, name);
			joined.client.close();
			const phone = new OutboxPhone(server, joined.token);
			phones.push(phone);
			notes.set(phone, []);
		}
		console.close();
	});

	afterAll(async () => {
		for (const phone of phones) phone.close();
		await server.dispose();
		await store.dispose();
	});

	/** Each phone queues `count` notes and starts sending them without waiting. */
	function write(count: number, label: string): Promise<void>[] {
		return phones.map((phone, p) => {
			for (let i = 0; i < count; i++) {
				const noteId = newId();
				notes.get(phone)!.push(noteId);
				phone.enqueue('note.add', { questionId, noteId, text: `phone ${p} ${label} ${i}` });
			}
			return phone.drain();
		});
	}

	describe('crashes in the middle of writing', () => {
		it('lose nothing acknowledged and apply every queued note exactly once', async () => {
			for (let crash = 0; crash < 3; crash++) {
				// Notes in flight when the server dies: some answered, some not.
				const inFlight = write(4, `before crash ${crash}`);
				await new Promise((resolve) => setTimeout(resolve, 15 * crash));
				await server.kill();
				await Promise.all(inFlight);
				// Written while the server is down: they wait in the outbox.
				await Promise.all(write(2, `while down ${crash}`));
				expect(phones.some((phone) => phone.pending.length > 0)).toBe(true);
				await server.start();
				await Promise.all(phones.map((phone) => phone.drain()));
			}

			for (const phone of phones) {
				expect(phone.pending, 'outbox drained').toEqual([]);
				// Every answer (first or repeated) is a success for the same note.
				for (const acks of phone.answers.values())
					for (const ack of acks) expect(ack.ok).toBe(true);
				// A fresh connection gets a fresh full view, as a reloaded phone would.
				phone.close();
				await phone.connect();
				const view = (await phone.client!.waitForView()).view as ParticipantView;
				const stored = view.runs[0]!.myNotes.map((n) => n.id);
				expect(stored.sort()).toEqual([...notes.get(phone)!].sort());
			}

			// In the database: one processed command per note, one event per note.
			const all = phones.flatMap((phone) => notes.get(phone)!);
			const [commands] = await store.rows<{ n: number }>(
				"SELECT count(*) AS n FROM processed_commands WHERE name = 'note.add'"
			);
			expect(commands!.n).toBe(all.length);
		});
	});
}
