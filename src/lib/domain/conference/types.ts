/** The conference's records, as the core decides on them and the stores keep them. */
import type { GroupDescriptor, GroupingRule, RolePlacement } from './allocation';
import type { Seat } from './grouping';
import { programmeKinds, type ProgrammeKind } from './programme';
import type { Language } from '../session/types';

/** A conference's own data (its people, rounds and glossary live in their own tables). */
export interface Conference {
	id: string;
	title: string;
	subtitle: string;
	venue: string;
	/** ISO date (yyyy-mm-dd) or ''. */
	startDate: string;
	endDate: string;
	about: string;
	introduction: string;
	/** Organisation or project above the report's title ("Prosjekt SE-Norden"); '' for none. */
	organisation: string;
	/** Who signs the report ("Øystein Spjelkavik, Arbeidsforskningsinstituttet"); '' for none. */
	author: string;
	/** Who gave the introduction ("Øystein Spjelkavik (prosjektleder)"); '' for none. */
	introductionBy: string;
	/** Language of screens and the report. */
	language: Language;
	/** Languages participants use. */
	languages: Language[];
	/** Code participants use to pick their name from the roster. */
	joinCode: string;
	/** Secret link of the plenum screen. */
	plenumToken: string;
	currentRoundId: string | null;
	/** Message shown on every screen and phone; '' for none. */
	notice: string;
	noticeAt: number | null;
	/** What the plenum screen presents: a round, and one of its groups (or the round overview). */
	plenumRoundId: string | null;
	plenumGroupId: string | null;
	createdAt: number;
	updatedAt: number;
}

/** The fields an organiser edits on the setup page. */
export type ConferenceDetails = Pick<
	Conference,
	| 'title'
	| 'subtitle'
	| 'venue'
	| 'startDate'
	| 'endDate'
	| 'about'
	| 'introduction'
	| 'organisation'
	| 'author'
	| 'introductionBy'
	| 'language'
	| 'languages'
>;

/** The details alone, copied (the languages list too): the one place that lists them as values. */
export function detailsOf(conference: ConferenceDetails): ConferenceDetails {
	const { title, subtitle, venue, startDate, endDate, about, introduction } = conference;
	const { organisation, author, introductionBy, language, languages } = conference;
	return {
		title,
		subtitle,
		venue,
		startDate,
		endDate,
		about,
		introduction,
		organisation,
		author,
		introductionBy,
		language,
		languages: [...languages]
	};
}

export { programmeKinds, type ProgrammeKind };

export interface ProgrammeItem {
	id: string;
	/** ISO date. */
	day: string;
	/** HH:MM. */
	start: string;
	/** HH:MM or ''. */
	end: string;
	title: string;
	kind: ProgrammeKind;
}

/** Someone on a conference's participant list. */
export interface ConferenceParticipant {
	id: string;
	conferenceId: string;
	name: string;
	/** ISO country code. */
	country: string;
	/** Role id (default or the organiser's own). */
	role: string;
	organisation: string;
	/** Preferred UI language. */
	language: Language;
	/** National coordinator (listed first in the report). */
	coordinator: boolean;
	/** Secret of the personal join link and badge QR code. */
	personalToken: string;
	createdAt: number;
	/** Their role in their own words ("forsker, prosjektleder"); '' or absent for none. */
	roleDescription?: string;
}

export type ParticipantFields = Pick<
	ConferenceParticipant,
	'name' | 'country' | 'role' | 'organisation' | 'language' | 'coordinator' | 'roleDescription'
>;

/** A block of group work. */
export interface Round {
	id: string;
	conferenceId: string;
	/** 1-based order in the conference. */
	position: number;
	title: string;
	theme: string;
	rule: GroupingRule;
	maxGroupSize: number;
	/** Questions every group gets unless it has its own. */
	questions: string[];
	plenumSummary: string;
	/** Where each role's people go when the round is allocated; a role not listed gets its own groups. */
	roles: Record<string, RolePlacement>;
	/** When the groups' sessions were created and phones sent to them; null before. */
	startedAt: number | null;
	/** What the groups are asked before the questions, shown with the theme; '' or absent for none. */
	instruction?: string;
}

export interface Group {
	id: string;
	roundId: string;
	/** Allocation key (stable across re-runs). */
	key: string;
	/** How to name the group in any language. */
	descriptor: GroupDescriptor;
	/** A name the organiser gave it instead. */
	customName: string | null;
	position: number;
	/** The group's own questions, or null for the round's. */
	questions: string[] | null;
	/** Its NGT session, once the round has started. */
	sessionId: string | null;
}

/** Where someone sits in one round: in a group (as a member or its leader) or in no group. */
export interface RoundSeat extends Seat {
	roundId: string;
}
