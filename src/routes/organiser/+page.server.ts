import { redirect } from '@sveltejs/kit';
import { localeTags } from '$lib/i18n';
import { formatDateRange } from '$lib/organiser/format';
import { useApp } from '$lib/server/app';
import { countParticipants } from '$lib/server/db/participants';
import { createDemoConference } from '$lib/server/demo';
import { readableConferenceIds } from '$lib/server/conference-access';
import { requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** The conferences the signed-in organiser owns or is a co-organiser of. */
export const load: PageServerLoad = (event) => {
	const organiser = requireOrganiser(event);
	const app = useApp();
	const mine = readableConferenceIds(app.db, organiser);
	return {
		conferences: app.conferences
			.list()
			.filter((c) => mine.has(c.id))
			.map((c) => ({
				id: c.id,
				title: c.title,
				subtitle: c.subtitle,
				venue: c.venue,
				when: formatDateRange(c.startDate, c.endDate, localeTags[event.locals.lang]),
				participants: countParticipants(app.db, c.id),
				rounds: app.conferences.rounds(c.id).length
			}))
	};
};

export const actions: Actions = {
	/** A ready-made conference to look around in, in the organiser's language. */
	demo: (event) => {
		const organiser = requireOrganiser(event);
		const conference = createDemoConference(useApp(), event.locals.lang, Date.now(), organiser.id);
		redirect(303, `/organiser/conferences/${conference.id}`);
	}
};
