import type { ProgrammeKind } from '../conference/programme';
import type { Language, SessionState } from '../session/types';
import type { RoundThemes } from '../synthesis/themes';

export type { ProgrammeKind };

/**
 * Everything the conference report is built from, as plain data. Storage maps its rows to this
 * shape; the report model never reads anything else. Empty strings mean "not given" and leave
 * the matching part of the report out.
 */
export interface ReportSource {
	conference: ConferenceMeta;
	/** Agenda items, in any order (the report sorts them by day and start time). */
	programme: ProgrammeItem[];
	/** Stakeholder roles, in the order the report lists them (worker, employer, …). */
	roles: ReportRole[];
	/** Everyone taking part, in any order (the report sorts them). */
	participants: ReportParticipant[];
	/** Language help: concepts with their terms in each language, in display order. */
	glossary: GlossaryEntry[];
	/** Blocks of group work, in the order they took place. */
	rounds: ReportRound[];
	/**
	 * Country names for codes the built-in table lacks, or to override it. The built-in table
	 * (conference/countries) names the Nordic countries and their neighbours in every report
	 * language; other codes fall back to Intl.
	 */
	countries?: ReportCountry[];
}

/** Text in some of the report languages; missing languages fall back to English, then any. */
export type LocalText = Partial<Record<Language, string>>;

export interface ConferenceMeta {
	/** Main title, e.g. "Nordisk dialog om supported employment". */
	title: string;
	/** Line under the title, e.g. "Dialogkonferanse". */
	subtitle: string;
	/** Where it took place, e.g. "Sigtuna". */
	venue: string;
	/** First day, ISO yyyy-mm-dd. */
	startDate: string;
	/** Last day, ISO yyyy-mm-dd (same as startDate for a one-day conference). */
	endDate: string;
	/** Language of the conference: the report's default language. */
	language: Language;
	/** Languages spoken at the conference, in the column order of the language help. */
	languages: Language[];
	/** Organisation or project shown above the title, e.g. "Prosjekt SE-Norden". */
	organisation: string;
	/** Who signs the report, e.g. "Øystein Spjelkavik, Arbeidsforskningsinstituttet". */
	author: string;
	/** "About the project and the conference"; paragraphs separated by blank lines, "- " bullets. */
	about: string;
	/** The opening talk or introduction, same text conventions as about. */
	introduction: string;
	/** Who gave the introduction, e.g. "Øystein Spjelkavik (prosjektleder)". */
	introductionBy: string;
}

export interface ProgrammeItem {
	/** Day, ISO yyyy-mm-dd. */
	date: string;
	/** Start, HH:MM (24-hour). */
	start: string;
	/** End, HH:MM; null for items with only a start (a dinner, a welcome). */
	end: string | null;
	/** What happens, e.g. "Gruppe 1 fortsetter". */
	title: string;
	kind: ProgrammeKind;
}

export interface ReportRole {
	/** Stable id participants refer to, e.g. "employer". */
	id: string;
	/** Name of one person in this role, per language ("arbeidsgiver"). */
	label: LocalText;
	/** Name of several, per language ("arbeidsgivere"). */
	plural: LocalText;
}

export interface ReportParticipant {
	id: string;
	/** Full name as the person wants it printed. */
	name: string;
	/** ISO 3166-1 alpha-2 country code, upper case ("NO", "IS"). */
	country: string;
	/** A ReportRole id. */
	roleId: string;
	/** Employer or organisation; '' when not given. */
	organisation: string;
	/** National coordinator: listed first in their country. */
	coordinator: boolean;
	/** Their role in their own words ("forsker, prosjektleder"); '' or absent for none. */
	roleDescription?: string;
}

/** One concept of the language help. */
export interface GlossaryEntry {
	id: string;
	/** The concept's terms per language; several when a language has synonyms. */
	terms: Partial<Record<Language, string[]>>;
	/** Optional explanation per language, e.g. "(norsk SE-liknende tilbud)". */
	explanation?: LocalText;
}

export interface ReportRound {
	id: string;
	/** Heading of the round, e.g. "Første gruppearbeid". */
	title: string;
	/** Overall theme, e.g. "Jobbfastholdelse ved hjelp av supported employment"; '' when none. */
	theme: string;
	/** Groups in the order they are numbered. */
	groups: ReportGroup[];
	/** What the plenary made of this round; '' when nothing was written. */
	plenumSummary: string;
	/** What the groups were asked before the questions ("Ta utgangspunkt i …"); '' or absent for none. */
	instruction?: string;
	/** The organiser's themes across the groups (confirmed or not); null or absent for none. */
	themes?: RoundThemes | null;
}

export interface ReportGroup {
	id: string;
	/** Name without number, e.g. "Arbeidsgivere I" or "Island". */
	name: string;
	/** ReportParticipant ids of the group leader(s). */
	leaderIds: string[];
	/** ReportParticipant ids of the members; leaders listed here too are shown once, as leaders. */
	memberIds: string[];
	/** The group's NGT session (its questions, notes, headings, ballots); null if none was run. */
	session: SessionState | null;
	/** Questions the group was given, used only when session is null. */
	plannedQuestions: string[];
	/** The leader's reflection; '' falls back to the session's own reflection. */
	reflection: string;
}

export interface ReportCountry {
	/** ISO 3166-1 alpha-2 code, upper case. */
	code: string;
	/** The country's name per language. */
	names: LocalText;
}
