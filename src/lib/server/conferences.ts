import {
	checkDetails,
	decide,
	type ConferenceActor,
	type ConferenceCommand,
	type ConferenceResult,
	type NewParticipant,
	type ProgrammeInput,
	type RoundInput
} from '$lib/domain/conference/commands';
import { resolveRoles, type RoleDefinition } from '$lib/domain/conference/roles';
import {
	settingsOf,
	type ConferenceChange,
	type ConferenceState
} from '$lib/domain/conference/state';
import { groupNameIn, roundDetail, type RoundDetail } from '$lib/domain/conference/views';
import type { AllocationSettings, AllocationWarning } from '$lib/domain/conference/allocation';
import type { GroupingAction } from '$lib/domain/conference/grouping';
import { refuse, type DomainError } from '$lib/domain/errors';
import { createDefaultGlossary } from '$lib/domain/glossary/default-glossary';
import { limits } from '$lib/domain/limits';
import type { Language } from '$lib/domain/session/types';
import * as v from 'valibot';
import { clientId } from '$lib/realtime/contract';
import type { ChangeBus } from './change-bus';
import {
	commitConferenceState,
	deleteConference,
	findConference,
	insertConference,
	listConferences,
	listCustomRoles,
	listProgramme,
	loadConferenceState,
	type Conference,
	type ConferenceDetails,
	type ProgrammeItem
} from './db/conferences';
import { truncateWal } from './db/erasure';
import { readGlossary, writeGlossary } from './db/glossary';
import { setConferenceTie } from './db/organisers';
import type { Db } from './db/database';
import {
	findProcessed,
	forgetConferenceCommands,
	forgetSessionCommands,
	recordProcessed
} from './db/processed-commands';
import { touchConference } from './db/retention';
import { listConferenceSessionIds } from './db/sessions';
import {
	listParticipants,
	type ConferenceParticipant,
	type ParticipantFields
} from './db/participants';
import { listRounds, type Group, type Round } from './db/rounds';
import { log } from './log';
import { allocateJoinCode } from './join-codes';
import type { Stores } from './stores';
import type { SessionService } from './sessions';
import { randomToken } from './tokens';

export { conferenceLimits } from '$lib/domain/conference/limits';
export type { ConferenceChange } from '$lib/domain/conference/state';
export type { RoundDetail } from '$lib/domain/conference/views';

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * Who sends a conference command, and the scope its id is stored under: a repeat of the id from
 * the same sender gets the first answer, from anyone else a conflict.
 */
export interface Sender {
	actor: ConferenceActor;
	scope: string;
}

/** The server's own commands (scripts, the demo, checked imports): never stored. */
const server: Sender = { actor: { role: 'system' }, scope: 'system' };

/** The answer to a command: what it made, and the conference as it now is (null on a replay). */
export type Dispatched =
	| { ok: true; result: ConferenceResult; state: ConferenceState | null }
	| { ok: false; error: DomainError };

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

/** A conference-making form (new conference, archive upload): its id, sender and kind. */
export interface Creation {
	/** The form's id; null: made every time (scripts, tests). */
	commandId: string | null;
	ownerId: string | null;
	/** The processed command's name: 'conference.create' or 'conference.import'. */
	name: string;
}

/**
 * Runs `make` (which stores a new conference and answers its id) once per form id, inside the
 * caller's transaction: a repeat answers the conference the first made; the id from anyone
 * else, or for the other kind of form, is a conflict; a malformed id is refused.
 */
export function createOnce(
	db: Db,
	{ commandId, ownerId, name }: Creation,
	now: number,
	make: () => string
): Result<{ conferenceId: string; repeated: boolean }> {
	if (commandId === null) return ok({ conferenceId: make(), repeated: false });
	if (!v.is(clientId, commandId)) {
		return { ok: false, error: refuse('invalid_payload', { field: 'commandId' }) };
	}
	const scope = `o:${ownerId ?? 'system'}`;
	const prior = findProcessed(db, commandId);
	if (prior) {
		const first = (prior.ack as { conferenceId?: unknown }).conferenceId;
		if (prior.scope !== scope || prior.name !== name || typeof first !== 'string') {
			return { ok: false, error: refuse('conflict') };
		}
		if (!findConference(db, first)) return { ok: false, error: refuse('not_found') };
		return ok({ conferenceId: first, repeated: true });
	}
	const conferenceId = make();
	recordProcessed(db, commandId, { scope, name, ack: { ok: true, conferenceId } }, now);
	return ok({ conferenceId, repeated: false });
}

/**
 * Conferences: every change is load → decide (the pure core in $lib/domain/conference) →
 * commit (the changed rows and the command id, in one transaction) → publish. Starting a round
 * and changes to its people then bring each group's NGT session in line.
 */
/** What the conference service uses: its storage, the group sessions, the bus and the clock. */
export interface ConferenceDependencies {
	db: Db;
	/** Join codes are drawn against every session's and conference's. */
	stores: Stores;
	sessions: SessionService;
	bus: ChangeBus;
	clock?: () => number;
}

export class ConferenceService {
	/** What this service uses, handed in by createApp. */
	readonly #app: ConferenceDependencies;
	readonly #now: () => number;
	/** Conferences loaded in this task, for views (see `state`). */
	readonly #states = new Map<string, ConferenceState | null>();

	constructor(dependencies: ConferenceDependencies) {
		this.#app = dependencies;
		this.#now = dependencies.clock ?? Date.now;
	}

	get #db() {
		return this.#app.db;
	}

	/** The one place changes leave the service. */
	#publish(conferenceId: string, what: ConferenceChange): void {
		this.#states.delete(conferenceId);
		this.#app.bus.publish({ type: 'conference', conferenceId, what });
	}

	/** Something outside the core changed the conference: deletion counts from now, views follow. */
	changed(conferenceId: string, what: ConferenceChange): void {
		touchConference(this.#db, conferenceId, this.#now());
		this.#publish(conferenceId, what);
	}

	/**
	 * Runs one command: load, decide, commit with its id (when it has one) in one transaction,
	 * then bring group sessions in line and publish. A repeated id applies once: it answers what
	 * the first answered. Refusals are not stored, so a corrected form may be sent again.
	 */
	async dispatch(
		conferenceId: string,
		command: ConferenceCommand,
		sender: Sender = server,
		commandId: string | null = null
	): Promise<Dispatched> {
		const db = this.#db;
		const now = this.#now();
		type Outcome =
			| { replay: { ok: true } & ConferenceResult }
			| { error: DomainError }
			| { decision: Extract<ReturnType<typeof decide>, { ok: true }> };
		this.#states.delete(conferenceId);
		const outcome = db.transaction((): Outcome => {
			if (commandId) {
				const prior = findProcessed(db, commandId);
				if (prior) {
					const same = prior.scope === sender.scope && prior.name === command.type;
					return same
						? { replay: prior.ack as { ok: true } & ConferenceResult }
						: { error: refuse('conflict') };
				}
			}
			const before = loadConferenceState(db, conferenceId);
			if (!before) return { error: refuse('not_found') };
			const decision = decide(before, command, sender.actor, now);
			if (!decision.ok) return { error: decision.error };
			commitConferenceState(db, before, decision.state);
			touchConference(db, conferenceId, now);
			if (commandId) {
				const ack = { ok: true, ...decision.result };
				recordProcessed(db, commandId, { scope: sender.scope, name: command.type, ack }, now);
			}
			return { decision };
		})();
		if ('error' in outcome) return { ok: false, error: outcome.error };
		if ('replay' in outcome) {
			const { ok: _ok, ...result } = outcome.replay;
			return { ok: true, result, state: null };
		}
		const { decision } = outcome;
		this.#states.delete(conferenceId);
		for (const { sessionId, ...details } of decision.sessionDetails) {
			await this.#app.sessions.syncDetails(sessionId, details);
		}
		let state = decision.state;
		if (decision.syncRounds.length > 0)
			state = await this.#syncSessions(state, decision.syncRounds);
		for (const what of decision.changes) this.#publish(conferenceId, what);
		return { ok: true, result: decision.result, state };
	}

	/** A system command whose answer is picked from the new state. */
	async #run<T>(
		conferenceId: string,
		command: ConferenceCommand,
		pick: (state: ConferenceState, result: ConferenceResult) => T
	): Promise<Result<T>> {
		const done = await this.dispatch(conferenceId, command);
		if (!done.ok) return done;
		return ok(pick(done.state!, done.result));
	}

	list(): Conference[] {
		return listConferences(this.#db);
	}

	get(id: string): Conference | null {
		return findConference(this.#db, id);
	}

	/**
	 * A whole conference as the core sees it. Views made for many sockets in one go (every phone
	 * after a change) share one load: it is kept until the current task ends.
	 */
	state(id: string): ConferenceState | null {
		const kept = this.#states.get(id);
		if (kept !== undefined) return kept;
		const state = loadConferenceState(this.#db, id);
		this.#states.set(id, state);
		queueMicrotask(() => this.#states.delete(id));
		return state;
	}

	/**
	 * Creates a conference with the default glossary, owned by `ownerId` (none: a script's; the
	 * installation's first account adopts it). Under a form's `commandId` it is made once: a
	 * repeat answers the conference the first made.
	 */
	async create(
		input: ConferenceDetails,
		ownerId: string | null = null,
		commandId: string | null = null
	): Promise<Result<Conference>> {
		const details = checkDetails(input);
		if (!details.ok) return details;
		const db = this.#db;
		const now = this.#now();
		const joinCode = await allocateJoinCode(this.#app.stores);
		const creation = { commandId, ownerId, name: 'conference.create' };
		const made = db.transaction(() =>
			createOnce(db, creation, now, () => {
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
				insertConference(db, conference);
				touchConference(db, conference.id, now);
				writeGlossary(db, conference.id, createDefaultGlossary());
				if (ownerId) setConferenceTie(db, conference.id, ownerId, 'owner', now);
				return conference.id;
			})
		)();
		if (!made.ok) return made;
		if (!made.value.repeated)
			log.info('conference.created', { conferenceId: made.value.conferenceId });
		return ok(findConference(db, made.value.conferenceId)!);
	}

	updateDetails(id: string, details: ConferenceDetails): Promise<Result<Conference>> {
		return this.#run(id, { type: 'conference.edit', details }, (s) => s.conference);
	}

	/** Deletes a conference and everything in it (sessions included, by cascade), gone from the files at once. */
	delete(id: string): void {
		const sessionIds = listConferenceSessionIds(this.#db, id);
		this.#db.transaction(() => {
			deleteConference(this.#db, id);
			for (const sessionId of sessionIds) forgetSessionCommands(this.#db, sessionId);
			forgetConferenceCommands(this.#db, id);
		})();
		for (const sessionId of sessionIds) this.#app.sessions.evict(sessionId);
		truncateWal(this.#db);
		log.info('conference.deleted', { conferenceId: id, sessions: sessionIds.length });
	}

	// --- programme -----------------------------------------------------------------------

	programme(conferenceId: string): ProgrammeItem[] {
		return listProgramme(this.#db, conferenceId);
	}

	saveProgrammeItem(
		conferenceId: string,
		id: string | null,
		item: ProgrammeInput
	): Promise<Result<ProgrammeItem>> {
		const command: ConferenceCommand = id
			? { type: 'programme.edit', itemId: id, item }
			: { type: 'programme.add', itemId: randomToken(12), item };
		return this.#run(conferenceId, command, (s, r) => s.programme.find((p) => p.id === r.itemId)!);
	}

	async deleteProgrammeItem(conferenceId: string, id: string): Promise<void> {
		await this.dispatch(conferenceId, { type: 'programme.delete', itemId: id });
	}

	// --- roles ---------------------------------------------------------------------------

	roles(conferenceId: string): RoleDefinition[] {
		return resolveRoles(listCustomRoles(this.#db, conferenceId));
	}

	/** Renames a role in some languages, or adds a role of the organiser's own. */
	saveRole(conferenceId: string, role: RoleDefinition): Promise<Result<RoleDefinition>> {
		return this.#run(conferenceId, { type: 'role.rename', role }, (s) =>
			s.customRoles.find((r) => r.id === role.id)!
		);
	}

	// --- participants --------------------------------------------------------------------

	participants(conferenceId: string): ConferenceParticipant[] {
		return listParticipants(this.#db, conferenceId);
	}

	/** New people as the core takes them: ids and link secrets made here. */
	newParticipants(rows: readonly ParticipantFields[]): NewParticipant[] {
		return rows.map((fields) => ({
			participantId: randomToken(16),
			personalToken: randomToken(18),
			fields
		}));
	}

	saveParticipant(
		conferenceId: string,
		id: string | null,
		fields: ParticipantFields
	): Promise<Result<ConferenceParticipant>> {
		const command: ConferenceCommand = id
			? { type: 'participant.edit', participantId: id, fields }
			: { type: 'participant.add', participants: this.newParticipants([fields]) };
		return this.#run(conferenceId, command, (s, r) =>
			s.participants.find((p) => p.id === r.participantId)!
		);
	}

	/** Adds many participants in one transaction: all or nothing. */
	addParticipants(conferenceId: string, rows: ParticipantFields[]): Promise<Result<number>> {
		const participants = this.newParticipants(rows);
		return this.#run(conferenceId, { type: 'participant.add', participants }, () => rows.length);
	}

	/**
	 * Saves a checked CSV import in one transaction, all or nothing: new people added, people
	 * already on the list updated. Refused as not_found when one of them is no longer there.
	 */
	importParticipants(
		conferenceId: string,
		add: ParticipantFields[],
		update: { id: string; fields: ParticipantFields }[]
	): Promise<Result<{ added: number; updated: number }>> {
		const command: ConferenceCommand = {
			type: 'participant.import',
			add: this.newParticipants(add),
			update: update.map(({ id, fields }) => ({ participantId: id, fields }))
		};
		return this.#run(conferenceId, command, () => ({ added: add.length, updated: update.length }));
	}

	async removeParticipant(conferenceId: string, id: string): Promise<void> {
		await this.dispatch(conferenceId, { type: 'participant.remove', participantId: id });
	}

	// --- rounds and groups ---------------------------------------------------------------

	rounds(conferenceId: string): Round[] {
		return listRounds(this.#db, conferenceId);
	}

	/** A round with its groups (named in `lang`) and who is in each. */
	roundDetail(conferenceId: string, roundId: string, lang: Language): RoundDetail | null {
		const state = this.state(conferenceId);
		return state ? roundDetail(state, roundId, lang) : null;
	}

	/** Ids for the groups an allocation may make: at most one per person. */
	newGroupIds(conferenceId: string): string[] {
		const people = listParticipants(this.#db, conferenceId).length;
		return Array.from({ length: people + 1 }, () => randomToken(16));
	}

	saveRound(conferenceId: string, id: string | null, round: RoundInput): Promise<Result<Round>> {
		const command: ConferenceCommand = id
			? { type: 'round.edit', roundId: id, round, newGroupIds: this.newGroupIds(conferenceId) }
			: { type: 'round.add', roundId: randomToken(16), round };
		return this.#run(conferenceId, command, (s, r) => s.rounds.find((x) => x.id === r.roundId)!);
	}

	deleteRound(conferenceId: string, id: string): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'round.delete', roundId: id }, () => null);
	}

	/**
	 * Re-allocates a round with its stored settings (or new ones): pins, leaders and "no group"
	 * stay, people not placed by hand are placed again, late arrivals are added.
	 */
	async allocate(
		conferenceId: string,
		roundId: string,
		settings?: AllocationSettings
	): Promise<Result<AllocationWarning[]>> {
		const round = this.rounds(conferenceId).find((r) => r.id === roundId);
		if (!round) return { ok: false, error: refuse('not_found') };
		return this.#run(
			conferenceId,
			{
				type: 'round.group',
				roundId,
				action: {
					type: 'reallocate',
					settings: settings ?? settingsOf(round),
					mode: 'rule',
					newGroupIds: this.newGroupIds(conferenceId)
				}
			},
			(_, r) => (r.warnings ?? []) as AllocationWarning[]
		);
	}

	/** One grouping action on a round, sent by the server (scripts, the demo, tests). */
	group(
		conferenceId: string,
		roundId: string,
		action: GroupingAction
	): Promise<Result<ConferenceResult>> {
		return this.#run(conferenceId, { type: 'round.group', roundId, action }, (_, r) => r);
	}

	/** A group's own questions (none: the round's). */
	setGroupQuestions(
		conferenceId: string,
		roundId: string,
		groupId: string,
		questions: string[] | null
	): Promise<Result<Group>> {
		return this.#run(conferenceId, { type: 'group.questions', roundId, groupId, questions }, (s) =>
			s.groups.find((g) => g.id === groupId)!
		);
	}

	/**
	 * Starts a round: every group gets its NGT session (with its questions and members),
	 * the round becomes current, and phones follow their owners into their groups.
	 */
	async startRound(conferenceId: string, roundId: string): Promise<Result<Round>> {
		const started = await this.#run(conferenceId, { type: 'round.start', roundId }, (s) =>
			s.rounds.find((r) => r.id === roundId)!
		);
		if (started.ok) log.info('round.started', { conferenceId, roundId });
		return started;
	}

	setPlenumSummary(conferenceId: string, roundId: string, summary: string): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'plenum.summary', roundId, summary }, () => null);
	}

	// --- live: notice and plenum ---------------------------------------------------------

	setNotice(conferenceId: string, notice: string): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'notice.set', notice }, () => null);
	}

	/** Chooses what the plenum screen presents. */
	present(
		conferenceId: string,
		roundId: string | null,
		groupId: string | null
	): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'plenum.present', roundId, groupId }, () => null);
	}

	/**
	 * Makes sure every group of these started rounds has a session holding exactly its members;
	 * answers the state with the sessions of new groups recorded.
	 */
	async #syncSessions(
		state: ConferenceState,
		roundIds: readonly string[]
	): Promise<ConferenceState> {
		const { conference } = state;
		const started = state.rounds.filter((r) => roundIds.includes(r.id) && r.startedAt !== null);
		const seatedIn = (groupId: string) =>
			state.seats.filter((s) => s.groupId === groupId).map((s) => s.participantId);
		const made: { groupId: string; sessionId: string }[] = [];
		for (const group of state.groups) {
			const round = started.find((r) => r.id === group.roundId);
			if (!round || group.sessionId) continue;
			// An empty group is never started: it gets its session when someone joins it.
			if (seatedIn(group.id).length === 0) continue;
			const created = await this.#app.sessions.create({
				title: groupNameIn(state, group, conference.language),
				questions: group.questions ?? round.questions,
				language: conference.language,
				conferenceId: conference.id
			});
			if (!created.ok) {
				log.error('round.session_failed', { groupId: group.id, code: created.error.code });
				continue;
			}
			made.push({ groupId: group.id, sessionId: created.access.id });
		}
		if (made.length > 0) {
			// The groups learn their sessions through the core too, as the server's own command.
			const linked = await this.dispatch(conference.id, { type: 'group.sessions', sessions: made });
			if (linked.ok) state = linked.state!;
			else log.error('round.session_link_failed', { code: linked.error.code });
		}
		const people = new Map(state.participants.map((p) => [p.id, p]));
		for (const group of state.groups) {
			if (!started.some((r) => r.id === group.roundId) || !group.sessionId) continue;
			const memberIds = seatedIn(group.id);
			await this.#app.sessions.syncMembers(
				group.sessionId,
				memberIds.flatMap((id) => {
					const person = people.get(id);
					return person ? [{ id, name: sessionName(person.name) }] : [];
				})
			);
		}
		return state;
	}

	// --- glossary ------------------------------------------------------------------------

	glossary(conferenceId: string) {
		return readGlossary(this.#db, conferenceId);
	}
}

/** The scope prefix of every organiser's command ids for a conference. */
export const conferenceScope = (conferenceId: string) => `c:${conferenceId}:`;
