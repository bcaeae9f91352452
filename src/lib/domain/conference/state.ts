import type { AllocationSettings } from './allocation';
import type { GroupingHistory, GroupingState, Seat } from './grouping';
import type { RoleDefinition } from './roles';
import type { RoundThemes } from '../synthesis/themes';
import type {
	Conference,
	ConferenceParticipant,
	Group,
	ProgrammeItem,
	Round,
	RoundSeat
} from './types';

/**
 * Everything the core decides a conference command on, loaded in one go: its details (with the
 * plenum and notice), programme, roles, participants, rounds (with their allocation settings),
 * groups (with their questions), who sits where, and each round's grouping history.
 */
export interface ConferenceState {
	conference: Conference;
	programme: ProgrammeItem[];
	/** The organiser's renames and own roles; resolveRoles() merges them with the defaults. */
	customRoles: RoleDefinition[];
	participants: ConferenceParticipant[];
	/** In their order in the conference. */
	rounds: Round[];
	/** Every round's groups, in their order within each round. */
	groups: Group[];
	/** Every round's seats: in a group (leader or member) or in no group; no seat is unplaced. */
	seats: RoundSeat[];
	/** Each round's grouping actions, oldest first, for undo (round id → entries). */
	history: Record<string, GroupingHistory>;
	/** Each round's themes as the organiser confirmed or is working on them (round id → map). */
	themes: Record<string, RoundThemes>;
}

/**
 * What changed in a conference, for the live views: its structure (rounds, groups, people),
 * its notice, what the plenum presents, its glossary, which devices use whose name, or who may
 * watch it (access: organisers' overviews are checked again).
 */
export type ConferenceChange = 'structure' | 'notice' | 'plenum' | 'glossary' | 'access';

/** A conference with nothing in it yet: what a new or imported conference is committed from. */
export function emptyState(conference: Conference): ConferenceState {
	return {
		conference,
		programme: [],
		customRoles: [],
		participants: [],
		rounds: [],
		groups: [],
		seats: [],
		history: {},
		themes: {}
	};
}

export const roundOf = (state: ConferenceState, roundId: string): Round | undefined =>
	state.rounds.find((r) => r.id === roundId);

export const groupsOf = (state: ConferenceState, roundId: string): Group[] =>
	state.groups.filter((g) => g.roundId === roundId).sort((a, b) => a.position - b.position);

export const seatsOf = (state: ConferenceState, roundId: string): RoundSeat[] =>
	state.seats.filter((s) => s.roundId === roundId);

/** The people seated in a group, leaders included. */
export const seatsIn = (state: ConferenceState, group: Group): RoundSeat[] =>
	state.seats.filter((s) => s.groupId === group.id);

/** How a round allocates: its rule, size limit and per-role options. */
export const settingsOf = (round: Round): AllocationSettings => ({
	rule: round.rule,
	maxGroupSize: round.maxGroupSize,
	roles: round.roles
});

const byParticipant = (x: Seat, y: Seat) =>
	x.participantId < y.participantId ? -1 : x.participantId > y.participantId ? 1 : 0;

/** A round's grouping, as the pure grouping functions take it. */
export function groupingOf(state: ConferenceState, roundId: string): GroupingState {
	return {
		groups: groupsOf(state, roundId).map((g) => ({
			id: g.id,
			key: g.key,
			descriptor: g.descriptor,
			name: g.customName,
			questions: g.questions
		})),
		seats: seatsOf(state, roundId)
			.map(({ participantId, groupId, leader, pinned }) => ({
				participantId,
				groupId,
				leader,
				pinned
			}))
			.sort(byParticipant)
	};
}

/**
 * The state with a round's grouping replaced: groups keep their sessions and take their place
 * in the order given; seats of people no longer on the list are left out.
 */
export function withGrouping(
	state: ConferenceState,
	roundId: string,
	grouping: GroupingState
): ConferenceState {
	const existing = new Map(groupsOf(state, roundId).map((g) => [g.id, g]));
	const groups: Group[] = grouping.groups.map((g, position) => ({
		id: g.id,
		roundId,
		key: g.key,
		descriptor: g.descriptor,
		customName: g.name,
		position,
		questions: g.questions,
		sessionId: existing.get(g.id)?.sessionId ?? null
	}));
	const known = new Set(state.participants.map((p) => p.id));
	const ids = new Set(groups.map((g) => g.id));
	const seats: RoundSeat[] = grouping.seats
		.filter((s) => known.has(s.participantId) && (s.groupId === null || ids.has(s.groupId)))
		.map((s) => ({ roundId, ...s }));
	return {
		...state,
		groups: [...state.groups.filter((g) => g.roundId !== roundId), ...groups],
		seats: [...state.seats.filter((s) => s.roundId !== roundId), ...seats]
	};
}

/** The group someone sits in in the round under way; undefined before a round, when unplaced or in no group. */
export function currentGroupOf(state: ConferenceState, participantId: string): Group | undefined {
	const roundId = state.conference.currentRoundId;
	const seat = state.seats.find((s) => s.roundId === roundId && s.participantId === participantId);
	return seat?.groupId ? state.groups.find((g) => g.id === seat.groupId) : undefined;
}
