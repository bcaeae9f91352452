import type {
	ConferenceHeader,
	ConferenceOverview,
	MemberIdentity,
	MemberView,
	Notice,
	OverviewGroup,
	PlenumGroup,
	PlenumQuestion,
	PlenumView,
	ProgrammeEntry,
	RoundHeader
} from './live-views';
import { votersOf } from '../session/ballots';
import type { Language, SessionState } from '../session/types';
import { answeredWithFirst } from '../session/commands';
import { screenView } from '../session/views';
import { groupName } from './allocation';
import { resolveRoles } from './roles';
import { shownGroups } from './grouping';
import {
	currentGroupOf,
	groupingOf,
	groupsOf,
	roundOf,
	seatsIn,
	seatsOf,
	type ConferenceState
} from './state';
import type { Conference, Group, Round } from './types';

/** One group of a round with who sits in it. */
export interface RoundDetailGroup extends Group {
	name: string;
	/** Everyone seated in it, leaders included. */
	memberIds: string[];
	/** Its leaders. */
	leaders: string[];
	/** Seated by hand. */
	pinnedIds: string[];
	/** Someone sits in it: only such groups start, or show on the plenum, overview and report. */
	shown: boolean;
}

/** Everything the organiser sees of a round: its groups with members. */
export interface RoundDetail extends Round {
	groups: RoundDetailGroup[];
	/** People in no group of this round, by choice. */
	noGroup: string[];
	/** People without a seat in this round: the next allocation places them. */
	unplaced: string[];
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
	const seats = seatsOf(state, roundId);
	const shown = new Set(shownGroups(groupingOf(state, roundId)).map((g) => g.id));
	const groups = groupsOf(state, roundId).map((g) => {
		const inGroup = seats.filter((s) => s.groupId === g.id);
		return {
			...g,
			name: groupNameIn(state, g, lang),
			memberIds: inGroup.map((s) => s.participantId),
			leaders: inGroup.filter((s) => s.leader).map((s) => s.participantId),
			pinnedIds: inGroup.filter((s) => s.pinned).map((s) => s.participantId),
			shown: shown.has(g.id)
		};
	});
	const seated = new Set(seats.map((s) => s.participantId));
	const noGroup = seats.filter((s) => s.groupId === null).map((s) => s.participantId);
	const unplaced = state.participants.filter((p) => !seated.has(p.id)).map((p) => p.id);
	return { ...round, groups, noGroup, unplaced };
}

/** A group's session as the live views need it: its state, and the organiser's links to it. */
export interface GroupSession {
	state: SessionState;
	consolePath: string;
	screenPath: string;
}

/** What the live views read beside the conference: its sessions and who is connected. */
export interface LiveInputs {
	session: (sessionId: string) => GroupSession | null;
	/** People with a phone in a session now. */
	online: (sessionId: string) => number;
	/** People with a phone connected anywhere in the conference, in a group or not. */
	connected: number;
	devicesWaiting: number;
}

export function conferenceHeader(c: Conference): ConferenceHeader {
	return {
		id: c.id,
		title: c.title,
		subtitle: c.subtitle,
		venue: c.venue,
		startDate: c.startDate,
		endDate: c.endDate,
		language: c.language
	};
}

export function noticeOf(c: Conference): Notice | null {
	return c.notice ? { text: c.notice, at: c.noticeAt ?? c.updatedAt } : null;
}

function programmeOf(state: ConferenceState): ProgrammeEntry[] {
	return state.programme.map(({ day, start, end, title, kind }) => ({
		day,
		start,
		end,
		title,
		kind
	}));
}

function leaderNames(state: ConferenceState, group: Group): string[] {
	return seatsIn(state, group).flatMap((seat) => {
		const person = seat.leader && state.participants.find((p) => p.id === seat.participantId);
		return person ? [person.name] : [];
	});
}

/** The round the live views follow: the current one (the plenum may choose another). */
const currentRound = (state: ConferenceState, roundId = state.conference.currentRoundId) =>
	roundId ? (roundOf(state, roundId) ?? null) : null;

const membersOf = (state: ConferenceState, group: Group) => seatsIn(state, group).length;

/** A round's groups that have people: the only ones the overview and plenum screen show. */
function shownGroupsOf(state: ConferenceState, roundId: string): Group[] {
	const shown = new Set(shownGroups(groupingOf(state, roundId)).map((g) => g.id));
	return groupsOf(state, roundId).filter((g) => shown.has(g.id));
}

/** What phones and the plenum screen show of a round: its title, theme and instruction. */
function roundHeader(round: Round): RoundHeader {
	return {
		id: round.id,
		title: round.title,
		theme: round.theme,
		instruction: round.instruction ?? ''
	};
}

/** A member's phone around their group's session, in their language. */
export function memberView(
	state: ConferenceState,
	participantId: string,
	lang: Language,
	identity: MemberIdentity
): MemberView | null {
	const me = state.participants.find((p) => p.id === participantId);
	if (!me) return null;
	const round = currentRound(state);
	const found = round ? currentGroupOf(state, participantId) : undefined;
	return {
		kind: 'member',
		conference: conferenceHeader(state.conference),
		me: { id: me.id, name: me.name },
		round: round ? roundHeader(round) : null,
		group: found
			? { id: found.id, name: groupNameIn(state, found, lang), leaders: leaderNames(state, found) }
			: null,
		programme: programmeOf(state),
		notice: noticeOf(state.conference),
		identity
	};
}

/** Every group of the current round at a glance, for the organiser. */
export function overviewView(
	state: ConferenceState,
	lang: Language,
	live: LiveInputs
): ConferenceOverview {
	const round = currentRound(state);
	const groups = (round ? shownGroupsOf(state, round.id) : []).map((group): OverviewGroup => {
		const session = group.sessionId ? live.session(group.sessionId) : null;
		const s = session?.state;
		const run = s?.questions.find((q) => q.id === s.currentQuestionId) ?? null;
		return {
			id: group.id,
			name: groupNameIn(state, group, lang),
			leaders: leaderNames(state, group),
			members: membersOf(state, group),
			online: group.sessionId ? live.online(group.sessionId) : 0,
			question: run ? { label: run.label, text: run.text, phase: run.phase } : null,
			// A question answered in the first one's list is as far as that list.
			questions: s
				? s.questions.map((q) => ({
						label: q.label,
						phase: answeredWithFirst(s, q) ? s.questions[0]!.phase : q.phase
					}))
				: [],
			timer: s?.timer ?? null,
			notes: run?.notes.length ?? 0,
			revealed: run?.notes.filter((n) => n.revealIndex !== null).length ?? 0,
			ballots: run ? votersOf(run).length : 0,
			voters: s ? s.participants.filter((p) => !p.removed).length : 0,
			consolePath: session?.consolePath ?? null,
			screenPath: session?.screenPath ?? null
		};
	});
	return {
		kind: 'overview',
		round: round ? { id: round.id, title: round.title } : null,
		groups,
		notice: noticeOf(state.conference),
		participants: state.participants.length,
		connected: live.connected,
		devicesWaiting: live.devicesWaiting
	};
}

/**
 * Each group's part of the plenum screen by the group session's state, with the conference
 * state it was made from: a group whose session and conference are the same objects as at the
 * last refresh keeps its part (nothing to make again).
 */
interface PlenumPart {
	state: ConferenceState;
	group: Group;
	tile: PlenumGroup;
	questions: PlenumQuestion[];
}
const plenumParts = new WeakMap<SessionState, PlenumPart>();

/** The plenum screen, in the conference's language: what each group brings back. */
export function plenumView(
	state: ConferenceState,
	session: (sessionId: string) => SessionState | null
): PlenumView {
	const { conference } = state;
	const round = currentRound(state, conference.plenumRoundId ?? conference.currentRoundId);
	const parts = (round ? shownGroupsOf(state, round.id) : []).map((group) => {
		const s = group.sessionId ? session(group.sessionId) : null;
		if (!s) return plenumPart(state, group, null);
		const known = plenumParts.get(s);
		if (known && known.state === state && known.group === group) return known;
		const part = plenumPart(state, group, s);
		plenumParts.set(s, part);
		return part;
	});
	const focus = parts.find((part) => part.group.id === conference.plenumGroupId);
	return {
		kind: 'plenum',
		conference: conferenceHeader(conference),
		round: round ? roundHeader(round) : null,
		groups: parts.map((part) => part.tile),
		focusGroupId: conference.plenumGroupId,
		presented: focus?.questions ?? [],
		notice: noticeOf(conference)
	};
}

function plenumPart(state: ConferenceState, group: Group, s: SessionState | null): PlenumPart {
	const { conference } = state;
	const questions = s ? plenumQuestions(s) : [];
	const tile: PlenumGroup = {
		id: group.id,
		name: groupNameIn(state, group, conference.language),
		leaders: leaderNames(state, group),
		members: membersOf(state, group),
		tops: questions.map((q) => {
			const first = q.results?.[0];
			return { label: q.label, first: first ? { kind: first.kind, label: first.label } : null };
		})
	};
	return { state, group, tile, questions };
}

/** A group's questions as the plenum presents them: its ranking, else its grouped notes. */
function plenumQuestions(s: SessionState): PlenumQuestion[] {
	const view = screenView(s);
	const together = s.questions
		.filter((q) => answeredWithFirst(s, q))
		.map((q) => ({ label: q.label, text: q.text }));
	return view.questions.flatMap((q, i) => {
		// Answered in the first question's list: printed with it, never on its own.
		if (answeredWithFirst(s, s.questions[i]!)) return [];
		const run = view.runs[i]!;
		return {
			label: q.label,
			text: q.text,
			...(i === 0 && together.length > 0 && { together }),
			// Only a finished vote is presented; earlier phases show the grouped notes.
			results: run.results,
			resultsWithheld: run.resultsWithheld,
			clusters: run.clusters,
			notes: run.notes
		};
	});
}
