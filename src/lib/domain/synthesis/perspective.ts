// The perspective map of a round: themes that run across its groups' prioritised items, found with
// suggestClusters' machinery, and where the groups diverge. Pure and deterministic: groups and
// items are sorted by id first, so the input's order never changes the map.
import type { Language } from '../glossary/types';
import { suggestClusters, type SuggestOptions } from './suggest';

/** One prioritised item of a group (a heading with its notes, or a note of its own). */
export interface PerspectiveItem {
	/** Unique within its group (across its questions). */
	id: string;
	/** Its heading or note text. */
	text: string;
	/** 1 for the group's first priority; tied items share a rank. */
	rank: number;
	points: number;
	/** Its writers' language where known; otherwise it is detected. */
	language?: Language;
}

/** One group of the round: its stakeholder role or country, and its prioritised items. */
export interface PerspectiveGroup {
	id: string;
	/** Its name: the stakeholder role or country it stands for. */
	label: string;
	items: PerspectiveItem[];
}

/** One group's item under a theme. */
export interface ThemeEntry {
	groupId: string;
	itemId: string;
	rank: number;
	points: number;
}

/** A theme across groups: a heading and the items that belong to it. */
export interface Theme {
	/** Stable: made from the key of its first entry when the theme was made. */
	id: string;
	heading: string;
	/** Sorted by group id, then rank, then item id. */
	entries: ThemeEntry[];
}

/** Where groups diverge on a theme. */
export type Divergence =
	/** `groupId` ranked the theme first; `missing` never raised it. */
	| { kind: 'first-not-raised'; themeId: string; groupId: string; missing: string[] }
	/** Only `groupId` raised the theme. */
	| { kind: 'one-group'; themeId: string; groupId: string };

/** The proposed map: themes, most groups first, and the divergences. */
export interface PerspectiveMap {
	themes: Theme[];
	divergences: Divergence[];
}

/** The longest heading a theme may have. */
export const themeHeadingMax = 120;

/** One key for an item across the round (group ids are tokens without '/'). */
export function entryKey(entry: { groupId: string; itemId: string }): string {
	return `${entry.groupId}/${entry.itemId}`;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Entries in their one order: by group, then rank, then item. */
export function sortEntries(entries: readonly ThemeEntry[]): ThemeEntry[] {
	return [...entries].sort(
		(a, b) => byKey(a.groupId, b.groupId) || a.rank - b.rank || byKey(a.itemId, b.itemId)
	);
}

/** A heading cut to the limit at a word where it can be, marked with an ellipsis. */
export function shortHeading(text: string): string {
	const flat = text.replace(/\s+/gu, ' ').trim();
	const chars = [...flat];
	if (chars.length <= themeHeadingMax) return flat;
	const cut = chars.slice(0, themeHeadingMax - 1).join('');
	const space = cut.lastIndexOf(' ');
	return `${(space > themeHeadingMax / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const groupsRaising = (theme: Theme): Set<string> => new Set(theme.entries.map((e) => e.groupId));
const totalPoints = (theme: Theme): number => theme.entries.reduce((sum, e) => sum + e.points, 0);

/** Themes in their one order: raised by most groups, then most points, then id. */
export function orderThemes(themes: readonly Theme[]): Theme[] {
	return [...themes].sort(
		(a, b) =>
			groupsRaising(b).size - groupsRaising(a).size ||
			totalPoints(b) - totalPoints(a) ||
			byKey(a.id, b.id)
	);
}

/**
 * Where the groups diverge: a theme one group ranked first that others never raised, and a
 * theme only one group raised (when the round has more than one group).
 */
export function divergences(groupIds: readonly string[], themes: readonly Theme[]): Divergence[] {
	const groups = [...new Set(groupIds)].sort(byKey);
	if (groups.length < 2) return [];
	const found: Divergence[] = [];
	for (const theme of themes) {
		const raising = groupsRaising(theme);
		const missing = groups.filter((id) => !raising.has(id));
		const first = [...new Set(theme.entries.filter((e) => e.rank === 1).map((e) => e.groupId))];
		if (missing.length > 0)
			for (const groupId of first.sort(byKey))
				found.push({ kind: 'first-not-raised', themeId: theme.id, groupId, missing });
		if (raising.size === 1)
			found.push({ kind: 'one-group', themeId: theme.id, groupId: [...raising][0]! });
	}
	return found;
}

/**
 * Proposes the themes of a round: items of any group that share glossary concepts, stems or
 * similar headings go together; an item that fits nowhere is a theme of its own.
 */
export function perspectiveMap(
	groups: readonly PerspectiveGroup[],
	options: SuggestOptions
): PerspectiveMap {
	const entries = new Map<string, ThemeEntry & { text: string }>();
	const notes = [...groups]
		.sort((a, b) => byKey(a.id, b.id))
		.flatMap((group) =>
			[...group.items]
				.sort((a, b) => byKey(a.id, b.id))
				.map((item) => {
					const entry = { groupId: group.id, itemId: item.id, rank: item.rank };
					const key = entryKey(entry);
					entries.set(key, { ...entry, points: item.points, text: item.text });
					return { id: key, text: item.text, language: item.language };
				})
		);
	const clustered = new Set<string>();
	const themes: Theme[] = [];
	const themeOf = (keys: readonly string[], heading: string): Theme => {
		const members = sortEntries(keys.map((key) => entries.get(key)!));
		// The heading falls back on the text of the item with most points.
		const top = [...members].sort(
			(a, b) => b.points - a.points || byKey(entryKey(a), entryKey(b))
		)[0]!;
		return {
			id: [...keys].sort(byKey)[0]!,
			heading: shortHeading(heading || entries.get(entryKey(top))!.text),
			entries: members.map(({ groupId, itemId, rank, points }) => ({
				groupId,
				itemId,
				rank,
				points
			}))
		};
	};
	for (const cluster of suggestClusters(notes, options)) {
		cluster.noteIds.forEach((key) => clustered.add(key));
		themes.push(themeOf(cluster.noteIds, cluster.heading));
	}
	for (const key of entries.keys()) if (!clustered.has(key)) themes.push(themeOf([key], ''));
	const ordered = orderThemes(themes);
	return {
		themes: ordered,
		divergences: divergences(
			groups.map((g) => g.id),
			ordered
		)
	};
}
