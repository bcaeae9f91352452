import { describe, expect, it } from 'vitest';
import { groupingRules, type AllocationSettings, type RolePlacement } from './allocation';
import {
	applyChange,
	applyGrouping,
	emptyGrouping,
	planReallocation,
	recordGrouping,
	undoGrouping,
	type GroupingAction,
	type GroupingHistory,
	type GroupingContext,
	type GroupingParticipant,
	type GroupingState,
	type Seat
} from './grouping';
import { defaultRoleIds } from './roles';
import { int, pick, seededRandom, shuffle, type Random } from '$lib/testing/random';

// Property tests: random conferences, random hand arrangements, then re-allocation. The
// generator is seeded, so a failure names a seed that reproduces it.

const roles: readonly string[] = defaultRoleIds;
const countries = ['DK', 'FI', 'IS', 'NO', 'SE'];
const runs = 200;
const seeds = Array.from({ length: runs }, (_, i) => i + 1);

function participants(rand: Random, count: number, prefix: string): GroupingParticipant[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `${prefix}${(i * 7919 + int(rand, 0, 99) * 101).toString(36)}-${i}`,
		name: `Person ${i}`,
		role: pick(rand, roles),
		country: pick(rand, countries)
	}));
}

function context(people: readonly GroupingParticipant[]): GroupingContext {
	return { participants: people, nameOf: (g) => g.name ?? g.key };
}

function placement(rand: Random): RolePlacement | undefined {
	switch (int(rand, 0, 5)) {
		case 0:
			return { kind: 'own', groups: int(rand, 1, 3) };
		case 1:
			return { kind: 'with', role: pick(rand, roles) };
		case 2:
			return { kind: 'lead' };
		case 3:
			return { kind: 'none' };
		default:
			return undefined;
	}
}

function settings(rand: Random): AllocationSettings {
	const options: Record<string, RolePlacement> = {};
	for (const role of roles) {
		const chosen = placement(rand);
		if (chosen) options[role] = chosen;
	}
	return {
		rule: pick(rand, groupingRules),
		maxGroupSize: int(rand, 2, 9),
		roles: options
	};
}

let groupCounter = 0;
const newIds = (n: number) => Array.from({ length: n }, () => `g${++groupCounter}`);

/** A random hand action on the state; refusals are fine (the state stays as it was). */
function randomAction(
	rand: Random,
	state: GroupingState,
	people: readonly GroupingParticipant[]
): GroupingAction {
	const someone = () => pick(rand, people).id;
	const some = () =>
		shuffle(rand, people)
			.slice(0, int(rand, 1, 4))
			.map((p) => p.id);
	const group = () => (state.groups.length ? pick(rand, state.groups).id : 'none');
	switch (int(rand, 0, 10)) {
		case 0:
			return { type: 'move', participantIds: some(), to: group() };
		case 1:
			return { type: 'swap', a: someone(), b: someone() };
		case 2:
			return { type: 'noGroup', participantIds: some() };
		case 3:
			return { type: 'unplace', participantIds: some() };
		case 4:
			return { type: 'lead', groupId: group(), participantIds: some().slice(0, 2) };
		case 5:
			return { type: 'addGroup', groupId: newIds(1)[0]! };
		case 6:
			return { type: 'renameGroup', groupId: group(), name: pick(rand, ['', 'Tirsdag', 'Bord 4']) };
		case 7:
			return { type: 'deleteGroup', groupId: group() };
		case 8:
			return { type: 'mergeGroups', groupId: group(), into: group() };
		case 9:
			return { type: 'splitGroup', groupId: group(), newGroupId: newIds(1)[0]! };
		default:
			return {
				type: 'reallocate',
				settings: settings(rand),
				mode: pick(rand, ['unplaced', 'rule'] as const),
				newGroupIds: newIds(people.length)
			};
	}
}

/** A state reached by a random mix of allocations and hand actions. */
function arranged(rand: Random, people: readonly GroupingParticipant[]): GroupingState {
	const ctx = context(people);
	let state = emptyGrouping;
	for (let i = int(rand, 0, 14); i > 0; i--) {
		const result = applyGrouping(state, randomAction(rand, state, people), ctx);
		if (result.ok) state = result.state;
	}
	return state;
}

/** Seats refer to groups that exist, once per person; group ids and keys are unique. */
function expectConsistent(state: GroupingState): void {
	const ids = new Set(state.groups.map((g) => g.id));
	expect(ids.size).toBe(state.groups.length);
	expect(new Set(state.groups.map((g) => g.key)).size).toBe(state.groups.length);
	expect(new Set(state.seats.map((s) => s.participantId)).size).toBe(state.seats.length);
	for (const seat of state.seats) {
		if (seat.groupId !== null) expect(ids.has(seat.groupId)).toBe(true);
		else expect(seat.leader).toBe(false);
	}
}

/** What re-allocation must never change: pins, leaders and "no group". */
const kept = (seat: Seat) => seat.pinned || seat.leader || seat.groupId === null;

describe('re-allocation keeps the organiser’s choices', () => {
	it.each(seeds)(
		'seed %i: no pin, leader or "no group" changes; only the unplaced are placed',
		(seed) => {
			const rand = seededRandom(seed);
			const people = participants(rand, int(rand, 0, 40), `s${seed}-`);
			const before = arranged(rand, people);
			// Late arrivals, and someone who left, are the usual reasons to re-allocate.
			const late = participants(rand, int(rand, 0, 4), `late${seed}-`);
			const now = [...people.filter(() => rand() > 0.05), ...late];
			const ctx = context(now);
			const present = new Set(now.map((p) => p.id));
			for (const mode of ['unplaced', 'rule'] as const) {
				const chosen = settings(rand);
				const plan = planReallocation(before, { settings: chosen, mode }, ctx);
				expect(plan.ok).toBe(true);
				const result = applyGrouping(
					before,
					{ type: 'reallocate', settings: chosen, mode, newGroupIds: newIds(now.length + 1) },
					ctx
				);
				if (!result.ok) throw new Error(`seed ${seed} ${mode}: ${JSON.stringify(result.error)}`);
				const after = result.state;
				expectConsistent(after);
				const seatAfter = new Map(after.seats.map((s) => [s.participantId, s]));
				const changed = before.seats.filter((seat) => {
					if (!present.has(seat.participantId)) return false;
					const must = mode === 'unplaced' || kept(seat);
					return must && JSON.stringify(seatAfter.get(seat.participantId)) !== JSON.stringify(seat);
				});
				expect(changed, `seed ${seed} ${mode}`).toEqual([]);
				// Groups the run made are never empty.
				const before_ = new Set(before.groups.map((g) => g.id));
				for (const group of after.groups) {
					if (before_.has(group.id)) continue;
					expect(after.seats.some((s) => s.groupId === group.id)).toBe(true);
				}
				// Everyone present has a seat unless the rule is manual.
				if (chosen.rule !== 'manual')
					expect(after.seats.filter((s) => present.has(s.participantId)).length).toBe(now.length);
			}
		}
	);
});

describe('every grouping action has an exact inverse', () => {
	it.each(seeds)('seed %i: applying the inverse gives back the state before', (seed) => {
		const rand = seededRandom(seed + 10_000);
		const people = participants(rand, int(rand, 1, 30), `u${seed}-`);
		const ctx = context(people);
		let state = arranged(rand, people);
		for (let i = 0; i < 10; i++) {
			const result = applyGrouping(state, randomAction(rand, state, people), ctx);
			if (!result.ok) continue;
			expectConsistent(result.state);
			expect(applyChange(result.state, result.applied.inverse)).toEqual(state);
			state = result.state;
		}
	});
});

describe('undo with two organisers at once', () => {
	it.each(seeds)(
		'seed %i: an undo is refused, or leaves no dangling seat and no key twice',
		(seed) => {
			const rand = seededRandom(seed + 20_000);
			const people = participants(rand, int(rand, 2, 25), `o${seed}-`);
			const ctx = context(people);
			let state = arranged(rand, people);
			let history: GroupingHistory = [];
			for (let i = 0; i < 12; i++) {
				const actor = pick(rand, ['ann', 'ben']);
				if (rand() < 0.25) {
					const undone = undoGrouping(state, history, actor, ctx);
					if (!undone.ok) {
						expect(['nothing_to_undo', 'undo_conflict']).toContain(undone.error.code);
						continue;
					}
					expectConsistent(undone.state);
					state = undone.state;
					history = undone.history;
					continue;
				}
				const result = applyGrouping(state, randomAction(rand, state, people), ctx);
				if (!result.ok) continue;
				history = recordGrouping(history, actor, result.applied);
				state = result.state;
			}
		}
	);

	it('restores exactly what an undone action changed, when nobody else touched it since', () => {
		const rand = seededRandom(7);
		const people = participants(rand, 20, 'x-');
		const ctx = context(people);
		let state = arranged(rand, people);
		for (let i = 0; i < 50; i++) {
			const ann = applyGrouping(state, randomAction(rand, state, people), ctx);
			if (!ann.ok || ann.applied.touched.people.length + ann.applied.touched.groups.length === 0)
				continue;
			const history = recordGrouping([], 'ann', ann.applied);
			// Ben changes only people and groups Ann did not touch, or nothing.
			const touched = new Set([...ann.applied.touched.people]);
			const others = people.filter((p) => !touched.has(p.id)).map((p) => p.id);
			const ben = others.length
				? applyGrouping(ann.state, { type: 'unplace', participantIds: [others[0]!] }, ctx)
				: null;
			const afterBen = ben?.ok ? ben.state : ann.state;
			const benHistory = ben?.ok ? recordGrouping(history, 'ben', ben.applied) : history;
			const undone = undoGrouping(afterBen, benHistory, 'ann', ctx);
			if (!undone.ok) {
				// Only a real overlap refuses: Ben unplaced someone from a group Ann created.
				expect(undone.error.code).toBe('undo_conflict');
				continue;
			}
			for (const id of ann.applied.touched.people) {
				const was = state.seats.find((s) => s.participantId === id);
				expect(undone.state.seats.find((s) => s.participantId === id)).toEqual(was);
			}
			state = ann.state;
		}
	});
});
