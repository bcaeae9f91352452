// A round's perspective map as pages show it: each group's prioritised items (read from the
// sessions' public results, as the plenum screen reads them) and the themes with their items' texts.
import { shownGroups } from '../conference/grouping';
import { groupingOf, groupsOf, type ConferenceState } from '../conference/state';
import { groupNameIn } from '../conference/views';
import { answeredWithFirst } from '../session/commands';
import type { Language, SessionState } from '../session/types';
import { screenView } from '../session/views';
import {
	divergences,
	entryKey,
	type Divergence,
	type PerspectiveGroup,
	type Theme
} from './perspective';

/**
 * Each group of the round that has people, named in `lang`, with the items its closed votes
 * gave points to, question by question (an item's id is its question's id and its tally id).
 */
export function perspectiveGroupsOf(
	state: ConferenceState,
	roundId: string,
	lang: Language,
	session: (sessionId: string) => SessionState | null
): PerspectiveGroup[] {
	const shown = new Set(shownGroups(groupingOf(state, roundId)).map((g) => g.id));
	return groupsOf(state, roundId)
		.filter((g) => shown.has(g.id))
		.map((group) => {
			const s = group.sessionId ? session(group.sessionId) : null;
			const view = s ? screenView(s) : null;
			const items = (view?.runs ?? []).flatMap((run, i) => {
				const question = s!.questions[i]!;
				if (answeredWithFirst(s!, question)) return [];
				return (run.results ?? [])
					.filter((row) => row.points > 0)
					.map((row) => ({
						id: `${question.id}:${row.itemId}`,
						text: row.label,
						rank: row.rank,
						points: row.points
					}));
			});
			return { id: group.id, label: groupNameIn(state, group, lang), items };
		});
}

/** One group's items under a theme, with their texts as the group's results show them now. */
export interface ThemeColumn {
	groupId: string;
	label: string;
	items: { key: string; text: string; rank: number; points: number }[];
}

/** A theme as pages show it: every group in the round's order, empty where it never raised it. */
export interface ThemeView {
	id: string;
	heading: string;
	columns: ThemeColumn[];
	/** How many groups raised it, and their points together. */
	groups: number;
	points: number;
}

/** The map as pages show it. */
export interface PerspectiveView {
	groups: { id: string; label: string }[];
	themes: ThemeView[];
	divergences: Divergence[];
}

/**
 * Joins themes with the groups' items: an entry whose item is gone (its note deleted, its
 * vote reopened) is left out, and so is a theme left with no entry.
 */
export function perspectiveView(
	groups: readonly PerspectiveGroup[],
	themes: readonly Theme[]
): PerspectiveView {
	const texts = new Map(
		groups.flatMap((g) =>
			g.items.map((item) => [entryKey({ groupId: g.id, itemId: item.id }), item])
		)
	);
	const views = themes.flatMap((theme): ThemeView[] => {
		const present = theme.entries.filter((e) => texts.has(entryKey(e)));
		if (present.length === 0) return [];
		const columns = groups.map((g) => ({
			groupId: g.id,
			label: g.label,
			items: present
				.filter((e) => e.groupId === g.id)
				.map((e) => {
					const key = entryKey(e);
					return { key, text: texts.get(key)!.text, rank: e.rank, points: e.points };
				})
		}));
		return [
			{
				id: theme.id,
				heading: theme.heading,
				columns,
				groups: columns.filter((c) => c.items.length > 0).length,
				points: present.reduce((sum, e) => sum + e.points, 0)
			}
		];
	});
	const kept = views.map((v) => ({
		id: v.id,
		heading: v.heading,
		entries: v.columns.flatMap((c) =>
			c.items.map((item) => ({
				groupId: c.groupId,
				itemId: item.key.slice(c.groupId.length + 1),
				rank: item.rank,
				points: item.points
			}))
		)
	}));
	return {
		groups: groups.map((g) => ({ id: g.id, label: g.label })),
		themes: views,
		divergences: divergences(
			groups.map((g) => g.id),
			kept
		)
	};
}

/** The theme the plenum screen presents, with its place in the confirmed map. */
export interface PlenumTheme extends ThemeView {
	/** 0-based, among the themes still holding an item. */
	index: number;
	count: number;
}

/**
 * What the plenum screen shows of the round's confirmed themes: the one the organiser presents,
 * in the conference's language; null when it presents a group, the overview or nothing.
 */
export function plenumThemeOf(
	state: ConferenceState,
	session: (sessionId: string) => SessionState | null
): PlenumTheme | null {
	const { conference } = state;
	const roundId = conference.plenumRoundId;
	const map = roundId ? state.themes[roundId] : undefined;
	if (!roundId || !map || map.confirmedAt === null || map.presenting === null) return null;
	if (conference.plenumGroupId !== null) return null;
	const groups = perspectiveGroupsOf(state, roundId, conference.language, session);
	const { themes } = perspectiveView(groups, map.themes);
	const index = themes.findIndex((t) => t.id === map.presenting);
	return index < 0 ? null : { ...themes[index]!, index, count: themes.length };
}
