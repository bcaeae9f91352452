import { fail } from '@sveltejs/kit';
import { formError } from '$lib/organiser/form-errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { useApp } from '$lib/server/app';
import { conferenceLimits } from '$lib/server/conferences';
import { field } from '$lib/server/organiser-forms';
import { linkOrigin, requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const app = useApp();
	return {
		showing: { roundId: conference.plenumRoundId, groupId: conference.plenumGroupId },
		plenumLink: `${linkOrigin(event.url)}/plenum/${conference.plenumToken}`,
		rounds: await Promise.all(
			(await app.conferences.rounds(conference.id)).map(async (r) => {
				const detail = (await app.conferences.roundDetail(conference.id, r.id, event.locals.lang))!;
				return {
					id: r.id,
					position: r.position,
					title: r.title,
					started: r.startedAt !== null,
					summary: r.plenumSummary,
					groups: detail.groups.map((g) => ({ id: g.id, name: g.name }))
				};
			})
		),
		summaryMax: conferenceLimits.summary
	};
};

export const actions: Actions = {
	/** What the plenum screen shows: nothing chosen, a round's overview, or one group. */
	present: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const roundId = field(form, 'roundId') || null;
		const groupId = roundId ? field(form, 'groupId') || null : null;
		const command = { type: 'plenum.present', roundId, groupId } as const;
		const result = await sendFromForm(event, conference.id, form, command);
		if (!result.ok)
			return fail(refusalStatus(result.error), {
				scope: 'present',
				errors: [formError(result.error)]
			});
		return { scope: 'present' };
	},
	summary: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const roundId = field(form, 'roundId');
		const summary = field(form, 'summary');
		const command = { type: 'plenum.summary', roundId, summary } as const;
		const result = await sendFromForm(event, conference.id, form, command);
		if (!result.ok) {
			return fail(refusalStatus(result.error), {
				scope: 'summary',
				roundId,
				values: { summary },
				errors: [formError(result.error, { summary: 'summary' })]
			});
		}
		return { scope: 'summary', roundId, saved: true };
	}
};
