import { redirect } from '@sveltejs/kit';
import { localeTags } from '$lib/i18n';
import { formatDateRange } from '$lib/organiser/format';
import { useApp } from '$lib/server/app';
import { createDemoConference } from '$lib/server/demo';
import { conferencePermissions, readableConferenceIds } from '$lib/server/conference-access';
import { requireOrganiser } from '$lib/server/organiser-access';
import { deletionSchedules, postponedDay } from '$lib/server/retention';
import { retentionActions } from '$lib/server/retention-actions';
import type { Actions, PageServerLoad } from './$types';

/** The conferences the signed-in organiser owns or is a co-organiser of. */
export const load: PageServerLoad = async (event) => {
	const organiser = await requireOrganiser(event);
	const app = useApp();
	const now = Date.now();
	const schedules = await deletionSchedules(app, now);
	const noSchedule = { deleteOn: null, kept: false, warn: false };
	const mine = await readableConferenceIds(app, organiser);
	const all = await app.conferences.list();
	const rightsOf = new Map<string, { mayPostpone: boolean; mayKeep: boolean }>();
	for (const { id } of all) {
		const may = await conferencePermissions(app, organiser, id);
		rightsOf.set(id, { mayPostpone: may.postpone_retention, mayKeep: may.keep_retention });
	}
	const rights = (id: string) => rightsOf.get(id)!;
	const counts = new Map<string, { participants: number; rounds: number }>();
	for (const c of all) {
		if (!mine.has(c.id)) continue;
		const participants = (await app.conferences.participants(c.id)).length;
		counts.set(c.id, { participants, rounds: (await app.conferences.rounds(c.id)).length });
	}
	return {
		conferences: all
			.filter((c) => mine.has(c.id))
			.map((c) => ({
				id: c.id,
				title: c.title,
				subtitle: c.subtitle,
				venue: c.venue,
				when: formatDateRange(c.startDate, c.endDate, localeTags[event.locals.lang]),
				...counts.get(c.id)!,
				deletion: schedules.get(c.id) ?? noSchedule,
				...rights(c.id)
			})),
		// Deletions due soon: of one's own conferences, and for an administrator (who decides on
		// keeping for good) of every conference, by title and date only.
		warnings: all
			.filter((c) => schedules.get(c.id)?.warn && (mine.has(c.id) || organiser.admin))
			.map((c) => ({
				id: c.id,
				title: c.title,
				deletion: schedules.get(c.id) ?? noSchedule,
				...rights(c.id)
			})),
		retention: { days: app.config.retentionDays, postponeTo: postponedDay(app, now) }
	};
};

export const actions: Actions = {
	...retentionActions,
	/** A ready-made conference to look around in, in the organiser's language. */
	demo: async (event) => {
		const organiser = await requireOrganiser(event);
		const conference = await createDemoConference(
			useApp(),
			event.locals.lang,
			Date.now(),
			organiser.id
		);
		redirect(303, `/organiser/conferences/${conference.id}`);
	}
};
