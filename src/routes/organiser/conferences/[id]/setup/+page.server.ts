import { fail, redirect } from '@sveltejs/kit';
import { detailsOf } from '$lib/domain/conference/types';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { useApp } from '$lib/server/app';
import { readDetails } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const c = await requireConference(event, 'read');
	return { details: detailsOf(c) };
};

export const actions: Actions = {
	save: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const values = readDetails(form);
		const saved = await sendFromForm(event, conference.id, form, {
			type: 'conference.edit',
			details: values
		});
		if (!saved.ok)
			return fail(refusalStatus(saved.error), { values, errors: [formError(saved.error)] });
		return { saved: true };
	},
	delete: async (event) => {
		const conference = await requireConference(event, 'delete');
		await useApp().conferences.delete(conference.id);
		redirect(303, '/organiser');
	}
};
