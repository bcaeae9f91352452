import { describe, expect, it } from 'vitest';
import {
	authoriseConference,
	conferenceActorRoles,
	conferenceLimits,
	conferencePermissions,
	decide,
	roleIdFor,
	type ConferenceActor,
	type ConferenceActorRole,
	type ConferenceCommand,
	type ConferenceCommandType,
	type Decision,
	type NewParticipant
} from './commands';
import { sigtunaParticipants } from './fixtures/sigtuna-2010';
import { emptyState, groupsOf, membershipsOf, type ConferenceState } from './state';
import type { ParticipantFields } from './types';
import { newSession } from '../session/test-fixtures';
import { groupNameIn, memberView, overviewView, plenumView, roundDetail } from './views';

const T0 = 1_800_000_000_000;
const owner: ConferenceActor = { role: 'organiser', roles: ['owner'] };

const fields = (name: string, role = 'worker', country = 'NO'): ParticipantFields => ({
	name,
	country,
	role,
	organisation: '',
	language: 'nb',
	coordinator: false
});

let ids = 0;
const newId = (prefix: string) => `${prefix}${String(++ids).padStart(4, '0')}`;
const person = (f: ParticipantFields): NewParticipant => ({
	participantId: newId('p'),
	personalToken: newId('t'),
	fields: f
});
const groupIds = (n = 50) => Array.from({ length: n }, () => newId('g'));

function emptyConference(): ConferenceState {
	return emptyState({
		id: 'c1',
		title: 'Nordisk dialog',
		subtitle: '',
		venue: 'Sigtuna',
		startDate: '2010-05-06',
		endDate: '2010-05-06',
		about: '',
		introduction: '',
		organisation: '',
		author: '',
		introductionBy: '',
		language: 'nb',
		languages: ['nb', 'sv'],
		joinCode: 'ABC234',
		plenumToken: 'plenum-token-plenum-token',
		currentRoundId: null,
		notice: '',
		noticeAt: null,
		plenumRoundId: null,
		plenumGroupId: null,
		createdAt: T0,
		updatedAt: T0
	});
}

/** Applies commands as the owner, failing the test on a refusal. */
function apply(state: ConferenceState, ...commands: ConferenceCommand[]): ConferenceState {
	for (const command of commands) {
		const decision = decide(state, command, owner, T0);
		if (!decision.ok) throw new Error(`${command.type}: ${JSON.stringify(decision.error)}`);
		state = decision.state;
	}
	return state;
}

const ok = (decision: Decision) => {
	if (!decision.ok) throw new Error(JSON.stringify(decision.error));
	return decision;
};
const refusal = (decision: Decision) => (decision.ok ? null : decision.error);

const roundInput = (rule: 'role' | 'country' | 'mixed' | 'manual' = 'role', maxGroupSize = 7) => ({
	title: 'Første gruppearbeid',
	theme: 'Jobbfastholdelse',
	rule,
	maxGroupSize,
	questions: ['Hva hindrer?', '', 'Hva hjelper?']
});

/** The Sigtuna 40 with one round allocated by role. */
function sigtuna(rule: 'role' | 'mixed' = 'role'): ConferenceState {
	return apply(
		emptyConference(),
		{
			type: 'participant.add',
			participants: sigtunaParticipants.map((p) => person(fields(p.name, p.role, p.country)))
		},
		{ type: 'round.add', roundId: 'r1', round: roundInput(rule) },
		{ type: 'round.allocate', roundId: 'r1', newGroupIds: groupIds() }
	);
}

/** Every command, well formed for the Sigtuna state (for the permission matrix). */
function everyCommand(state: ConferenceState): Record<ConferenceCommandType, ConferenceCommand> {
	const someone = state.participants[0]!.id;
	const group = groupsOf(state, 'r1')[0]!.id;
	return {
		'conference.edit': {
			type: 'conference.edit',
			details: { ...state.conference, title: 'Ny tittel' }
		},
		'programme.add': {
			type: 'programme.add',
			itemId: 'i2',
			item: { day: '2010-05-06', start: '09:00', end: '', title: 'Velkommen', kind: 'plenary' }
		},
		'programme.edit': {
			type: 'programme.edit',
			itemId: 'i1',
			item: { day: '2010-05-06', start: '09:00', end: '', title: 'Velkommen', kind: 'plenary' }
		},
		'programme.delete': { type: 'programme.delete', itemId: 'i1' },
		'role.rename': {
			type: 'role.rename',
			role: { id: 'worker', label: { nb: 'Ansatt' }, groupLabel: { nb: 'Ansatte' } }
		},
		'role.add': { type: 'role.add', language: 'nb', label: 'Tolk', groupLabel: 'Tolker' },
		'participant.add': { type: 'participant.add', participants: [person(fields('Ny'))] },
		'participant.edit': {
			type: 'participant.edit',
			participantId: someone,
			fields: fields('Nytt Navn')
		},
		'participant.remove': { type: 'participant.remove', participantId: someone },
		'participant.import': { type: 'participant.import', add: [person(fields('Ny'))], update: [] },
		'round.add': { type: 'round.add', roundId: 'r2', round: roundInput('country') },
		'round.edit': { type: 'round.edit', roundId: 'r1', round: roundInput(), newGroupIds: [] },
		'round.delete': { type: 'round.delete', roundId: 'r1' },
		'round.allocate': { type: 'round.allocate', roundId: 'r1', newGroupIds: groupIds() },
		'round.start': { type: 'round.start', roundId: 'r1' },
		'member.move': { type: 'member.move', roundId: 'r1', participantId: someone, groupId: null },
		'group.add': { type: 'group.add', roundId: 'r1', groupId: 'gx' },
		'group.edit': {
			type: 'group.edit',
			roundId: 'r1',
			groupId: group,
			customName: 'Gruppe A',
			leaders: [someone],
			questions: null
		},
		'plenum.summary': { type: 'plenum.summary', roundId: 'r1', summary: 'Felles funn' },
		'plenum.present': { type: 'plenum.present', roundId: 'r1', groupId: group },
		'notice.set': { type: 'notice.set', notice: 'Plenum kl. 13.30' },
		'group.sessions': { type: 'group.sessions', sessions: [{ groupId: group, sessionId: 's1' }] }
	};
}

const actors: Record<ConferenceActorRole, ConferenceActor> = {
	admin: { role: 'organiser', roles: ['admin'] },
	owner,
	co_organiser: { role: 'organiser', roles: ['co_organiser'] },
	member: { role: 'member', participantId: 'p0001' },
	system: { role: 'system' }
};

/** Commands only the server sends: what it did outside the core, recorded. */
const serverOnly: ConferenceCommandType[] = ['group.sessions'];

describe('the permission table', () => {
	const state = apply(sigtuna(), {
		type: 'programme.add',
		itemId: 'i1',
		item: { day: '2010-05-06', start: '09:00', end: '', title: 'Velkommen', kind: 'plenary' }
	});
	const commands = everyCommand(state);

	for (const type of Object.keys(conferencePermissions) as ConferenceCommandType[]) {
		for (const role of conferenceActorRoles) {
			const allowed = conferencePermissions[type].includes(role);
			it(`${type} from ${role}: ${allowed ? 'decided' : 'forbidden, nothing changes'}`, () => {
				const decision = decide(state, commands[type], actors[role], T0);
				if (allowed) expect(refusal(decision)?.code).not.toBe('forbidden');
				else expect(decision).toEqual({ ok: false, error: { code: 'forbidden' } });
			});
		}
	}

	it('lets owners and co-organisers edit, and neither an administrator alone nor a phone', () => {
		for (const type of Object.keys(conferencePermissions) as ConferenceCommandType[]) {
			if (serverOnly.includes(type)) continue;
			expect(conferencePermissions[type]).toEqual(['owner', 'co_organiser', 'system']);
		}
		for (const type of serverOnly) expect(conferencePermissions[type]).toEqual(['system']);
		expect(
			authoriseConference({ role: 'organiser', roles: ['admin', 'owner'] }, 'round.start')
		).toBeNull();
		expect(authoriseConference({ role: 'organiser', roles: [] }, 'notice.set')).toEqual({
			code: 'forbidden'
		});
	});

	it('every well-formed command of the table is decided for the owner', () => {
		for (const command of Object.values(commands)) {
			if (!serverOnly.includes(command.type)) ok(decide(state, command, owner, T0));
		}
	});
});

describe('conference.edit', () => {
	it('cleans the details and says the glossary follows a change of languages', () => {
		const state = emptyConference();
		const decision = ok(
			decide(
				state,
				{
					type: 'conference.edit',
					details: { ...state.conference, title: '  Ny  tittel ', languages: ['nb', 'fi'] }
				},
				owner,
				T0 + 5
			)
		);
		expect(decision.state.conference.title).toBe('Ny tittel');
		expect(decision.state.conference.updatedAt).toBe(T0 + 5);
		expect(decision.changes).toEqual(['structure', 'glossary']);
	});

	it('refuses an empty title, a bad date and an end before the start', () => {
		const state = emptyConference();
		const edit = (change: object) =>
			refusal(
				decide(
					state,
					{ type: 'conference.edit', details: { ...state.conference, ...change } },
					owner,
					T0
				)
			);
		expect(edit({ title: ' ' })).toEqual({ code: 'empty', params: { field: 'title' } });
		expect(edit({ startDate: '2010-02-30' })?.code).toBe('invalid_payload');
		expect(edit({ endDate: '2010-05-05' })).toEqual({
			code: 'invalid_payload',
			params: { field: 'endDate' }
		});
	});
});

describe('programme', () => {
	const item = {
		day: '2010-05-06',
		start: '09:00',
		end: '10:00',
		title: 'Velkommen',
		kind: 'plenary'
	} as const;

	it('adds, edits and deletes an item', () => {
		let state = apply(emptyConference(), { type: 'programme.add', itemId: 'i1', item });
		expect(state.programme).toEqual([{ id: 'i1', ...item }]);
		state = apply(state, {
			type: 'programme.edit',
			itemId: 'i1',
			item: { ...item, title: 'Lunsj', kind: 'break' }
		});
		expect(state.programme[0]).toMatchObject({ title: 'Lunsj', kind: 'break' });
		state = apply(state, { type: 'programme.delete', itemId: 'i1' });
		expect(state.programme).toEqual([]);
	});

	it('refuses an end before the start, an unknown item and a full programme', () => {
		const state = emptyConference();
		expect(
			refusal(
				decide(
					state,
					{ type: 'programme.add', itemId: 'i1', item: { ...item, end: '08:00' } },
					owner,
					T0
				)
			)
		).toEqual({ code: 'invalid_payload', params: { field: 'end' } });
		expect(
			refusal(decide(state, { type: 'programme.edit', itemId: 'nope', item }, owner, T0))
		).toEqual({ code: 'not_found' });
		const full = {
			...state,
			programme: Array.from({ length: conferenceLimits.programmeItems }, (_, i) => ({
				id: `i${i}`,
				...item
			}))
		};
		expect(
			refusal(decide(full, { type: 'programme.add', itemId: 'x', item }, owner, T0))?.code
		).toBe('too_many');
	});
});

describe('roles', () => {
	it('renames a default role and adds one of the organiser’s own with an id made here', () => {
		const state = apply(
			emptyConference(),
			{
				type: 'role.rename',
				role: { id: 'worker', label: { nb: 'Ansatt' }, groupLabel: {} }
			},
			{ type: 'role.add', language: 'is', label: 'Þjónustufulltrúi', groupLabel: '' },
			{ type: 'role.add', language: 'is', label: 'Þjónustufulltrúi', groupLabel: '' }
		);
		expect(state.customRoles).toEqual([
			{ id: 'worker', label: { nb: 'Ansatt' }, groupLabel: { nb: 'Ansatt' } },
			{
				id: 'thjonustufulltrui',
				label: { is: 'Þjónustufulltrúi' },
				groupLabel: { is: 'Þjónustufulltrúi' }
			},
			{
				id: 'thjonustufulltrui-2',
				label: { is: 'Þjónustufulltrúi' },
				groupLabel: { is: 'Þjónustufulltrúi' }
			}
		]);
	});

	it('folds Nordic letters into role ids and never reuses one', () => {
		expect(roleIdFor('Straße Øst', new Set())).toBe('strasse-ost');
		expect(roleIdFor('Tolk', new Set(['tolk', 'tolk-2']))).toBe('tolk-3');
		expect(roleIdFor('!!!', new Set())).toBe('role');
	});

	it('refuses a bad id, a label too long and no label at all', () => {
		const rename = (role: object) =>
			refusal(
				decide(
					emptyConference(),
					{
						type: 'role.rename',
						role: { id: 'worker', label: { nb: 'x' }, groupLabel: {}, ...role }
					},
					owner,
					T0
				)
			);
		expect(rename({ id: 'Bad Id' })?.code).toBe('invalid_payload');
		expect(rename({ label: { nb: 'x'.repeat(conferenceLimits.roleLabel + 1) } })?.code).toBe(
			'too_long'
		);
		expect(rename({ label: { nb: '  ' } })).toEqual({ code: 'empty', params: { field: 'label' } });
	});
});

describe('participants', () => {
	it('adds people with the ids and secrets of the command, checked and cleaned', () => {
		const ann = person(fields('  Ann  Berg ', 'employer', 'se'));
		const state = apply(emptyConference(), { type: 'participant.add', participants: [ann] });
		expect(state.participants).toEqual([
			{
				id: ann.participantId,
				conferenceId: 'c1',
				name: 'Ann Berg',
				country: 'SE',
				role: 'employer',
				organisation: '',
				language: 'nb',
				coordinator: false,
				personalToken: ann.personalToken,
				createdAt: T0
			}
		]);
	});

	it('adds all or none: one bad row or too many people refuse the whole list', () => {
		const state = emptyConference();
		const bad = decide(
			state,
			{
				type: 'participant.add',
				participants: [person(fields('Ann')), person(fields('Ben', 'astronaut'))]
			},
			owner,
			T0
		);
		expect(refusal(bad)).toEqual({ code: 'invalid_payload', params: { field: 'role' } });
		const many = Array.from({ length: conferenceLimits.participants + 1 }, (_, i) =>
			person(fields(`P ${i}`))
		);
		expect(
			refusal(decide(state, { type: 'participant.add', participants: many }, owner, T0))
		).toEqual({ code: 'too_many', params: { max: conferenceLimits.participants } });
	});

	it('edits someone, and started rounds bring their sessions in line', () => {
		let state = sigtuna();
		state = apply(state, { type: 'round.start', roundId: 'r1' });
		const someone = state.participants[3]!;
		const decision = ok(
			decide(
				state,
				{
					type: 'participant.edit',
					participantId: someone.id,
					fields: { ...someone, name: 'Nytt Navn' }
				},
				owner,
				T0
			)
		);
		expect(decision.state.participants[3]!.name).toBe('Nytt Navn');
		expect(decision.syncRounds).toEqual(['r1']);
	});

	it('removes someone from the list, every group and every leader list', () => {
		let state = sigtuna();
		const group = groupsOf(state, 'r1')[0]!;
		const leader = membershipsOf(state, 'r1').find((m) => m.groupId === group.id)!.participantId;
		state = apply(state, {
			type: 'group.edit',
			roundId: 'r1',
			groupId: group.id,
			customName: '',
			leaders: [leader],
			questions: null
		});
		state = apply(state, { type: 'participant.remove', participantId: leader });
		expect(state.participants.some((p) => p.id === leader)).toBe(false);
		expect(state.memberships.some((m) => m.participantId === leader)).toBe(false);
		expect(state.groups.find((g) => g.id === group.id)!.leaders).toEqual([]);
	});

	it('imports new people and updates known ones at once; someone gone refuses it all', () => {
		const state = sigtuna();
		const known = state.participants[0]!;
		const decision = ok(
			decide(
				state,
				{
					type: 'participant.import',
					add: [person(fields('Sen Ankomst'))],
					update: [{ participantId: known.id, fields: { ...known, organisation: 'NAV' } }]
				},
				owner,
				T0
			)
		);
		expect(decision.result).toEqual({ added: 1, updated: 1 });
		expect(decision.state.participants).toHaveLength(41);
		expect(decision.state.participants[0]!.organisation).toBe('NAV');
		expect(
			refusal(
				decide(
					state,
					{
						type: 'participant.import',
						add: [],
						update: [{ participantId: 'gone', fields: fields('X') }]
					},
					owner,
					T0
				)
			)
		).toEqual({ code: 'not_found', params: { field: 'participant' } });
	});
});

describe('rounds', () => {
	it('adds a round with its questions cleaned, and at most the limit', () => {
		const state = apply(emptyConference(), {
			type: 'round.add',
			roundId: 'r1',
			round: roundInput()
		});
		expect(state.rounds[0]).toMatchObject({
			id: 'r1',
			position: 1,
			questions: ['Hva hindrer?', 'Hva hjelper?'],
			startedAt: null
		});
		const full = {
			...state,
			rounds: Array.from({ length: conferenceLimits.rounds }, (_, i) => ({
				...state.rounds[0]!,
				id: `r${i}`
			}))
		};
		expect(
			refusal(decide(full, { type: 'round.add', roundId: 'rx', round: roundInput() }, owner, T0))
				?.code
		).toBe('too_many');
		expect(
			refusal(
				decide(
					state,
					{ type: 'round.add', roundId: 'r2', round: { ...roundInput(), maxGroupSize: 1 } },
					owner,
					T0
				)
			)?.code
		).toBe('invalid_payload');
	});

	it('regroups afresh when the rule changes before the start, hand moves included', () => {
		let state = sigtuna();
		const someone = state.participants[0]!.id;
		state = apply(state, {
			type: 'member.move',
			roundId: 'r1',
			participantId: someone,
			groupId: groupsOf(state, 'r1')[5]!.id
		});
		const decision = ok(
			decide(
				state,
				{
					type: 'round.edit',
					roundId: 'r1',
					round: roundInput('country'),
					newGroupIds: groupIds()
				},
				owner,
				T0
			)
		);
		expect(decision.result.regrouped).toBe(true);
		const detail = roundDetail(decision.state, 'r1', 'en')!;
		expect(detail.groups.every((g) => g.descriptor.kind === 'country')).toBe(true);
		expect(detail.groups.flatMap((g) => g.pinnedIds)).toEqual([]);
		expect(detail.unassigned).toEqual([]);
	});

	it('gives sessions at work the round’s new questions', () => {
		let state = apply(sigtuna(), { type: 'round.start', roundId: 'r1' });
		state = {
			...state,
			groups: state.groups.map((g, i) => ({ ...g, sessionId: `s${i}` }))
		};
		const decision = ok(
			decide(
				state,
				{
					type: 'round.edit',
					roundId: 'r1',
					round: { ...roundInput(), questions: ['Hva nå?'] },
					newGroupIds: []
				},
				owner,
				T0
			)
		);
		expect(decision.result.regrouped).toBe(false);
		expect(decision.sessionDetails).toHaveLength(groupsOf(state, 'r1').length);
		expect(decision.sessionDetails[0]).toEqual({ sessionId: 's0', questions: ['Hva nå?'] });
	});

	it('deletes a round not started, and the plenum stops presenting it', () => {
		let state = apply(sigtuna(), { type: 'plenum.present', roundId: 'r1', groupId: null });
		const decision = ok(decide(state, { type: 'round.delete', roundId: 'r1' }, owner, T0));
		expect(decision.state.rounds).toEqual([]);
		expect(decision.state.groups).toEqual([]);
		expect(decision.state.memberships).toEqual([]);
		expect(decision.state.conference.plenumRoundId).toBeNull();
		expect(decision.changes).toEqual(['structure', 'plenum']);
		state = apply(state, { type: 'round.start', roundId: 'r1' });
		expect(refusal(decide(state, { type: 'round.delete', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'wrong_phase',
			params: { phase: 'started' }
		});
	});
});

describe('grouping', () => {
	it('allocates everyone by role into groups of at most the size, ids from the command', () => {
		const state = sigtuna();
		const detail = roundDetail(state, 'r1', 'nb')!;
		expect(detail.unassigned).toEqual([]);
		expect(detail.groups.flatMap((g) => g.memberIds)).toHaveLength(40);
		for (const group of detail.groups) {
			expect(group.memberIds.length).toBeLessThanOrEqual(7);
			expect(group.id).toMatch(/^g\d{4}$/);
		}
	});

	it('re-runs without moving anyone placed by hand, and places a late arrival', () => {
		let state = sigtuna();
		const [first, second] = groupsOf(state, 'r1');
		const moved = membershipsOf(state, 'r1').find((m) => m.groupId === first!.id)!.participantId;
		state = apply(state, {
			type: 'member.move',
			roundId: 'r1',
			participantId: moved,
			groupId: second!.id
		});
		const late = person(fields('Sen Ankomst', 'policy', 'FI'));
		state = apply(
			state,
			{ type: 'participant.add', participants: [late] },
			{ type: 'round.allocate', roundId: 'r1', newGroupIds: groupIds() }
		);
		const where = (id: string) => membershipsOf(state, 'r1').find((m) => m.participantId === id);
		expect(where(moved)).toMatchObject({ groupId: second!.id, pinned: true });
		expect(where(late.participantId)).toBeDefined();
	});

	it('refuses an allocation that runs out of group ids', () => {
		const state = apply(
			emptyConference(),
			{ type: 'participant.add', participants: [person(fields('Ann')), person(fields('Ben'))] },
			{ type: 'round.add', roundId: 'r1', round: roundInput() }
		);
		expect(
			refusal(decide(state, { type: 'round.allocate', roundId: 'r1', newGroupIds: [] }, owner, T0))
		).toEqual({ code: 'invalid_payload', params: { field: 'newGroupIds' } });
	});

	it('moves to no group by deleting the place, and refuses an unknown group or person', () => {
		const state = sigtuna();
		const someone = state.participants[0]!.id;
		const decision = ok(
			decide(
				state,
				{ type: 'member.move', roundId: 'r1', participantId: someone, groupId: null },
				owner,
				T0
			)
		);
		expect(membershipsOf(decision.state, 'r1').some((m) => m.participantId === someone)).toBe(
			false
		);
		expect(decision.syncRounds).toEqual([]);
		const move = (participantId: string, groupId: string) =>
			refusal(
				decide(state, { type: 'member.move', roundId: 'r1', participantId, groupId }, owner, T0)
			);
		expect(move(someone, 'nope')).toEqual({ code: 'not_found' });
		expect(move('nobody', groupsOf(state, 'r1')[0]!.id)).toEqual({ code: 'not_found' });
	});

	it('adds a numbered group at the end', () => {
		const state = apply(
			emptyConference(),
			{ type: 'round.add', roundId: 'r1', round: roundInput('manual') },
			{ type: 'group.add', roundId: 'r1', groupId: 'ga' },
			{ type: 'group.add', roundId: 'r1', groupId: 'gb' }
		);
		expect(groupsOf(state, 'r1').map((g) => [g.id, g.descriptor, g.position])).toEqual([
			['ga', { kind: 'manual', number: 1 }, 0],
			['gb', { kind: 'manual', number: 2 }, 1]
		]);
		expect(
			refusal(decide(state, { type: 'group.add', roundId: 'r1', groupId: 'ga' }, owner, T0))
		).toEqual({ code: 'conflict' });
	});

	it('names a group, picks known leaders and its own questions; a session at work follows', () => {
		let state = apply(sigtuna(), { type: 'round.start', roundId: 'r1' });
		const group = { ...groupsOf(state, 'r1')[0]!, sessionId: 's1' };
		state = { ...state, groups: state.groups.map((g) => (g.id === group.id ? group : g)) };
		const someone = state.participants[0]!.id;
		const decision = ok(
			decide(
				state,
				{
					type: 'group.edit',
					roundId: 'r1',
					groupId: group.id,
					customName: ' Gruppe A ',
					leaders: [someone, someone, 'nobody'],
					questions: ['Egen?', '']
				},
				owner,
				T0
			)
		);
		const edited = decision.state.groups.find((g) => g.id === group.id)!;
		expect(edited).toMatchObject({
			customName: 'Gruppe A',
			leaders: [someone],
			questions: ['Egen?']
		});
		expect(decision.sessionDetails).toEqual([
			{ sessionId: 's1', title: 'Gruppe A', questions: ['Egen?'] }
		]);
	});

	it('starts a round: it becomes current, and every group needs questions', () => {
		const state = sigtuna();
		const decision = ok(decide(state, { type: 'round.start', roundId: 'r1' }, owner, T0 + 9));
		expect(decision.state.conference.currentRoundId).toBe('r1');
		expect(decision.state.rounds[0]!.startedAt).toBe(T0 + 9);
		expect(decision.syncRounds).toEqual(['r1']);
		const again = ok(
			decide(decision.state, { type: 'round.start', roundId: 'r1' }, owner, T0 + 99)
		);
		expect(again.state.rounds[0]!.startedAt).toBe(T0 + 9);

		const silent = {
			...state,
			rounds: state.rounds.map((r) => ({ ...r, questions: [] }))
		};
		expect(refusal(decide(silent, { type: 'round.start', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'empty',
			params: { field: 'questions' }
		});
		const empty = apply(emptyConference(), {
			type: 'round.add',
			roundId: 'r1',
			round: roundInput()
		});
		expect(refusal(decide(empty, { type: 'round.start', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'empty',
			params: { field: 'groups' }
		});
	});
});

describe('plenum and notice', () => {
	it('keeps a round’s summary, within its limit', () => {
		const state = apply(sigtuna(), {
			type: 'plenum.summary',
			roundId: 'r1',
			summary: 'Felles funn:\n\n- lønn'
		});
		expect(state.rounds[0]!.plenumSummary).toBe('Felles funn:\n\n- lønn');
		expect(
			refusal(
				decide(
					state,
					{
						type: 'plenum.summary',
						roundId: 'r1',
						summary: 'x'.repeat(conferenceLimits.summary + 1)
					},
					owner,
					T0
				)
			)?.code
		).toBe('too_long');
	});

	it('presents a round or one of its groups, never another round’s group', () => {
		const state = sigtuna();
		const group = groupsOf(state, 'r1')[0]!.id;
		const decision = ok(
			decide(state, { type: 'plenum.present', roundId: 'r1', groupId: group }, owner, T0)
		);
		expect(decision.state.conference).toMatchObject({ plenumRoundId: 'r1', plenumGroupId: group });
		expect(decision.changes).toEqual(['plenum']);
		expect(
			refusal(decide(state, { type: 'plenum.present', roundId: 'r1', groupId: 'nope' }, owner, T0))
		).toEqual({ code: 'not_found' });
	});

	it('sets and clears the notice with the time it was set', () => {
		let state = apply(emptyConference());
		const set = ok(decide(state, { type: 'notice.set', notice: ' Plenum 13.30 ' }, owner, T0 + 1));
		expect(set.state.conference).toMatchObject({ notice: 'Plenum 13.30', noticeAt: T0 + 1 });
		expect(set.changes).toEqual(['notice']);
		state = apply(set.state, { type: 'notice.set', notice: '' });
		expect(state.conference).toMatchObject({ notice: '', noticeAt: null });
		expect(
			refusal(
				decide(
					state,
					{ type: 'notice.set', notice: 'x'.repeat(conferenceLimits.notice + 1) },
					owner,
					T0
				)
			)?.code
		).toBe('too_long');
	});
});

describe('group.sessions', () => {
	const system: ConferenceActor = { role: 'system' };
	const started = () => apply(sigtuna(), { type: 'round.start', roundId: 'r1' });

	it('records the sessions the server made on the groups of a started round, changing nothing else', () => {
		const state = started();
		const [first, second] = groupsOf(state, 'r1');
		const decision = ok(
			decide(
				state,
				{
					type: 'group.sessions',
					sessions: [
						{ groupId: first!.id, sessionId: 's-first' },
						{ groupId: second!.id, sessionId: 's-second' }
					]
				},
				system,
				T0
			)
		);
		const groups = groupsOf(decision.state, 'r1');
		expect(groups.map((g) => g.sessionId)).toEqual(
			groupsOf(state, 'r1').map((g, i) => (i === 0 ? 's-first' : i === 1 ? 's-second' : null))
		);
		expect({ ...decision.state, groups: state.groups }).toEqual(state);
		expect(decision.result).toEqual({ linked: 2 });
		expect(decision.changes).toEqual([]);
		expect(decision.syncRounds).toEqual([]);
	});

	it('keeps a session a group already has: the same again is a no-op, another one a conflict', () => {
		const state = started();
		const group = groupsOf(state, 'r1')[0]!.id;
		const link = (sessionId: string): ConferenceCommand => ({
			type: 'group.sessions',
			sessions: [{ groupId: group, sessionId }]
		});
		const linked = ok(decide(state, link('s1'), system, T0)).state;
		expect(ok(decide(linked, link('s1'), system, T0)).state).toEqual(linked);
		expect(refusal(decide(linked, link('s2'), system, T0))).toEqual({ code: 'conflict' });
	});

	it('refuses groups of a round not started, and groups that are not there', () => {
		const state = sigtuna();
		const group = groupsOf(state, 'r1')[0]!.id;
		expect(
			refusal(
				decide(
					state,
					{ type: 'group.sessions', sessions: [{ groupId: group, sessionId: 's1' }] },
					system,
					T0
				)
			)
		).toEqual({ code: 'wrong_phase', params: { phase: 'not_started' } });
		expect(
			refusal(
				decide(
					started(),
					{ type: 'group.sessions', sessions: [{ groupId: 'gone', sessionId: 's1' }] },
					system,
					T0
				)
			)
		).toEqual({ code: 'not_found', params: { field: 'group' } });
	});
});

describe('decide', () => {
	it('never changes the state it is given', () => {
		const state = sigtuna();
		const frozen = JSON.stringify(state);
		for (const command of Object.values(everyCommand(state))) decide(state, command, owner, T0);
		expect(JSON.stringify(state)).toBe(frozen);
	});
});

describe('the live views', () => {
	/** The Sigtuna round started, each group's session a fresh one (s0, s1, …). */
	function started(): ConferenceState {
		const state = apply(sigtuna(), { type: 'round.start', roundId: 'r1' });
		return {
			...state,
			groups: state.groups.map((g, i) => ({ ...g, sessionId: `s${i}` }))
		};
	}
	const session = newSession();
	const identity = { devices: [], requests: [] };

	it('shows the organiser every group, and counts phones of people in no group', () => {
		let state = started();
		const observer = state.participants[0]!.id;
		state = apply(state, {
			type: 'member.move',
			roundId: 'r1',
			participantId: observer,
			groupId: null
		});
		const view = overviewView(state, 'en', {
			session: (id) => ({
				state: session,
				consolePath: `/console/${id}`,
				screenPath: `/screen/${id}`
			}),
			online: (id) => (id === 's0' ? 2 : 0),
			connected: 3,
			devicesWaiting: 1
		});
		expect(view.participants).toBe(40);
		expect(view.connected).toBe(3);
		expect(view.devicesWaiting).toBe(1);
		expect(view.groups.map((g) => g.members).reduce((a, b) => a + b)).toBe(39);
		expect(view.groups[0]).toMatchObject({
			online: 2,
			consolePath: '/console/s0',
			question: { label: 'a', phase: 'lobby' }
		});
	});

	it('shows the plenum the round it presents, named in the conference’s language', () => {
		const state = apply(started(), { type: 'plenum.present', roundId: 'r1', groupId: null });
		const view = plenumView(state, () => session);
		expect(view.round?.id).toBe('r1');
		expect(view.groups).toHaveLength(groupsOf(state, 'r1').length);
		expect(view.groups[0]!.questions[0]!.text).toBe(session.questions[0]!.text);
		expect(view.focusGroupId).toBeNull();
	});

	it('shows a member their group in their own language, or none when not placed', () => {
		const state = started();
		const placed = membershipsOf(state, 'r1')[0]!;
		const group = state.groups.find((g) => g.id === placed.groupId)!;
		const view = memberView(state, placed.participantId, 'sv', identity)!;
		expect(view.group).toEqual({
			id: group.id,
			name: groupNameIn(state, group, 'sv'),
			leaders: []
		});
		const moved = apply(state, {
			type: 'member.move',
			roundId: 'r1',
			participantId: placed.participantId,
			groupId: null
		});
		expect(memberView(moved, placed.participantId, 'sv', identity)!.group).toBeNull();
		expect(memberView(state, 'nobody', 'sv', identity)).toBeNull();
	});
});
