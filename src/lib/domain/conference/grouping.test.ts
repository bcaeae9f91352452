import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../session/test-fixtures';
import { groupName, type AllocationSettings } from './allocation';
import { decide, type ConferenceActor, type ConferenceCommand } from './commands';
import { sigtunaParticipants } from './fixtures/sigtuna-2010';
import {
	applyGrouping,
	emptyGrouping,
	groupingLimits,
	planReallocation,
	recordGrouping,
	shownGroups,
	startableGroups,
	undoGrouping,
	type GroupingAction,
	type GroupingContext,
	type GroupingHistory,
	type GroupingParticipant,
	type GroupingState,
	type Seat
} from './grouping';
import { defaultRoles } from './roles';
import type { ConferenceState } from './state';
import { emptyConference } from '$lib/testing/conference-details';

function context(participants: readonly GroupingParticipant[]): GroupingContext {
	return {
		participants,
		nameOf: (group) => group.name ?? groupName(group.descriptor, { roles: defaultRoles }, 'en')
	};
}

/** Applies an action that must be accepted; the state given is frozen, so nothing mutates it. */
function step(state: GroupingState, action: GroupingAction, ctx: GroupingContext): GroupingState {
	const result = applyGrouping(deepFreeze(state), action, ctx);
	if (!result.ok) throw new Error(`${action.type} refused: ${JSON.stringify(result.error)}`);
	return result.state;
}

function refusal(state: GroupingState, action: GroupingAction, ctx: GroupingContext) {
	const result = applyGrouping(deepFreeze(state), action, ctx);
	return result.ok ? null : result.error;
}

/** Group name → [members who are not leaders, leaders], both sorted. */
function layout(state: GroupingState, ctx: GroupingContext): Record<string, [string[], string[]]> {
	const out: Record<string, [string[], string[]]> = {};
	for (const group of state.groups) {
		const seats = state.seats.filter((s) => s.groupId === group.id);
		out[ctx.nameOf(group)] = [
			seats.filter((s) => !s.leader).map((s) => s.participantId),
			seats.filter((s) => s.leader).map((s) => s.participantId)
		];
	}
	return out;
}

const seatOf = (state: GroupingState, id: string): Seat | undefined =>
	state.seats.find((s) => s.participantId === id);

const small: GroupingParticipant[] = [
	{ id: 'w1', name: 'Wenche', role: 'worker', country: 'NO' },
	{ id: 'w2', name: 'Wilma', role: 'worker', country: 'SE' },
	{ id: 'e1', name: 'Einar', role: 'employer', country: 'NO' },
	{ id: 'e2', name: 'Elsa', role: 'employer', country: 'SE' },
	{ id: 'j1', name: 'Jonna', role: 'job-coach', country: 'FI' },
	{ id: 'c1', name: 'Carl', role: 'coordinator', country: 'DK' }
];
const smallCtx = context(small);
const byRole: AllocationSettings = {
	rule: 'role',
	maxGroupSize: 6,
	roles: { coordinator: { kind: 'lead' } }
};

function allocated(): GroupingState {
	return step(
		emptyGrouping,
		{ type: 'reallocate', settings: byRole, mode: 'unplaced', newGroupIds: ['gw', 'ge', 'gj'] },
		smallCtx
	);
}

describe('the Sigtuna 2010 conference, grouped by role in three actions', () => {
	const people = sigtunaParticipants.map(({ id, name, country, role }) => ({
		id,
		name,
		country,
		role
	}));
	const ctx = context(people);
	const projectLeader = 'no-oystein-spjelkavik';
	const settings: AllocationSettings = {
		rule: 'role',
		maxGroupSize: 8,
		roles: {
			employer: { kind: 'own', groups: 2 },
			'job-coach': { kind: 'own', groups: 2 },
			researcher: { kind: 'with', role: 'job-coach' },
			other: { kind: 'with', role: 'job-coach' },
			policy: { kind: 'with', role: 'caseworker' },
			coordinator: { kind: 'lead' }
		}
	};
	const roleOf = new Map(people.map((p) => [p.id, p.role]));
	const newGroupIds = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];

	const actions: GroupingAction[] = [];
	const act = (state: GroupingState, action: GroupingAction) => {
		actions.push(action);
		return step(state, action, ctx);
	};
	// Action 1: the project leader sits in no group (a choice that allocation must respect).
	const first = act(emptyGrouping, { type: 'noGroup', participantIds: [projectLeader] });
	// Action 2: allocate by role with the per-role choices, after a preview (not an action).
	const preview = planReallocation(first, { settings, mode: 'unplaced' }, ctx);
	if (!preview.ok) throw new Error('preview refused');
	const second = act(first, {
		type: 'reallocate',
		settings,
		mode: 'unplaced',
		newGroupIds,
		preview: preview.plan
	});
	// Action 3: the one group without a coordinator is led by a researcher, as in the report.
	const caseworkers = second.groups.find((g) => g.key === 'role:caseworker:1')!;
	const third = act(second, {
		type: 'lead',
		groupId: caseworkers.id,
		participantIds: ['no-angelika-schafft']
	});

	it('previews six groups and who goes where before anything is applied', () => {
		expect(preview.plan.created.map((g) => g.key)).toEqual([
			'role:worker:1',
			'role:employer:1',
			'role:employer:2',
			'role:job-coach:1',
			'role:job-coach:2',
			'role:caseworker:1'
		]);
		expect(preview.plan.moves).toHaveLength(39);
		expect(preview.plan.moves.every((m) => m.from === 'unplaced')).toBe(true);
		expect(preview.plan.moves.map((m) => m.participantId)).not.toContain(projectLeader);
	});

	it('takes at most five actions', () => {
		expect(actions.length).toBeLessThanOrEqual(5);
	});

	it('seats everyone exactly: coordinators lead, employers and job coaches split in I and II', () => {
		expect(layout(third, ctx)).toEqual({
			Workers: [
				[
					'dk-carsten-andersen',
					'fi-emma-martelin',
					'is-aileen-svendsdottir',
					'no-kristin-elisabet-floer',
					'no-oystein-sormark',
					'se-george-erdinc'
				],
				['no-tonje-solstad']
			],
			'Employers I': [
				[
					'dk-carsten-larsen',
					'fi-christel-harjanne',
					'is-maria-jonsdottir',
					'no-torill-brox',
					'se-margareta-rosengren'
				],
				['dk-johanne-bengtsson']
			],
			'Employers II': [
				['dk-lars-hilberg', 'fi-magnus-pettersson', 'no-tommy-ostli', 'se-jeanette-johansson'],
				['is-arni-mar-bjornsson']
			],
			'Job coaches I': [
				[
					'dk-jette-hoeg-christensen',
					'dk-steen-bengtsson',
					'is-ingibjorg-margret-isaksdottir',
					'no-liv-anne-lunde',
					'se-asa-bergelin',
					'se-johanna-gustafsson'
				],
				['fi-ann-kristin-sundqvist']
			],
			'Job coaches II': [
				[
					'dk-kelvin-nielsen',
					'fi-melanie-shametaj',
					'is-gudrun-jonsdottir',
					'no-grete-wangen',
					'se-bertil-johansson'
				],
				['se-gun-britt-nyholm']
			],
			Caseworkers: [
				[
					'dk-johanne-louise-pedersen',
					'fi-carola-ahlgren',
					'is-kristjan-valdimarsson',
					'no-gry-ingebrigtsen',
					'no-kai-ringelien',
					'no-per-brannsten',
					'se-elin-norberg'
				],
				['no-angelika-schafft']
			]
		});
	});

	it('makes six groups, named as the report names them', () => {
		expect(third.groups.map((g) => ctx.nameOf(g))).toEqual([
			'Workers',
			'Employers I',
			'Employers II',
			'Job coaches I',
			'Job coaches II',
			'Caseworkers'
		]);
		expect(third.groups.map((g) => g.id)).toEqual(newGroupIds);
	});

	it('lets coordinators lead, researchers sit with job coaches, policy with caseworkers', () => {
		const groups = layout(third, ctx);
		const roles = (ids: string[]) => [...new Set(ids.map((id) => roleOf.get(id)))].sort();
		expect(roles(groups['Workers']![0])).toEqual(['worker']);
		expect(roles([...groups['Employers I']![0], ...groups['Employers II']![0]])).toEqual([
			'employer'
		]);
		expect(roles([...groups['Job coaches I']![0], ...groups['Job coaches II']![0]])).toEqual([
			'job-coach',
			'other',
			'researcher'
		]);
		expect(roles(groups['Caseworkers']![0])).toEqual(['caseworker', 'policy']);
		const leaders = Object.values(groups).flatMap(([, l]) => l);
		expect(leaders.sort()).toEqual([
			'dk-johanne-bengtsson',
			'fi-ann-kristin-sundqvist',
			'is-arni-mar-bjornsson',
			'no-angelika-schafft',
			'no-tonje-solstad',
			'se-gun-britt-nyholm'
		]);
		for (const [members, lead] of Object.values(groups)) {
			expect(lead).toHaveLength(1);
			expect(members.length).toBeGreaterThan(0);
		}
	});

	it('keeps the project leader in no group, stored as a choice', () => {
		expect(seatOf(third, projectLeader)).toEqual({
			participantId: projectLeader,
			groupId: null,
			leader: false,
			pinned: true
		});
		expect(third.seats).toHaveLength(40);
	});

	it('places two late arrivals by re-allocating, and no one else moves', () => {
		const late = [
			...people,
			{ id: 'fi-late-worker', name: 'Late Worker', country: 'FI' as const, role: 'worker' },
			{ id: 'se-late-employer', name: 'Late Employer', country: 'SE' as const, role: 'employer' }
		];
		const lateCtx = context(late);
		const plan = planReallocation(third, { settings, mode: 'unplaced' }, lateCtx);
		if (!plan.ok) throw new Error('preview refused');
		expect(plan.plan.created).toEqual([]);
		expect(plan.plan.moves.map((m) => m.participantId)).toEqual([
			'fi-late-worker',
			'se-late-employer'
		]);
		const fourth = step(
			third,
			{ type: 'reallocate', settings, mode: 'unplaced', newGroupIds: [], preview: plan.plan },
			lateCtx
		);
		expect(
			fourth.seats.filter((s) => !['fi-late-worker', 'se-late-employer'].includes(s.participantId))
		).toEqual(third.seats);
		expect(seatOf(fourth, 'fi-late-worker')!.groupId).toBe('g1');
		expect(['g2', 'g3']).toContain(seatOf(fourth, 'se-late-employer')!.groupId);
		expect(fourth.groups).toEqual(third.groups);
	});
});

describe('people', () => {
	it('moves several people at once, pinned, as members', () => {
		const state = allocated();
		const next = step(state, { type: 'move', participantIds: ['w1', 'e2'], to: 'gj' }, smallCtx);
		expect(seatOf(next, 'w1')).toEqual({
			participantId: 'w1',
			groupId: 'gj',
			leader: false,
			pinned: true
		});
		expect(seatOf(next, 'e2')).toEqual({
			participantId: 'e2',
			groupId: 'gj',
			leader: false,
			pinned: true
		});
	});

	it('swaps two people, each taking the other’s seat', () => {
		const state = allocated();
		const next = step(state, { type: 'swap', a: 'w1', b: 'e1' }, smallCtx);
		expect(seatOf(next, 'w1')!.groupId).toBe('ge');
		expect(seatOf(next, 'e1')!.groupId).toBe('gw');
		expect(seatOf(next, 'w1')!.pinned && seatOf(next, 'e1')!.pinned).toBe(true);
		expect(refusal(state, { type: 'swap', a: 'w1', b: 'w1' }, smallCtx)).toEqual({
			code: 'invalid_payload',
			params: { field: 'b' }
		});
	});

	it('stores "no group" as a choice that re-allocation keeps, unlike "unplaced"', () => {
		const state = allocated();
		const observer = step(state, { type: 'noGroup', participantIds: ['w1'] }, smallCtx);
		const unplaced = step(state, { type: 'unplace', participantIds: ['w2'] }, smallCtx);
		expect(seatOf(observer, 'w1')).toEqual({
			participantId: 'w1',
			groupId: null,
			leader: false,
			pinned: true
		});
		expect(seatOf(unplaced, 'w2')).toBeUndefined();
		const again = (s: GroupingState) =>
			step(s, { type: 'reallocate', settings: byRole, mode: 'rule', newGroupIds: ['x'] }, smallCtx);
		expect(seatOf(again(observer), 'w1')!.groupId).toBeNull();
		expect(seatOf(again(unplaced), 'w2')!.groupId).toBe('gw');
	});

	it('picks leaders per group and places them as leaders, not members elsewhere', () => {
		const state = allocated();
		const next = step(state, { type: 'lead', groupId: 'ge', participantIds: ['w2'] }, smallCtx);
		expect(seatOf(next, 'w2')).toEqual({
			participantId: 'w2',
			groupId: 'ge',
			leader: true,
			pinned: true
		});
		expect(next.seats.filter((s) => s.participantId === 'w2')).toHaveLength(1);
		// The group's earlier leader, if any, stays in it as a member.
		const earlier = state.seats.filter((s) => s.groupId === 'ge' && s.leader);
		for (const seat of earlier) expect(seatOf(next, seat.participantId)!.leader).toBe(false);
	});

	it('refuses unknown people and groups, and too many at once', () => {
		const state = allocated();
		expect(
			refusal(state, { type: 'move', participantIds: ['nobody'], to: 'gw' }, smallCtx)
		).toEqual({
			code: 'not_found',
			params: { field: 'participantIds' }
		});
		expect(refusal(state, { type: 'move', participantIds: ['w1'], to: 'gone' }, smallCtx)).toEqual({
			code: 'not_found',
			params: { field: 'groupId' }
		});
		expect(refusal(state, { type: 'move', participantIds: [], to: 'gw' }, smallCtx)).toEqual({
			code: 'empty',
			params: { field: 'participantIds' }
		});
	});
});

describe('groups', () => {
	it('adds an empty group by hand, which is kept but never shown or started', () => {
		const state = step(allocated(), { type: 'addGroup', groupId: 'gx' }, smallCtx);
		expect(state.groups.map((g) => g.key)).toContain('manual:1');
		expect(shownGroups(state).map((g) => g.id)).not.toContain('gx');
		const startable = startableGroups(state, ['Hva hindrer?'], smallCtx);
		expect(startable.ok && startable.groups.map((g) => g.id)).toEqual(['gw', 'ge', 'gj']);
	});

	it('renames a group, and back to its generated name', () => {
		const state = allocated();
		const renamed = step(
			state,
			{ type: 'renameGroup', groupId: 'gw', name: '  Tirsdag  ' },
			smallCtx
		);
		expect(smallCtx.nameOf(renamed.groups[0]!)).toBe('Tirsdag');
		const back = step(renamed, { type: 'renameGroup', groupId: 'gw', name: '' }, smallCtx);
		expect(smallCtx.nameOf(back.groups[0]!)).toBe('Workers');
		expect(
			refusal(state, { type: 'renameGroup', groupId: 'gw', name: 'x'.repeat(81) }, smallCtx)
		).toEqual({ code: 'too_long', params: { field: 'name', max: 80 } });
	});

	it('deletes a group: its people become unplaced, not "no group"', () => {
		const state = allocated();
		const members = state.seats.filter((s) => s.groupId === 'ge').map((s) => s.participantId);
		const next = step(state, { type: 'deleteGroup', groupId: 'ge' }, smallCtx);
		expect(next.groups.map((g) => g.id)).toEqual(['gw', 'gj']);
		for (const id of members) expect(seatOf(next, id)).toBeUndefined();
	});

	it('merges one group into another, pinning everyone moved', () => {
		const state = allocated();
		const next = step(state, { type: 'mergeGroups', groupId: 'ge', into: 'gw' }, smallCtx);
		expect(next.groups.map((g) => g.id)).toEqual(['gw', 'gj']);
		expect(seatOf(next, 'e1')).toMatchObject({ groupId: 'gw', pinned: true });
		expect(refusal(state, { type: 'mergeGroups', groupId: 'gw', into: 'gw' }, smallCtx)).toEqual({
			code: 'invalid_payload',
			params: { field: 'into' }
		});
	});

	it('splits a role group into I and II, its people halved', () => {
		const state = step(allocated(), { type: 'move', participantIds: ['w1'], to: 'ge' }, smallCtx);
		const next = step(state, { type: 'splitGroup', groupId: 'ge', newGroupId: 'ge2' }, smallCtx);
		expect(next.groups.map((g) => smallCtx.nameOf(g))).toEqual([
			'Workers',
			'Employers I',
			'Employers II',
			'Job coaches'
		]);
		const before = state.seats.filter((s) => s.groupId === 'ge').length;
		const sizes = ['ge', 'ge2'].map((id) => next.seats.filter((s) => s.groupId === id).length);
		expect(sizes).toEqual([Math.ceil(before / 2), Math.floor(before / 2)]);
		// Merging II back into I gives the group its unsplit name again.
		const merged = step(next, { type: 'mergeGroups', groupId: 'ge2', into: 'ge' }, smallCtx);
		expect(merged.groups.map((g) => smallCtx.nameOf(g))).toEqual([
			'Workers',
			'Employers',
			'Job coaches'
		]);
	});

	it('splits off the people chosen, and refuses a split that leaves a group empty', () => {
		const state = allocated();
		const next = step(
			state,
			{ type: 'splitGroup', groupId: 'gw', newGroupId: 'gw2', participantIds: ['w2'] },
			smallCtx
		);
		expect(next.seats.filter((s) => s.groupId === 'gw2').map((s) => s.participantId)).toEqual([
			'w2'
		]);
		const workers = state.seats.filter((s) => s.groupId === 'gw').map((s) => s.participantId);
		expect(
			refusal(
				state,
				{ type: 'splitGroup', groupId: 'gw', newGroupId: 'gw2', participantIds: workers },
				smallCtx
			)
		).toEqual({ code: 'split_leaves_empty', params: { group: 'Workers' } });
	});

	it('refuses to start a group with no questions of its own when the round has none, naming it', () => {
		const state = allocated();
		expect(startableGroups(state, [], smallCtx)).toEqual({
			ok: false,
			error: { code: 'group_without_questions', params: { group: 'Workers' } }
		});
		// A group with its own questions starts; the others take the round's.
		const own: GroupingState = {
			...state,
			groups: state.groups.map((g) => ({ ...g, questions: ['Hva hindrer?'] }))
		};
		expect(startableGroups(own, [], smallCtx).ok).toBe(true);
		expect(startableGroups(emptyGrouping, ['Q'], smallCtx)).toEqual({
			ok: false,
			error: { code: 'empty', params: { field: 'groups' } }
		});
	});
});

describe('re-allocation', () => {
	it('makes no empty group, and removes none it did not empty', () => {
		const state = step(allocated(), { type: 'addGroup', groupId: 'gx' }, smallCtx);
		const next = step(
			state,
			{
				type: 'reallocate',
				settings: { ...byRole, maxGroupSize: 2 },
				mode: 'rule',
				newGroupIds: ['n1', 'n2', 'n3']
			},
			smallCtx
		);
		for (const group of next.groups) {
			if (group.id === 'gx') continue;
			expect(next.seats.some((s) => s.groupId === group.id)).toBe(true);
		}
		expect(next.groups.map((g) => g.id)).toContain('gx');
	});

	it('re-applies a changed role option to members not placed by hand, removing the group it empties', () => {
		const ctx = context([
			...small,
			{ id: 'p1', name: 'Pia', role: 'policy', country: 'NO' },
			{ id: 'p2', name: 'Per', role: 'policy', country: 'SE' }
		]);
		const first = step(
			emptyGrouping,
			{ type: 'reallocate', settings: byRole, mode: 'unplaced', newGroupIds: ['a', 'b', 'c', 'd'] },
			ctx
		);
		const policy = first.groups.find((g) => g.key === 'role:policy:1')!;
		const pinned = step(first, { type: 'move', participantIds: ['p2'], to: policy.id }, ctx);
		const seated: AllocationSettings = {
			...byRole,
			roles: { ...byRole.roles, policy: { kind: 'with', role: 'employer' } }
		};
		const plan = planReallocation(pinned, { settings: seated, mode: 'rule' }, ctx);
		if (!plan.ok) throw new Error('refused');
		expect(plan.plan.moves).toEqual([
			{ participantId: 'p1', from: 'role:policy:1', to: 'role:employer:1', leader: false }
		]);
		expect(plan.plan.removed).toEqual([]);
		const unpinned = step(pinned, { type: 'unplace', participantIds: ['p2'] }, ctx);
		const emptying = planReallocation(unpinned, { settings: seated, mode: 'rule' }, ctx);
		expect(emptying.ok && emptying.plan.removed).toEqual([policy.id]);
	});

	it('accepts a preview that went through storage, its keys in another order', () => {
		const late = context([...small, { id: 'w3', name: 'Wim', role: 'worker', country: 'DK' }]);
		const plan = planReallocation(allocated(), { settings: byRole, mode: 'unplaced' }, late);
		if (!plan.ok) throw new Error('refused');
		const reorder = (value: unknown): unknown =>
			Array.isArray(value)
				? value.map(reorder)
				: typeof value === 'object' && value !== null
					? Object.fromEntries(
							Object.entries(value)
								.reverse()
								.map(([k, v]) => [k, reorder(v)])
						)
					: value;
		const stored = reorder(plan.plan) as typeof plan.plan;
		const next = step(
			allocated(),
			{ type: 'reallocate', settings: byRole, mode: 'unplaced', newGroupIds: [], preview: stored },
			late
		);
		expect(seatOf(next, 'w3')!.groupId).toBe('gw');
	});

	it('refuses to apply when the state changed since the preview', () => {
		const state = allocated();
		const late = context([...small, { id: 'w3', name: 'Wim', role: 'worker', country: 'DK' }]);
		const plan = planReallocation(state, { settings: byRole, mode: 'unplaced' }, late);
		if (!plan.ok) throw new Error('refused');
		const moved = step(state, { type: 'noGroup', participantIds: ['w3'] }, late);
		expect(
			refusal(
				moved,
				{
					type: 'reallocate',
					settings: byRole,
					mode: 'unplaced',
					newGroupIds: [],
					preview: plan.plan
				},
				late
			)
		).toEqual({ code: 'plan_changed' });
	});
});

describe('undo', () => {
	const ann = 'organiser-ann';
	const ben = 'organiser-ben';

	function run(
		state: GroupingState,
		history: GroupingHistory,
		actor: string,
		action: GroupingAction
	): [GroupingState, GroupingHistory] {
		const result = applyGrouping(state, action, smallCtx);
		if (!result.ok) throw new Error('refused');
		return [result.state, recordGrouping(history, actor, result.applied)];
	}

	it('undoes an organiser’s own last action exactly, for every kind of action', () => {
		const actions: GroupingAction[] = [
			{ type: 'move', participantIds: ['w1', 'e1'], to: 'gj' },
			{ type: 'swap', a: 'w1', b: 'e2' },
			{ type: 'noGroup', participantIds: ['w2'] },
			{ type: 'unplace', participantIds: ['w2'] },
			{ type: 'lead', groupId: 'gw', participantIds: ['e1'] },
			{ type: 'addGroup', groupId: 'gx', name: 'Ekstra' },
			{ type: 'renameGroup', groupId: 'ge', name: 'Arbeidsgivere' },
			{ type: 'deleteGroup', groupId: 'ge' },
			{ type: 'mergeGroups', groupId: 'ge', into: 'gw' },
			{ type: 'splitGroup', groupId: 'ge', newGroupId: 'ge2' },
			{
				type: 'reallocate',
				settings: { ...byRole, maxGroupSize: 1 },
				mode: 'rule',
				newGroupIds: ['a', 'b', 'c', 'd']
			}
		];
		const state = allocated();
		for (const action of actions) {
			const [after, history] = run(state, [], ann, action);
			expect(after, action.type).not.toEqual(state);
			const undone = undoGrouping(after, history, ann, smallCtx);
			expect(undone.ok && undone.state, action.type).toEqual(state);
		}
	});

	it('undoes only the organiser’s own actions, most recent first', () => {
		let [state, history] = run(allocated(), [], ann, { type: 'noGroup', participantIds: ['w1'] });
		[state, history] = run(state, history, ben, { type: 'noGroup', participantIds: ['w2'] });
		const undone = undoGrouping(state, history, ann, smallCtx);
		if (!undone.ok) throw new Error('refused');
		expect(seatOf(undone.state, 'w1')!.groupId).toBe('gw');
		expect(seatOf(undone.state, 'w2')!.groupId).toBeNull();
		expect(undoGrouping(undone.state, undone.history, ann, smallCtx)).toEqual({
			ok: false,
			error: { code: 'nothing_to_undo' }
		});
	});

	it('refuses an undo that would overwrite another organiser’s later change, naming it', () => {
		let [state, history] = run(allocated(), [], ann, {
			type: 'splitGroup',
			groupId: 'gw',
			newGroupId: 'gw2'
		});
		[state, history] = run(state, history, ben, {
			type: 'renameGroup',
			groupId: 'gw2',
			name: 'Tirsdag'
		});
		expect(undoGrouping(state, history, ann, smallCtx)).toEqual({
			ok: false,
			error: { code: 'undo_conflict', params: { affected: 'Tirsdag', byActors: ben } }
		});
	});

	it('refuses an undo when another organiser has since moved the same person, naming them', () => {
		let [state, history] = run(allocated(), [], ann, {
			type: 'move',
			participantIds: ['w1'],
			to: 'ge'
		});
		[state, history] = run(state, history, ben, { type: 'move', participantIds: ['w1'], to: 'gj' });
		expect(undoGrouping(state, history, ann, smallCtx)).toEqual({
			ok: false,
			error: { code: 'undo_conflict', params: { affected: 'Wenche', byActors: ben } }
		});
	});

	it('refuses to put a deleted group back under a number another organiser’s new group has taken', () => {
		const withExtra = step(allocated(), { type: 'addGroup', groupId: 'gx' }, smallCtx);
		let [state, history] = run(withExtra, [], ann, { type: 'deleteGroup', groupId: 'gx' });
		[state, history] = run(state, history, ben, { type: 'addGroup', groupId: 'gy' });
		expect(state.groups.find((g) => g.id === 'gy')!.key).toBe('manual:1');
		expect(undoGrouping(state, history, ann, smallCtx)).toEqual({
			ok: false,
			error: { code: 'undo_conflict', params: { affected: 'Group 1', byActors: ben } }
		});
	});

	it('names only the organisers whose later changes are in the way, in the order they made them', () => {
		const cleo = 'organiser-cleo';
		let [state, history] = run(allocated(), [], ann, {
			type: 'move',
			participantIds: ['w1'],
			to: 'ge'
		});
		[state, history] = run(state, history, cleo, { type: 'renameGroup', groupId: 'gj', name: 'X' });
		// Ben deletes the group Ann's undo would put Wenche back in; Cleo then moves her.
		[state, history] = run(state, history, ben, { type: 'deleteGroup', groupId: 'gw' });
		[state, history] = run(state, history, cleo, {
			type: 'move',
			participantIds: ['w1'],
			to: 'gj'
		});
		const refused = undoGrouping(state, history, ann, smallCtx);
		expect(refused).toMatchObject({ ok: false, error: { code: 'undo_conflict' } });
		expect(!refused.ok && refused.error.params?.byActors).toBe(`${ben},${cleo}`);
	});

	it('allows an undo that leaves another organiser’s change as it is', () => {
		let [state, history] = run(allocated(), [], ann, {
			type: 'move',
			participantIds: ['w1'],
			to: 'ge'
		});
		[state, history] = run(state, history, ben, {
			type: 'renameGroup',
			groupId: 'ge',
			name: 'Bedrifter'
		});
		const undone = undoGrouping(state, history, ann, smallCtx);
		if (!undone.ok) throw new Error('refused');
		expect(seatOf(undone.state, 'w1')!.groupId).toBe('gw');
		expect(undone.state.groups.find((g) => g.id === 'ge')!.name).toBe('Bedrifter');
	});
});

describe('the grouping history (privacy page: "their last 50 grouping actions per round")', () => {
	const ann = 'organiser-ann';

	/**
	 * `count` renames of group gw, each recorded: the n-th (from 1) names it `n`, so the entry it
	 * leaves (whose inverse holds the name before) tells which action it was.
	 */
	function renames(count: number): GroupingHistory {
		let state = allocated();
		let history: GroupingHistory = [];
		for (let n = 1; n <= count; n++) {
			const result = applyGrouping(
				state,
				{ type: 'renameGroup', groupId: 'gw', name: String(n) },
				smallCtx
			);
			if (!result.ok) throw new Error('refused');
			state = result.state;
			history = recordGrouping(history, ann, result.applied);
		}
		return history;
	}
	const actionNumbers = (history: GroupingHistory) =>
		history.map((e) => Number(e.inverse.groups[0]!.group!.name ?? 0) + 1);
	const range = (from: number, to: number) =>
		Array.from({ length: to - from + 1 }, (_, i) => from + i);

	it('keeps at most 50 actions', () => {
		expect(groupingLimits.history).toBe(50);
	});

	it('keeps all of the first 50 actions, then drops the oldest first', () => {
		expect(actionNumbers(renames(49))).toEqual(range(1, 49));
		expect(actionNumbers(renames(50))).toEqual(range(1, 50));
		expect(actionNumbers(renames(51))).toEqual(range(2, 51));
		expect(actionNumbers(renames(52))).toEqual(range(3, 52));
		expect(actionNumbers(renames(120))).toEqual(range(71, 120));
	});

	it('keeps exactly the last 50 entries as they were recorded', () => {
		const full = renames(50);
		const one = renames(51);
		// One action more drops exactly the oldest entry and leaves the others as they were.
		expect(one).toHaveLength(50);
		expect(one.slice(0, 49)).toEqual(full.slice(1));
		const all = renames(75);
		// The oldest kept entry is the 26th action: it renamed the group from "25" to "26".
		expect(all[0]!.inverse.groups[0]!.group!.name).toBe('25');
		expect(all.at(-1)!.inverse.groups[0]!.group!.name).toBe('74');
		for (const entry of all) {
			expect(entry).toMatchObject({ actor: ann, undone: false, isUndo: false });
			expect(entry.touched.groups).toEqual(['gw']);
		}
	});

	describe('in a conference, each round has its own', () => {
		const owner: ConferenceActor = { role: 'organiser', roles: ['owner'], accountId: 'a-owner' };
		const round = {
			title: 'Runde',
			theme: '',
			rule: 'manual' as const,
			maxGroupSize: 7,
			questions: ['Hva hindrer?']
		};
		function run(state: ConferenceState, command: ConferenceCommand): ConferenceState {
			const decision = decide(state, command, owner, 1_800_000_000_000);
			if (!decision.ok) throw new Error(`${command.type}: ${JSON.stringify(decision.error)}`);
			return decision.state;
		}
		const rename = (roundId: string, groupId: string, name: string): ConferenceCommand => ({
			type: 'round.group',
			roundId,
			action: { type: 'renameGroup', groupId, name }
		});

		it('60 actions in one round keep its last 50, and 5 in another keep all 5 of those', () => {
			let state = emptyConference(1_800_000_000_000);
			state = run(state, { type: 'round.add', roundId: 'r1', round });
			state = run(state, { type: 'round.add', roundId: 'r2', round });
			state = run(state, {
				type: 'round.group',
				roundId: 'r1',
				action: { type: 'addGroup', groupId: 'g1' }
			});
			state = run(state, {
				type: 'round.group',
				roundId: 'r2',
				action: { type: 'addGroup', groupId: 'g2' }
			});
			// Round 1: the addGroup and then 60 renames; round 2: its addGroup and 4 renames, in between.
			for (let n = 1; n <= 60; n++) {
				state = run(state, rename('r1', 'g1', `r1-${n}`));
				if (n % 15 === 0) state = run(state, rename('r2', 'g2', `r2-${n / 15}`));
			}
			const r1 = state.history.r1!;
			const r2 = state.history.r2!;
			expect(r1).toHaveLength(50);
			// Kept: renames 11 to 60 (each entry's inverse holds the name before it).
			expect(r1.map((e) => e.inverse.groups[0]!.group!.name)).toEqual(
				range(10, 59).map((n) => `r1-${n}`)
			);
			expect(r1.every((e) => e.touched.groups.join() === 'g1')).toBe(true);
			expect(r2).toHaveLength(5);
			expect(r2[0]!.inverse.groups).toEqual([{ id: 'g2', group: null, index: -1 }]);
			expect(r2.slice(1).map((e) => e.inverse.groups[0]!.group!.name)).toEqual([
				null,
				'r2-1',
				'r2-2',
				'r2-3'
			]);
			expect(Object.keys(state.history).sort()).toEqual(['r1', 'r2']);
		});
	});
});
