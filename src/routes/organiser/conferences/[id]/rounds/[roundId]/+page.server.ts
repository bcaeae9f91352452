import { error, fail, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/domain/conference/countries';
import { roleLabel } from '$lib/domain/conference/roles';
import { fixedT } from '$lib/i18n';
import { formError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { conferenceLimits } from '$lib/server/conferences';
import type { AllocationWarning } from '$lib/domain/conference/allocation';
import type { ConferenceCommand } from '$lib/domain/conference/commands';
import type { DomainError } from '$lib/domain/errors';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { field, lines, readRound } from '$lib/server/organiser-forms';
import { randomToken } from '$lib/server/tokens';
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

/** The round of this page, and a command on it sent from the posted form. */
async function roundCommand(
	event: Parameters<Actions[string]>[0],
	command: (form: FormData, roundId: string, newGroupIds: () => string[]) => ConferenceCommand
) {
	const conference = requireConference(event, 'edit');
	const roundId = event.params.roundId ?? '';
	const form = await event.request.formData();
	const newGroupIds = () => useApp().conferences.newGroupIds(conference.id);
	const done = sendFromForm(event, conference.id, form, command(form, roundId, newGroupIds));
	return { conferenceId: conference.id, form, done };
}

const refused = <S extends string, T extends object>(error: DomainError, scope: S, more?: T) =>
	fail(refusalStatus(error), { scope, ...(more as T), errors: [formError(error)] });

export const actions: Actions = {
	save: async (event) => {
		const { form, done } = await roundCommand(event, (form, roundId, newGroupIds) => ({
			type: 'round.edit',
			roundId,
			round: readRound(form).input,
			newGroupIds: newGroupIds()
		}));
		if (!done.ok) {
			const { input, typedSize } = readRound(form);
			const questions = input.questions.join('\n');
			return refused(done.error, 'round', {
				roundValues: { ...input, maxGroupSize: typedSize, questions }
			});
		}
		return { scope: 'round', saved: true, regrouped: done.result.regrouped === true };
	},
	delete: async (event) => {
		const { conferenceId, done } = await roundCommand(event, (_, roundId) => ({
			type: 'round.delete',
			roundId
		}));
		if (!done.ok)
			return fail(refusalStatus(done.error), { scope: 'top', errors: [formError(done.error)] });
		redirect(303, `/organiser/conferences/${conferenceId}/rounds`);
	},
	/** Runs the allocation; people moved by hand and people already placed stay. */
	allocate: async (event) => {
		const { done } = await roundCommand(event, (_, roundId, newGroupIds) => ({
			type: 'round.allocate',
			roundId,
			newGroupIds: newGroupIds()
		}));
		if (!done.ok) return refused(done.error, 'top');
		const warnings = (done.result.warnings ?? []) as AllocationWarning[];
		return {
			scope: 'allocate',
			warnings: warnings.filter((w) => w.code !== 'unknown_participant')
		};
	},
	/** Moves one person to a group ('' = no group); the move survives re-allocation. */
	move: async (event) => {
		const { form, done } = await roundCommand(event, (form, roundId) => ({
			type: 'member.move',
			roundId,
			participantId: field(form, 'participantId'),
			groupId: field(form, 'groupId') || null
		}));
		if (!done.ok) return refused(done.error, 'top');
		return {
			scope: 'move',
			participantId: field(form, 'participantId'),
			groupId: field(form, 'groupId') || null
		};
	},
	addGroup: async (event) => {
		const groupId = randomToken(16);
		const { done } = await roundCommand(event, (_, roundId) => ({
			type: 'group.add',
			roundId,
			groupId
		}));
		if (!done.ok) return refused(done.error, 'top');
		return { scope: 'addGroup', groupId: String(done.result.groupId) };
	},
	/** A group's own name, leaders and questions (no questions: the round's). */
	group: async (event) => {
		const { form, done } = await roundCommand(event, (form, roundId) => {
			const questions = lines(form, 'questions');
			return {
				type: 'group.edit',
				roundId,
				groupId: field(form, 'groupId'),
				customName: field(form, 'customName'),
				leaders: form.getAll('leaders').filter((v): v is string => typeof v === 'string'),
				questions: questions.some((q) => q.trim() !== '') ? questions : null
			};
		});
		const groupId = field(form, 'groupId');
		if (!done.ok) {
			return fail(refusalStatus(done.error), {
				scope: 'group',
				groupId,
				groupValues: {
					customName: field(form, 'customName'),
					leaders: form.getAll('leaders').filter((v): v is string => typeof v === 'string'),
					questions: lines(form, 'questions').join('\n')
				},
				errors: [formError(done.error, { name: 'customName' })]
			});
		}
		return { scope: 'group', groupId, saved: true };
	},
	/** Creates each group's session and sends everyone's phone to their group. */
	start: async (event) => {
		const { done } = await roundCommand(event, (_, roundId) => ({ type: 'round.start', roundId }));
		if (!done.ok) return refused(done.error, 'start');
		return { scope: 'start', started: true };
	}
};
