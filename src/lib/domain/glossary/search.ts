import { languages } from '../session/types';
import { foldText, isAsciiOnly, looseSkeleton } from '../fold';
import type { Glossary, GlossaryConcept, Language } from './types';

/** How a query matched a text. */
export type SearchMatchKind = 'exact' | 'prefix' | 'word-prefix' | 'substring' | 'fuzzy';

/** One concept found by a search, with the best way it matched. */
export interface GlossarySearchHit {
	/** The concept found. */
	concept: GlossaryConcept;
	/** Where the best match is: a term, the explanation or the notes. */
	field: 'term' | 'explanation' | 'notes';
	/** Language of the best match. */
	language: Language;
	/** The matching term, when field is 'term'. */
	term?: string;
	/** How the query matched: whole term, start, start of a word, anywhere, or with one or two typos. */
	kind: SearchMatchKind;
	/** Matched only after folding away accents and Nordic letters (fortidspension → førtidspension). */
	loose: boolean;
}

/** Search options. */
export interface GlossarySearchOptions {
	/** At most this many hits (default: all). */
	limit?: number;
}

interface IndexedText {
	language: Language;
	field: GlossarySearchHit['field'];
	/** The term, for term entries. */
	term?: string;
	/** Position of the term in its language's list; 0 = preferred; explanations count as 0. */
	termIndex: number;
	folded: string;
	loose: string;
}

interface IndexedConcept {
	concept: GlossaryConcept;
	position: number;
	texts: IndexedText[];
}

// Folding every term and explanation once per glossary object; glossaries are not mutated in place.
const indexCache = new WeakMap<Glossary, IndexedConcept[]>();

function indexGlossary(glossary: Glossary): IndexedConcept[] {
	const cached = indexCache.get(glossary);
	if (cached) return cached;
	const index = glossary.map((concept, position) => {
		const texts: IndexedText[] = [];
		for (const language of languages) {
			concept.terms[language]?.forEach((term, termIndex) => {
				texts.push({
					language,
					field: 'term',
					term,
					termIndex,
					folded: foldText(term),
					loose: looseSkeleton(term)
				});
			});
			for (const field of ['explanation', 'notes'] as const) {
				const text = concept[field]?.[language];
				if (text) {
					texts.push({
						language,
						field,
						termIndex: 0,
						folded: foldText(text),
						loose: looseSkeleton(text)
					});
				}
			}
		}
		return { concept, position, texts };
	});
	indexCache.set(glossary, index);
	return index;
}

const kindRank: Record<SearchMatchKind, number> = {
	exact: 0,
	prefix: 1,
	'word-prefix': 2,
	substring: 3,
	fuzzy: 4
};

function plainKind(text: string, query: string): SearchMatchKind | null {
	if (text === query) return 'exact';
	if (text.startsWith(query)) return 'prefix';
	const at = text.indexOf(query);
	if (at < 0) return null;
	// A word starts after any non-letter: "coach" in "job coach", "kontor" in "NAV-kontor".
	for (let i = at; i >= 0; i = text.indexOf(query, i + 1)) {
		if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!)) return 'word-prefix';
	}
	return 'substring';
}

/** Whether some substring of the text is within max edits of the query (Sellers' algorithm). */
function withinDistance(text: string, query: string, max: number): boolean {
	let previous = Array.from({ length: query.length + 1 }, (_, j) => j);
	if (query.length <= max) return true;
	for (let i = 1; i <= text.length; i++) {
		// A match may start anywhere in the text, so the first column stays 0.
		const current = [0];
		for (let j = 1; j <= query.length; j++) {
			const cost = text[i - 1] === query[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		if (current[query.length]! <= max) return true;
		previous = current;
	}
	return false;
}

/** Typos allowed for a query of this length: none for short queries, where they find everything. */
function typoBudget(length: number): number {
	if (length >= 10) return 2;
	if (length >= 5) return 1;
	return 0;
}

interface Scored {
	hit: GlossarySearchHit;
	key: number[];
}

function score(
	entry: IndexedText,
	kind: SearchMatchKind,
	loose: boolean,
	reader: Language
): number[] {
	return [
		kind === 'fuzzy' ? 1 : 0,
		entry.field === 'term' ? 0 : 1,
		entry.language === reader ? 0 : 1,
		loose ? 1 : 0,
		kindRank[kind],
		entry.termIndex
	];
}

function compareKeys(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) {
		const d = a[i]! - b[i]!;
		if (d !== 0) return d;
	}
	return 0;
}

/**
 * Searches terms, explanations and notes in every language, case-insensitively; ö/ø and ä/æ count
 * as the same letter. A query typed without Nordic letters also matches loosely (fortidspension
 * finds førtidspension), and queries of five letters or more tolerate a typo (forstidspension).
 *
 * Ranking, deterministic: exact and loose matches before typo matches; then term matches before
 * explanation and note matches; within those, matches in the reader's language first; then plain
 * before loose; then whole term, start of term, start of a word, anywhere; then preferred terms;
 * then glossary order.
 */
export function searchGlossary(
	glossary: Glossary,
	query: string,
	reader: Language,
	options: GlossarySearchOptions = {}
): GlossarySearchHit[] {
	const folded = foldText(query).replace(/\s+/g, ' ').trim();
	if (folded === '') return [];
	// Someone who typed ø meant ø; only an ASCII query may stand for Nordic letters.
	const loose = isAsciiOnly(folded) ? looseSkeleton(folded) : null;
	const budget = typoBudget(loose?.length ?? folded.length);

	const scored: (Scored & { position: number })[] = [];
	for (const { concept, position, texts } of indexGlossary(glossary)) {
		let best: Scored | null = null;
		const better = (entry: IndexedText, kind: SearchMatchKind, isLoose: boolean): Scored | null => {
			const key = score(entry, kind, isLoose, reader);
			if (best && compareKeys(key, best.key) >= 0) return best;
			const hit: GlossarySearchHit = {
				concept,
				field: entry.field,
				language: entry.language,
				kind,
				loose: isLoose
			};
			if (entry.term !== undefined) hit.term = entry.term;
			return { key, hit };
		};
		for (const entry of texts) {
			const kind = plainKind(entry.folded, folded);
			if (kind) best = better(entry, kind, false);
			else if (loose) {
				const looseKind = plainKind(entry.loose, loose);
				if (looseKind) best = better(entry, looseKind, true);
			}
		}
		if (!best && budget > 0) {
			// Typos only in terms: explanations are long enough to match almost anything loosely.
			const q = loose ?? looseSkeleton(folded);
			for (const entry of texts) {
				if (entry.field !== 'term') continue;
				if (withinDistance(entry.loose, q, budget)) best = better(entry, 'fuzzy', true);
			}
		}
		if (best) scored.push({ ...best, position });
	}
	scored.sort((a, b) => compareKeys(a.key, b.key) || a.position - b.position);
	const hits = scored.map((s) => s.hit);
	return options.limit !== undefined ? hits.slice(0, Math.max(0, options.limit)) : hits;
}
