import { refuse, type DomainError } from '../errors';
import { sameElements } from '../arrays';
import { slug, uniqueSlug } from '$lib/domain/slug';
import { limits } from '../limits';
import { conferenceLimits } from './limits';
import { organiserPermissions, type OrganiserRole } from '../organiser/permissions';
import { languages, type Language } from '../session/types';
import { charCount, cleanText } from '../text';
import {
	groupName,
	groupingRules,
	maxGroupsPerRole,
	type AllocationSettings,
	type AllocationWarning,
	type GroupingRule,
	type RolePlacement
} from './allocation';
import {
	applyGrouping,
	planReallocation,
	recordGrouping,
	startableGroups,
	undoGrouping,
	type GroupingAction,
	type GroupingContext,
	type GroupingGroup,
	type GroupingHistory,
	type GroupingState,
	type ReallocationMode,
	type ReallocationPlan
} from './grouping';
import { findCountry } from './countries';
import { resolveRoles, type RoleDefinition } from './roles';
import {
	groupingOf,
	groupsOf,
	roundOf,
	settingsOf,
	withGrouping,
	type ConferenceChange,
	type ConferenceState
} from './state';
import {
	programmeKinds,
	type ConferenceDetails,
	type ConferenceParticipant,
	type ParticipantFields,
	type ProgrammeItem,
	type Round
} from './types';
import { groupNameIn } from './views';
import type { PerspectiveGroup, Theme } from '../synthesis/perspective';
import {
	editThemes,
	forgetTexts,
	presentTheme,
	validProposal,
	type ThemeEdit
} from '../synthesis/themes';

export { conferenceLimits };

/** Who sends a command to a conference. */
export type ConferenceActor =
	/**
	 * A signed-in account with its roles for this conference (admin, owner, co-organiser); its
	 * id tells its grouping actions from another organiser's (undo undoes one's own).
	 */
	| { role: 'organiser'; roles: readonly OrganiserRole[]; accountId: string }
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
	/** Shown between the theme and the questions; absent means none. */
	instruction?: string;
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
	/**
	 * A new rule before the start re-allocates (mode 'rule': pins, leaders and "no group" stay),
	 * new groups taking their ids from `newGroupIds`.
	 */
	| { type: 'round.edit'; roundId: string; round: RoundInput; newGroupIds: string[] }
	| { type: 'round.delete'; roundId: string }
	| { type: 'round.start'; roundId: string }
	/** One grouping action on a round (a re-allocation also keeps its settings for the round). */
	| { type: 'round.group'; roundId: string; action: GroupingAction }
	/** Undoes the sender's own last grouping action on the round. */
	| { type: 'round.undo'; roundId: string }
	/** A group's own questions; null or none: the round's. */
	| { type: 'group.questions'; roundId: string; groupId: string; questions: string[] | null }
	| { type: 'plenum.summary'; roundId: string; summary: string }
	| { type: 'plenum.present'; roundId: string | null; groupId: string | null }
	| { type: 'notice.set'; notice: string }
	/** An edit of a round's themes; `proposal` is the map the server proposes from the results. */
	| { type: 'themes.edit'; roundId: string; proposal: Theme[]; edit: ThemeEdit }
	/** The plenum presents a theme of the round's confirmed map (null: the map's first view). */
	| { type: 'themes.present'; roundId: string; themeId: string | null }
	/** The group sessions the server made for started rounds, recorded on their groups. */
	| { type: 'group.sessions'; sessions: { groupId: string; sessionId: string }[] }
	/**
	 * Texts a group session no longer holds (a note deleted, a person erased): no theme heading
	 * of the round may keep them. `groups` are the round's groups' items as they are now.
	 */
	| { type: 'themes.forget'; roundId: string; texts: string[]; groups: PerspectiveGroup[] };

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
		'round.start': editors,
		'round.group': editors,
		'round.undo': editors,
		'group.questions': editors,
		'plenum.summary': editors,
		'plenum.present': editors,
		'notice.set': editors,
		'themes.edit': editors,
		'themes.present': editors,
		'group.sessions': ['system'],
		'themes.forget': ['system']
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
	const roleDescription = checkedText(
		input.roleDescription ?? '',
		conferenceLimits.roleDescription,
		'roleDescription'
	);
	if (!roleDescription.ok) return roleDescription;
	return ok({
		name: name.value,
		organisation: organisation.value,
		country,
		role: input.role,
		language: input.language,
		coordinator: input.coordinator,
		roleDescription: roleDescription.value
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
	const instruction = checkedText(
		input.instruction ?? '',
		conferenceLimits.instruction,
		'instruction',
		{ multiline: true }
	);
	if (!instruction.ok) return instruction;
	return ok({
		title: title.value,
		theme: theme.value,
		rule: input.rule,
		maxGroupSize: input.maxGroupSize,
		questions: questions.value,
		instruction: instruction.value
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

/** Rounds that have started: their sessions hold the people on the list. */
const startedRoundIds = (state: ConferenceState) =>
	state.rounds.filter((r) => r.startedAt !== null).map((r) => r.id);

/** Who a grouping action belongs to, for undo: the organiser's account, or the server. */
export function actorId(actor: ConferenceActor): string {
	if (actor.role === 'organiser') return actor.accountId;
	return actor.role === 'member' ? `member:${actor.participantId}` : 'system';
}

/** What grouping needs besides a round's grouping: the people, and group names for refusals. */
export function groupingContext(state: ConferenceState, lang: Language): GroupingContext {
	const roles = resolveRoles(state.customRoles);
	return {
		participants: state.participants.map(({ id, name, country, role }) => ({
			id,
			name,
			country,
			role
		})),
		nameOf: (group: GroupingGroup) => group.name ?? groupName(group.descriptor, { roles }, lang)
	};
}

const placementKinds = ['own', 'with', 'lead', 'none'] as const;

/** Allocation settings checked against the conference's roles and the size limits. */
export function checkSettings(
	settings: AllocationSettings,
	roles: readonly RoleDefinition[]
): Checked<Required<Pick<AllocationSettings, 'rule' | 'maxGroupSize' | 'roles'>>> {
	if (!groupingRules.includes(settings.rule)) return failure('invalid_payload', { field: 'rule' });
	const { min, max } = conferenceLimits.groupSize;
	const size = settings.maxGroupSize;
	if (!Number.isInteger(size) || size < min || size > max)
		return failure('invalid_payload', { field: 'maxGroupSize', min, max });
	const known = new Set(roles.map((r) => r.id));
	const options: Record<string, RolePlacement> = {};
	for (const [role, placement] of Object.entries(settings.roles ?? {})) {
		if (!known.has(role) || !placementKinds.includes(placement?.kind))
			return failure('invalid_payload', { field: 'roles' });
		if (placement.kind === 'with' && (!known.has(placement.role) || placement.role === role))
			return failure('invalid_payload', { field: 'roles' });
		if (placement.kind === 'own' && placement.groups !== undefined) {
			const n = placement.groups;
			if (!Number.isInteger(n) || n < 1 || n > maxGroupsPerRole)
				return failure('invalid_payload', { field: 'roles' });
		}
		// 'own' without a number is what a role not listed gets: stored as nothing.
		if (placement.kind === 'own' && placement.groups === undefined) continue;
		options[role] =
			placement.kind === 'with'
				? { kind: 'with', role: placement.role }
				: placement.kind === 'own'
					? { kind: 'own', groups: placement.groups }
					: { kind: placement.kind };
	}
	return ok({ rule: settings.rule, maxGroupSize: size, roles: options });
}

/**
 * What re-allocating a round would do, to show before it is applied: settings checked as the
 * command checks them, so that the plan sent back with it matches.
 */
export function previewReallocation(
	state: ConferenceState,
	roundId: string,
	request: { settings: AllocationSettings; mode: ReallocationMode }
): Checked<{ plan: ReallocationPlan; settings: AllocationSettings }> {
	const round = roundOf(state, roundId);
	if (!round) return failure('not_found');
	const settings = checkSettings(request.settings, resolveRoles(state.customRoles));
	if (!settings.ok) return settings;
	const planned = planReallocation(
		groupingOf(state, roundId),
		{ settings: settings.value, mode: request.mode },
		groupingContext(state, state.conference.language)
	);
	if (!planned.ok) return planned;
	return ok({ plan: planned.plan, settings: settings.value });
}

/** Sessions at work whose title or questions differ between two states of a round. */
function sessionChanges(
	before: ConferenceState,
	after: ConferenceState,
	roundId: string
): SessionDetails[] {
	const lang = after.conference.language;
	const roundBefore = roundOf(before, roundId);
	const roundAfter = roundOf(after, roundId);
	if (!roundBefore || !roundAfter) return [];
	const old = new Map(groupsOf(before, roundId).map((g) => [g.id, g]));
	return groupsOf(after, roundId).flatMap((group) => {
		const was = old.get(group.id);
		if (!group.sessionId || !was) return [];
		const title = groupNameIn(after, group, lang);
		const asked = group.questions ?? roundAfter.questions;
		const details: SessionDetails = { sessionId: group.sessionId };
		if (title !== groupNameIn(before, was, lang)) details.title = title;
		if (!sameElements(asked, was.questions ?? roundBefore.questions)) details.questions = asked;
		return details.title !== undefined || details.questions !== undefined ? [details] : [];
	});
}

/**
 * A round's new grouping and history put into the state. Refused when it would remove a group
 * whose session exists: that session holds the group's work.
 */
function regroup(
	state: ConferenceState,
	roundId: string,
	grouping: GroupingState,
	history: GroupingHistory,
	context: GroupingContext
): Checked<ConferenceState> {
	const kept = new Set(grouping.groups.map((g) => g.id));
	const lost = groupsOf(state, roundId).find((g) => g.sessionId !== null && !kept.has(g.id));
	if (lost) {
		const name = context.nameOf(groupingOf(state, roundId).groups.find((g) => g.id === lost.id)!);
		return failure('wrong_phase', { phase: 'started', group: name });
	}
	const next = withGrouping(state, roundId, grouping);
	return ok({ ...next, history: { ...state.history, [roundId]: history } });
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
			// Undo never brings back a seat of someone who is gone, and keeps no trace of them.
			const history = Object.fromEntries(
				Object.entries(state.history).map(([roundId, entries]) => [
					roundId,
					entries.filter((e) => !e.touched.people.includes(id))
				])
			);
			const next: ConferenceState = {
				...state,
				participants: state.participants.filter((p) => p.id !== id),
				seats: state.seats.filter((s) => s.participantId !== id),
				history
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
				roles: {},
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
			// A new rule re-places everyone not placed by hand (before the start only).
			const regrouping =
				round.startedAt === null &&
				round.rule !== edited.rule &&
				groupsOf(state, round.id).length > 0;
			if (regrouping) {
				const context = groupingContext(next, conference.language);
				const action: GroupingAction = {
					type: 'reallocate',
					settings: settingsOf(edited),
					mode: 'rule',
					newGroupIds: command.newGroupIds
				};
				const applied = applyGrouping(groupingOf(next, round.id), action, context);
				if (!applied.ok) return applied;
				const history = recordGrouping(
					state.history[round.id] ?? [],
					actorId(actor),
					applied.applied
				);
				const regrouped = regroup(next, round.id, applied.state, history, context);
				if (!regrouped.ok) return regrouped;
				next = regrouped.value;
			}
			return done(
				next,
				['structure'],
				{ roundId: round.id, regrouped: regrouping },
				{ sessionDetails: sessionChanges(state, next, round.id) }
			);
		}

		case 'round.delete': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			if (round.startedAt !== null) return refused('wrong_phase', { phase: 'started' });
			// The plenum screen must not point at a round that is gone.
			const presenting = conference.plenumRoundId === round.id;
			const { [round.id]: _gone, ...history } = state.history;
			const next: ConferenceState = {
				...state,
				conference: presenting
					? { ...conference, plenumRoundId: null, plenumGroupId: null, updatedAt: now }
					: conference,
				rounds: state.rounds.filter((r) => r.id !== round.id),
				groups: state.groups.filter((g) => g.roundId !== round.id),
				seats: state.seats.filter((s) => s.roundId !== round.id),
				history
			};
			return done(next, presenting ? ['structure', 'plenum'] : ['structure']);
		}

		case 'round.start': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			// Only groups with people start; a refusal names the group and what it lacks.
			const context = groupingContext(state, conference.language);
			const startable = startableGroups(groupingOf(state, round.id), round.questions, context);
			if (!startable.ok) return startable;
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

		case 'round.group': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const context = groupingContext(state, conference.language);
			let action = command.action;
			let withSettings = state;
			let warnings: AllocationWarning[] | null = null;
			if (action.type === 'reallocate') {
				const settings = checkSettings(action.settings, roles);
				if (!settings.ok) return settings;
				action = { ...action, settings: settings.value };
				const planned = planReallocation(
					groupingOf(state, round.id),
					{ settings: settings.value, mode: action.mode },
					context
				);
				if (planned.ok) warnings = planned.plan.warnings;
				// The round keeps the settings it was last allocated with.
				const stored = { ...round, ...settings.value };
				withSettings = {
					...state,
					rounds: state.rounds.map((r) => (r.id === round.id ? stored : r))
				};
			}
			const applied = applyGrouping(groupingOf(state, round.id), action, context);
			if (!applied.ok) return applied;
			const history = recordGrouping(
				state.history[round.id] ?? [],
				actorId(actor),
				applied.applied
			);
			const next = regroup(withSettings, round.id, applied.state, history, context);
			if (!next.ok) return next;
			const made =
				action.type === 'addGroup'
					? action.groupId
					: action.type === 'splitGroup'
						? action.newGroupId
						: null;
			return done(
				next.value,
				['structure'],
				{ groupId: made, ...(warnings ? { warnings } : {}) },
				{
					syncRounds: round.startedAt !== null ? [round.id] : [],
					sessionDetails: sessionChanges(state, next.value, round.id)
				}
			);
		}

		case 'round.undo': {
			const round = roundOf(state, command.roundId);
			if (!round) return refused('not_found');
			const context = groupingContext(state, conference.language);
			const undone = undoGrouping(
				groupingOf(state, round.id),
				state.history[round.id] ?? [],
				actorId(actor),
				context
			);
			if (!undone.ok) return undone;
			const next = regroup(state, round.id, undone.state, undone.history, context);
			if (!next.ok) return next;
			return done(
				next.value,
				['structure'],
				{},
				{
					syncRounds: round.startedAt !== null ? [round.id] : [],
					sessionDetails: sessionChanges(state, next.value, round.id)
				}
			);
		}

		case 'group.questions': {
			const round = roundOf(state, command.roundId);
			const group = state.groups.find(
				(g) => g.id === command.groupId && g.roundId === command.roundId
			);
			if (!round || !group) return refused('not_found');
			let questions: string[] | null = null;
			if (command.questions) {
				const checked = checkQuestions(command.questions);
				if (!checked.ok) return checked;
				questions = checked.value.length > 0 ? checked.value : null;
			}
			const next = {
				...state,
				groups: state.groups.map((g) => (g.id === group.id ? { ...g, questions } : g))
			};
			// A group already at work sees its new questions on its screen and phones.
			return done(
				next,
				['structure'],
				{ groupId: group.id },
				{ sessionDetails: sessionChanges(state, next, round.id) }
			);
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
			// A group or the round's overview replaces the theme the plenum presented.
			const themes = Object.fromEntries(
				Object.entries(state.themes).map(([id, map]) => [
					id,
					map.presenting === null ? map : { ...map, presenting: null, updatedAt: now }
				])
			);
			return done({ ...state, conference: next, themes }, ['plenum']);
		}

		case 'themes.edit': {
			if (!roundOf(state, command.roundId)) return refused('not_found');
			const groupIds = groupsOf(state, command.roundId).map((g) => g.id);
			if (!validProposal(command.proposal, groupIds))
				return refused('invalid_payload', { field: 'proposal' });
			const current = state.themes[command.roundId] ?? null;
			const proposal = { roundId: command.roundId, themes: command.proposal };
			const edited = editThemes(current, proposal, command.edit, now);
			if (!edited.ok) return edited;
			const { [command.roundId]: _old, ...others } = state.themes;
			const themes = edited.value ? { ...others, [command.roundId]: edited.value } : others;
			return done({ ...state, themes }, ['plenum']);
		}

		case 'themes.present': {
			if (!roundOf(state, command.roundId)) return refused('not_found');
			const presented = presentTheme(state.themes[command.roundId] ?? null, command.themeId, now);
			if (!presented.ok) return presented;
			const next = {
				...conference,
				plenumRoundId: command.roundId,
				plenumGroupId: null,
				updatedAt: now
			};
			const themes = { ...state.themes, [command.roundId]: presented.value! };
			return done({ ...state, conference: next, themes }, ['plenum']);
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

		case 'themes.forget': {
			const current = state.themes[command.roundId];
			const forgotten = current && forgetTexts(current, command.texts, command.groups, now);
			if (!forgotten) return done(state, []);
			return done({ ...state, themes: { ...state.themes, [command.roundId]: forgotten } }, [
				'plenum'
			]);
		}
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
