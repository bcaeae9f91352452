import { describe, expect, it } from 'vitest';
import { defaultGlossary } from './default-glossary';
import { conceptById, preferredTerm, validateGlossary } from './glossary';
import type { Glossary } from './types';

describe('preferredTerm and conceptById', () => {
	it('returns the first term of a language, or undefined', () => {
		const coach = conceptById(defaultGlossary, 'job-coach')!;
		expect(preferredTerm(coach, 'fi')).toBe('työvalmentaja');
		expect(preferredTerm(coach, 'nb')).toBe('jobbcoach');
		expect(preferredTerm(conceptById(defaultGlossary, 'fleksjob')!, 'is')).toBeUndefined();
		expect(conceptById(defaultGlossary, 'no-such-concept')).toBeUndefined();
	});
});

describe('validateGlossary', () => {
	it('accepts a good glossary', () => {
		expect(validateGlossary([{ id: 'a-b', terms: { en: ['one'] } }])).toEqual([]);
	});

	it('reports bad and duplicate ids', () => {
		const glossary: Glossary = [
			{ id: 'Not Kebab', terms: { en: ['one'] } },
			{ id: 'same', terms: { en: ['two'] } },
			{ id: 'same', terms: { en: ['three'] } }
		];
		expect(validateGlossary(glossary).map((p) => [p.concept, p.code])).toEqual([
			['Not Kebab', 'missing_id'],
			['same', 'duplicate_id']
		]);
	});

	it('reports concepts without terms, blank terms and unknown languages', () => {
		const glossary = [
			{ id: 'empty', terms: {} },
			{ id: 'blank', terms: { nb: [' - '] } },
			{ id: 'klingon', terms: { tlh: ['Qapla'] } }
		] as unknown as Glossary;
		expect(validateGlossary(glossary).map((p) => p.code)).toEqual([
			'no_terms',
			'empty_term',
			'unknown_language'
		]);
	});

	it('reports a term used by two concepts, whatever its case or ö/ø spelling', () => {
		const glossary: Glossary = [
			{ id: 'a', terms: { da: ['førtidspension'] } },
			{ id: 'b', terms: { sv: ['Förtidspension'] } }
		];
		expect(validateGlossary(glossary)).toEqual([
			{ concept: 'b', code: 'duplicate_term', detail: 'førtidspension' }
		]);
	});

	it('reports forms without their term or with another number of words', () => {
		const glossary: Glossary = [
			{
				id: 'a',
				terms: { fi: ['tuettu työllistyminen'] },
				forms: { 'tuettu työllistyminen': ['tuetun'], puuttuu: ['x'] }
			}
		];
		expect(validateGlossary(glossary).map((p) => [p.code, p.detail])).toEqual([
			['form_word_count', 'tuetun'],
			['form_without_term', 'puuttuu']
		]);
	});
});
