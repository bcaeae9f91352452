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
import { log } from './log';
import { allocateJoinCode } from './join-codes';
import type { SessionService } from './sessions';
import type { StoreSet, Stores } from './stores';
import { randomToken } from './tokens';
import type {
	Conference,
	ConferenceDetails,
	ConferenceParticipant,
	Group,
	ParticipantFields,
	ProgrammeItem,
	Round
} from '$lib/domain/conference/types';

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

/** Ids for the groups an allocation may make: at most one per person. */
const groupIdsFor = (people: number) => Array.from({ length: people + 1 }, () => randomToken(16));

/** A conference-making form (new conference, archive upload): its id, sender and kind. */
export interface Creation {
	/** The form's id; null: made every time (scripts, tests). */
	commandId: string | null;
	ownerId: string | null;
	/** The processed command's name: 'conference.create' or 'conference.import'. */
	name: string;
}

/**
/**
 * Runs `make` (which stores a new conference in `tx` and answers its id) once per form id, inside
 * the caller's unit of work: a repeat answers the conference the first made; the id from anyone
 * else, or for the other kind of form, is a conflict; a malformed id is refused.
 */
export async function createOnce(
	tx: StoreSet,
	{ commandId, ownerId, name }: Creation,
	now: number,
	make: () => Promise<string>
): Promise<Result<{ conferenceId: string; repeated: boolean }>> {
	if (commandId === null) return ok({ conferenceId: await make(), repeated: false });
	if (!v.is(clientId, commandId)) {
		return { ok: false, error: refuse('invalid_payload', { field: 'commandId' }) };
	}
	const scope = `o:${ownerId ?? 'system'}`;
	const prior = await tx.processedCommands.find(commandId);
	if (prior) {
		const first = (prior.ack as { conferenceId?: unknown }).conferenceId;
		if (prior.scope !== scope || prior.name !== name || typeof first !== 'string') {
			return { ok: false, error: refuse('conflict') };
		}
		if (!(await tx.conferences.find(first))) return { ok: false, error: refuse('not_found') };
		return ok({ conferenceId: first, repeated: true });
	}
	const conferenceId = await make();
	await tx.processedCommands.record(
		commandId,
		{ scope, name, ack: { ok: true, conferenceId } },
		now
	);
	return ok({ conferenceId, repeated: false });
}

/** A command, or one made from the conference as its unit of work loads it (never stale). */
type CommandSource =
	ConferenceCommand | ((state: ConferenceState) => ConferenceCommand | { error: DomainError });

/**
 * Conferences: every change is load → decide (the pure core in $lib/domain/conference) →
 * commit (the changed rows and the command id, in one unit of work) → publish. Starting a round
 * and changes to its people then bring each group's NGT session in line.
 */
/** What the conference service uses: its stores, the group sessions, the bus and the clock. */
export interface ConferenceDependencies {
	stores: Stores;
	sessions: SessionService;
	bus: ChangeBus;
	clock?: () => number;
}

export class ConferenceService {
	/** What this service uses, handed in by createApp. */
	readonly #app: ConferenceDependencies;
	readonly #now: () => number;
	/** Conferences loaded in this turn of the event loop, for views (see `state`). */
	readonly #states = new Map<string, Promise<ConferenceState | null>>();

	constructor(dependencies: ConferenceDependencies) {
		this.#app = dependencies;
		this.#now = dependencies.clock ?? Date.now;
	}

	get #stores() {
		return this.#app.stores;
	}

	/** The one place changes leave the service. */
	#publish(conferenceId: string, what: ConferenceChange): void {
		this.#states.delete(conferenceId);
		this.#app.bus.publish({ type: 'conference', conferenceId, what });
	}

	/** Something outside the core changed the conference: deletion counts from now, views follow. */
	async changed(conferenceId: string, what: ConferenceChange): Promise<void> {
		await this.#stores.conferences.touch(conferenceId, this.#now());
		this.#publish(conferenceId, what);
	}

	/**
	 * Runs one command: load, decide, commit with its id (when it has one) in one unit of work,
	 * then bring group sessions in line and publish. A repeated id applies once: it answers what
	 * the first answered. Refusals are not stored, so a corrected form may be sent again.
	 */
	dispatch(
		conferenceId: string,
		command: ConferenceCommand,
		sender: Sender = server,
		commandId: string | null = null
	): Promise<Dispatched> {
		return this.#dispatch(conferenceId, command, sender, commandId);
	}

	async #dispatch(
		conferenceId: string,
		source: CommandSource,
		sender: Sender,
		commandId: string | null
	): Promise<Dispatched> {
		const now = this.#now();
		type Outcome =
			| { replay: { ok: true } & ConferenceResult }
			| { error: DomainError }
			| { decision: Extract<ReturnType<typeof decide>, { ok: true }> };
		this.#states.delete(conferenceId);
		// Everything read for the decision is read inside the unit: nothing can change in between.
		const outcome = await this.#stores.transaction(async (tx): Promise<Outcome> => {
			const fixed = typeof source === 'function' ? null : source;
			if (commandId && fixed) {
				const prior = await tx.processedCommands.find(commandId);
				if (prior) {
					const same = prior.scope === sender.scope && prior.name === fixed.type;
					return same
						? { replay: prior.ack as { ok: true } & ConferenceResult }
						: { error: refuse('conflict') };
				}
			}
			const before = await tx.conferences.load(conferenceId);
			if (!before) return { error: refuse('not_found') };
			const command = fixed ?? (source as Exclude<CommandSource, ConferenceCommand>)(before);
			if ('error' in command) return command;
			const decision = decide(before, command, sender.actor, now);
			if (!decision.ok) return { error: decision.error };
			await tx.conferences.commit(before, decision.state);
			await tx.conferences.touch(conferenceId, now);
			if (commandId) {
				const ack = { ok: true, ...decision.result };
				await tx.processedCommands.record(
					commandId,
					{ scope: sender.scope, name: command.type, ack },
					now
				);
			}
			return { decision };
		});
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
		// Every commit is published, one that changes no view too (a plenum summary, the sessions
		// linked to groups): overviews and plenum screens keep the conference between changes.
		const changes: readonly ConferenceChange[] =
			decision.changes.length > 0 ? decision.changes : ['plenum'];
		for (const what of changes) this.#publish(conferenceId, what);
		return { ok: true, result: decision.result, state };
	}

	/** A system command whose answer is picked from the new state. */
	async #run<T>(
		conferenceId: string,
		command: CommandSource,
		pick: (state: ConferenceState, result: ConferenceResult) => T
	): Promise<Result<T>> {
		const done = await this.#dispatch(conferenceId, command, server, null);
		if (!done.ok) return done;
		return ok(pick(done.state!, done.result));
	}

	list(): Promise<Conference[]> {
		return this.#stores.conferences.list();
	}

	get(id: string): Promise<Conference | null> {
		return this.#stores.conferences.find(id);
	}

	/**
	 * A whole conference as the core sees it. Views made for many sockets in one go (every phone
	 * after a change) share one load: it is kept until this turn of the event loop ends.
	 */
	state(id: string): Promise<ConferenceState | null> {
		const kept = this.#states.get(id);
		if (kept !== undefined) return kept;
		const state = this.#stores.conferences.load(id);
		this.#states.set(id, state);
		setImmediate(() => {
			if (this.#states.get(id) === state) this.#states.delete(id);
		});
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
		const now = this.#now();
		const creation = { commandId, ownerId, name: 'conference.create' };
		return this.#stores.transaction(async (tx): Promise<Result<Conference>> => {
			const made = await createOnce(tx, creation, now, async () => {
				const conference: Conference = {
					id: randomToken(16),
					...details.value,
					joinCode: await allocateJoinCode(tx),
					plenumToken: randomToken(18),
					currentRoundId: null,
					notice: '',
					noticeAt: null,
					plenumRoundId: null,
					plenumGroupId: null,
					createdAt: now,
					updatedAt: now
				};
				await tx.conferences.insert(conference);
				await tx.conferences.touch(conference.id, now);
				await tx.glossary.write(conference.id, createDefaultGlossary());
				if (ownerId) await tx.organisers.setTie(conference.id, ownerId, 'owner', now);
				return conference.id;
			});
			if (!made.ok) return made;
			if (!made.value.repeated)
				log.info('conference.created', { conferenceId: made.value.conferenceId });
			return ok((await tx.conferences.find(made.value.conferenceId))!);
		});
	}

	updateDetails(id: string, details: ConferenceDetails): Promise<Result<Conference>> {
		return this.#run(id, { type: 'conference.edit', details }, (s) => s.conference);
	}

	/** Deletes a conference and everything in it (sessions included, by cascade), gone from the files at once. */
	async delete(id: string): Promise<void> {
		const sessionIds = await this.#stores.transaction(async (tx) => {
			const sessionIds = await tx.sessions.listConferenceSessionIds(id);
			await tx.conferences.remove(id);
			for (const sessionId of sessionIds) await tx.processedCommands.forgetSession(sessionId);
			await tx.processedCommands.forgetConference(id);
			return sessionIds;
		});
		for (const sessionId of sessionIds) this.#app.sessions.evict(sessionId);
		// Views kept of it (overviews, plenum screens, here and in other processes) go now.
		this.#publish(id, 'structure');
		await this.#stores.erase();
		log.info('conference.deleted', { conferenceId: id, sessions: sessionIds.length });
	}

	// --- programme -----------------------------------------------------------------------

	programme(conferenceId: string): Promise<ProgrammeItem[]> {
		return this.#stores.conferences.programme(conferenceId);
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

	deleteProgrammeItem(conferenceId: string, id: string): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'programme.delete', itemId: id }, () => null);
	}

	// --- roles ---------------------------------------------------------------------------

	async roles(conferenceId: string): Promise<RoleDefinition[]> {
		return resolveRoles(await this.#stores.conferences.customRoles(conferenceId));
	}

	/** Renames a role in some languages, or adds a role of the organiser's own. */
	saveRole(conferenceId: string, role: RoleDefinition): Promise<Result<RoleDefinition>> {
		return this.#run(conferenceId, { type: 'role.rename', role }, (s) =>
			s.customRoles.find((r) => r.id === role.id)!
		);
	}

	// --- participants --------------------------------------------------------------------

	participants(conferenceId: string): Promise<ConferenceParticipant[]> {
		return this.#stores.conferences.participants(conferenceId);
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

	removeParticipant(conferenceId: string, id: string): Promise<Result<null>> {
		return this.#run(conferenceId, { type: 'participant.remove', participantId: id }, () => null);
	}

	// --- rounds and groups ---------------------------------------------------------------

	rounds(conferenceId: string): Promise<Round[]> {
		return this.#stores.conferences.rounds(conferenceId);
	}

	/** A round with its groups (named in `lang`) and who is in each. */
	async roundDetail(
		conferenceId: string,
		roundId: string,
		lang: Language
	): Promise<RoundDetail | null> {
		const state = await this.state(conferenceId);
		return state ? roundDetail(state, roundId, lang) : null;
	}

	/** Ids for the groups an allocation may make: at most one per person. */
	async newGroupIds(conferenceId: string): Promise<string[]> {
		return groupIdsFor((await this.#stores.conferences.participants(conferenceId)).length);
	}

	saveRound(conferenceId: string, id: string | null, round: RoundInput): Promise<Result<Round>> {
		const command: CommandSource = id
			? (s) => ({
					type: 'round.edit',
					roundId: id,
					round,
					newGroupIds: groupIdsFor(s.participants.length)
				})
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
	allocate(
		conferenceId: string,
		roundId: string,
		settings?: AllocationSettings
	): Promise<Result<AllocationWarning[]>> {
		return this.#run(
			conferenceId,
			(state) => {
				// The round's settings as the unit reads them: another organiser's edit is never undone.
				const round = state.rounds.find((r) => r.id === roundId);
				if (!round) return { error: refuse('not_found') };
				return {
					type: 'round.group',
					roundId,
					action: {
						type: 'reallocate',
						settings: settings ?? settingsOf(round),
						mode: 'rule',
						newGroupIds: groupIdsFor(state.participants.length)
					}
				};
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
		return this.#stores.glossary.read(conferenceId);
	}
}

/** The scope prefix of every organiser's command ids for a conference. */
export const conferenceScope = (conferenceId: string) => `c:${conferenceId}:`;
