import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	hyphenateText,
	patternNames,
	softHyphen,
	termLanguage,
	type WordHyphenator
} from './hyphenate';

const require = createRequire(import.meta.url);
const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown) => WordHyphenator;
const hyphenator = (name: string) =>
	createHyphenator(require(`hyphen/patterns/${name}.js`) as unknown);
const shown = (text: string) => text.replaceAll(softHyphen, '|');

describe('hyphenateText', () => {
	it('breaks Nordic compounds where their language breaks them', () => {
		expect(shown(hyphenateText('Vinnumálastofnun', hyphenator(patternNames.is)))).toBe(
			'Vinnu|mála|stofn|un'
		);
		expect(shown(hyphenateText('Arbetsförmedlingen', hyphenator(patternNames.sv)))).toBe(
			'Ar|bets|för|med|ling|en'
		);
		for (const [language, word] of [
			['nb', 'arbeidsmarkedstiltak'],
			['da', 'beskæftigelsesministeriet'],
			['fi', 'elinkeinotoimisto'],
			['en', 'employment']
		] as const) {
			const out = hyphenateText(word, hyphenator(patternNames[language]));
			expect(out, language).toContain(softHyphen);
			expect(out.replaceAll(softHyphen, ''), language).toBe(word);
		}
	});

	it('leaves short words, addresses and mail as they are, and keeps every character', () => {
		const text =
			'Se https://www.arbetsformedlingen.se/arbetsgivare eller skriv till arbetsgivare@af.se, sa hon.';
		const out = hyphenateText(text, hyphenator('sv'));
		expect(out.replaceAll(softHyphen, '')).toBe(text);
		expect(out).toContain('https://www.arbetsformedlingen.se/arbetsgivare ');
		expect(out).toContain(' arbetsgivare@af.se,');
		expect(out).toContain('Se ');
		expect(out.split(' ').at(-2)).toBe('sa');
	});
});

describe('termLanguage', () => {
	it('breaks a term with the patterns of its own language, the screen’s when it is one of them', () => {
		expect(termLanguage(['is'], 'sv')).toBe('is');
		expect(termLanguage(['sv', 'da', 'en'], 'da')).toBe('da');
		expect(termLanguage([], 'fi')).toBe('fi');
	});
});
