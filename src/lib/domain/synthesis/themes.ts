// The organiser's themes of a round: the proposed map confirmed, renamed, merged or split. Pure:
// each edit returns a new map or a refusal, and the clock comes in as `now`.
import { refuse, type DomainError } from '../errors';
import { charCount, cleanText } from '../text';
import {
	entryKey,
	shortHeading,
	sortEntries,
	themeHeadingMax,
	type PerspectiveGroup,
	type Theme
} from './perspective';

/** A round's themes as the organiser made them: what the plenum walks through and the report reads. */
export interface RoundThemes {
	roundId: string;
	/** In the organiser's order: raised by most groups first, merged and split ones in place. */
	themes: Theme[];
	/** When the organiser confirmed them; null while they are still being worked on. */
	confirmedAt: number | null;
	/** The theme the plenum screen presents; null when it presents none. */
	presenting: string | null;
	updatedAt: number;
}

/** One change the organiser makes to a round's themes. */
export type ThemeEdit =
	| { kind: 'confirm' }
	| { kind: 'rename'; themeId: string; heading: string }
	/** Moves every entry of `themeId` into `intoThemeId`, which keeps its heading. */
	| { kind: 'merge'; themeId: string; intoThemeId: string }
	/** Moves the entries named by `entryKeys` out of `themeId` into a new theme. */
	| { kind: 'split'; themeId: string; entryKeys: string[]; heading: string }
	/** Drops the organiser's work: the proposal is taken afresh. */
	| { kind: 'reset' };

/** How many themes and entries a round's map may hold, and the longest id. */
export const themeLimits = { themes: 500, entries: 2000, idChars: 300 } as const;

type Edited = { ok: true; value: RoundThemes | null } | { ok: false; error: DomainError };

const refused = (...args: Parameters<typeof refuse>): Edited => ({
	ok: false,
	error: refuse(...args)
});

/** A heading cleaned and checked: one line, not empty, within the limit. */
export function checkedHeading(
	raw: string
): { ok: true; value: string } | { ok: false; error: DomainError } {
	const heading = cleanText(raw, { multiline: false });
	if (heading === '') return { ok: false, error: refuse('empty', { field: 'heading' }) };
	const length = charCount(heading);
	if (length > themeHeadingMax)
		return {
			ok: false,
			error: refuse('too_long', { field: 'heading', max: themeHeadingMax, length })
		};
	return { ok: true, value: heading };
}

/**
 * Whether a proposal fits the round: entries of its groups only, each item in one theme, ids
 * and sizes within the limits.
 */
export function validProposal(themes: readonly Theme[], groupIds: readonly string[]): boolean {
	const groups = new Set(groupIds);
	const seen = new Set<string>();
	const ids = new Set<string>();
	if (themes.length > themeLimits.themes) return false;
	for (const theme of themes) {
		if (ids.has(theme.id) || theme.id.length > themeLimits.idChars) return false;
		if (theme.entries.length === 0 || !checkedHeading(theme.heading).ok) return false;
		ids.add(theme.id);
		for (const entry of theme.entries) {
			const key = entryKey(entry);
			if (!groups.has(entry.groupId) || seen.has(key) || key.length > themeLimits.idChars)
				return false;
			if (!Number.isInteger(entry.rank) || !Number.isFinite(entry.points)) return false;
			seen.add(key);
		}
	}
	return seen.size <= themeLimits.entries;
}

/** A new theme's id: the first of its entries' keys no theme has, else that key made unique. */
export function freshThemeId(keys: readonly string[], taken: ReadonlySet<string>): string {
	const sorted = [...keys].sort();
	const free = sorted.find((key) => !taken.has(key));
	if (free !== undefined) return free;
	let id = sorted[0]!;
	while (taken.has(id)) id += '+';
	return id;
}

/**
 * Applies one edit to a round's themes (`current`, or the `proposal` when the organiser has not
 * touched them yet). Answers the new map, or null when it is reset.
 */
export function editThemes(
	current: RoundThemes | null,
	proposal: { roundId: string; themes: Theme[] },
	edit: ThemeEdit,
	now: number
): Edited {
	if (edit.kind === 'reset') return { ok: true, value: null };
	const base: RoundThemes = current ?? {
		roundId: proposal.roundId,
		themes: proposal.themes,
		confirmedAt: null,
		presenting: null,
		updatedAt: now
	};
	const changed = (themes: Theme[], extra: Partial<RoundThemes> = {}): Edited => ({
		ok: true,
		value: { ...base, themes, updatedAt: now, ...extra }
	});
	// A round whose groups prioritised nothing may be confirmed too: the plenum and report say so.
	if (edit.kind === 'confirm') return changed(base.themes, { confirmedAt: now });
	const theme = base.themes.find((t) => t.id === edit.themeId);
	if (!theme) return refused('not_found');
	switch (edit.kind) {
		case 'rename': {
			const heading = checkedHeading(edit.heading);
			if (!heading.ok) return heading;
			return changed(base.themes.map((t) => (t === theme ? { ...t, heading: heading.value } : t)));
		}
		case 'merge': {
			const into = base.themes.find((t) => t.id === edit.intoThemeId);
			if (!into) return refused('not_found');
			if (into === theme) return refused('invalid_payload', { field: 'intoThemeId' });
			const merged = { ...into, entries: sortEntries([...into.entries, ...theme.entries]) };
			return changed(
				base.themes.filter((t) => t !== theme).map((t) => (t === into ? merged : t)),
				base.presenting === theme.id ? { presenting: into.id } : {}
			);
		}
		case 'split': {
			const heading = checkedHeading(edit.heading || theme.heading);
			if (!heading.ok) return heading;
			const moving = new Set(edit.entryKeys);
			const moved = theme.entries.filter((e) => moving.has(entryKey(e)));
			const kept = theme.entries.filter((e) => !moving.has(entryKey(e)));
			if (moved.length !== moving.size) return refused('not_found');
			if (moved.length === 0 || kept.length === 0) return refused('theme_split_empty');
			const id = freshThemeId(moved.map(entryKey), new Set(base.themes.map((t) => t.id)));
			const split: Theme = { id, heading: heading.value, entries: moved };
			return changed(
				base.themes.flatMap((t) => (t === theme ? [{ ...t, entries: kept }, split] : [t]))
			);
		}
	}
}

/** Sets what the plenum presents: a theme of the confirmed map, or none. */
export function presentTheme(
	current: RoundThemes | null,
	themeId: string | null,
	now: number
): Edited {
	if (!current || current.confirmedAt === null) return refused('wrong_phase');
	if (themeId !== null && !current.themes.some((t) => t.id === themeId))
		return refused('not_found');
	return { ok: true, value: { ...current, presenting: themeId, updatedAt: now } };
}

/** A text's words, lower-cased, for telling where a heading came from. */
function wordsOf(text: string): Set<string> {
	return new Set(text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

const within = (words: ReadonlySet<string>, text: string): boolean => {
	const of = wordsOf(text);
	return words.size > 0 && [...words].every((w) => of.has(w));
};

/**
 * The themes with no heading taken from a text that is gone (a deleted note, an erased
 * person's): a heading copied from such a text, or made of its words alone, becomes the text of
 * the theme's remaining item with most points; a theme with no item left goes. `groups` are the
 * round's groups as they are now. Answers null when nothing changes.
 */
export function forgetTexts(
	current: RoundThemes,
	gone: readonly string[],
	groups: readonly PerspectiveGroup[],
	now: number
): RoundThemes | null {
	const goneHeadings = new Set(gone.map(shortHeading));
	const items = new Map(
		groups.flatMap((g) =>
			g.items.map((item) => [entryKey({ groupId: g.id, itemId: item.id }), item] as const)
		)
	);
	let changed = false;
	const themes = current.themes.flatMap((theme): Theme[] => {
		const present = theme.entries
			.flatMap((e) => {
				const item = items.get(entryKey(e));
				return item ? [{ ...e, text: item.text }] : [];
			})
			.sort((a, b) => b.points - a.points || (entryKey(a) < entryKey(b) ? -1 : 1));
		const words = wordsOf(theme.heading);
		const fromGone =
			goneHeadings.has(theme.heading) ||
			(gone.some((text) => within(words, text)) &&
				!present.some((entry) => within(words, entry.text)));
		if (!fromGone) return [theme];
		changed = true;
		const top = present[0];
		return top ? [{ ...theme, heading: shortHeading(top.text) }] : [];
	});
	if (!changed) return null;
	const presenting = themes.some((t) => t.id === current.presenting) ? current.presenting : null;
	return { ...current, themes, presenting, updatedAt: now };
}
