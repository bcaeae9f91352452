import { error, fail, redirect } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { conceptToInput, nameErrors } from '$lib/domain/glossary/concept-input';
import { readConceptForm, saveConcept } from '$lib/server/glossary';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

/** One concept of the glossary, to edit. */
export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const concept = (await useApp().stores.glossary.read(conference.id)).find(
		(c) => c.id === event.params.concept
	);
	if (!concept) error(404, { message: fixedT(event.locals.lang)('glossary.editor.notFound') });
	return { id: concept.id, values: conceptToInput(concept) };
};

export const actions: Actions = {
	default: async (event) => {
		const conference = await requireConference(event, 'edit');
		const app = useApp();
		const values = readConceptForm(await event.request.formData());
		const saved = await saveConcept(app, conference.id, event.params.concept, values);
		const base = `/organiser/conferences/${conference.id}/glossary`;
		if (!saved.ok) {
			// Deleted meanwhile (another organiser): back to the list, which shows what there is.
			if (saved.notFound) redirect(303, base);
			const glossary = await app.stores.glossary.read(conference.id);
			return fail(422, { values, errors: nameErrors(saved.errors, glossary, event.locals.lang) });
		}
		redirect(303, `${base}?saved=${saved.id}#concept-${saved.id}`);
	}
};
