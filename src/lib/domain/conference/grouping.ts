/**
 * Grouping of one round: pure functions over plain data that the conference aggregate embeds.
 *
 * State: the round's groups (in display order) and seats. A seat says where one person sits
 * this round: in a group, as a member or a leader, or in no group by choice (an observer,
 * groupId null). Someone without a seat is unplaced: allocation places them. `pinned` marks a
 * seat the organiser chose by hand. The aggregate keeps anything else about a group (its
 * session, its round) by group id. New group ids come with the action: the core makes no ids.
 *
 * - applyGrouping(state, action, context) → { ok, state, applied } or { ok: false, error }:
 *   move several people, swap two, no group, unplace, pick a group's leaders, add, rename,
 *   delete (its people become unplaced), merge and split groups, and re-allocate.
 * - planReallocation(state, { settings, mode }, context) → { ok, plan }: who goes where and
 *   which groups are created, relabelled or removed, to show before applying the action
 *   'reallocate' with that plan as `preview` (refused with plan_changed if it no longer holds).
 *   Re-allocation never changes a pin, a leader or a "no group" seat, and never makes an empty
 *   group. Mode 'unplaced' keeps every seat and places only the unplaced; mode 'rule' also
 *   re-places members who were not placed by hand (under a changed rule, limit or role option).
 * - recordGrouping(history, actor, applied) and undoGrouping(state, history, actor, context):
 *   undo an organiser's own last action, refused with undo_conflict (naming what, and in
 *   `byActors` whose changes) when another organiser has since touched the same people or groups.
 * - applyChange(state, change): applies a change such as `applied.inverse`.
 * - shownGroups(state): the groups with people, the only ones a plenum screen, overview or
 *   report shows; startableGroups(state, roundQuestions, context): those, or a refusal naming
 *   the group with no questions (a group without questions of its own takes the round's).
 */
import { refuse, type DomainError } from '../errors';
import {
	allocate,
	equitableColouring,
	groupingRules,
	groupKey,
	maxGroupsPerRole,
	type AllocationParticipant,
	type AllocationSettings,
	type AllocationWarning,
	type GroupDescriptor,
	type GroupKey
} from './allocation';

/** One group of a round. */
export interface GroupingGroup {
	/** Stable id (made by the caller). */
	id: string;
	/** Allocation key, unique in the round (see GroupKey). */
	key: GroupKey;
	/** What the group is, for its generated name. */
	descriptor: GroupDescriptor;
	/** The organiser's name for it, or null for the generated one. */
	name: string | null;
	/** Its own questions, or null for the round's. */
	questions: string[] | null;
}

/** Where one person sits this round; no seat at all means unplaced. */
export interface Seat {
	participantId: string;
	/** The group, or null: in no group, by choice. */
	groupId: string | null;
	/** Leads the group (never in no group). */
	leader: boolean;
	/** Chosen by hand: re-allocation keeps it. */
	pinned: boolean;
}

/** A round's grouping. */
export interface GroupingState {
	/** Groups in display order. */
	readonly groups: readonly GroupingGroup[];
	/** Seats sorted by participant id, at most one per person. */
	readonly seats: readonly Seat[];
}

export const emptyGrouping: GroupingState = { groups: [], seats: [] };

/** Someone of the conference, as grouping needs them. */
export type GroupingParticipant = Pick<AllocationParticipant, 'id' | 'name' | 'country' | 'role'>;

/** What grouping needs to know besides its state. */
export interface GroupingContext {
	/** Everyone of the conference now. */
	participants: readonly GroupingParticipant[];
	/** A group's name in the organiser's language, for refusals. */
	nameOf: (group: GroupingGroup) => string;
}

export const groupingLimits = {
	/** Characters in a group's own name. */
	groupName: 80,
	/** Actions kept for undo. */
	history: 50
} as const;

/** 'unplaced': place only people without a seat; 'rule': also re-place members not pinned. */
export type ReallocationMode = 'unplaced' | 'rule';

/** One grouping action of an organiser. */
export type GroupingAction =
	| {
			type: 'move';
			participantIds: string[];
			/** Group id: they become members there (a leader moved within their group stays one). */
			to: string;
	  }
	| { type: 'swap'; a: string; b: string }
	/** In no group this round (observers). */
	| { type: 'noGroup'; participantIds: string[] }
	/** Back to unplaced: the next allocation places them. */
	| { type: 'unplace'; participantIds: string[] }
	/** These, and only these, lead the group; earlier leaders stay in it as members. */
	| { type: 'lead'; groupId: string; participantIds: string[] }
	| { type: 'addGroup'; groupId: string; name?: string | null }
	/** An empty name goes back to the generated one. */
	| { type: 'renameGroup'; groupId: string; name: string | null }
	| { type: 'deleteGroup'; groupId: string }
	| { type: 'mergeGroups'; groupId: string; into: string }
	| {
			type: 'splitGroup';
			groupId: string;
			newGroupId: string;
			/** Who goes to the new group; left out, the group is halved with roles and countries spread. */
			participantIds?: string[];
	  }
	| {
			type: 'reallocate';
			settings: AllocationSettings;
			mode: ReallocationMode;
			/** Ids for the groups the run creates, used in order (extra ones are ignored). */
			newGroupIds: string[];
			/** The plan shown to the organiser: refused if the run would now do anything else. */
			preview?: ReallocationPlan;
	  };

/** A set of changes: groups as they become (null: gone) and seats as they become (null: unplaced). */
export interface GroupingChange {
	groups: { id: string; group: GroupingGroup | null; index: number }[];
	seats: { participantId: string; seat: Seat | null }[];
}

/** What an action touched, for undo's conflict check. */
export interface Touched {
	/** People whose seat changed. */
	people: string[];
	/** Groups created, removed, renamed or relabelled. */
	groups: string[];
	/** Groups someone was seated in. */
	joined: string[];
}

/** An applied action: how to undo it and what it touched. */
export interface Applied {
	inverse: GroupingChange;
	touched: Touched;
}

export type GroupingResult =
	{ ok: true; state: GroupingState; applied: Applied } | { ok: false; error: DomainError };

/** Where someone is before or after a re-allocation. */
export type Place = GroupKey | 'no-group' | 'unplaced';

/** What a re-allocation will do. */
export interface ReallocationPlan {
	/** Groups it creates, in order (they take the action's newGroupIds). */
	created: { key: GroupKey; descriptor: GroupDescriptor }[];
	/** Existing groups whose generated name changes (e.g. Employers → Employers I). */
	relabelled: { groupId: string; descriptor: GroupDescriptor }[];
	/** Who goes where, sorted by participant id. */
	moves: { participantId: string; from: Place; to: Place; leader: boolean }[];
	/** Groups it empties, which it removes. */
	removed: string[];
	/** Groups over the limit, people who could not stay. */
	warnings: AllocationWarning[];
}

/** One recorded action of an organiser. */
export interface GroupingEntry {
	actor: string;
	touched: Touched;
	inverse: GroupingChange;
	/** Undone by its actor since. */
	undone: boolean;
	/** An undo itself (never undone in turn). */
	isUndo: boolean;
}

export type GroupingHistory = readonly GroupingEntry[];

const ok = (state: GroupingState, before: GroupingState): GroupingResult => ({
	ok: true,
	state,
	applied: difference(before, state)
});
const fail = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });

/** A working copy of the state that actions change. */
interface Draft {
	groups: GroupingGroup[];
	seats: Map<string, Seat>;
}

const draftOf = (state: GroupingState): Draft => ({
	groups: [...state.groups],
	seats: new Map(state.seats.map((s) => [s.participantId, s]))
});

function finish(draft: Draft): GroupingState {
	const groups = relabelParts(draft.groups);
	const seats = [...draft.seats.values()].sort((x, y) =>
		x.participantId < y.participantId ? -1 : x.participantId > y.participantId ? 1 : 0
	);
	return { groups, seats };
}

/** Split role and country groups say how many parts there are: the highest part of their kind. */
function relabelParts(groups: readonly GroupingGroup[]): GroupingGroup[] {
	const bucketOf = (d: GroupDescriptor) =>
		d.kind === 'role' ? `role:${d.role}` : d.kind === 'country' ? `country:${d.country}` : null;
	const highest = new Map<string, number>();
	for (const { descriptor: d } of groups) {
		if (d.kind !== 'role' && d.kind !== 'country') continue;
		const bucket = bucketOf(d)!;
		highest.set(bucket, Math.max(highest.get(bucket) ?? 0, d.part));
	}
	return groups.map((group) => {
		const d = group.descriptor;
		if (d.kind !== 'role' && d.kind !== 'country') return group;
		const parts = highest.get(bucketOf(d)!)!;
		return d.parts === parts ? group : { ...group, descriptor: { ...d, parts } };
	});
}

/** Applies one grouping action; refusals name the group and what is missing. */
export function applyGrouping(
	state: GroupingState,
	action: GroupingAction,
	context: GroupingContext
): GroupingResult {
	const draft = draftOf(state);
	const known = new Set(context.participants.map((p) => p.id));
	const groupById = (id: string) => draft.groups.find((g) => g.id === id);
	const people = (ids: readonly string[], allowNone = false): string[] | DomainError => {
		if (ids.length === 0 && !allowNone) return refuse('empty', { field: 'participantIds' });
		if (!ids.every((id) => known.has(id))) return refuse('not_found', { field: 'participantIds' });
		return [...new Set(ids)];
	};
	const isError = (value: unknown): value is DomainError =>
		typeof value === 'object' && value !== null && 'code' in value;

	switch (action.type) {
		case 'move': {
			const ids = people(action.participantIds);
			if (isError(ids)) return fail(ids);
			if (!groupById(action.to)) return fail(refuse('not_found', { field: 'groupId' }));
			for (const id of ids) {
				const seat = draft.seats.get(id);
				const leader = seat?.groupId === action.to && seat.leader;
				draft.seats.set(id, { participantId: id, groupId: action.to, leader, pinned: true });
			}
			break;
		}
		case 'swap': {
			if (!known.has(action.a)) return fail(refuse('not_found', { field: 'a' }));
			if (!known.has(action.b)) return fail(refuse('not_found', { field: 'b' }));
			if (action.a === action.b) return fail(refuse('invalid_payload', { field: 'b' }));
			const seatA = draft.seats.get(action.a);
			const seatB = draft.seats.get(action.b);
			const take = (id: string, seat: Seat | undefined) => {
				if (seat) draft.seats.set(id, { ...seat, participantId: id, pinned: true });
				else draft.seats.delete(id);
			};
			take(action.a, seatB);
			take(action.b, seatA);
			break;
		}
		case 'noGroup':
		case 'unplace': {
			const ids = people(action.participantIds);
			if (isError(ids)) return fail(ids);
			for (const id of ids) {
				if (action.type === 'unplace') draft.seats.delete(id);
				else draft.seats.set(id, { participantId: id, groupId: null, leader: false, pinned: true });
			}
			break;
		}
		case 'lead': {
			const ids = people(action.participantIds, true);
			if (isError(ids)) return fail(ids);
			if (!groupById(action.groupId)) return fail(refuse('not_found', { field: 'groupId' }));
			const leaders = new Set(ids);
			for (const seat of draft.seats.values()) {
				if (seat.groupId === action.groupId && seat.leader && !leaders.has(seat.participantId))
					draft.seats.set(seat.participantId, { ...seat, leader: false, pinned: true });
			}
			for (const id of ids)
				draft.seats.set(id, {
					participantId: id,
					groupId: action.groupId,
					leader: true,
					pinned: true
				});
			break;
		}
		case 'addGroup': {
			if (groupById(action.groupId)) return fail(refuse('conflict', { field: 'groupId' }));
			const name = groupNameInput(action.name ?? null);
			if (isError(name)) return fail(name);
			const descriptor = nextDescriptor(draft.groups, { kind: 'manual', number: 1 });
			draft.groups.push({
				id: action.groupId,
				key: groupKey(descriptor),
				descriptor,
				name,
				questions: null
			});
			break;
		}
		case 'renameGroup': {
			const group = groupById(action.groupId);
			if (!group) return fail(refuse('not_found', { field: 'groupId' }));
			const name = groupNameInput(action.name);
			if (isError(name)) return fail(name);
			replaceGroup(draft, { ...group, name });
			break;
		}
		case 'deleteGroup': {
			if (!groupById(action.groupId)) return fail(refuse('not_found', { field: 'groupId' }));
			removeGroup(draft, action.groupId, null);
			break;
		}
		case 'mergeGroups': {
			if (!groupById(action.groupId)) return fail(refuse('not_found', { field: 'groupId' }));
			if (!groupById(action.into)) return fail(refuse('not_found', { field: 'into' }));
			if (action.groupId === action.into) return fail(refuse('invalid_payload', { field: 'into' }));
			removeGroup(draft, action.groupId, action.into);
			break;
		}
		case 'splitGroup': {
			const group = groupById(action.groupId);
			if (!group) return fail(refuse('not_found', { field: 'groupId' }));
			if (groupById(action.newGroupId)) return fail(refuse('conflict', { field: 'newGroupId' }));
			const members = [...draft.seats.values()].filter((s) => s.groupId === group.id);
			const name = context.nameOf(group);
			if (members.length < 2) return fail(refuse('split_needs_two', { group: name }));
			let leaving: Set<string>;
			if (action.participantIds) {
				const ids = people(action.participantIds, true);
				if (isError(ids)) return fail(ids);
				if (!ids.every((id) => draft.seats.get(id)?.groupId === group.id))
					return fail(refuse('not_found', { field: 'participantIds' }));
				leaving = new Set(ids);
			} else {
				leaving = halve(members, context);
			}
			if (leaving.size === 0 || leaving.size === members.length)
				return fail(refuse('split_leaves_empty', { group: name }));
			const descriptor = nextDescriptor(draft.groups, group.descriptor);
			const split: GroupingGroup = {
				id: action.newGroupId,
				key: groupKey(descriptor),
				descriptor,
				name: null,
				questions: group.questions
			};
			draft.groups.splice(draft.groups.indexOf(group) + 1, 0, split);
			for (const seat of members) {
				if (leaving.has(seat.participantId))
					draft.seats.set(seat.participantId, { ...seat, groupId: split.id, pinned: true });
			}
			break;
		}
		case 'reallocate': {
			const planned = reallocation(state, action, context);
			if (!planned.ok) return planned;
			if (action.preview && !same(action.preview, planned.plan))
				return fail(refuse('plan_changed'));
			const ids = action.newGroupIds;
			const taken = new Set(state.groups.map((g) => g.id));
			const fresh = new Set(ids.slice(0, planned.plan.created.length));
			if (fresh.size < planned.plan.created.length || [...fresh].some((id) => taken.has(id)))
				return fail(refuse('invalid_payload', { field: 'newGroupIds' }));
			return ok(planned.apply(ids), state);
		}
	}
	return ok(finish(draft), state);
}

function replaceGroup(draft: Draft, group: GroupingGroup): void {
	draft.groups = draft.groups.map((g) => (g.id === group.id ? group : g));
}

/** Removes a group; its people go into `into` (pinned) or become unplaced. */
function removeGroup(draft: Draft, groupId: string, into: string | null): void {
	draft.groups = draft.groups.filter((g) => g.id !== groupId);
	for (const seat of [...draft.seats.values()]) {
		if (seat.groupId !== groupId) continue;
		if (into) draft.seats.set(seat.participantId, { ...seat, groupId: into, pinned: true });
		else draft.seats.delete(seat.participantId);
	}
}

/** A group's own name: trimmed, empty for none, at most groupingLimits.groupName characters. */
function groupNameInput(name: string | null): string | null | DomainError {
	const trimmed = (name ?? '').trim();
	const max = groupingLimits.groupName;
	if ([...trimmed].length > max) return refuse('too_long', { field: 'name', max });
	return trimmed === '' ? null : trimmed;
}

/** The next group of the same kind: a new part of a role or country, or the next number. */
function nextDescriptor(groups: readonly GroupingGroup[], like: GroupDescriptor): GroupDescriptor {
	const keys = new Set(groups.map((g) => g.key));
	const numbers = groups.flatMap(({ descriptor: d }) => {
		if (like.kind === 'role' && d.kind === 'role' && d.role === like.role) return [d.part];
		if (like.kind === 'country' && d.kind === 'country' && d.country === like.country)
			return [d.part];
		if ((like.kind === 'mixed' || like.kind === 'manual') && d.kind === like.kind)
			return [d.number];
		return [];
	});
	let n = Math.max(0, ...numbers);
	for (;;) {
		n++;
		const descriptor: GroupDescriptor =
			like.kind === 'role' || like.kind === 'country'
				? { ...like, part: n, parts: n }
				: { kind: like.kind, number: n };
		if (!keys.has(groupKey(descriptor))) return descriptor;
	}
}

/** Half of a group's people, with roles, countries and leaders spread over both halves. */
function halve(members: readonly Seat[], context: GroupingContext): Set<string> {
	const byId = new Map(context.participants.map((p) => [p.id, p]));
	const sorted = [...members].sort((x, y) => (x.participantId < y.participantId ? -1 : 1));
	const items = sorted.map((seat) => {
		const person = byId.get(seat.participantId);
		return { a: seat.leader ? '\u0000leader' : (person?.role ?? ''), b: person?.country ?? '' };
	});
	const colours = equitableColouring(items, 2);
	const inOne = colours.filter((c) => c === 1).length;
	// The smaller half leaves, so that the group keeps its larger part ("I" is never smaller).
	const leaving = inOne <= colours.length - inOne ? 1 : 0;
	return new Set(sorted.filter((_, i) => colours[i] === leaving).map((s) => s.participantId));
}

type Planned =
	| { ok: true; plan: ReallocationPlan; apply: (newGroupIds: readonly string[]) => GroupingState }
	| { ok: false; error: DomainError };

/** What a re-allocation will do, before applying it. */
export function planReallocation(
	state: GroupingState,
	request: { settings: AllocationSettings; mode: ReallocationMode },
	context: GroupingContext
): { ok: true; plan: ReallocationPlan } | { ok: false; error: DomainError } {
	const planned = reallocation(state, request, context);
	return planned.ok ? { ok: true, plan: planned.plan } : planned;
}

function settingsError(settings: AllocationSettings): DomainError | null {
	if (!groupingRules.includes(settings.rule)) return refuse('invalid_payload', { field: 'rule' });
	const max = settings.maxGroupSize;
	if (!Number.isInteger(max) || max < 1)
		return refuse('invalid_payload', { field: 'maxGroupSize' });
	for (const placement of Object.values(settings.roles ?? {})) {
		const n = placement.kind === 'own' ? placement.groups : undefined;
		if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > maxGroupsPerRole))
			return refuse('invalid_payload', { field: 'roles' });
	}
	return null;
}

function reallocation(
	state: GroupingState,
	request: { settings: AllocationSettings; mode: ReallocationMode },
	context: GroupingContext
): Planned {
	const { settings, mode } = request;
	const invalid = settingsError(settings);
	if (invalid) return fail(invalid);
	const keepAll = mode === 'unplaced' || settings.rule === 'manual';
	const groupOf = new Map(state.groups.map((g) => [g.id, g]));
	const seats = new Map(state.seats.map((s) => [s.participantId, s]));
	const pinned: Record<string, GroupKey> = {};
	const previous: Record<string, GroupKey> = {};
	const kept = new Set<string>();
	const participants: AllocationParticipant[] = [];
	for (const person of context.participants) {
		const seat = seats.get(person.id);
		if (!seat) {
			participants.push(person);
			continue;
		}
		if (seat.groupId === null) {
			// "No group" is always kept, whether chosen by hand or by the role's option.
			kept.add(person.id);
			continue;
		}
		const key = groupOf.get(seat.groupId)!.key;
		if (keepAll || seat.pinned || seat.leader) {
			kept.add(person.id);
			pinned[person.id] = key;
			participants.push({ ...person, leader: seat.leader });
		} else {
			previous[person.id] = key;
			participants.push(person);
		}
	}
	const allocation = allocate({ ...settings, participants, pinned, previous });

	const byKey = new Map(state.groups.map((g) => [g.key, g]));
	const created: ReallocationPlan['created'] = [];
	const target = new Map<string, { key: GroupKey | null; leader: boolean }>();
	for (const group of allocation.groups) {
		if (!byKey.has(group.key)) created.push({ key: group.key, descriptor: group.descriptor });
		const leaders = new Set(group.leaderIds);
		for (const id of group.memberIds)
			if (!kept.has(id)) target.set(id, { key: group.key, leader: leaders.has(id) });
	}
	for (const id of allocation.noGroup)
		if (!kept.has(id)) target.set(id, { key: null, leader: false });

	const placeOf = (seat: Seat | undefined): Place =>
		!seat ? 'unplaced' : seat.groupId === null ? 'no-group' : groupOf.get(seat.groupId)!.key;
	const moves: ReallocationPlan['moves'] = [];
	for (const [id, to] of [...target].sort(([x], [y]) => (x < y ? -1 : 1))) {
		const seat = seats.get(id);
		const from = placeOf(seat);
		const toPlace: Place = to.key ?? 'no-group';
		if (from === toPlace && (seat?.leader ?? false) === to.leader) continue;
		moves.push({ participantId: id, from, to: toPlace, leader: to.leader });
	}
	// Groups that had people and have none after the run go with it; empty ones made by hand stay.
	const after = new Map(seats);
	for (const move of moves) after.delete(move.participantId);
	const occupied = new Set<string>();
	for (const seat of after.values()) if (seat.groupId) occupied.add(seat.groupId);
	for (const move of moves) if (move.to !== 'no-group') occupied.add(byKey.get(move.to)?.id ?? '');
	const hadPeople = new Set(state.seats.flatMap((s) => (s.groupId ? [s.groupId] : [])));
	const removed = state.groups
		.filter((g) => hadPeople.has(g.id) && !occupied.has(g.id))
		.map((g) => g.id);

	const apply = (newGroupIds: readonly string[]): GroupingState => {
		const draft = draftOf(state);
		const idOf = new Map(state.groups.map((g) => [g.key, g.id]));
		created.forEach((g, i) => idOf.set(g.key, newGroupIds[i]!));
		// Hand-made groups keep their descriptor; rule groups take the run's (its parts).
		const fromRun = new Map(allocation.groups.map((g) => [g.key, g.descriptor]));
		draft.groups = draft.groups.map((g) => {
			const descriptor = fromRun.get(g.key);
			return descriptor && descriptor.kind !== 'manual' ? { ...g, descriptor } : g;
		});
		// New groups follow the group the allocation lists before them.
		let cursor = 0;
		for (const group of allocation.groups) {
			const id = idOf.get(group.key)!;
			const at = draft.groups.findIndex((g) => g.id === id);
			if (at !== -1) {
				cursor = at + 1;
				continue;
			}
			const made: GroupingGroup = {
				id,
				key: group.key,
				descriptor: group.descriptor,
				name: null,
				questions: null
			};
			draft.groups.splice(cursor++, 0, made);
		}
		for (const move of moves) {
			const groupId = move.to === 'no-group' ? null : idOf.get(move.to)!;
			draft.seats.set(move.participantId, {
				participantId: move.participantId,
				groupId,
				leader: move.leader,
				pinned: false
			});
		}
		const gone = new Set(removed);
		draft.groups = draft.groups.filter((g) => !gone.has(g.id));
		return finish(draft);
	};
	// The names that change are read off the result itself, so the preview cannot differ from it.
	const placeholders = created.map((g) => `\u0000new:${g.key}`);
	const outcome = new Map(apply(placeholders).groups.map((g) => [g.id, g.descriptor]));
	const relabelled = state.groups.flatMap((g) => {
		const descriptor = outcome.get(g.id);
		return descriptor && !same(descriptor, g.descriptor) ? [{ groupId: g.id, descriptor }] : [];
	});
	const plan: ReallocationPlan = {
		created,
		relabelled,
		moves,
		removed,
		warnings: allocation.warnings
	};
	return { ok: true, plan, apply };
}

/** Deep equality of plain data (key order does not matter: records may come from storage). */
function same(x: unknown, y: unknown): boolean {
	if (x === y) return true;
	if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
	if (Array.isArray(x) !== Array.isArray(y)) return false;
	const xs = x as Record<string, unknown>;
	const ys = y as Record<string, unknown>;
	const keys = Object.keys(xs);
	if (keys.length !== Object.keys(ys).length) return false;
	return keys.every((k) => Object.hasOwn(ys, k) && same(xs[k], ys[k]));
}

/** The change that turns `after` back into `before`, and what the step touched. */
function difference(before: GroupingState, after: GroupingState): Applied {
	const groups: GroupingChange['groups'] = [];
	const touchedGroups: string[] = [];
	const beforeGroups = new Map(before.groups.map((g, i) => [g.id, { g, i }]));
	const afterGroups = new Map(after.groups.map((g) => [g.id, g]));
	for (const id of new Set([...beforeGroups.keys(), ...afterGroups.keys()])) {
		const old = beforeGroups.get(id);
		if (same(old?.g, afterGroups.get(id))) continue;
		groups.push({ id, group: old?.g ?? null, index: old?.i ?? -1 });
		touchedGroups.push(id);
	}
	const seats: GroupingChange['seats'] = [];
	const people: string[] = [];
	const joined = new Set<string>();
	const beforeSeats = new Map(before.seats.map((s) => [s.participantId, s]));
	const afterSeats = new Map(after.seats.map((s) => [s.participantId, s]));
	for (const id of new Set([...beforeSeats.keys(), ...afterSeats.keys()])) {
		const old = beforeSeats.get(id);
		const now = afterSeats.get(id);
		if (same(old, now)) continue;
		seats.push({ participantId: id, seat: old ?? null });
		people.push(id);
		if (now?.groupId) joined.add(now.groupId);
	}
	return {
		inverse: { groups, seats },
		touched: { people: people.sort(), groups: touchedGroups.sort(), joined: [...joined].sort() }
	};
}

/** Applies a change: groups removed, replaced or put back at their index; seats set. */
export function applyChange(state: GroupingState, change: GroupingChange): GroupingState {
	const draft = draftOf(state);
	const gone = new Set(change.groups.filter((c) => c.group === null).map((c) => c.id));
	draft.groups = draft.groups.filter((g) => !gone.has(g.id));
	const restored = change.groups
		.filter((c): c is { id: string; group: GroupingGroup; index: number } => c.group !== null)
		.sort((x, y) => x.index - y.index);
	for (const { id, group, index } of restored) {
		const at = draft.groups.findIndex((g) => g.id === id);
		if (at !== -1) draft.groups[at] = group;
		else draft.groups.splice(Math.min(Math.max(index, 0), draft.groups.length), 0, group);
	}
	for (const { participantId, seat } of change.seats) {
		if (seat) draft.seats.set(participantId, seat);
		else draft.seats.delete(participantId);
	}
	const seatsSorted = [...draft.seats.values()].sort((x, y) =>
		x.participantId < y.participantId ? -1 : 1
	);
	return { groups: draft.groups, seats: seatsSorted };
}

/** Adds an applied action to the history (actions that changed nothing are left out). */
export function recordGrouping(
	history: GroupingHistory,
	actor: string,
	applied: Applied,
	isUndo = false
): GroupingHistory {
	const { touched } = applied;
	if (touched.people.length === 0 && touched.groups.length === 0) return history;
	const entry: GroupingEntry = { actor, ...applied, undone: false, isUndo };
	return [...history, entry].slice(-groupingLimits.history);
}

const overlap = (x: readonly string[], y: readonly string[]) => x.filter((v) => y.includes(v));

/** What a later change by someone else shares with an entry, so that undoing would overwrite it. */
function conflicts(
	entry: GroupingEntry,
	later: GroupingEntry
): { groups: string[]; people: string[] } {
	const created = entry.inverse.groups.filter((c) => c.group === null).map((c) => c.id);
	return {
		people: overlap(entry.touched.people, later.touched.people),
		groups: [
			...overlap(entry.touched.groups, later.touched.groups),
			...overlap(created, later.touched.joined)
		]
	};
}

/**
 * Undoes the actor's own last action that is not undone yet. Refused when another organiser has
 * since changed any of the same people or groups: the undo would overwrite their change.
 */
export function undoGrouping(
	state: GroupingState,
	history: GroupingHistory,
	actor: string,
	context: GroupingContext
):
	{ ok: true; state: GroupingState; history: GroupingHistory } | { ok: false; error: DomainError } {
	let index = -1;
	for (let i = history.length - 1; i >= 0; i--) {
		const e = history[i]!;
		if (e.actor === actor && !e.undone && !e.isUndo) {
			index = i;
			break;
		}
	}
	if (index === -1) return fail(refuse('nothing_to_undo'));
	const entry = history[index]!;
	const others = history.slice(index + 1).filter((e) => e.actor !== actor && !e.undone);
	const groups = new Set<string>();
	const people = new Set<string>();
	for (const later of others) {
		const shared = conflicts(entry, later);
		shared.groups.forEach((g) => groups.add(g));
		shared.people.forEach((p) => people.add(p));
	}
	const next = applyChange(state, entry.inverse);
	// A seat pointing at a group someone else removed would be left dangling: refuse that too.
	const ids = new Set(next.groups.map((g) => g.id));
	const removed = new Set<string>();
	for (const seat of next.seats)
		if (seat.groupId !== null && !ids.has(seat.groupId)) {
			people.add(seat.participantId);
			removed.add(seat.groupId);
		}
	// So would a group put back under a key (Group 3, Employers II) that a newer group now has.
	const restored = new Set(entry.inverse.groups.flatMap((c) => (c.group ? [c.group.key] : [])));
	for (const group of state.groups) {
		const back = entry.inverse.groups.some((c) => c.id === group.id);
		if (!back && restored.has(group.key)) groups.add(group.id);
	}
	if (groups.size > 0 || people.size > 0) {
		const names = new Map(context.participants.map((p) => [p.id, p.name ?? p.id]));
		const affected = [
			...state.groups.filter((g) => groups.has(g.id)).map((g) => context.nameOf(g)),
			...[...people].map((id) => names.get(id) ?? id).sort()
		];
		// Whose later changes are in the way, so the refusal can name them (actor ids, in order).
		const inTheWay = others.filter(
			(e) =>
				e.touched.people.some((p) => people.has(p)) ||
				[...e.touched.groups, ...e.touched.joined].some((g) => groups.has(g) || removed.has(g))
		);
		const byActors = [...new Set(inTheWay.map((e) => e.actor))].join(',');
		return fail(
			refuse('undo_conflict', {
				affected: affected.join(', '),
				...(byActors ? { byActors } : {})
			})
		);
	}
	const marked = history.map((e, i) => (i === index ? { ...e, undone: true } : e));
	return {
		ok: true,
		state: next,
		history: recordGrouping(marked, actor, difference(state, next), true)
	};
}

/** The groups with people in them: the only ones shown on the plenum screen, overview or report. */
export function shownGroups(state: GroupingState): GroupingGroup[] {
	const occupied = new Set(state.seats.map((s) => s.groupId));
	return state.groups.filter((g) => occupied.has(g.id));
}

/**
 * The groups a round starts (those with people), or a refusal: no group has anyone, or a group
 * has no questions of its own while the round has none (named, e.g. "Gruppe 3").
 */
export function startableGroups(
	state: GroupingState,
	roundQuestions: readonly string[],
	context: GroupingContext
): { ok: true; groups: GroupingGroup[] } | { ok: false; error: DomainError } {
	const groups = shownGroups(state);
	if (groups.length === 0) return fail(refuse('empty', { field: 'groups' }));
	for (const group of groups) {
		const questions = group.questions?.length ? group.questions : roundQuestions;
		if (questions.length === 0)
			return fail(refuse('group_without_questions', { group: context.nameOf(group) }));
	}
	return { ok: true, groups };
}
