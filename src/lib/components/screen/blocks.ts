/**
 * What a screen lays out, block by block, for PagedColumns: headings, notes, vote items and
 * ranked rows, each with a stable key and the heading it belongs to.
 */
import type { VoteItem } from '$lib/domain/session/tally';
import type { ClusterView, ResultRow, RevealedNoteView } from '$lib/domain/session/views';

export type ScreenBlock =
	| {
			kind: 'heading';
			key: string;
			text: string;
			/** A question over its results (not a heading the group wrote). */
			question?: boolean;
			/** A sub-heading, under the heading before it. */
			sub?: boolean;
			group: null;
	  }
	| { kind: 'text'; key: string; text: string; group: string | null }
	| {
			kind: 'note';
			key: string;
			noteId: string;
			text: string;
			author: string | null;
			group: string | null;
			/** Entered for the group as a whole (named sessions only, as the view says). */
			byGroup?: true;
			/** Under a sub-heading: drawn indented like it. */
			sub?: boolean;
	  }
	| { kind: 'item'; key: string; item: VoteItem; group: null }
	| {
			kind: 'row';
			key: string;
			row: ResultRow;
			/** The most points in the row's list: that bar fills its track. */
			max: number;
			notes: string[] | null;
			group: string | null;
	  };

const noteBlock = (note: RevealedNoteView, group: string | null): ScreenBlock => ({
	kind: 'note',
	key: `n:${note.id}`,
	noteId: note.id,
	text: note.text,
	author: note.author,
	group,
	...(note.byGroup ? { byGroup: true as const } : {})
});

/** Revealed notes in reveal order. */
export function noteBlocks(notes: readonly RevealedNoteView[]): ScreenBlock[] {
	return notes.map((note) => noteBlock(note, null));
}

/**
 * Notes under their headings, each heading's sub-headings after its own notes, then the notes
 * under none (with a heading of their own when there are headings). `prefix` keeps keys apart
 * when several boards share one layout.
 */
export function boardBlocks(
	notes: readonly RevealedNoteView[],
	clusters: readonly ClusterView[],
	ungrouped: string,
	prefix = ''
): ScreenBlock[] {
	const byId = new Map(notes.map((n) => [n.id, n]));
	const grouped = new Set(clusters.flatMap((c) => c.noteIds));
	const blocks: ScreenBlock[] = [];
	const group = (key: string, text: string, members: RevealedNoteView[], sub = false) => {
		blocks.push(
			sub
				? { kind: 'heading', key, text, sub, group: null }
				: { kind: 'heading', key, text, group: null }
		);
		for (const note of members)
			blocks.push({
				...noteBlock(note, key),
				key: `${prefix}n:${note.id}`,
				...(sub ? { sub } : {})
			});
	};
	const membersOf = (cluster: ClusterView) => cluster.noteIds.flatMap((id) => byId.get(id) ?? []);
	for (const cluster of clusters) {
		if (cluster.parentId !== undefined) continue;
		group(`${prefix}c:${cluster.id}`, cluster.heading, membersOf(cluster));
		for (const sub of clusters.filter((c) => c.parentId === cluster.id))
			group(`${prefix}c:${sub.id}`, sub.heading, membersOf(sub), true);
	}
	const loose = notes.filter((n) => !grouped.has(n.id));
	if (clusters.length === 0)
		blocks.push(
			...loose.map((note) => ({ ...noteBlock(note, null), key: `${prefix}n:${note.id}` }))
		);
	else if (loose.length > 0) group(`${prefix}loose`, ungrouped, loose);
	return blocks;
}

/** Items to rank, in their fixed order. */
export function voteBlocks(items: readonly VoteItem[]): ScreenBlock[] {
	return items.map((item) => ({ kind: 'item', key: item.id, item, group: null }));
}

/** Ranked rows; the notes under each heading are listed when `notes` is given. */
export function resultBlocks(
	rows: readonly ResultRow[],
	notes: ReadonlyMap<string, string> | null,
	group: string | null = null,
	prefix = ''
): ScreenBlock[] {
	const max = Math.max(0, ...rows.map((r) => r.points));
	return rows.map((row) => ({
		kind: 'row',
		key: `${prefix}${row.itemId}`,
		row,
		max,
		notes: notes && row.kind === 'cluster' ? row.noteIds.map((id) => notes.get(id) ?? '') : null,
		group
	}));
}
