import { describe, expect, it } from 'vitest';
import {
	decide,
	previewReallocation,
	type ConferenceActor,
	type ConferenceCommand
} from '$lib/domain/conference/commands';
import type { GroupingAction } from '$lib/domain/conference/grouping';
import type { ConferenceState } from '$lib/domain/conference/state';
import { placementField, readPlacement, reallocationPreview, roundPageData } from './round-page';

const T0 = 1_800_000_000_000;
const owner: ConferenceActor = { role: 'organiser', roles: ['owner'], accountId: 'a-owner' };
const colleague: ConferenceActor = {
	role: 'organiser',
	roles: ['co_organiser'],
	accountId: 'a-colleague'
};

function apply(state: ConferenceState, actor: ConferenceActor, ...commands: ConferenceCommand[]) {
	for (const command of commands) {
		const decision = decide(state, command, actor, T0);
		if (!decision.ok) throw new Error(`${command.type}: ${JSON.stringify(decision.error)}`);
		state = decision.state;
	}
	return state;
}
const grouping = (action: GroupingAction): ConferenceCommand => ({
	type: 'round.group',
	roundId: 'r1',
	action
});
const person = (id: string, name: string, role: string, country: string) => ({
	participantId: id,
	personalToken: `t-${id}`,
	fields: { name, role, country, organisation: '', language: 'nb' as const, coordinator: false }
});

/** Six people in three roles, allocated by role with the coordinator leading. */
function conference(): ConferenceState {
	const empty: ConferenceState = {
		conference: {
			id: 'c1',
			title: 'Nordisk dialog',
			subtitle: '',
			venue: '',
			startDate: '',
			endDate: '',
			about: '',
			introduction: '',
			organisation: '',
			author: '',
			introductionBy: '',
			language: 'nb',
			languages: ['nb'],
			joinCode: 'ABC234',
			plenumToken: 'plenum',
			currentRoundId: null,
			notice: '',
			noticeAt: null,
			plenumRoundId: null,
			plenumGroupId: null,
			createdAt: T0,
			updatedAt: T0
		},
		programme: [],
		customRoles: [],
		participants: [],
		rounds: [],
		groups: [],
		seats: [],
		history: {},
		themes: {}
	};
	return apply(
		empty,
		owner,
		{
			type: 'participant.add',
			participants: [
				person('p1', 'Åse Berg', 'worker', 'NO'),
				person('p2', 'Bo Ek', 'worker', 'SE'),
				person('p3', 'Carl Dahl', 'employer', 'DK'),
				person('p4', 'Dora Fjeld', 'employer', 'NO'),
				person('p5', 'Eva Gran', 'coordinator', 'FI'),
				person('p6', 'Finn Hau', 'policy', 'IS')
			]
		},
		{
			type: 'round.add',
			roundId: 'r1',
			round: { title: 'Runde', theme: '', rule: 'role', maxGroupSize: 7, questions: ['Hva?'] }
		},
		grouping({
			type: 'reallocate',
			settings: {
				rule: 'role',
				maxGroupSize: 7,
				roles: { coordinator: { kind: 'lead' }, policy: { kind: 'none' } }
			},
			mode: 'rule',
			newGroupIds: ['g1', 'g2', 'g3']
		})
	);
}

describe('the round page’s data', () => {
	it('has the groups in order with leaders first, no group, unplaced, roles and settings', () => {
		const state = apply(
			conference(),
			owner,
			{ type: 'participant.add', participants: [person('p7', 'Gro Iversen', 'worker', 'NO')] },
			grouping({ type: 'addGroup', groupId: 'gx' })
		);
		const data = roundPageData(state, 'r1', 'nb', 'a-owner')!;
		// Names in the page's language's order: Å comes last in Norwegian.
		expect(data.groups.map((g) => [g.name, g.seats.map((s) => s.name), g.empty])).toEqual([
			['Arbeidstakere', ['Eva Gran', 'Bo Ek', 'Åse Berg'], false],
			['Arbeidsgivere', ['Carl Dahl', 'Dora Fjeld'], false],
			['Gruppe 1', [], true]
		]);
		expect(data.groups[0]!.seats[0]).toMatchObject({ leader: true, pinned: false });
		expect(data.noGroup.map((p) => p.name)).toEqual(['Finn Hau']);
		expect(data.unplaced.map((p) => p.name)).toEqual(['Gro Iversen']);
		expect(data.people.p6).toMatchObject({ roleLabel: 'Beslutningstaker', countryName: 'Island' });
		expect(data.settings.roles).toEqual({
			coordinator: { kind: 'lead' },
			policy: { kind: 'none' }
		});
		expect(data.roles.find((r) => r.id === 'worker')).toMatchObject({
			count: 3,
			placement: { kind: 'own' }
		});
		expect(data.round).toMatchObject({ started: false, current: false });
		expect(roundPageData(state, 'nope', 'nb', 'a-owner')).toBeNull();
	});

	it('offers undo only to the organiser with an own action left', () => {
		const state = conference();
		expect(roundPageData(state, 'r1', 'nb', 'a-owner')!.canUndo).toBe(true);
		expect(roundPageData(state, 'r1', 'nb', 'a-colleague')!.canUndo).toBe(false);
		const undone = apply(state, owner, { type: 'round.undo', roundId: 'r1' });
		expect(roundPageData(undone, 'r1', 'nb', 'a-owner')!.canUndo).toBe(false);
		const moved = apply(undone, colleague, grouping({ type: 'noGroup', participantIds: ['p1'] }));
		expect(roundPageData(moved, 'r1', 'nb', 'a-colleague')!.canUndo).toBe(true);
	});
});

describe('the re-allocation preview', () => {
	it('names who goes where and which groups are made, and posts back what it showed', () => {
		const state = apply(conference(), owner, {
			type: 'participant.add',
			participants: [person('p7', 'Gro Iversen', 'researcher', 'NO')]
		});
		const request = {
			settings: { rule: 'role' as const, maxGroupSize: 7, roles: {} },
			mode: 'unplaced' as const
		};
		const planned = previewReallocation(state, 'r1', request);
		if (!planned.ok) throw new Error('no plan');
		const preview = reallocationPreview(
			state,
			'r1',
			{ ...request, plan: planned.value.plan },
			'nb',
			'tidligere gruppe'
		);
		expect(preview.created).toEqual([{ key: 'role:researcher:1', name: 'Forskere' }]);
		expect(preview.moves).toEqual([
			{
				participantId: 'p7',
				name: 'Gro Iversen',
				from: { kind: 'unplaced' },
				to: { kind: 'group', key: 'role:researcher:1', name: 'Forskere' },
				leader: false
			}
		]);
		expect(preview.nothing).toBe(false);
		expect(JSON.parse(preview.reallocation)).toEqual({ ...request, plan: planned.value.plan });
	});
});

describe('role options on the form', () => {
	it('read back what they write, and nothing else', () => {
		for (const placement of [
			{ kind: 'own' },
			{ kind: 'own', groups: 2 },
			{ kind: 'with', role: 'job-coach' },
			{ kind: 'lead' },
			{ kind: 'none' }
		] as const)
			expect(readPlacement(placementField(placement))).toEqual(placement);
		expect(readPlacement('')).toEqual({ kind: 'own' });
		for (const bad of ['own:', 'own:100', 'with:', 'with:Job Coach', 'everywhere'])
			expect(readPlacement(bad)).toBeNull();
	});
});
