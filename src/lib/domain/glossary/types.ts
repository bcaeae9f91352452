import type { Language } from '../session/types';

export type { Language };

/** Terms for one concept per language; the first term in each list is the preferred one. */
export type LanguageTerms = Partial<Record<Language, readonly string[]>>;

/** Free text in some of the languages (an explanation, a caveat). */
export type LocalisedText = Partial<Record<Language, string>>;

/** One concept of the field ("job coach", "wage subsidy"), named in each language. */
export interface GlossaryConcept {
	/** Stable id in kebab-case English; kept when terms change, never reused for another concept. */
	id: string;
	/** Terms per language, preferred first; a missing language has no established term. */
	terms: LanguageTerms;
	/** A short explanation per language; English at least for the default glossary. */
	explanation?: LocalisedText;
	/** Caveats per language, e.g. "the Danish scheme has no Norwegian equivalent". */
	notes?: LocalisedText;
	/** The concept is organised differently from country to country, so equivalents are approximate. */
	differsByCountry?: boolean;
	/**
	 * Extra word stems the matcher recognises for a term, keyed by that term, never shown:
	 * irregular inflections such as Finnish consonant gradation ("palkkatuki" → "palkkatue").
	 * A form has as many words as its term; each word is an alternative for the word in that place.
	 */
	forms?: Readonly<Record<string, readonly string[]>>;
	/** Terms that are also everyday words ("verk", "AB"): listed and searchable, not marked in notes. */
	unmarked?: readonly string[];
}

/** A glossary: concepts in display order; ids are unique. */
export type Glossary = readonly GlossaryConcept[];

/** A glossary as pages and sockets deliver it: the concepts and the languages of the room. */
export interface GlossaryData {
	/** The conference's glossary, or the default one for a stand-alone session. */
	concepts: Glossary;
	/** Languages people in the room use (the conference's); empty when unknown. */
	languages: readonly Language[];
}
