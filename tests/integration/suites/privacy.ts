/**
 * Privacy is enforced on the server: every frame each socket receives during writing and voting
 * is recorded, and no phone and no screen ever receives another person's note text or ballot.
 * The console receives private text only when its setting allows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, ParticipantView, ScreenView } from '$lib/domain/session/views';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from '../helpers/client';
import { startOn, type Engine, type Store } from '../helpers/engine';
import type { TestServer } from '../helpers/server';
import { connectConsole, createSession, joinPhone, type Phone } from '../helpers/session';

/** Secret notes, per phone: unique strings that must reach nobody else before the reveal. */
const secrets = [
	['SECRET-ANNA-1 lønnstilskudd', 'SECRET-ANNA-2'],
	['SECRET-BJØRN-1 saksbehandler', 'SECRET-BJØRN-2'],
	['SECRET-CAROLA-1 työvalmentaja']
];

async function ok(client: TestClient, name: Parameters<TestClient['command']>[0], payload: object) {
	const ack = await client.command(name, { id: newId(), ...payload } as never);
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
	return ack;
}

/** Lets in-flight broadcasts arrive before frames are inspected. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** The suite, on a fresh database of this engine. */
export function privacySuite(engine: Engine): void {
	// Both transports: proxies in public offices and hotel Wi-Fi often leave only long-polling.
	describe.each([['websocket'], ['polling']] as const)('on %s', (transport) => {
		const transports = [transport];
		let store: Store;
		let server: TestServer;
		let session: CreatedSession;
		let facilitator: TestClient;
		let screen: TestClient;
		let phones: Phone[];
		let questionId: string;
		const clients: TestClient[] = [];

		beforeAll(async () => {
			store = await engine.fresh();
			server = await startOn(store);
			session = await createSession(server, { questions: ['What helps?'] });
			facilitator = await connectConsole(server, session, { transports });
			screen = await connect(server, {
				transports,
				auth: { role: 'screen', token: session.screenToken }
			});
			await screen.waitForView();
			phones = [];
			for (const name of ['Anna', 'Bjørn', 'Carola'])
				phones.push(await joinPhone(server, session.joinCode, name, { transports }));
			clients.push(facilitator, screen, ...phones.map((p) => p.client));
			questionId = facilitator.view!.view.currentQuestionId;
			await ok(facilitator, 'phase.advance', { questionId, from: 'lobby' });
			for (const [i, phone] of phones.entries()) {
				for (const text of secrets[i]!)
					await ok(phone.client, 'note.add', { questionId, noteId: newId(), text });
			}
			await settle();
		});

		afterAll(async () => {
			for (const client of clients) client.close();
			await server.dispose();
			await store.dispose();
		});

		describe('during silent writing', () => {
			it('no phone receives another person’s note text, in any frame', () => {
				for (const [i, phone] of phones.entries()) {
					const received = phone.client.receivedText();
					for (const [j, texts] of secrets.entries()) {
						for (const text of texts) {
							if (i === j) expect(received).toContain(text);
							else expect(received, `phone ${i} saw a note of phone ${j}`).not.toContain(text);
						}
					}
					// Its own notes came as patches (issue 15): the frames inspected above include them.
					const patches = JSON.stringify(
						phone.client.frames.filter((f) => f.name === 'session.patch')
					);
					for (const text of secrets[i]!) expect(patches).toContain(text);
				}
				for (const client of [screen, facilitator])
					expect(client.frames.some((f) => f.name === 'session.patch')).toBe(true);
			});

			it('the screen and the console receive no note text (the console’s setting is off)', () => {
				for (const client of [screen, facilitator]) {
					const received = client.receivedText();
					for (const text of secrets.flat()) expect(received).not.toContain(text);
					expect(received).not.toContain('SECRET');
				}
			});

			it('the screen still shows anonymous progress', () => {
				const view = screen.view!.view as ScreenView;
				expect(view.runs[0]!.progress).toEqual([2, 2, 1]);
				expect(view.runs[0]!.notes).toEqual([]);
			});

			it('the console receives private text only of notes written after its setting is switched on', async () => {
				await ok(facilitator, 'session.configure', { settings: { facilitatorSeesNotes: true } });
				await ok(phones[2]!.client, 'note.add', {
					questionId,
					noteId: newId(),
					text: 'SECRET-CAROLA-AFTER-ON'
				});
				await settle();
				expect(facilitator.receivedText()).toContain('SECRET-CAROLA-AFTER-ON');
				// Notes written while phones said "only you" stay unread by the console.
				for (const text of secrets.flat()) expect(facilitator.receivedText()).not.toContain(text);
				const view = facilitator.view!.view as FacilitatorView;
				expect(view.runs[0]!.privateNotes.map((n) => [n.text, n.authorId])).toEqual([
					['SECRET-CAROLA-AFTER-ON', null]
				]);
				// Every phone is told that the facilitator now reads notes early, and which of its notes.
				for (const phone of phones) {
					const mine = (phone.client.view!.view as ParticipantView).runs[0]!.myNotes;
					expect((phone.client.view!.view as ParticipantView).settings.facilitatorSeesNotes).toBe(
						true
					);
					expect(mine.filter((n) => n.readByFacilitator).map((n) => n.text)).toEqual(
						phone === phones[2] ? ['SECRET-CAROLA-AFTER-ON'] : []
					);
				}
				// …and still never a phone or the screen.
				for (const client of [screen, phones[1]!.client])
					expect(client.receivedText()).not.toContain('SECRET-CAROLA-AFTER-ON');
				await ok(facilitator, 'session.configure', { settings: { facilitatorSeesNotes: false } });
			});
		});

		describe('during the vote', () => {
			const rankings: string[][] = [];
			const marks = new Map<TestClient, number>();

			beforeAll(async () => {
				await ok(facilitator, 'phase.advance', { questionId, from: 'write' });
				await ok(facilitator, 'phase.advance', { questionId, from: 'reveal' });
				await ok(facilitator, 'phase.advance', { questionId, from: 'clarify' });
				await settle();
				// Only frames from here on matter: note texts are public after the reveal.
				for (const client of clients) marks.set(client, client.frames.length);
				const items = (phones[0]!.client.view!.view as ParticipantView).runs[0]!.vote!.items.map(
					(i) => i.id
				);
				expect(items).toHaveLength(6);
				rankings.push(
					[items[0]!, items[1]!, items[2]!],
					[items[4]!, items[3]!],
					[items[2]!, items[0]!, items[4]!, items[1]!]
				);
				for (const [i, phone] of phones.entries())
					await ok(phone.client, 'ballot.cast', { questionId, ranking: rankings[i] });
				// A changed ballot: the first one must not leak either.
				await ok(phones[0]!.client, 'ballot.cast', { questionId, ranking: [items[3]!, items[1]!] });
				rankings.push([items[3]!, items[1]!]);
				await settle();
			});

			/** Frames a socket received since the vote opened, as text. */
			function receivedSince(client: TestClient): string {
				return client.frames
					.slice(marks.get(client))
					.map((f) => JSON.stringify(f.args))
					.join('\n');
			}

			it('each phone receives only its own ballot', () => {
				const own = [[0, 3], [1], [2]];
				for (const [i, phone] of phones.entries()) {
					const received = receivedSince(phone.client);
					rankings.forEach((ranking, r) => {
						const text = JSON.stringify(ranking);
						if (own[i]!.includes(r)) return;
						expect(received, `phone ${i} saw ballot ${r}`).not.toContain(text);
					});
					const view = phone.client.view!.view as ParticipantView;
					expect(view.runs[0]!.myBallot).toEqual(i === 0 ? rankings[3] : rankings[i]);
				}
			});

			it('the screen and the console see how many voted, never what', () => {
				for (const client of [screen, facilitator]) {
					const received = receivedSince(client);
					for (const ranking of rankings) expect(received).not.toContain(JSON.stringify(ranking));
				}
				expect((screen.view!.view as ScreenView).runs[0]!.vote).toMatchObject({
					voted: 3,
					voters: 3
				});
				const console = facilitator.view!.view as FacilitatorView;
				expect(console.runs[0]!.ballotsEntered).toEqual([]);
				expect([...console.runs[0]!.votedIds].sort()).toEqual(
					phones.map((p) => p.participantId).sort()
				);
			});

			it('results are public once the vote closes, ballots still are not', async () => {
				await ok(facilitator, 'phase.advance', { questionId, from: 'vote' });
				await settle();
				const view = screen.view!.view as ScreenView;
				expect(view.runs[0]!.results!.reduce((sum, r) => sum + r.points, 0)).toBe(
					// Borda with n = 5: 5+4 (Anna's changed ballot) + 5+4 + 5+4+3+2.
					9 + 9 + 14
				);
				for (const ranking of rankings)
					expect(receivedSince(screen)).not.toContain(JSON.stringify(ranking));
			});
		});
	});
}
