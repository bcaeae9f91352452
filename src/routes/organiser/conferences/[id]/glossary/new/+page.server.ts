import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { emptyConceptInput, nameErrors } from '$lib/domain/glossary/concept-input';
import { readConceptForm, saveConcept } from '$lib/server/glossary';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** A new concept for the conference's glossary. */
export const load: PageServerLoad = async (event) => {
	await requireConference(event, 'read');
	return { values: emptyConceptInput() };
};

export const actions: Actions = {
	default: async (event) => {
		const conference = await requireConference(event, 'edit');
		const app = useApp();
		const values = readConceptForm(await event.request.formData());
		const saved = await saveConcept(app, conference.id, null, values);
		if (!saved.ok) {
			const glossary = await app.stores.glossary.read(conference.id);
			return fail(422, { values, errors: nameErrors(saved.errors, glossary, event.locals.lang) });
		}
		redirect(
			303,
			`/organiser/conferences/${conference.id}/glossary?saved=${saved.id}#concept-${saved.id}`
		);
	}
};
