import { languageNames, localeTags, type Translate } from '$lib/domain/languages';
import { closedResults, withheldReason } from '../session/ballots';
import { effectiveTopN, voteItems } from '../session/tally';
import type { ClosedVote, Language, QuestionRun, SessionState } from '../session/types';
import { countries } from '../conference/countries';
import type {
	LocalText,
	ProgrammeKind,
	ReportGroup,
	ReportParticipant,
	ReportRound,
	ReportSource
} from './source';
import { textBlocks, type TextBlock } from './text-blocks';

export type { TextBlock } from './text-blocks';

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
}

/** The conference report as structured data; every renderer prints exactly this. */
export interface Report {
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
	/** About the project and the conference; null when no text was given. */
	about: TextSection | null;
	/** Agenda by day; null when there is none. */
	programme: ProgrammeSection | null;
	/** Participants by country; null when there are none. */
	participants: ParticipantsSection | null;
	/** The glossary across languages; null when empty. */
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
	/** "Language help" in the report language. */
	heading: string;
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
	/** '' when the round has no overall theme. */
	theme: string;
	/** One row per group for the overview table. */
	table: GroupSummaryRow[];
	/** The groups, in their numbered order. */
	groups: GroupSection[];
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
	/** One section per question, a, b, … */
	questions: QuestionSection[];
	/** Said when the group has nothing to show (no session, no notes); '' otherwise. */
	emptyNote: string;
	/** null when empty or left out by the options. */
	reflection: { heading: string; blocks: TextBlock[] } | null;
}

export interface QuestionSection {
	/** a, b, … */
	label: string;
	/** The question as asked. */
	text: string;
	/** How the group voted, if it did. */
	vote: VoteSummary;
	/** Items that got points, best first (the domain tally's order). */
	prioritised: PrioritisedItem[];
	/** Revealed notes outside the prioritised items, in reveal order; null when left out. */
	otherNotes: ReportNote[] | null;
	/** "Other notes", or "Notes" when nothing was prioritised. */
	otherNotesHeading: string;
	/** Said when the question has no notes at all; '' otherwise. */
	emptyNote: string;
}

export interface VoteSummary {
	/**
	 * none: no ballots; open: vote not closed when the report was made (no tally is printed);
	 * closed: final; withheld: closed with too few ballots to print a tally that keeps each secret.
	 */
	status: 'none' | 'open' | 'closed' | 'withheld';
	/** Ballots counted. */
	ballots: number;
	/** Items each voter could rank (1st choice gets this many points). */
	topN: number;
	/** A sentence explaining the vote, in the report language. */
	summary: string;
}

export interface PrioritisedItem {
	/** 1-based; tied items share a rank. */
	rank: number;
	/** "2" or "2 (tie)". */
	rankLabel: string;
	/** Another item has the same points and voters. */
	tied: boolean;
	/** Borda points. */
	points: number;
	/** Ballots that ranked the item. */
	voters: number;
	/** The group's heading; null for a single note voted on by itself. */
	heading: string | null;
	/** Notes under the heading (or the single note), in the group's order. */
	notes: ReportNote[];
}

export interface ReportNote {
	/** Note id, unique within the conference's sessions. */
	id: string;
	/** The text as the group last saw it (after any corrections). */
	text: string;
	/** Author's name in named sessions when names are included; null when anonymous. */
	author: string | null;
	/** Heading the note sits under; null when ungrouped. */
	heading: string | null;
	/** 0-based position in the reveal. */
	revealIndex: number;
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
interface Context {
	lang: Language;
	t: Translate;
	collator: Intl.Collator;
	named: boolean;
	includeUnvotedNotes: boolean;
	includeReflections: boolean;
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

	const contents: ContentsEntry[] = [];
	for (const section of [about, programme, participants, languageHelp, introduction]) {
		if (section) contents.push({ anchor: section.anchor, title: section.heading, level: 1 });
	}
	for (const round of rounds) {
		contents.push({ anchor: round.anchor, title: round.heading, level: 1 });
		for (const group of round.groups) {
			contents.push({ anchor: group.anchor, title: group.heading, level: 2 });
		}
	}
	if (plenum) contents.push({ anchor: plenum.anchor, title: plenum.heading, level: 1 });

	return {
		language: lang,
		locale: localeTags[lang],
		named: ctx.named,
		labels: labels(t),
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

function labels(t: Translate): ReportLabels {
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
		author: t('report.column.author')
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

function titlePage(ctx: Context, generatedAt: string | undefined): TitlePage {
	const { conference } = ctx.source;
	const dates = conference.startDate
		? formatDateRange(ctx.lang, conference.startDate, conference.endDate || conference.startDate)
		: '';
	let generated = '';
	if (generatedAt) {
		const at = parseDate(generatedAt.slice(0, 10));
		generated = ctx.t('report.generated', {
			date: at ? dateFormat(ctx.lang, longDate).format(at) : generatedAt
		});
	}
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
							coordinator: p.coordinator ? ctx.t('report.coordinator') : ''
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
	if (glossary.length === 0) return null;
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
	return {
		anchor: reportAnchors.languageHelp,
		heading: ctx.t('report.languageHelp'),
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
	return {
		anchor: roundAnchor(number),
		number,
		heading: round.title || ctx.t('report.roundFallback', { number }),
		theme: round.theme,
		table: groups.map((g, index) => ({
			anchor: g.anchor,
			heading: g.heading,
			memberCount: memberIds(round.groups[index]!).length,
			leaders: g.leaders,
			questions: g.questions.map((q) => ({ label: q.label, text: q.text }))
		})),
		groups
	};
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
		? session.questions.map((run) => questionSection(ctx, session, run))
		: group.plannedQuestions.map((text, index) => plannedQuestion(ctx, text, index));
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
		emptyNote: session ? '' : t('report.noSession'),
		reflection:
			reflectionBlocks.length > 0
				? { heading: t('report.reflection', { count: leaderCount }), blocks: reflectionBlocks }
				: null
	};
}

function plannedQuestion(ctx: Context, text: string, index: number): QuestionSection {
	return {
		label: String.fromCharCode(97 + index),
		text,
		vote: { status: 'none', ballots: 0, topN: 0, summary: '' },
		prioritised: [],
		otherNotes: ctx.includeUnvotedNotes ? [] : null,
		otherNotesHeading: ctx.t('report.notes'),
		emptyNote: ''
	};
}

/**
 * The vote that counts for the report: the last closed one (while a revote is open, the one
 * before it). An open vote prints no tally: two reports a ballot apart could be compared.
 */
function countedVote(run: QuestionRun): { vote: ClosedVote | null; status: VoteSummary['status'] } {
	const open = run.ballots.length > 0 || run.closedVote !== null;
	switch (run.phase) {
		case 'results':
		case 'discuss':
			return closedStatus(run.closedVote);
		case 'vote':
		case 'revote':
			if (run.previousVote) return closedStatus(run.previousVote);
			return { vote: null, status: open ? 'open' : 'none' };
		default:
			// Before the vote there are no ballots (stepping back from the vote discards them).
			return { vote: null, status: 'none' };
	}
}

function closedStatus(vote: ClosedVote | null): {
	vote: ClosedVote | null;
	status: VoteSummary['status'];
} {
	if (!vote || vote.rankings.length === 0) return { vote: null, status: 'none' };
	return { vote, status: withheldReason(vote) === null ? 'closed' : 'withheld' };
}

function questionSection(ctx: Context, session: SessionState, run: QuestionRun): QuestionSection {
	const { t } = ctx;
	const authorNames = new Map(session.participants.map((p) => [p.id, p.name]));
	const showAuthors = ctx.named && !session.settings.anonymous;
	const headingOf = new Map<string, string>();
	for (const cluster of run.clusters) {
		for (const id of cluster.noteIds) headingOf.set(id, cluster.heading);
	}
	// Notes never revealed were private to their author and stay out of the report.
	const revealed = run.notes
		.filter((n) => n.revealIndex !== null)
		.sort((a, b) => a.revealIndex! - b.revealIndex!);
	const notes = new Map<string, ReportNote>(
		revealed.map((n) => [
			n.id,
			{
				id: n.id,
				text: n.text,
				author: showAuthors ? (authorNames.get(n.authorId) ?? null) : null,
				heading: headingOf.get(n.id) ?? null,
				revealIndex: n.revealIndex!
			}
		])
	);

	const { vote, status } = countedVote(run);
	const items = voteItems(run);
	const prioritised: PrioritisedItem[] = [];
	const inPrioritised = new Set<string>();
	if (status === 'closed') {
		for (const row of closedResults(run, vote) ?? []) {
			if (row.points === 0) continue;
			const itemNotes = row.noteIds.flatMap((id) => {
				const note = notes.get(id);
				return note ? [note] : [];
			});
			for (const id of row.noteIds) inPrioritised.add(id);
			prioritised.push({
				rank: row.rank,
				rankLabel: row.tied ? t('report.rankTied', { rank: row.rank }) : String(row.rank),
				tied: row.tied,
				points: row.points,
				voters: row.voters,
				heading: row.kind === 'cluster' ? row.label : null,
				notes: itemNotes
			});
		}
	}
	const topN = effectiveTopN(session.settings.topN, items.length);
	const summary =
		status === 'none'
			? revealed.length > 0
				? t('report.vote.none')
				: ''
			: t(`report.vote.${status}`, { count: vote?.rankings.length ?? 0, n: topN });
	const others = [...notes.values()].filter((n) => !inPrioritised.has(n.id));
	return {
		label: run.label,
		text: run.text,
		vote: { status, ballots: vote?.rankings.length ?? 0, topN, summary },
		prioritised,
		otherNotes: ctx.includeUnvotedNotes ? others : null,
		otherNotesHeading: prioritised.length > 0 ? t('report.otherNotes') : t('report.notes'),
		emptyNote: revealed.length === 0 ? t('report.noNotes') : ''
	};
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
