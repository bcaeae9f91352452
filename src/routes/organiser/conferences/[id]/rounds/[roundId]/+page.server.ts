import { error, fail, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/domain/conference/countries';
import { roleLabel } from '$lib/domain/conference/roles';
import { fixedT } from '$lib/i18n';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { conferenceLimits } from '$lib/server/conferences';
import { field, lines, readRound } from '$lib/server/organiser-forms';
import { requireConference } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const conference = requireConference(event, 'read');
	const app = useApp();
	const lang = event.locals.lang;
	const detail = app.conferences.roundDetail(conference.id, event.params.roundId, lang);
	if (!detail) error(404, { message: fixedT(lang)('organiser.roundDetail.notFound') });
	const roles = app.conferences.roles(conference.id);
	const people = new Map(
		app.conferences.participants(conference.id).map((p) => [
			p.id,
			{
				id: p.id,
				name: p.name,
				country: countryName(p.country, lang),
				role: roleLabel(roles, p.role, lang),
				coordinator: p.coordinator
			}
		])
	);
	const collator = new Intl.Collator(lang, { sensitivity: 'base' });
	const members = (ids: string[]) =>
		ids
			.flatMap((id) => {
				const person = people.get(id);
				return person ? [person] : [];
			})
			.sort((a, b) => collator.compare(a.name, b.name));
	return {
		round: {
			id: detail.id,
			position: detail.position,
			title: detail.title,
			theme: detail.theme,
			rule: detail.rule,
			maxGroupSize: detail.maxGroupSize,
			questions: detail.questions,
			started: detail.startedAt !== null,
			current: conference.currentRoundId === detail.id
		},
		groups: detail.groups.map((g) => ({
			id: g.id,
			key: g.key,
			name: g.name,
			customName: g.customName ?? '',
			questions: g.questions,
			leaders: g.leaders,
			pinned: g.pinnedIds,
			members: members(g.memberIds)
		})),
		unassigned: members(detail.unassigned),
		names: Object.fromEntries([...people.values()].map((p) => [p.id, p.name])),
		sizeLimits: conferenceLimits.groupSize
	};
};

/** The round of this page (404 when it is gone). */
function roundOf(event: Parameters<Actions[string]>[0]) {
	const conference = requireConference(event, 'edit');
	return { conferenceId: conference.id, roundId: event.params.roundId ?? '' };
}

export const actions: Actions = {
	save: async (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const { input, typedSize } = readRound(await event.request.formData());
		const service = useApp().conferences;
		const before = service.roundDetail(conferenceId, roundId, event.locals.lang);
		const saved = service.saveRound(conferenceId, roundId, input);
		const values = { ...input, maxGroupSize: typedSize, questions: input.questions.join('\n') };
		if (!saved.ok)
			return fail(422, { scope: 'round', roundValues: values, errors: [formError(saved.error)] });
		// A new rule makes the old groups meaningless: allocate afresh (before the start only).
		const regroup =
			before !== null &&
			before.startedAt === null &&
			before.rule !== saved.value.rule &&
			before.groups.length > 0;
		if (regroup) {
			for (const group of before.groups)
				for (const id of group.memberIds) service.move(conferenceId, roundId, id, null);
			service.allocate(conferenceId, roundId);
		}
		return { scope: 'round', saved: true, regrouped: regroup };
	},
	delete: (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const deleted = useApp().conferences.deleteRound(conferenceId, roundId);
		if (!deleted.ok) return fail(409, { scope: 'top', errors: [formError(deleted.error)] });
		redirect(303, `/organiser/conferences/${conferenceId}/rounds`);
	},
	/** Runs the allocation; people moved by hand and people already placed stay. */
	allocate: (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const result = useApp().conferences.allocate(conferenceId, roundId);
		if (!result.ok) return fail(422, { scope: 'top', errors: [formError(result.error)] });
		return {
			scope: 'allocate',
			warnings: result.value.filter((w) => w.code !== 'unknown_participant')
		};
	},
	/** Moves one person to a group ('' = no group); the move survives re-allocation. */
	move: async (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const form = await event.request.formData();
		const participantId = field(form, 'participantId');
		const groupId = field(form, 'groupId') || null;
		const moved = useApp().conferences.move(conferenceId, roundId, participantId, groupId);
		if (!moved.ok) return fail(422, { scope: 'top', errors: [formError(moved.error)] });
		return { scope: 'move', participantId, groupId };
	},
	addGroup: (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const added = useApp().conferences.addGroup(conferenceId, roundId);
		if (!added.ok) return fail(422, { scope: 'top', errors: [formError(added.error)] });
		return { scope: 'addGroup', groupId: added.value.id };
	},
	/** A group's own name, leaders and questions (no questions: the round's). */
	group: async (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const form = await event.request.formData();
		const groupId = field(form, 'groupId');
		const customName = field(form, 'customName');
		const leaders = form.getAll('leaders').filter((v): v is string => typeof v === 'string');
		const questions = lines(form, 'questions');
		const own = questions.some((q) => q.trim() !== '') ? questions : null;
		const saved = useApp().conferences.updateGroup(conferenceId, roundId, groupId, {
			customName,
			leaders,
			questions: own
		});
		if (!saved.ok) {
			return fail(422, {
				scope: 'group',
				groupId,
				groupValues: { customName, leaders, questions: questions.join('\n') },
				errors: [formError(saved.error, { name: 'customName' })]
			});
		}
		return { scope: 'group', groupId, saved: true };
	},
	/** Creates each group's session and sends everyone's phone to their group. */
	start: (event) => {
		const { conferenceId, roundId } = roundOf(event);
		const started = useApp().conferences.startRound(conferenceId, roundId);
		if (!started.ok) return fail(422, { scope: 'start', errors: [formError(started.error)] });
		return { scope: 'start', started: true };
	}
};
