import { headingNoteIds } from './clusters';
import type { Ballot, QuestionRun } from './types';

/** Something people vote on: a heading with its notes, or a note not under any heading. */
export interface VoteItem {
	/** c:<clusterId> or n:<noteId>. */
	id: string;
	kind: 'cluster' | 'note';
	/** Cluster heading, or the note's text. */
	label: string;
	/** Notes the item stands for (one for a single note). */
	noteIds: string[];
}

export function clusterItemId(clusterId: string): string {
	return `c:${clusterId}`;
}

export function noteItemId(noteId: string): string {
	return `n:${noteId}`;
}

/**
 * The items of a run, in a fixed order: headings with at least one note in their order,
 * then revealed notes not under a heading in reveal order. A sub-heading is never an item:
 * its notes count for the heading it is under.
 */
export function voteItems(run: QuestionRun): VoteItem[] {
	// Made once per notes and headings and shared by all who ask (each ballot, each viewer's
	// view of one state, the close): no caller changes them.
	const known = itemsMade.get(run.notes);
	if (known?.clusters === run.clusters) return known.items;
	const items = makeVoteItems(run);
	itemsMade.set(run.notes, { clusters: run.clusters, items });
	return items;
}

const itemsMade = new WeakMap<
	QuestionRun['notes'],
	{ clusters: QuestionRun['clusters']; items: VoteItem[] }
>();

function makeVoteItems(run: QuestionRun): VoteItem[] {
	const byId = new Map(run.notes.map((n) => [n.id, n]));
	const grouped = new Set<string>();
	const items: VoteItem[] = [];
	for (const cluster of run.clusters) {
		if (cluster.parentId !== undefined) continue;
		const noteIds = headingNoteIds(run.clusters, cluster).filter(
			(id) => byId.get(id)?.revealIndex != null
		);
		for (const id of noteIds) grouped.add(id);
		if (noteIds.length > 0) {
			items.push({
				id: clusterItemId(cluster.id),
				kind: 'cluster',
				label: cluster.heading,
				noteIds
			});
		}
	}
	const loose = run.notes
		.filter((n) => n.revealIndex !== null && !grouped.has(n.id))
		.sort((a, b) => a.revealIndex! - b.revealIndex!);
	for (const note of loose) {
		items.push({ id: noteItemId(note.id), kind: 'note', label: note.text, noteIds: [note.id] });
	}
	return items;
}

/** Ranks a voter may fill: top-N, or fewer when there are fewer items. */
export function effectiveTopN(topN: number, itemCount: number): number {
	return Math.max(0, Math.min(topN, itemCount));
}

/** Borda points for a position (0 = first choice). */
export function pointsFor(position: number, n: number): number {
	return position < n ? n - position : 0;
}

export interface TallyRow {
	itemId: string;
	points: number;
	/** Ballots that ranked this item at all. */
	voters: number;
	/** 1-based; tied items share a rank (1, 2, 2, 4). */
	rank: number;
	/** Another item has the same points and voters. */
	tied: boolean;
}

/**
 * Borda tally: 1st choice = N points … Nth = 1, N = effective top-N. Items are ordered by points,
 * then by number of voters; items equal on both are tied and keep their item order, so the
 * result is the same for the same ballots whatever order they were cast in. Ballot entries that
 * are not current items, repeats and positions past N are ignored.
 */
export function tally(
	items: VoteItem[],
	ballots: readonly Pick<Ballot, 'ranking'>[],
	topN: number
): TallyRow[] {
	const n = effectiveTopN(topN, items.length);
	const rows = new Map(
		items.map((item, order) => [item.id, { itemId: item.id, points: 0, voters: 0, order }])
	);
	for (const ballot of ballots) {
		const seen = new Set<string>();
		let position = 0;
		for (const itemId of ballot.ranking) {
			const row = rows.get(itemId);
			if (!row || seen.has(itemId)) continue;
			seen.add(itemId);
			if (position >= n) break;
			row.points += pointsFor(position, n);
			row.voters += 1;
			position++;
		}
	}
	const sorted = [...rows.values()].sort(
		(a, b) => b.points - a.points || b.voters - a.voters || a.order - b.order
	);
	return sorted.map((row, index) => {
		const same = (other: typeof row | undefined) =>
			other !== undefined && other.points === row.points && other.voters === row.voters;
		let rank = index + 1;
		for (let i = index - 1; i >= 0 && same(sorted[i]); i--) rank = i + 1;
		return {
			itemId: row.itemId,
			points: row.points,
			voters: row.voters,
			rank,
			tied: same(sorted[index - 1]) || same(sorted[index + 1])
		};
	});
}
