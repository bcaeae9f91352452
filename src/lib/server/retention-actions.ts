import { fail, type RequestEvent } from '@sveltejs/kit';
import type { RetentionOutcome } from '$lib/organiser/retention';
import { useApp } from './app';
import { mayOnConference } from './conference-access';
import { requireOrganiser } from './organiser-access';
import { field } from './organiser-forms';
import { keepForGood, postponeDeletion } from './retention';

function refused(status: number, error: 'forbidden' | 'notFound' | 'off') {
	const outcome: RetentionOutcome = { error };
	return fail(status, { retention: outcome });
}

async function conferenceOf(event: RequestEvent) {
	const organiser = await requireOrganiser(event);
	const id = field(await event.request.formData(), 'conferenceId');
	return { organiser, conference: await useApp().stores.conferences.find(id) };
}

async function keep(event: RequestEvent, kept: boolean) {
	const { organiser, conference } = await conferenceOf(event);
	if (!conference) return refused(404, 'notFound');
	const result = await keepForGood(useApp(), organiser, conference.id, kept);
	if (result === 'forbidden') return refused(403, 'forbidden');
	if (result === 'not_found') return refused(404, 'notFound');
	const outcome: RetentionOutcome = { done: kept ? 'kept' : 'released', title: conference.title };
	return { retention: outcome };
}

/** Form actions for automatic deletion, shared by the conference list and the privacy page. */
export const retentionActions = {
	/** Postpones a conference's deletion by a whole retention period (its owner or an admin). */
	postpone: async (event: RequestEvent) => {
		const { organiser, conference } = await conferenceOf(event);
		if (!conference) return refused(404, 'notFound');
		if (!(await mayOnConference(useApp(), organiser, conference.id, 'postpone_retention')))
			return refused(403, 'forbidden');
		const date = await postponeDeletion(useApp(), conference.id, Date.now());
		if (!date) return refused(409, 'off');
		const outcome: RetentionOutcome = { done: 'postponed', title: conference.title, date };
		return { retention: outcome };
	},
	/** Keeps a conference for good (an administrator only). */
	keep: (event: RequestEvent) => keep(event, true),
	/** Lets automatic deletion apply again (the same people). */
	release: (event: RequestEvent) => keep(event, false)
};
