import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { InProcessChangeBus, type Change } from './change-bus';
import { readConfig } from './config';
import { createDemoConference } from './demo';
import { setLogLevel } from './log';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App;

beforeAll(() => setLogLevel('silent'));

/** A fresh app on a database file for each test of the enclosing block. */
function withAppOnDisk(): void {
	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'samrad-bus-'));
		app = await createApp(
			readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent' }),
			root
		);
	});
	afterEach(() => {
		app.db.close();
		rmSync(dir, { recursive: true, force: true });
	});
}

describe('changes made before realtime attaches', () => {
	withAppOnDisk();

	it('reach realtime once it subscribes (the demo conference is built before)', async () => {
		// What the demo script and the tests do: build the app, change things, attach later.
		const demo = await createDemoConference(app, 'en');
		const notice = await app.conferences.setNotice(demo.id, 'Lunch is served in the hall');
		expect(notice.ok).toBe(true);

		const heard: unknown[] = [];
		app.bus.subscribe((change) => {
			heard.push(change);
		});

		expect(heard).toContainEqual({ type: 'conference', conferenceId: demo.id, what: 'structure' });
		expect(heard).toContainEqual({ type: 'conference', conferenceId: demo.id, what: 'notice' });
	});
});

describe('sessions on the bus', () => {
	withAppOnDisk();

	it('announce a committed command once, and neither a refusal nor a repeat', async () => {
		const created = await app.sessions.create({
			title: 'Workshop',
			questions: ['Hva?'],
			language: 'nb'
		});
		if (!created.ok) throw new Error(created.error.code);
		const sessionId = created.access.id;
		const heard: Change[] = [];
		app.bus.subscribe((change) => void heard.push(change));
		heard.length = 0;

		const scope = `s:${sessionId}:f`;
		const actor = { role: 'facilitator' } as const;
		const retitle = { type: 'session.retitle', title: 'Arbeidsmøte' } as const;
		expect(
			(await app.sessions.dispatch(sessionId, 'c'.repeat(16), scope, retitle, actor)).changed
		).toBe(true);
		expect(heard).toEqual([{ type: 'session', sessionId, seq: 1 }]);

		// The same command id again, then a command the core refuses: nothing to announce.
		await app.sessions.dispatch(sessionId, 'c'.repeat(16), scope, retitle, actor);
		const refused = { type: 'session.retitle', title: '' } as const;
		expect(
			(await app.sessions.dispatch(sessionId, 'd'.repeat(16), scope, refused, actor)).ack.ok
		).toBe(false);
		expect(heard).toEqual([{ type: 'session', sessionId, seq: 1 }]);
	});
});

describe('the in-process change bus', () => {
	const structure = (conferenceId: string): Change => ({
		type: 'conference',
		conferenceId,
		what: 'structure'
	});

	it('keeps an equal change once, at its latest place, until someone listens', () => {
		const bus = new InProcessChangeBus();
		bus.publish(structure('a'));
		bus.publish({ type: 'session', sessionId: 's' });
		bus.publish(structure('a'));
		const heard: Change[] = [];
		bus.subscribe((change) => void heard.push(change));
		bus.publish(structure('a'));
		expect(heard).toEqual([{ type: 'session', sessionId: 's' }, structure('a'), structure('a')]);
	});

	it('hands a later listener only what comes after it', () => {
		const bus = new InProcessChangeBus();
		bus.publish(structure('early'));
		const first: Change[] = [];
		const second: Change[] = [];
		bus.subscribe((change) => void first.push(change));
		bus.subscribe((change) => void second.push(change));
		bus.publish(structure('late'));
		expect(first).toEqual([structure('early'), structure('late')]);
		expect(second).toEqual([structure('late')]);
	});

	it('keeps changes again once the last listener has gone', () => {
		const bus = new InProcessChangeBus();
		const stop = bus.subscribe(() => {});
		stop();
		bus.publish(structure('meanwhile'));
		const heard: Change[] = [];
		bus.subscribe((change) => void heard.push(change));
		expect(heard).toEqual([structure('meanwhile')]);
	});

	it('never lets a failing listener stop the publisher or the other listeners', async () => {
		const bus = new InProcessChangeBus();
		const heard: Change[] = [];
		bus.subscribe(() => {
			throw new Error('broken view');
		});
		bus.subscribe(() => Promise.reject(new Error('broken transport')));
		bus.subscribe((change) => void heard.push(change));
		expect(() => bus.publish(structure('a'))).not.toThrow();
		// The rejected promise is handled (an unhandled one would fail the run).
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(heard).toEqual([structure('a')]);
	});

	it('publishes plain JSON, as a bus between processes would carry it', () => {
		const bus = new InProcessChangeBus();
		const heard: Change[] = [];
		bus.subscribe((change) => void heard.push(change));
		const identity: Change = {
			type: 'identity',
			conferenceId: 'c',
			participantId: 'p',
			waiting: true
		};
		bus.publish(identity);
		expect(JSON.parse(JSON.stringify(heard))).toEqual([identity]);
	});

	it('delivers nothing once closed', async () => {
		const bus = new InProcessChangeBus();
		const heard: Change[] = [];
		bus.subscribe((change) => void heard.push(change));
		await bus.close();
		bus.publish(structure('a'));
		expect(heard).toEqual([]);
	});
});
