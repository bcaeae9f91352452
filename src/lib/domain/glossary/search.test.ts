import { describe, expect, it } from 'vitest';
import { defaultGlossary } from './default-glossary';
import { searchGlossary } from './search';
import type { Glossary, Language } from './types';

function ids(query: string, reader: Language, glossary: Glossary = defaultGlossary): string[] {
	return searchGlossary(glossary, query, reader).map((h) => h.concept.id);
}

describe('searchGlossary', () => {
	it('finds terms in any language, case-insensitively', () => {
		expect(ids('sagsbehandler', 'nb')[0]).toBe('caseworker');
		expect(ids('SAGSBEHANDLER', 'nb')[0]).toBe('caseworker');
		expect(ids('Palkkatuki', 'en')[0]).toBe('wage-subsidy');
		expect(ids('vinnumálastofnun', 'da')[0]).toBe('employment-service');
		expect(ids('ÞROSKAHÖMLUN', 'nb')[0]).toBe('intellectual-disability');
	});

	it('finds substrings of terms and words in explanations', () => {
		expect(ids('tilskud', 'da')).toContain('wage-subsidy');
		expect(ids('productivity', 'en')).toEqual(['wage-subsidy']);
	});

	it('returns nothing for an empty query or one that matches nothing', () => {
		expect(searchGlossary(defaultGlossary, '   ', 'nb')).toEqual([]);
		expect(searchGlossary(defaultGlossary, 'zzqx', 'nb')).toEqual([]);
	});

	it('puts matches in the reader’s language first', () => {
		const glossary: Glossary = [
			{ id: 'swedish-plan', terms: { sv: ['planen'], nb: ['noe annet'] } },
			{ id: 'norwegian-plan', terms: { nb: ['planen'], sv: ['något annat'] } },
			{ id: 'english-plan', terms: { en: ['planen'] } }
		];
		expect(ids('plan', 'nb', glossary)).toEqual(['norwegian-plan', 'swedish-plan', 'english-plan']);
		expect(ids('plan', 'sv', glossary)).toEqual(['swedish-plan', 'norwegian-plan', 'english-plan']);
		expect(ids('plan', 'en', glossary)).toEqual(['english-plan', 'swedish-plan', 'norwegian-plan']);
	});

	it('ranks by reader language with the default glossary too', () => {
		// "pension" is a Danish term (trygd) and part of the English "disability pension".
		expect(ids('pension', 'da')[0]).toBe('social-security-benefit');
		expect(ids('pension', 'en')[0]).toBe('disability-pension');
		const hit = searchGlossary(defaultGlossary, 'coach', 'fi')[0];
		expect(hit?.concept.id).toBe('job-coach');
	});

	it('ranks term matches before explanation matches, and exact before prefix before substring', () => {
		const glossary: Glossary = [
			{ id: 'explained', terms: { nb: ['noe'] }, explanation: { nb: 'om tiltak' } },
			{ id: 'inside', terms: { nb: ['arbeidsmarkedstiltak'] } },
			{ id: 'word', terms: { nb: ['varig tiltak'] } },
			{ id: 'start', terms: { nb: ['tiltaksarrangør'] } },
			{ id: 'exact', terms: { nb: ['tiltak'] } }
		];
		expect(ids('tiltak', 'nb', glossary)).toEqual([
			'exact',
			'start',
			'word',
			'inside',
			'explained'
		]);
		const [first] = searchGlossary(glossary, 'tiltak', 'nb');
		expect(first).toMatchObject({ field: 'term', kind: 'exact', term: 'tiltak', language: 'nb' });
	});

	it('prefers a concept’s preferred term, then glossary order', () => {
		const glossary: Glossary = [
			{ id: 'second-term', terms: { en: ['other', 'coach'] } },
			{ id: 'first-term', terms: { en: ['coach'] } }
		];
		expect(ids('coach', 'en', glossary)).toEqual(['first-term', 'second-term']);
		const tied: Glossary = [
			{ id: 'a', terms: { en: ['coach'] } },
			{ id: 'b', terms: { en: ['coach'] } }
		];
		expect(ids('coach', 'en', tied)).toEqual(['a', 'b']);
	});

	it('lets a query typed without Nordic letters find them, ranked after exact matches', () => {
		const [hit] = searchGlossary(defaultGlossary, 'fortidspension', 'nb');
		expect(hit).toMatchObject({
			concept: { id: 'disability-pension' },
			loose: true,
			kind: 'exact'
		});
		expect(ids('foertidspension', 'nb')[0]).toBe('disability-pension');
		expect(ids('arbetsformedlingen', 'sv')[0]).toBe('employment-service');
		expect(ids('throskahomlun', 'en')[0]).toBe('intellectual-disability');
		const exact = searchGlossary(defaultGlossary, 'førtidspension', 'nb')[0];
		expect(exact?.loose).toBe(false);
	});

	it('keeps Nordic letters distinct when the query has them', () => {
		// "lån" (loan) is not "län" (county); only an ASCII "lan" may stand for both.
		expect(ids('lån', 'sv')).not.toContain('region');
		expect(ids('lan', 'sv')).toContain('region');
		// ö and ø are one letter: the Swedish and Danish spellings find each other.
		expect(ids('förtidspension', 'da')[0]).toBe('disability-pension');
	});

	it('tolerates a typo in longer queries, ranked last', () => {
		const hits = searchGlossary(defaultGlossary, 'forstidspension', 'da');
		expect(hits[0]).toMatchObject({ concept: { id: 'disability-pension' }, kind: 'fuzzy' });
		expect(ids('jobbkoach', 'sv')).toEqual(['job-coach']);
		// Short queries get no typo budget, or they would match everything.
		expect(ids('nac', 'nb')).toEqual([]);
		const glossary: Glossary = [
			{ id: 'typo', terms: { en: ['subsidy'] } },
			{ id: 'in-text', terms: { en: ['other'] }, explanation: { en: 'a subsidie here' } }
		];
		expect(ids('subsidi', 'en', glossary)).toEqual(['in-text', 'typo']);
	});

	it('is deterministic and honours the limit', () => {
		const once = ids('arbeid', 'nb');
		expect(once.length).toBeGreaterThan(3);
		expect(ids('arbeid', 'nb')).toEqual(once);
		expect(
			searchGlossary(defaultGlossary, 'arbeid', 'nb', { limit: 2 }).map((h) => h.concept.id)
		).toEqual(once.slice(0, 2));
	});
});
