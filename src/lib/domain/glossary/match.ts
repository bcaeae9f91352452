import { foldText, foldWithMap, gapPattern, originalIndex, wordPattern } from '../fold';
import { acronymSuffixes, stemsOf, suffixesFor, type Stem } from './inflection';
import type { Glossary, Language } from './types';

/** A glossary term found in a text. */
export interface GlossaryMatch {
	/** The concept the term belongs to. */
	conceptId: string;
	/** The glossary term that matched, as the glossary writes it ("saksbehandler"). */
	term: string;
	/** Languages whose term list has this term ("region" is Swedish, Danish and English). */
	languages: readonly Language[];
	/** Offset of the first UTF-16 unit in the original text. */
	start: number;
	/** Offset just past the match in the original text. */
	end: number;
	/** The matched text as written ("saksbehandlerne", "NAV"). */
	text: string;
}

/** A piece of a note: plain text, or a glossary term the UI marks (always rendered as text). */
export type GlossarySegment =
	| {
			/** Plain text, shown as is. */
			kind: 'text';
			/** The text. */
			text: string;
	  }
	| {
			/** A glossary term. */
			kind: 'term';
			/** The text as written in the note. */
			text: string;
			/** The concept, for looking up its terms in the reader's language. */
			conceptId: string;
			/** The glossary term that matched. */
			term: string;
			/** Languages whose term list has this term. */
			languages: readonly Language[];
	  };

interface WordRule {
	/** Folded stems this word may start with. */
	stems: Stem[];
	/** Written in capitals in the glossary (NAV, TE): must be capitals (or Nav) in the text. */
	acronym: boolean;
	/** Endings that may follow the stem. */
	suffixes: ReadonlySet<string>;
}

interface TermRule {
	conceptIndex: number;
	conceptId: string;
	term: string;
	languages: Language[];
	words: WordRule[];
	/** Position among all compiled terms: the last tie-break. */
	order: number;
}

interface TrieNode {
	next: Map<number, TrieNode>;
	/** Terms whose first word has a stem ending at this node. */
	ends: { rule: TermRule; stem: Stem }[];
}

/** A glossary compiled for matching; build once with compileGlossary, use for every note. */
export interface GlossaryMatcher {
	/** Number of concepts with at least one marked term. */
	readonly conceptCount: number;
	/** Number of distinct terms the matcher looks for. */
	readonly termCount: number;
	/** Internal: a trie over the folded first words of all terms. */
	readonly root: TrieNode;
}

const vowels = new Set('aeiouyæøåáéíóúý'.split(''));

function isAcronym(word: string): boolean {
	return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function splitWords(text: string): string[] {
	return [...text.normalize('NFC').matchAll(wordPattern)].map((m) => m[0]);
}

function addStem(stems: Stem[], stem: Stem): void {
	const same = stems.find((s) => s.text === stem.text);
	if (!same) stems.push({ ...stem });
	else if (!stem.needsSuffix || !stem.needsVowelSuffix) {
		// The same stem from another term or form: keep the most permissive reading.
		same.needsSuffix &&= stem.needsSuffix;
		same.needsVowelSuffix &&= stem.needsVowelSuffix;
	}
}

// Shared endings per set of languages: the Finnish set alone has thousands of entries.
const unions = new WeakMap<ReadonlySet<string>, Map<Language, ReadonlySet<string>>>();
const emptySuffixes: ReadonlySet<string> = new Set();

function unionSuffixes(current: ReadonlySet<string>, language: Language): ReadonlySet<string> {
	const own = suffixesFor(language);
	if (current === emptySuffixes || current === own) return own;
	let byLanguage = unions.get(current);
	if (!byLanguage) unions.set(current, (byLanguage = new Map()));
	let union = byLanguage.get(language);
	if (!union) byLanguage.set(language, (union = new Set([...current, ...own])));
	return union;
}

/**
 * Compiles a glossary for matching. Terms in `unmarked` are left out; `forms` add stems.
 * Deterministic: the same glossary always gives the same matcher.
 */
export function compileGlossary(glossary: Glossary): GlossaryMatcher {
	const rules = new Map<string, TermRule>();
	glossary.forEach((concept, conceptIndex) => {
		const unmarked = new Set(concept.unmarked ?? []);
		for (const [language, terms] of Object.entries(concept.terms) as [Language, string[]][]) {
			for (const term of terms) {
				if (unmarked.has(term)) continue;
				const written = splitWords(term);
				if (written.length === 0) continue;
				// Same spelling in several languages (region, förtidspension/førtidspension): one rule.
				const key = `${conceptIndex}\u0000${written.map((w) => (isAcronym(w) ? w : foldText(w))).join(' ')}`;
				let rule = rules.get(key);
				if (!rule) {
					rule = {
						conceptIndex,
						conceptId: concept.id,
						term,
						languages: [],
						words: written.map((w) => ({
							stems: [],
							acronym: isAcronym(w),
							suffixes: emptySuffixes
						})),
						order: rules.size
					};
					rules.set(key, rule);
				}
				if (!rule.languages.includes(language)) rule.languages.push(language);
				const variants = [written, ...(concept.forms?.[term] ?? []).map(splitWords)];
				for (const variant of variants) {
					if (variant.length !== written.length) continue;
					variant.forEach((word, i) => {
						const target = rule.words[i]!;
						const folded = foldText(word);
						const stems = target.acronym
							? [{ text: folded, needsSuffix: false, needsVowelSuffix: false }]
							: stemsOf(folded, language);
						for (const stem of stems) addStem(target.stems, stem);
						// One- and two-letter words (the a of a-kassa) take no endings: "an", "at" are words.
						if (target.acronym) target.suffixes = acronymSuffixes;
						else if (folded.length >= 3) target.suffixes = unionSuffixes(target.suffixes, language);
					});
				}
			}
		}
	});

	const root: TrieNode = { next: new Map(), ends: [] };
	const concepts = new Set<number>();
	for (const rule of rules.values()) {
		concepts.add(rule.conceptIndex);
		for (const stem of rule.words[0]!.stems) {
			let node = root;
			for (let i = 0; i < stem.text.length; i++) {
				const code = stem.text.charCodeAt(i);
				let child = node.next.get(code);
				if (!child) {
					child = { next: new Map(), ends: [] };
					node.next.set(code, child);
				}
				node = child;
			}
			node.ends.push({ rule, stem });
		}
	}
	return { conceptCount: concepts.size, termCount: rules.size, root };
}

interface Token {
	start: number;
	end: number;
}

interface Candidate {
	rule: TermRule;
	start: number;
	end: number;
	/** Letters matched by endings rather than stems: fewer means a closer match. */
	suffixLength: number;
}

/** Checks one word: does the token, from the stem's end, carry an allowed ending? */
function wordFits(
	word: WordRule,
	stem: Stem,
	text: string,
	folded: ReturnType<typeof foldWithMap>,
	token: Token
): boolean {
	const stemEnd = token.start + stem.text.length;
	if (stemEnd === token.end) {
		if (stem.needsSuffix) return false;
	} else {
		const ending = folded.text.slice(stemEnd, token.end);
		if (!word.suffixes.has(ending)) return false;
		if (stem.needsVowelSuffix && !vowels.has(ending[0]!)) return false;
	}
	if (word.acronym) {
		// NAV, NAVs, Nav-kontoret: yes; navn, "te" (tea), "se" (see): no.
		const written = text.slice(originalIndex(folded, token.start), originalIndex(folded, stemEnd));
		const upper = written.toUpperCase();
		if (written !== upper) {
			const titleCase =
				written.length >= 3 &&
				written[0] === upper[0] &&
				written.slice(1) === written.slice(1).toLowerCase();
			if (!titleCase) return false;
		}
	}
	return true;
}

/** The shortest ending with which the token matches the word, or -1. */
function fitWord(
	word: WordRule,
	text: string,
	folded: ReturnType<typeof foldWithMap>,
	token: Token
): number {
	let best = -1;
	for (const stem of word.stems) {
		if (stem.text.length > token.end - token.start) continue;
		if (!folded.text.startsWith(stem.text, token.start)) continue;
		if (!wordFits(word, stem, text, folded, token)) continue;
		const ending = token.end - token.start - stem.text.length;
		if (best === -1 || ending < best) best = ending;
	}
	return best;
}

function collectCandidates(matcher: GlossaryMatcher, text: string): Candidate[] {
	const folded = foldWithMap(text);
	const f = folded.text;
	const tokens: Token[] = [];
	for (const m of f.matchAll(wordPattern))
		tokens.push({ start: m.index, end: m.index + m[0].length });

	const candidates: Candidate[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		let node: TrieNode | undefined = matcher.root;
		for (let p = token.start; p < token.end; p++) {
			node = node.next.get(f.charCodeAt(p));
			if (!node) break;
			for (const { rule, stem } of node.ends) {
				const first = rule.words[0]!;
				if (!wordFits(first, stem, text, folded, token)) continue;
				let suffixLength = token.end - p - 1;
				let last = i;
				for (let w = 1; w < rule.words.length; w++) {
					const next = tokens[i + w];
					if (!next || !gapPattern.test(f.slice(tokens[i + w - 1]!.end, next.start))) {
						last = -1;
						break;
					}
					const ending = fitWord(rule.words[w]!, text, folded, next);
					if (ending < 0) {
						last = -1;
						break;
					}
					suffixLength += ending;
					last = i + w;
				}
				if (last < 0) continue;
				candidates.push({
					rule,
					start: originalIndex(folded, token.start),
					end: originalIndex(folded, tokens[last]!.end),
					suffixLength
				});
			}
		}
	}
	return candidates;
}

/**
 * Finds glossary terms in a text, case-insensitively, on word boundaries, with common endings.
 * Overlaps resolve deterministically: the longest match wins, then the earliest, then the one
 * with the shorter ending, then the concept that comes first in the glossary.
 * Returns non-overlapping matches in text order.
 */
export function findTerms(matcher: GlossaryMatcher, text: string): GlossaryMatch[] {
	if (text.length === 0) return [];
	const candidates = collectCandidates(matcher, text);
	if (candidates.length === 0) return [];
	candidates.sort(
		(a, b) =>
			b.end - b.start - (a.end - a.start) ||
			a.start - b.start ||
			a.suffixLength - b.suffixLength ||
			a.rule.conceptIndex - b.rule.conceptIndex ||
			a.rule.order - b.rule.order
	);
	const accepted: Candidate[] = [];
	for (const c of candidates) {
		if (accepted.every((a) => c.end <= a.start || c.start >= a.end)) accepted.push(c);
	}
	accepted.sort((a, b) => a.start - b.start);
	return accepted.map((c) => ({
		conceptId: c.rule.conceptId,
		term: c.rule.term,
		languages: c.rule.languages,
		start: c.start,
		end: c.end,
		text: text.slice(c.start, c.end)
	}));
}

/** Cuts a text into plain and term segments; joining every segment's text gives the text back. */
export function segmentText(matcher: GlossaryMatcher, text: string): GlossarySegment[] {
	const segments: GlossarySegment[] = [];
	let at = 0;
	for (const m of findTerms(matcher, text)) {
		if (m.start > at) segments.push({ kind: 'text', text: text.slice(at, m.start) });
		segments.push({
			kind: 'term',
			text: m.text,
			conceptId: m.conceptId,
			term: m.term,
			languages: m.languages
		});
		at = m.end;
	}
	if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
	return segments;
}
