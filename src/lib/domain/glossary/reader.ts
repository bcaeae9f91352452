// What a reader is shown of a concept, in which order: its name, its terms per language, the
// explanation in the nearest language they read, and the projector's legend.
import { readerOrder, readingFallbacks } from '$lib/domain/languages';
import type { Language } from '$lib/domain/session/types';
import type { GlossarySegment } from './match';
import type { Glossary, GlossaryConcept, LocalisedText } from './types';

/** One language's terms for a concept; the first is the preferred one. */
export interface TermsInLanguage {
	language: Language;
	terms: readonly string[];
}

/**
 * A concept's terms per language in reader order. The reader's own language is always first,
 * even without terms (the UI then says there is no established term); other languages without
 * terms are left out.
 */
export function termsForReader(
	concept: GlossaryConcept,
	reader: Language,
	written: readonly Language[] = []
): TermsInLanguage[] {
	return readerOrder(reader, written)
		.map((language) => ({ language, terms: concept.terms[language] ?? [] }))
		.filter((entry) => entry.language === reader || entry.terms.length > 0);
}

/** A text in the best language for the reader, and which language that is. */
export interface ReadableText {
	language: Language;
	text: string;
}

/** An explanation or caveat in the reader's language, else the nearest language they read. */
export function readableText(
	text: LocalisedText | undefined,
	reader: Language
): ReadableText | null {
	if (!text) return null;
	for (const language of readingFallbacks[reader]) {
		const value = text[language]?.trim();
		if (value) return { language, text: value };
	}
	return null;
}

/** The name a concept goes by for a reader: their preferred term, else the first term there is. */
export function conceptName(concept: GlossaryConcept, reader: Language): string {
	for (const language of readerOrder(reader)) {
		const term = concept.terms[language]?.[0];
		if (term) return term;
	}
	return concept.id;
}

/** Concepts sorted by their name in the reader's language (for browsing the whole glossary). */
export function sortForReader(
	glossary: Glossary,
	reader: Language,
	locale: string
): GlossaryConcept[] {
	const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
	return [...glossary].sort((a, b) =>
		collator.compare(conceptName(a, reader), conceptName(b, reader))
	);
}

/** One line of the projector's legend: a term as the notes write it and its equivalents. */
export interface LegendEntry {
	conceptId: string;
	/** The term as written in a note on screen ("saksbehandleren"). */
	written: string;
	/** Languages whose term list has the written term. */
	writtenIn: readonly Language[];
	/** The preferred term in the screen's language, or null when it has none or it is what is written. */
	local: string | null;
	/** Preferred terms in other languages of the room, at most `others` of them. */
	others: { language: Language; term: string }[];
}

export interface LegendOptions {
	/** The screen's language. */
	screen: Language;
	/** Languages people in the room use (the conference's); empty for a stand-alone session. */
	room: readonly Language[];
	/** Most entries to list. */
	limit: number;
	/** Most other languages per entry. */
	others: number;
}

/**
 * The legend for the notes on a projector: each concept once, in the order the notes are
 * given (put the newest first to favour what was just revealed), with its term in the screen's
 * language and in up to `others` other languages of the room. Without a known room (a
 * stand-alone session) only the screen's language is given: a term's spelling is shared by
 * several languages, so the notes do not tell which languages people read.
 * Concepts that would show nothing new (a Swedish term on a Swedish screen, nobody else
 * in the room) are left out; `more` counts entries beyond the limit.
 */
export function legendEntries(
	glossary: Glossary,
	notes: readonly (readonly GlossarySegment[])[],
	options: LegendOptions
): { entries: LegendEntry[]; more: number } {
	const byId = new Map(glossary.map((c) => [c.id, c]));
	const seen = new Map<string, Extract<GlossarySegment, { kind: 'term' }>>();
	for (const segments of notes) {
		for (const segment of segments) {
			if (segment.kind !== 'term') continue;
			if (!byId.has(segment.conceptId)) continue;
			// A concept is listed where it first needs explaining: a term the screen's language
			// already uses (handläggare on a Swedish screen) gives way to a later saksbehandleren.
			const first = seen.get(segment.conceptId);
			if (
				!first ||
				(first.languages.includes(options.screen) && !segment.languages.includes(options.screen))
			)
				seen.set(segment.conceptId, segment);
		}
	}
	const room = options.room;
	const entries: LegendEntry[] = [];
	for (const [conceptId, segment] of seen) {
		const concept = byId.get(conceptId)!;
		const localTerm = concept.terms[options.screen]?.[0] ?? null;
		const writtenHere = segment.languages.includes(options.screen);
		const local =
			localTerm && !(writtenHere && sameWord(localTerm, segment.term)) ? localTerm : null;
		const others: LegendEntry['others'] = [];
		for (const language of room) {
			if (others.length >= options.others) break;
			if (language === options.screen || segment.languages.includes(language)) continue;
			const term = concept.terms[language]?.[0];
			if (!term) continue;
			// Nothing new when it reads like the term already shown (jobbcoach in nb and sv).
			if (sameWord(term, segment.term) || (local && sameWord(term, local))) continue;
			others.push({ language, term });
		}
		// An entry that would only repeat the note helps nobody.
		if (local === null && others.length === 0) continue;
		entries.push({ conceptId, written: segment.text, writtenIn: segment.languages, local, others });
	}
	const limit = Math.max(0, options.limit);
	return { entries: entries.slice(0, limit), more: Math.max(0, entries.length - limit) };
}

function sameWord(a: string, b: string): boolean {
	return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
