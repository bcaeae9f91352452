import type { Browser } from '@playwright/test';
import { TestServer } from '../../integration/helpers/server';
import {
	loadWholeMemberSession,
	loadWholeSession,
	seedConference,
	writingSession,
	type ConferenceSeed,
	type LoadedFile,
	type WritingSession
} from './page-weight';

/** The app the weighing tests load pages from: the demo day seeded, a session in silent writing. */
export interface WeighedApp {
	server: TestServer;
	seed: ConferenceSeed;
	writing: WritingSession;
	dispose(): Promise<void>;
}

export async function startWeighedApp(): Promise<WeighedApp> {
	const server = new TestServer();
	const seed = await seedConference(server.databasePath);
	await server.start();
	const writing = await writingSession(server);
	return {
		server,
		seed,
		writing,
		async dispose() {
			writing.facilitator.close();
			for (const voter of writing.voters) voter.close();
			await server.dispose();
		}
	};
}

/** A phone through a whole session, on a join code and on a member's badge link. */
export async function wholePhoneSessions(
	browser: Browser,
	app: WeighedApp
): Promise<{ label: string; files: LoadedFile[] }[]> {
	return [
		{ label: '/j/<code>, joined to results', files: await loadWholeSession(browser, app.server) },
		{
			label: '/c/<token>, lobby to results',
			files: await loadWholeMemberSession(browser, app.server, app.seed, app.seed.members[2]!)
		}
	];
}
