import { describe, expect, it } from 'vitest';
import {
	authoriseConference,
	conferenceActorRoles,
	conferenceLimits,
	conferencePermissions,
	decide,
	previewReallocation,
	roleIdFor,
	type ConferenceActor,
	type ConferenceActorRole,
	type ConferenceCommand,
	type ConferenceCommandType,
	type Decision,
	type NewParticipant
} from './commands';
import { sigtunaParticipants } from './fixtures/sigtuna-2010';
import type { GroupingAction } from './grouping';
import { groupsOf, seatsOf, type ConferenceState } from './state';
import { emptyConference as emptyConferenceAt } from '$lib/testing/conference-details';
import type { ParticipantFields } from './types';
import type { SessionState } from '../session/types';
import type { Theme } from '../synthesis/perspective';
import type { ThemeEdit } from '../synthesis/themes';
import {
	advance as advanceSession,
	as,
	clarifySession,
	join,
	newSession,
	run as execute,
	write
} from '../session/test-fixtures';
import { groupNameIn, memberView, overviewView, plenumView, roundDetail } from './views';

const T0 = 1_800_000_000_000;
const owner: ConferenceActor = { role: 'organiser', roles: ['owner'], accountId: 'a-owner' };
const colleague: ConferenceActor = {
	role: 'organiser',
	roles: ['co_organiser'],
	accountId: 'a-colleague'
};

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

const emptyConference = () => emptyConferenceAt(T0);

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

/** One grouping action on round r1. */
const grouping = (action: GroupingAction, roundId = 'r1'): ConferenceCommand => ({
	type: 'round.group',
	roundId,
	action
});

/** Re-allocates round r1 under its rule, placing everyone not placed by hand. */
const allocate = (rule: 'role' | 'mixed' | 'country' = 'role', maxGroupSize = 7) =>
	grouping({
		type: 'reallocate',
		settings: { rule, maxGroupSize, roles: {} },
		mode: 'rule',
		newGroupIds: groupIds()
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
		allocate(rule)
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
		'round.start': { type: 'round.start', roundId: 'r1' },
		'round.group': grouping({ type: 'move', participantIds: [someone], to: group }),
		'round.undo': { type: 'round.undo', roundId: 'r1' },
		'group.questions': {
			type: 'group.questions',
			roundId: 'r1',
			groupId: group,
			questions: ['Egen?']
		},
		'plenum.summary': { type: 'plenum.summary', roundId: 'r1', summary: 'Felles funn' },
		'plenum.present': { type: 'plenum.present', roundId: 'r1', groupId: group },
		'notice.set': { type: 'notice.set', notice: 'Plenum kl. 13.30' },
		'themes.edit': {
			type: 'themes.edit',
			roundId: 'r1',
			proposal: [],
			edit: { kind: 'rename', themeId: themeIdOf(state), heading: 'Fast kontaktperson' }
		},
		'themes.present': { type: 'themes.present', roundId: 'r1', themeId: themeIdOf(state) },
		'group.sessions': { type: 'group.sessions', sessions: [{ groupId: group, sessionId: 's1' }] },
		'themes.forget': { type: 'themes.forget', roundId: 'r1', texts: ['gone'], groups: [] }
	};
}

const actors: Record<ConferenceActorRole, ConferenceActor> = {
	admin: { role: 'organiser', roles: ['admin'], accountId: 'a-admin' },
	owner,
	co_organiser: colleague,
	member: { role: 'member', participantId: 'p0001' },
	system: { role: 'system' }
};

/** Commands only the server sends: what it did outside the core, recorded. */
const serverOnly: ConferenceCommandType[] = ['group.sessions', 'themes.forget'];

/** Two themes over round r1's first two groups: a shared one and one the second alone raised. */
function proposalFor(state: ConferenceState): Theme[] {
	const [a, b] = groupsOf(state, 'r1').map((g) => g.id);
	return [
		{
			id: `${a}/q1:c:1`,
			heading: 'Saksbehandler',
			entries: [
				{ groupId: a!, itemId: 'q1:c:1', rank: 1, points: 12 },
				{ groupId: b!, itemId: 'q1:n:2', rank: 2, points: 5 }
			]
		},
		{
			id: `${b}/q1:c:3`,
			heading: 'Lønnstilskudd',
			entries: [
				{ groupId: b!, itemId: 'q1:c:3', rank: 1, points: 9 },
				{ groupId: b!, itemId: 'q1:n:4', rank: 3, points: 2 }
			]
		}
	];
}

const themeIdOf = (state: ConferenceState) => state.themes['r1']!.themes[0]!.id;

const editThemes = (
	state: ConferenceState,
	edit: ThemeEdit
): Extract<ConferenceCommand, { type: 'themes.edit' }> => ({
	type: 'themes.edit',
	roundId: 'r1',
	proposal: proposalFor(state),
	edit
});

describe('the permission table', () => {
	const programmed = apply(sigtuna(), {
		type: 'programme.add',
		itemId: 'i1',
		item: { day: '2010-05-06', start: '09:00', end: '', title: 'Velkommen', kind: 'plenary' }
	});
	const state = apply(programmed, editThemes(programmed, { kind: 'confirm' }));
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
			authoriseConference(
				{ role: 'organiser', roles: ['admin', 'owner'], accountId: 'a' },
				'round.start'
			)
		).toBeNull();
		expect(
			authoriseConference({ role: 'organiser', roles: [], accountId: 'a' }, 'notice.set')
		).toEqual({
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
				roleDescription: '',
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

	it('removes someone from the list, every seat, and every grouping action that touched them', () => {
		let state = sigtuna();
		const group = groupsOf(state, 'r1')[0]!;
		const leader = seatsOf(state, 'r1').find((s) => s.groupId === group.id)!.participantId;
		state = apply(state, grouping({ type: 'lead', groupId: group.id, participantIds: [leader] }));
		state = apply(state, { type: 'participant.remove', participantId: leader });
		expect(state.participants.some((p) => p.id === leader)).toBe(false);
		expect(state.seats.some((s) => s.participantId === leader)).toBe(false);
		expect(state.history.r1!.some((e) => e.touched.people.includes(leader))).toBe(false);
		// Undo cannot bring them back: the action that made them leader is gone with them.
		expect(refusal(decide(state, { type: 'round.undo', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'nothing_to_undo'
		});
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

	it('re-places everyone not placed by hand when the rule changes before the start', () => {
		let state = sigtuna();
		const someone = state.participants[0]!.id;
		const chosen = groupsOf(state, 'r1')[5]!;
		state = apply(state, grouping({ type: 'move', participantIds: [someone], to: chosen.id }));
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
		// The hand move stays where it was put; everyone else sits in a country group.
		expect(detail.groups.flatMap((g) => g.pinnedIds)).toEqual([someone]);
		expect(detail.groups.find((g) => g.id === chosen.id)!.memberIds).toEqual([someone]);
		const others = detail.groups.filter((g) => g.id !== chosen.id);
		expect(others.every((g) => g.descriptor.kind === 'country')).toBe(true);
		expect(detail.unplaced).toEqual([]);
		expect(detail.noGroup).toEqual([]);
		expect(decision.state.rounds[0]!.rule).toBe('country');
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
		expect(decision.state.seats).toEqual([]);
		expect(decision.state.history).toEqual({});
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
		expect(detail.unplaced).toEqual([]);
		expect(detail.groups.flatMap((g) => g.memberIds)).toHaveLength(40);
		for (const group of detail.groups) {
			expect(group.memberIds.length).toBeLessThanOrEqual(7);
			expect(group.id).toMatch(/^g\d{4}$/);
			expect(group.shown).toBe(true);
		}
		expect(state.rounds[0]!.roles).toEqual({});
	});

	it('re-allocates without moving anyone placed by hand, and places a late arrival', () => {
		let state = sigtuna();
		const [first, second] = groupsOf(state, 'r1');
		const moved = seatsOf(state, 'r1').find((s) => s.groupId === first!.id)!.participantId;
		state = apply(state, grouping({ type: 'move', participantIds: [moved], to: second!.id }));
		const late = person(fields('Sen Ankomst', 'policy', 'FI'));
		state = apply(
			state,
			{ type: 'participant.add', participants: [late] },
			grouping({
				type: 'reallocate',
				settings: { rule: 'role', maxGroupSize: 7, roles: {} },
				mode: 'unplaced',
				newGroupIds: groupIds()
			})
		);
		const where = (id: string) => seatsOf(state, 'r1').find((s) => s.participantId === id);
		expect(where(moved)).toMatchObject({ groupId: second!.id, pinned: true });
		expect(where(late.participantId)?.groupId).not.toBeNull();
	});

	it('keeps the settings it allocated with, per-role options included, checked', () => {
		const state = sigtuna();
		const settings = {
			rule: 'role' as const,
			maxGroupSize: 8,
			roles: {
				coordinator: { kind: 'lead' as const },
				researcher: { kind: 'with' as const, role: 'job-coach' },
				employer: { kind: 'own' as const, groups: 2 },
				worker: { kind: 'own' as const }
			}
		};
		const decision = ok(
			decide(
				state,
				grouping({ type: 'reallocate', settings, mode: 'rule', newGroupIds: groupIds() }),
				owner,
				T0
			)
		);
		// 'own' without a number is the default: nothing to keep.
		expect(decision.state.rounds[0]).toMatchObject({
			rule: 'role',
			maxGroupSize: 8,
			roles: {
				coordinator: { kind: 'lead' },
				researcher: { kind: 'with', role: 'job-coach' },
				employer: { kind: 'own', groups: 2 }
			}
		});
		const bad = (roles: Record<string, unknown>, maxGroupSize = 7) =>
			refusal(
				decide(
					state,
					grouping({
						type: 'reallocate',
						settings: { rule: 'role', maxGroupSize, roles: roles as never },
						mode: 'rule',
						newGroupIds: groupIds()
					}),
					owner,
					T0
				)
			);
		expect(bad({ nobody: { kind: 'lead' } })).toEqual({
			code: 'invalid_payload',
			params: { field: 'roles' }
		});
		expect(bad({ worker: { kind: 'with', role: 'worker' } })?.code).toBe('invalid_payload');
		expect(bad({ worker: { kind: 'own', groups: 100 } })?.code).toBe('invalid_payload');
		expect(bad({}, 1)).toMatchObject({
			code: 'invalid_payload',
			params: { field: 'maxGroupSize' }
		});
	});

	it('applies a previewed plan only while it holds', () => {
		let state = sigtuna();
		const settings = { rule: 'role' as const, maxGroupSize: 7, roles: {} };
		const late = person(fields('Sen Ankomst', 'policy', 'FI'));
		state = apply(state, { type: 'participant.add', participants: [late] });
		const preview = previewReallocation(state, 'r1', { settings, mode: 'unplaced' });
		if (!preview.ok) throw new Error('no preview');
		expect(preview.value.plan.moves.map((m) => m.participantId)).toEqual([late.participantId]);
		const request = (plan: typeof preview.value.plan) =>
			grouping({
				type: 'reallocate',
				settings,
				mode: 'unplaced',
				newGroupIds: groupIds(),
				preview: plan
			});
		// Someone else placed the late arrival by hand meanwhile: the plan no longer holds.
		const meanwhile = apply(
			state,
			grouping({ type: 'noGroup', participantIds: [late.participantId] })
		);
		expect(refusal(decide(meanwhile, request(preview.value.plan), owner, T0))).toEqual({
			code: 'plan_changed'
		});
		ok(decide(state, request(preview.value.plan), owner, T0));
	});

	it('refuses a re-allocation that runs out of group ids', () => {
		const state = apply(
			emptyConference(),
			{ type: 'participant.add', participants: [person(fields('Ann')), person(fields('Ben'))] },
			{ type: 'round.add', roundId: 'r1', round: roundInput() }
		);
		const decision = decide(
			state,
			grouping({
				type: 'reallocate',
				settings: { rule: 'role', maxGroupSize: 7 },
				mode: 'rule',
				newGroupIds: []
			}),
			owner,
			T0
		);
		expect(refusal(decision)).toEqual({
			code: 'invalid_payload',
			params: { field: 'newGroupIds' }
		});
	});

	it('keeps a "no group" choice as a seat, and refuses an unknown group or person', () => {
		const state = sigtuna();
		const someone = state.participants[0]!.id;
		const decision = ok(
			decide(state, grouping({ type: 'noGroup', participantIds: [someone] }), owner, T0)
		);
		expect(seatsOf(decision.state, 'r1').find((s) => s.participantId === someone)).toEqual({
			roundId: 'r1',
			participantId: someone,
			groupId: null,
			leader: false,
			pinned: true
		});
		expect(roundDetail(decision.state, 'r1', 'nb')!.noGroup).toEqual([someone]);
		expect(decision.syncRounds).toEqual([]);
		// A re-allocation keeps it.
		const again = apply(decision.state, allocate());
		expect(seatsOf(again, 'r1').find((s) => s.participantId === someone)?.groupId).toBeNull();
		const move = (participantId: string, to: string) =>
			refusal(
				decide(state, grouping({ type: 'move', participantIds: [participantId], to }), owner, T0)
			);
		expect(move(someone, 'nope')).toEqual({ code: 'not_found', params: { field: 'groupId' } });
		expect(move('nobody', groupsOf(state, 'r1')[0]!.id)).toEqual({
			code: 'not_found',
			params: { field: 'participantIds' }
		});
		expect(
			refusal(
				decide(
					state,
					grouping({ type: 'move', participantIds: [someone], to: 'x' }, 'r9'),
					owner,
					T0
				)
			)
		).toEqual({ code: 'not_found' });
	});

	it('adds numbered groups at the end and answers the new id', () => {
		const state = apply(
			emptyConference(),
			{ type: 'round.add', roundId: 'r1', round: roundInput('manual') },
			grouping({ type: 'addGroup', groupId: 'ga' })
		);
		const decision = ok(decide(state, grouping({ type: 'addGroup', groupId: 'gb' }), owner, T0));
		expect(decision.result.groupId).toBe('gb');
		expect(groupsOf(decision.state, 'r1').map((g) => [g.id, g.descriptor, g.position])).toEqual([
			['ga', { kind: 'manual', number: 1 }, 0],
			['gb', { kind: 'manual', number: 2 }, 1]
		]);
		expect(
			refusal(decide(state, grouping({ type: 'addGroup', groupId: 'ga' }), owner, T0))
		).toEqual({
			code: 'conflict',
			params: { field: 'groupId' }
		});
	});

	it('renames a group, picks its leaders and its own questions; a session at work follows', () => {
		let state = apply(sigtuna(), { type: 'round.start', roundId: 'r1' });
		const group = { ...groupsOf(state, 'r1')[0]!, sessionId: 's1' };
		state = { ...state, groups: state.groups.map((g) => (g.id === group.id ? group : g)) };
		const someone = seatsOf(state, 'r1').find((s) => s.groupId === group.id)!.participantId;
		const renamed = ok(
			decide(
				state,
				grouping({ type: 'renameGroup', groupId: group.id, name: 'Gruppe A' }),
				owner,
				T0
			)
		);
		expect(renamed.state.groups.find((g) => g.id === group.id)!.customName).toBe('Gruppe A');
		expect(renamed.sessionDetails).toEqual([{ sessionId: 's1', title: 'Gruppe A' }]);
		expect(renamed.syncRounds).toEqual(['r1']);
		const led = ok(
			decide(
				state,
				grouping({ type: 'lead', groupId: group.id, participantIds: [someone] }),
				owner,
				T0
			)
		);
		expect(roundDetail(led.state, 'r1', 'nb')!.groups[0]!.leaders).toEqual([someone]);
		const asked = ok(
			decide(
				state,
				{ type: 'group.questions', roundId: 'r1', groupId: group.id, questions: ['Egen?', ''] },
				owner,
				T0
			)
		);
		expect(asked.state.groups.find((g) => g.id === group.id)!.questions).toEqual(['Egen?']);
		expect(asked.sessionDetails).toEqual([{ sessionId: 's1', questions: ['Egen?'] }]);
		expect(
			refusal(
				decide(
					state,
					{ type: 'group.questions', roundId: 'r1', groupId: 'nope', questions: null },
					owner,
					T0
				)
			)
		).toEqual({ code: 'not_found' });
	});

	it('never removes a group whose session exists: it holds the group’s work', () => {
		let state = apply(sigtuna(), { type: 'round.start', roundId: 'r1' });
		const group = { ...groupsOf(state, 'r1')[0]!, sessionId: 's1' };
		state = { ...state, groups: state.groups.map((g) => (g.id === group.id ? group : g)) };
		const name = roundDetail(state, 'r1', 'nb')!.groups[0]!.name;
		expect(
			refusal(decide(state, grouping({ type: 'deleteGroup', groupId: group.id }), owner, T0))
		).toEqual({
			code: 'wrong_phase',
			params: { phase: 'started', group: name }
		});
	});

	it('deletes a group (its people become unplaced), merges and splits groups', () => {
		const state = sigtuna();
		const [first, second] = groupsOf(state, 'r1');
		const inFirst = seatsOf(state, 'r1').filter((s) => s.groupId === first!.id);
		const deleted = ok(
			decide(state, grouping({ type: 'deleteGroup', groupId: first!.id }), owner, T0)
		);
		expect(groupsOf(deleted.state, 'r1').map((g) => g.id)).not.toContain(first!.id);
		expect(roundDetail(deleted.state, 'r1', 'nb')!.unplaced.sort()).toEqual(
			inFirst.map((s) => s.participantId).sort()
		);
		const merged = ok(
			decide(
				state,
				grouping({ type: 'mergeGroups', groupId: first!.id, into: second!.id }),
				owner,
				T0
			)
		);
		const into = seatsOf(merged.state, 'r1').filter((s) => s.groupId === second!.id);
		expect(into.length).toBe(
			inFirst.length + seatsOf(state, 'r1').filter((s) => s.groupId === second!.id).length
		);
		const split = ok(
			decide(
				state,
				grouping({ type: 'splitGroup', groupId: first!.id, newGroupId: 'gs' }),
				owner,
				T0
			)
		);
		expect(split.result.groupId).toBe('gs');
		expect(groupsOf(split.state, 'r1')[1]!.id).toBe('gs');
		expect(seatsOf(split.state, 'r1').some((s) => s.groupId === 'gs')).toBe(true);
	});

	it('undoes the organiser’s own last action, and refuses one another organiser has overwritten', () => {
		const state = sigtuna();
		const [first, second] = groupsOf(state, 'r1');
		const someone = seatsOf(state, 'r1').find((s) => s.groupId === first!.id)!.participantId;
		const moved = apply(
			state,
			grouping({ type: 'move', participantIds: [someone], to: second!.id })
		);
		const undone = ok(decide(moved, { type: 'round.undo', roundId: 'r1' }, owner, T0));
		expect(seatsOf(undone.state, 'r1').find((s) => s.participantId === someone)).toMatchObject({
			groupId: first!.id,
			pinned: false
		});
		// The colleague has nothing of their own to undo.
		expect(refusal(decide(moved, { type: 'round.undo', roundId: 'r1' }, colleague, T0))).toEqual({
			code: 'nothing_to_undo'
		});
		// The colleague then moves the same person: undoing would overwrite that.
		const overwritten = ok(
			decide(moved, grouping({ type: 'noGroup', participantIds: [someone] }), colleague, T0)
		).state;
		const name = state.participants.find((p) => p.id === someone)!.name;
		expect(refusal(decide(overwritten, { type: 'round.undo', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'undo_conflict',
			params: { affected: name, byActors: 'a-colleague' }
		});
		expect(overwritten.history.r1!.map((e) => e.actor)).toEqual([
			'a-owner',
			'a-owner',
			'a-colleague'
		]);
	});

	it('starts a round: it becomes current; only groups with people start', () => {
		const state = apply(sigtuna(), grouping({ type: 'addGroup', groupId: 'empty' }));
		const decision = ok(decide(state, { type: 'round.start', roundId: 'r1' }, owner, T0 + 9));
		expect(decision.state.conference.currentRoundId).toBe('r1');
		expect(decision.state.rounds[0]!.startedAt).toBe(T0 + 9);
		expect(decision.syncRounds).toEqual(['r1']);
		expect(
			roundDetail(decision.state, 'r1', 'nb')!.groups.find((g) => g.id === 'empty')!.shown
		).toBe(false);
		const again = ok(
			decide(decision.state, { type: 'round.start', roundId: 'r1' }, owner, T0 + 99)
		);
		expect(again.state.rounds[0]!.startedAt).toBe(T0 + 9);
	});

	it('refuses to start naming the group without questions, or when no group has people', () => {
		const state = sigtuna();
		const silent = {
			...state,
			rounds: state.rounds.map((r) => ({ ...r, questions: [] }))
		};
		const first = roundDetail(silent, 'r1', 'nb')!.groups[0]!;
		expect(refusal(decide(silent, { type: 'round.start', roundId: 'r1' }, owner, T0))).toEqual({
			code: 'group_without_questions',
			params: { group: first.name }
		});
		const empty = apply(
			emptyConference(),
			{ type: 'round.add', roundId: 'r1', round: roundInput() },
			grouping({ type: 'addGroup', groupId: 'ga' })
		);
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

describe('themes', () => {
	it('confirms the proposed themes as they are, and keeps them when the proposal changes', () => {
		const state = sigtuna();
		const confirmed = ok(decide(state, editThemes(state, { kind: 'confirm' }), owner, T0 + 5));
		expect(confirmed.changes).toEqual(['plenum']);
		expect(confirmed.state.themes['r1']).toEqual({
			roundId: 'r1',
			themes: proposalFor(state),
			confirmedAt: T0 + 5,
			presenting: null,
			updatedAt: T0 + 5
		});
		const later = ok(
			decide(
				confirmed.state,
				{ ...editThemes(state, { kind: 'confirm' }), proposal: [] },
				owner,
				T0 + 6
			)
		);
		expect(later.state.themes['r1']!.themes).toEqual(proposalFor(state));
	});

	it('renames, merges and splits, and forgets the work on reset', () => {
		const state = sigtuna();
		const [shared, own] = proposalFor(state).map((t) => t.id);
		const renamed = apply(
			state,
			editThemes(state, { kind: 'rename', themeId: shared!, heading: '  Fast kontaktperson ' })
		);
		expect(renamed.themes['r1']!.themes[0]!.heading).toBe('Fast kontaktperson');
		expect(renamed.themes['r1']!.confirmedAt).toBeNull();
		const merged = apply(
			renamed,
			editThemes(state, { kind: 'merge', themeId: own!, intoThemeId: shared! })
		);
		expect(merged.themes['r1']!.themes).toHaveLength(1);
		expect(merged.themes['r1']!.themes[0]!.heading).toBe('Fast kontaktperson');
		expect(merged.themes['r1']!.themes[0]!.entries.map((e) => e.itemId)).toEqual(
			[...proposalFor(state)[0]!.entries, ...proposalFor(state)[1]!.entries]
				.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : a.rank - b.rank))
				.map((e) => e.itemId)
		);
		const b = groupsOf(state, 'r1')[1]!.id;
		const split = apply(
			merged,
			editThemes(state, {
				kind: 'split',
				themeId: shared!,
				entryKeys: [`${b}/q1:c:3`, `${b}/q1:n:4`],
				heading: 'Lønn'
			})
		);
		expect(split.themes['r1']!.themes.map((t) => [t.id, t.heading, t.entries.length])).toEqual([
			[shared, 'Fast kontaktperson', 2],
			[`${b}/q1:c:3`, 'Lønn', 2]
		]);
		const reset = apply(split, editThemes(state, { kind: 'reset' }));
		expect(reset.themes).toEqual({});
	});

	it('refuses a proposal naming another round’s group, an unknown theme, an empty split and a long heading', () => {
		const state = sigtuna();
		const foreign = proposalFor(state).map((t) => ({
			...t,
			entries: t.entries.map((e) => ({ ...e, groupId: 'elsewhere' }))
		}));
		const command = editThemes(state, { kind: 'confirm' });
		expect(refusal(decide(state, { ...command, proposal: foreign }, owner, T0))).toEqual({
			code: 'invalid_payload',
			params: { field: 'proposal' }
		});
		expect(refusal(decide(state, { ...command, roundId: 'nope' }, owner, T0))).toEqual({
			code: 'not_found'
		});
		const [shared] = proposalFor(state).map((t) => t.id);
		const edit = (e: ThemeEdit) => refusal(decide(state, editThemes(state, e), owner, T0))?.code;
		expect(edit({ kind: 'rename', themeId: 'nope', heading: 'X' })).toBe('not_found');
		expect(edit({ kind: 'rename', themeId: shared!, heading: 'x'.repeat(121) })).toBe('too_long');
		expect(edit({ kind: 'rename', themeId: shared!, heading: '   ' })).toBe('empty');
		expect(edit({ kind: 'merge', themeId: shared!, intoThemeId: shared! })).toBe('invalid_payload');
		expect(edit({ kind: 'split', themeId: shared!, entryKeys: [], heading: '' })).toBe(
			'theme_split_empty'
		);
		const all = proposalFor(state)[0]!.entries.map((e) => `${e.groupId}/${e.itemId}`);
		expect(edit({ kind: 'split', themeId: shared!, entryKeys: all, heading: '' })).toBe(
			'theme_split_empty'
		);
		expect(edit({ kind: 'split', themeId: shared!, entryKeys: ['x/y'], heading: '' })).toBe(
			'not_found'
		);
	});

	it('presents a theme of a confirmed map only, and a group or the overview takes its place', () => {
		const state = sigtuna();
		const [shared] = proposalFor(state).map((t) => t.id);
		const present = { type: 'themes.present', roundId: 'r1', themeId: shared! } as const;
		expect(refusal(decide(state, present, owner, T0))).toEqual({ code: 'wrong_phase' });
		const confirmed = apply(state, editThemes(state, { kind: 'confirm' }));
		expect(refusal(decide(confirmed, { ...present, themeId: 'nope' }, owner, T0))).toEqual({
			code: 'not_found'
		});
		const shown = ok(decide(confirmed, present, owner, T0));
		expect(shown.changes).toEqual(['plenum']);
		expect(shown.state.conference).toMatchObject({ plenumRoundId: 'r1', plenumGroupId: null });
		expect(shown.state.themes['r1']!.presenting).toBe(shared);
		const overview = apply(shown.state, {
			type: 'plenum.present',
			roundId: 'r1',
			groupId: null
		});
		expect(overview.themes['r1']!.presenting).toBeNull();
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
		const allocated = sigtuna();
		const state = apply(allocated, editThemes(allocated, { kind: 'confirm' }));
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
		state = apply(state, grouping({ type: 'noGroup', participantIds: [observer] }));
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

	it('never shows an empty group on the overview or the plenum screen', () => {
		const state = apply(
			started(),
			grouping({ type: 'addGroup', groupId: 'empty', name: 'Tomrommet' }),
			{ type: 'plenum.present', roundId: 'r1', groupId: null }
		);
		const live = {
			session: () => null,
			online: () => 0,
			connected: 0,
			devicesWaiting: 0
		};
		const overview = overviewView(state, 'en', live);
		const plenum = plenumView(state, () => session);
		expect(groupsOf(state, 'r1').map((g) => g.id)).toContain('empty');
		for (const groups of [overview.groups, plenum.groups]) {
			expect(groups.map((g) => g.id)).not.toContain('empty');
			expect(groups).toHaveLength(groupsOf(state, 'r1').length - 1);
			expect(groups.every((g) => g.members > 0)).toBe(true);
		}
	});

	it('shows a group that answers its questions in one list as one list, on the overview and the plenum screen', () => {
		let oneList = newSession({ questions: ['What works?', 'What is needed?'] });
		oneList = join(execute(oneList, { type: 'session.configure', settings: { oneList: true } }), [
			'ann'
		]);
		oneList = write(advanceSession(oneList), { ann: [['a1', 'A fixed contact person']] });
		const running = started();
		const state = apply(running, {
			type: 'plenum.present',
			roundId: 'r1',
			groupId: groupsOf(running, 'r1')[0]!.id
		});
		const overview = overviewView(state, 'en', {
			session: () => ({ state: oneList, consolePath: '/c', screenPath: '/s' }),
			online: () => 0,
			connected: 0,
			devicesWaiting: 0
		});
		// Question b is being answered in a's list: never "waiting to start" while the list is written.
		expect(overview.groups[0]!.questions).toEqual([
			{ label: 'a', phase: 'write' },
			{ label: 'b', phase: 'write' }
		]);
		const plenum = plenumView(state, () => oneList);
		expect(plenum.groups[0]!.tops).toEqual([{ label: 'a', first: null }]);
		expect(plenum.presented).toHaveLength(1);
		expect(plenum.presented[0]).toMatchObject({
			label: 'a',
			text: 'What works?',
			together: [{ label: 'b', text: 'What is needed?' }]
		});
	});

	it('names a group’s leaders on the phone, the overview and the plenum screen', () => {
		const state = started();
		const group = groupsOf(state, 'r1')[0]!;
		const leader = seatsOf(state, 'r1').find((s) => s.groupId === group.id)!.participantId;
		const led = apply(
			state,
			grouping({ type: 'lead', groupId: group.id, participantIds: [leader] })
		);
		const name = led.participants.find((p) => p.id === leader)!.name;
		expect(memberView(led, leader, 'nb', identity)!.group!.leaders).toEqual([name]);
		expect(plenumView(led, () => session).groups[0]!.leaders).toEqual([name]);
	});

	it('shows the plenum the round it presents, named in the conference’s language', () => {
		const state = apply(started(), { type: 'plenum.present', roundId: 'r1', groupId: null });
		const view = plenumView(state, () => session);
		expect(view.round?.id).toBe('r1');
		expect(view.groups).toHaveLength(groupsOf(state, 'r1').length);
		expect(view.groups[0]!.tops.map((top) => top.label)).toEqual(
			session.questions.map((q) => q.label)
		);
		expect(view.focusGroupId).toBeNull();
		expect(view.presented).toEqual([]);
	});

	/** Notes revealed, a heading over two of them, and a finished vote: a1 ranked first. */
	function votedSession(): SessionState {
		let s = execute(clarifySession(), {
			type: 'cluster.create',
			questionId: 'q1',
			clusterId: 'k1',
			heading: 'PAPERWORK AND FUNDING',
			noteIds: ['a2', 'a3']
		});
		s = advanceSession(s);
		for (const [voter, ranking] of [
			['ann', ['n:a1', 'n:b1']],
			['ben', ['n:a1', 'c:k1']],
			['cat', ['n:a1', 'n:c1']]
		] as const)
			s = execute(s, { type: 'ballot.cast', questionId: 'q1', ranking: [...ranking] }, as(voter));
		return advanceSession(s);
	}

	it('brings a group’s notes to the plenum screen only while it is presented; the others show their first-ranked item', () => {
		const running = started();
		const [first, second] = groupsOf(running, 'r1');
		const voted = votedSession();
		const clarifying = clarifySession();
		const sessions = (id: string) => (id === first!.sessionId ? voted : clarifying);
		const texts = (s: SessionState) => s.questions[0]!.notes.map((n) => n.text);
		const atAGlance = plenumView(
			apply(running, { type: 'plenum.present', roundId: 'r1', groupId: null }),
			sessions
		);
		const json = JSON.stringify(atAGlance);
		expect(atAGlance.groups[0]!.tops[0]).toEqual({
			label: 'a',
			first: { kind: 'note', label: 'Too much paperwork' }
		});
		expect(atAGlance.groups[1]!.tops[0]).toEqual({ label: 'a', first: null });
		expect(atAGlance.presented).toEqual([]);
		// No note of any group, and no heading, beyond the one item ranked first.
		for (const text of [...texts(voted), ...texts(clarifying), 'PAPERWORK AND FUNDING'])
			if (text !== 'Too much paperwork') expect(json).not.toContain(text);
		// The second group presented: its notes, and still none of the first group's.
		const presented = plenumView(
			apply(running, { type: 'plenum.present', roundId: 'r1', groupId: second!.id }),
			sessions
		);
		expect(presented.presented[0]!.notes.map((n) => n.text).sort()).toEqual(
			texts(clarifying).sort()
		);
		expect(presented.presented[0]!.results).toBeNull();
		// The first group presented: its ranking, with the heading voted on.
		const ranked = plenumView(
			apply(running, { type: 'plenum.present', roundId: 'r1', groupId: first!.id }),
			sessions
		);
		expect(ranked.presented[0]!.results!.map((r) => r.label)).toContain('PAPERWORK AND FUNDING');
		expect(ranked.groups[1]).toEqual(presented.groups[1]);
	});

	it('keeps a group’s plenum part while its session and the conference are the same, and makes it again when either changes', () => {
		const running = started();
		const [first, second] = groupsOf(running, 'r1');
		const state = apply(running, { type: 'plenum.present', roundId: 'r1', groupId: first!.id });
		// Each group its own session state (the plenum keeps a group's part by that state).
		const sessions = new Map<string, SessionState>(
			groupsOf(state, 'r1').map((g, i) => [g.id, i === 0 ? session : newSession()])
		);
		const bySession = (groupId: string) => sessions.get(groupId)!;
		const view = (s: ConferenceState) =>
			plenumView(s, (sessionId) => {
				const group = groupsOf(s, 'r1').find((g) => g.sessionId === sessionId);
				return group ? bySession(group.id) : null;
			});
		const before = view(state);
		const again = view(state);
		expect(again.groups[0]).toBe(before.groups[0]);
		expect(again.groups[1]).toBe(before.groups[1]);
		// A note revealed in the first group's session: its part is new and shows it.
		sessions.set(first!.id, clarifySession());
		const changed = view(state);
		expect(changed.groups[0]).not.toBe(before.groups[0]);
		expect(before.presented[0]!.notes).toEqual([]);
		expect(changed.presented[0]!.notes.map((n) => n.text)).toContain('Too much paperwork');
		expect(changed.groups[1]).toBe(before.groups[1]);
		// The conference changed (a group renamed): every part is made again, with the new name.
		const renamed = apply(
			state,
			grouping({ type: 'renameGroup', groupId: second!.id, name: 'Fjellgruppa' })
		);
		const after = view(renamed);
		expect(after.groups[1]).not.toBe(before.groups[1]);
		expect(after.groups[1]!.name).toBe('Fjellgruppa');
		expect(JSON.parse(JSON.stringify(after))).toEqual(
			JSON.parse(
				JSON.stringify(
					plenumView(structuredClone(renamed), (id) => {
						const group = groupsOf(renamed, 'r1').find((g) => g.sessionId === id);
						return group ? structuredClone(bySession(group.id)) : null;
					})
				)
			)
		);
	});

	it('shows a member their group in their own language, or none when not placed', () => {
		const state = started();
		const placed = seatsOf(state, 'r1')[0]!;
		const group = state.groups.find((g) => g.id === placed.groupId)!;
		const view = memberView(state, placed.participantId, 'sv', identity)!;
		expect(view.group).toEqual({
			id: group.id,
			name: groupNameIn(state, group, 'sv'),
			leaders: []
		});
		const moved = apply(
			state,
			grouping({ type: 'noGroup', participantIds: [placed.participantId] })
		);
		expect(memberView(moved, placed.participantId, 'sv', identity)!.group).toBeNull();
		expect(memberView(state, 'nobody', 'sv', identity)).toBeNull();
	});
});

describe('what real conferences write: small things', () => {
	it('takes a social programme item, such as a welcome dinner', () => {
		const dinner = {
			day: '2010-05-05',
			start: '19:00',
			end: '',
			title: 'Velkomstmiddag',
			kind: 'social'
		} as const;
		const state = apply(emptyConference(), { type: 'programme.add', itemId: 'i1', item: dinner });
		expect(state.programme).toEqual([{ id: 'i1', ...dinner }]);
		const unknown = { ...dinner, kind: 'dance' } as unknown as typeof dinner;
		expect(
			refusal(decide(state, { type: 'programme.add', itemId: 'i2', item: unknown }, owner, T0))
		).toEqual({ code: 'invalid_payload', params: { field: 'kind' } });
	});

	it('keeps a participant’s role description in their own words, within its limit', () => {
		const described = { ...fields('Kari'), roleDescription: '  forsker,\tprosjektleder ' };
		const state = apply(emptyConference(), {
			type: 'participant.add',
			participants: [person(described)]
		});
		expect(state.participants[0]).toMatchObject({ roleDescription: 'forsker, prosjektleder' });
		const id = state.participants[0]!.id;
		const edited = apply(state, {
			type: 'participant.edit',
			participantId: id,
			fields: { ...described, roleDescription: 'nasjonal koordinator' }
		});
		expect(edited.participants[0]!.roleDescription).toBe('nasjonal koordinator');
		const tooLong = 'x'.repeat(conferenceLimits.roleDescription + 1);
		const error = refusal(
			decide(
				state,
				{
					type: 'participant.edit',
					participantId: id,
					fields: { ...described, roleDescription: tooLong }
				},
				owner,
				T0
			)
		);
		expect(error).toMatchObject({ code: 'too_long', params: { field: 'roleDescription' } });
		// Absent, as older forms and imports send it: empty.
		const plain = apply(emptyConference(), {
			type: 'participant.add',
			participants: [person(fields('Per'))]
		});
		expect(plain.participants[0]!.roleDescription).toBe('');
	});

	it('keeps a round’s instruction on several lines, within its limit, and shows it with the theme', () => {
		const instruction = 'Ta utgangspunkt i forrige erfaringsutveksling:\nHva har endret seg?';
		let state = apply(sigtuna(), {
			type: 'round.edit',
			roundId: 'r1',
			round: { ...roundInput(), instruction },
			newGroupIds: []
		});
		expect(state.rounds[0]!.instruction).toBe(instruction);
		const tooLong = 'x'.repeat(conferenceLimits.instruction + 1);
		expect(
			refusal(
				decide(
					state,
					{ type: 'round.add', roundId: 'r2', round: { ...roundInput(), instruction: tooLong } },
					owner,
					T0
				)
			)
		).toMatchObject({ code: 'too_long', params: { field: 'instruction' } });
		state = apply(
			state,
			{ type: 'round.start', roundId: 'r1' },
			{ type: 'plenum.present', roundId: 'r1', groupId: null }
		);
		const someone = seatsOf(state, 'r1')[0]!.participantId;
		const identity = { devices: [], requests: [] };
		expect(memberView(state, someone, 'nb', identity)!.round).toMatchObject({
			theme: 'Jobbfastholdelse',
			instruction
		});
		expect(plenumView(state, () => null).round).toMatchObject({ instruction });
		// A round without one says so with an empty text.
		const plain = apply(emptyConference(), {
			type: 'round.add',
			roundId: 'r1',
			round: roundInput()
		});
		expect(plain.rounds[0]!.instruction).toBe('');
	});

	it('grows the member and plenum views by the instruction alone', () => {
		const instruction = 'Ta utgangspunkt i forrige erfaringsutveksling:\nHva har endret seg?';
		const running = (text: string) =>
			apply(
				sigtuna(),
				{
					type: 'round.edit',
					roundId: 'r1',
					round: { ...roundInput(), instruction: text },
					newGroupIds: []
				},
				{ type: 'round.start', roundId: 'r1' },
				{ type: 'plenum.present', roundId: 'r1', groupId: null }
			);
		const identity = { devices: [], requests: [] };
		const sizes = (state: ConferenceState) => {
			const someone = seatsOf(state, 'r1')[0]!.participantId;
			return [
				JSON.stringify(memberView(state, someone, 'nb', identity)).length,
				JSON.stringify(plenumView(state, () => null)).length
			] as const;
		};
		const [memberWithout, plenumWithout] = sizes(running(''));
		const [memberWith, plenumWith] = sizes(running(instruction));
		const extra = JSON.stringify(instruction).length - 2;
		expect(memberWith - memberWithout).toBe(extra);
		expect(plenumWith - plenumWithout).toBe(extra);
	});
});
