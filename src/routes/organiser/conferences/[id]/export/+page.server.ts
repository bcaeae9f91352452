import { glossaryPlacements } from '$lib/domain/report/model';
import { useApp } from '$lib/server/app';
import { requireConference } from '$lib/server/organiser-access';
import { exportFormats } from '$lib/server/report/export';
import { chromiumAvailable } from '$lib/server/report/pdf';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'export');
	const app = useApp();
	const rounds = await app.conferences.rounds(conference.id);
	return {
		reportLanguage: conference.language,
		formats: exportFormats,
		glossaryPlacements,
		pdfAvailable: await chromiumAvailable(),
		// Reports are dated in this zone unless the browser says it is elsewhere.
		serverTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '',
		counts: {
			participants: (await app.conferences.participants(conference.id)).length,
			groups: (await app.conferences.state(conference.id))?.groups.length ?? 0,
			rounds: rounds.length
		}
	};
};
