import { fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { field, readProgrammeItem } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const conference = requireConference(event);
	const items = useApp().conferences.programme(conference.id);
	const editId = event.url.searchParams.get('edit');
	return {
		items,
		editing: items.find((i) => i.id === editId) ?? null,
		defaultDay: items.at(-1)?.day ?? conference.startDate
	};
};

export const actions: Actions = {
	save: async (event) => {
		const conference = requireConference(event);
		const form = await event.request.formData();
		const id = field(form, 'id') || null;
		const values = readProgrammeItem(form);
		const saved = useApp().conferences.saveProgrammeItem(conference.id, id, values);
		if (!saved.ok) return fail(422, { id, values, errors: [formError(saved.error)] });
		// Editing ends on the list; adding stays ready for the next item.
		if (id) redirect(303, `/organiser/conferences/${conference.id}/programme`);
		return { added: saved.value.title, day: saved.value.day };
	},
	delete: async (event) => {
		const conference = requireConference(event);
		const id = field(await event.request.formData(), 'id');
		useApp().conferences.deleteProgrammeItem(conference.id, id);
		redirect(303, `/organiser/conferences/${conference.id}/programme`);
	}
};
