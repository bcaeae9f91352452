import { describe, expect, it } from 'vitest';
import { defaultGlossary } from './default-glossary';
import { compileGlossary, findTerms, segmentText } from './match';
import type { Glossary } from './types';

const matcher = compileGlossary(defaultGlossary);

/** [matched text, concept id] pairs, in text order. */
function found(text: string): [string, string][] {
	return findTerms(matcher, text).map((m) => [m.text, m.conceptId]);
}

/** The concept id of a text that should be one whole match, or null. */
function whole(text: string): string | null {
	const matches = findTerms(matcher, text);
	if (matches.length !== 1 || matches[0]!.start !== 0 || matches[0]!.end !== text.length) {
		return null;
	}
	return matches[0]!.conceptId;
}

describe('compileGlossary', () => {
	it('compiles every concept with a marked term', () => {
		expect(matcher.conceptCount).toBe(defaultGlossary.length);
		expect(matcher.termCount).toBeGreaterThan(defaultGlossary.length * 4);
	});

	it('leaves out unmarked terms but keeps the rest of their concept', () => {
		expect(found('Han er veileder og sjef')).toEqual([]);
		expect(found('ett verk om konst')).toEqual([]);
		expect(whole('myndigheten')).toBe('government-agency');
	});
});

describe('findTerms: case', () => {
	it('ignores case, including Nordic capitals', () => {
		for (const text of ['saksbehandler', 'Saksbehandler', 'SAKSBEHANDLER', 'sAKSbehandler']) {
			expect(whole(text)).toBe('caseworker');
		}
		expect(whole('ARBETSFÖRMEDLINGEN')).toBe('employment-service');
		expect(whole('FØRTIDSPENSION')).toBe('disability-pension');
		expect(whole('KONTANTHJÆLP')).toBe('social-assistance');
		expect(whole('LÄNET')).toBe('region');
		expect(whole('ÅRBETSPRAKTIK')).toBeNull();
		expect(whole('ÞROSKAHÖMLUN')).toBe('intellectual-disability');
		expect(whole('FJÁRHAGSAÐSTOÐ')).toBe('social-assistance');
		expect(whole('ÖRORKULÍFEYRIR')).toBe('disability-pension');
		expect(whole('TYÖKYVYTTÖMYYSELÄKE')).toBe('disability-pension');
	});

	it('treats ö/ø and ä/æ as one letter, as Nordic writers mix them', () => {
		// The 2010 report itself writes "arbeidsförmedling" and "sysselsætning".
		expect(whole('arbetsførmedling')).toBe('job-placement');
		expect(whole('förtidspension')).toBe('disability-pension');
		expect(whole('kontanthjälp')).toBe('social-assistance');
	});

	it('keeps å, ø and a apart', () => {
		expect(found('Jeg tok opp et lån i banken')).toEqual([]);
		expect(found('lan og lon')).toEqual([]);
	});

	it('accepts decomposed letters (a + combining ring) and maps offsets back', () => {
		const text = 'I la\u0308net och i sko\u0308nejobb';
		const [m] = findTerms(matcher, text);
		expect(m?.conceptId).toBe('region');
		expect(m?.text).toBe('la\u0308net');
		expect(text.slice(m!.start, m!.end)).toBe('la\u0308net');
		expect(
			segmentText(matcher, text)
				.map((s) => s.text)
				.join('')
		).toBe(text);
	});

	it('handles letters whose lower case is longer (İ) without shifting offsets', () => {
		const text = 'İİ NAV-kontoret';
		const [m] = findTerms(matcher, text);
		expect(m?.text).toBe('NAV-kontoret');
		expect(m?.start).toBe(3);
	});
});

describe('findTerms: word boundaries', () => {
	it('finds NAV as a word, with a hyphen or genitive s, but not inside navn', () => {
		expect(found('NAV')).toEqual([['NAV', 'employment-service']]);
		expect(found('Møte på NAV-kontoret i dag')).toEqual([['NAV-kontoret', 'employment-service']]);
		expect(found('NAV-veilederen ringte')).toEqual([['NAV-veilederen', 'caseworker']]);
		expect(found('NAVs rolle')).toEqual([['NAVs', 'employment-service']]);
		expect(found('Nav har nytt navn')).toEqual([['Nav', 'employment-service']]);
		expect(found('Skriv navn og navigere')).toEqual([]);
		expect(found('NAVN: Kari')).toEqual([]);
		expect(found('Navn: Kari')).toEqual([]);
		expect(found('et nav i hjulet')).toEqual([]);
	});

	it('does not take te (tea) or se (see) for the acronyms TE and SE', () => {
		expect(found('Vi drakk te og så på TE-toimisto')).toEqual([
			['TE-toimisto', 'employment-service']
		]);
		expect(found('Te ja kahvi')).toEqual([]);
		expect(found('Vi må se på SE-tilbudet')).toEqual([['SE', 'supported-employment']]);
		expect(found('Se her')).toEqual([]);
	});

	it('does not match inside or at the start of a longer word', () => {
		expect(found('storkommune')).toEqual([]);
		expect(found('saksbehandlerkapasitet')).toEqual([]);
		expect(found('etatsjef')).toEqual([]);
		expect(found('jobbcoachingen')).toEqual([]);
	});

	it('matches the second part of a hyphenated compound', () => {
		expect(found('SE-saksbehandler')).toEqual([
			['SE', 'supported-employment'],
			['saksbehandler', 'caseworker']
		]);
	});
});

describe('findTerms: inflections', () => {
	it('knows the saksbehandler family', () => {
		for (const form of [
			'saksbehandler',
			'saksbehandleren',
			'saksbehandlere',
			'saksbehandlerne',
			'saksbehandlers',
			'saksbehandlerens',
			'saksbehandlernes'
		]) {
			expect(whole(form), form).toBe('caseworker');
		}
	});

	it('knows Norwegian definite and plural endings', () => {
		for (const [form, id] of [
			['jobbcoachen', 'job-coach'],
			['jobbcoacher', 'job-coach'],
			['jobbcoachene', 'job-coach'],
			['arbeidsgiverne', 'employer'],
			['tilretteleggingen', 'workplace-adaptation'],
			['tilrettelegginga', 'workplace-adaptation'],
			['fylket', 'region'],
			['fylkene', 'region'],
			['etaten', 'government-agency'],
			['lønnstilskuddet', 'wage-subsidy'],
			['uføretrygden', 'disability-pension']
		] as const) {
			expect(whole(form), form).toBe(id);
		}
	});

	it('knows Swedish -en/-et/-na/-arna/-erna', () => {
		for (const [form, id] of [
			['arbetsförmedlingen', 'employment-service'],
			['arbetsförmedlingens', 'employment-service'],
			['arbetsförmedlingar', 'job-placement'],
			['handläggaren', 'caseworker'],
			['handläggarna', 'caseworker'],
			['handläggarnas', 'caseworker'],
			['länet', 'region'],
			['länen', 'region'],
			['läns', 'region'],
			['lönebidraget', 'wage-subsidy'],
			['lönebidragen', 'wage-subsidy'],
			['jobbcoacherna', 'job-coach'],
			['myndigheterna', 'government-agency'],
			['kommunerna', 'municipality'],
			['arbetsgivarna', 'employer'],
			['praktiken', 'work-placement']
		] as const) {
			expect(whole(form), form).toBe(id);
		}
	});

	it('knows Danish -en/-et/-erne, doubled consonants and dropped e', () => {
		for (const [form, id] of [
			['sagsbehandleren', 'caseworker'],
			['sagsbehandlerne', 'caseworker'],
			['jobcentret', 'employment-service'],
			['jobcenteret', 'employment-service'],
			['jobcentrene', 'employment-service'],
			['fleksjobbet', 'fleksjob'],
			['fleksjobber', 'fleksjob'],
			['skånejobbet', 'skaanejob'],
			['kontanthjælpen', 'social-assistance'],
			['styrelsen', 'government-agency'],
			['styrelserne', 'government-agency'],
			['løntilskuddet', 'wage-subsidy'],
			['kommunerne', 'municipality'],
			['førtidspensionen', 'disability-pension']
		] as const) {
			expect(whole(form), form).toBe(id);
		}
	});

	it('knows Finnish case endings, plural stems and consonant gradation', () => {
		for (const [form, id] of [
			['työvalmentajan', 'job-coach'],
			['työvalmentajalla', 'job-coach'],
			['työvalmentajat', 'job-coach'],
			['työvalmentajia', 'job-coach'],
			['työvalmentajien', 'job-coach'],
			['työvalmentajammekin', 'job-coach'],
			['palkkatukea', 'wage-subsidy'],
			['palkkatuen', 'wage-subsidy'],
			['palkkatuella', 'wage-subsidy'],
			['palkkatukeen', 'wage-subsidy'],
			['työkyvyn', 'work-ability'],
			['työkykyä', 'work-ability'],
			['TE-toimistossa', 'employment-service'],
			['TE-toimistoon', 'employment-service'],
			['TE-palveluista', 'employment-service'],
			['TE-palvelujen', 'employment-service'],
			['kunnassa', 'municipality'],
			['kuntien', 'municipality'],
			['työkyvyttömyyseläkkeellä', 'disability-pension'],
			['työkyvyttömyyseläkettä', 'disability-pension'],
			['hyvinvointialueella', 'region'],
			['Kelasta', 'social-insurance-agency'],
			['tuetun työllistymisen', 'supported-employment'],
			['tuettua työllistymistä', 'supported-employment']
		] as const) {
			expect(whole(form), form).toBe(id);
		}
	});

	it('knows common Icelandic endings', () => {
		for (const [form, id] of [
			['Vinnumálastofnunar', 'employment-service'],
			['Vinnumálastofnunin', 'employment-service'],
			['atvinnuráðgjafinn', 'job-coach'],
			['atvinnuráðgjafa', 'job-coach'],
			['atvinnuráðgjafar', 'job-coach'],
			['örorkulífeyri', 'disability-pension'],
			['örorkulífeyris', 'disability-pension'],
			['starfsgetu', 'work-ability'],
			['starfsgetan', 'work-ability'],
			['sveitarfélagið', 'municipality'],
			['atvinnu með stuðningi', 'supported-employment']
		] as const) {
			expect(whole(form), form).toBe(id);
		}
	});

	it('knows English plurals', () => {
		expect(whole('job coaches')).toBe('job-coach');
		expect(whole('caseworkers')).toBe('caseworker');
		expect(whole('disabilities')).toBe('disability');
	});

	it('gives no endings to one-letter words', () => {
		expect(whole('a-kassan')).toBe('unemployment-benefit');
		expect(found('an kassa')).toEqual([]);
	});

	it('does not accept arbitrary endings', () => {
		expect(found('saksbehandlerx')).toEqual([]);
		expect(found('palkkatukixyz')).toEqual([]);
		expect(found('jobcenters')).toEqual([['jobcenters', 'employment-service']]);
	});
});

describe('findTerms: multi-word terms', () => {
	it('matches across any run of spaces, tabs, line breaks or a hyphen', () => {
		expect(whole('supported employment')).toBe('supported-employment');
		expect(whole('Supported  Employment')).toBe('supported-employment');
		expect(whole('supported\nemployment')).toBe('supported-employment');
		expect(whole('arbeid\tmed \n bistand')).toBe('arbeid-med-bistand');
		expect(whole('arbeid-med-bistand')).toBe('arbeid-med-bistand');
		expect(whole('daglig verksamhet')).toBe('day-activity');
		expect(whole('beskyttet beskæftigelse')).toBe('sheltered-employment');
		expect(whole('Arbeids- og velferdsetaten')).toBe('employment-service');
	});

	it('does not match across punctuation', () => {
		expect(found('supported. Employment')).toEqual([]);
		expect(found('arbeid, med bistand')).toEqual([]);
	});

	it('inflects the words of a multi-word term', () => {
		expect(whole('skjermede sysselsettinger')).toBe('sheltered-employment');
		expect(whole('psykiske lidelser')).toBe('mental-illness');
		expect(whole('nedsatt arbeidsevne')).toBe('reduced-work-ability');
	});
});

describe('findTerms: overlaps', () => {
	it('prefers the longest match', () => {
		expect(found('skjermet sysselsetting')).toEqual([
			['skjermet sysselsetting', 'sheltered-employment']
		]);
		expect(found('nedsatt arbeidsevne')).toEqual([['nedsatt arbeidsevne', 'reduced-work-ability']]);
		expect(found('NAV-veileder')).toEqual([['NAV-veileder', 'caseworker']]);
		expect(found('SIUS-konsulenten')).toEqual([['SIUS-konsulenten', 'job-coach']]);
	});

	it('prefers the term written out over an inflected shorter term of the same length', () => {
		// "arbetsförmedling" + "en" would be the job-placement concept; the agency's name wins.
		expect(found('Arbetsförmedlingen')).toEqual([['Arbetsförmedlingen', 'employment-service']]);
	});

	const abc: Glossary = [
		{ id: 'ab', terms: { en: ['alpha beta'] } },
		{ id: 'bc', terms: { en: ['beta gamma'] } },
		{ id: 'bcd', terms: { en: ['beta gamma delta'] } },
		{ id: 'b', terms: { en: ['beta'] } }
	];
	const small = compileGlossary(abc);
	const ids = (text: string) => findTerms(small, text).map((m) => [m.text, m.conceptId]);

	it('resolves equal lengths to the earliest, then the longest wins over earlier shorter ones', () => {
		expect(ids('alpha beta gamma')).toEqual([['alpha beta', 'ab']]);
		expect(ids('alpha beta gamma delta')).toEqual([['beta gamma delta', 'bcd']]);
		expect(ids('beta')).toEqual([['beta', 'b']]);
		expect(ids('beta beta gamma')).toEqual([
			['beta', 'b'],
			['beta gamma', 'bc']
		]);
	});

	it('breaks ties between concepts by glossary order, the same way every time', () => {
		const twice: Glossary = [
			{ id: 'first', terms: { en: ['shared'] } },
			{ id: 'second', terms: { en: ['shared'] } }
		];
		const m = compileGlossary(twice);
		expect(findTerms(m, 'shared').map((x) => x.conceptId)).toEqual(['first']);
		expect(findTerms(compileGlossary([...twice].reverse()), 'shared')[0]?.conceptId).toBe('second');
	});
});

describe('findTerms: punctuation and line breaks', () => {
	it('finds terms next to punctuation', () => {
		expect(found('(NAV), «saksbehandler», NAV/Jobcenter; praksisplass!')).toEqual([
			['NAV', 'employment-service'],
			['saksbehandler', 'caseworker'],
			['NAV', 'employment-service'],
			['Jobcenter', 'employment-service'],
			['praksisplass', 'work-placement']
		]);
		expect(found('NAV:s handläggare')).toEqual([
			['NAV', 'employment-service'],
			['handläggare', 'caseworker']
		]);
	});

	it('finds terms at line starts and ends', () => {
		expect(found('Jobbcoach\nsaksbehandler\r\nNAV')).toEqual([
			['Jobbcoach', 'job-coach'],
			['saksbehandler', 'caseworker'],
			['NAV', 'employment-service']
		]);
	});

	it('reports the languages that own the term', () => {
		const [m] = findTerms(matcher, 'regionen');
		expect(m?.term).toBe('region');
		expect([...m!.languages].sort()).toEqual(['da', 'en', 'sv']);
	});
});

describe('segmentText', () => {
	it('gives back the whole text as plain and term segments', () => {
		const text = 'Saksbehandleren i NAV ringte jobbcoachen.\nTakk!';
		const segments = segmentText(matcher, text);
		expect(segments).toEqual([
			{
				kind: 'term',
				text: 'Saksbehandleren',
				conceptId: 'caseworker',
				term: 'saksbehandler',
				languages: ['nb']
			},
			{ kind: 'text', text: ' i ' },
			{
				kind: 'term',
				text: 'NAV',
				conceptId: 'employment-service',
				term: 'NAV',
				languages: ['nb']
			},
			{ kind: 'text', text: ' ringte ' },
			{
				kind: 'term',
				text: 'jobbcoachen',
				conceptId: 'job-coach',
				term: 'jobbcoach',
				languages: ['nb', 'sv']
			},
			{ kind: 'text', text: '.\nTakk!' }
		]);
		expect(segments.map((s) => s.text).join('')).toBe(text);
	});

	it('returns one text segment when nothing matches, and nothing for an empty text', () => {
		expect(segmentText(matcher, 'Hei på deg')).toEqual([{ kind: 'text', text: 'Hei på deg' }]);
		expect(segmentText(matcher, '')).toEqual([]);
	});

	it('keeps markup-looking text as plain text', () => {
		const text = '<b>NAV</b> & <script>';
		const segments = segmentText(matcher, text);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.kind === 'term').map((s) => s.text)).toEqual(['NAV']);
	});

	it('is deterministic', () => {
		const text =
			'NAV, Arbetsförmedlingen, jobcentret og TE-toimisto: saksbehandlere og jobbcoacher.';
		expect(segmentText(compileGlossary(defaultGlossary), text)).toEqual(segmentText(matcher, text));
	});
});

describe('compileGlossary: forms', () => {
	it('adds irregular stems keyed by term, word by word', () => {
		const g: Glossary = [
			{
				id: 'wage-subsidy',
				terms: { fi: ['palkkatuki'] },
				forms: { palkkatuki: ['palkkatue'] }
			}
		];
		const m = compileGlossary(g);
		expect(findTerms(m, 'palkkatuessa').map((x) => x.conceptId)).toEqual(['wage-subsidy']);
		expect(
			findTerms(compileGlossary([{ id: 'x', terms: { fi: ['palkkatuki'] } }]), 'palkkatuen')
		).toEqual([]);
	});
});
