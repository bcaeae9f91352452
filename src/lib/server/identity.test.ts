import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app';
import { readConfig } from './config';
import { hashDevice } from './devices';
import { openBadge } from './identity';
import { conferenceDetails } from '$lib/testing/conference-details';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let app: App;

beforeEach(async () => {
	app = await createApp(readConfig({ DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' }), root);
});

afterEach(() => app.db.close());

describe('a badge link opened on one device', () => {
	it('binds the device once when its page and its socket open the badge at once', async () => {
		const created = await app.conferences.create(conferenceDetails());
		if (!created.ok) throw new Error(created.error.code);
		const fields = {
			name: 'Gudrun Åsheim',
			country: 'NO',
			role: 'employer',
			organisation: 'Bakeriet',
			language: 'nb' as const,
			coordinator: false
		};
		const added = await app.conferences.saveParticipant(created.value.id, null, fields);
		if (!added.ok) throw new Error(added.error.code);
		const device = hashDevice('d'.repeat(32));

		const [first, second] = await Promise.all([
			openBadge(app, added.value, device, 'Mozilla/5.0 (iPhone)'),
			openBadge(app, added.value, device, 'Mozilla/5.0 (iPhone)')
		]);

		expect(second).toBe(first);
		expect(await app.stores.deviceBindings.listOf(added.value.id)).toHaveLength(1);
	});
});
