import { describe, expect, it } from 'vitest';
import { asciiFold, slug, uniqueSlug } from './slug';

describe('asciiFold', () => {
	it('spells out the Nordic letters NFKD keeps whole and drops the marks of the others', () => {
		expect(asciiFold('Þórður Ægir Ørsted')).toBe('Thordur AEgir Orsted');
		expect(asciiFold('Åsa Björk Straße Łódź')).toBe('Asa Bjork Strasse Lodz');
		expect(asciiFold('Œuvre ð đ')).toBe('OEuvre d d');
	});

	it('folds decomposed letters as their precomposed forms', () => {
		expect(asciiFold('Ärö'.normalize('NFD'))).toBe('Aro');
	});
});

describe('slug', () => {
	const role = { max: 32, fallback: 'role' };

	it('makes kebab-case ASCII: ö and ø become o, ß becomes ss', () => {
		expect(slug('Þjónustufulltrúi', role)).toBe('thjonustufulltrui');
		expect(slug('Förtidspension Över', role)).toBe('fortidspension-over');
		expect(slug('Førtidspensjon', role)).toBe('fortidspensjon');
		expect(slug('Straße', role)).toBe('strasse');
		expect(slug('Ærø – kommune!', role)).toBe('aero-kommune');
	});

	it('is cut at the limit without a trailing hyphen, and falls back when nothing is left', () => {
		expect(slug('Arbeidsgivere i offentlig sektor og kommune', role)).toBe(
			'arbeidsgivere-i-offentlig-sektor'
		);
		expect(slug('a b', { max: 2, fallback: 'x' })).toBe('a');
		expect(slug('!!! ???', role)).toBe('role');
		expect(slug('日本', { max: 40, fallback: 'conference' })).toBe('conference');
	});
});

describe('uniqueSlug', () => {
	it('numbers from 2 past the ones taken', () => {
		expect(uniqueSlug('tolk', new Set())).toBe('tolk');
		expect(uniqueSlug('tolk', new Set(['tolk', 'tolk-2']))).toBe('tolk-3');
	});
});
