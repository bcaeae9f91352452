// Suggested groupings for the clarify phase: notes that share glossary concepts and word stems
// go together. Pure and deterministic: notes are sorted by id first, ties resolve by id.
import { foldText, wordPattern } from '../fold';
import { conceptById } from '../glossary/glossary';
import { compileGlossary, findTerms, type GlossaryMatcher } from '../glossary/match';
import { conceptName } from '../glossary/reader';
import type { Glossary, Language } from '../glossary/types';
import { detectLanguage } from './language';
import { isStopWord, scandinavianKey, stemWord } from './stem';

/** A note to group. */
export interface SynthesisNote {
	/** The note's id. */
	id: string;
	/** What the note says. */
	text: string;
	/** Its author's language where known; otherwise it is detected. */
	language?: Language;
}

/** What suggestClusters needs besides the notes. */
export interface SuggestOptions {
	/** The conference glossary: all terms of one concept, in every language, count as one word. */
	glossary: Glossary;
	/** The reader's language: headings use its glossary terms. */
	reader: Language;
	/** The languages the group writes in, to narrow detection; all six when absent or empty. */
	languages?: readonly Language[];
}

/** One suggested heading with its notes. */
export interface SuggestedCluster {
	/** A short heading, in the reader's language where the glossary has the term. */
	heading: string;
	/** The notes under it, sorted by id. */
	noteIds: string[];
}

/** The engine's knobs; the benchmark switches parts off to measure what each adds. */
export interface SynthesisSettings {
	/** Merge clusters while their average similarity is at least this (cosine of TF-IDF). */
	threshold: number;
	/** Weight of a glossary concept relative to a word stem. */
	conceptWeight: number;
	/** Weight of each part of a split compound ("kontakt" + "person"). */
	compoundWeight: number;
	/** Match glossary concepts. */
	glossary: boolean;
	/** Stem words (off: the folded word itself). */
	stemming: boolean;
	/** Split compounds into parts the group's other notes use, and glossary terms at their end. */
	compounds: boolean;
	/** One key for a stem across Norwegian, Swedish and Danish spellings. */
	scandinavian: boolean;
	/** Match only glossary terms of languages a writer of the note's language reads. */
	readableTerms: boolean;
}

/** The settings suggestClusters uses, chosen on the tuning set only. */
export const defaultSettings: SynthesisSettings = {
	threshold: 0.15,
	conceptWeight: 3,
	compoundWeight: 0.5,
	glossary: true,
	stemming: true,
	compounds: true,
	scandinavian: true,
	readableTerms: true
};

const scandinavian: readonly Language[] = ['nb', 'sv', 'da'];

// Terms a note in a language may use: Scandinavians write each other's words and English ones,
// Finland's Swedish speakers write Swedish, Icelanders write Scandinavian in a mixed room.
const readableTerms: Readonly<Record<Language, readonly Language[]>> = {
	nb: [...scandinavian, 'en'],
	sv: [...scandinavian, 'en'],
	da: [...scandinavian, 'en'],
	is: ['is', ...scandinavian, 'en'],
	fi: ['fi', 'sv', 'en'],
	en: ['en']
};

interface Word {
	/** The folded word as written (a compound's part: that part; a glossary term: empty). */
	folded: string;
	/** Its token. */
	token: string;
}

/** A note as tokens with weights. */
export interface NoteTokens {
	id: string;
	/** Token → weight before IDF; concepts are "c:<id>", stems "s:<stem>". */
	weights: Map<string, number>;
	/** Surface forms of each stem token, for headings. */
	surfaces: Map<string, string[]>;
}

const matchers = new WeakMap<Glossary, GlossaryMatcher>();

function matcherFor(glossary: Glossary): GlossaryMatcher {
	let matcher = matchers.get(glossary);
	if (!matcher) matchers.set(glossary, (matcher = compileGlossary(glossary)));
	return matcher;
}

function byKey(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function add(weights: Map<string, number>, token: string, weight: number): void {
	weights.set(token, (weights.get(token) ?? 0) + weight);
}

function stemToken(word: string, language: Language, settings: SynthesisSettings): string {
	if (!settings.stemming) return `s:${word}`;
	const stem = stemWord(word, language);
	return `s:${settings.scandinavian && scandinavian.includes(language) ? scandinavianKey(stem) : stem}`;
}

function conceptInWord(matcher: GlossaryMatcher, part: string): string | undefined {
	const match = findTerms(matcher, part)[0];
	return match && match.start === 0 && match.end === part.length ? match.conceptId : undefined;
}

// Linking letters between compound parts: arbeid-s-giver, kontakt-person, barn-e-hage.
const linkingLetters = ['s', 'e', ''];

/** A glossary term that makes up the start of a compound ("jobbspesialist-rollen"), longest first. */
function conceptAtStart(matcher: GlossaryMatcher, text: string): string | undefined {
	for (let i = text.length - 4; i >= 4; i -= 1) {
		const part = text.slice(0, i);
		const conceptId =
			conceptInWord(matcher, part) ??
			(part.endsWith('s') ? conceptInWord(matcher, part.slice(0, -1)) : undefined);
		if (conceptId) return conceptId;
	}
	return undefined;
}

/**
 * The parts of a compound: a glossary term at its start or end, or else a split where both parts
 * are words the group's notes use (with a linking s or e: "arbeid-s-plass", "kontakt-person").
 */
function compoundParts(
	word: Word,
	vocabulary: ReadonlySet<string>,
	matcher: GlossaryMatcher | undefined,
	tokenOf: (part: string) => string
): Word[] {
	const text = word.folded;
	const parts: Word[] = [];
	const modifierConcept = matcher ? conceptAtStart(matcher, text) : undefined;
	if (modifierConcept) parts.push({ folded: '', token: `c:${modifierConcept}` });
	for (let i = 3; i <= text.length - 4; i += 1) {
		const head = text.slice(i);
		const conceptId = matcher ? conceptInWord(matcher, head) : undefined;
		if (conceptId) return [...parts, { folded: '', token: `c:${conceptId}` }];
		if (modifierConcept) continue;
		const headToken = tokenOf(head);
		if (!vocabulary.has(headToken) || headToken === word.token) continue;
		for (const link of linkingLetters) {
			const modifier = text.slice(0, i);
			if (link && !modifier.endsWith(link)) continue;
			const bare = link ? modifier.slice(0, -link.length) : modifier;
			const modifierToken = tokenOf(bare);
			if (bare.length >= 3 && vocabulary.has(modifierToken)) {
				return [
					{ folded: bare, token: modifierToken },
					{ folded: head, token: headToken }
				];
			}
		}
	}
	return parts;
}

/** Turns notes into weighted tokens: glossary concepts, then stems of the other words, then compound parts. */
export function tokenizeNotes(
	notes: readonly SynthesisNote[],
	options: SuggestOptions,
	settings: SynthesisSettings = defaultSettings
): NoteTokens[] {
	const matcher = settings.glossary ? matcherFor(options.glossary) : undefined;
	const candidates = options.languages ?? [];
	// Notes repeat their words: stem and split each word once per call.
	const stems = new Map<string, string>();
	const tokenOf = (word: string, language: Language): string => {
		const key = `${language}:${word}`;
		let token = stems.get(key);
		if (token === undefined) stems.set(key, (token = stemToken(word, language, settings)));
		return token;
	};
	const compounds = new Map<string, Word[]>();
	const partsOf = (word: Word, language: Language, vocabulary: ReadonlySet<string>): Word[] => {
		const key = `${language}:${word.folded}`;
		let parts = compounds.get(key);
		if (parts === undefined) {
			parts = compoundParts(word, vocabulary, matcher, (part) => tokenOf(part, language));
			compounds.set(key, parts);
		}
		return parts;
	};
	const perNote = notes.map((note) => {
		const language = note.language ?? detectLanguage(note.text, candidates);
		const weights = new Map<string, number>();
		let rest = note.text;
		if (matcher) {
			for (const match of findTerms(matcher, note.text)) {
				if (
					settings.readableTerms &&
					!match.languages.some((l) => readableTerms[language].includes(l))
				)
					continue;
				add(weights, `c:${match.conceptId}`, settings.conceptWeight);
				rest =
					rest.slice(0, match.start) + ' '.repeat(match.end - match.start) + rest.slice(match.end);
			}
		}
		const words: Word[] = [];
		for (const [raw] of rest.normalize('NFC').matchAll(wordPattern)) {
			const folded = foldText(raw);
			if (folded.length < 2 || /^\p{N}+$/u.test(folded) || isStopWord(folded, language)) continue;
			words.push({ folded, token: tokenOf(folded, language) });
		}
		return { id: note.id, language, weights, words };
	});
	const vocabulary = new Set(perNote.flatMap((note) => note.words.map((word) => word.token)));
	return perNote.map(({ id, language, weights, words }) => {
		const surfaces = new Map<string, string[]>();
		for (const word of words) {
			add(weights, word.token, 1);
			surfaces.set(word.token, [...(surfaces.get(word.token) ?? []), word.folded]);
			if (!settings.compounds || word.folded.length < 7) continue;
			for (const part of partsOf(word, language, vocabulary)) {
				const concept = part.token.startsWith('c:');
				add(weights, part.token, concept ? settings.conceptWeight : settings.compoundWeight);
				if (!concept) surfaces.set(part.token, [...(surfaces.get(part.token) ?? []), part.folded]);
			}
		}
		return { id, weights, surfaces };
	});
}

/** A TF-IDF vector of unit length: token numbers ascending (tokens in sorted order) and weights. */
interface Vector {
	ids: Int32Array;
	weights: Float64Array;
}

/** TF-IDF vectors with tokens numbered in sorted order, so sums run in one order whatever the input. */
function vectors(tokens: readonly NoteTokens[]): { vectors: Vector[]; idf: Map<string, number> } {
	const documentFrequency = new Map<string, number>();
	for (const note of tokens)
		for (const token of note.weights.keys()) add(documentFrequency, token, 1);
	const n = tokens.length;
	const idf = new Map<string, number>();
	const number = new Map<string, number>();
	[...documentFrequency.keys()].sort(byKey).forEach((token, i) => number.set(token, i));
	for (const [token, df] of documentFrequency) idf.set(token, Math.log((1 + n) / (1 + df)) + 1);
	const result = tokens.map((note) => {
		const entries = [...note.weights]
			.map(([token, weight]): [number, number] => [number.get(token)!, weight * idf.get(token)!])
			.sort(([a], [b]) => a - b);
		const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
		return {
			ids: Int32Array.from(entries.map(([id]) => id)),
			weights: Float64Array.from(entries.map(([, w]) => w / norm))
		};
	});
	return { vectors: result, idf };
}

function cosine(a: Vector, b: Vector): number {
	let i = 0;
	let j = 0;
	let sum = 0;
	while (i < a.ids.length && j < b.ids.length) {
		const x = a.ids[i]!;
		const y = b.ids[j]!;
		if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
		else if (x < y) i += 1;
		else j += 1;
	}
	return sum;
}

/**
 * Average-linkage agglomerative clustering over cosine similarity: repeatedly merges the two
 * most similar clusters while their average similarity reaches the threshold; ties go to the
 * pair with the lowest indices (notes sorted by id), so the result never depends on input order.
 * Each row caches its best partner to the right, so a merge costs O(n) rather than O(n²).
 */
function agglomerate(similarity: Float64Array[], threshold: number): number[][] {
	const n = similarity.length;
	const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
	const sim = similarity;
	const bestSim = new Float64Array(n).fill(-Infinity);
	const bestJ = new Int32Array(n).fill(-1);
	const refresh = (i: number): void => {
		bestSim[i] = -Infinity;
		bestJ[i] = -1;
		const row = sim[i]!;
		for (let j = i + 1; j < n; j += 1) {
			if (members[j] && row[j]! > bestSim[i]!) {
				bestSim[i] = row[j]!;
				bestJ[i] = j;
			}
		}
	};
	for (let i = 0; i < n; i += 1) refresh(i);
	for (;;) {
		let left = -1;
		for (let i = 0; i < n; i += 1) {
			if (members[i] && bestJ[i]! >= 0 && (left < 0 || bestSim[i]! > bestSim[left]!)) left = i;
		}
		if (left < 0 || bestSim[left]! < threshold) break;
		const right = bestJ[left]!;
		const a = members[left]!;
		const b = members[right]!;
		members[left] = [...a, ...b].sort((x, y) => x - y);
		members[right] = null;
		for (let k = 0; k < n; k += 1) {
			if (!members[k] || k === left) continue;
			// Lance–Williams update for average linkage.
			const merged =
				(a.length * sim[left]![k]! + b.length * sim[right]![k]!) / (a.length + b.length);
			sim[left]![k] = merged;
			sim[k]![left] = merged;
		}
		refresh(left);
		for (let k = 0; k < left; k += 1) {
			if (!members[k]) continue;
			if (bestJ[k] === left || bestJ[k] === right) refresh(k);
			else if (sim[k]![left]! > bestSim[k]! || (sim[k]![left] === bestSim[k] && left < bestJ[k]!)) {
				bestSim[k] = sim[k]![left]!;
				bestJ[k] = left;
			}
		}
		for (let k = left + 1; k < n; k += 1) if (members[k] && bestJ[k] === right) refresh(k);
	}
	return members.filter((cluster): cluster is number[] => cluster !== null);
}

function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function mostCommon(forms: readonly string[]): string {
	const counts = new Map<string, number>();
	for (const form of forms) add(counts, form, 1);
	return [...counts].sort(([a, x], [b, y]) => y - x || a.length - b.length || byKey(a, b))[0]![0];
}

/** A heading: the cluster's one or two most characteristic tokens, as the reader's glossary term or the commonest written form. */
function headingFor(
	cluster: readonly NoteTokens[],
	idf: ReadonlyMap<string, number>,
	options: SuggestOptions
): string {
	const score = new Map<string, number>();
	const notesWith = new Map<string, number>();
	for (const note of cluster) {
		for (const [token, weight] of note.weights) {
			add(score, token, weight * (idf.get(token) ?? 1));
			add(notesWith, token, 1);
		}
	}
	const ranked = [...score]
		.filter(
			([token]) =>
				(notesWith.get(token) ?? 0) >= 2 &&
				(token.startsWith('c:') || cluster.some((note) => note.surfaces.has(token)))
		)
		.sort(([a, x], [b, y]) => y - x || byKey(a, b));
	const label = (token: string): string => {
		if (token.startsWith('c:')) {
			const concept = conceptById(options.glossary, token.slice(2));
			return concept ? conceptName(concept, options.reader) : token.slice(2);
		}
		return mostCommon(cluster.flatMap((note) => note.surfaces.get(token) ?? []));
	};
	const labels: string[] = [];
	for (const [token, value] of ranked) {
		if (labels.length === 2 || (labels.length === 1 && value < 0.6 * ranked[0]![1])) break;
		const text = label(token);
		if (!labels.includes(text)) labels.push(text);
	}
	if (labels.length === 0) return '';
	return capitalise(labels.join(', '));
}

function sortedUnique(notes: readonly SynthesisNote[]): SynthesisNote[] {
	const byId = new Map<string, SynthesisNote>();
	for (const note of [...notes].sort((a, b) => byKey(a.id, b.id) || byKey(a.text, b.text)))
		if (!byId.has(note.id)) byId.set(note.id, note);
	return [...byId.values()];
}

function orderClusters(clusters: SuggestedCluster[]): SuggestedCluster[] {
	return clusters.sort(
		(a, b) => b.noteIds.length - a.noteIds.length || byKey(a.noteIds[0]!, b.noteIds[0]!)
	);
}

/**
 * Suggests headings over a group's notes. Returns clusters of two or more notes, largest first;
 * a note that fits nowhere is left out. The same notes give the same suggestions in any order.
 */
export function suggestClusters(
	notes: readonly SynthesisNote[],
	options: SuggestOptions,
	settings: SynthesisSettings = defaultSettings
): SuggestedCluster[] {
	const sorted = sortedUnique(notes);
	if (sorted.length < 2) return [];
	const tokens = tokenizeNotes(sorted, options, settings);
	const { vectors: vecs, idf } = vectors(tokens);
	const similarity = vecs.map(() => new Float64Array(vecs.length));
	for (let i = 0; i < vecs.length; i += 1) {
		similarity[i]![i] = 1;
		for (let j = i + 1; j < vecs.length; j += 1) {
			similarity[i]![j] = similarity[j]![i] = cosine(vecs[i]!, vecs[j]!);
		}
	}
	const clusters = agglomerate(similarity, settings.threshold)
		.filter((members) => members.length >= 2)
		.map((members) => {
			const cluster = members.map((i) => tokens[i]!);
			return {
				heading: headingFor(cluster, idf, options),
				noteIds: cluster.map((note) => note.id)
			};
		});
	return orderClusters(clusters);
}

/**
 * The simple baseline: notes that share a glossary concept or a word stem go together
 * (connected components). Stop words are out; compounds are not split.
 */
export function linkedComponents(
	notes: readonly SynthesisNote[],
	options: SuggestOptions
): string[][] {
	const sorted = sortedUnique(notes);
	const tokens = tokenizeNotes(sorted, options, { ...defaultSettings, compounds: false });
	const parent = sorted.map((_, i) => i);
	const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
	const firstWith = new Map<string, number>();
	tokens.forEach((note, i) => {
		for (const token of note.weights.keys()) {
			const first = firstWith.get(token);
			if (first === undefined) firstWith.set(token, i);
			else parent[Math.max(root(first), root(i))] = Math.min(root(first), root(i));
		}
	});
	const groups = new Map<number, string[]>();
	sorted.forEach((note, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), note.id]));
	return [...groups.values()].filter((group) => group.length >= 2);
}
