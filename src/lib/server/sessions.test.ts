import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
