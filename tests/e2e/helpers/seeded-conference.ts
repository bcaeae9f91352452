import { test, type BrowserContext } from '@playwright/test';
import { seedConference, type SeededConference } from '../../integration/helpers/conference';
import { TestServer } from '../../integration/helpers/server';

/** A file's own server on a seeded conference, and the browser contexts to close after it. */
export interface SeededConferenceServer {
	readonly server: TestServer;
	readonly seed: SeededConference;
	readonly contexts: BrowserContext[];
}

/**
 * Starts a server on a freshly seeded conference before the file's tests (one per worker) and
 * stops it, with every context pushed to `contexts`, after them. Read the fields inside tests.
 */
export function useSeededConference(): SeededConferenceServer {
	let server: TestServer | undefined;
	let seed: SeededConference | undefined;
	const contexts: BrowserContext[] = [];
	test.beforeAll(async () => {
		server = new TestServer();
		seed = await seedConference(server.databasePath);
		await server.start();
	});
	test.afterAll(async () => {
		for (const context of contexts) await context.close();
		await server?.dispose();
	});
	const started = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('the seeded conference server has not started');
		return value;
	};
	return {
		get server() {
			return started(server);
		},
		get seed() {
			return started(seed);
		},
		contexts
	};
}
