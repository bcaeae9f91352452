/**
 * Soft hyphens in long words, so that a Nordic compound breaks as "Vinnumála-stofnun" and not
 * anywhere. Pure: the word hyphenator (patterns of one language) is handed in.
 */
import type { Language } from '$lib/domain/session/types';

/** Puts soft hyphens into one word of letters. */
export type WordHyphenator = (word: string) => string;

export const softHyphen = '\u00AD';

/** Pattern files of the hyphen package, by language (English: British patterns). */
export const patternNames: Record<Language, string> = {
	nb: 'nb',
	sv: 'sv',
	da: 'da',
	is: 'is',
	fi: 'fi',
	en: 'en-gb'
};

// Addresses, mail and paths are copied or typed: never broken inside.
const addressLike = /:\/\/|@|^www\.|\//i;
// Shorter words fit anywhere a long one does.
const longWord = /[\p{L}\p{M}]{6,}/gu;

/** Text with soft hyphens in its long words; addresses and short words as they were. */
export function hyphenateText(text: string, hyphenateWord: WordHyphenator): string {
	return text.replace(/\S+/g, (token) =>
		addressLike.test(token) ? token : token.replace(longWord, (word) => hyphenateWord(word))
	);
}

/** The patterns for a glossary term: the screen's language if the term is in it, else the term's own. */
export function termLanguage(termLanguages: readonly Language[], screen: Language): Language {
	return termLanguages.includes(screen) ? screen : (termLanguages[0] ?? screen);
}
