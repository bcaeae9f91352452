/**
 * The round page's contract: what its `load` returns and what its form actions answer. The
 * server (+page.server.ts) builds these; the page (+page.svelte) reads them.
 */
import {
	groupName,
	maxGroupsPerRole,
	type AllocationSettings,
	type AllocationWarning,
	type GroupDescriptor,
	type GroupingRule,
	type RolePlacement
} from '$lib/domain/conference/allocation';
import { countryName } from '$lib/domain/conference/countries';
import {
	groupingLimits,
	type Place,
	type ReallocationMode,
	type ReallocationPlan
} from '$lib/domain/conference/grouping';
import { conferenceLimits } from '$lib/domain/conference/limits';
import { resolveRoles, roleLabel } from '$lib/domain/conference/roles';
import { groupsOf, roundOf, seatsOf, type ConferenceState } from '$lib/domain/conference/state';
import type { Language } from '$lib/domain/session/types';
import type { FormError } from './form-errors';

/** Someone of the conference, as the round page shows them. */
export interface RoundPerson {
	id: string;
	name: string;
	/** Role id. */
	role: string;
	/** The role's word in the page's language. */
	roleLabel: string;
	/** ISO country code. */
	country: string;
	/** The country's name in the page's language. */
	countryName: string;
	coordinator: boolean;
}

/** Someone seated in a group. */
export interface RoundSeat extends RoundPerson {
	/** Leads the group. */
	leader: boolean;
	/** Placed by hand: re-allocation keeps them here. */
	pinned: boolean;
}

/** A group of the round, in display order. */
export interface RoundGroup {
	id: string;
	/** Allocation key (role:<id>:<part>, country:<code>:<part>, mixed:<n>, manual:<n>). */
	key: string;
	/** The name shown: the organiser's own, else the generated one, in the page's language. */
	name: string;
	/** The organiser's own name, or null for the generated one. */
	customName: string | null;
	/** The generated name (what an empty rename goes back to). */
	generatedName: string;
	/** Its own questions, or null: it takes the round's. */
	questions: string[] | null;
	/** Leaders first, then members; each group sorted by name. */
	seats: RoundSeat[];
	/** No one sits in it: never started, never shown on the plenum, overview or report. */
	empty: boolean;
}

/** One role of the conference, with its option for this round. */
export interface RoundRole {
	id: string;
	/** The person word ("Researcher"). */
	label: string;
	/** The group word ("Researchers"). */
	groupLabel: string;
	/** How many people of the conference have it. */
	count: number;
	/** Where its people go when the round is (re-)allocated; absent options are { kind: 'own' }. */
	placement: RolePlacement;
}

/** What the round page's `load` returns. */
export interface RoundPageData {
	round: {
		id: string;
		position: number;
		title: string;
		theme: string;
		/** What the groups are asked before the questions; '' for none. */
		instruction: string;
		rule: GroupingRule;
		maxGroupSize: number;
		/** Questions every group gets unless it has its own. */
		questions: string[];
		/** Its groups' sessions exist: grouping changes reach the phones at once. */
		started: boolean;
		/** The conference's current round. */
		current: boolean;
	};
	/** The round's allocation settings as stored (rule, limit, per-role options). */
	settings: AllocationSettings;
	/** The conference's roles in their order, each with its option for this round. */
	roles: RoundRole[];
	/** Groups in display order. */
	groups: RoundGroup[];
	/** People in no group this round, by choice (observers), sorted by name. */
	noGroup: RoundPerson[];
	/** People without a seat: the next re-allocation places them; sorted by name. */
	unplaced: RoundPerson[];
	/** Everyone of the conference by id (for names in previews and refusals). */
	people: Record<string, RoundPerson>;
	/** This organiser has an own grouping action that can be undone. */
	canUndo: boolean;
	limits: {
		/** Characters in a group's own name. */
		groupName: number;
		/** Allowed maximum group sizes. */
		groupSize: { min: number; max: number };
		/** Most groups one role may ask for (option 'own' with n groups). */
		groupsPerRole: number;
	};
}

/** Where someone is before or after a re-allocation, named for the page. */
export type PreviewPlace =
	{ kind: 'group'; key: string; name: string } | { kind: 'noGroup' } | { kind: 'unplaced' };

/** What a re-allocation will do, named in the page's language. */
export interface ReallocationPreview {
	mode: ReallocationMode;
	settings: AllocationSettings;
	/** Post this back unchanged as the field `reallocation` of ?/reallocate. */
	reallocation: string;
	/** Groups it makes, in order. */
	created: { key: string; name: string }[];
	/** Groups whose generated name changes (Employers → Employers I). */
	relabelled: { groupId: string; from: string; to: string }[];
	/** Who goes where, sorted by name. */
	moves: {
		participantId: string;
		name: string;
		from: PreviewPlace;
		to: PreviewPlace;
		leader: boolean;
	}[];
	/** Groups it empties, which it removes. */
	removed: { groupId: string; name: string }[];
	/** Groups over the limit ('over_max') and people who could not stay ('not_kept'), translated. */
	warnings: FormError[];
	/** Nothing would change. */
	nothing: boolean;
}

/** The form actions' scopes: which form an answer belongs to. */
export type RoundScope =
	| 'round'
	| 'top'
	| 'start'
	| 'preview'
	| 'reallocate'
	| 'move'
	| 'swap'
	| 'noGroup'
	| 'unplace'
	| 'lead'
	| 'addGroup'
	| 'renameGroup'
	| 'deleteGroup'
	| 'mergeGroups'
	| 'splitGroup'
	| 'questions'
	| 'undo';

/** A form action's answer on success. */
export interface RoundActionSuccess {
	scope: RoundScope;
	/** Set by ?/preview. */
	preview?: ReallocationPreview;
	/** Set by ?/reallocate: translated warnings of the run that was applied. */
	warnings?: FormError[];
	/** Set by ?/addGroup and ?/splitGroup: the new group's id. */
	groupId?: string;
	/** Set by ?/save: the new rule re-allocated the round. */
	regrouped?: boolean;
	saved?: boolean;
	started?: boolean;
}

/** A form action's answer on refusal (status 403, 409 or 422). */
export interface RoundActionFailure {
	scope: RoundScope;
	/** Translated by the page: t(error.key, error.params). */
	errors: FormError[];
	/** The group the refused form was about, if any. */
	groupId?: string;
}

/** The settings as the form sends them, read back: used by ?/preview and ?/save. */
export type RolePlacementField = 'own' | `own:${number}` | `with:${string}` | 'lead' | 'none';

/** A role's option as the form's select sends it, or null if it is none of them. */
export function readPlacement(value: string): RolePlacement | null {
	if (value === 'own' || value === '') return { kind: 'own' };
	if (value === 'lead' || value === 'none') return { kind: value };
	const own = /^own:(\d{1,2})$/.exec(value);
	if (own) return { kind: 'own', groups: Number(own[1]) };
	const withRole = /^with:([a-z0-9-]{1,40})$/.exec(value);
	return withRole ? { kind: 'with', role: withRole[1]! } : null;
}

/** A role's option as the form's select sends it. */
export function placementField(placement: RolePlacement): RolePlacementField {
	switch (placement.kind) {
		case 'own':
			return placement.groups === undefined ? 'own' : `own:${placement.groups}`;
		case 'with':
			return `with:${placement.role}`;
		default:
			return placement.kind;
	}
}

const byName =
	(lang: Language) =>
	<T extends { name: string; id: string }>(a: T, b: T) =>
		new Intl.Collator(lang, { sensitivity: 'base' }).compare(a.name, b.name) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everything the round page shows, in `lang`, for the organiser with this account id. */
export function roundPageData(
	state: ConferenceState,
	roundId: string,
	lang: Language,
	accountId: string
): RoundPageData | null {
	const round = roundOf(state, roundId);
	if (!round) return null;
	const roles = resolveRoles(state.customRoles);
	const people: Record<string, RoundPerson> = {};
	for (const p of state.participants)
		people[p.id] = {
			id: p.id,
			name: p.name,
			role: p.role,
			roleLabel: roleLabel(roles, p.role, lang),
			country: p.country,
			countryName: countryName(p.country, lang),
			coordinator: p.coordinator
		};
	const order = byName(lang);
	const seats = seatsOf(state, roundId);
	const groups = groupsOf(state, roundId).map((g): RoundGroup => {
		const generatedName = groupName(g.descriptor, { roles }, lang);
		const inGroup = seats.flatMap((s) =>
			s.groupId === g.id && people[s.participantId]
				? [{ ...people[s.participantId]!, leader: s.leader, pinned: s.pinned }]
				: []
		);
		return {
			id: g.id,
			key: g.key,
			name: g.customName ?? generatedName,
			customName: g.customName,
			generatedName,
			questions: g.questions,
			seats: [
				...inGroup.filter((s) => s.leader).sort(order),
				...inGroup.filter((s) => !s.leader).sort(order)
			],
			empty: inGroup.length === 0
		};
	});
	const seated = new Set(seats.map((s) => s.participantId));
	const noGroup = seats
		.filter((s) => s.groupId === null && people[s.participantId])
		.map((s) => people[s.participantId]!)
		.sort(order);
	const unplaced = state.participants
		.filter((p) => !seated.has(p.id))
		.map((p) => people[p.id]!)
		.sort(order);
	const count = new Map<string, number>();
	for (const p of state.participants) count.set(p.role, (count.get(p.role) ?? 0) + 1);
	const history = state.history[roundId] ?? [];
	return {
		round: {
			id: round.id,
			position: round.position,
			title: round.title,
			theme: round.theme,
			instruction: round.instruction ?? '',
			rule: round.rule,
			maxGroupSize: round.maxGroupSize,
			questions: round.questions,
			started: round.startedAt !== null,
			current: state.conference.currentRoundId === round.id
		},
		settings: { rule: round.rule, maxGroupSize: round.maxGroupSize, roles: round.roles },
		roles: roles.map((r) => ({
			id: r.id,
			label: roleLabel(roles, r.id, lang),
			groupLabel: roleLabel(roles, r.id, lang, 'group'),
			count: count.get(r.id) ?? 0,
			placement: round.roles[r.id] ?? { kind: 'own' }
		})),
		groups,
		noGroup,
		unplaced,
		people,
		canUndo: history.some((e) => e.actor === accountId && !e.undone && !e.isUndo),
		limits: {
			groupName: groupingLimits.groupName,
			groupSize: conferenceLimits.groupSize,
			groupsPerRole: maxGroupsPerRole
		}
	};
}

/** The JSON of ?/reallocate's `reallocation` field: what the preview showed. */
export interface ReallocationRequest {
	settings: AllocationSettings;
	mode: ReallocationMode;
	plan: ReallocationPlan;
}

/** A re-allocation plan named for the page, in `lang`. */
export function reallocationPreview(
	state: ConferenceState,
	roundId: string,
	request: ReallocationRequest,
	lang: Language,
	/** What to call a group that is gone (a warning's earlier group). */
	earlierGroup: string
): ReallocationPreview {
	const roles = resolveRoles(state.customRoles);
	const named = (d: GroupDescriptor) => groupName(d, { roles }, lang);
	const groups = groupsOf(state, roundId);
	const byKey = new Map(groups.map((g) => [g.key, g]));
	const byId = new Map(groups.map((g) => [g.id, g]));
	const created = new Map(request.plan.created.map((c) => [c.key, c]));
	const nameOfKey = (key: string) => {
		const group = byKey.get(key);
		if (group) return group.customName ?? named(group.descriptor);
		const made = created.get(key);
		return made ? named(made.descriptor) : earlierGroup;
	};
	const place = (p: Place): PreviewPlace =>
		p === 'no-group'
			? { kind: 'noGroup' }
			: p === 'unplaced'
				? { kind: 'unplaced' }
				: { kind: 'group', key: p, name: nameOfKey(p) };
	const person = new Map(state.participants.map((p) => [p.id, p.name]));
	const { plan } = request;
	const moves = plan.moves
		.map((m) => ({
			participantId: m.participantId,
			name: person.get(m.participantId) ?? m.participantId,
			from: place(m.from),
			to: place(m.to),
			leader: m.leader
		}))
		.sort((a, b) => byName(lang)({ ...a, id: a.participantId }, { ...b, id: b.participantId }));
	return {
		mode: request.mode,
		settings: request.settings,
		reallocation: JSON.stringify(request),
		created: plan.created.map((c) => ({ key: c.key, name: named(c.descriptor) })),
		relabelled: plan.relabelled.map((r) => {
			const group = byId.get(r.groupId);
			return {
				groupId: r.groupId,
				from: group ? named(group.descriptor) : r.groupId,
				to: named(r.descriptor)
			};
		}),
		moves,
		removed: plan.removed.map((id) => {
			const group = byId.get(id);
			return { groupId: id, name: group ? (group.customName ?? named(group.descriptor)) : id };
		}),
		warnings: warningErrors(plan.warnings, nameOfKey, (id) => person.get(id) ?? id),
		nothing:
			plan.moves.length === 0 &&
			plan.created.length === 0 &&
			plan.removed.length === 0 &&
			plan.relabelled.length === 0
	};
}

/** Allocation warnings as translatable messages (unknown pins say nothing to an organiser). */
export function warningErrors(
	warnings: readonly AllocationWarning[],
	groupNamed: (key: string) => string,
	personNamed: (id: string) => string
): FormError[] {
	return warnings.flatMap((w): FormError[] => {
		if (w.code === 'over_max')
			return [
				{
					field: null,
					key: 'organiser.roundDetail.warnings.overMax',
					params: { group: groupNamed(w.group), count: w.size, max: w.max }
				}
			];
		if (w.code === 'not_kept')
			return [
				{
					field: null,
					key: `organiser.roundDetail.warnings.notKept.${w.reason}`,
					params: { name: personNamed(w.participantId), group: groupNamed(w.group) }
				}
			];
		return [];
	});
}
