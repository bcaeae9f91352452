import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { deleteConferenceCompletely, eraseParticipant } from '$lib/server/data-protection';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** The organiser's data-protection page: erase people, export their data, delete the conference. */
export const load: PageServerLoad = (event) => {
	const conference = requireConference(event, 'read');
	const app = useApp();
	const days = app.config.retentionDays;
	const end = conference.endDate || conference.startDate;
	const deleteOn =
		days === null
			? null
			: new Date(
					(end ? Date.parse(`${end}T00:00:00Z`) : conference.createdAt) + (days + 1) * 86_400_000
				)
					.toISOString()
					.slice(0, 10);
	return {
		retentionDays: days,
		deleteOn,
		people: app.conferences
			.participants(conference.id)
			.map((p) => ({ id: p.id, name: p.name, country: p.country }))
	};
};

export const actions: Actions = {
	erase: async (event) => {
		const conference = requireConference(event, 'erase');
		const form = await event.request.formData();
		const participantId = String(form.get('participantId') ?? '');
		const mode = form.get('mode') === 'delete' ? 'delete' : 'anonymise';
		const person = useApp()
			.conferences.participants(conference.id)
			.find((p) => p.id === participantId);
		if (!person || !eraseParticipant(useApp(), conference.id, participantId, mode)) {
			return fail(404, { erased: null });
		}
		return { erased: person.name };
	},
	deleteConference: async (event) => {
		const conference = requireConference(event, 'delete');
		deleteConferenceCompletely(useApp(), conference.id);
		redirect(303, '/organiser');
	}
};
