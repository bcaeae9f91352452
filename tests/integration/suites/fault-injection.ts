/**
 * Faults at random moments. The server is killed (SIGKILL) and restarted at moments drawn from a
 * seeded generator, six times during silent writing and six times during the vote, while five
 * phones and the console keep sending through their outboxes. Connections are also dropped from
 * the client's side, outboxes send a later command before an earlier one, and answered commands
 * are sent again with the same id. Afterwards every answered command is stored exactly once,
 * every outbox is empty, and every long-lived view (phones, screen, console) equals what a fresh
 * load shows. A failing run is repeated with SAMRAD_TEST_SEED=<the seed in the test's name>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, ParticipantView, ScreenView } from '$lib/domain/session/views';
import type { Ack, CommandName, Handshake, ViewEnvelope } from '$lib/realtime/contract';
import type { CreatedSession } from '$lib/server/http/new-session';
import { connect, newId, type TestClient } from '../helpers/client';
import { startOn, type Engine, type Store } from '../helpers/engine';
import { OutboxPhone } from '../helpers/outbox-phone';
import { Random, sleep, testSeed } from '../helpers/random';
import type { TestServer } from '../helpers/server';
import { connectConsole, createSession, joinPhone } from '../helpers/session';

const seed = testSeed(20_260_506);
const random = new Random(seed);
const killsPerStorm = 6;
/** Commands a sender queues at most while earlier ones are unanswered. */
const maxBacklog = 4;
/** Notes one person may write for one question (limits.notesPerPersonPerQuestion). */
const notesPerPerson = 30;
// Limits are proven in abuse.test.ts; here they must not refuse the storm.
const generousLimits = {
	RATE_LIMIT_COMMANDS_PER_SOCKET: '1000000',
	RATE_LIMIT_COMMANDS_PER_BINDING: '1000000',
	RATE_LIMIT_COMMANDS_PER_ADDRESS: '1000000',
	RATE_LIMIT_JOINS_PER_ADDRESS: '1000000'
};

/** Someone who sends through an outbox: a phone, or the console writing for Eir. */
interface Sender {
	name: string;
	outbox: OutboxPhone;
	/** Whose notes and ballot these are. */
	personId: string;
	/** The processed_commands scope of this sender's commands. */
	scope: string;
	/** Note ids this sender queued a note.add for. */
	noteIds: string[];
	/** Extra fields the console adds to act for Eir. */
	onBehalf: Record<string, string>;
}

interface Watcher {
	label: string;
	auth: Partial<Handshake>;
	/** A socket that reconnects by itself, open for the whole test. */
	client: TestClient;
}

/** The suite, on a fresh database of this engine. */
export function faultInjectionSuite(engine: Engine): void {
	let store: Store;
	let server: TestServer;
	let session: CreatedSession;
	let questionId: string;
	let eirId: string;
	let starts = 0;
	const senders: Sender[] = [];
	const watchers: Watcher[] = [];
	/** Ids of commands the console sent outside its outbox (phase changes, headings). */
	const directIds: string[] = [];

	async function restart(): Promise<void> {
		await server.kill();
		await sleep(random.int(0, 150));
		await server.start();
		starts++;
	}

	/** One command from a fresh console connection, outside any outbox (the server is up). */
	async function facilitate(name: CommandName, payload: Record<string, unknown>): Promise<Ack> {
		const id = newId();
		directIds.push(id);
		const console = await connectConsole(server, session);
		try {
			const ack = (await console.send(name, { ...payload, id })) as Ack;
			if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
			return ack;
		} finally {
			console.close();
		}
	}

	/** The first view a freshly connected socket gets: what a reload shows. */
	async function freshView(auth: Partial<Handshake>): Promise<ViewEnvelope> {
		const client = await connect(server, { auth });
		try {
			return await client.waitForView();
		} finally {
			client.close();
		}
	}

	const comparable = (envelope: ViewEnvelope | undefined) =>
		envelope && { ...envelope, serverTime: 0 };

	/**
	 * Every long-lived view ends equal to a fresh load (serverTime aside): once all have reconnected,
	 * each one's last view is what a socket connecting now gets first.
	 */
	async function expectConverged(): Promise<void> {
		const deadline = Date.now() + 10_000;
		while (Date.now() < deadline && !watchers.every((w) => w.client.socket.connected))
			await sleep(25);
		for (const watcher of watchers) {
			expect(watcher.client.socket.connected, `${watcher.label} reconnected`).toBe(true);
			let fresh = comparable(await freshView(watcher.auth));
			// Views still in flight arrive shortly: compare again until the deadline.
			while (
				Date.now() < deadline &&
				JSON.stringify(comparable(watcher.client.view)) !== JSON.stringify(fresh)
			) {
				await sleep(50);
				fresh = comparable(await freshView(watcher.auth));
			}
			expect(comparable(watcher.client.view), `${watcher.label} converged`).toEqual(fresh);
		}
	}

	/** Sends until every outbox is empty (the server is up). */
	async function drainAll(): Promise<void> {
		for (let round = 0; round < 100; round++) {
			await Promise.all(senders.map((s) => s.outbox.drain()));
			if (senders.every((s) => s.outbox.pending.length === 0)) return;
			await sleep(20);
		}
		for (const sender of senders)
			expect(sender.outbox.pending, `${sender.name}'s outbox`).toEqual([]);
	}

	/**
	 * Every sender keeps queueing commands at a human-ish pace while the server is killed at random
	 * moments and connections drop; returns once every outbox has drained.
	 */
	async function storm(next: (sender: Sender) => [CommandName, Record<string, unknown>]) {
		let stopped = false;
		const traffic = Promise.all(
			senders.map(async (sender) => {
				while (!stopped) {
					// A person queues a few things while offline, not hundreds.
					if (sender.outbox.pending.length < maxBacklog) {
						const [name, payload] = next(sender);
						sender.outbox.enqueue(name, payload);
					}
					await Promise.all([sender.outbox.drain(), sleep(random.int(5, 30))]);
				}
			})
		);
		for (let kill = 0; kill < killsPerStorm; kill++) {
			await sleep(random.int(20, 250));
			const connected = [
				...senders.flatMap((s) => (s.outbox.client ? [s.outbox.client] : [])),
				...watchers.map((w) => w.client)
			];
			for (let drops = random.int(0, 3); drops > 0; drops--)
				random.pick(connected).dropConnection();
			await sleep(random.int(0, 60));
			await restart();
		}
		await sleep(random.int(50, 200));
		stopped = true;
		await traffic;
		await drainAll();
	}

	function setChaos(on: boolean): void {
		for (const sender of senders) {
			sender.outbox.chaos = on ? { random, swap: 0.15, repeat: 0.15 } : null;
		}
	}

	type StoredRow = { id: string; scope: string; name: string; ack: string };

	/**
	 * Every queued command was answered, identically each time it was sent, and is stored exactly
	 * once with that answer; the session applied exactly the successful ones.
	 */
	async function expectStoredExactlyOnce(): Promise<void> {
		const stored = {
			rows: await store.rows<StoredRow>(
				'SELECT id, scope, name, ack FROM processed_commands WHERE scope LIKE ?',
				[`s:${session.sessionId}:%`]
			),
			seq: (
				await store.rows<{ seq: number }>('SELECT seq FROM sessions WHERE id = ?', [
					session.sessionId
				])
			)[0]!.seq
		};
		const byId = new Map(stored.rows.map((row) => [row.id, row]));
		for (const sender of senders) {
			const expectedIds = [...sender.outbox.queued.keys()];
			if (sender.scope.endsWith(':f')) expectedIds.push(...directIds);
			const scoped = stored.rows.filter((row) => row.scope === sender.scope).map((row) => row.id);
			// Nothing stored that was not sent, nothing sent that is not stored.
			expect(scoped.sort(), `${sender.name}: stored command ids`).toEqual(expectedIds.sort());
			for (const [id, entry] of sender.outbox.queued) {
				const answers = sender.outbox.answers.get(id) ?? [];
				expect(answers.length, `${sender.name}: ${entry.name} answered`).toBeGreaterThan(0);
				for (const again of answers.slice(1)) expect(again).toEqual(answers[0]);
				const row = byId.get(id)!;
				expect(row.name).toBe(entry.name);
				// Stored errors are untranslated; each reader gets the message in their language.
				const ack = JSON.parse(row.ack) as Ack;
				const first = answers[0]!;
				if (ack.ok || first.ok) expect(ack).toEqual(first);
				else expect(ack.error).toEqual({ code: first.error.code, params: first.error.params });
			}
		}
		// Each successful command is exactly one event (seq counts them across snapshots).
		const succeeded = stored.rows.filter((row) => (JSON.parse(row.ack) as Ack).ok).length;
		expect(stored.seq).toBe(succeeded);
	}

	/** Note ids a sender's note.add succeeded for. */
	function addedNotes(sender: Sender): string[] {
		return [...sender.outbox.queued.values()]
			.filter((e) => e.name === 'note.add' && sender.outbox.answer(e.id)?.ok)
			.map((e) => String(e.payload.noteId));
	}

	beforeAll(async () => {
		store = await engine.fresh();
		server = await startOn(store, { env: generousLimits });
		starts = 1;
		session = await createSession(server, { questions: ['What keeps people in work?'] });
		const console = await connectConsole(server, session);
		questionId = console.view!.view.currentQuestionId;
		const specs: Omit<Watcher, 'client'>[] = [];
		for (const name of ['Aino', 'Bo', 'Cecilie', 'Dagur', 'Elsa']) {
			const phone = await joinPhone(server, session.joinCode, name);
			phone.client.close();
			senders.push({
				name,
				outbox: new OutboxPhone(server, phone.token),
				personId: phone.participantId,
				scope: `s:${session.sessionId}:p:${phone.participantId}`,
				noteIds: [],
				onBehalf: {}
			});
			specs.push({ label: `${name}'s phone`, auth: { role: 'participant', token: phone.token } });
		}
		console.close();
		eirId = newId();
		await facilitate('participant.add', { participantId: eirId, name: 'Eir' });
		senders.push({
			name: 'console for Eir',
			outbox: new OutboxPhone(server, session.facilitatorToken, { role: 'facilitator' }),
			personId: eirId,
			scope: `s:${session.sessionId}:f`,
			noteIds: [],
			onBehalf: {}
		});
		specs.push(
			{ label: 'screen', auth: { role: 'screen', token: session.screenToken } },
			{ label: 'console', auth: { role: 'facilitator', token: session.facilitatorToken } }
		);
		for (const spec of specs) {
			// A reconnect attempt caught by a kill mid-handshake waits out its timeout: keep it short.
			const client = await connect(server, { auth: spec.auth, reconnect: true, timeoutMs: 2_000 });
			await client.waitForView();
			watchers.push({ ...spec, client });
		}
		await facilitate('phase.advance', { questionId, from: 'lobby' });
	});

	afterAll(async () => {
		for (const sender of senders) sender.outbox.close();
		for (const watcher of watchers) watcher.client.close();
		await server?.dispose();
		await store?.dispose();
	});

	describe(`kills at random moments (seed ${seed})`, () => {
		// Some thirteen server restarts: on a loaded two-core machine that alone can near a minute.
		it(
			'lose no answered command, apply each once, and every view converges to a fresh load',
			{
				timeout: 180_000
			},
			async () => {
				// WRITING: new notes (at most 30 each) and edits of one's own notes.
				for (const sender of senders) {
					if (sender.personId === eirId) sender.onBehalf = { authorId: eirId };
				}
				let edits = 0;
				setChaos(true);
				await storm((sender) => {
					const ids = sender.noteIds;
					if (ids.length < notesPerPerson && (ids.length === 0 || random.chance(0.6))) {
						const noteId = newId();
						ids.push(noteId);
						return [
							'note.add',
							{ questionId, noteId, text: `${sender.name} ${ids.length}`, ...sender.onBehalf }
						];
					}
					return ['note.edit', { questionId, noteId: random.pick(ids), text: `edit ${++edits}` }];
				});
				await expectStoredExactlyOnce();

				// Settle every note's text without chaos, so that the expected state is exact.
				setChaos(false);
				for (const sender of senders) {
					for (const noteId of addedNotes(sender)) {
						sender.outbox.enqueue('note.edit', { questionId, noteId, text: `final ${noteId}` });
					}
				}
				await drainAll();
				await expectStoredExactlyOnce();
				for (const [index, sender] of senders.entries()) {
					const notes = addedNotes(sender);
					expect(notes.length, `${sender.name} wrote`).toBeGreaterThan(0);
					if (index < 5) {
						const view = (await freshView(watchers[index]!.auth)).view as ParticipantView;
						const mine = view.runs[0]!.myNotes.map((n) => ({ id: n.id, text: n.text }));
						expect(mine.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
							notes
								.map((id) => ({ id, text: `final ${id}` }))
								.sort((a, b) => a.id.localeCompare(b.id))
						);
					}
				}
				// Anonymous: the console and the screen count notes without saying whose; most first.
				const written = senders.map((s) => addedNotes(s).length).sort((a, b) => b - a);
				const desk = (await freshView(watchers.at(-1)!.auth)).view as FacilitatorView;
				expect(desk.runs[0]!.notesByPerson).toEqual([]);
				expect(desk.runs[0]!.progress).toEqual(written);
				const screen = (await freshView(watchers.at(-2)!.auth)).view as ScreenView;
				expect(screen.runs[0]!.progress).toEqual(written);
				await expectConverged();

				// Every note is revealed, two headings gather a few, and the vote opens.
				await facilitate('phase.advance', { questionId, from: 'write' });
				await facilitate('phase.advance', { questionId, from: 'reveal' });
				const all = senders.flatMap(addedNotes);
				for (const [k, noteIds] of [all.slice(0, 3), all.slice(3, 6)].entries()) {
					await facilitate('cluster.create', {
						questionId,
						clusterId: newId(),
						heading: `HEADING ${k}`,
						noteIds
					});
				}
				await facilitate('phase.advance', { questionId, from: 'clarify' });
				const items = (await freshView(watchers.at(-1)!.auth)).view.runs[0]!.vote!.items.map(
					(i) => i.id
				);
				const ranking = () => random.shuffle(items).slice(0, random.int(1, 5));

				// VOTING: ballots, changed again and again.
				for (const sender of senders) {
					if (sender.personId === eirId) sender.onBehalf = { voterId: eirId };
				}
				setChaos(true);
				await storm((sender) => [
					'ballot.cast',
					{ questionId, ranking: ranking(), ...sender.onBehalf }
				]);
				await expectStoredExactlyOnce();

				// Each voter's last word, without chaos; then the results.
				setChaos(false);
				const finalBallots = new Map<string, string[]>();
				for (const sender of senders) {
					const mine = ranking();
					finalBallots.set(sender.personId, mine);
					sender.outbox.enqueue('ballot.cast', { questionId, ranking: mine, ...sender.onBehalf });
				}
				await drainAll();
				for (const [index, sender] of senders.entries()) {
					if (index >= 5) continue;
					const view = (await freshView(watchers[index]!.auth)).view as ParticipantView;
					expect(view.runs[0]!.myBallot).toEqual(finalBallots.get(sender.personId));
				}
				await facilitate('phase.advance', { questionId, from: 'vote' });
				await expectStoredExactlyOnce();
				expect(starts - 1, 'server restarts').toBeGreaterThanOrEqual(10);
				// Closed: the ballots no longer carry their voters, not even back to the voter.
				for (const watcher of watchers.slice(0, 5)) {
					const view = (await freshView(watcher.auth)).view as ParticipantView;
					expect(view.runs[0]!.myBallot).toBeNull();
				}
				// The results are the hand tally of the last ballots (Borda: first choice n points …).
				const n = Math.min(5, items.length);
				const expected = new Map(items.map((id) => [id, { points: 0, voters: 0 }]));
				for (const ballot of finalBallots.values()) {
					ballot.forEach((id, position) => {
						expected.get(id)!.points += n - position;
						expected.get(id)!.voters++;
					});
				}
				const results = ((await freshView(watchers.at(-1)!.auth)).view as FacilitatorView).runs[0]!
					.results!;
				expect(
					new Map(results.map((r) => [r.itemId, { points: r.points, voters: r.voters }]))
				).toEqual(expected);
				await expectConverged();

				// Durable: what every view shows now is exactly what a restart from disk shows (the run
				// is long enough for the state to come from a snapshot plus the events after it).
				const [snapshot] = await store.rows<{ seq: number }>(
					'SELECT seq FROM session_snapshots WHERE session_id = ?',
					[session.sessionId]
				);
				const snapshotSeq = snapshot!.seq;
				expect(snapshotSeq).toBeGreaterThan(0);
				const before = await Promise.all(watchers.map((w) => freshView(w.auth)));
				await restart();
				for (const [i, watcher] of watchers.entries()) {
					expect((await freshView(watcher.auth)).view, watcher.label).toEqual(before[i]!.view);
				}

				// Duplicates of answered commands, after the restart: the first answer again, no change.
				await Promise.all(
					senders.map(async (sender) => {
						const again = new OutboxPhone(server, sender.outbox.token, {
							role: sender.scope.endsWith(':f') ? 'facilitator' : 'participant'
						});
						expect(await again.connect()).toBe(true);
						for (const [id, entry] of sender.outbox.queued) {
							const answer = await again.client!.send(entry.name, { ...entry.payload, id });
							expect(answer, `${sender.name}: repeated ${entry.name}`).toEqual(
								sender.outbox.answer(id)
							);
						}
						again.close();
					})
				);
				await expectStoredExactlyOnce();
				await expectConverged();

				const sent = senders.reduce((sum, s) => sum + s.outbox.queued.size, 0);
				const swapped = senders.reduce((sum, s) => sum + s.outbox.swapped, 0);
				const repeated = senders.reduce((sum, s) => sum + s.outbox.repeated, 0);
				const unanswered = senders.reduce((sum, s) => sum + s.outbox.unanswered, 0);
				process.stdout.write(
					`fault injection (seed ${seed}): ${starts - 1} restarts, ${sent} commands, ` +
						`${swapped} sent out of order, ${repeated} sent twice, ${unanswered} sends lost\n`
				);
				expect(unanswered).toBeGreaterThan(0);
				expect(swapped).toBeGreaterThan(0);
				expect(repeated).toBeGreaterThan(0);
			}
		);
	});
}
