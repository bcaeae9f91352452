/**
 * Deletion deletes: right after a command that removes text or identity is acknowledged, the
 * bytes of the database file, its -wal and its -shm no longer hold it. No VACUUM, no restart,
 * no checkpoint by the test: the files are read exactly as the server left them.
 *
 * On PostgreSQL (no secure_delete), right after the acknowledgement no row of any table holds
 * it, and the server has VACUUMed the tables that held it; what VACUUM cannot promise (the
 * freed bytes stay until reused; WAL, archives and base backups keep them until they expire)
 * is said in Store.holding and the README.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '$lib/server/http/new-session';
import { newId, type TestClient } from '../helpers/client';
import { startOn, type Engine, type Store } from '../helpers/engine';
import type { TestServer } from '../helpers/server';
import { connectConsole, createSession, joinPhone, startWriting } from '../helpers/session';

/** The suite, on a fresh database of this engine. */
export function deletionSuite(engine: Engine): void {
	let store: Store;
	let server: TestServer;
	let clients: TestClient[] = [];

	function track<T extends TestClient>(client: T): T {
		clients.push(client);
		return client;
	}

	/** A string that appears nowhere else: what must vanish from the files. */
	function marker(label: string): string {
		return `FORGET-${label}-${randomBytes(6).toString('hex')}`;
	}

	/** Where the database still holds this text (an empty list: gone). */
	function holding(text: string): Promise<string[]> {
		return store.holding(text);
	}

	/** PostgreSQL: how often the events table has been VACUUMed (by hand, not autovacuum). */
	async function vacuums(): Promise<number> {
		if (store.engine !== 'postgres') return 0;
		const [row] = await store.rows<{ n: number }>(
			"SELECT vacuum_count AS n FROM pg_stat_user_tables WHERE relname = 'session_events'"
		);
		return row!.n;
	}

	async function ok(
		client: TestClient,
		name: Parameters<TestClient['command']>[0],
		payload: object
	) {
		const ack = await client.command(name, { id: newId(), ...payload } as never);
		if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
		return ack;
	}

	/** A session in its writing phase with a console. */
	async function writingSession(): Promise<{
		session: CreatedSession;
		facilitator: TestClient;
		questionId: string;
	}> {
		const session = await createSession(server, { questions: ['What helps?'] });
		const facilitator = track(await connectConsole(server, session));
		const questionId = await startWriting(facilitator);
		return { session, facilitator, questionId };
	}

	beforeAll(async () => {
		store = await engine.fresh();
		server = await startOn(store);
	});

	afterEach(() => {
		for (const client of clients) client.close();
		clients = [];
	});

	afterAll(async () => {
		await server?.dispose();
		await store?.dispose();
	});

	describe('right after the acknowledgement, the files no longer hold', () => {
		for (const transport of ['websocket', 'polling'] as const) {
			it(`a note its author deleted (${transport})`, async () => {
				const { session, questionId } = await writingSession();
				const phone = await joinPhone(server, session.joinCode, 'Aino', {
					transports: [transport]
				});
				track(phone.client);
				const secret = marker('deleted');
				const noteId = newId();
				await ok(phone.client, 'note.add', { questionId, noteId, text: `${secret} diagnosis` });
				expect(await holding(secret), 'the note was stored').not.toEqual([]);
				const vacuumsBefore = await vacuums();
				await ok(phone.client, 'note.delete', { questionId, noteId });
				expect(await holding(secret)).toEqual([]);
				// PostgreSQL: the tables that held it were VACUUMed before the answer went out.
				if (store.engine === 'postgres') expect(await vacuums()).toBeGreaterThan(vacuumsBefore);
			});

			it(`an author's earlier draft (${transport})`, async () => {
				const { session, questionId } = await writingSession();
				const phone = await joinPhone(server, session.joinCode, 'Bjørn', {
					transports: [transport]
				});
				track(phone.client);
				const draft = marker('draft');
				const final = marker('final');
				const noteId = newId();
				await ok(phone.client, 'note.add', { questionId, noteId, text: `${draft} first thought` });
				await ok(phone.client, 'note.edit', { questionId, noteId, text: `${final} what I mean` });
				expect(await holding(draft)).toEqual([]);
				expect(await holding(final), 'the edited note is stored').not.toEqual([]);
			});
		}

		it('a draft the facilitator corrected before the reveal (they may read notes early)', async () => {
			const { session, facilitator, questionId } = await writingSession();
			await ok(facilitator, 'session.configure', { settings: { facilitatorSeesNotes: true } });
			const phone = await joinPhone(server, session.joinCode, 'Carola');
			track(phone.client);
			const draft = marker('typo');
			const noteId = newId();
			await ok(phone.client, 'note.add', { questionId, noteId, text: `${draft} bureacracy` });
			await ok(facilitator, 'note.edit', { questionId, noteId, text: 'bureaucracy' });
			expect(await holding(draft)).toEqual([]);
		});

		it('the notes and name of someone removed with "delete their notes and votes"', async () => {
			const { session, facilitator, questionId } = await writingSession();
			const name = marker('name');
			const phone = await joinPhone(server, session.joinCode, name, {
				transports: ['polling']
			});
			track(phone.client);
			const keeper = await joinPhone(server, session.joinCode, 'Dagný');
			track(keeper.client);
			const secrets = [marker('removed-1'), marker('removed-2')];
			for (const text of secrets)
				await ok(phone.client, 'note.add', { questionId, noteId: newId(), text });
			const kept = marker('kept');
			await ok(keeper.client, 'note.add', { questionId, noteId: newId(), text: kept });
			expect(await holding(name), 'the name was stored').not.toEqual([]);
			await ok(facilitator, 'participant.remove', {
				participantId: phone.participantId,
				deleteContributions: true
			});
			for (const text of secrets) expect(await holding(text)).toEqual([]);
			expect(await holding(name)).toEqual([]);
			expect(await holding(kept), 'other people’s notes stay').not.toEqual([]);
		});
	});

	describe('closing a vote', () => {
		for (const from of ['vote', 'revote'] as const) {
			it(`leaves no ballot.cast event with its voter in the log (${from} → results)`, async () => {
				const { session, facilitator, questionId } = await writingSession();
				const phones = [
					await joinPhone(server, session.joinCode, 'Eero'),
					await joinPhone(server, session.joinCode, 'Frida')
				];
				for (const phone of phones) {
					track(phone.client);
					await ok(phone.client, 'note.add', { questionId, noteId: newId(), text: 'An idea' });
				}
				await ok(facilitator, 'phase.advance', { questionId, from: 'write' });
				await ok(facilitator, 'phase.advance', { questionId, from: 'reveal' });
				await ok(facilitator, 'phase.advance', { questionId, from: 'clarify' });
				const cast = async () => {
					for (const phone of phones) {
						const view = await phone.client.waitForView(
							(v) => (v.view as { runs: { vote?: unknown }[] }).runs[0]?.vote != null
						);
						const items = (view.view as { runs: { vote: { items: { id: string }[] } }[] }).runs[0]!
							.vote.items;
						await ok(phone.client, 'ballot.cast', { questionId, ranking: [items[0]!.id] });
					}
				};
				await cast();
				if (from === 'revote') {
					await ok(facilitator, 'phase.advance', { questionId, from: 'vote' });
					await ok(facilitator, 'phase.advance', { questionId, from: 'results' });
					// Cleared before the revote starts: phones may see it before the facilitator's ack.
					for (const phone of phones) phone.client.views.length = 0;
					await ok(facilitator, 'phase.advance', { questionId, from: 'discuss' });
					await cast();
				}
				const type =
					store.engine === 'sqlite'
						? "json_extract(event, '$.command.type')"
						: "event::jsonb #>> '{command,type}'";
				const ballotEvents = async () =>
					(
						await store.rows<{ n: number }>(
							`SELECT count(*) AS n FROM session_events
							 WHERE session_id = ? AND ${type} = 'ballot.cast'`,
							[session.sessionId]
						)
					)[0]!.n;
				expect(await ballotEvents(), 'ballots are logged while the vote is open').toBeGreaterThan(
					0
				);
				await ok(facilitator, 'phase.advance', { questionId, from });
				expect(await ballotEvents()).toBe(0);
			});
		}
	});

	/** A note written in a fresh session, for a reader to hold while it is deleted. */
	async function heldNote() {
		const { session, questionId } = await writingSession();
		const phone = await joinPhone(server, session.joinCode, 'Guðrún');
		track(phone.client);
		const secret = marker('held');
		const noteId = newId();
		await ok(phone.client, 'note.add', { questionId, noteId, text: secret });
		return { phone, questionId, noteId, secret };
	}

	if (engine.name === 'SQLite')
		describe('a reader holding the WAL open', () => {
			it('delays the truncation, and the server truncates as soon as it lets go', async () => {
				const { phone, questionId, noteId, secret } = await heldNote();
				// Another process (a backup, say) in the middle of a read: the WAL may not restart under it.
				const reader = await store.reader();
				try {
					const started = Date.now();
					await ok(phone.client, 'note.delete', { questionId, noteId });
					// Acknowledged without waiting out SQLite's 5-second busy timeout.
					expect(Date.now() - started).toBeLessThan(2_500);
					expect(await holding(secret), 'the reader keeps the old frames in the WAL').toContain(
						'wal'
					);
				} finally {
					await reader.release();
				}
				const deadline = Date.now() + 10_000;
				while ((await holding(secret)).length > 0 && Date.now() < deadline) {
					await new Promise((resolve) => setTimeout(resolve, 100));
				}
				expect(await holding(secret)).toEqual([]);
			});
		});
	else
		describe('a reader in the middle of a transaction (a backup, say)', () => {
			it('does not hold the deletion back; only its own snapshot sees the row until it ends', async () => {
				const { phone, questionId, noteId, secret } = await heldNote();
				const sql = 'SELECT count(*) AS n FROM session_events WHERE strpos(event, ?) > 0';
				const reader = await store.reader();
				try {
					await ok(phone.client, 'note.delete', { questionId, noteId });
					expect(await holding(secret), 'no row holds it for anyone else').toEqual([]);
					// PostgreSQL's MVCC: a snapshot taken before the delete still reads the old row, and
					// VACUUM may not remove it while that snapshot lives (pg_dump's archive keeps it).
					expect((await reader.rows<{ n: number }>(sql, [secret]))[0]!.n).toBe(1);
				} finally {
					await reader.release();
				}
				expect((await store.rows<{ n: number }>(sql, [secret]))[0]!.n).toBe(0);
			});
		});
}
