import { headingNoteIds } from './clusters';
import { tally, voteItems, type TallyRow, type VoteItem } from './tally';
import type { ClosedVote, QuestionRun } from './types';

/**
 * Secret ballots. The adversary is a person: the facilitator sees the console and the screen and
 * knows the ballots they entered; a participant sees their phone and the screen and knows their
 * own ballot. Each also remembers every tally shown and so every difference of two tallies.
 *
 * The rule that keeps every single ballot unknown to each of them:
 * - a tally is shown only for a closed vote (never while ballots can still change), and closing
 *   drops who voted what;
 * - a closed vote's tally is shown only when it holds at least three ballots and not exactly one
 *   cast from a phone: every participant then has at least two ballots in it that are not
 *   theirs, and the facilitator at least two they did not enter (or none at all);
 * - a ballot is cast on the list of items of its vote: when an item goes while ballots wait
 *   (a removed person's notes deleted during the vote, or notes regrouped or deleted before a
 *   withheld vote reopens), those ballots are void, since one that ranked only what went would
 *   add nothing and the rest could be told apart; a tally that loses a row after the close (its
 *   note deleted) is withheld from then on, as whether enough ballots still count toward what is
 *   left depends on what they ranked, and so would the choice to show it;
 * - reopening a vote whose tally was shown starts a new vote (its ballots are discarded);
 *   reopening one whose tally was withheld carries its ballots over, and those who voted cannot
 *   vote again. So no ballot is ever in two shown tallies, and shown tallies never overlap.
 * Each shown tally is then a sum over at least two ballots unknown to each person, over ballots
 * no other shown tally contains: no combination of tallies isolates one person's ballot.
 * (People who pool their ballots, or a facilitator voting through phones of their own, are
 * outside this promise: no count can tell them apart from a real group.)
 */
export const minimumBallotsForResults = 3;

/** Why a closed vote's tally is not shown; null when it is. */
export type WithheldReason = 'too_few' | 'one_phone' | 'notes_deleted';

export function withheldReason(run: QuestionRun, vote: ClosedVote): WithheldReason | null {
	const count = vote.rankings.length;
	if (count < minimumBallotsForResults) return 'too_few';
	if (count - vote.entered === 1) return 'one_phone';
	// Whether ballots still count toward what is left would depend on what they ranked: not asked.
	if (lostRows(run, vote)) return 'notes_deleted';
	return null;
}

/** Whether a note that had a row in the closed tally has been deleted since. */
function lostRows(run: QuestionRun, vote: ClosedVote): boolean {
	const notes = new Set(run.notes.map((n) => n.id));
	return vote.tally.some((row) => row.heading === null && !notes.has(row.itemId.slice(2)));
}

function compareRankings(a: string[], b: string[]): number {
	const x = JSON.stringify(a);
	const y = JSON.stringify(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Closes the open vote of a run: its ballots, with any carried over from a withheld close,
 * become one closed vote without voters, its tally fixed with the current items and top-N.
 */
export function closeVote(run: QuestionRun, topN: number): ClosedVote {
	const carried = run.closedVote;
	const rankings = [...(carried?.rankings ?? []), ...run.ballots.map((b) => [...b.ranking])].sort(
		compareRankings
	);
	const items = voteItems(run);
	const headings = new Map(items.map((i) => [i.id, i.kind === 'cluster' ? i.label : null]));
	return {
		rankings,
		entered: (carried?.entered ?? 0) + run.ballots.filter((b) => b.byFacilitator).length,
		voterIds: [...(carried?.voterIds ?? []), ...run.ballots.map((b) => b.voterId)].sort(),
		tally: tally(
			items,
			rankings.map((ranking) => ({ ranking })),
			topN
		).map((row) => ({
			...row,
			heading: headings.get(row.itemId) ?? null
		}))
	};
}

/** Whether a run's voting closed with a shown tally (reopening it then starts a new vote). */
export function resultsShown(run: QuestionRun): boolean {
	return run.closedVote !== null && withheldReason(run, run.closedVote) === null;
}

/**
 * Whether reopening the vote keeps the closed vote's ballots: only when its tally was withheld
 * and the items are still those its ballots were cast on.
 */
export function carriesOver(run: QuestionRun): boolean {
	if (!run.closedVote || resultsShown(run)) return false;
	const now = voteItems(run).map((i) => i.id);
	const then = new Set(run.closedVote.tally.map((row) => row.itemId));
	return now.length === then.size && now.every((id) => then.has(id));
}

/**
 * A run after notes went (a removed person's): ballots waiting for the close are void once an
 * item they could rank has gone, since one that ranked only what went would add nothing.
 */
export function voidBallotsIfItemsWent(before: QuestionRun, after: QuestionRun): QuestionRun {
	if (after.phase !== 'vote' && after.phase !== 'revote') return after;
	const left = new Set(voteItems(after).map((i) => i.id));
	if (voteItems(before).every((i) => left.has(i.id))) return after;
	return { ...after, ballots: [], closedVote: null };
}

/** People who have voted in the vote now open, including ballots carried over from a withheld close. */
export function votersOf(run: QuestionRun): string[] {
	return [...(run.closedVote?.voterIds ?? []), ...run.ballots.map((b) => b.voterId)];
}

/** A tally row with what it stands for. */
export interface ResultRow extends TallyRow {
	kind: VoteItem['kind'];
	label: string;
	noteIds: string[];
}

/**
 * A closed vote's tally as fixed at the close, labelled with today's headings and note texts
 * (typo fixes show); null when withheld, as it is once a note with a row of its own is deleted.
 */
export function closedResults(run: QuestionRun, vote: ClosedVote | null): ResultRow[] | null {
	if (!vote || withheldReason(run, vote) !== null) return null;
	const items = new Map(voteItems(run).map((i) => [i.id, i]));
	const notes = new Map(run.notes.map((n) => [n.id, n]));
	const clusters = new Map(run.clusters.map((c) => [`c:${c.id}`, c]));
	return vote.tally.flatMap(({ heading, ...row }) => {
		const item = items.get(row.itemId);
		if (item) return [{ ...row, kind: item.kind, label: item.label, noteIds: item.noteIds }];
		if (heading === null) {
			const note = notes.get(row.itemId.slice(2));
			return note ? [{ ...row, kind: 'note' as const, label: note.text, noteIds: [note.id] }] : [];
		}
		const cluster = clusters.get(row.itemId);
		const noteIds = (cluster ? headingNoteIds(run.clusters, cluster) : []).filter((id) =>
			notes.has(id)
		);
		return [{ ...row, kind: 'cluster' as const, label: cluster?.heading ?? heading, noteIds }];
	});
}
