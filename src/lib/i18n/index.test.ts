import { describe, expect, it } from 'vitest';
import {
	cookieValue,
	defaultLanguage,
	fixedT,
	isLanguage,
	languages,
	negotiateLanguage,
	requestLanguage
} from './index';

describe('negotiateLanguage', () => {
	it.each([
		[undefined, null],
		[null, null],
		['', null],
		['de-DE,de;q=0.9,fr;q=0.8', null],
		['*', null],
		['sv', 'sv'],
		['sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7', 'sv'],
		['FI-fi', 'fi'],
		['is-IS', 'is'],
		['da, en-GB;q=0.8', 'da'],
		['de-DE, fi;q=0.5', 'fi'],
		['en;q=0.5, da;q=0.9', 'da'],
		['nb-NO', 'nb'],
		['no', 'nb'],
		['nn-NO,nn;q=0.9', 'nb'],
		['sv;q=0, en', 'en'],
		['fi;q=abc, da;q=0.1', 'da'],
		[' en-GB;q=0.3 ,  is;q=0.6 ', 'is']
	] as const)('%j → %j', (header, expected) => {
		expect(negotiateLanguage(header)).toBe(expected);
	});
});

describe('cookieValue', () => {
	it('finds one cookie among several', () => {
		expect(cookieValue('a=1; lang=is; b=2', 'lang')).toBe('is');
		expect(cookieValue('xlang=fi; lang=da', 'lang')).toBe('da');
		expect(cookieValue('a=b=c', 'a')).toBe('b=c');
		expect(cookieValue('a=1', 'lang')).toBeNull();
		expect(cookieValue(undefined, 'lang')).toBeNull();
	});
});

describe('requestLanguage', () => {
	it('prefers the cookie over the browser', () => {
		expect(requestLanguage('lang=fi', 'sv-SE,sv;q=0.9')).toBe('fi');
		expect(requestLanguage('theme=dark; lang=is', 'en')).toBe('is');
	});

	it('ignores an unknown cookie value and asks the browser', () => {
		expect(requestLanguage('lang=de', 'da-DK')).toBe('da');
		expect(requestLanguage('lang=', 'nb')).toBe('nb');
		expect(requestLanguage('lang=EN', 'sv')).toBe('sv');
	});

	it('falls back to English', () => {
		expect(defaultLanguage).toBe('en');
		expect(requestLanguage(undefined, undefined)).toBe('en');
		expect(requestLanguage('lang=xx', 'de-CH, fr')).toBe('en');
	});
});

describe('translations', () => {
	it('knows the six languages', () => {
		expect([...languages].sort()).toEqual(['da', 'en', 'fi', 'is', 'nb', 'sv']);
		for (const lang of languages) expect(isLanguage(lang)).toBe(true);
		expect(isLanguage('de')).toBe(false);
		expect(isLanguage(undefined)).toBe(false);
	});

	it('translates with interpolation, in each language separately', () => {
		const texts = languages.map((lang) => fixedT(lang)('errors.too_long', { max: 500 }));
		for (const text of texts) {
			expect(text).toContain('500');
			expect(text).not.toContain('{{');
		}
		expect(new Set(texts).size).toBe(languages.length);
	});
});

describe('hostile or sloppy headers', () => {
	it('treats a malformed cookie as absent instead of throwing', () => {
		expect(cookieValue('lang=%E0', 'lang')).toBeNull();
		expect(requestLanguage('lang=%E0', 'sv-SE')).toBe('sv');
	});

	it('accepts spaces around language tags and parameters', () => {
		expect(negotiateLanguage('de ; q=0.9, is ; q=0.6')).toBe('is');
	});
});
