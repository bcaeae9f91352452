import { describe, expect, it } from 'vitest';
import {
	checkGlossary,
	conceptFromInput,
	conceptId,
	emptyConceptInput,
	glossaryLimits,
	nameErrors,
	type ConceptInput
} from './concept-input';
import { defaultGlossary } from './default-glossary';

function input(terms: ConceptInput['terms'], more: Partial<ConceptInput> = {}): ConceptInput {
	return { ...emptyConceptInput(), terms, ...more };
}

describe('conceptFromInput', () => {
	it('reads one term per line, preferred first, without blanks or repeats', () => {
		const { concept, errors } = conceptFromInput(
			input({ nb: '  saksbehandler \r\n\nNAV-veileder\nsaksbehandler', sv: 'handläggare' }),
			'caseworker'
		);
		expect(errors).toEqual([]);
		expect(concept.terms).toEqual({ nb: ['saksbehandler', 'NAV-veileder'], sv: ['handläggare'] });
	});

	it('keeps explanations per language, the country flag, and only forms of its own terms', () => {
		const { concept } = conceptFromInput(
			input(
				{ fi: 'palkkatuki' },
				{
					explanation: { en: ' A wage subsidy. ' },
					differs: 'ja',
					forms: 'palkkatuki: palkkatue | gone: went',
					unmarked: 'palkkatuki\nnot a term'
				}
			),
			'wage-subsidy'
		);
		expect(concept).toEqual({
			id: 'wage-subsidy',
			terms: { fi: ['palkkatuki'] },
			explanation: { en: 'A wage subsidy.' },
			differsByCountry: true,
			unmarked: ['palkkatuki'],
			forms: { palkkatuki: ['palkkatue'] }
		});
	});

	it('says what is wrong, field by field', () => {
		const long = 'x'.repeat(glossaryLimits.termChars + 1);
		const many = Array.from({ length: glossaryLimits.termsPerLanguage + 1 }, (_, i) => `t${i}`);
		const { errors } = conceptFromInput(
			input(
				{ nb: long, sv: many.join('\n'), da: 'a | b' },
				{ differs: 'maybe', forms: 'nonsense' }
			),
			'x'
		);
		expect(errors.map((e) => [e.code, e.field])).toEqual([
			['too_long', 'terms.nb'],
			['too_many_terms', 'terms.sv'],
			['bar_in_term', 'terms.da'],
			['bad_flag', 'differs'],
			['bad_forms', 'forms']
		]);
		expect(conceptFromInput(input({}), 'x').errors.map((e) => e.code)).toEqual(['no_terms']);
	});
});

describe('conceptId', () => {
	it('makes a kebab-case id from the English term, else the first one', () => {
		expect(conceptId({ terms: { nb: ['x'], en: ['Job coach'] } }, new Set())).toBe('job-coach');
		expect(conceptId({ terms: { da: ['Skånejob'] } }, new Set())).toBe('skanejob');
		expect(conceptId({ terms: { is: ['Þjónusta ráðgjafa'] } }, new Set())).toBe(
			'thjonusta-radgjafa'
		);
		expect(conceptId({ terms: { nb: ['Førtidspensjon'] } }, new Set())).toBe('fortidspensjon');
	});

	it('spells out ß and drops the marks of ö, as role ids and file names do', () => {
		expect(conceptId({ terms: { en: ['Straße'] } }, new Set())).toBe('strasse');
		expect(conceptId({ terms: { sv: ['Förtidspension Över'] } }, new Set())).toBe(
			'fortidspension-over'
		);
	});

	it('avoids ids that are taken and the names of the editor pages', () => {
		expect(conceptId({ terms: { en: ['caseworker'] } }, new Set(['caseworker']))).toBe(
			'caseworker-2'
		);
		expect(conceptId({ terms: { en: ['new'] } }, new Set())).toBe('new-concept');
		expect(conceptId({ terms: { en: ['Import'] } }, new Set())).toBe('import-concept');
		expect(conceptId({ terms: { en: ['!!!'] } }, new Set())).toBe('concept');
	});
});

describe('nameErrors', () => {
	it('names the other concept in the reader’s language, or in English when that is the term itself', () => {
		const duplicate = (term: string) => [
			{
				code: 'duplicate_term' as const,
				field: 'terms.nb',
				params: { term, other: 'employment-service' }
			}
		];
		expect(
			nameErrors(duplicate('Arbetsförmedlingen'), defaultGlossary, 'nb')[0]!.params.other
		).toBe('NAV');
		expect(nameErrors(duplicate('NAV'), defaultGlossary, 'nb')[0]!.params.other).toBe(
			'public employment service'
		);
	});
});

describe('checkGlossary', () => {
	it('reports a shared term on both concepts, naming the other one', () => {
		const problems = checkGlossary([
			{ id: 'a', terms: { sv: ['handläggare'] } },
			{ id: 'b', terms: { nb: ['x'], sv: ['Handläggare'] } }
		]);
		expect(problems.get('a')).toEqual([
			{ code: 'duplicate_term', field: 'terms.sv', params: { term: 'handläggare', other: 'b' } }
		]);
		expect(problems.get('b')).toEqual([
			{ code: 'duplicate_term', field: 'terms.sv', params: { term: 'Handläggare', other: 'a' } }
		]);
	});

	it('finds nothing wrong with the default glossary', () => {
		expect([...checkGlossary(defaultGlossary)]).toEqual([]);
	});
});
