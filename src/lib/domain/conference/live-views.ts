/**
 * Conference-wide views: what a member's phone shows around their group session, the
 * organiser's live overview, and the plenum screen. Made in views.ts; realtime sends them.
 */
import type { Phase } from '../session/phases';
import type { Timer } from '../session/types';
import type { ClusterView, ResultRow, RevealedNoteView, WithheldView } from '../session/views';
import type { BindingKind } from './devices';
import type { ProgrammeKind } from './programme';
import type { Conference } from './types';
import type { PlenumTheme } from '../synthesis/round-perspective';

/** A round as phones and the plenum screen show it. */
export interface RoundHeader {
	id: string;
	title: string;
	theme: string;
	/** What the groups are asked before the questions; '' for none. */
	instruction: string;
}

export interface Notice {
	text: string;
	/** When it was sent (server ms). */
	at: number;
}

/** What every live view shows of the conference itself. */
export type ConferenceHeader = Pick<
	Conference,
	'id' | 'title' | 'subtitle' | 'venue' | 'startDate' | 'endDate' | 'language'
>;

export interface ProgrammeEntry {
	day: string;
	start: string;
	end: string;
	title: string;
	kind: ProgrammeKind;
}

/** A device asking to use someone's name, waiting for the facilitator or an organiser. */
export interface DeviceRequest {
	id: string;
	/** Whose name it asks for. */
	name: string;
	/** "Safari · iPhone"; '' when unknown. */
	device: string;
	/** The four digits the asking phone shows. */
	checkCode: string;
	at: number;
}

/** The devices that use a member's name, as their own phone shows them. */
export interface MemberIdentity {
	devices: { device: string; kind: BindingKind; since: number; current: boolean }[];
	/** Other devices asking for the name, waiting for a decision. */
	requests: { device: string; at: number }[];
}

/** A conference member's phone, outside (and around) their group's session. */
export interface MemberView {
	kind: 'member';
	conference: ConferenceHeader;
	me: { id: string; name: string };
	/** The round in progress, if any. */
	round: RoundHeader | null;
	/** The member's group in that round; null before allocation or when not placed. */
	group: { id: string; name: string; leaders: string[] } | null;
	programme: ProgrammeEntry[];
	notice: Notice | null;
	identity: MemberIdentity;
}

/** One group at a glance for the organiser. */
export interface OverviewGroup {
	id: string;
	name: string;
	leaders: string[];
	/** Members placed in the group. */
	members: number;
	/** Members with a phone connected now. */
	online: number;
	/** The question on the group's screen. */
	question: { label: string; text: string; phase: Phase } | null;
	/** Questions and their phases, a, b, … */
	questions: { label: string; phase: Phase }[];
	timer: Timer | null;
	/** Notes written for the current question (private and revealed). */
	notes: number;
	/** Notes revealed so far for the current question. */
	revealed: number;
	/** Ballots cast in the current vote. */
	ballots: number;
	/** People who can vote. */
	voters: number;
	/** Links for the organiser (console and screen). */
	consolePath: string | null;
	screenPath: string | null;
}

export interface ConferenceOverview {
	kind: 'overview';
	round: { id: string; title: string } | null;
	groups: OverviewGroup[];
	notice: Notice | null;
	/** People on the list, and with a phone connected anywhere in the conference. */
	participants: number;
	connected: number;
	/** Devices asking for a name in use elsewhere, waiting to be let in. */
	devicesWaiting: number;
}

export interface PlenumQuestion {
	label: string;
	text: string;
	/** Ranked items (null when the group has not voted, or its tally is withheld). */
	results: ResultRow[] | null;
	/** Set when the vote closed with too few ballots for a tally that keeps each one secret. */
	resultsWithheld: WithheldView | null;
	clusters: ClusterView[];
	notes: RevealedNoteView[];
	/** Later questions the group answered in this same list (one list for all questions). */
	together?: { label: string; text: string }[];
}

/** A question on a group's tile: the item its vote ranked first, once it has one. */
export interface PlenumTop {
	label: string;
	first: { kind: ResultRow['kind']; label: string } | null;
}

/** A group on the plenum screen: its tile on the round at a glance, and its name when presented. */
export interface PlenumGroup {
	id: string;
	name: string;
	leaders: string[];
	members: number;
	tops: PlenumTop[];
}

/**
 * The plenum screen: a round's groups, one presented at a time (or all, in brief). Only the
 * group presented brings its notes, headings and ranking; the others show their first-ranked
 * items, so no other group's notes reach the projector's device.
 */
export interface PlenumView {
	kind: 'plenum';
	conference: ConferenceHeader;
	round: RoundHeader | null;
	groups: PlenumGroup[];
	/** The group being presented; null shows the round at a glance. */
	focusGroupId: string | null;
	/** The questions of the group presented, in full; empty when none is. */
	presented: PlenumQuestion[];
	notice: Notice | null;
	/** The confirmed theme presented across the groups; null or absent when none is. */
	theme?: PlenumTheme | null;
}

export type ConferenceView = MemberView | ConferenceOverview | PlenumView;
