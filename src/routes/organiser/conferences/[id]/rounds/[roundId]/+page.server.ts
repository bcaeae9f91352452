import { error, fail, redirect } from '@sveltejs/kit';
import { previewReallocation } from '$lib/domain/conference/commands';
import type { ConferenceCommand } from '$lib/domain/conference/commands';
import type { AllocationWarning, RolePlacement } from '$lib/domain/conference/allocation';
import type { GroupingAction, ReallocationMode } from '$lib/domain/conference/grouping';
import { refuse, type DomainError } from '$lib/domain/errors';
import { fixedT, type Language } from '$lib/i18n';
import { formError, type FormError } from '$lib/organiser/form-errors';
import {
	readPlacement,
	reallocationPreview,
	roundPageData,
	warningErrors,
	type ReallocationRequest,
	type RoundActionFailure,
	type RoundActionSuccess,
	type RoundScope
} from '$lib/organiser/round-page';
import { useApp } from '$lib/server/app';
import { refusalStatus, sendFromForm } from '$lib/server/organiser-commands';
import { field, lines, readRound } from '$lib/server/organiser-forms';
import { requireConference, requireOrganiser } from '$lib/server/organiser-access';
import { randomToken } from '$lib/server/tokens';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const conference = await requireConference(event, 'read');
	const organiser = await requireOrganiser(event);
	const lang = event.locals.lang;
	const state = await useApp().conferences.state(conference.id);
	const data = state && roundPageData(state, event.params.roundId, lang, organiser.id);
	if (!data) error(404, { message: fixedT(lang)('organiser.roundDetail.notFound') });
	return data;
};

const ids = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');

/** A refusal from the core, or one the page words itself (a FormError). */
type Refusal = DomainError | FormError;

const refused = (scope: RoundScope, error: Refusal, groupId?: string) =>
	fail('key' in error ? 422 : refusalStatus(error), {
		scope,
		errors: ['key' in error ? error : formError(error)],
		...(groupId ? { groupId } : {})
	} satisfies RoundActionFailure);

/** Swap takes two people: `a` and `b`, or (without JavaScript) the two ticked in the bar. */
const swapNeedsTwo: FormError = { field: null, key: 'organiser.roundDetail.bulk.swapTwo' };

/** Sends one command built from the posted form under the form's command id. */
async function send(
	event: RequestEvent,
	scope: RoundScope,
	build: (
		form: FormData,
		roundId: string
	) => Promise<ConferenceCommand | Refusal> | ConferenceCommand | Refusal
) {
	const conference = await requireConference(event, 'edit');
	const form = await event.request.formData();
	const command = await build(form, event.params.roundId);
	const groupId = field(form, 'groupId') || undefined;
	if (!('type' in command))
		return { ok: false as const, form, error: null, refusal: refused(scope, command, groupId) };
	const done = await sendFromForm(event, conference.id, form, command);
	if (!done.ok)
		return {
			ok: false as const,
			form,
			error: done.error,
			refusal: refused(scope, done.error, groupId)
		};
	return { ok: true as const, form, conferenceId: conference.id, done };
}

/** A form action that sends one grouping action and answers with its scope. */
const grouping =
	(scope: RoundScope, action: (form: FormData) => GroupingAction | Refusal) =>
	async (event: RequestEvent) => {
		const sent = await send(event, scope, (form, roundId) => {
			const built = action(form);
			return 'type' in built ? { type: 'round.group', roundId, action: built } : built;
		});
		if (!sent.ok) return sent.refusal;
		const made = sent.done.result.groupId;
		return {
			scope,
			...(typeof made === 'string' ? { groupId: made } : {})
		} satisfies RoundActionSuccess;
	};

/** The re-allocation asked for on the form: settings with each role's option, and the mode. */
function readReallocation(
	form: FormData,
	roles: readonly string[]
): Omit<ReallocationRequest, 'plan'> | DomainError {
	const mode = field(form, 'mode') as ReallocationMode;
	if (mode !== 'unplaced' && mode !== 'rule') return refuse('invalid_payload', { field: 'mode' });
	const size = field(form, 'maxGroupSize').trim();
	const options: Record<string, RolePlacement> = {};
	for (const role of roles) {
		// Without JavaScript the number of own groups comes in a field of its own.
		const choice = field(form, `role:${role}`);
		const count = field(form, `groups:${role}`).trim();
		const placement = readPlacement(choice === 'own' && count ? `own:${count}` : choice);
		if (!placement) return refuse('invalid_payload', { field: 'roles' });
		options[role] = placement;
	}
	return {
		mode,
		settings: {
			rule: field(form, 'rule') as ReallocationRequest['settings']['rule'],
			maxGroupSize: /^\d{1,4}$/.test(size) ? Number(size) : Number.NaN,
			roles: options
		}
	};
}

/** The `reallocation` field sent back from a preview, read as far as its shape goes. */
function readRequest(raw: string): ReallocationRequest | DomainError {
	const invalid = refuse('invalid_payload', { field: 'reallocation' });
	try {
		const value = JSON.parse(raw) as Partial<ReallocationRequest> | null;
		const { settings, mode, plan } = value ?? {};
		if (typeof settings !== 'object' || settings === null) return invalid;
		if (mode !== 'unplaced' && mode !== 'rule') return invalid;
		if (typeof plan !== 'object' || plan === null) return invalid;
		return { settings, mode, plan };
	} catch {
		return invalid;
	}
}

export const actions: Actions = {
	save: async (event) => {
		const sent = await send(event, 'round', async (form, roundId) => ({
			type: 'round.edit',
			roundId,
			round: readRound(form).input,
			newGroupIds: await useApp().conferences.newGroupIds(event.params.id)
		}));
		if (!sent.ok) {
			// The form comes back with what was typed.
			const { input, typedSize } = readRound(sent.form);
			const roundValues = {
				...input,
				maxGroupSize: typedSize,
				questions: input.questions.join('\n')
			};
			return fail(sent.refusal.status, { ...sent.refusal.data, roundValues });
		}
		return {
			scope: 'round',
			saved: true,
			regrouped: sent.done.result.regrouped === true
		} satisfies RoundActionSuccess;
	},

	delete: async (event) => {
		const sent = await send(event, 'top', (_, roundId) => ({ type: 'round.delete', roundId }));
		if (!sent.ok) return sent.refusal;
		redirect(303, `/organiser/conferences/${sent.conferenceId}/rounds`);
	},

	/** Creates the sessions of the groups with people and sends everyone's phone to their group. */
	start: async (event) => {
		const sent = await send(event, 'start', (_, roundId) => ({ type: 'round.start', roundId }));
		if (!sent.ok) return sent.refusal;
		return { scope: 'start', started: true } satisfies RoundActionSuccess;
	},

	/** What a re-allocation would do; changes nothing. */
	preview: async (event) => {
		const conference = await requireConference(event, 'edit');
		const form = await event.request.formData();
		const state = await useApp().conferences.state(conference.id);
		if (!state) error(404, { message: fixedT(event.locals.lang)('organiser.notFound') });
		const roles = roundPageData(state, event.params.roundId, event.locals.lang, '')?.roles ?? [];
		const asked = readReallocation(
			form,
			roles.map((r) => r.id)
		);
		if ('code' in asked) return refused('preview', asked);
		const planned = previewReallocation(state, event.params.roundId, asked);
		if (!planned.ok) return refused('preview', planned.error);
		const request = {
			mode: asked.mode,
			settings: planned.value.settings,
			plan: planned.value.plan
		};
		const earlier = fixedT(event.locals.lang)('organiser.roundDetail.earlierGroup');
		const preview = reallocationPreview(
			state,
			event.params.roundId,
			request,
			event.locals.lang,
			earlier
		);
		return { scope: 'preview', preview } satisfies RoundActionSuccess;
	},

	/** Applies the previewed re-allocation; refused with plan_changed if it no longer holds. */
	reallocate: async (event) => {
		const sent = await send(event, 'reallocate', async (form, roundId) => {
			const request = readRequest(field(form, 'reallocation'));
			if ('code' in request) return request;
			return {
				type: 'round.group',
				roundId,
				action: {
					type: 'reallocate',
					settings: request.settings,
					mode: request.mode,
					newGroupIds: await useApp().conferences.newGroupIds(event.params.id),
					preview: request.plan
				}
			};
		});
		if (!sent.ok) return sent.refusal;
		const state = await useApp().conferences.state(sent.conferenceId);
		const people = new Map((state?.participants ?? []).map((p) => [p.id, p.name]));
		const page = state && roundPageData(state, event.params.roundId, event.locals.lang, '');
		const named = new Map((page?.groups ?? []).map((g) => [g.key, g.name]));
		const earlier = fixedT(event.locals.lang)('organiser.roundDetail.earlierGroup');
		const warnings = warningErrors(
			(sent.done.result.warnings ?? []) as AllocationWarning[],
			(key) => named.get(key) ?? earlier,
			(id) => people.get(id) ?? id
		);
		return { scope: 'reallocate', warnings } satisfies RoundActionSuccess;
	},

	move: grouping('move', (form) => ({
		type: 'move',
		participantIds: ids(form, 'participantIds'),
		to: field(form, 'to')
	})),
	swap: grouping('swap', (form) => {
		const [a = '', b = '', ...more] =
			field(form, 'a') || field(form, 'b')
				? [field(form, 'a'), field(form, 'b')]
				: ids(form, 'participantIds');
		return a && b && more.length === 0 ? { type: 'swap', a, b } : swapNeedsTwo;
	}),
	noGroup: grouping('noGroup', (form) => ({
		type: 'noGroup',
		participantIds: ids(form, 'participantIds')
	})),
	unplace: grouping('unplace', (form) => ({
		type: 'unplace',
		participantIds: ids(form, 'participantIds')
	})),
	lead: grouping('lead', (form) => ({
		type: 'lead',
		// The selection bar names the group in `to` when no script has copied it to `groupId`.
		groupId: field(form, 'groupId') || field(form, 'to'),
		participantIds: ids(form, 'participantIds')
	})),
	addGroup: grouping('addGroup', (form) => ({
		type: 'addGroup',
		groupId: randomToken(16),
		name: field(form, 'name') || null
	})),
	renameGroup: grouping('renameGroup', (form) => ({
		type: 'renameGroup',
		groupId: field(form, 'groupId'),
		name: field(form, 'name') || null
	})),
	deleteGroup: grouping('deleteGroup', (form) => ({
		type: 'deleteGroup',
		groupId: field(form, 'groupId')
	})),
	mergeGroups: grouping('mergeGroups', (form) => ({
		type: 'mergeGroups',
		groupId: field(form, 'groupId'),
		into: field(form, 'into')
	})),
	splitGroup: grouping('splitGroup', (form) => {
		const chosen = ids(form, 'participantIds');
		return {
			type: 'splitGroup',
			groupId: field(form, 'groupId'),
			newGroupId: randomToken(16),
			...(chosen.length > 0 ? { participantIds: chosen } : {})
		};
	}),

	/** A group's own questions; none: the round's. */
	questions: async (event) => {
		const sent = await send(event, 'questions', (form, roundId) => {
			const questions = lines(form, 'questions');
			return {
				type: 'group.questions',
				roundId,
				groupId: field(form, 'groupId'),
				questions: questions.some((q) => q.trim() !== '') ? questions : null
			};
		});
		if (!sent.ok) return sent.refusal;
		return { scope: 'questions' } satisfies RoundActionSuccess;
	},

	/** Undoes this organiser's own last grouping action on the round. */
	undo: async (event) => {
		const sent = await send(event, 'undo', (_, roundId) => ({ type: 'round.undo', roundId }));
		if (!sent.ok && sent.error?.code === 'undo_conflict')
			return refused('undo', await namingWhoseChange(sent.error, event.locals.lang));
		if (!sent.ok) return sent.refusal;
		return { scope: 'undo' } satisfies RoundActionSuccess;
	}
};

/**
 * An undo conflict that names the organisers whose later changes are in the way by their
 * display names (the core knows their account ids only; those never reach the page).
 */
async function namingWhoseChange(error: DomainError, lang: Language): Promise<FormError> {
	const { byActors = '', ...params } = error.params ?? {};
	const names: string[] = [];
	for (const id of String(byActors).split(',').filter(Boolean)) {
		const account = await useApp().stores.organisers.find(id);
		if (account) names.push(account.displayName);
	}
	if (names.length === 0) return { field: null, key: 'errors.undo_conflict', params };
	const by = new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
	return { field: null, key: 'errors.undo_conflict_by', params: { ...params, by } };
}
