import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { archiveJson } from '$lib/domain/archive/schema';
import { createApp, type App } from './app';
import { exportConference, importArchive } from './archive';
import { readConfig } from './config';
import { listConferences } from './db/conferences';
import { listSessionIds } from './db/sessions';
import { setLogLevel } from './log';
import { conferenceDetails } from '$lib/testing/conference-details';

// The dice are loaded, not the answer: every code drawn is one a session already holds.
const dice = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('./tokens', async (importOriginal) => {
	const real = await importOriginal<typeof import('./tokens')>();
	return { ...real, randomJoinCode: () => dice.code ?? real.randomJoinCode() };
});

const root = fileURLToPath(new URL('../../..', import.meta.url));
let app: App;

const details = conferenceDetails({ languages: ['nb', 'sv'] });

/** What a refusal to hand out a code threw; fails the test when nothing was thrown. */
async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
	try {
		await action();
	} catch (error) {
		return error;
	}
	throw new Error('handed out a code that was taken');
}

beforeAll(() => setLogLevel('silent'));

beforeEach(async () => {
	dice.code = null;
	app = await createApp(readConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), root);
});

afterEach(() => app.db.close());

describe('join code allocation when every code drawn is taken', () => {
	it('refuses with a typed error everywhere a code is handed out, and creates nothing', async () => {
		const session = await app.sessions.create({
			title: 'Verksted',
			questions: ['Hva?'],
			language: 'nb'
		});
		const conference = await app.conferences.create(details);
		if (!session.ok || !conference.ok) throw new Error('setup');
		const archive = archiveJson((await exportConference(app, conference.value.id))!);
		const sessionsBefore = listSessionIds(app.db).length;
		dice.code = session.access.joinCode;

		for (const refused of [
			await thrownBy(() => app.conferences.create(details)),
			await thrownBy(() =>
				app.sessions.create({ title: 'Neste', questions: ['Hva nå?'], language: 'nb' })
			),
			await thrownBy(() => importArchive(app, archive, null))
		]) {
			expect(refused).toMatchObject({ name: 'JoinCodesExhausted', code: 'join_codes_exhausted' });
		}
		expect(listConferences(app.db)).toHaveLength(1);
		expect(listSessionIds(app.db)).toHaveLength(sessionsBefore);
	});
});
