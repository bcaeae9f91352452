import { fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { readDetails } from '$lib/server/organiser-forms';
import { requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireOrganiser(event);
	return { lang: event.locals.lang };
};

export const actions: Actions = {
	save: async (event) => {
		const organiser = requireOrganiser(event);
		const values = readDetails(await event.request.formData());
		const created = await useApp().conferences.create(values, organiser.id);
		if (!created.ok) return fail(422, { values, errors: [formError(created.error)] });
		redirect(303, `/organiser/conferences/${created.value.id}`);
	}
};
