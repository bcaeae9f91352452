import type { Language } from '../session/types';
import { groupName } from './allocation';
import { resolveRoles } from './roles';
import { groupsOf, membershipsOf, roundOf, type ConferenceState } from './state';
import type { Group, Round } from './types';

/** Everything the organiser sees of a round: its groups with members. */
export interface RoundDetail extends Round {
	groups: (Group & { name: string; memberIds: string[]; pinnedIds: string[] })[];
	/** People placed in no group of this round. */
	unassigned: string[];
}

/** A group's name in `lang`: the organiser's own, else the one its descriptor gives. */
export function groupNameIn(state: ConferenceState, group: Group, lang: Language): string {
	return (
		group.customName ??
		groupName(group.descriptor, { roles: resolveRoles(state.customRoles) }, lang)
	);
}

/** The organiser's round page: a round with its groups (named in `lang`) and who is in each. */
export function roundDetail(
	state: ConferenceState,
	roundId: string,
	lang: Language
): RoundDetail | null {
	const round = roundOf(state, roundId);
	if (!round) return null;
	const memberships = membershipsOf(state, roundId);
	const groups = groupsOf(state, roundId).map((g) => {
		const members = memberships.filter((m) => m.groupId === g.id);
		return {
			...g,
			name: groupNameIn(state, g, lang),
			memberIds: members.map((m) => m.participantId),
			pinnedIds: members.filter((m) => m.pinned).map((m) => m.participantId)
		};
	});
	const placed = new Set(memberships.map((m) => m.participantId));
	const unassigned = state.participants.filter((p) => !placed.has(p.id)).map((p) => p.id);
	return { ...round, groups, unassigned };
}
