import {
	allocate,
	groupKey,
	groupName,
	type AllocationWarning,
	type GroupDescriptor,
	type GroupingRule
} from '$lib/domain/conference/allocation';
import { findCountry } from '$lib/domain/conference/countries';
import { conferenceLimits } from '$lib/domain/conference/limits';
import { resolveRoles, type RoleDefinition } from '$lib/domain/conference/roles';
import { refuse, type DomainError } from '$lib/domain/errors';
import { createDefaultGlossary } from '$lib/domain/glossary/default-glossary';
import { limits } from '$lib/domain/limits';
import { languages, type Language } from '$lib/domain/session/types';
import { charCount, cleanText } from '$lib/domain/text';
import type { ChangeBus, ConferenceChange } from './change-bus';
import {
	deleteConference,
	deleteProgrammeItem,
	findConference,
	insertConference,
	insertProgrammeItem,
	listConferences,
	listCustomRoles,
	listProgramme,
	programmeKinds,
	setCurrentRound,
	setNotice,
	setPlenum,
	updateConferenceDetails,
	updateProgrammeItem,
	upsertCustomRole,
	type Conference,
	type ConferenceDetails,
	type ProgrammeItem
} from './db/conferences';
import type { Db } from './db/database';
import { truncateWal } from './db/erasure';
import { readGlossary, writeGlossary } from './db/glossary';
import { setConferenceTie } from './db/organisers';
import { forgetSessionCommands } from './db/processed-commands';
import { touchConference } from './db/retention';
import {
	deleteParticipant,
	findParticipant,
	insertParticipant,
	listParticipants,
	updateParticipant,
	type ConferenceParticipant,
	type ParticipantFields
} from './db/participants';
import {
	deleteGroup,
	deleteRound,
	findRound,
	insertGroup,
	insertRound,
	listGroups,
	listMemberships,
	listRounds,
	removeMembership,
	setMembership,
	setPlenumSummary,
	setRoundStarted,
	updateGroup,
	updateRound,
	type Group,
	type Round
} from './db/rounds';
import { log } from './log';
import { allocateJoinCode } from './join-codes';
import type { SessionService } from './sessions';
import { randomToken } from './tokens';

export { conferenceLimits };

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failure = <T>(code: DomainError['code'], params?: DomainError['params']): Result<T> => ({
	ok: false,
	error: refuse(code, params)
});

/** Cleans a free-text field and checks its length; empty allowed unless required. */
function text(
	raw: string,
	max: number,
	field: string,
	{ multiline = false, required = false } = {}
): Result<string> {
	const value = cleanText(raw, { multiline });
	if (required && value === '') return failure('empty', { field });
	const length = charCount(value);
	if (length > max) return failure('too_long', { field, max, length });
	return ok(value);
}

/**
 * A conference name (up to 120 characters) as a session shows it (up to limits.nameChars):
 * the session refuses longer names, which would leave the person out of their group.
 */
function sessionName(name: string): string {
	const chars = [...name];
	return chars.length <= limits.nameChars
		? name
		: `${chars
				.slice(0, limits.nameChars - 1)
				.join('')
				.trimEnd()}…`;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

function validDate(value: string): boolean {
	if (!isoDate.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Everything the organiser sees of a round: its groups with members. */
export interface RoundDetail extends Round {
	groups: (Group & { name: string; memberIds: string[]; pinnedIds: string[] })[];
	unassigned: string[];
}

/** What the conference service uses: its storage, the group sessions, the bus and the clock. */
export interface ConferenceDependencies {
	db: Db;
	sessions: SessionService;
	bus: ChangeBus;
	clock?: () => number;
}

/**
 * Conferences: setup, participants, rounds and allocation, and starting rounds (which
 * creates each group's NGT session). Storage goes through the db modules; every multi-table
 * change runs in one transaction.
 */
export class ConferenceService {
	/** What this service uses, handed in by createApp. */
	readonly #app: ConferenceDependencies;
	readonly #now: () => number;

	/** An organiser changed the conference: automatic deletion counts from now, and views follow. */
	changed(conferenceId: string, what: ConferenceChange): void {
		touchConference(this.#db, conferenceId, this.#now());
		this.#app.bus.publish({ type: 'conference', conferenceId, what });
	}

	constructor(dependencies: ConferenceDependencies) {
		this.#app = dependencies;
		this.#now = dependencies.clock ?? Date.now;
	}

	get #db() {
		return this.#app.db;
	}

	list(): Conference[] {
		return listConferences(this.#db);
	}

	get(id: string): Conference | null {
		return findConference(this.#db, id);
	}

	#validateDetails(input: ConferenceDetails): Result<ConferenceDetails> {
		const title = text(input.title, conferenceLimits.title, 'title', { required: true });
		if (!title.ok) return title;
		const subtitle = text(input.subtitle, conferenceLimits.subtitle, 'subtitle');
		if (!subtitle.ok) return subtitle;
		const venue = text(input.venue, conferenceLimits.venue, 'venue');
		if (!venue.ok) return venue;
		const about = text(input.about, conferenceLimits.longText, 'about', { multiline: true });
		if (!about.ok) return about;
		const introduction = text(input.introduction, conferenceLimits.longText, 'introduction', {
			multiline: true
		});
		if (!introduction.ok) return introduction;
		const organisation = text(input.organisation, conferenceLimits.signoffLine, 'organisation');
		if (!organisation.ok) return organisation;
		const author = text(input.author, conferenceLimits.signoffLine, 'author');
		if (!author.ok) return author;
		const introductionBy = text(
			input.introductionBy,
			conferenceLimits.signoffLine,
			'introductionBy'
		);
		if (!introductionBy.ok) return introductionBy;
		for (const [field, value] of [
			['startDate', input.startDate],
			['endDate', input.endDate]
		] as const) {
			if (value !== '' && !validDate(value)) return failure('invalid_payload', { field });
		}
		if (input.startDate && input.endDate && input.endDate < input.startDate) {
			return failure('invalid_payload', { field: 'endDate' });
		}
		if (!languages.includes(input.language))
			return failure('invalid_payload', { field: 'language' });
		const spoken = [...new Set(input.languages.filter((l) => languages.includes(l)))];
		return ok({
			title: title.value,
			subtitle: subtitle.value,
			venue: venue.value,
			startDate: input.startDate,
			endDate: input.endDate || input.startDate,
			about: about.value,
			introduction: introduction.value,
			organisation: organisation.value,
			author: author.value,
			introductionBy: introductionBy.value,
			language: input.language,
			languages: spoken.length > 0 ? spoken : [input.language]
		});
	}

	/**
	 * Creates a conference with the default glossary, owned by `ownerId` (none: a script's; the
	 * installation's first account adopts it).
	 */
	create(input: ConferenceDetails, ownerId: string | null = null): Result<Conference> {
		const details = this.#validateDetails(input);
		if (!details.ok) return details;
		const now = this.#now();
		const joinCode = allocateJoinCode(this.#db);
		const conference: Conference = {
			id: randomToken(16),
			...details.value,
			joinCode,
			plenumToken: randomToken(18),
			currentRoundId: null,
			notice: '',
			noticeAt: null,
			plenumRoundId: null,
			plenumGroupId: null,
			createdAt: now,
			updatedAt: now
		};
		this.#db.transaction(() => {
			insertConference(this.#db, conference);
			touchConference(this.#db, conference.id, now);
			writeGlossary(this.#db, conference.id, createDefaultGlossary());
			if (ownerId) setConferenceTie(this.#db, conference.id, ownerId, 'owner', now);
		})();
		log.info('conference.created', { conferenceId: conference.id });
		return ok(conference);
	}

	updateDetails(id: string, input: ConferenceDetails): Result<Conference> {
		const details = this.#validateDetails(input);
		if (!details.ok) return details;
		const before = findConference(this.#db, id);
		updateConferenceDetails(this.#db, id, details.value, this.#now());
		const after = findConference(this.#db, id)!;
		this.changed(id, 'structure');
		// The glossary goes out with the room's languages: phones list those first.
		if (before && before.languages.join() !== after.languages.join()) this.changed(id, 'glossary');
		return ok(after);
	}

	/** Deletes a conference and everything in it (sessions included, by cascade), gone from the files at once. */
	delete(id: string): void {
		const sessionIds = (
			this.#db.prepare('SELECT id FROM sessions WHERE conference_id = ?').all(id) as {
				id: string;
			}[]
		).map((r) => r.id);
		this.#db.transaction(() => {
			deleteConference(this.#db, id);
			for (const sessionId of sessionIds) forgetSessionCommands(this.#db, sessionId);
		})();
		for (const sessionId of sessionIds) this.#app.sessions.evict(sessionId);
		truncateWal(this.#db);
		log.info('conference.deleted', { conferenceId: id, sessions: sessionIds.length });
	}

	// --- programme -----------------------------------------------------------------------

	programme(conferenceId: string): ProgrammeItem[] {
		return listProgramme(this.#db, conferenceId);
	}

	#validateItem(item: Omit<ProgrammeItem, 'id'>): Result<Omit<ProgrammeItem, 'id'>> {
		if (!validDate(item.day)) return failure('invalid_payload', { field: 'day' });
		if (!clock.test(item.start)) return failure('invalid_payload', { field: 'start' });
		if (item.end !== '' && (!clock.test(item.end) || item.end < item.start)) {
			return failure('invalid_payload', { field: 'end' });
		}
		if (!programmeKinds.includes(item.kind)) return failure('invalid_payload', { field: 'kind' });
		const title = text(item.title, conferenceLimits.programmeTitle, 'title', { required: true });
		if (!title.ok) return title;
		return ok({ ...item, title: title.value });
	}

	saveProgrammeItem(
		conferenceId: string,
		id: string | null,
		input: Omit<ProgrammeItem, 'id'>
	): Result<ProgrammeItem> {
		const valid = this.#validateItem(input);
		if (!valid.ok) return valid;
		if (id) {
			const item = { id, ...valid.value };
			if (!updateProgrammeItem(this.#db, conferenceId, item)) return failure('not_found');
			this.changed(conferenceId, 'structure');
			return ok(item);
		}
		if (listProgramme(this.#db, conferenceId).length >= conferenceLimits.programmeItems) {
			return failure('too_many', { max: conferenceLimits.programmeItems });
		}
		const item = { id: randomToken(12), ...valid.value };
		insertProgrammeItem(this.#db, conferenceId, item);
		this.changed(conferenceId, 'structure');
		return ok(item);
	}

	deleteProgrammeItem(conferenceId: string, id: string): void {
		deleteProgrammeItem(this.#db, conferenceId, id);
		this.changed(conferenceId, 'structure');
	}

	// --- roles ---------------------------------------------------------------------------

	roles(conferenceId: string): RoleDefinition[] {
		return resolveRoles(listCustomRoles(this.#db, conferenceId));
	}

	/** Renames a role in some languages, or adds a role of the organiser's own. */
	saveRole(conferenceId: string, role: RoleDefinition): Result<RoleDefinition> {
		if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(role.id) || role.id.length > 40) {
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
		const saved = {
			id: role.id,
			label,
			groupLabel: Object.keys(groupLabel).length ? groupLabel : label
		};
		upsertCustomRole(this.#db, conferenceId, saved);
		this.changed(conferenceId, 'structure');
		return ok(saved);
	}

	// --- participants --------------------------------------------------------------------

	participants(conferenceId: string): ConferenceParticipant[] {
		return listParticipants(this.#db, conferenceId);
	}

	#validateParticipant(conferenceId: string, input: ParticipantFields): Result<ParticipantFields> {
		const name = text(input.name, conferenceLimits.participantName, 'name', { required: true });
		if (!name.ok) return name;
		const organisation = text(input.organisation, conferenceLimits.organisation, 'organisation');
		if (!organisation.ok) return organisation;
		const country = findCountry(input.country);
		if (!country) return failure('invalid_payload', { field: 'country' });
		if (!this.roles(conferenceId).some((r) => r.id === input.role)) {
			return failure('invalid_payload', { field: 'role' });
		}
		if (!languages.includes(input.language))
			return failure('invalid_payload', { field: 'language' });
		return ok({
			name: name.value,
			organisation: organisation.value,
			country,
			role: input.role,
			language: input.language,
			coordinator: input.coordinator
		});
	}

	saveParticipant(
		conferenceId: string,
		id: string | null,
		input: ParticipantFields
	): Result<ConferenceParticipant> {
		const valid = this.#validateParticipant(conferenceId, input);
		if (!valid.ok) return valid;
		if (id) {
			if (!updateParticipant(this.#db, conferenceId, id, valid.value)) return failure('not_found');
			this.#syncStartedRounds(conferenceId);
			this.changed(conferenceId, 'structure');
			return ok(findParticipant(this.#db, conferenceId, id)!);
		}
		const added = this.#insertParticipants(conferenceId, [valid.value]);
		if (!added.ok) return added;
		return ok(findParticipant(this.#db, conferenceId, added.value[0]!)!);
	}

	/** Adds many participants in one transaction: all or nothing. */
	addParticipants(conferenceId: string, rows: ParticipantFields[]): Result<number> {
		const added = this.#insertParticipants(conferenceId, rows);
		return added.ok ? ok(added.value.length) : added;
	}

	/**
	 * Saves a checked CSV import in one transaction, all or nothing: new people added, people
	 * already on the list updated. Refused as not_found when one of them is no longer there.
	 */
	importParticipants(
		conferenceId: string,
		add: ParticipantFields[],
		update: { id: string; fields: ParticipantFields }[]
	): Result<{ added: number; updated: number }> {
		const gone = update.find((u) => !findParticipant(this.#db, conferenceId, u.id));
		if (gone) return failure('not_found', { field: 'participant' });
		const added = this.#insertParticipants(conferenceId, add, () => {
			for (const { id, fields } of update) updateParticipant(this.#db, conferenceId, id, fields);
		});
		if (!added.ok) return added;
		if (update.length > 0) this.#syncStartedRounds(conferenceId);
		return ok({ added: added.value.length, updated: update.length });
	}

	/** Inserts rows (and runs `alsoInside`) in one transaction; answers the new ids, in order. */
	#insertParticipants(
		conferenceId: string,
		rows: ParticipantFields[],
		alsoInside: () => void = () => {}
	): Result<string[]> {
		const existing = listParticipants(this.#db, conferenceId).length;
		if (existing + rows.length > conferenceLimits.participants) {
			return failure('too_many', { max: conferenceLimits.participants });
		}
		const now = this.#now();
		const ids = rows.map(() => randomToken(16));
		this.#db.transaction(() => {
			rows.forEach((row, i) => {
				insertParticipant(this.#db, {
					id: ids[i]!,
					conferenceId,
					...row,
					personalToken: randomToken(18),
					createdAt: now
				});
			});
			alsoInside();
		})();
		this.changed(conferenceId, 'structure');
		return ok(ids);
	}

	removeParticipant(conferenceId: string, id: string): void {
		deleteParticipant(this.#db, conferenceId, id);
		this.#syncStartedRounds(conferenceId);
		this.changed(conferenceId, 'structure');
	}

	// --- rounds and groups ---------------------------------------------------------------

	rounds(conferenceId: string): Round[] {
		return listRounds(this.#db, conferenceId);
	}

	/** A round with its groups (named in `lang`) and who is in each. */
	roundDetail(conferenceId: string, roundId: string, lang: Language): RoundDetail | null {
		const round = findRound(this.#db, conferenceId, roundId);
		if (!round) return null;
		const roles = this.roles(conferenceId);
		const memberships = listMemberships(this.#db, roundId);
		const groups = listGroups(this.#db, roundId).map((g) => {
			const members = memberships.filter((m) => m.groupId === g.id);
			return {
				...g,
				name: g.customName ?? groupName(g.descriptor, { roles }, lang),
				memberIds: members.map((m) => m.participantId),
				pinnedIds: members.filter((m) => m.pinned).map((m) => m.participantId)
			};
		});
		const placed = new Set(memberships.map((m) => m.participantId));
		const unassigned = listParticipants(this.#db, conferenceId)
			.filter((p) => !placed.has(p.id))
			.map((p) => p.id);
		return { ...round, groups, unassigned };
	}

	#validateRound(input: {
		title: string;
		theme: string;
		rule: GroupingRule;
		maxGroupSize: number;
		questions: string[];
	}): Result<{
		title: string;
		theme: string;
		rule: GroupingRule;
		maxGroupSize: number;
		questions: string[];
	}> {
		const title = text(input.title, conferenceLimits.roundTitle, 'title', { required: true });
		if (!title.ok) return title;
		const theme = text(input.theme, conferenceLimits.theme, 'theme', { multiline: true });
		if (!theme.ok) return theme;
		if (!['role', 'country', 'mixed', 'manual'].includes(input.rule))
			return failure('invalid_payload', { field: 'rule' });
		const { min, max } = conferenceLimits.groupSize;
		if (
			!Number.isInteger(input.maxGroupSize) ||
			input.maxGroupSize < min ||
			input.maxGroupSize > max
		) {
			return failure('invalid_payload', { field: 'maxGroupSize', min, max });
		}
		const questions: string[] = [];
		for (const raw of input.questions) {
			const q = text(raw, limits.questionChars, 'questions', { multiline: true });
			if (!q.ok) return q;
			if (q.value) questions.push(q.value);
		}
		if (questions.length > limits.questions) return failure('too_many', { max: limits.questions });
		return ok({
			title: title.value,
			theme: theme.value,
			rule: input.rule,
			maxGroupSize: input.maxGroupSize,
			questions
		});
	}

	saveRound(
		conferenceId: string,
		id: string | null,
		input: {
			title: string;
			theme: string;
			rule: GroupingRule;
			maxGroupSize: number;
			questions: string[];
		}
	): Result<Round> {
		const valid = this.#validateRound(input);
		if (!valid.ok) return valid;
		if (id) {
			const round = findRound(this.#db, conferenceId, id);
			if (!round) return failure('not_found');
			updateRound(this.#db, { id, conferenceId, ...valid.value });
			// Groups at work that ask the round's questions get the new ones.
			if (!sameTexts(round.questions, valid.value.questions)) {
				for (const group of listGroups(this.#db, id)) {
					if (group.sessionId && !group.questions)
						this.#app.sessions.syncDetails(group.sessionId, { questions: valid.value.questions });
				}
			}
			this.changed(conferenceId, 'structure');
			return ok({ ...round, ...valid.value });
		}
		const existing = listRounds(this.#db, conferenceId);
		if (existing.length >= conferenceLimits.rounds)
			return failure('too_many', { max: conferenceLimits.rounds });
		const round: Round = {
			id: randomToken(16),
			conferenceId,
			position: existing.length + 1,
			...valid.value,
			plenumSummary: '',
			startedAt: null
		};
		insertRound(this.#db, round);
		this.changed(conferenceId, 'structure');
		return ok(round);
	}

	deleteRound(conferenceId: string, id: string): Result<null> {
		const round = findRound(this.#db, conferenceId, id);
		if (!round) return failure('not_found');
		if (round.startedAt !== null) return failure('wrong_phase', { phase: 'started' });
		const presenting = findConference(this.#db, conferenceId)?.plenumRoundId === id;
		this.#db.transaction(() => {
			deleteRound(this.#db, conferenceId, id);
			// The plenum screen must not point at a round that is gone.
			if (presenting) setPlenum(this.#db, conferenceId, null, null, this.#now());
		})();
		this.changed(conferenceId, 'structure');
		if (presenting) this.changed(conferenceId, 'plenum');
		return ok(null);
	}

	/**
	 * Runs the allocation for a round: moves made by hand stay, and everyone already placed
	 * stays where the rule still allows (late arrivals are added without reshuffling).
	 */
	allocate(conferenceId: string, roundId: string): Result<AllocationWarning[]> {
		const round = findRound(this.#db, conferenceId, roundId);
		if (!round) return failure('not_found');
		const participants = listParticipants(this.#db, conferenceId);
		const groups = listGroups(this.#db, roundId);
		const byId = new Map(groups.map((g) => [g.id, g]));
		const memberships = listMemberships(this.#db, roundId);
		const pinned: Record<string, string> = {};
		const previous: Record<string, string> = {};
		for (const m of memberships) {
			const key = byId.get(m.groupId)?.key;
			if (!key) continue;
			previous[m.participantId] = key;
			if (m.pinned) pinned[m.participantId] = key;
		}
		const leaders = new Set(groups.flatMap((g) => g.leaders));
		const allocation = allocate({
			participants: participants.map((p) => ({
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
		const now = this.#now();
		this.#db.transaction(() => {
			const byKey = new Map(groups.map((g) => [g.key, g]));
			const keep = new Set<string>();
			allocation.groups.forEach((allocated, position) => {
				let group = byKey.get(allocated.key);
				if (group) {
					group = { ...group, descriptor: allocated.descriptor, position };
					updateGroup(this.#db, group);
				} else {
					group = {
						id: randomToken(16),
						roundId,
						key: allocated.key,
						descriptor: allocated.descriptor,
						customName: null,
						position,
						questions: null,
						leaders: [],
						sessionId: null
					};
					insertGroup(this.#db, group);
				}
				keep.add(group.id);
				for (const participantId of allocated.memberIds) {
					setMembership(this.#db, roundId, {
						participantId,
						groupId: group.id,
						pinned: pinned[participantId] === allocated.key
					});
				}
			});
			for (const id of allocation.unassigned) removeMembership(this.#db, roundId, id);
			// Groups left empty go, unless their session already holds work.
			for (const group of groups)
				if (!keep.has(group.id) && !group.sessionId) deleteGroup(this.#db, group.id);
		})();
		log.info('round.allocated', { roundId, groups: allocation.groups.length, at: now });
		if (round.startedAt !== null) this.#syncSessions(conferenceId, roundId);
		this.changed(conferenceId, 'structure');
		return ok(allocation.warnings);
	}

	/** Moves someone to another group by hand (kept when the allocation is re-run). */
	move(
		conferenceId: string,
		roundId: string,
		participantId: string,
		groupId: string | null
	): Result<null> {
		const round = findRound(this.#db, conferenceId, roundId);
		if (!round) return failure('not_found');
		if (!findParticipant(this.#db, conferenceId, participantId)) return failure('not_found');
		if (groupId === null) {
			removeMembership(this.#db, roundId, participantId);
		} else {
			if (!listGroups(this.#db, roundId).some((g) => g.id === groupId)) return failure('not_found');
			setMembership(this.#db, roundId, { participantId, groupId, pinned: true });
		}
		if (round.startedAt !== null) this.#syncSessions(conferenceId, roundId);
		this.changed(conferenceId, 'structure');
		return ok(null);
	}

	/** Adds an empty group by hand (for manual rounds or an extra group). */
	addGroup(conferenceId: string, roundId: string): Result<Group> {
		const round = findRound(this.#db, conferenceId, roundId);
		if (!round) return failure('not_found');
		const groups = listGroups(this.#db, roundId);
		const numbers = groups
			.filter((g) => g.descriptor.kind === 'manual')
			.map((g) => (g.descriptor as { number: number }).number);
		const descriptor: GroupDescriptor = { kind: 'manual', number: Math.max(0, ...numbers) + 1 };
		const group: Group = {
			id: randomToken(16),
			roundId,
			key: groupKey(descriptor),
			descriptor,
			customName: null,
			position: groups.length,
			questions: null,
			leaders: [],
			sessionId: null
		};
		insertGroup(this.#db, group);
		if (round.startedAt !== null) this.#syncSessions(conferenceId, roundId);
		this.changed(conferenceId, 'structure');
		return ok(group);
	}

	/** Names, leaders and own questions of a group. */
	updateGroup(
		conferenceId: string,
		roundId: string,
		groupId: string,
		input: { customName: string; leaders: string[]; questions: string[] | null }
	): Result<Group> {
		const round = findRound(this.#db, conferenceId, roundId);
		const group = listGroups(this.#db, roundId).find((g) => g.id === groupId);
		if (!round || !group) return failure('not_found');
		const name = text(input.customName, conferenceLimits.groupName, 'name');
		if (!name.ok) return name;
		const known = new Set(listParticipants(this.#db, conferenceId).map((p) => p.id));
		const leaders = [...new Set(input.leaders)].filter((id) => known.has(id));
		let questions: string[] | null = null;
		if (input.questions) {
			questions = [];
			for (const raw of input.questions) {
				const q = text(raw, limits.questionChars, 'questions', { multiline: true });
				if (!q.ok) return q;
				if (q.value) questions.push(q.value);
			}
			if (questions.length > limits.questions)
				return failure('too_many', { max: limits.questions });
			if (questions.length === 0) questions = null;
		}
		const updated = { ...group, customName: name.value || null, leaders, questions };
		updateGroup(this.#db, updated);
		// A group already at work sees a new name or new questions on its screen and phones.
		if (group.sessionId) {
			const title = (g: Group) => this.#sessionTitle(conferenceId, g);
			const asked = (g: Group) => g.questions ?? round.questions;
			this.#app.sessions.syncDetails(group.sessionId, {
				title: title(updated) !== title(group) ? title(updated) : undefined,
				questions: sameTexts(asked(updated), asked(group)) ? undefined : asked(updated)
			});
		}
		this.changed(conferenceId, 'structure');
		return ok(updated);
	}

	/**
	 * Starts a round: every group gets its NGT session (with its questions and members),
	 * the round becomes current, and phones follow their owners into their groups.
	 */
	startRound(conferenceId: string, roundId: string): Result<Round> {
		const conference = findConference(this.#db, conferenceId);
		const round = findRound(this.#db, conferenceId, roundId);
		if (!conference || !round) return failure('not_found');
		const groups = listGroups(this.#db, roundId);
		if (groups.length === 0) return failure('empty', { field: 'groups' });
		for (const group of groups) {
			const questions = group.questions ?? round.questions;
			if (questions.length === 0) return failure('empty', { field: 'questions' });
		}
		const now = this.#now();
		if (round.startedAt === null) setRoundStarted(this.#db, roundId, now);
		setCurrentRound(this.#db, conferenceId, roundId, now);
		this.#syncSessions(conferenceId, roundId);
		log.info('round.started', { conferenceId, roundId, groups: groups.length });
		this.changed(conferenceId, 'structure');
		return ok({ ...round, startedAt: round.startedAt ?? now });
	}

	/** A group's session is titled with its own name, else its generated one in the conference's language. */
	#sessionTitle(conferenceId: string, group: Group): string {
		const language = findConference(this.#db, conferenceId)!.language;
		return (
			group.customName ?? groupName(group.descriptor, { roles: this.roles(conferenceId) }, language)
		);
	}

	/** A rename or removal reaches the sessions of every round that has started. */
	#syncStartedRounds(conferenceId: string): void {
		for (const round of listRounds(this.#db, conferenceId)) {
			if (round.startedAt !== null) this.#syncSessions(conferenceId, round.id);
		}
	}

	/** Makes sure every group of a started round has a session holding exactly its members. */
	#syncSessions(conferenceId: string, roundId: string): void {
		const conference = findConference(this.#db, conferenceId)!;
		const round = findRound(this.#db, conferenceId, roundId)!;
		const people = new Map(listParticipants(this.#db, conferenceId).map((p) => [p.id, p]));
		const memberships = listMemberships(this.#db, roundId);
		for (const group of listGroups(this.#db, roundId)) {
			let sessionId = group.sessionId;
			if (!sessionId) {
				const created = this.#app.sessions.create({
					title: this.#sessionTitle(conferenceId, group),
					questions: group.questions ?? round.questions,
					language: conference.language,
					conferenceId
				});
				if (!created.ok) {
					log.error('round.session_failed', { groupId: group.id, code: created.error.code });
					continue;
				}
				sessionId = created.access.id;
				updateGroup(this.#db, { ...group, sessionId });
			}
			const memberIds = memberships
				.filter((m) => m.groupId === group.id)
				.map((m) => m.participantId);
			this.#app.sessions.syncMembers(
				sessionId,
				memberIds.flatMap((id) => {
					const person = people.get(id);
					return person ? [{ id, name: sessionName(person.name) }] : [];
				})
			);
		}
	}

	setPlenumSummary(conferenceId: string, roundId: string, summary: string): Result<null> {
		const value = text(summary, conferenceLimits.summary, 'summary', { multiline: true });
		if (!value.ok) return value;
		if (!findRound(this.#db, conferenceId, roundId)) return failure('not_found');
		setPlenumSummary(this.#db, conferenceId, roundId, value.value);
		touchConference(this.#db, conferenceId, this.#now());
		return ok(null);
	}

	// --- live: notice and plenum ---------------------------------------------------------

	setNotice(conferenceId: string, notice: string): Result<null> {
		const value = text(notice, conferenceLimits.notice, 'notice');
		if (!value.ok) return value;
		setNotice(this.#db, conferenceId, value.value, this.#now());
		this.changed(conferenceId, 'notice');
		return ok(null);
	}

	/** Chooses what the plenum screen presents. */
	present(conferenceId: string, roundId: string | null, groupId: string | null): Result<null> {
		if (roundId && !findRound(this.#db, conferenceId, roundId)) return failure('not_found');
		if (groupId && roundId && !listGroups(this.#db, roundId).some((g) => g.id === groupId)) {
			return failure('not_found');
		}
		setPlenum(this.#db, conferenceId, roundId, groupId, this.#now());
		this.changed(conferenceId, 'plenum');
		return ok(null);
	}

	// --- glossary ------------------------------------------------------------------------

	glossary(conferenceId: string) {
		return readGlossary(this.#db, conferenceId);
	}
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((text, i) => text === b[i]);
}
