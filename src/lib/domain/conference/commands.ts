import { refuse, type DomainError } from '../errors';
import { slug, uniqueSlug } from '$lib/domain/slug';
import { limits } from '../limits';
import { conferenceLimits } from './limits';
import { organiserPermissions, type OrganiserRole } from '../organiser/permissions';
import { languages, type Language } from '../session/types';
import { charCount, cleanText } from '../text';
import {
	allocate,
	groupKey,
	groupingRules,
	type AllocationWarning,
	type GroupDescriptor,
	type GroupingRule
} from './allocation';
import { findCountry } from './countries';
import { resolveRoles, type RoleDefinition } from './roles';
import {
	groupsOf,
	membershipsOf,
	roundOf,
	type ConferenceChange,
	type ConferenceState,
	type RoundMembership
} from './state';
import {
	programmeKinds,
	type ConferenceDetails,
	type ConferenceParticipant,
	type Group,
	type ParticipantFields,
	type ProgrammeItem,
	type Round
} from './types';
import { groupNameIn } from './views';

export { conferenceLimits };

/** Who sends a command to a conference. */
export type ConferenceActor =
	/** A signed-in account with its roles for this conference (admin, owner, co-organiser). */
	| { role: 'organiser'; roles: readonly OrganiserRole[] }
	/** A participant's own device (a phone opened with their link or their claimed name). */
	| { role: 'member'; participantId: string }
	/** The server itself: set-up scripts, the demo, imports already checked. */
	| { role: 'system' };

/** The programme form's fields. */
export type ProgrammeInput = Omit<ProgrammeItem, 'id'>;

/** The round form's fields. */
export interface RoundInput {
	title: string;
	theme: string;
	rule: GroupingRule;
	maxGroupSize: number;
	questions: string[];
}

/** A person to add, with the ids and link secret the server made for them. */
export interface NewParticipant {
	participantId: string;
	personalToken: string;
	fields: ParticipantFields;
}

/** Everything that can change a conference. Ids and secrets are made by the server, never here. */
export type ConferenceCommand =
	| { type: 'conference.edit'; details: ConferenceDetails }
	| { type: 'programme.add'; itemId: string; item: ProgrammeInput }
	| { type: 'programme.edit'; itemId: string; item: ProgrammeInput }
	| { type: 'programme.delete'; itemId: string }
	| { type: 'role.rename'; role: RoleDefinition }
	| { type: 'role.add'; language: Language; label: string; groupLabel: string }
	| { type: 'participant.add'; participants: NewParticipant[] }
	| { type: 'participant.edit'; participantId: string; fields: ParticipantFields }
	| { type: 'participant.remove'; participantId: string }
	| {
			type: 'participant.import';
			add: NewParticipant[];
			update: { participantId: string; fields: ParticipantFields }[];
	  }
	| { type: 'round.add'; roundId: string; round: RoundInput }
	/** A new rule before the start regroups everyone afresh, with groups from `newGroupIds`. */
	| { type: 'round.edit'; roundId: string; round: RoundInput; newGroupIds: string[] }
	| { type: 'round.delete'; roundId: string }
	/** Hand moves stay; new groups take their ids from `newGroupIds`, in order. */
	| { type: 'round.allocate'; roundId: string; newGroupIds: string[] }
	| { type: 'round.start'; roundId: string }
	| { type: 'member.move'; roundId: string; participantId: string; groupId: string | null }
	| { type: 'group.add'; roundId: string; groupId: string }
	| {
			type: 'group.edit';
			roundId: string;
			groupId: string;
			customName: string;
			leaders: string[];
			questions: string[] | null;
	  }
	| { type: 'plenum.summary'; roundId: string; summary: string }
	| { type: 'plenum.present'; roundId: string | null; groupId: string | null }
	| { type: 'notice.set'; notice: string }
	/** The group sessions the server made for started rounds, recorded on their groups. */
	| { type: 'group.sessions'; sessions: { groupId: string; sessionId: string }[] };

export type ConferenceCommandType = ConferenceCommand['type'];

/** The roles in the permission table: the organiser roles, members' devices and the server. */
export type ConferenceActorRole = OrganiserRole | 'member' | 'system';
export const conferenceActorRoles = [
	'admin',
	'owner',
	'co_organiser',
	'member',
	'system'
] as const satisfies readonly ConferenceActorRole[];

/** Whoever may edit a conference (organiserPermissions.edit), and the server. */
const editors: readonly ConferenceActorRole[] = [...organiserPermissions.edit, 'system'];

/**
 * Who may send what. This table is the permission model for conferences; the authorisation
 * tests walk it. An administrator alone may not change a conference (data minimisation), and a
 * member's device changes its own person only through the session and identity commands.
 */
export const conferencePermissions: Record<ConferenceCommandType, readonly ConferenceActorRole[]> =
	{
		'conference.edit': editors,
		'programme.add': editors,
		'programme.edit': editors,
		'programme.delete': editors,
		'role.rename': editors,
		'role.add': editors,
		'participant.add': editors,
		'participant.edit': editors,
		'participant.remove': editors,
		'participant.import': editors,
		'round.add': editors,
		'round.edit': editors,
		'round.delete': editors,
		'round.allocate': editors,
		'round.start': editors,
		'member.move': editors,
		'group.add': editors,
		'group.edit': editors,
		'plenum.summary': editors,
		'plenum.present': editors,
		'notice.set': editors,
		'group.sessions': ['system']
	};

/** Whether an actor may send a command of this type. */
export function authoriseConference(
	actor: ConferenceActor,
	type: ConferenceCommandType
): DomainError | null {
	const allowed = conferencePermissions[type];
	const roles: readonly ConferenceActorRole[] =
		actor.role === 'organiser' ? actor.roles : [actor.role];
	return roles.some((role) => allowed.includes(role)) ? null : refuse('forbidden');
}

/** A group session's details to bring in line with the conference. */
export interface SessionDetails {
	sessionId: string;
	title?: string;
	questions?: string[];
}

/** What a command answers, beside the new state: ids it made, warnings. */
export type ConferenceResult = Record<
	string,
	string | number | boolean | null | AllocationWarning[]
>;

export type Decision =
	| {
			ok: true;
			state: ConferenceState;
			result: ConferenceResult;
			/** Which live views must follow. */
			changes: ConferenceChange[];
			/** Started rounds whose group sessions must get their members again. */
			syncRounds: string[];
			/** Sessions at work whose title or questions changed. */
			sessionDetails: SessionDetails[];
	  }
	| { ok: false; error: DomainError };

type Checked<T> = { ok: true; value: T } | { ok: false; error: DomainError };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const failure = <T>(code: DomainError['code'], params?: DomainError['params']): Checked<T> => ({
	ok: false,
	error: refuse(code, params)
});
const refused = (code: DomainError['code'], params?: DomainError['params']): Decision => ({
	ok: false,
	error: refuse(code, params)
});

/** Cleans a free-text field and checks its length; empty allowed unless required. */
export function checkedText(
	raw: string,
	max: number,
	field: string,
	{ multiline = false, required = false } = {}
): Checked<string> {
	const value = cleanText(raw, { multiline });
	if (required && value === '') return failure('empty', { field });
	const length = charCount(value);
	if (length > max) return failure('too_long', { field, max, length });
	return ok(value);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

function validDate(value: string): boolean {
	if (!isoDate.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The setup form checked and cleaned: dates in order, languages known. */
export function checkDetails(input: ConferenceDetails): Checked<ConferenceDetails> {
	const fields: [keyof ConferenceDetails, number, boolean][] = [
		['title', conferenceLimits.title, false],
		['subtitle', conferenceLimits.subtitle, false],
		['venue', conferenceLimits.venue, false],
		['about', conferenceLimits.longText, true],
		['introduction', conferenceLimits.longText, true],
		['organisation', conferenceLimits.signoffLine, false],
		['author', conferenceLimits.signoffLine, false],
		['introductionBy', conferenceLimits.signoffLine, false]
	];
	const clean: Record<string, string> = {};
	for (const [field, max, multiline] of fields) {
		const value = checkedText(input[field] as string, max, field, {
			multiline,
			required: field === 'title'
		});
		if (!value.ok) return value;
		clean[field] = value.value;
	}
	for (const field of ['startDate', 'endDate'] as const) {
		const value = input[field];
		if (value !== '' && !validDate(value)) return failure('invalid_payload', { field });
	}
	if (input.startDate && input.endDate && input.endDate < input.startDate) {
		return failure('invalid_payload', { field: 'endDate' });
	}
	if (!languages.includes(input.language)) return failure('invalid_payload', { field: 'language' });
	const spoken = [...new Set(input.languages.filter((l) => languages.includes(l)))];
	return ok({
		title: clean.title!,
		subtitle: clean.subtitle!,
		venue: clean.venue!,
		startDate: input.startDate,
		endDate: input.endDate || input.startDate,
		about: clean.about!,
		introduction: clean.introduction!,
		organisation: clean.organisation!,
		author: clean.author!,
		introductionBy: clean.introductionBy!,
		language: input.language,
		languages: spoken.length > 0 ? spoken : [input.language]
	});
}

function checkProgrammeItem(item: ProgrammeInput): Checked<ProgrammeInput> {
	if (!validDate(item.day)) return failure('invalid_payload', { field: 'day' });
	if (!clockTime.test(item.start)) return failure('invalid_payload', { field: 'start' });
	if (item.end !== '' && (!clockTime.test(item.end) || item.end < item.start)) {
		return failure('invalid_payload', { field: 'end' });
	}
	if (!programmeKinds.includes(item.kind)) return failure('invalid_payload', { field: 'kind' });
	const title = checkedText(item.title, conferenceLimits.programmeTitle, 'title', {
		required: true
	});
	if (!title.ok) return title;
	return ok({ ...item, title: title.value });
}

function checkParticipant(
	roles: readonly RoleDefinition[],
	input: ParticipantFields
): Checked<ParticipantFields> {
	const name = checkedText(input.name, conferenceLimits.participantName, 'name', {
		required: true
	});
	if (!name.ok) return name;
	const organisation = checkedText(
		input.organisation,
		conferenceLimits.organisation,
		'organisation'
	);
	if (!organisation.ok) return organisation;
	const country = findCountry(input.country);
	if (!country) return failure('invalid_payload', { field: 'country' });
	if (!roles.some((r) => r.id === input.role)) return failure('invalid_payload', { field: 'role' });
	if (!languages.includes(input.language)) return failure('invalid_payload', { field: 'language' });
	return ok({
		name: name.value,
		organisation: organisation.value,
		country,
		role: input.role,
		language: input.language,
		coordinator: input.coordinator
	});
}

/** Questions typed one per line: blanks dropped, each within limits. */
function checkQuestions(raw: readonly string[]): Checked<string[]> {
	const questions: string[] = [];
	for (const line of raw) {
		const q = checkedText(line, limits.questionChars, 'questions', { multiline: true });
		if (!q.ok) return q;
		if (q.value) questions.push(q.value);
	}
	if (questions.length > limits.questions) return failure('too_many', { max: limits.questions });
	return ok(questions);
}

function checkRound(input: RoundInput): Checked<RoundInput> {
	const title = checkedText(input.title, conferenceLimits.roundTitle, 'title', { required: true });
	if (!title.ok) return title;
	const theme = checkedText(input.theme, conferenceLimits.theme, 'theme', { multiline: true });
	if (!theme.ok) return theme;
	if (!groupingRules.includes(input.rule)) return failure('invalid_payload', { field: 'rule' });
	const { min, max } = conferenceLimits.groupSize;
	if (
		!Number.isInteger(input.maxGroupSize) ||
		input.maxGroupSize < min ||
		input.maxGroupSize > max
	) {
		return failure('invalid_payload', { field: 'maxGroupSize', min, max });
	}
	const questions = checkQuestions(input.questions);
	if (!questions.ok) return questions;
	return ok({
		title: title.value,
		theme: theme.value,
		rule: input.rule,
		maxGroupSize: input.maxGroupSize,
		questions: questions.value
	});
}

const roleIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkRole(role: RoleDefinition): Checked<RoleDefinition> {
	if (!roleIdPattern.test(role.id) || role.id.length > 40) {
		return failure('invalid_payload', { field: 'id' });
	}
	const clean = (labels: Partial<Record<Language, string>>) => {
		const out: Partial<Record<Language, string>> = {};
		for (const lang of languages) {
			const value = cleanText(labels[lang] ?? '', { multiline: false });
			if (charCount(value) > conferenceLimits.roleLabel) return null;
			if (value) out[lang] = value;
		}
		return out;
	};
	const label = clean(role.label);
	const groupLabel = clean(role.groupLabel);
	if (!label || !groupLabel) return failure('too_long', { max: conferenceLimits.roleLabel });
	if (Object.keys(label).length === 0) return failure('empty', { field: 'label' });
	return ok({
		id: role.id,
		label,
		groupLabel: Object.keys(groupLabel).length ? groupLabel : label
	});
}

/** A role id from its name: "Tolk" → tolk, "Þjónustufulltrúi" → thjonustufulltrui. */
export function roleIdFor(name: string, taken: ReadonlySet<string>): string {
	return uniqueSlug(slug(name, { max: 32, fallback: 'role' }), taken);
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((text, i) => text === b[i]);
}

/** Rounds that have started: their sessions hold the people on the list. */
const startedRoundIds = (state: ConferenceState) =>
	state.rounds.filter((r) => r.startedAt !== null).map((r) => r.id);

/** Every group's place in a round, re-run: hand moves and placements that still fit stay. */
function allocateRound(
	state: ConferenceState,
	round: Round,
	newGroupIds: readonly string[]
): Checked<{ state: ConferenceState; warnings: AllocationWarning[]; groups: number }> {
	const groups = groupsOf(state, round.id);
	const byId = new Map(groups.map((g) => [g.id, g]));
	const pinned: Record<string, string> = {};
	const previous: Record<string, string> = {};
	for (const m of membershipsOf(state, round.id)) {
		const key = byId.get(m.groupId)?.key;
		if (!key) continue;
		previous[m.participantId] = key;
		if (m.pinned) pinned[m.participantId] = key;
	}
	const leaders = new Set(groups.flatMap((g) => g.leaders));
	const allocation = allocate({
		participants: state.participants.map((p) => ({
			id: p.id,
			name: p.name,
			country: p.country,
			role: p.role,
			leader: leaders.has(p.id)
		})),
		rule: round.rule,
		maxGroupSize: round.maxGroupSize,
		pinned,
		previous
	});
	const byKey = new Map(groups.map((g) => [g.key, g]));
	const fresh = [...newGroupIds];
	const placed: Group[] = [];
	const members: RoundMembership[] = [];
	for (const [position, allocated] of allocation.groups.entries()) {
		const existing = byKey.get(allocated.key);
		let group: Group;
		if (existing) {
			group = { ...existing, descriptor: allocated.descriptor, position };
		} else {
			const id = fresh.shift();
			if (!id) return failure('invalid_payload', { field: 'newGroupIds' });
			group = {
				id,
				roundId: round.id,
				key: allocated.key,
				descriptor: allocated.descriptor,
				customName: null,
				position,
				questions: null,
				leaders: [],
				sessionId: null
			};
		}
		placed.push(group);
		for (const participantId of allocated.memberIds) {
			members.push({
				roundId: round.id,
				participantId,
				groupId: group.id,
				pinned: pinned[participantId] === allocated.key
			});
		}
	}
	const kept = new Set(placed.map((g) => g.id));
	// Groups left empty go, unless their session already holds work.
	const stay = groups.filter((g) => !kept.has(g.id) && g.sessionId !== null);
	return ok({
		state: {
			...state,
			groups: [...state.groups.filter((g) => g.roundId !== round.id), ...placed, ...stay],
			memberships: [...state.memberships.filter((m) => m.roundId !== round.id), ...members]
		},
		warnings: allocation.warnings,
		groups: allocation.groups.length
	});
}

/**
 * Decides one conference command: the new state and what follows from it, or a refusal that
 * changes nothing. Pure: the clock comes in as `now`, ids and secrets in the command.
 */
export function decide(
	state: ConferenceState,
	command: ConferenceCommand,
	actor: ConferenceActor,
	now: number
): Decision {
	const denied = authoriseConference(actor, command.type);
	if (denied) return { ok: false, error: denied };
	const done = (
		next: ConferenceState,
		changes: ConferenceChange[],
		result: ConferenceResult = {},
		follow: { syncRounds?: string[]; sessionDetails?: SessionDetails[] } = {}
	): Decision => ({
		ok: true,
		state: next,
		result,
		changes,
		syncRounds: follow.syncRounds ?? [],
		sessionDetails: follow.sessionDetails ?? []
	});
	const roles = resolveRoles(state.customRoles);
	const conference = state.conference;

	switch (command.type) {
		case 'conference.edit': {
			const details = checkDetails(command.details);
			if (!details.ok) return details;
			const next = { ...conference, ...details.value, updatedAt: now };
			// The glossary goes out with the room's languages: phones list those first.
			const glossary = next.languages.join() !== conference.languages.join();
			return done(
				{ ...state, conference: next },
				glossary ? ['structure', 'glossary'] : ['structure']
			);
		}

		case 'programme.add': {
			const item = checkProgrammeItem(command.item);
			if (!item.ok) return item;
			if (state.programme.length >= conferenceLimits.programmeItems) {
				return refused('too_many', { max: conferenceLimits.programmeItems });
			}
			if (state.programme.some((p) => p.id === command.itemId)) return refused('conflict');
			const added = { id: command.itemId, ...item.value };
			return done({ ...state, programme: [...state.programme, added] }, ['structure'], {
				itemId: added.id
			});
		}

		case 'programme.edit': {
			const item = checkProgrammeItem(command.item);
			if (!item.ok) return item;
			if (!state.programme.some((p) => p.id === command.itemId)) return refused('not_found');
			const programme = state.programme.map((p) =>
				p.id === command.itemId ? { id: p.id, ...item.value } : p
			);
			return done({ ...state, programme }, ['structure'], { itemId: command.itemId });
		}

		case 'programme.delete': {
			const programme = state.programme.filter((p) => p.id !== command.itemId);
			return done({ ...state, programme }, ['structure']);
		}

		case 'role.rename': {
			const role = checkRole(command.role);
			if (!role.ok) return role;
			return done(withRole(state, role.value), ['structure'], { roleId: role.value.id });
		}

		case 'role.add': {
			if (!languages.includes(command.language)) {
				return refused('invalid_payload', { field: 'language' });
			}
			const taken = new Set(roles.map((r) => r.id));
			const id = roleIdFor(command.label.trim() || command.groupLabel.trim(), taken);
			const role = checkRole({
				id,
				label: { [command.language]: command.label },
				groupLabel: { [command.language]: command.groupLabel }
			});
			if (!role.ok) return role;
			return done(withRole(state, role.value), ['structure'], { roleId: id });
		}

		case 'participant.add': {
			const added = addPeople(state, roles, command.participants, now);
			if (!added.ok) return added;
			return done({ ...state, participants: added.value }, ['structure'], {
				participantId: command.participants[0]?.participantId ?? null,
				added: command.participants.length
			});
		}

		case 'participant.edit': {
			if (!state.participants.some((p) => p.id === command.participantId)) {
				return refused('not_found');
			}
			const fields = checkParticipant(roles, command.fields);
			if (!fields.ok) return fields;
			const participants = state.participants.map((p) =>
				p.id === command.participantId ? { ...p, ...fields.value } : p
			);
			return done(
				{ ...state, participants },
				['structure'],
				{ participantId: command.participantId },
				{ syncRounds: startedRoundIds(state) }
			);
		}

		case 'participant.remove': {
			const id = command.participantId;
			const next: ConferenceState = {
				...state,
				participants: state.participants.filter((p) => p.id !== id),
				memberships: state.memberships.filter((m) => m.participantId !== id),
				groups: state.groups.map((g) =>
					g.leaders.includes(id) ? { ...g, leaders: g.leaders.filter((l) => l !== id) } : g
				)
			};
			return done(next, ['structure'], {}, { syncRounds: startedRoundIds(state) });
		}

		case 'participant.import': {
			const known = new Set(state.participants.map((p) => p.id));
			if (command.update.some((u) => !known.has(u.participantId))) {
				return refused('not_found', { field: 'participant' });
			}
			const updated = new Map<string, ParticipantFields>();
			for (const { participantId, fields } of command.update) {
				const checked = checkParticipant(roles, fields);
				if (!checked.ok) return checked;
				updated.set(participantId, checked.value);
			}
			const people = state.participants.map((p) => {
				const fields = updated.get(p.id);
				return fields ? { ...p, ...fields } : p;
			});
			const added = addPeople({ ...state, participants: people }, roles, command.add, now);
			if (!added.ok) return added;
			return done(
				{ ...state, participants: added.value },
				['structure'],
				{ added: command.add.length, updated: command.update.length },
				{ syncRounds: command.update.length > 0 ? startedRoundIds(state) : [] }
			);
		}

		case 'round.add': {
			const input = checkRound(command.round);
			if (!input.ok) return input;
			if (state.rounds.length >= conferenceLimits.rounds) {
				return refused('too_many', { max: conferenceLimits.rounds });
			}
			if (state.rounds.some((r) => r.id === command.roundId)) return refused('conflict');
			const round: Round = {
				id: command.roundId,
				conferenceId: conference.id,
				position: state.rounds.length + 1,
				...input.value,
				plenumSummary: '',
				startedAt: null
			};
			return done({ ...state, rounds: [...state.rounds, round] }, ['structure'], {
				roundId: round.id
			});
		}

		case 'round.edit': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const input = checkRound(command.round);
			if (!input.ok) return input;
			const edited = { ...round, ...input.value };
			let next: ConferenceState = {
				...state,
				rounds: state.rounds.map((r) => (r.id === round.id ? edited : r))
			};
			// A new rule makes the old groups meaningless: allocate afresh (before the start only).
			const regroup =
				round.startedAt === null &&
				round.rule !== edited.rule &&
				groupsOf(state, round.id).length > 0;
			if (regroup) {
				const cleared = {
					...next,
					memberships: next.memberships.filter((m) => m.roundId !== round.id)
				};
				const allocated = allocateRound(cleared, edited, command.newGroupIds);
				if (!allocated.ok) return allocated;
				next = allocated.value.state;
			}
			// Groups at work that ask the round's questions get the new ones.
			const sessionDetails = sameTexts(round.questions, edited.questions)
				? []
				: groupsOf(state, round.id).flatMap((g) =>
						g.sessionId && !g.questions
							? [{ sessionId: g.sessionId, questions: edited.questions }]
							: []
					);
			return done(
				next,
				['structure'],
				{ roundId: round.id, regrouped: regroup },
				{ sessionDetails }
			);
		}

		case 'round.delete': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			if (round.startedAt !== null) return refused('wrong_phase', { phase: 'started' });
			// The plenum screen must not point at a round that is gone.
			const presenting = conference.plenumRoundId === round.id;
			const next: ConferenceState = {
				...state,
				conference: presenting
					? { ...conference, plenumRoundId: null, plenumGroupId: null, updatedAt: now }
					: conference,
				rounds: state.rounds.filter((r) => r.id !== round.id),
				groups: state.groups.filter((g) => g.roundId !== round.id),
				memberships: state.memberships.filter((m) => m.roundId !== round.id)
			};
			return done(next, presenting ? ['structure', 'plenum'] : ['structure']);
		}

		case 'round.allocate': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const allocated = allocateRound(state, round, command.newGroupIds);
			if (!allocated.ok) return allocated;
			return done(
				allocated.value.state,
				['structure'],
				{ groups: allocated.value.groups, warnings: allocated.value.warnings },
				{ syncRounds: round.startedAt !== null ? [round.id] : [] }
			);
		}

		case 'round.start': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const groups = groupsOf(state, round.id);
			if (groups.length === 0) return refused('empty', { field: 'groups' });
			if (groups.some((g) => (g.questions ?? round.questions).length === 0)) {
				return refused('empty', { field: 'questions' });
			}
			const startedAt = round.startedAt ?? now;
			const next: ConferenceState = {
				...state,
				conference: { ...conference, currentRoundId: round.id, updatedAt: now },
				rounds: state.rounds.map((r) => (r.id === round.id ? { ...r, startedAt } : r))
			};
			return done(
				next,
				['structure'],
				{ roundId: round.id, startedAt },
				{ syncRounds: [round.id] }
			);
		}

		case 'member.move': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const { participantId, groupId } = command;
			if (!state.participants.some((p) => p.id === participantId)) return refused('not_found');
			if (groupId !== null && !groupsOf(state, round.id).some((g) => g.id === groupId)) {
				return refused('not_found');
			}
			const others = state.memberships.filter(
				(m) => !(m.roundId === round.id && m.participantId === participantId)
			);
			// No group is never stored: the allocation places the person again when re-run.
			const memberships =
				groupId === null
					? others
					: [...others, { roundId: round.id, participantId, groupId, pinned: true }];
			return done(
				{ ...state, memberships },
				['structure'],
				{ participantId, groupId },
				{ syncRounds: round.startedAt !== null ? [round.id] : [] }
			);
		}

		case 'group.add': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			if (state.groups.some((g) => g.id === command.groupId)) return refused('conflict');
			const groups = groupsOf(state, round.id);
			const numbers = groups.flatMap((g) =>
				g.descriptor.kind === 'manual' ? [g.descriptor.number] : []
			);
			const descriptor: GroupDescriptor = { kind: 'manual', number: Math.max(0, ...numbers) + 1 };
			const group: Group = {
				id: command.groupId,
				roundId: round.id,
				key: groupKey(descriptor),
				descriptor,
				customName: null,
				position: groups.length,
				questions: null,
				leaders: [],
				sessionId: null
			};
			return done(
				{ ...state, groups: [...state.groups, group] },
				['structure'],
				{ groupId: group.id },
				{ syncRounds: round.startedAt !== null ? [round.id] : [] }
			);
		}

		case 'group.edit': {
			const round = roundOf(state, command.roundId);
			const group = state.groups.find(
				(g) => g.id === command.groupId && g.roundId === command.roundId
			);
			if (!round || !group) return refused('not_found');
			const name = checkedText(command.customName, conferenceLimits.groupName, 'name');
			if (!name.ok) return name;
			const known = new Set(state.participants.map((p) => p.id));
			const leaders = [...new Set(command.leaders)].filter((id) => known.has(id));
			let questions: string[] | null = null;
			if (command.questions) {
				const checked = checkQuestions(command.questions);
				if (!checked.ok) return checked;
				questions = checked.value.length > 0 ? checked.value : null;
			}
			const updated: Group = { ...group, customName: name.value || null, leaders, questions };
			const next = { ...state, groups: state.groups.map((g) => (g.id === group.id ? updated : g)) };
			// A group already at work sees a new name or new questions on its screen and phones.
			const sessionDetails: SessionDetails[] = [];
			if (group.sessionId) {
				const title = (g: Group) => groupNameIn(state, g, conference.language);
				const asked = (g: Group) => g.questions ?? round.questions;
				sessionDetails.push({
					sessionId: group.sessionId,
					title: title(updated) !== title(group) ? title(updated) : undefined,
					questions: sameTexts(asked(updated), asked(group)) ? undefined : asked(updated)
				});
			}
			return done(next, ['structure'], { groupId: group.id }, { sessionDetails });
		}

		case 'plenum.summary': {
			const summary = checkedText(command.summary, conferenceLimits.summary, 'summary', {
				multiline: true
			});
			if (!summary.ok) return summary;
			if (!roundOf(state, command.roundId)) return refused('not_found');
			const rounds = state.rounds.map((r) =>
				r.id === command.roundId ? { ...r, plenumSummary: summary.value } : r
			);
			return done({ ...state, rounds }, []);
		}

		case 'plenum.present': {
			const { roundId, groupId } = command;
			if (roundId && !roundOf(state, roundId)) return refused('not_found');
			if (groupId && roundId && !groupsOf(state, roundId).some((g) => g.id === groupId)) {
				return refused('not_found');
			}
			const next = {
				...conference,
				plenumRoundId: roundId,
				plenumGroupId: groupId,
				updatedAt: now
			};
			return done({ ...state, conference: next }, ['plenum']);
		}

		case 'notice.set': {
			const notice = checkedText(command.notice, conferenceLimits.notice, 'notice');
			if (!notice.ok) return notice;
			const next = {
				...conference,
				notice: notice.value,
				noticeAt: notice.value === '' ? null : now,
				updatedAt: now
			};
			return done({ ...state, conference: next }, ['notice']);
		}

		case 'group.sessions':
			return linkSessions(state, command.sessions);
	}
}

/** Records the sessions made for groups of started rounds; a group keeps the session it has. */
function linkSessions(
	state: ConferenceState,
	sessions: readonly { groupId: string; sessionId: string }[]
): Decision {
	const linked = new Map(sessions.map((s) => [s.groupId, s.sessionId]));
	for (const [groupId, sessionId] of linked) {
		const group = state.groups.find((g) => g.id === groupId);
		if (!group) return refused('not_found', { field: 'group' });
		if (roundOf(state, group.roundId)?.startedAt == null) {
			return refused('wrong_phase', { phase: 'not_started' });
		}
		if (group.sessionId !== null && group.sessionId !== sessionId) return refused('conflict');
	}
	const groups = state.groups.map((g) =>
		linked.has(g.id) ? { ...g, sessionId: linked.get(g.id)! } : g
	);
	// Views follow from the command that started the round or changed its people.
	return {
		ok: true,
		state: { ...state, groups },
		result: { linked: linked.size },
		changes: [],
		syncRounds: [],
		sessionDetails: []
	};
}

function withRole(state: ConferenceState, role: RoleDefinition): ConferenceState {
	const known = state.customRoles.some((r) => r.id === role.id);
	return {
		...state,
		customRoles: known
			? state.customRoles.map((r) => (r.id === role.id ? role : r))
			: [...state.customRoles, role]
	};
}

/** The list with new people added (all checked, within the limit), or why not. */
function addPeople(
	state: ConferenceState,
	roles: readonly RoleDefinition[],
	people: readonly NewParticipant[],
	now: number
): Checked<ConferenceParticipant[]> {
	if (state.participants.length + people.length > conferenceLimits.participants) {
		return failure('too_many', { max: conferenceLimits.participants });
	}
	const taken = new Set(state.participants.map((p) => p.id));
	const added: ConferenceParticipant[] = [];
	for (const person of people) {
		if (taken.has(person.participantId)) return failure('conflict');
		taken.add(person.participantId);
		const fields = checkParticipant(roles, person.fields);
		if (!fields.ok) return fields;
		added.push({
			id: person.participantId,
			conferenceId: state.conference.id,
			...fields.value,
			personalToken: person.personalToken,
			createdAt: now
		});
	}
	return ok([...state.participants, ...added]);
}
