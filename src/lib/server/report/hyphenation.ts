import { createRequire } from 'node:module';
import type { Language } from '$lib/domain/session/types';
import { hyphenateText, patternNames, type WordHyphenator } from '$lib/hyphenation/hyphenate';

const require = createRequire(import.meta.url);
const hyphenators = new Map<Language, WordHyphenator>();

/** Text with soft hyphens by the patterns of a language, loaded once per process. */
export function hyphenateIn(language: Language): (text: string) => string {
	let hyphenateWord = hyphenators.get(language);
	if (!hyphenateWord) {
		const create = require('hyphen/hyphen.js') as (patterns: unknown) => WordHyphenator;
		hyphenateWord = create(require(`hyphen/patterns/${patternNames[language]}.js`));
		hyphenators.set(language, hyphenateWord);
	}
	const words = hyphenateWord;
	return (text) => hyphenateText(text, words);
}
