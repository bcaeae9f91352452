import { fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { randomToken } from '$lib/server/tokens';
import { useApp } from '$lib/server/app';
import { conferenceLimits } from '$lib/server/conferences';
import { readRound } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	const lang = event.locals.lang;
	return {
		rounds: await Promise.all(
			(await app.conferences.rounds(conference.id)).map(async (r) => {
				const detail = (await app.conferences.roundDetail(conference.id, r.id, lang))!;
				return {
					id: r.id,
					position: r.position,
					title: r.title,
					theme: r.theme,
					rule: r.rule,
					maxGroupSize: r.maxGroupSize,
					questions: r.questions.length,
					groups: detail.groups.map((g) => ({ name: g.name, size: g.memberIds.length })),
					unassigned: detail.unplaced.length,
					started: r.startedAt !== null,
					current: conference.currentRoundId === r.id
				};
			})
		),
		participants: (await app.conferences.participants(conference.id)).length,
		sizeLimits: conferenceLimits.groupSize
	};
};

export const actions: Actions = {
	create: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const { input, typedSize } = readRound(form);
		const roundId = randomToken(16);
		const saved = await sendFromForm(event, conference.id, form, {
			type: 'round.add',
			roundId,
			round: input
		});
		const values = { ...input, maxGroupSize: typedSize, questions: input.questions.join('\n') };
		if (!saved.ok)
			return fail(refusalStatus(saved.error), { values, errors: [formError(saved.error)] });
		redirect(303, `/organiser/conferences/${conference.id}/rounds/${saved.result.roundId}`);
	}
};
