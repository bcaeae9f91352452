import { describe, expect, it } from 'vitest';
import {
	allocate,
	allocationMap,
	type Allocation,
	type AllocationInput,
	type AllocationParticipant,
	type GroupKey
} from './allocation';
import { int, pick, seededRandom as mulberry32, shuffle, type Random } from '$lib/testing/random';

// Property tests: many generated conferences, each checked against what allocate promises.
// The generator is a seeded PRNG (mulberry32), so a failure names a seed that reproduces it.

const allRoles = [
	'worker',
	'employer',
	'job-coach',
	'caseworker',
	'policy',
	'researcher',
	'coordinator',
	'other',
	'peer-supporter'
];
const allCountries = ['DK', 'FI', 'IS', 'NO', 'SE', 'FO', 'DE'];

/** A skewed pick, like real conferences: a few big roles and countries, some rare ones. */
function weighted(rand: Random, items: readonly string[]): () => string {
	const weights = items.map(() => 1 + Math.floor(rand() * rand() * 10));
	const total = weights.reduce((x, y) => x + y, 0);
	return () => {
		let r = rand() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i]!;
			if (r < 0) return items[i]!;
		}
		return items[items.length - 1]!;
	};
}

let idCounter = 0;

function people(rand: Random, count: number): AllocationParticipant[] {
	const roles = shuffle(rand, allRoles).slice(0, int(rand, 1, allRoles.length));
	const countries = shuffle(rand, allCountries).slice(0, int(rand, 1, allCountries.length));
	const role = weighted(rand, roles);
	const country = weighted(rand, countries);
	const leaderShare = pick(rand, [0, 0.08, 0.2]);
	return Array.from({ length: count }, () => ({
		// Ids in random order, so that sorting by id is exercised.
		id: `p${(idCounter++ * 7919 + int(rand, 0, 999) * 1_000_003).toString(36)}`,
		name: `Person ${idCounter}`,
		country: country(),
		role: role(),
		leader: rand() < leaderShare
	}));
}

const runs = 300;
const seeds = Array.from({ length: runs }, (_, i) => i + 1);

/** What a person shares groups by under a rule. */
function bucketOf(input: AllocationInput, p: AllocationParticipant): string {
	if (input.rule === 'role') return input.seatWith?.[p.role] ?? p.role;
	if (input.rule === 'country') return p.country;
	return '';
}

function groupBucket(key: GroupKey): string {
	const parts = key.split(':');
	return parts.length === 3 ? parts[1]! : '';
}

/** Everyone is placed exactly once (or listed as unassigned), and nobody else is. */
function expectEveryoneOnce(input: AllocationInput, result: Allocation): void {
	const seen = [...result.groups.flatMap((g) => g.memberIds), ...result.unassigned];
	expect(seen.length).toBe(input.participants.length);
	expect(new Set(seen)).toEqual(new Set(input.participants.map((p) => p.id)));
	for (const group of result.groups) expect(group.memberIds.length).toBeGreaterThan(0);
	expect(new Set(result.groups.map((g) => g.key)).size).toBe(result.groups.length);
}

/** Each value's count per part is ⌊c/k⌋ or ⌈c/k⌉: spread as evenly as it can be. */
function expectEvenSpread(
	groups: string[][],
	byId: Map<string, AllocationParticipant>,
	value: (p: AllocationParticipant) => string
): void {
	const k = groups.length;
	const counts = groups.map((group) => {
		const count = new Map<string, number>();
		for (const id of group) {
			const v = value(byId.get(id)!);
			count.set(v, (count.get(v) ?? 0) + 1);
		}
		return count;
	});
	const totals = new Map<string, number>();
	for (const count of counts) for (const [v, c] of count) totals.set(v, (totals.get(v) ?? 0) + c);
	// Collected, then compared once: an expect per value and part makes the runs slow.
	const uneven: string[] = [];
	for (const [v, total] of totals) {
		counts.forEach((count, part) => {
			const c = count.get(v) ?? 0;
			if (c < Math.floor(total / k) || c > Math.ceil(total / k)) {
				uneven.push(`${c} of ${total} ${v} in part ${part + 1} of ${k}`);
			}
		});
	}
	expect(uneven).toEqual([]);
}

const roleOrLeader = (p: AllocationParticipant) => (p.leader ? '(leader)' : p.role);

describe('allocate: fresh runs by role or country', () => {
	it.each(seeds)('seed %i: fewest even parts, right members, values spread', (seed) => {
		const rand = mulberry32(seed);
		const input: AllocationInput = {
			participants: people(rand, int(rand, 0, 70)),
			rule: pick(rand, ['role', 'country'] as const),
			maxGroupSize: int(rand, 1, 12),
			seatWith: rand() < 0.3 ? { coordinator: 'job-coach', policy: 'caseworker' } : undefined
		};
		const result = allocate(input);
		const byId = new Map(input.participants.map((p) => [p.id, p]));
		expectEveryoneOnce(input, result);
		expect(result.unassigned).toEqual([]);
		expect(result.warnings).toEqual([]);

		const realBuckets = new Set(
			input.participants.filter((p) => !p.leader).map((p) => bucketOf(input, p))
		);
		const byBucket = new Map<string, Allocation['groups']>();
		for (const group of result.groups) {
			expect(group.descriptor.kind).toBe(input.rule);
			expect(group.memberIds.length).toBeLessThanOrEqual(input.maxGroupSize);
			const bucket = groupBucket(group.key);
			byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), group]);
			for (const id of group.memberIds) {
				const p = byId.get(id)!;
				if (!p.leader) expect(bucketOf(input, p)).toBe(bucket);
				// A leader sits outside their own bucket only when it has nobody else.
				else if (realBuckets.size > 0 && bucketOf(input, p) !== bucket) {
					expect(realBuckets.has(bucketOf(input, p))).toBe(false);
				}
			}
			expect(group.leaderIds).toEqual(group.memberIds.filter((id) => byId.get(id)!.leader));
		}
		if (realBuckets.size > 0) expect(new Set(byBucket.keys())).toEqual(realBuckets);

		for (const [bucket, groups] of byBucket) {
			const sizes = groups.map((g) => g.memberIds.length);
			const total = sizes.reduce((x, y) => x + y, 0);
			const k = Math.ceil(total / input.maxGroupSize);
			expect(groups.map((g) => g.key)).toEqual(
				Array.from({ length: k }, (_, i) => `${input.rule}:${bucket}:${i + 1}`)
			);
			for (const g of groups) {
				expect(g.descriptor).toMatchObject({ part: groups.indexOf(g) + 1, parts: k });
			}
			// Sizes differ by at most one, larger parts first.
			expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
			expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
			const members = groups.map((g) => g.memberIds);
			expectEvenSpread(members, byId, (p) => p.country);
			expectEvenSpread(members, byId, roleOrLeader);
		}
	});
});

describe('allocate: fresh mixed runs', () => {
	it.each(seeds)('seed %i: even sizes, every role, country and leader spread', (seed) => {
		const rand = mulberry32(seed);
		const input: AllocationInput = {
			participants: people(rand, int(rand, 0, 90)),
			rule: 'mixed',
			maxGroupSize: int(rand, 1, 10)
		};
		const result = allocate(input);
		const byId = new Map(input.participants.map((p) => [p.id, p]));
		expectEveryoneOnce(input, result);
		expect(result.warnings).toEqual([]);
		const n = input.participants.length;
		const k = Math.ceil(n / input.maxGroupSize);
		expect(result.groups.map((g) => g.key)).toEqual(
			Array.from({ length: k }, (_, i) => `mixed:${i + 1}`)
		);
		const members = result.groups.map((g) => g.memberIds);
		const sizes = members.map((m) => m.length);
		for (const size of sizes) {
			expect(size).toBeGreaterThanOrEqual(Math.floor(n / k));
			expect(size).toBeLessThanOrEqual(Math.ceil(n / k));
		}
		expectEvenSpread(members, byId, (p) => p.country);
		expectEvenSpread(members, byId, roleOrLeader);
		// The bound on diversity that follows: a group lacks a role only when the role has fewer
		// people than there are groups.
		const distinct = new Set(input.participants.map(roleOrLeader)).size;
		for (const group of members) {
			const roles = new Set(group.map((id) => roleOrLeader(byId.get(id)!))).size;
			const rolesWithEnough = new Set(
				input.participants
					.map(roleOrLeader)
					.filter((r, _, all) => all.filter((x) => x === r).length >= k)
			).size;
			expect(roles).toBeGreaterThanOrEqual(rolesWithEnough);
			expect(roles).toBeLessThanOrEqual(Math.min(distinct, group.length));
		}
	});
});

describe('allocate: determinism', () => {
	it.each(seeds.slice(0, 100))('seed %i: the same whatever the input order', (seed) => {
		const rand = mulberry32(seed);
		const participants = people(rand, int(rand, 0, 50));
		const rule = pick(rand, ['role', 'country', 'mixed', 'manual'] as const);
		const maxGroupSize = int(rand, 1, 9);
		const first = allocate({ participants, rule, maxGroupSize });
		const pinned: Record<string, GroupKey> = {};
		for (const p of participants) {
			if (rand() < 0.15) pinned[p.id] = pick(rand, ['manual:1', 'manual:2', 'role:worker:2']);
		}
		const previous = allocationMap(first);
		const input = { participants, rule, maxGroupSize, pinned, previous };
		const result = allocate(input);
		for (let round = 0; round < 3; round++) {
			const reordered = allocate({
				...input,
				participants: shuffle(rand, participants),
				pinned: Object.fromEntries(shuffle(rand, Object.entries(pinned))),
				previous: Object.fromEntries(shuffle(rand, Object.entries(previous)))
			});
			expect(reordered).toEqual(result);
		}
		expect(allocate({ participants, rule, maxGroupSize })).toEqual(first);
	});
});

describe('allocate: re-runs', () => {
	it.each(seeds)('seed %i: late arrivals leave everyone placed before where they were', (seed) => {
		const rand = mulberry32(seed);
		const rule = pick(rand, ['role', 'country', 'mixed'] as const);
		const maxGroupSize = int(rand, 2, 10);
		const early = people(rand, int(rand, 0, 50));
		const first = allocate({ participants: early, rule, maxGroupSize });
		const late = people(rand, int(rand, 1, 15));
		const input: AllocationInput = {
			participants: shuffle(rand, [...early, ...late]),
			rule,
			maxGroupSize,
			previous: allocationMap(first)
		};
		const second = allocate(input);
		expectEveryoneOnce(input, second);
		expect(second.warnings).toEqual([]);
		const now = allocationMap(second);
		for (const [id, key] of Object.entries(allocationMap(first))) expect(now[id]).toBe(key);
		for (const group of second.groups) {
			expect(group.memberIds.length).toBeLessThanOrEqual(maxGroupSize);
		}
		// Late arrivals sit with their own role or country (unless they are floating leaders).
		if (rule !== 'mixed') {
			for (const p of late.filter((p) => !p.leader)) {
				expect(groupBucket(now[p.id]!)).toBe(bucketOf(input, p));
			}
		}
		// And they are spread: no swap of two of them lowers Σ count² of roles and countries.
		const byId = new Map(input.participants.map((p) => [p.id, p]));
		const members = new Map(second.groups.map((g) => [g.key, g.memberIds]));
		const score = (key: GroupKey) => {
			const ids = members.get(key)!;
			let sum = 0;
			for (const value of [roleOrLeader, (p: AllocationParticipant) => p.country]) {
				const counts = new Map<string, number>();
				for (const id of ids) {
					const v = value(byId.get(id)!);
					counts.set(v, (counts.get(v) ?? 0) + 1);
				}
				for (const c of counts.values()) sum += c * c;
			}
			return sum;
		};
		const improving: string[] = [];
		for (const x of late) {
			for (const y of late) {
				const gx = now[x.id]!;
				const gy = now[y.id]!;
				if (gx === gy || groupBucket(gx) !== groupBucket(gy)) continue;
				const before = score(gx) + score(gy);
				const swap = (ids: string[]) =>
					ids.map((id) => (id === x.id ? y.id : id === y.id ? x.id : id));
				members.set(gx, swap(members.get(gx)!));
				members.set(gy, swap(members.get(gy)!));
				const after = score(gx) + score(gy);
				members.set(gx, swap(members.get(gx)!));
				members.set(gy, swap(members.get(gy)!));
				if (after < before) improving.push(`${x.id} ↔ ${y.id}`);
			}
		}
		expect(improving).toEqual([]);
	});

	it.each(seeds.slice(0, 100))('seed %i: a lower limit moves only the surplus', (seed) => {
		const rand = mulberry32(seed);
		const rule = pick(rand, ['role', 'country', 'mixed'] as const);
		const participants = people(rand, int(rand, 1, 60));
		const before = int(rand, 3, 10);
		const after = int(rand, 1, before - 1);
		const first = allocate({ participants, rule, maxGroupSize: before });
		const input: AllocationInput = {
			participants,
			rule,
			maxGroupSize: after,
			previous: allocationMap(first)
		};
		const second = allocate(input);
		expectEveryoneOnce(input, second);
		const now = allocationMap(second);
		let surplus = 0;
		for (const group of first.groups) {
			const stayed = group.memberIds.filter((id) => now[id] === group.key);
			expect(stayed.length).toBe(Math.min(group.memberIds.length, after));
			surplus += Math.max(0, group.memberIds.length - after);
		}
		for (const group of second.groups) expect(group.memberIds.length).toBeLessThanOrEqual(after);
		expect(second.warnings.filter((w) => w.code === 'not_kept')).toHaveLength(surplus);
		expect(second.warnings.every((w) => w.code === 'not_kept' && w.reason === 'full')).toBe(true);
	});

	it.each(seeds)('seed %i: pins always hold, and only pins overfill a group', (seed) => {
		const rand = mulberry32(seed);
		const rule = pick(rand, ['role', 'country', 'mixed'] as const);
		const maxGroupSize = int(rand, 1, 8);
		const participants = people(rand, int(rand, 1, 50));
		const first = allocate({ participants, rule, maxGroupSize });
		const keys = [
			...first.groups.map((g) => g.key),
			'manual:1',
			'extra',
			rule === 'mixed'
				? 'mixed:9'
				: rule === 'role'
					? `role:${participants[0]!.role}:3`
					: `country:${participants[0]!.country}:3`
		];
		const pinned: Record<string, GroupKey> = {};
		for (const p of participants) if (rand() < 0.3) pinned[p.id] = pick(rand, keys);
		pinned['nobody'] = keys[0]!;
		const input: AllocationInput = {
			participants,
			rule,
			maxGroupSize,
			pinned,
			previous: rand() < 0.5 ? allocationMap(first) : undefined
		};
		const result = allocate(input);
		expectEveryoneOnce(input, result);
		const now = allocationMap(result);
		for (const [id, key] of Object.entries(pinned)) if (id !== 'nobody') expect(now[id]).toBe(key);
		const overMax = result.warnings.filter((w) => w.code === 'over_max');
		for (const group of result.groups) {
			const size = group.memberIds.length;
			if (size > maxGroupSize) {
				// Nobody but pinned people is ever added to a full group.
				expect(group.memberIds.every((id) => pinned[id] === group.key)).toBe(true);
				expect(overMax).toContainEqual({
					code: 'over_max',
					group: group.key,
					size,
					max: maxGroupSize
				});
			}
		}
		expect(overMax).toHaveLength(
			result.groups.filter((g) => g.memberIds.length > maxGroupSize).length
		);
		expect(result.warnings).toContainEqual({
			code: 'unknown_participant',
			participantId: 'nobody'
		});
	});
});

describe('allocate: manual', () => {
	it.each(seeds.slice(0, 50))('seed %i: places pinned people only', (seed) => {
		const rand = mulberry32(seed);
		const participants = people(rand, int(rand, 0, 40));
		const pinned: Record<string, GroupKey> = {};
		for (const p of participants) {
			if (rand() < 0.4) pinned[p.id] = pick(rand, ['manual:1', 'manual:2', 'manual:10', 'x']);
		}
		const input: AllocationInput = {
			participants,
			rule: 'manual',
			maxGroupSize: 4,
			pinned,
			previous: Object.fromEntries(participants.map((p) => [p.id, 'manual:1']))
		};
		const result = allocate(input);
		expectEveryoneOnce(input, result);
		expect(allocationMap(result)).toEqual(pinned);
		expect(result.unassigned).toEqual(
			participants
				.map((p) => p.id)
				.filter((id) => !(id in pinned))
				.sort()
		);
	});
});
