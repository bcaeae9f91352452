import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayMs, isoDay } from '$lib/domain/retention';
import { createApp, type App } from './app';
import { createOrganiser } from './auth';
import { setConferenceTie } from './db/organisers';
import { readConfig } from './config';
import { migrate, openDatabase, readMigrations } from './db/database';
import {
	applyRetention,
	deletionSchedules,
	keepForGood,
	planRetention,
	postponeDeletion,
	scheduleRetention
} from './retention';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App;
/** The fake clock the services read. */
let now = Date.parse('2026-11-23T12:00:00Z');
const created = now;

function open(env: Record<string, string> = {}): Promise<App> {
	return createApp(
		readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent', ...env }),
		root,
		{ clock: () => now }
	);
}

async function newConference(title = 'Sigtuna'): Promise<string> {
	const result = await app.conferences.create({
		title,
		subtitle: '',
		venue: '',
		startDate: '2010-05-06',
		endDate: '2010-05-06',
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'en',
		languages: ['en']
	});
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.value.id;
}

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-retention-'));
	now = created;
	app = await open({ RETENTION_DAYS: '365' });
});

afterEach(() => {
	app.db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the organiser’s deletion schedule', () => {
	it('shows the day a conference will be deleted, and warns from 14 days before', async () => {
		const id = await newConference();
		const at = async (days: number) =>
			(await deletionSchedules(app, created + days * dayMs)).get(id)!;
		expect(await at(0)).toEqual({
			deleteOn: isoDay(created + 365 * dayMs),
			kept: false,
			warn: false
		});
		expect((await at(365 - 15)).warn).toBe(false);
		expect((await at(365 - 14)).warn).toBe(true);
		expect((await planRetention(app.stores, 365, created + (365 - 1) * dayMs)).conferences).toEqual(
			[]
		);
		expect(
			(await planRetention(app.stores, 365, created + 365 * dayMs)).conferences.map((c) => c.id)
		).toEqual([id]);
	});

	it('moves with every change an organiser makes', async () => {
		const id = await newConference();
		now = created + 300 * dayMs;
		await app.conferences.saveProgrammeItem(id, null, {
			day: '2010-05-06',
			start: '09:00',
			end: '',
			title: 'Welcome',
			kind: 'plenary'
		});
		expect((await deletionSchedules(app, now)).get(id)!.deleteOn).toBe(isoDay(now + 365 * dayMs));
	});
});

describe('the schedule of automatic deletion', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs at start-up and then every six hours', async () => {
		const id = await newConference();
		const due = created + 365 * dayMs;
		const exists = async () => (await app.conferences.get(id)) !== null;
		// The server starts three hours before the conference is due: nothing goes at start-up.
		vi.useFakeTimers({
			now: due - 3 * 60 * 60 * 1000,
			toFake: ['setInterval', 'clearInterval', 'Date']
		});
		const stop = scheduleRetention(app);
		await vi.advanceTimersByTimeAsync(0);
		expect(await exists()).toBe(true);
		// Six hours later it is three hours past due: the next run deletes it.
		await vi.advanceTimersByTimeAsync(6 * 60 * 60 * 1000 - 1);
		expect(await exists()).toBe(true);
		await vi.advanceTimersByTimeAsync(1);
		await stop();
		expect(await exists()).toBe(false);
	});

	it('deletes what is already due at start-up, and a stop right away waits for that run', async () => {
		const id = await newConference();
		vi.useFakeTimers({
			now: created + 366 * dayMs,
			toFake: ['setInterval', 'clearInterval', 'Date']
		});
		const stopped = scheduleRetention(app)();
		// The database must not close under the run: the stop resolves only once it is done.
		await stopped;
		const left = app.db.prepare('SELECT count(*) AS n FROM conferences WHERE id = ?').get(id);
		expect(left).toEqual({ n: 0 });
	});
});

describe('postponing', () => {
	it('counts a whole period from today, ends the warning and the deletion', async () => {
		const id = await newConference();
		now = created + 360 * dayMs;
		expect((await deletionSchedules(app, now)).get(id)!.warn).toBe(true);
		expect(await postponeDeletion(app, id, now)).toBe(isoDay(now + 365 * dayMs));
		expect((await deletionSchedules(app, now)).get(id)).toEqual({
			deleteOn: isoDay(now + 365 * dayMs),
			kept: false,
			warn: false
		});
		expect(await applyRetention(app, created + 400 * dayMs)).toEqual({
			conferences: 0,
			sessions: 0
		});
		expect(await postponeDeletion(app, 'no-such-conference', now)).toBeNull();
	});
});

describe('keeping for good', () => {
	it('only an administrator; the conference is then never deleted, until released', async () => {
		const first = await createOrganiser(
			app.stores.organisers,
			{
				username: 'first',
				displayName: 'First',
				password: 'a long enough password',
				admin: true
			},
			created
		);
		const second = await createOrganiser(
			app.stores.organisers,
			{ username: 'second', displayName: 'Second', password: 'a long enough password' },
			created + 1
		);
		const id = await newConference();
		// The conference's own owner may not keep it for good; the administrator may.
		setConferenceTie(app.db, id, second.id, 'owner', created);
		expect(await keepForGood(app, second, id, true)).toBe('forbidden');
		expect((await deletionSchedules(app, now)).get(id)!.kept).toBe(false);
		expect(await keepForGood(app, first, id, true)).toBe('done');
		expect((await deletionSchedules(app, now)).get(id)).toEqual({
			deleteOn: null,
			kept: true,
			warn: false
		});
		expect(await applyRetention(app, created + 4000 * dayMs)).toEqual({
			conferences: 0,
			sessions: 0
		});
		expect(await keepForGood(app, first, 'no-such-conference', true)).toBe('not_found');
		expect(await keepForGood(app, first, id, false)).toBe('done');
		expect(await applyRetention(app, created + 4000 * dayMs)).toEqual({
			conferences: 1,
			sessions: 0
		});
	});
});

describe('upgrading a database from before', () => {
	it('gives conferences that were already due fourteen days, with the warning, before deleting them', async () => {
		app.db.close();
		const path = join(dir, 'older.sqlite');
		const migrations = readMigrations(join(root, 'db', 'migrations'));
		const older = openDatabase(path);
		const version = migrations.findIndex((m) => m.name.endsWith('_retention.sql'));
		migrate(older, migrations.slice(0, version));
		const longAgo = Date.now() - 800 * dayMs;
		older
			.prepare(
				`INSERT INTO conferences (id, title, language, join_code, plenum_token, created_at, updated_at)
				 VALUES ('old', 'Old', 'en', 'ABCDEF', 'plenum', ?, ?)`
			)
			.run(longAgo, longAgo);
		older.close();
		app = await createApp(readConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' }), root);
		const today = Date.now();
		expect(await applyRetention(app, today)).toEqual({ conferences: 0, sessions: 0 });
		const schedule = (await deletionSchedules(app, today)).get('old')!;
		expect(schedule.warn).toBe(true);
		expect(schedule.deleteOn! >= isoDay(today + 13 * dayMs)).toBe(true);
		expect(await applyRetention(app, today + 15 * dayMs)).toEqual({ conferences: 1, sessions: 0 });
	});
});
