// Languages as people name them, and which of them a reader reads: one copy for the CSV
// imports, the glossary, the browser's Accept-Language and the projector legend.
import { matchKey } from '$lib/domain/conference/labels';
import { languages, type Language } from '$lib/domain/session/types';

/** Every language's own name for itself, for the language switcher. */
export const languageNames: Record<Language, string> = {
	nb: 'Norsk bokmål',
	sv: 'Svenska',
	da: 'Dansk',
	is: 'Íslenska',
	fi: 'Suomi',
	en: 'English'
};

/** BCP 47 tags for Intl (dates, numbers, plural rules). */
export const localeTags: Record<Language, string> = {
	nb: 'nb-NO',
	sv: 'sv-SE',
	da: 'da-DK',
	is: 'is-IS',
	fi: 'fi-FI',
	en: 'en-GB'
};

/** Translates a key with interpolation values (and count for plurals); i18next's, in practice. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Short labels for a language on the projector legend (nb is shown as NO: "NB!" means nota bene). */
export const languageCodes: Record<Language, string> = {
	nb: 'NO',
	sv: 'SV',
	da: 'DA',
	is: 'IS',
	fi: 'FI',
	en: 'EN'
};

/**
 * Where to look for an explanation a concept lacks in the reader's language. Danes, Norwegians
 * and Swedes read each other's languages; Icelanders learn Danish at school; Finnish readers
 * are more likely to read English than Norwegian.
 */
export const readingFallbacks: Record<Language, readonly Language[]> = {
	nb: ['nb', 'da', 'sv', 'en', 'is', 'fi'],
	sv: ['sv', 'nb', 'da', 'en', 'fi', 'is'],
	da: ['da', 'nb', 'sv', 'en', 'is', 'fi'],
	is: ['is', 'en', 'da', 'nb', 'sv', 'fi'],
	fi: ['fi', 'en', 'sv', 'nb', 'da', 'is'],
	en: ['en', 'nb', 'sv', 'da', 'fi', 'is']
};

/**
 * Languages in the order a reader wants them: their own first, then the languages the note
 * was written in (what they are looking at), then the rest in the usual order.
 */
export function readerOrder(reader: Language, written: readonly Language[] = []): Language[] {
	const order: Language[] = [reader];
	for (const language of [...written, ...languages]) {
		if (!order.includes(language)) order.push(language);
	}
	return order;
}

/**
 * Language codes (also ISO 639-2 and region tags) and the languages' names in our languages.
 * Nynorsk readers get bokmål, the nearest we have. "se" is Northern Sami (and Sweden's country
 * code), so it is no alias of Swedish.
 */
export const languageAliases: Readonly<Record<string, Language>> = {
	nb: 'nb',
	no: 'nb',
	nn: 'nb',
	nob: 'nb',
	nno: 'nb',
	nor: 'nb',
	norsk: 'nb',
	bokmål: 'nb',
	'norsk bokmål': 'nb',
	'norsk nynorsk': 'nb',
	nynorsk: 'nb',
	norska: 'nb',
	norja: 'nb',
	norwegian: 'nb',
	sv: 'sv',
	swe: 'sv',
	svenska: 'sv',
	svensk: 'sv',
	sænska: 'sv',
	ruotsi: 'sv',
	swedish: 'sv',
	da: 'da',
	dan: 'da',
	dansk: 'da',
	danska: 'da',
	tanska: 'da',
	danish: 'da',
	is: 'is',
	isl: 'is',
	ice: 'is',
	íslenska: 'is',
	islandsk: 'is',
	isländska: 'is',
	islanti: 'is',
	icelandic: 'is',
	fi: 'fi',
	fin: 'fi',
	suomi: 'fi',
	finsk: 'fi',
	finska: 'fi',
	finnska: 'fi',
	finnish: 'fi',
	en: 'en',
	eng: 'en',
	english: 'en',
	engelsk: 'en',
	engelska: 'en',
	enska: 'en',
	englanti: 'en'
};

/** A language from a code ("nb", "no", "sv-SE", "fin") or a language's name ("svenska"). */
export function findLanguage(value: string): Language | null {
	const key = matchKey(value);
	const tag = /^([a-z]{2,3})[ _-][a-z]{2,4}$/.exec(key);
	const word = tag ? tag[1]! : key;
	// Own keys only: "constructor" is not a language.
	return Object.hasOwn(languageAliases, word) ? languageAliases[word]! : null;
}
