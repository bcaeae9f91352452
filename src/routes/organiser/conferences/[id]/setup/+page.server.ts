import { fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { readDetails } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const c = requireConference(event, 'read');
	return {
		details: {
			title: c.title,
			subtitle: c.subtitle,
			venue: c.venue,
			startDate: c.startDate,
			endDate: c.endDate,
			about: c.about,
			introduction: c.introduction,
			organisation: c.organisation,
			author: c.author,
			introductionBy: c.introductionBy,
			language: c.language,
			languages: c.languages as string[]
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const conference = requireConference(event, 'edit');
		const values = readDetails(await event.request.formData());
		const saved = useApp().conferences.updateDetails(conference.id, values);
		if (!saved.ok) return fail(422, { values, errors: [formError(saved.error)] });
		return { saved: true };
	},
	delete: (event) => {
		const conference = requireConference(event, 'delete');
		useApp().conferences.delete(conference.id);
		redirect(303, '/organiser');
	}
};
