// The report's chapter "Across the groups": a round's confirmed themes with the groups that
// raised each and with what weight, and where the groups diverge. Read from the items the
// report itself prints as prioritised, so it never shows a tally the group sections withhold.
import { localeTags } from '$lib/domain/languages';
import { entryKey, type Divergence, type PerspectiveGroup } from '../synthesis/perspective';
import { perspectiveView } from '../synthesis/round-perspective';
import type { Context, GroupSection } from './model';
import type { PrioritisedItem } from './questions';
import type { ReportRound } from './source';

/** One group's item under a theme. */
export interface AcrossEntry {
	/** Its place in the group's priorities (1 for first). */
	rank: number;
	points: number;
	/** Its heading or note text, as the group's section prints it. */
	text: string;
	/** "1. Fast kontaktperson (9 points)" in the report language. */
	label: string;
}

/** A group's items under a theme; empty where the group never raised it. */
export interface AcrossCell {
	groupId: string;
	entries: AcrossEntry[];
}

export interface AcrossTheme {
	id: string;
	heading: string;
	/** How many groups raised it, and their points together. */
	groupCount: number;
	points: number;
	/** "2 of 4 groups". */
	raisedBy: string;
	/** One cell per group, in the round's order. */
	cells: AcrossCell[];
}

export interface AcrossSection {
	/** Id of the chapter (HTML id, DOCX bookmark). */
	anchor: string;
	/** "Across the groups". */
	heading: string;
	/** What the chapter holds: the confirmed themes, or why there are none. */
	intro: string;
	/** The organiser confirmed the round's themes: only then are themes reported. */
	confirmed: boolean;
	/** The round's groups, in its order: the map's columns. */
	groups: { id: string; label: string }[];
	/** "Raised by": the column saying how many groups raised a theme. */
	raisedByHeading: string;
	/** The confirmed themes still holding an item, in the organiser's order. */
	themes: AcrossTheme[];
	/** "Where the groups diverge". */
	divergencesHeading: string;
	/** One sentence per divergence, in the themes' order. */
	divergences: string[];
	/** Said when confirmed themes show no divergence; '' otherwise. */
	noDivergences: string;
	/** The map as a figure: its title and its description for screen readers. */
	figure: { title: string; description: string };
}

/** The text an item goes by: its heading, or the note voted on by itself. */
function itemText(item: PrioritisedItem): string {
	return item.heading ?? item.notes.map((n) => n.text).join(' ');
}

/**
 * The chapter of a round, and its group sections with each prioritised item's theme filled in
 * (for the CSV). Themes the organiser has not confirmed are no finding: none are reported.
 */
export function acrossSection(
	ctx: Pick<Context, 't' | 'lang'>,
	round: ReportRound,
	groups: GroupSection[],
	roundAnchor: string,
	roundHeading: string
): { groups: GroupSection[]; section: AcrossSection } {
	const { t } = ctx;
	const mapGroups: PerspectiveGroup[] = round.groups.map((group, index) => ({
		id: group.id,
		label: group.name || t('report.groupNumber', { number: index + 1 }),
		items: groups[index]!.questions.flatMap((q) =>
			q.prioritised.map((item) => ({
				id: item.key,
				text: itemText(item),
				rank: item.rank,
				points: item.points
			}))
		)
	}));
	const stored = round.themes ?? null;
	const confirmed = stored !== null && stored.confirmedAt !== null;
	const view = perspectiveView(mapGroups, confirmed ? stored.themes : []);
	const labels = new Map(view.groups.map((g) => [g.id, g.label]));
	const headings = new Map(view.themes.map((theme) => [theme.id, theme.heading]));
	const themeOf = new Map(
		view.themes.flatMap((theme) =>
			theme.columns.flatMap((c) => c.items.map((item) => [item.key, theme.heading] as const))
		)
	);
	const list = new Intl.ListFormat(localeTags[ctx.lang], { type: 'conjunction' });
	// Groups in the round's order, not by id: ids are tokens a copy of the conference makes anew.
	const places = new Map(view.groups.map((g, index) => [g.id, index]));
	const place = (groupId: string) => places.get(groupId) ?? Infinity;
	const themePlaces = new Map(view.themes.map((theme, index) => [theme.id, index]));
	const sentence = (d: Divergence): string => {
		const theme = headings.get(d.themeId) ?? '';
		const group = labels.get(d.groupId) ?? d.groupId;
		if (d.kind === 'one-group') return t('report.across.oneGroup', { group, theme });
		const missing = list.format(
			[...d.missing].sort((a, b) => place(a) - place(b)).map((id) => labels.get(id) ?? id)
		);
		// Finnish and Icelandic verbs agree with how many groups never raised it.
		return d.missing.length === 1
			? t('report.across.firstNotRaisedByOne', { group, theme, missing })
			: t('report.across.firstNotRaisedBySeveral', { group, theme, missing });
	};
	const themes: AcrossTheme[] = view.themes.map((theme) => ({
		id: theme.id,
		heading: theme.heading,
		groupCount: theme.groups,
		points: theme.points,
		raisedBy: t('report.across.raisedBy', { groups: theme.groups, count: view.groups.length }),
		cells: theme.columns.map((c) => ({
			groupId: c.groupId,
			entries: c.items.map((item) => ({
				rank: item.rank,
				points: item.points,
				text: item.text,
				label: t('report.across.entry', { rank: item.rank, text: item.text, count: item.points })
			}))
		}))
	}));
	const divergences = [...view.divergences]
		.sort(
			(a, b) =>
				themePlaces.get(a.themeId)! - themePlaces.get(b.themeId)! ||
				Number(a.kind === 'one-group') - Number(b.kind === 'one-group') ||
				place(a.groupId) - place(b.groupId)
		)
		.map(sentence);
	const withThemes = groups.map((group, index) => ({
		...group,
		questions: group.questions.map((q) => ({
			...q,
			prioritised: q.prioritised.map((item) => ({
				...item,
				theme: themeOf.get(entryKey({ groupId: round.groups[index]!.id, itemId: item.key })) ?? null
			}))
		}))
	}));
	return {
		groups: withThemes,
		section: {
			anchor: `${roundAnchor}-across`,
			heading: t('report.across.heading'),
			intro: !confirmed
				? t('report.across.notConfirmed')
				: themes.length > 0
					? t('report.across.intro')
					: t('report.across.nothing'),
			confirmed,
			groups: view.groups,
			raisedByHeading: t('report.across.raisedByColumn'),
			themes,
			divergencesHeading: t('report.across.divergences'),
			divergences,
			noDivergences:
				themes.length > 0 && divergences.length === 0 ? t('report.across.noDivergences') : '',
			figure: {
				title: t('report.across.figureTitle', { round: roundHeading }),
				description: t('report.across.figureDescription')
			}
		}
	};
}
