import { fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { refusalStatus } from '$lib/server/organiser-commands';
import { field, readDetails } from '$lib/server/organiser-forms';
import { randomToken } from '$lib/server/tokens';
import { requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireOrganiser(event);
	// The form's id; each load makes a new one, so the same form posted twice makes one conference.
	return { lang: event.locals.lang, commandId: randomToken(18) };
};

export const actions: Actions = {
	save: async (event) => {
		const organiser = await requireOrganiser(event);
		const form = await event.request.formData();
		const values = readDetails(form);
		const commandId = field(form, 'commandId') || null;
		const created = await useApp().conferences.create(values, organiser.id, commandId);
		if (!created.ok) {
			return fail(refusalStatus(created.error), { values, errors: [formError(created.error)] });
		}
		redirect(303, `/organiser/conferences/${created.value.id}`);
	}
};
