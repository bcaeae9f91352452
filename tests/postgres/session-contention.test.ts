/**
 * One busy session written by three processes at once (three whole apps on one database, no
 * Redis: none hears of the others' appends before it writes). Every command must be acked, none
 * answered "unavailable" and none stored twice, and the session's events must be gapless.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { openPostgres } from '$lib/server/db/postgres/pool';
import { seedSession } from '$lib/server/db/store-contract';
import type { SessionCommand } from '$lib/domain/session/commands';
import { freshDatabase } from './databases';

const root = fileURLToPath(new URL('../..', import.meta.url));

let database: Awaited<ReturnType<typeof freshDatabase>>;
let apps: ServerApp[] = [];

beforeAll(async () => {
	database = await freshDatabase();
	const config = readConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
	for (let i = 0; i < 3; i++)
		apps.push(await createPostgresApp({ ...config, databaseUrl: database.url }, root));
});

afterAll(async () => {
	await Promise.all(apps.map((app) => app.storage.close()));
	apps = [];
	await database.drop();
});

async function rows<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
	const pool = await openPostgres(database.url, 1);
	try {
		return (await pool.query(sql, params)).rows as Row[];
	} finally {
		await pool.end();
	}
}

describe('one session written by three processes at once', () => {
	it('acks every command once, answers none "unavailable", and keeps the sequence gapless', async () => {
		const access = await seedSession(apps[0]!.stores, 'contended');
		// Every process has the session in memory at seq 0, as after a first view.
		for (const app of apps) expect(await app.sessions.get(access.id)).not.toBeNull();
		// 75 people: within the 80 a session admits.
		const perProcess = 25;
		const joinAs = (i: number): SessionCommand => ({
			type: 'participant.join',
			participantId: `p${i}`,
			name: `Person ${i}`
		});
		const sent: Promise<unknown>[] = [];
		const answers: { id: string; ok: boolean; error?: string; ack?: string }[] = [];
		for (let i = 0; i < perProcess * apps.length; i++) {
			const app = apps[i % apps.length]!;
			const commandId = `join-${i}`;
			const send = (target: ServerApp) =>
				target.sessions
					.dispatch(access.id, commandId, `s:${access.id}:join:d${i}`, joinAs(i), { role: 'guest' })
					.then(
						(outcome) =>
							answers.push({
								id: commandId,
								ok: outcome.ack.ok,
								error: outcome.ack.ok ? undefined : outcome.ack.error.code,
								ack: JSON.stringify(outcome.ack)
							}),
						(error: Error) => answers.push({ id: commandId, ok: false, error: error.name })
					);
			sent.push(send(app));
			// Every fifth command is sent again to the next process at once, as a phone that
			// reconnected elsewhere replays it: the same answer, stored once.
			if (i % 5 === 0) sent.push(send(apps[(i + 1) % apps.length]!));
		}
		await Promise.all(sent);
		const total = perProcess * apps.length;
		expect(answers.filter((a) => !a.ok)).toEqual([]);
		expect(answers).toHaveLength(total + total / 5);
		// A command sent to two processes got one answer, twice.
		const acks = new Map<string, Set<string | undefined>>();
		for (const a of answers) acks.set(a.id, (acks.get(a.id) ?? new Set()).add(a.ack));
		expect([...acks.values()].filter((set) => set.size > 1)).toEqual([]);
		const events = await rows<{ seq: number; event: string }>(
			'SELECT seq, event FROM session_events WHERE session_id = $1 ORDER BY seq',
			[access.id]
		);
		expect(events.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
		const joined = events.map(
			(e) => (JSON.parse(e.event) as { command: { participantId: string } }).command.participantId
		);
		expect(new Set(joined).size).toBe(total);
		const [session] = await rows<{ seq: number }>('SELECT seq FROM sessions WHERE id = $1', [
			access.id
		]);
		expect(session!.seq).toBe(total);
		// Each process, reading the session again, sees every person once.
		for (const app of apps) {
			app.sessions.evict(access.id);
			const state = (await app.sessions.get(access.id))!.state;
			expect(state.participants).toHaveLength(total);
		}
	});

	it('decides on what another process wrote after its own copy, past a snapshot too', async () => {
		const [a, b] = [apps[0]!, apps[1]!];
		const created = await a.sessions.create({
			title: 'Gruppe 2',
			questions: ['Hva nå?'],
			language: 'nb'
		});
		if (!created.ok) throw new Error(created.error.code);
		const { access } = created;
		expect(await a.sessions.get(access.id)).not.toBeNull();
		expect(await b.sessions.get(access.id)).not.toBeNull();
		const facilitator = { role: 'facilitator' } as const;
		const scope = `s:${access.id}:f`;
		const run = (app: ServerApp, id: string, command: SessionCommand) =>
			app.sessions.dispatch(access.id, id, scope, command, facilitator);
		// b starts the writing and adds two notes, then deletes one: a deletion writes a snapshot
		// and drops the events before it, so a's copy (seq 0) cannot catch up from events alone.
		const questionId = a.sessions.loaded(access.id)?.state.questions[0]?.id ?? '';
		const start: SessionCommand = { type: 'phase.advance', questionId, from: 'lobby' };
		expect((await run(b, 'c1', start)).ack.ok).toBe(true);
		const add = (noteId: string, text: string) =>
			({ type: 'note.add', questionId, noteId, text, forGroup: true }) satisfies SessionCommand;
		expect((await run(b, 'c2', add('n1', 'Første'))).ack.ok).toBe(true);
		expect((await run(b, 'c3', add('n2', 'Andre'))).ack.ok).toBe(true);
		const remove: SessionCommand = { type: 'note.delete', questionId, noteId: 'n1' };
		expect((await run(b, 'c4', remove)).ack.ok).toBe(true);
		expect(a.sessions.loaded(access.id)!.seq).toBe(0);
		// a edits the note b added: only on b's state is that note there.
		const edit = await run(a, 'c5', {
			type: 'note.edit',
			questionId,
			noteId: 'n2',
			text: 'Andre, rettet'
		});
		expect(edit.ack).toMatchObject({ ok: true });
		const notes = a.sessions.loaded(access.id)!.state.questions[0]!.notes;
		expect(notes.map((n) => [n.id, n.text])).toEqual([['n2', 'Andre, rettet']]);
		expect(a.sessions.loaded(access.id)!.seq).toBe(5);
	});
});
