import type { Translate } from '$lib/domain/languages';
import { closedResults, withheldReason } from '../session/ballots';
import { answeredWithFirst } from '../session/commands';
import { effectiveTopN, voteItems } from '../session/tally';
import type { ClosedVote, QuestionRun, SessionState } from '../session/types';
import { textBlocks, type TextBlock } from './text-blocks';

/** What building a question's section needs from the report being made. */
export interface QuestionContext {
	t: Translate;
	/** Names are printed: authors of notes in named sessions. */
	named: boolean;
	/** List notes that got no points. */
	includeUnvotedNotes: boolean;
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
	/** The group's discussion of the question, printed after its notes; null when none. */
	discussion: { heading: string; blocks: TextBlock[] } | null;
	/** Later questions answered in this same list (one list for all questions); empty otherwise. */
	together: { label: string; text: string }[];
	/** Says the questions were answered in one list; '' otherwise. */
	togetherNote: string;
}

export { questionsAsked } from '../session/questions-asked';

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
	/** The item across the group's questions: its question's id and its tally id. */
	key: string;
	/** The round's confirmed theme it falls under; null for none. */
	theme: string | null;
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
	/** Heading the note sits under (for a note under a sub-heading, its heading); null when none. */
	heading: string | null;
	/** 0-based position in the reveal. */
	revealIndex: number;
	/** Entered by the facilitator for the group as a whole: nobody's. */
	byGroup: boolean;
	/** Sub-heading the note sits under, within `heading`; null when directly under the heading. */
	subheading: string | null;
}

/** A heading's notes split by sub-heading, in order: its own notes (subheading null) first. */
export function bySubheading(
	notes: readonly ReportNote[]
): { subheading: string | null; notes: ReportNote[] }[] {
	const parts: { subheading: string | null; notes: ReportNote[] }[] = [];
	for (const note of notes) {
		const last = parts.at(-1);
		if (last && last.subheading === note.subheading) last.notes.push(note);
		else parts.push({ subheading: note.subheading, notes: [note] });
	}
	return parts;
}

/** "Heading › Sub-heading", or the heading alone: where a note sits, on one line. */
export function placeOf(note: ReportNote): string | null {
	if (note.heading === null) return null;
	return note.subheading === null ? note.heading : `${note.heading} › ${note.subheading}`;
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
			return closedStatus(run, run.closedVote);
		case 'vote':
		case 'revote':
			if (run.previousVote) return closedStatus(run, run.previousVote);
			return { vote: null, status: open ? 'open' : 'none' };
		default:
			// Before the vote there are no ballots (stepping back from the vote discards them).
			return { vote: null, status: 'none' };
	}
}

function closedStatus(
	run: QuestionRun,
	vote: ClosedVote | null
): {
	vote: ClosedVote | null;
	status: VoteSummary['status'];
} {
	if (!vote || vote.rankings.length === 0) return { vote: null, status: 'none' };
	return { vote, status: withheldReason(run, vote) === null ? 'closed' : 'withheld' };
}

/** The section of one question: its vote, its prioritised items and its other revealed notes. */
export function questionSection(
	ctx: QuestionContext,
	session: SessionState,
	run: QuestionRun
): QuestionSection {
	const { t } = ctx;
	const authorNames = new Map(session.participants.map((p) => [p.id, p.name]));
	const showAuthors = ctx.named && !session.settings.anonymous;
	const headingOf = new Map<string, string>();
	const subheadingOf = new Map<string, string>();
	const clusterById = new Map(run.clusters.map((c) => [c.id, c]));
	for (const cluster of run.clusters) {
		const parent = cluster.parentId === undefined ? undefined : clusterById.get(cluster.parentId);
		for (const id of cluster.noteIds) {
			headingOf.set(id, parent?.heading ?? cluster.heading);
			if (parent) subheadingOf.set(id, cluster.heading);
		}
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
				author: !showAuthors
					? null
					: n.authorId === null
						? t('report.theGroup')
						: (authorNames.get(n.authorId) ?? null),
				heading: headingOf.get(n.id) ?? null,
				revealIndex: n.revealIndex!,
				byGroup: n.authorId === null,
				subheading: subheadingOf.get(n.id) ?? null
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
				key: `${run.id}:${row.itemId}`,
				theme: null,
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
			: t(`report.vote.${status}`, { count: vote?.rankings.length ?? 0 });
	// Each number has its own plural: the voters, then the items each could rank.
	const ranking = status === 'closed' ? ` ${t('report.voteRanking', { count: topN })}` : '';
	const others = [...notes.values()].filter((n) => !inPrioritised.has(n.id));
	const together =
		run.id === session.questions[0]!.id
			? session.questions
					.filter((q) => answeredWithFirst(session, q))
					.map((q) => ({ label: q.label, text: q.text }))
			: [];
	return {
		label: run.label,
		text: run.text,
		vote: { status, ballots: vote?.rankings.length ?? 0, topN, summary: summary + ranking },
		prioritised,
		otherNotes: ctx.includeUnvotedNotes ? others : null,
		otherNotesHeading: prioritised.length > 0 ? t('report.otherNotes') : t('report.notes'),
		emptyNote: revealed.length === 0 ? t('report.noNotes') : '',
		discussion: discussionOf(ctx, run),
		together,
		togetherNote: together.length > 0 ? t('report.answeredTogether') : ''
	};
}

function discussionOf(ctx: QuestionContext, run: QuestionRun): QuestionSection['discussion'] {
	const blocks = textBlocks(run.discussion ?? '');
	return blocks.length > 0 ? { heading: ctx.t('report.discussion'), blocks } : null;
}

/**
 * The questions a session has run, in order: a question still in its lobby was never started
 * and has nothing to report, so it gets no heading of its own.
 */
export function questionsThatRan(session: SessionState): QuestionRun[] {
	return session.questions.filter((run) => run.phase !== 'lobby');
}
