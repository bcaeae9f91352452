import { redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { deleteConcept } from '$lib/server/glossary';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** The conference's glossary: every concept with its terms per language. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const params = event.url.searchParams;
	const imported = Number(params.get('imported'));
	return {
		concepts: await useApp().stores.glossary.read(conference.id),
		saved: params.get('saved'),
		deleted: params.get('deleted'),
		imported: Number.isInteger(imported) && imported > 0 ? imported : null
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const name = String(form.get('name') ?? '').slice(0, 100);
		const base = `/organiser/conferences/${conference.id}/glossary`;
		if (!(await deleteConcept(useApp(), conference.id, id))) redirect(303, base);
		redirect(303, `${base}?deleted=${encodeURIComponent(name || id)}`);
	}
};
