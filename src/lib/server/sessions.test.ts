import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionCommand } from '$lib/domain/session/commands';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { setLogLevel } from './log';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const facilitator = { role: 'facilitator' } as const;
let dir: string;
let databasePath: string;
const apps: App[] = [];

beforeAll(() => setLogLevel('silent'));

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-sessions-'));
	databasePath = join(dir, 'samrad.sqlite');
});

afterEach(() => {
	for (const app of apps.splice(0)) app.db.close();
	rmSync(dir, { recursive: true, force: true });
});

/** An app on this test's database file; a second one is another process on the same file. */
async function openApp(): Promise<App> {
	const app = await createApp(
		readConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' }),
		root
	);
	apps.push(app);
	return app;
}

async function newSession(app: App): Promise<string> {
	const created = await app.sessions.create({
		title: 'Verksted',
		questions: ['Hva hindrer?'],
		language: 'nb'
	});
	if (!created.ok) throw new Error(created.error.code);
	return created.access.id;
}

const addQuestion = (questionId: string, text: string): SessionCommand => ({
	type: 'question.add',
	questionId,
	text
});

/** The event numbers stored for a session, in order. */
function storedSeqs(app: App, sessionId: string): number[] {
	return (
		app.db
			.prepare('SELECT seq FROM session_events WHERE session_id = ? ORDER BY seq')
			.all(sessionId) as { seq: number }[]
	).map((row) => row.seq);
}

describe('commands on one session at once', () => {
	it('are both answered, stored as events 1 and 2, and both held in the state', async () => {
		const app = await openApp();
		const sessionId = await newSession(app);
		const scope = `s:${sessionId}:f`;

		// The second is sent before the first is answered.
		const first = app.sessions.dispatch(
			sessionId,
			'a'.repeat(16),
			scope,
			addQuestion('q'.repeat(16), 'Hva hjelper?'),
			facilitator
		);
		const second = app.sessions.dispatch(
			sessionId,
			'b'.repeat(16),
			scope,
			addQuestion('r'.repeat(16), 'Hva nå?'),
			facilitator
		);
		const answers = await Promise.all([first, second]);

		expect(answers.map((a) => a.ack.ok)).toEqual([true, true]);
		expect(storedSeqs(app, sessionId)).toEqual([1, 2]);
		const texts = (await app.sessions.get(sessionId))!.state.questions.map((q) => q.text);
		expect(texts).toEqual(['Hva hindrer?', 'Hva hjelper?', 'Hva nå?']);
	});
});

describe('two processes on one database', () => {
	it('decide again on fresh state when the other appended first, and lose neither command', async () => {
		const one = await openApp();
		const other = await openApp();
		const sessionId = await newSession(one);
		const scope = `s:${sessionId}:f`;
		// Both hold the session in memory at event 0.
		expect((await other.sessions.get(sessionId))!.seq).toBe(0);

		const here = await one.sessions.dispatch(
			sessionId,
			'a'.repeat(16),
			scope,
			addQuestion('q'.repeat(16), 'Hva hjelper?'),
			facilitator
		);
		const there = await other.sessions.dispatch(
			sessionId,
			'b'.repeat(16),
			scope,
			addQuestion('r'.repeat(16), 'Hva nå?'),
			facilitator
		);

		expect([here.ack.ok, there.ack.ok]).toEqual([true, true]);
		expect(storedSeqs(one, sessionId)).toEqual([1, 2]);
		const texts = (await other.sessions.get(sessionId))!.state.questions.map((q) => q.text);
		expect(texts).toEqual(['Hva hindrer?', 'Hva hjelper?', 'Hva nå?']);
		expect((await other.sessions.get(sessionId))!.seq).toBe(2);
	});

	it('answers a command the other process already ran with its first answer', async () => {
		const one = await openApp();
		const other = await openApp();
		const sessionId = await newSession(one);
		const scope = `s:${sessionId}:f`;
		expect((await other.sessions.get(sessionId))!.seq).toBe(0);
		const command = addQuestion('q'.repeat(16), 'Hva hjelper?');

		const first = await one.sessions.dispatch(
			sessionId,
			'a'.repeat(16),
			scope,
			command,
			facilitator
		);
		const repeat = await other.sessions.dispatch(
			sessionId,
			'a'.repeat(16),
			scope,
			command,
			facilitator
		);

		expect(repeat).toEqual({ ack: first.ack, changed: false });
		expect(storedSeqs(one, sessionId)).toEqual([1]);
	});
});

/** Which of the database's files (file, WAL) still hold this text. */
function filesHolding(text: string): string[] {
	const needle = Buffer.from(text, 'utf8');
	return ['', '-wal'].filter((suffix) => {
		try {
			return readFileSync(`${databasePath}${suffix}`).includes(needle);
		} catch {
			return false;
		}
	});
}

describe('commands that remove something, in many sessions at once', () => {
	it('are each answered once what they removed is gone from the files, with one erasure for the burst', async () => {
		const app = await openApp();
		const groups = 30;
		const people: { sessionId: string; participantId: string; oldName: string }[] = [];
		for (let i = 0; i < groups; i++) {
			const sessionId = await newSession(app);
			const participantId = `p${String(i).padStart(15, '0')}`;
			const oldName = `Navn som skal bort ${i} ${sessionId}`;
			const added = await app.sessions.dispatch(
				sessionId,
				`a${String(i).padStart(15, '0')}`,
				`s:${sessionId}:f`,
				{ type: 'participant.add', participantId, name: oldName },
				facilitator
			);
			expect(added.ack.ok).toBe(true);
			people.push({ sessionId, participantId, oldName });
		}
		// Counts the erasures of the real store (a WAL truncation each), passing every call on.
		let erasures = 0;
		const erase = app.stores.erase.bind(app.stores);
		app.stores.erase = () => {
			erasures++;
			return erase();
		};

		// A room renames everyone at once: each rename must erase the old name before its answer.
		const answered = await Promise.all(
			people.map(({ sessionId, participantId, oldName }, i) =>
				app.sessions
					.dispatch(
						sessionId,
						`r${String(i).padStart(15, '0')}`,
						`s:${sessionId}:f`,
						{ type: 'participant.rename', participantId, name: `Nytt navn ${i}` },
						facilitator
					)
					.then((outcome) => ({ ok: outcome.ack.ok, holding: filesHolding(oldName) }))
			)
		);

		expect(answered).toEqual(people.map(() => ({ ok: true, holding: [] })));
		expect(erasures).toBe(1);
	});
});

describe('a crash between a command and the snapshot it makes due', () => {
	it('loses nothing answered: the events hold it until the snapshot is written', async () => {
		const app = await openApp();
		const sessionId = await newSession(app);
		const retitle = (n: number) =>
			app.sessions.dispatch(
				sessionId,
				`t${String(n).padStart(15, '0')}`,
				`s:${sessionId}:f`,
				{ type: 'session.retitle', title: `Verksted ${n}` },
				facilitator
			);
		for (let n = 1; n < 200; n++) expect((await retitle(n)).ack.ok).toBe(true);
		// The 200th makes a snapshot due; the files are copied the moment its answer is out, as
		// a SIGKILL then would leave them.
		const crashed = join(dir, 'crashed.sqlite');
		const answer = await retitle(200).then((outcome) => {
			copyFileSync(databasePath, crashed);
			copyFileSync(`${databasePath}-wal`, `${crashed}-wal`);
			return outcome;
		});
		expect(answer.ack.ok).toBe(true);

		const onDisk = (path: string) => {
			const db = new Database(path, { readonly: true });
			try {
				return {
					snapshotSeq: db
						.prepare('SELECT seq FROM session_snapshots WHERE session_id = ?')
						.pluck()
						.get(sessionId),
					events: db
						.prepare('SELECT count(*) FROM session_events WHERE session_id = ?')
						.pluck()
						.get(sessionId)
				};
			} finally {
				db.close();
			}
		};
		// The crash came in the window: answered, and not yet in a snapshot.
		expect(onDisk(crashed)).toEqual({ snapshotSeq: 0, events: 200 });
		const restarted = await createApp(
			readConfig({ DATABASE_PATH: crashed, LOG_LEVEL: 'silent' }),
			root
		);
		apps.push(restarted);
		const loaded = await restarted.sessions.get(sessionId);
		expect({ seq: loaded?.seq, title: loaded?.state.title }).toEqual({
			seq: 200,
			title: 'Verksted 200'
		});

		// Without the crash, the snapshot follows the answer and takes the events' place.
		await vi.waitFor(() => expect(onDisk(databasePath)).toEqual({ snapshotSeq: 200, events: 0 }));
	});
});
