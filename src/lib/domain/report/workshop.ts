import { localeTags, type Translate } from '$lib/domain/languages';
import type { Language, SessionState } from '../session/types';
import {
	authoredReflections,
	formatDateRange,
	generatedLabel,
	reportLabels,
	type ContentsEntry,
	type ReportFrame,
	type ReportOptions,
	type TextSection
} from './model';
import {
	questionSection,
	questionsAsked,
	questionsThatRan,
	type QuestionSection
} from './questions';
import { textBlocks } from './text-blocks';

/** What a stand-alone workshop's report is built from. */
export interface WorkshopSource {
	/** The workshop's session as it stands: questions, notes, headings, ballots, reflection. */
	session: SessionState;
	/** The day it was held, yyyy-mm-dd, in the facilitator's time zone (see workshopStartedAt). */
	date: string;
}

/** Choices made when exporting a workshop; the conference's, less the glossary. */
export type WorkshopReportOptions = Omit<ReportOptions, 'glossary'>;

/** A stand-alone workshop's report: every renderer prints exactly this. */
export interface WorkshopReport extends ReportFrame {
	kind: 'workshop';
	/** Who took part; null when nobody joined. */
	participants: WorkshopParticipants | null;
	/** One chapter per question the workshop ran, a, b, … (none it never started). */
	questions: QuestionChapter[];
	/** Said when no question was started; '' otherwise. */
	emptyNote: string;
	/** The facilitator's reflection; null when empty or left out. */
	reflection: TextSection | null;
	/** Reflections by the workshop's people, each a chapter under its title or author's name. */
	reflections: TextSection[];
}

export interface WorkshopParticipants {
	/** Id of the chapter. */
	anchor: string;
	/** "Participants" in the report language. */
	heading: string;
	/** "3 participants". */
	totalLabel: string;
	/** Names sorted in the report language; empty when names are left out. */
	names: string[];
}

/** A question as a chapter of its own: the same section a conference group's question has. */
export interface QuestionChapter extends QuestionSection {
	/** Id of the chapter. */
	anchor: string;
	/** "a) The question", as printed over the chapter and in the contents. */
	heading: string;
}

/** Anchors of the workshop report's chapters. */
export const workshopAnchors = {
	participants: 'participants',
	reflection: 'reflection',
	reflectionNumber: (n: number) => `reflection-${n}`,
	question: (label: string) => `question-${label}`
} as const;

/** When the workshop was held: when its first note was written, else when it was created. */
export function workshopStartedAt(session: SessionState): number {
	const written = session.questions.flatMap((q) => q.notes.map((n) => n.createdAt));
	return written.length > 0 ? Math.min(...written) : session.createdAt;
}

/**
 * Builds a stand-alone workshop's report: title page, who took part, a chapter per question it
 * ran (its vote, prioritised items and other revealed notes, as a conference group's), and the
 * facilitator's reflection. Pure and deterministic, like buildReport.
 */
export function buildWorkshopReport(
	source: WorkshopSource,
	options: WorkshopReportOptions,
	translatorFor: (lang: Language) => Translate
): WorkshopReport {
	const { session } = source;
	const lang: Language = options.language ?? session.language;
	const t = translatorFor(lang);
	const named = options.includeNames ?? true;
	const ctx = { t, named, includeUnvotedNotes: options.includeUnvotedNotes ?? true };
	const collator = new Intl.Collator(localeTags[lang]);

	const present = session.participants.filter((p) => !p.removed);
	const participants: WorkshopParticipants | null =
		present.length > 0
			? {
					anchor: workshopAnchors.participants,
					heading: t('report.participants'),
					totalLabel: t('report.participantCount', { count: present.length }),
					names: named ? present.map((p) => p.name).sort(collator.compare) : []
				}
			: null;
	const questions = questionsThatRan(session).map((run) => {
		const section = questionSection(ctx, session, run);
		return {
			...section,
			anchor: workshopAnchors.question(run.label),
			heading: questionsAsked(section)
		};
	});
	const reflectionBlocks =
		(options.includeReflections ?? true) ? textBlocks(session.reflection) : [];
	const reflection: TextSection | null =
		reflectionBlocks.length > 0
			? {
					anchor: workshopAnchors.reflection,
					heading: t('report.reflection', { count: 1 }),
					blocks: reflectionBlocks
				}
			: null;

	const reflections: TextSection[] =
		(options.includeReflections ?? true)
			? authoredReflections({ t, lang, named, people: new Map() }, session).map((r, i) => ({
					anchor: workshopAnchors.reflectionNumber(i + 1),
					...r
				}))
			: [];

	const contents: ContentsEntry[] = [
		...(participants ? [participants] : []),
		...questions,
		...(reflection ? [reflection] : []),
		...reflections
	].map((chapter) => ({ anchor: chapter.anchor, title: chapter.heading, level: 1 }));

	return {
		kind: 'workshop',
		language: lang,
		locale: localeTags[lang],
		named,
		labels: reportLabels(t),
		titlePage: {
			organisation: '',
			documentLabel: t('report.workshop.documentLabel'),
			title: session.title,
			subtitle: '',
			placeAndDate: formatDateRange(lang, source.date, source.date),
			author: '',
			generated: generatedLabel(lang, t, options.generatedAt)
		},
		contents,
		participants,
		questions,
		emptyNote: questions.length > 0 ? '' : t('report.workshop.nothingRan'),
		reflection,
		reflections
	};
}
