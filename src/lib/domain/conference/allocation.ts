import type { Language } from '../session/types';
import { countries, countryName, type CountryCode } from './countries';
import { defaultRoleIds, roleLabel, type RoleDefinition, type RoleId } from './roles';

/** How a round puts people into groups. */
export const groupingRules = ['role', 'country', 'mixed', 'manual'] as const;
export type GroupingRule = (typeof groupingRules)[number];

/**
 * A group's stable key: role:<roleId>:<part>, country:<code>:<part>, mixed:<n>, or any other
 * string for a group made by hand (manual:<n> by convention). Keys stay the same across re-runs
 * so that pins and earlier placements keep pointing at the same group.
 */
export type GroupKey = string;

/** Someone to place. */
export interface AllocationParticipant {
	/** Stable id; everything is sorted by it, so the order of the input never matters. */
	id: string;
	/** Display name; not used for placement, so renaming someone never moves them. */
	name?: string;
	/** ISO country code: the group for 'country', spread over groups otherwise. */
	country: CountryCode;
	/** Role id: the group for 'role', spread over groups otherwise. */
	role: RoleId;
	/**
	 * Leads a group: leaders are spread so that every group gets one where the numbers allow.
	 * Someone not pinned whose role's option is 'lead' leads too.
	 */
	leader?: boolean;
}

export interface AllocationInput {
	/** Everyone to place (ids must be unique). */
	participants: readonly AllocationParticipant[];
	/** By role, by country, mixed for the most diversity, or manual (only pins are placed). */
	rule: GroupingRule;
	/** Most people in one group, leaders included (an integer ≥ 1). */
	maxGroupSize: number;
	/** Moves made by hand, participant id → group key; kept on every re-run, even over the limit. */
	pinned?: Readonly<Record<string, GroupKey>>;
	/** The last run, participant id → group key: people stay where they can (not for 'manual'). */
	previous?: Readonly<Record<string, GroupKey>>;
	/** For 'role': roles that sit in another role's groups, e.g. { coordinator: 'job-coach' }. */
	seatWith?: Readonly<Record<RoleId, RoleId>>;
	/** What each role does (overrides seatWith); a role not listed gets its own group(s). */
	roles?: Readonly<Record<RoleId, RolePlacement>>;
}

/**
 * Where a role's people go. 'own' and 'with' apply to the rule 'role'; 'lead' and 'none' to
 * every rule. A pin always wins over its person's role option.
 */
export type RolePlacement =
	| {
			kind: 'own';
			/** Exactly this many groups (1–99, never more than the people); else as the limit needs. */
			groups?: number;
	  }
	| {
			kind: 'with';
			/** Sits in this role's groups (chains are followed; a cycle falls back to its own). */
			role: RoleId;
	  }
	/** Spread over the groups as leaders: the group lacking a leader the most gets the next. */
	| { kind: 'lead' }
	/** In no group for the round. */
	| { kind: 'none' };

/** Most groups one role may ask for. */
export const maxGroupsPerRole = 99;

/** How a round allocates: what a re-allocation needs besides the people. */
export type AllocationSettings = Pick<
	AllocationInput,
	'rule' | 'maxGroupSize' | 'seatWith' | 'roles'
>;

/** What a group is, so that the UI can name it in any language (see groupName). */
export type GroupDescriptor =
	| {
			kind: 'role';
			/** The role the group is for. */
			role: RoleId;
			/** Which part of a split role group (1-based). */
			part: number;
			/** Highest part number of the role group; 1 means it was not split. */
			parts: number;
	  }
	| {
			kind: 'country';
			/** The country the group is for. */
			country: CountryCode;
			/** Which part of a split country group (1-based). */
			part: number;
			/** Highest part number of the country group; 1 means it was not split. */
			parts: number;
	  }
	| {
			kind: 'mixed';
			/** The group's number (1-based). */
			number: number;
	  }
	| {
			kind: 'manual';
			/** The group's number among the hand-made groups (1-based). */
			number: number;
	  };

/** One group of the result. */
export interface AllocatedGroup {
	/** Stable key (see GroupKey). */
	key: GroupKey;
	/** What the group is, for naming it. */
	descriptor: GroupDescriptor;
	/** Everyone in the group, leaders included, sorted by id. */
	memberIds: string[];
	/** The members flagged as leaders, sorted by id. */
	leaderIds: string[];
}

/** Something the organiser should know about a run; nothing here stops the result being used. */
export type AllocationWarning =
	| {
			code: 'over_max';
			/** The group that is too big. */
			group: GroupKey;
			/** Its size. */
			size: number;
			/** The limit. */
			max: number;
	  }
	| {
			code: 'not_kept';
			/** Who was moved out of their earlier group. */
			participantId: string;
			/** The earlier group. */
			group: GroupKey;
			/** full: the limit left no seat; rule: the group no longer fits their role or country. */
			reason: 'full' | 'rule';
	  }
	| {
			code: 'unknown_participant';
			/** A pinned id that is not among the participants (the pin is ignored). */
			participantId: string;
	  };

/** The result of a run. */
export interface Allocation {
	/** Non-empty groups: rule groups in role/country/number order, then hand-made groups. */
	groups: AllocatedGroup[];
	/** People not in any group (only with 'manual'), sorted by id. */
	unassigned: string[];
	/** People whose role goes in no group (role option 'none'), sorted by id. */
	noGroup: string[];
	/** Pins that overfill a group, people who could not stay, unknown pins. */
	warnings: AllocationWarning[];
}

interface Person {
	id: string;
	leader: boolean;
	/** Leads whichever group lacks a leader (role option 'lead'), not one of their own. */
	floats: boolean;
	/** Goes in no group (role option 'none') unless pinned. */
	none: boolean;
	/** Role, or country, or '' for mixed: people with the same bucket share groups. */
	bucket: string;
	/** First attribute to spread: the role (or a marker for leaders, so that they spread too). */
	a: string;
	/** Second attribute to spread: the country. */
	b: string;
}

interface Bucket {
	id: string;
	/** Parts asked for by the role option; else as many as the limit needs. */
	target?: number;
	/** Pinned and kept people by part. */
	fixed: Map<number, Person[]>;
	/** People the run places. */
	free: Person[];
}

const leaderMarker = '\u0000leader';

function compareStrings(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders keys with numbers by value, so that manual:10 comes after manual:9. */
function compareNatural(x: string, y: string): number {
	const xs = x.match(/\d+|\D+/g) ?? [];
	const ys = y.match(/\d+|\D+/g) ?? [];
	for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
		const p = xs[i]!;
		const q = ys[i]!;
		if (p === q) continue;
		const bothNumbers = /^\d/.test(p) && /^\d/.test(q);
		return bothNumbers ? Number(p) - Number(q) || compareStrings(p, q) : compareStrings(p, q);
	}
	return xs.length - ys.length;
}

/** The key of a rule group. */
export function groupKey(descriptor: GroupDescriptor): GroupKey {
	switch (descriptor.kind) {
		case 'role':
			return `role:${descriptor.role}:${descriptor.part}`;
		case 'country':
			return `country:${descriptor.country}:${descriptor.part}`;
		case 'mixed':
			return `mixed:${descriptor.number}`;
		case 'manual':
			return `manual:${descriptor.number}`;
	}
}

/**
 * Reads a key of the given rule: its bucket and part; null for keys the rule does not make.
 * Parts go up to 9999, so that a stray pin cannot make a million empty parts.
 */
function parseRuleKey(rule: GroupingRule, key: GroupKey): { bucket: string; part: number } | null {
	if (rule === 'mixed') {
		const m = /^mixed:([1-9]\d{0,3})$/.exec(key);
		return m ? { bucket: '', part: Number(m[1]) } : null;
	}
	const prefix = `${rule}:`;
	if (!key.startsWith(prefix)) return null;
	const colon = key.lastIndexOf(':');
	const part = key.slice(colon + 1);
	if (colon < prefix.length || !/^[1-9]\d{0,3}$/.test(part)) return null;
	return { bucket: key.slice(prefix.length, colon), part: Number(part) };
}

/**
 * Places participants into groups. Pure and deterministic: the same input gives the same
 * output whatever order the participants come in.
 *
 * - role / country: one group per role (after seatWith) or country. A group over maxGroupSize
 *   is split into the fewest parts (⌈n / max⌉) with sizes that differ by at most one, and the
 *   parts get the countries (for roles) or roles (for countries) spread as evenly as possible.
 * - mixed: ⌈n / max⌉ groups with sizes differing by at most one, where every role and every
 *   country is spread evenly: each group holds ⌊c/k⌋ or ⌈c/k⌉ of a role or country with c people.
 * - manual: only pinned people are placed; everyone else is returned as unassigned.
 *
 * Leaders count towards the size and are spread like a role. A leader whose role (or country)
 * has nobody else to sit with leads another group: the one lacking a leader the most.
 *
 * Role options (`roles`): a role gets its own group(s), exactly `groups` of them if asked
 * (over the limit if need be, reported as over_max); sits with another role; leads (its people
 * are spread over all groups as leaders, as above); or goes in no group (listed in noGroup).
 *
 * Pins always hold, even over the limit (reported as over_max). With a previous allocation,
 * people stay in their group when it still fits their role or country and has a seat; late
 * arrivals fill the seats left, and new parts open only when the seats run out. Such re-runs
 * keep people put before they keep sizes even; only a fresh run guarantees the even spread.
 *
 * @throws RangeError when maxGroupSize is not an integer ≥ 1 or an id appears twice.
 */
export function allocate(input: AllocationInput): Allocation {
	const max = input.maxGroupSize;
	if (!Number.isInteger(max) || max < 1) {
		throw new RangeError(`maxGroupSize must be an integer ≥ 1, got ${max}`);
	}
	const { rule } = input;
	const placementOf = rolePlacements(input);
	const leads = (role: RoleId) => placementOf(role)?.kind === 'lead';
	const pinnedIds = new Set(Object.keys(input.pinned ?? {}));
	const people: Person[] = input.participants
		.map((p) => {
			// A pin wins over the role option: a pinned member of a leading role stays a member.
			const leader = p.leader === true || (leads(p.role) && !pinnedIds.has(p.id));
			const role = rule === 'role' ? seatedRole(placementOf, p.role) : p.role;
			return {
				id: p.id,
				leader,
				floats: leader && leads(p.role),
				bucket: rule === 'role' ? role : rule === 'country' ? p.country : '',
				a: leader ? leaderMarker : p.role,
				b: p.country,
				none: placementOf(p.role)?.kind === 'none'
			};
		})
		.sort((x, y) => compareStrings(x.id, y.id));
	for (let i = 1; i < people.length; i++) {
		if (people[i]!.id === people[i - 1]!.id) {
			throw new RangeError(`participant id ${people[i]!.id} appears twice`);
		}
	}
	const byId = new Map(people.map((p) => [p.id, p]));
	const warnings: AllocationWarning[] = [];

	// Pins first: they are the organiser's decisions and are never undone.
	const fixed = new Map<GroupKey, Person[]>();
	const placed = new Set<string>();
	for (const [id, key] of sortedEntries(input.pinned)) {
		const person = byId.get(id);
		if (!person) {
			warnings.push({ code: 'unknown_participant', participantId: id });
			continue;
		}
		pushTo(fixed, key, person);
		placed.add(id);
	}

	// Then those whose role sits in no group; pins already went first.
	const noGroup: string[] = [];
	for (const person of people) {
		if (person.none && !placed.has(person.id)) {
			noGroup.push(person.id);
			placed.add(person.id);
		}
	}

	if (rule === 'manual') {
		const groups = handMadeGroups(fixed);
		warnOverMax(groups, max, warnings);
		const unassigned = people.filter((p) => !placed.has(p.id)).map((p) => p.id);
		return { groups, unassigned, noGroup, warnings };
	}

	// Then earlier placements, as long as they fit the rule and the limit.
	const regrouped = rolesWithNewCount(rule, people, input.previous, placementOf);
	for (const [id, key] of sortedEntries(input.previous)) {
		const person = byId.get(id);
		if (!person || placed.has(id)) continue;
		const parsed = parseRuleKey(rule, key);
		// A role asked for another number of groups than it sat in is spread afresh.
		if (parsed && regrouped.has(parsed.bucket) && parsed.bucket === person.bucket) continue;
		// Leaders may lead any group of the rule (see below), so only their key must fit the rule.
		if (!parsed || (parsed.bucket !== person.bucket && !person.leader)) {
			warnings.push({ code: 'not_kept', participantId: id, group: key, reason: 'rule' });
			continue;
		}
		if ((fixed.get(key)?.length ?? 0) >= max) {
			warnings.push({ code: 'not_kept', participantId: id, group: key, reason: 'full' });
			continue;
		}
		pushTo(fixed, key, person);
		placed.add(id);
	}

	const buckets = new Map<string, Bucket>();
	const bucketOf = (id: string): Bucket => {
		let bucket = buckets.get(id);
		if (!bucket) {
			const own = rule === 'role' ? placementOf(id) : undefined;
			const target = own?.kind === 'own' ? own.groups : undefined;
			bucket = { id, fixed: new Map(), free: [], ...(target ? { target } : {}) };
			buckets.set(id, bucket);
		}
		return bucket;
	};
	const handMade = new Map<GroupKey, Person[]>();
	for (const [key, members] of fixed) {
		const parsed = parseRuleKey(rule, key);
		if (parsed) bucketOf(parsed.bucket).fixed.set(parsed.part, members);
		else handMade.set(key, members);
	}
	const floating: Person[] = [];
	for (const person of people) {
		if (placed.has(person.id)) continue;
		if (person.floats) floating.push(person);
		else bucketOf(person.bucket).free.push(person);
	}

	// A leader with nobody of their own role (country) to sit with leads another group instead.
	const isReal = (b: Bucket) => b.fixed.size > 0 || b.free.some((p) => !p.leader);
	const anyReal = [...buckets.values()].some(isReal);
	if (anyReal) {
		for (const bucket of [...buckets.values()]) {
			if (isReal(bucket)) continue;
			floating.push(...bucket.free);
			buckets.delete(bucket.id);
		}
	} else {
		// Nobody but leaders: they sit by their own role (country) after all.
		for (const leader of floating.splice(0)) bucketOf(leader.bucket).free.push(leader);
	}
	const ordered = [...buckets.values()].sort((x, y) => compareBuckets(rule, x.id, y.id));
	for (const leader of floating.sort((x, y) => compareStrings(x.id, y.id))) {
		let best: { bucket: Bucket; score: number[] } | null = null;
		for (const bucket of ordered) {
			const parts = partsNeeded(bucket, max, 0);
			const grown = partsNeeded(bucket, max, 1);
			const leaders = countLeaders(bucket);
			const size = Math.ceil((countPeople(bucket) + 1) / grown);
			// Most missing leaders first, then a group that need not split for it, then the smallest.
			const score = [-(parts - leaders), grown > parts ? 1 : 0, size];
			if (!best || lexLess(score, best.score)) best = { bucket, score };
		}
		best!.bucket.free.push(leader);
	}

	const groups: AllocatedGroup[] = [];
	for (const bucket of ordered) {
		const parts = partsNeeded(bucket, max, 0);
		const slots = fillSlots(bucket, parts, max);
		const used = slots.flatMap((members, i) => (members.length > 0 ? [i + 1] : []));
		const lastPart = Math.max(...used);
		for (const part of used) {
			const descriptor: GroupDescriptor =
				rule === 'mixed'
					? { kind: 'mixed', number: part }
					: rule === 'role'
						? { kind: 'role', role: bucket.id, part, parts: lastPart }
						: { kind: 'country', country: bucket.id, part, parts: lastPart };
			groups.push(makeGroup(groupKey(descriptor), descriptor, slots[part - 1]!));
		}
	}
	groups.push(...handMadeGroups(handMade));
	warnOverMax(groups, max, warnings);
	return { groups, unassigned: [], noGroup, warnings };
}

/**
 * Roles (by the rule 'role') whose option asks for exactly n groups while their earlier
 * placements sat in another number of parts (n capped at the role's people).
 */
function rolesWithNewCount(
	rule: GroupingRule,
	people: readonly { bucket: string }[],
	previous: AllocationInput['previous'],
	placementOf: (role: RoleId) => RolePlacement | undefined
): Set<string> {
	const changed = new Set<string>();
	if (rule !== 'role' || !previous) return changed;
	const parts = new Map<string, Set<number>>();
	for (const key of Object.values(previous)) {
		const parsed = parseRuleKey(rule, key);
		if (!parsed) continue;
		const seen = parts.get(parsed.bucket) ?? new Set<number>();
		seen.add(parsed.part);
		parts.set(parsed.bucket, seen);
	}
	for (const [bucket, seen] of parts) {
		const option = placementOf(bucket);
		if (option?.kind !== 'own' || option.groups === undefined) continue;
		const size = people.filter((p) => p.bucket === bucket).length;
		if (seen.size !== Math.min(option.groups, size)) changed.add(bucket);
	}
	return changed;
}

/**
 * Each role's option: `roles` first, then `seatWith`.
 * @throws RangeError for a number of groups that is not a whole number from 1 to 99.
 */
function rolePlacements(input: AllocationInput): (role: RoleId) => RolePlacement | undefined {
	const roles = new Map(Object.entries(input.roles ?? {}));
	for (const [role, placement] of roles) {
		const n = placement.kind === 'own' ? placement.groups : undefined;
		if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > maxGroupsPerRole)) {
			throw new RangeError(`groups for ${role} must be an integer from 1 to ${maxGroupsPerRole}`);
		}
	}
	const seatWith = new Map(Object.entries(input.seatWith ?? {}));
	return (role) => {
		const chosen = roles.get(role);
		if (chosen) return chosen;
		const other = seatWith.get(role);
		return other === undefined ? undefined : { kind: 'with', role: other };
	};
}

/** The role whose groups a role sits in: 'with' chains followed, a cycle ends at the start. */
function seatedRole(
	placementOf: (role: RoleId) => RolePlacement | undefined,
	role: RoleId
): RoleId {
	const seen = new Set([role]);
	let current = role;
	for (;;) {
		const placement = placementOf(current);
		if (placement?.kind !== 'with') return current;
		if (seen.has(placement.role)) return role;
		seen.add(placement.role);
		current = placement.role;
	}
}

function sortedEntries(
	record: Readonly<Record<string, GroupKey>> | undefined
): [string, GroupKey][] {
	return Object.entries(record ?? {}).sort(([x], [y]) => compareStrings(x, y));
}

function pushTo(map: Map<GroupKey, Person[]>, key: GroupKey, person: Person): void {
	const list = map.get(key);
	if (list) list.push(person);
	else map.set(key, [person]);
}

function lexLess(x: number[], y: number[]): boolean {
	for (let i = 0; i < x.length; i++) {
		if (x[i] !== y[i]) return x[i]! < y[i]!;
	}
	return false;
}

function countPeople(bucket: Bucket): number {
	let n = bucket.free.length;
	for (const members of bucket.fixed.values()) n += members.length;
	return n;
}

function countLeaders(bucket: Bucket): number {
	let n = bucket.free.filter((p) => p.leader).length;
	for (const members of bucket.fixed.values()) n += members.filter((p) => p.leader).length;
	return n;
}

/**
 * The fewest parts that seat everyone of a bucket (plus `extra`), never fewer than the highest
 * part someone is pinned or kept in. Seats already taken by pins do not count as free.
 */
function partsNeeded(bucket: Bucket, max: number, extra: number): number {
	if (bucket.target !== undefined) {
		const people = countPeople(bucket) + extra;
		return Math.max(1, Math.min(bucket.target, people), ...bucket.fixed.keys());
	}
	const need = bucket.free.length + extra;
	const seatsIn = (part: number) => Math.max(0, max - (bucket.fixed.get(part)?.length ?? 0));
	let parts = Math.max(1, ...bucket.fixed.keys());
	let seats = 0;
	for (let part = 1; part <= parts; part++) seats += seatsIn(part);
	while (seats < need) seats += seatsIn(++parts);
	return parts;
}

function compareBuckets(rule: GroupingRule, x: string, y: string): number {
	const order: readonly string[] =
		rule === 'role' ? defaultRoleIds : rule === 'country' ? countries.map((c) => c.code) : [];
	const rank = (id: string) => {
		const i = order.indexOf(id);
		return i === -1 ? order.length : i;
	};
	return rank(x) - rank(y) || compareStrings(x, y);
}

/** Groups made by hand (keys the rule does not make): manual:<n> keeps n, others follow. */
function handMadeGroups(map: Map<GroupKey, Person[]>): AllocatedGroup[] {
	const keys = [...map.keys()].sort(compareNatural);
	const numbered = new Map<GroupKey, number>();
	for (const key of keys) {
		const m = /^manual:([1-9]\d{0,3})$/.exec(key);
		if (m) numbered.set(key, Number(m[1]));
	}
	let next = Math.max(0, ...numbered.values());
	for (const key of keys) if (!numbered.has(key)) numbered.set(key, ++next);
	return keys
		.sort((x, y) => numbered.get(x)! - numbered.get(y)!)
		.map((key) => makeGroup(key, { kind: 'manual', number: numbered.get(key)! }, map.get(key)!));
}

function makeGroup(key: GroupKey, descriptor: GroupDescriptor, members: Person[]): AllocatedGroup {
	const sorted = [...members].sort((x, y) => compareStrings(x.id, y.id));
	return {
		key,
		descriptor,
		memberIds: sorted.map((p) => p.id),
		leaderIds: sorted.filter((p) => p.leader).map((p) => p.id)
	};
}

function warnOverMax(groups: AllocatedGroup[], max: number, warnings: AllocationWarning[]): void {
	for (const group of groups) {
		const size = group.memberIds.length;
		if (size > max) warnings.push({ code: 'over_max', group: group.key, size, max });
	}
}

/**
 * Seats a bucket's free people in its parts. With nothing fixed, the parts are an equitable
 * colouring (every role and country spread evenly, sizes even). With pins or earlier placements,
 * seats are filled up evenly around them and the spread is improved by swaps.
 */
function fillSlots(bucket: Bucket, parts: number, max: number): Person[][] {
	const slots: Person[][] = [];
	for (let part = 1; part <= parts; part++) slots.push([...(bucket.fixed.get(part) ?? [])]);
	const free = [...bucket.free].sort(
		(x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b) || compareStrings(x.id, y.id)
	);
	if (free.length === 0) return slots;

	if (bucket.fixed.size === 0) {
		const colours = equitableColouring(free, parts);
		const sizes = new Array<number>(parts).fill(0);
		for (const c of colours) sizes[c]!++;
		// Larger parts first, so that "I" is never smaller than "II".
		const order = sizes.map((_, c) => c).sort((x, y) => sizes[y]! - sizes[x]! || x - y);
		const slotOf = new Array<number>(parts);
		order.forEach((c, i) => (slotOf[c] = i));
		free.forEach((person, i) => slots[slotOf[colours[i]!]!]!.push(person));
		return slots;
	}

	// Seats per part: fill the emptiest part first, past the limit only when the parts are fixed.
	const targets = slots.map((s) => s.length);
	for (let n = 0; n < free.length; n++) {
		let best = -1;
		for (let s = 0; s < parts; s++) {
			if (targets[s]! < max && (best === -1 || targets[s]! < targets[best]!)) best = s;
		}
		if (best === -1) best = targets.indexOf(Math.min(...targets));
		targets[best]!++;
	}
	const assignment = spreadAround(slots, targets, free);
	free.forEach((person, i) => slots[assignment[i]!]!.push(person));
	return slots;
}

/** Gives each distinct string a small number (0, 1, …), for counting in typed arrays. */
function indexer(): (value: string) => number {
	const ids = new Map<string, number>();
	return (value) => {
		let id = ids.get(value);
		if (id === undefined) {
			id = ids.size;
			ids.set(value, id);
		}
		return id;
	};
}

/** The numbers of the a- and b-values of people, and how many distinct values there are. */
function attributeIds(groups: readonly (readonly Person[])[]): {
	a: number[][];
	b: number[][];
	nA: number;
	nB: number;
} {
	const aId = indexer();
	const bId = indexer();
	const a = groups.map((g) => g.map((p) => aId(p.a)));
	const b = groups.map((g) => g.map((p) => bId(p.b)));
	return { a, b, nA: Math.max(0, ...a.flat()) + 1, nB: Math.max(0, ...b.flat()) + 1 };
}

/**
 * Fills the seats (`targets`) around fixed people: greedily by the fewest of the same role and
 * country, then swaps two free people whenever that lowers Σ count² over (part, role) and
 * (part, country). The sum strictly falls with each swap, so this ends.
 */
function spreadAround(slots: Person[][], targets: number[], free: Person[]): number[] {
	const parts = slots.length;
	const ids = attributeIds([free, ...slots]);
	const { nA, nB } = ids;
	const fa = ids.a[0]!;
	const fb = ids.b[0]!;
	const countA = new Int32Array(parts * nA);
	const countB = new Int32Array(parts * nB);
	const sizes = slots.map((s) => s.length);
	for (let s = 0; s < parts; s++) {
		for (const a of ids.a[s + 1]!) countA[s * nA + a]!++;
		for (const b of ids.b[s + 1]!) countB[s * nB + b]!++;
	}

	const assignment = new Array<number>(free.length);
	for (let i = 0; i < free.length; i++) {
		let best = -1;
		let bestCost = Infinity;
		let bestRoom = -1;
		for (let s = 0; s < parts; s++) {
			const room = targets[s]! - sizes[s]!;
			if (room <= 0) continue;
			const cost = countA[s * nA + fa[i]!]! + countB[s * nB + fb[i]!]!;
			if (cost < bestCost || (cost === bestCost && room > bestRoom)) {
				best = s;
				bestCost = cost;
				bestRoom = room;
			}
		}
		assignment[i] = best;
		sizes[best]!++;
		countA[best * nA + fa[i]!]!++;
		countB[best * nB + fb[i]!]!++;
	}

	const swapGain = (counts: Int32Array, n: number, p: number, q: number, x: number, y: number) => {
		if (x === y) return 0;
		// Moving one x from p to q and one y from q to p changes Σ count² by this much.
		return (
			2 * (counts[q * n + x]! - counts[p * n + x]! + counts[p * n + y]! - counts[q * n + y]!) + 4
		);
	};
	let improved = true;
	while (improved) {
		improved = false;
		for (let i = 0; i < free.length; i++) {
			for (let j = i + 1; j < free.length; j++) {
				const p = assignment[i]!;
				const q = assignment[j]!;
				if (p === q) continue;
				const delta =
					swapGain(countA, nA, p, q, fa[i]!, fa[j]!) + swapGain(countB, nB, p, q, fb[i]!, fb[j]!);
				if (delta >= 0) continue;
				countA[p * nA + fa[i]!]!--;
				countA[q * nA + fa[i]!]!++;
				countA[q * nA + fa[j]!]!--;
				countA[p * nA + fa[j]!]!++;
				countB[p * nB + fb[i]!]!--;
				countB[q * nB + fb[i]!]!++;
				countB[q * nB + fb[j]!]!--;
				countB[p * nB + fb[j]!]!++;
				assignment[i] = q;
				assignment[j] = p;
				improved = true;
			}
		}
	}
	return assignment;
}

/**
 * Splits items into k colours so that every a-value and every b-value is spread evenly
 * (each colour holds ⌊c/k⌋ or ⌈c/k⌉ of a value held by c items) and colour sizes differ by at
 * most one. Items are edges of a bipartite multigraph (a-values on one side, b-values on the
 * other); such a graph always has an equitable, balanced edge colouring (de Werra, 1971).
 *
 * Start from colouring the items round-robin, then while two colours i, j are uneven somewhere
 * (at a value, or in size), recolour the i/j items along Euler trails: alternating i and j along
 * a trail evens them out at every value it passes through, and in bipartite graphs every closed
 * trail has even length. Each recolouring strictly lowers Σ count², so the loop ends.
 */
export function equitableColouring(
	items: readonly { a: string; b: string }[],
	k: number
): number[] {
	const n = items.length;
	const colour = items.map((_, i) => i % k);
	if (k <= 1 || n === 0) return colour;
	const aId = indexer();
	const bId = indexer();
	const aOf = items.map((it) => aId(it.a));
	const bOf = items.map((it) => bId(it.b));
	const nA = Math.max(...aOf) + 1;
	const vertices = nA + Math.max(...bOf) + 1;
	const ends: [number, number][] = items.map((_, e) => [aOf[e]!, nA + bOf[e]!]);
	const degree = new Int32Array(vertices * k);
	const size = new Int32Array(k);
	for (let e = 0; e < n; e++) {
		const c = colour[e]!;
		degree[ends[e]![0] * k + c]!++;
		degree[ends[e]![1] * k + c]!++;
		size[c]!++;
	}

	const unevenPair = (counts: Int32Array, offset: number): [number, number] | null => {
		let lo = 0;
		let hi = 0;
		for (let c = 1; c < k; c++) {
			if (counts[offset + c]! < counts[offset + lo]!) lo = c;
			if (counts[offset + c]! > counts[offset + hi]!) hi = c;
		}
		return counts[offset + hi]! - counts[offset + lo]! >= 2 ? [hi, lo] : null;
	};
	const findUneven = (): [number, number] | null => {
		const bySize = unevenPair(size, 0);
		if (bySize) return bySize;
		for (let v = 0; v < vertices; v++) {
			const pair = unevenPair(degree, v * k);
			if (pair) return pair;
		}
		return null;
	};

	const recolour = (e: number, c: number) => {
		const old = colour[e]!;
		if (old === c) return;
		for (const v of ends[e]!) {
			degree[v * k + old]!--;
			degree[v * k + c]!++;
		}
		size[old]!--;
		size[c]!++;
		colour[e] = c;
	};

	for (let pair = findUneven(); pair; pair = findUneven()) {
		const [i, j] = pair;
		const edges: number[] = [];
		for (let e = 0; e < n; e++) if (colour[e] === i || colour[e] === j) edges.push(e);

		// Odd-degree values are joined to one extra vertex, so that every degree is even and one
		// Euler circuit per component covers all edges; the extra edges cut it into trails.
		const dummy = vertices;
		const adjacency: number[][] = Array.from({ length: vertices + 1 }, () => []);
		const edgeEnds = new Map<number, [number, number]>();
		for (const e of edges) {
			const [u, w] = ends[e]!;
			adjacency[u]!.push(e);
			adjacency[w]!.push(e);
			edgeEnds.set(e, [u, w]);
		}
		let nextDummy = n;
		for (let v = 0; v < vertices; v++) {
			if (adjacency[v]!.length % 2 === 1) {
				const d = nextDummy++;
				adjacency[v]!.push(d);
				adjacency[dummy]!.push(d);
				edgeEnds.set(d, [v, dummy]);
			}
		}
		const used = new Set<number>();
		const pointer = new Int32Array(vertices + 1);
		const circuit = (start: number): number[] => {
			const stack: [number, number][] = [[start, -1]];
			const out: number[] = [];
			while (stack.length > 0) {
				const [v, via] = stack[stack.length - 1]!;
				const list = adjacency[v]!;
				while (pointer[v]! < list.length && used.has(list[pointer[v]!]!)) pointer[v]!++;
				if (pointer[v]! < list.length) {
					const e = list[pointer[v]!]!;
					used.add(e);
					const [x, y] = edgeEnds.get(e)!;
					stack.push([x === v ? y : x, e]);
				} else {
					stack.pop();
					if (via !== -1) out.push(via);
				}
			}
			return out;
		};

		let oddStartsWithI = true;
		const paint = (trail: number[]) => {
			let first = i;
			if (trail.length % 2 === 1) {
				// Odd trails take turns to start with i or j, so that the colour sizes stay even.
				first = oddStartsWithI ? i : j;
				oddStartsWithI = !oddStartsWithI;
			}
			trail.forEach((e, t) => recolour(e, t % 2 === 0 ? first : first === i ? j : i));
		};
		const starts = adjacency[dummy]!.length > 0 ? [dummy] : [];
		for (let v = 0; v < vertices; v++) starts.push(v);
		for (const start of starts) {
			const walk = circuit(start);
			let trail: number[] = [];
			for (const e of walk) {
				if (e >= n) {
					if (trail.length > 0) paint(trail);
					trail = [];
				} else {
					trail.push(e);
				}
			}
			if (trail.length > 0) paint(trail);
		}
	}
	return colour;
}

/** Roman numerals for the parts of a split group; numbers outside 1–3999 stay as digits. */
export function toRoman(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
	const table: [number, string][] = [
		[1000, 'M'],
		[900, 'CM'],
		[500, 'D'],
		[400, 'CD'],
		[100, 'C'],
		[90, 'XC'],
		[50, 'L'],
		[40, 'XL'],
		[10, 'X'],
		[9, 'IX'],
		[5, 'V'],
		[4, 'IV'],
		[1, 'I']
	];
	let out = '';
	let rest = n;
	for (const [value, numeral] of table) {
		while (rest >= value) {
			out += numeral;
			rest -= value;
		}
	}
	return out;
}

/** Words a group name needs beyond the role and country names. */
export interface GroupNameLabels {
	/** The conference's roles (defaults plus the organiser's renames and additions). */
	roles: readonly RoleDefinition[];
}

const groupWord: Readonly<Record<Language, string>> = {
	nb: 'Gruppe',
	sv: 'Grupp',
	da: 'Gruppe',
	is: 'Hópur',
	fi: 'Ryhmä',
	en: 'Group'
};

/**
 * A group's name in a language: "Arbeidsgivere", "Employers II", "Norge I", "Grupp 3".
 * A role or country group that was not split has no numeral.
 */
export function groupName(
	descriptor: GroupDescriptor,
	labels: GroupNameLabels,
	lang: Language
): string {
	switch (descriptor.kind) {
		case 'role':
		case 'country': {
			const base =
				descriptor.kind === 'role'
					? roleLabel(labels.roles, descriptor.role, lang, 'group')
					: countryName(descriptor.country, lang);
			return descriptor.parts > 1 ? `${base} ${toRoman(descriptor.part)}` : base;
		}
		case 'mixed':
		case 'manual':
			return `${groupWord[lang]} ${descriptor.number}`;
	}
}

/** Participant id → group key of an allocation, to pass as `previous` to the next run. */
export function allocationMap(allocation: Allocation): Record<string, GroupKey> {
	const map: Record<string, GroupKey> = {};
	for (const group of allocation.groups) for (const id of group.memberIds) map[id] = group.key;
	return map;
}
