import { languageNames, localeTags, type Translate } from '$lib/domain/languages';
import type { Language, SessionState } from '../session/types';
import { countries } from '../conference/countries';
import { questionSection, questionsThatRan, type QuestionSection } from './questions';
import type {
	LocalText,
	ProgrammeKind,
	ReportGroup,
	ReportParticipant,
	ReportRound,
	ReportSource
} from './source';
import { textBlocks, type TextBlock } from './text-blocks';
import type { WorkshopReport } from './workshop';
import { acrossSection, type AcrossSection } from './across';

export type { TextBlock } from './text-blocks';
export type { AcrossCell, AcrossSection, AcrossTheme } from './across';
export type { PrioritisedItem, QuestionSection, ReportNote, VoteSummary } from './questions';
export { bySubheading, placeOf, questionsAsked } from './questions';

/** Where the language help goes: an appendix at the end, before the group work, or nowhere. */
export const glossaryPlacements = ['appendix', 'front', 'omit'] as const;
export type GlossaryPlacement = (typeof glossaryPlacements)[number];

/** Choices made when exporting. */
export interface ReportOptions {
	/** Language of headings, labels and dates; defaults to the conference's language. */
	language?: Language;
	/**
	 * Print participants' names (lists, leaders, named notes); otherwise counts per role. The
	 * author and the introducer are always printed: they sign the report.
	 */
	includeNames?: boolean;
	/** List notes that got no points (all notes of a question nobody voted on). */
	includeUnvotedNotes?: boolean;
	/** Include the group leaders' reflections. */
	includeReflections?: boolean;
	/** When the report was made, ISO date or date-time, printed on the title page. */
	generatedAt?: string;
	/** Where the language help goes; an appendix by default, so that results come first. */
	glossary?: GlossaryPlacement;
}

/** What every report has, whatever it reports on; renderers print these parts the same way. */
export interface ReportFrame {
	language: Language;
	/** BCP 47 tag of the report language, for lang attributes. */
	locale: string;
	/** Names are printed (participant list, leaders, members, named notes). */
	named: boolean;
	/** Translated labels renderers need for columns and running headers. */
	labels: ReportLabels;
	/** What the first page shows. */
	titlePage: TitlePage;
	/** The table of contents, in document order. */
	contents: ContentsEntry[];
}

/** Any report a renderer prints: a conference's, or a stand-alone workshop's. */
export type ReportDocument = Report | WorkshopReport;

/** The conference report as structured data; every renderer prints exactly this. */
export interface Report extends ReportFrame {
	kind: 'conference';
	/** About the project and the conference; null when no text was given. */
	about: TextSection | null;
	/** Agenda by day; null when there is none. */
	programme: ProgrammeSection | null;
	/** Participants by country; null when there are none. */
	participants: ParticipantsSection | null;
	/** The glossary across languages; null when empty or left out. */
	languageHelp: LanguageHelpSection | null;
	/** The opening talk; null when no text was given. */
	introduction: IntroductionSection | null;
	/** Group work, one section per round. */
	rounds: RoundSection[];
	/** What the plenary made of each round; null when nothing was written. */
	plenum: PlenumSection | null;
}

export interface ReportLabels {
	/** "Contents", over the table of contents. */
	contents: string;
	/** "Page", for running footers. */
	page: string;
	/** Heading over a question's prioritised items. */
	prioritised: string;
	/** Said where a group has no members listed. */
	noMembers: string;
	/** Group table: group name with member count. */
	groupColumn: string;
	/** Group table: leader(s). */
	leadersColumn: string;
	/** Group table: theme / questions. */
	themeColumn: string;
	/** Programme table: start and end. */
	time: string;
	/** Programme table: what happens. */
	item: string;
	/** Programme table: plenary, group work or break. */
	kind: string;
	/** Results table and CSV: place in the priorities. */
	rank: string;
	/** Results table and CSV: Borda points. */
	points: string;
	/** Results table and CSV: ballots that ranked the item. */
	voters: string;
	/** Results table and CSV: the group's heading. */
	heading: string;
	/** Results table: the notes under a heading. */
	notes: string;
	/** Role counts table: the role. */
	role: string;
	/** Role counts table: how many. */
	count: string;
	/** Language help: the explanation column. */
	explanation: string;
	/** CSV: the round. */
	round: string;
	/** CSV: the group. */
	group: string;
	/** CSV: the question. */
	question: string;
	/** CSV: the note's text. */
	text: string;
	/** CSV: who wrote the note (named sessions only). */
	author: string;
	/** CSV: marks a note entered for the group as a whole. */
	byGroup: string;
	/** "the group", where a group note's author would be. */
	theGroup: string;
	/** CSV: the sub-heading a note sits under, within its heading. */
	subheading: string;
	/** CSV and the chapter across the groups: the round's confirmed theme. */
	theme: string;
}

export interface TitlePage {
	/** Organisation or project above the title; '' when none. */
	organisation: string;
	/** "Conference report". */
	documentLabel: string;
	/** The conference title. */
	title: string;
	/** Line under the title; '' when none. */
	subtitle: string;
	/** Venue and dates, e.g. "Sigtuna, 6. mai 2010". */
	placeAndDate: string;
	/** Signature line; '' when none. */
	author: string;
	/** "Made 27 May 2010", or '' when no generatedAt was given. */
	generated: string;
}

export interface ContentsEntry {
	/** Id of the target section (HTML id, DOCX bookmark). */
	anchor: string;
	/** The heading as printed. */
	title: string;
	/** 1 for chapters, 2 for groups within a round. */
	level: 1 | 2;
}

/** A chapter of free text. */
export interface TextSection {
	/** Id of the chapter (HTML id, DOCX bookmark). */
	anchor: string;
	/** Chapter heading in the report language. */
	heading: string;
	/** The text as paragraphs and lists. */
	blocks: TextBlock[];
}

export interface IntroductionSection extends TextSection {
	/** "by Øystein Spjelkavik (project leader)", or '' when not given. */
	byline: string;
}

export interface ProgrammeSection {
	/** Id of the chapter. */
	anchor: string;
	/** "Programme" in the report language. */
	heading: string;
	/** Days in date order. */
	days: ProgrammeDay[];
}

export interface ProgrammeDay {
	/** ISO yyyy-mm-dd. */
	date: string;
	/** Weekday and date in the report language, e.g. "Torsdag 6. mai". */
	label: string;
	/** Items by start time. */
	items: ProgrammeEntry[];
}

export interface ProgrammeEntry {
	/** Formatted time or time range, e.g. "09:00–10:00". */
	time: string;
	/** What happens. */
	title: string;
	/** Plenary, group work or break (for styling). */
	kind: ProgrammeKind;
	/** Translated kind, e.g. "Pause". */
	kindLabel: string;
}

export interface ParticipantsSection {
	/** Id of the chapter. */
	anchor: string;
	/** "Participants" in the report language. */
	heading: string;
	/** Everyone, e.g. "40 deltakere". */
	totalLabel: string;
	/** Number of participants. */
	total: number;
	/** Said when names are left out; '' otherwise. */
	namesOmittedNote: string;
	/** Countries sorted by name in the report language. */
	countries: CountryParticipants[];
}

export interface CountryParticipants {
	/** ISO code. */
	code: string;
	/** Name in the report language. */
	name: string;
	/** Participants from this country. */
	count: number;
	/** Coordinators first, then by name; empty when names are left out. */
	people: ListedParticipant[];
	/** Participants per role, in role order (only roles present); always filled. */
	roleCounts: RoleCount[];
}

export interface ListedParticipant {
	/** ReportParticipant id. */
	id: string;
	/** Full name. */
	name: string;
	/** Role in the report language, e.g. "arbeidsgiver". */
	role: string;
	/** Employer or organisation; '' when none. */
	organisation: string;
	/** "national coordinator" when the person is one; '' otherwise. */
	coordinator: string;
	/** Their role in their own words, printed next to the role; '' when none. */
	roleDescription: string;
}

/** The role with the person's own words for it: "arbeidstaker (forsker, prosjektleder)". */
export function describedRole(person: ListedParticipant): string {
	if (!person.roleDescription) return person.role;
	return person.role ? `${person.role} (${person.roleDescription})` : person.roleDescription;
}

export interface RoleCount {
	/** ReportRole id. */
	roleId: string;
	/** Singular or plural role name to match the count. */
	label: string;
	/** People in this role in the country. */
	count: number;
}

export interface LanguageHelpSection {
	/** Id of the chapter. */
	anchor: string;
	/** "Language help", or "Appendix: Language help", in the report language. */
	heading: string;
	/** Before the group work (after the participants), or as an appendix after everything else. */
	placement: 'front' | 'appendix';
	/** Language columns, in the conference's order. */
	columns: { language: Language; name: string }[];
	/** One row per concept, in the source order. */
	rows: LanguageHelpRow[];
	/** Some row has an explanation (renderers add a column). */
	hasExplanations: boolean;
}

export interface LanguageHelpRow {
	/** Terms per column (same order as columns); an empty array where a language has none. */
	terms: string[][];
	/** Explanation in the report language; '' when none. */
	explanation: string;
}

export interface RoundSection {
	/** Id of the round. */
	anchor: string;
	/** 1-based. */
	number: number;
	/** Round title, or "Group work N" when it has none. */
	heading: string;
	/** The round's overall theme as written, in paragraphs; empty when it has none. */
	theme: TextBlock[];
	/** What the groups were asked before the questions, printed after the theme; empty for none. */
	instruction: TextBlock[];
	/** One row per group for the overview table. */
	table: GroupSummaryRow[];
	/** The groups, in their numbered order. */
	groups: GroupSection[];
	/** The themes across the groups and where they diverge, after the groups. */
	across: AcrossSection;
}

export interface GroupSummaryRow {
	/** Anchor of the group's section. */
	anchor: string;
	/** "Group 1: Employers I". */
	heading: string;
	/** Members other than leaders. */
	memberCount: number;
	/** Leaders' names; empty when names are left out. */
	leaders: string[];
	/** The group's questions (its theme). */
	questions: QuestionText[];
}

export interface QuestionText {
	/** a, b, … */
	label: string;
	/** The question as asked. */
	text: string;
}

export interface GroupSection {
	/** Id of the group section. */
	anchor: string;
	/** 1-based within the round. */
	number: number;
	/** "Group 1: Employers I". */
	heading: string;
	/** "Group leader" or "Group leaders". */
	leadersHeading: string;
	/** Leaders' names; empty when names are left out. */
	leaders: string[];
	/** "Group members". */
	membersHeading: string;
	/** Members' names (not leaders), sorted by name; empty when names are left out. */
	members: string[];
	/** Members other than leaders, e.g. "6 participants". */
	memberCountLabel: string;
	/** One section per question the group ran, a, b, … (none it never started). */
	questions: QuestionSection[];
	/** Said when the group has nothing to show (no session, or no question started); '' otherwise. */
	emptyNote: string;
	/** null when empty or left out by the options. */
	reflection: { heading: string; blocks: TextBlock[] } | null;
	/** Reflections by the group's leaders and members, each under its author's name or title. */
	reflections: { heading: string; blocks: TextBlock[] }[];
}

export interface PlenumSection {
	/** Id of the chapter. */
	anchor: string;
	/** "Plenary summary" in the report language. */
	heading: string;
	/** One part per round that has a summary, in round order. */
	parts: { heading: string; blocks: TextBlock[] }[];
}

/** Anchors of the fixed chapters; rounds and groups are round-N and round-N-group-M. */
export const reportAnchors = {
	about: 'about',
	programme: 'programme',
	participants: 'participants',
	languageHelp: 'language-help',
	introduction: 'introduction',
	plenum: 'plenum'
} as const;

function roundAnchor(round: number): string {
	return `round-${round}`;
}

function groupAnchor(round: number, group: number): string {
	return `round-${round}-group-${group}`;
}

/** Everything a section builder needs: language, translation, collation, options. */
export interface Context {
	lang: Language;
	t: Translate;
	collator: Intl.Collator;
	named: boolean;
	includeUnvotedNotes: boolean;
	includeReflections: boolean;
	glossary: GlossaryPlacement;
	people: Map<string, ReportParticipant>;
	source: ReportSource;
}

/**
 * Builds the conference report from its source. Pure and deterministic: the same source and
 * options give the same report (dates are formatted with Intl in UTC, names sorted with the
 * report language's collation). `translatorFor` translates into a language (fixedT in $lib/i18n).
 */
export function buildReport(
	source: ReportSource,
	options: ReportOptions,
	translatorFor: (lang: Language) => Translate
): Report {
	const lang = options.language ?? source.conference.language;
	const ctx: Context = {
		lang,
		t: translatorFor(lang),
		collator: new Intl.Collator(localeTags[lang]),
		named: options.includeNames ?? true,
		includeUnvotedNotes: options.includeUnvotedNotes ?? true,
		includeReflections: options.includeReflections ?? true,
		glossary: options.glossary ?? 'appendix',
		people: new Map(source.participants.map((p) => [p.id, p])),
		source
	};
	const { t } = ctx;
	const about = textSection(reportAnchors.about, t('report.about'), source.conference.about);
	const introText = textSection(
		reportAnchors.introduction,
		t('report.introduction'),
		source.conference.introduction
	);
	const introduction: IntroductionSection | null = introText && {
		...introText,
		byline: source.conference.introductionBy
			? t('report.introductionBy', { name: source.conference.introductionBy })
			: ''
	};
	const programme = programmeSection(ctx);
	const participants = participantsSection(ctx);
	const languageHelp = languageHelpSection(ctx);
	const rounds = source.rounds.map((round, index) => roundSection(ctx, round, index + 1));
	const plenum = plenumSection(ctx);

	const front = languageHelp?.placement === 'front' ? languageHelp : null;
	const appendix = languageHelp?.placement === 'appendix' ? languageHelp : null;

	const contents: ContentsEntry[] = [];
	for (const section of [about, programme, participants, front, introduction]) {
		if (section) contents.push({ anchor: section.anchor, title: section.heading, level: 1 });
	}
	for (const round of rounds) {
		contents.push({ anchor: round.anchor, title: round.heading, level: 1 });
		for (const group of round.groups) {
			contents.push({ anchor: group.anchor, title: group.heading, level: 2 });
		}
		contents.push({ anchor: round.across.anchor, title: round.across.heading, level: 2 });
	}
	for (const section of [plenum, appendix]) {
		if (section) contents.push({ anchor: section.anchor, title: section.heading, level: 1 });
	}

	return {
		kind: 'conference',
		language: lang,
		locale: localeTags[lang],
		named: ctx.named,
		labels: reportLabels(t),
		titlePage: titlePage(ctx, options.generatedAt),
		contents,
		about,
		programme,
		participants,
		languageHelp,
		introduction,
		rounds,
		plenum
	};
}

/** The labels every renderer needs, in the report language. */
export function reportLabels(t: Translate): ReportLabels {
	return {
		contents: t('report.contents'),
		page: t('report.page'),
		prioritised: t('report.prioritised'),
		noMembers: t('report.noMembers'),
		groupColumn: t('report.column.groupCount'),
		leadersColumn: t('report.column.leaders'),
		themeColumn: t('report.column.theme'),
		time: t('report.column.time'),
		item: t('report.column.item'),
		kind: t('report.column.kind'),
		rank: t('report.column.rank'),
		points: t('report.column.points'),
		voters: t('report.column.voters'),
		heading: t('report.column.heading'),
		notes: t('report.column.notes'),
		role: t('report.column.role'),
		count: t('report.column.count'),
		explanation: t('report.column.explanation'),
		round: t('report.column.round'),
		group: t('report.column.group'),
		question: t('report.column.question'),
		text: t('report.column.text'),
		author: t('report.column.author'),
		byGroup: t('report.column.byGroup'),
		theGroup: t('report.theGroup'),
		subheading: t('report.column.subheading'),
		theme: t('report.across.theme')
	};
}

/** Text in the wanted language, else English, else the first one given. */
export function localText(text: LocalText | undefined, lang: Language): string {
	if (!text) return '';
	return text[lang] || text.en || Object.values(text).find((v) => v) || '';
}

function textSection(anchor: string, heading: string, text: string): TextSection | null {
	const blocks = textBlocks(text);
	return blocks.length > 0 ? { anchor, heading, blocks } : null;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd date as a UTC instant, or null when it is not one. */
function parseDate(value: string): Date | null {
	const match = isoDate.exec(value);
	if (!match) return null;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return Number.isNaN(date.getTime()) ? null : date;
}

function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(localeTags[lang], { ...options, timeZone: 'UTC' });
}

const longDate: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** "6. mai 2010", or "5.–6. mai 2010" for several days. */
export function formatDateRange(lang: Language, start: string, end: string): string {
	const from = parseDate(start);
	const to = parseDate(end);
	if (!from) return start;
	const format = dateFormat(lang, longDate);
	if (!to || to.getTime() <= from.getTime()) return format.format(from);
	return format.formatRange(from, to);
}

function capitalise(text: string, lang: Language): string {
	return text.charAt(0).toLocaleUpperCase(localeTags[lang]) + text.slice(1);
}

/** "Made 27 May 2010" for the title page, or '' when no date was given. */
export function generatedLabel(
	lang: Language,
	t: Translate,
	generatedAt: string | undefined
): string {
	if (!generatedAt) return '';
	const at = parseDate(generatedAt.slice(0, 10));
	return t('report.generated', {
		date: at ? dateFormat(lang, longDate).format(at) : generatedAt
	});
}

function titlePage(ctx: Context, generatedAt: string | undefined): TitlePage {
	const { conference } = ctx.source;
	const dates = conference.startDate
		? formatDateRange(ctx.lang, conference.startDate, conference.endDate || conference.startDate)
		: '';
	const generated = generatedLabel(ctx.lang, ctx.t, generatedAt);
	return {
		organisation: conference.organisation,
		documentLabel: ctx.t('report.documentLabel'),
		title: conference.title,
		subtitle: conference.subtitle,
		placeAndDate: [conference.venue, dates].filter((s) => s !== '').join(', '),
		author: conference.author,
		generated
	};
}

const hhmm = /^(\d{1,2}):(\d{2})$/;

/** HH:MM in the report language's convention (09:00, 9.00); anything else as given. */
function formatTime(format: Intl.DateTimeFormat, value: string): string {
	const match = hhmm.exec(value);
	if (!match) return value;
	return format.format(new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))));
}

function programmeSection(ctx: Context): ProgrammeSection | null {
	const items = ctx.source.programme
		.map((item, order) => ({ item, order }))
		.sort(
			(a, b) =>
				compareStrings(a.item.date, b.item.date) ||
				compareStrings(a.item.start.padStart(5, '0'), b.item.start.padStart(5, '0')) ||
				a.order - b.order
		)
		.map(({ item }) => item);
	if (items.length === 0) return null;
	const dayFormat = dateFormat(ctx.lang, { weekday: 'long', day: 'numeric', month: 'long' });
	const timeFormat = dateFormat(ctx.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
	const days: ProgrammeDay[] = [];
	for (const item of items) {
		let day = days.at(-1);
		if (!day || day.date !== item.date) {
			const date = parseDate(item.date);
			day = {
				date: item.date,
				label: date ? capitalise(dayFormat.format(date), ctx.lang) : item.date,
				items: []
			};
			days.push(day);
		}
		const start = formatTime(timeFormat, item.start);
		day.items.push({
			time: item.end ? `${start}–${formatTime(timeFormat, item.end)}` : start,
			title: item.title,
			kind: item.kind,
			kindLabel: ctx.t(`report.kind.${item.kind}`)
		});
	}
	return { anchor: reportAnchors.programme, heading: ctx.t('report.programme'), days };
}

/** Code-point order, for ISO dates and times (never for names). */
function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const namedCountries = new Map(countries.map((c) => [c.code, c.names]));

/**
 * A country's name in the report language: the source's names, then Samråd's own country table
 * (so that names, and the order they sort in, do not depend on the machine's ICU data), then Intl.
 */
export function countryName(source: ReportSource, code: string, lang: Language): string {
	const upper = code.toUpperCase();
	const given = localText(
		source.countries?.find((c) => c.code.toUpperCase() === upper)?.names,
		lang
	);
	if (given) return given;
	const named = namedCountries.get(upper);
	if (named) return named[lang];
	try {
		return new Intl.DisplayNames([localeTags[lang]], { type: 'region' }).of(upper) ?? upper;
	} catch {
		// Not a region code Intl knows: print the code as given.
		return code;
	}
}

function roleLabel(ctx: Context, roleId: string, count = 1): string {
	const role = ctx.source.roles.find((r) => r.id === roleId);
	if (!role) return roleId;
	return (
		(count === 1 ? localText(role.label, ctx.lang) : localText(role.plural, ctx.lang)) || roleId
	);
}

function participantsSection(ctx: Context): ParticipantsSection | null {
	const { participants, roles } = ctx.source;
	if (participants.length === 0) return null;
	const byCountry = new Map<string, ReportParticipant[]>();
	for (const p of participants) {
		const code = p.country.toUpperCase();
		byCountry.set(code, [...(byCountry.get(code) ?? []), p]);
	}
	const roleOrder = new Map(roles.map((r, index) => [r.id, index]));
	const countries: CountryParticipants[] = [...byCountry.entries()]
		.map(([code, people]) => {
			const sorted = [...people].sort(
				(a, b) =>
					Number(b.coordinator) - Number(a.coordinator) ||
					ctx.collator.compare(a.name, b.name) ||
					compareStrings(a.id, b.id)
			);
			const perRole = new Map<string, number>();
			for (const p of people) perRole.set(p.roleId, (perRole.get(p.roleId) ?? 0) + 1);
			const roleCounts = [...perRole.entries()]
				.sort(
					([a], [b]) =>
						(roleOrder.get(a) ?? Infinity) - (roleOrder.get(b) ?? Infinity) || compareStrings(a, b)
				)
				.map(([roleId, count]) => ({ roleId, count, label: roleLabel(ctx, roleId, count) }));
			return {
				code,
				name: countryName(ctx.source, code, ctx.lang),
				count: people.length,
				people: ctx.named
					? sorted.map((p) => ({
							id: p.id,
							name: p.name,
							// "national coordinator" says it all for someone in the coordinator role.
							role: p.coordinator && p.roleId === 'coordinator' ? '' : roleLabel(ctx, p.roleId),
							organisation: p.organisation,
							coordinator: p.coordinator ? ctx.t('report.coordinator') : '',
							roleDescription: p.roleDescription ?? ''
						}))
					: [],
				roleCounts
			};
		})
		.sort((a, b) => ctx.collator.compare(a.name, b.name) || compareStrings(a.code, b.code));
	return {
		anchor: reportAnchors.participants,
		heading: ctx.t('report.participants'),
		total: participants.length,
		totalLabel: ctx.t('report.participantCount', { count: participants.length }),
		namesOmittedNote: ctx.named ? '' : ctx.t('report.namesOmitted'),
		countries
	};
}

function languageHelpSection(ctx: Context): LanguageHelpSection | null {
	const { glossary, conference } = ctx.source;
	if (glossary.length === 0 || ctx.glossary === 'omit') return null;
	// Conference languages first, in its order; then any other language a term is given in.
	const used = new Set<Language>();
	for (const entry of glossary) {
		for (const [lang, terms] of Object.entries(entry.terms) as [Language, string[]][]) {
			if (terms.length > 0) used.add(lang);
		}
	}
	const columns = [
		...conference.languages.filter((l) => used.has(l)),
		...[...used].filter((l) => !conference.languages.includes(l)).sort()
	];
	const rows = glossary.map((entry) => ({
		terms: columns.map((lang) => entry.terms[lang] ?? []),
		explanation: localText(entry.explanation, ctx.lang)
	}));
	const heading = ctx.t('report.languageHelp');
	return {
		anchor: reportAnchors.languageHelp,
		heading: ctx.glossary === 'front' ? heading : ctx.t('report.appendix', { title: heading }),
		placement: ctx.glossary,
		columns: columns.map((language) => ({ language, name: languageNames[language] })),
		rows,
		hasExplanations: rows.some((r) => r.explanation !== '')
	};
}

function names(ctx: Context, ids: string[]): string[] {
	if (!ctx.named) return [];
	return ids.flatMap((id) => {
		const person = ctx.people.get(id);
		return person ? [person.name] : [];
	});
}

function roundSection(ctx: Context, round: ReportRound, number: number): RoundSection {
	const groups = round.groups.map((group, index) => groupSection(ctx, group, number, index + 1));
	const heading = round.title || ctx.t('report.roundFallback', { number });
	const across = acrossSection(ctx, round, groups, roundAnchor(number), heading);
	return {
		anchor: roundAnchor(number),
		number,
		heading,
		theme: textBlocks(round.theme),
		instruction: textBlocks(round.instruction ?? ''),
		table: groups.map((g, index) => ({
			anchor: g.anchor,
			heading: g.heading,
			memberCount: memberIds(round.groups[index]!).length,
			leaders: g.leaders,
			questions: givenQuestions(round.groups[index]!)
		})),
		groups: across.groups,
		across: across.section
	};
}

/** The questions a group was given: its session's (started or not), else the planned ones. */
function givenQuestions(group: ReportGroup): QuestionText[] {
	if (group.session) return group.session.questions.map((q) => ({ label: q.label, text: q.text }));
	return group.plannedQuestions.map((text, index) => ({
		label: String.fromCharCode(97 + index),
		text
	}));
}

/** Members who are not also leaders, each once. */
function memberIds(group: ReportGroup): string[] {
	const leaders = new Set(group.leaderIds);
	return [...new Set(group.memberIds)].filter((id) => !leaders.has(id));
}

function groupSection(
	ctx: Context,
	group: ReportGroup,
	roundNumber: number,
	number: number
): GroupSection {
	const { t } = ctx;
	const members = memberIds(group);
	const session = group.session;
	const questions = session
		? questionsThatRan(session).map((run) => questionSection(ctx, session, run))
		: [];
	const reflectionText = group.reflection || session?.reflection || '';
	const reflectionBlocks = ctx.includeReflections ? textBlocks(reflectionText) : [];
	const leaderCount = Math.max(1, group.leaderIds.length);
	return {
		anchor: groupAnchor(roundNumber, number),
		number,
		heading: group.name
			? t('report.groupHeading', { number, name: group.name })
			: t('report.groupNumber', { number }),
		leadersHeading: t('report.leaders', { count: leaderCount }),
		leaders: names(ctx, group.leaderIds),
		membersHeading: t('report.members'),
		// By name: the order people were placed in says nothing.
		members: names(ctx, members).sort(ctx.collator.compare),
		memberCountLabel: t('report.participantCount', { count: members.length }),
		questions,
		emptyNote: questions.length > 0 ? '' : t('report.noSession'),
		reflection:
			reflectionBlocks.length > 0
				? { heading: t('report.reflection', { count: leaderCount }), blocks: reflectionBlocks }
				: null,
		reflections: ctx.includeReflections && session ? authoredReflections(ctx, session) : []
	};
}

/**
 * Each reflection under its title, else its author's ("Bertils refleksjon"); a name its author
 * kept out, or names left out of the report, give "A participant's reflection".
 */
export function authoredReflections(
	ctx: Pick<Context, 't' | 'lang' | 'named' | 'people'>,
	session: SessionState
): { heading: string; blocks: TextBlock[] }[] {
	return (session.reflections ?? []).map((r) => {
		const name =
			ctx.people.get(r.authorId)?.name ||
			session.participants.find((p) => p.id === r.authorId)?.name ||
			'';
		const heading =
			r.title ||
			(ctx.named && r.showName && name
				? ctx.t('report.reflectionOf', { owner: possessive(name, ctx.lang) })
				: ctx.t('report.reflectionAnonymous'));
		return { heading, blocks: textBlocks(r.text) };
	});
}

/** A name as owner: "Bertils", "Anders'", "Lars" (Swedish), "Anna's"; other languages name it plainly. */
export function possessive(name: string, lang: Language): string {
	const sibilant = /[sxz]$/i.test(name);
	switch (lang) {
		case 'nb':
		case 'da':
			return sibilant ? `${name}'` : `${name}s`;
		case 'sv':
			return sibilant ? name : `${name}s`;
		case 'en':
			return /s$/i.test(name) ? `${name}'` : `${name}'s`;
		default:
			return name;
	}
}

function plenumSection(ctx: Context): PlenumSection | null {
	const parts = ctx.source.rounds.flatMap((round, index) => {
		const blocks = textBlocks(round.plenumSummary);
		if (blocks.length === 0) return [];
		return [
			{ heading: round.title || ctx.t('report.roundFallback', { number: index + 1 }), blocks }
		];
	});
	if (parts.length === 0) return null;
	return { anchor: reportAnchors.plenum, heading: ctx.t('report.plenum'), parts };
}
