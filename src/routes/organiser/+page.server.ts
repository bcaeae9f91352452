import { redirect } from '@sveltejs/kit';
import { localeTags } from '$lib/i18n';
import { formatDateRange } from '$lib/organiser/format';
import { useApp } from '$lib/server/app';
import { countParticipants } from '$lib/server/db/participants';
import { createDemoConference } from '$lib/server/demo';
import { requireOrganiser } from '$lib/server/organiser-access';
import { deletionSchedules, mayKeepForGood, postponedDay } from '$lib/server/retention';
import { retentionActions } from '$lib/server/retention-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const organiser = requireOrganiser(event);
	const app = useApp();
	const now = Date.now();
	const schedules = deletionSchedules(app, now);
	return {
		conferences: app.conferences.list().map((c) => ({
			id: c.id,
			title: c.title,
			subtitle: c.subtitle,
			venue: c.venue,
			when: formatDateRange(c.startDate, c.endDate, localeTags[event.locals.lang]),
			participants: countParticipants(app.db, c.id),
			rounds: app.conferences.rounds(c.id).length,
			deletion: schedules.get(c.id) ?? { deleteOn: null, kept: false, warn: false }
		})),
		retention: {
			days: app.config.retentionDays,
			postponeTo: postponedDay(app, now),
			mayKeep: mayKeepForGood(app, organiser)
		}
	};
};

export const actions: Actions = {
	...retentionActions,
	/** A ready-made conference to look around in, in the organiser's language. */
	demo: (event) => {
		requireOrganiser(event);
		const conference = createDemoConference(useApp(), event.locals.lang);
		redirect(303, `/organiser/conferences/${conference.id}`);
	}
};
