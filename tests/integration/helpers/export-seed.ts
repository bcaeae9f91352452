/** A conference after the day, written to a server's database before it starts. */
import { setLogLevel } from '$lib/server/log';
import { seedPlayedDemo } from '$lib/server/report/test-conference';
import { firstAccount, withApp } from './conference';

export interface ExportSeed {
	/** The played demo conference; null when only an organiser was made. */
	conferenceId: string | null;
	title: string;
	/** Cookie header value that signs the organiser in. */
	organiserCookie: string;
}

/**
 * An organiser with a signed-in browser and, unless `empty`, the demo conference with both
 * rounds played through every group's session (notes, headings, ballots, reflections), the
 * last group still voting, and plenum summaries.
 */
export async function seedExport(
	databasePath: string,
	{ empty = false, openVote = true } = {}
): Promise<ExportSeed> {
	// Seeding is not what the test is about: keep its log lines out of the output.
	setLogLevel('warn');
	return withApp(databasePath, async (app) => {
		const conference = empty ? null : await seedPlayedDemo(app, { openVote });
		const organiser = await firstAccount(app, conference?.id);
		return {
			conferenceId: conference?.id ?? null,
			title: conference?.title ?? '',
			organiserCookie: organiser.cookie
		};
	});
}
