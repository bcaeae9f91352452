import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { createDemoConference } from './demo';
import { setLogLevel } from './log';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;
let app: App;

beforeAll(() => setLogLevel('silent'));

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'samrad-bus-'));
	app = createApp(
		readConfig({ DATABASE_PATH: join(dir, 'samrad.sqlite'), LOG_LEVEL: 'silent' }),
		root
	);
});

afterEach(() => {
	app.db.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('changes made before realtime attaches', () => {
	it('reach realtime once it subscribes (the demo conference is built before)', () => {
		// What the demo script and the tests do: build the app, change things, attach later.
		const demo = createDemoConference(app, 'en');
		const notice = app.conferences.setNotice(demo.id, 'Lunch is served in the hall');
		expect(notice.ok).toBe(true);

		const heard: unknown[] = [];
		app.bus.subscribe((change) => {
			heard.push(change);
		});

		expect(heard).toContainEqual({ type: 'conference', conferenceId: demo.id, what: 'structure' });
		expect(heard).toContainEqual({ type: 'conference', conferenceId: demo.id, what: 'notice' });
	});
});
