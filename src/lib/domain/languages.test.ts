import { describe, expect, it } from 'vitest';
import { findLanguage, languageAliases, readerOrder, readingFallbacks } from './languages';
import { languages } from './session/types';

describe('readerOrder', () => {
	it('puts the reader first, then the languages of the note, then the rest', () => {
		expect(readerOrder('is')).toEqual(['is', 'nb', 'sv', 'da', 'fi', 'en']);
		expect(readerOrder('sv', ['nb'])).toEqual(['sv', 'nb', 'da', 'is', 'fi', 'en']);
		expect(readerOrder('en', ['en', 'da'])).toEqual(['en', 'da', 'nb', 'sv', 'is', 'fi']);
	});
});

describe('readingFallbacks', () => {
	it('lists every language once for every reader, their own first', () => {
		for (const reader of languages) {
			expect(readingFallbacks[reader][0]).toBe(reader);
			expect([...readingFallbacks[reader]].sort()).toEqual([...languages].sort());
		}
	});
});

describe('findLanguage', () => {
	it('reads language codes, no/nn as bokmål, region tags and language names', () => {
		const cases: [string, string | null][] = [
			['nb', 'nb'],
			['no', 'nb'],
			['NN', 'nb'],
			['nb-NO', 'nb'],
			['norsk', 'nb'],
			['sv', 'sv'],
			['sv_FI', 'sv'],
			['Svenska', 'sv'],
			['da', 'da'],
			['dansk', 'da'],
			['is', 'is'],
			['Íslenska', 'is'],
			['fi', 'fi'],
			['suomi', 'fi'],
			['en', 'en'],
			['en-GB', 'en'],
			['English', 'en'],
			['de', null],
			['se', null],
			['dk', null]
		];
		for (const [value, lang] of cases) expect(findLanguage(value), value).toBe(lang);
	});

	it('takes only words of its own table, not what every object has', () => {
		for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
			expect(findLanguage(word), word).toBeNull();
		}
	});

	it('maps every alias to one of our languages', () => {
		for (const language of Object.values(languageAliases)) expect(languages).toContain(language);
	});
});
