import { describe, expect, it } from 'vitest';
import { languages } from '../session/types';
import { createDefaultGlossary, defaultGlossary } from './default-glossary';
import { validateGlossary } from './glossary';
import { compileGlossary, findTerms } from './match';
import type { Language } from './types';

/** Every term of a concept in one language, lower-cased for comparison. */
function termsOf(id: string, language: Language): string[] {
	const concept = defaultGlossary.find((c) => c.id === id);
	return (concept?.terms[language] ?? []).map((t) => t.toLowerCase());
}

describe('defaultGlossary', () => {
	it('passes validation: unique kebab-case ids, no term in two concepts, forms that fit', () => {
		expect(validateGlossary(defaultGlossary)).toEqual([]);
	});

	it('has no duplicate ids', () => {
		const ids = defaultGlossary.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has nb, sv, da and en terms and an English explanation for every concept', () => {
		for (const concept of defaultGlossary) {
			for (const language of ['nb', 'sv', 'da', 'en'] as const) {
				expect(concept.terms[language]?.length ?? 0, `${concept.id} ${language}`).toBeGreaterThan(
					0
				);
			}
			expect(concept.explanation?.en, concept.id).toMatch(/\w{3}/);
		}
	});

	it('explains every concept, and gives every caveat, in all six languages', () => {
		for (const concept of defaultGlossary) {
			for (const language of languages) {
				expect(concept.explanation?.[language], `${concept.id} ${language}`).toMatch(/\p{L}{3}/u);
				if (concept.notes) {
					expect(concept.notes[language], `${concept.id} notes ${language}`).toMatch(/\p{L}{3}/u);
				}
			}
		}
	});

	it('writes each language’s explanation in that language, not a copy of another', () => {
		for (const concept of defaultGlossary) {
			for (const field of ['explanation', 'notes'] as const) {
				const texts = Object.values(concept[field] ?? {});
				expect(new Set(texts).size, `${concept.id} ${field}`).toBe(texts.length);
			}
		}
	});

	it('uses only the six languages and no blank terms', () => {
		for (const concept of defaultGlossary) {
			for (const [language, terms] of Object.entries(concept.terms)) {
				expect(languages).toContain(language);
				for (const term of terms ?? []) expect(term.trim()).toBe(term);
			}
		}
	});

	it('has every pair from the 2010 report’s language help page', () => {
		const pairs: [string, Language, string][] = [
			['job-placement', 'nb', 'arbeidsformidling'],
			['job-placement', 'sv', 'arbetsförmedling'],
			['employment-service', 'nb', 'nav'],
			['employment-service', 'da', 'jobcenter'],
			['job-coach', 'nb', 'tilrettelegger'],
			['job-coach', 'nb', 'veileder'],
			['job-coach', 'da', 'jobkonsulent'],
			['job-coach', 'en', 'job coach'],
			['service-provider', 'sv', 'utförare'],
			['caseworker', 'nb', 'saksbehandler'],
			['caseworker', 'en', 'caseworker'],
			['caseworker', 'da', 'sagsbehandler'],
			['workplace-mentor', 'sv', 'handledare'],
			['government-agency', 'nb', 'etat'],
			['government-agency', 'da', 'styrelse'],
			['government-agency', 'sv', 'verk'],
			['region', 'nb', 'fylke'],
			['region', 'da', 'region'],
			['region', 'sv', 'län'],
			['vocational-rehabilitation', 'nb', 'attføring'],
			['vocational-rehabilitation', 'da', 'revalidering'],
			['vocational-rehabilitation', 'sv', 'rehabilitering'],
			['habilitation', 'sv', 'habilitering'],
			['arbeid-med-bistand', 'nb', 'arbeid med bistand'],
			['fleksjob', 'da', 'fleksjob'],
			['skaanejob', 'da', 'skånejob'],
			['sheltered-employment', 'nb', 'skjermet sysselsetting'],
			['sheltered-employment', 'da', 'beskyttet beskæftigelse'],
			['work-placement', 'nb', 'hospitering'],
			['work-placement', 'da', 'praktik'],
			['work-placement', 'nb', 'praksisplass'],
			['day-activity', 'da', 'aktivitets- og samværstilbud'],
			['day-activity', 'sv', 'daglig verksamhet'],
			['occupation', 'nb', 'sysselsetting'],
			['social-security-benefit', 'nb', 'trygd'],
			['social-security-benefit', 'da', 'pension'],
			['disability-pension', 'nb', 'uføretrygd'],
			['disability-pension', 'da', 'førtidspension'],
			['social-assistance', 'nb', 'sosialhjelp'],
			['social-assistance', 'da', 'kontanthjælp'],
			['social-assistance', 'sv', 'socialbidrag'],
			['work-ability', 'nb', 'arbeidsevne'],
			['work-ability', 'sv', 'arbetsförmåga'],
			['mental-illness', 'da', 'sindslidelse']
		];
		for (const [id, language, term] of pairs) {
			expect(termsOf(id, language), `${id} ${language}`).toContain(term);
		}
	});

	it('names the core concepts with their local terms in all six languages', () => {
		const expected: Record<string, Partial<Record<Language, string>>> = {
			'supported-employment': {
				fi: 'tuettu työllistyminen',
				is: 'atvinna með stuðningi',
				en: 'supported employment'
			},
			'job-coach': { fi: 'työvalmentaja', is: 'atvinnuráðgjafi', sv: 'jobbcoach', nb: 'jobbcoach' },
			'job-match': { nb: 'jobbmatch', sv: 'jobbmatchning', da: 'jobmatch', en: 'job match' },
			'workplace-adaptation': { nb: 'tilrettelegging', en: 'workplace adaptation' },
			'wage-subsidy': {
				nb: 'lønnstilskudd',
				sv: 'lönebidrag',
				da: 'løntilskud',
				fi: 'palkkatuki',
				en: 'wage subsidy'
			},
			'sheltered-employment': { fi: 'suojatyö', en: 'sheltered employment' },
			'work-ability': { fi: 'työkyky', is: 'starfsgeta', en: 'work ability' },
			'disability-pension': {
				fi: 'työkyvyttömyyseläke',
				is: 'örorkulífeyrir',
				sv: 'sjukersättning',
				en: 'disability pension'
			},
			caseworker: { sv: 'handläggare', en: 'caseworker' },
			'employment-service': {
				sv: 'arbetsförmedlingen',
				fi: 'te-palvelut',
				is: 'vinnumálastofnun',
				en: 'jobcentre plus'
			}
		};
		for (const [id, byLanguage] of Object.entries(expected)) {
			for (const [language, term] of Object.entries(byLanguage)) {
				expect(termsOf(id, language as Language), `${id} ${language}`).toContain(term);
			}
		}
	});

	it('finds every marked term of every concept, as written and in capitals', () => {
		const matcher = compileGlossary(defaultGlossary);
		for (const concept of defaultGlossary) {
			const unmarked = new Set(concept.unmarked ?? []);
			for (const terms of Object.values(concept.terms)) {
				for (const term of terms ?? []) {
					if (unmarked.has(term)) continue;
					for (const text of [term, term.toUpperCase()]) {
						const matches = findTerms(matcher, text);
						expect(
							matches.map((m) => [m.conceptId, m.start, m.end]),
							text
						).toEqual([[concept.id, 0, text.length]]);
					}
				}
			}
		}
	});

	it('lists unmarked terms among the concept’s terms', () => {
		for (const concept of defaultGlossary) {
			const all = Object.values(concept.terms).flat();
			for (const term of concept.unmarked ?? []) expect(all, concept.id).toContain(term);
		}
	});
});

describe('createDefaultGlossary', () => {
	it('returns a copy a conference may change without touching the default', () => {
		const copy = createDefaultGlossary();
		expect(copy).toEqual(defaultGlossary);
		(copy[0]!.terms.nb as string[]).push('endret');
		copy.pop();
		expect(defaultGlossary[0]!.terms.nb).not.toContain('endret');
		expect(copy.length).toBe(defaultGlossary.length - 1);
	});
});
