import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { deleteConferenceCompletely, eraseParticipant } from '$lib/server/data-protection';
import { requireConference, requireOrganiser } from '$lib/server/organiser-access';
import { conferencePermissions } from '$lib/server/conference-access';
import { deletionSchedules, postponedDay } from '$lib/server/retention';
import { retentionActions } from '$lib/server/retention-actions';
import type { Actions, PageServerLoad } from './$types';

/** The organiser's data-protection page: erase people, export their data, delete the conference. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const organiser = await requireOrganiser(event);
	const app = useApp();
	const may = await conferencePermissions(app, organiser, conference.id);
	const now = Date.now();
	const schedule = (await deletionSchedules(app, now)).get(conference.id);
	return {
		retentionDays: app.config.retentionDays,
		deleteOn: schedule?.deleteOn ?? null,
		kept: schedule?.kept ?? false,
		postponeTo: postponedDay(app, now),
		mayPostpone: may.postpone_retention,
		mayKeep: may.keep_retention,
		people: (await app.conferences.participants(conference.id)).map((p) => ({
			id: p.id,
			name: p.name,
			country: p.country
		}))
	};
};

export const actions: Actions = {
	...retentionActions,
	erase: async (event) => {
		const conference = await requireConference(event, 'erase');
		const form = await event.request.formData();
		const participantId = String(form.get('participantId') ?? '');
		const mode = form.get('mode') === 'delete' ? 'delete' : 'anonymise';
		const people = await useApp().conferences.participants(conference.id);
		const person = people.find((p) => p.id === participantId);
		if (!person || !(await eraseParticipant(useApp(), conference.id, participantId, mode))) {
			return fail(404, { erased: null });
		}
		return { erased: person.name };
	},
	deleteConference: async (event) => {
		const conference = await requireConference(event, 'delete');
		await deleteConferenceCompletely(useApp(), conference.id);
		redirect(303, '/organiser');
	}
};
