import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { setLogLevel } from './log';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App | null = null;

beforeAll(() => setLogLevel('silent'));

afterEach(() => {
	app?.db.close();
	app = null;
	rmSync(dir, { recursive: true, force: true });
});

describe('createApp', () => {
	it('hands every service the clock it is given, with nothing patched in afterwards', async () => {
		dir = mkdtempSync(join(tmpdir(), 'samrad-app-'));
		const at = Date.parse('2030-01-02T03:04:05Z');
		app = await createApp(
			readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent' }),
			root,
			{ clock: () => at }
		);
		expect(app.startedAt).toBe(at);

		const conference = await app.conferences.create({
			title: 'Sigtuna',
			subtitle: '',
			venue: '',
			startDate: '2030-05-06',
			endDate: '2030-05-06',
			about: '',
			introduction: '',
			organisation: '',
			author: '',
			introductionBy: '',
			language: 'sv',
			languages: ['sv']
		});
		if (!conference.ok) throw new Error(conference.error.code);
		expect(conference.value.createdAt).toBe(at);
		expect((await app.conferences.setNotice(conference.value.id, 'Fika i matsalen')).ok).toBe(true);
		expect((await app.conferences.get(conference.value.id))?.noticeAt).toBe(at);

		const session = await app.sessions.create({
			title: 'Workshop',
			questions: ['Vad?'],
			language: 'sv'
		});
		if (!session.ok) throw new Error(session.error.code);
		expect((await app.sessions.get(session.access.id))?.state.createdAt).toBe(at);
	});
});
