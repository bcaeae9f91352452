import type { RoleDefinition } from './roles';
import type {
	Conference,
	ConferenceParticipant,
	Group,
	Membership,
	ProgrammeItem,
	Round
} from './types';

/** Someone's place in one round's group. */
export interface RoundMembership extends Membership {
	roundId: string;
}

/**
 * Everything the core decides a conference command on, loaded in one go: its details (with the
 * plenum and notice), programme, roles, participants, rounds, groups (with leaders and
 * questions) and who sits where.
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
	memberships: RoundMembership[];
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
		memberships: []
	};
}

export const roundOf = (state: ConferenceState, roundId: string): Round | undefined =>
	state.rounds.find((r) => r.id === roundId);

export const groupsOf = (state: ConferenceState, roundId: string): Group[] =>
	state.groups.filter((g) => g.roundId === roundId).sort((a, b) => a.position - b.position);

export const membershipsOf = (state: ConferenceState, roundId: string): RoundMembership[] =>
	state.memberships.filter((m) => m.roundId === roundId);

/** The group someone sits in in the round under way; undefined before a round or when unplaced. */
export function currentGroupOf(state: ConferenceState, participantId: string): Group | undefined {
	const roundId = state.conference.currentRoundId;
	const placed = state.memberships.find(
		(m) => m.roundId === roundId && m.participantId === participantId
	);
	return placed ? state.groups.find((g) => g.id === placed.groupId) : undefined;
}
