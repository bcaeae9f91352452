import { describe, expect, it } from 'vitest';
import { defaultGlossary } from '../glossary/default-glossary';
import type { Language } from '../session/types';
import { seededRandom, shuffle } from '$lib/testing/random';
import tuning from './fixtures/tuning.json';
import { detectLanguage, loadLanguageDetector } from './language';
import {
	defaultSettings,
	linkedComponents,
	suggestClusters,
	tokenizeNotes,
	type SynthesisNote,
	type SuggestOptions
} from './suggest';

await loadLanguageDetector();

const options: SuggestOptions = { glossary: defaultGlossary, reader: 'nb' };

/** The tokens of each text, in the given language (or detected when none is given). */
function tokensOf(texts: readonly (readonly [string, Language?])[]): string[][] {
	const notes = texts.map(([text, language], i) => ({ id: String(i), text, language }));
	return tokenizeNotes(notes, options).map((note) => [...note.weights.keys()]);
}

function shared(texts: readonly (readonly [string, Language?])[]): string[] {
	const [first, ...rest] = tokensOf(texts);
	return first!.filter((token) => rest.every((tokens) => tokens.includes(token)));
}

const tuningNotes: SynthesisNote[] = tuning.groups.flatMap((group) =>
	group.notes.map((note) => ({ ...note, language: (note as { language?: Language }).language }))
);

describe('stemming and concept matching in six languages', () => {
	it('Norwegian: inflected glossary terms are one concept, inflected words one stem', () => {
		expect(
			shared([
				['Saksbehandleren kjenner arbeidsplassen', 'nb'],
				['Saksbehandlerne besøker arbeidsplasser', 'nb']
			])
		).toEqual(['c:caseworker', 's:arbetsplas']);
	});

	it('Swedish: handläggaren and handläggarna, utbildningen and utbildning', () => {
		expect(
			shared([
				['Handläggaren och utbildningen', 'sv'],
				['Handläggarna behöver utbildning', 'sv']
			])
		).toEqual(['c:caseworker', 's:utbiltning']);
	});

	it('Danish: sagsbehandlerne and sagsbehandleren, virksomheden and virksomheder', () => {
		expect(
			shared([
				['Sagsbehandlerne i virksomheden', 'da'],
				['Sagsbehandleren og virksomheder', 'da']
			])
		).toEqual(['c:caseworker', 's:virksom']);
	});

	it('Finnish: palkkatuen and palkkatukea are the wage subsidy; työpaikalla and työpaikan one stem', () => {
		expect(
			shared([
				['Palkkatuen työpaikalla', 'fi'],
				['Palkkatukea työpaikan', 'fi']
			])
		).toEqual(['c:wage-subsidy', 's:tyopaik']);
	});

	it('Icelandic: the light stemmer makes rannsóknir, rannsóknum and rannsókna one stem', () => {
		expect(
			shared([
				['Rannsóknir', 'is'],
				['Fleiri rannsóknum', 'is'],
				['Niðurstöður rannsókna', 'is']
			])
		).toEqual(['s:rannsokn']);
	});

	it('English: trained and training, job coaches and job coach', () => {
		expect(
			shared([
				['Trained job coaches', 'en'],
				['Training the job coach', 'en']
			])
		).toEqual(['c:job-coach', 's:train']);
	});

	it('one concept across languages: saksbehandler, handläggare, sagsbehandler, virkailija', () => {
		expect(
			shared([
				['Saksbehandleren', 'nb'],
				['Handläggaren', 'sv'],
				['Sagsbehandleren', 'da'],
				['Virkailija', 'fi']
			])
		).toEqual(['c:caseworker']);
	});

	it('one Scandinavian key: arbeidsgiver, arbetsgivare and arbejdsgiver outside the glossary', () => {
		const notes = [
			['Arbeidsgiveren', 'nb'],
			['Arbetsgivaren', 'sv'],
			['Arbejdsgiveren', 'da']
		] as const;
		const tokens = tokenizeNotes(
			notes.map(([text, language], i) => ({ id: String(i), text, language })),
			{ glossary: [], reader: 'nb' }
		).map((note) => [...note.weights.keys()]);
		expect(new Set(tokens.flat()).size).toBe(1);
	});

	it('compounds: kontaktperson gets the parts the group uses, jobbspesialistrollen the job coach', () => {
		const [compound, , role] = tokensOf([
			['Fast kontaktperson', 'nb'],
			['Kontakt med en person', 'nb'],
			['Markedsføre jobbspesialistrollen', 'nb']
		]);
		expect(compound).toEqual(expect.arrayContaining(['s:kontaktperson', 's:kontakt', 's:person']));
		expect(role).toContain('c:job-coach');
	});

	it('reads only glossary terms of languages the writer reads: Norwegian "kunne" is not Finnish "kunta"', () => {
		expect(tokensOf([['Kunne markedsføre', 'nb']])[0]).not.toContain('c:municipality');
		expect(tokensOf([['Kunnan työpaikat', 'fi']])[0]).toContain('c:municipality');
	});

	it('compares the folded words themselves when stemming is off (for the benchmark)', () => {
		const notes = [
			{ id: '1', text: 'arbeidsplassen', language: 'nb' as const },
			{ id: '2', text: 'arbeidsplasser', language: 'nb' as const }
		];
		const keys = (stemming: boolean) =>
			tokenizeNotes(notes, options, { ...defaultSettings, stemming }).map((n) => [
				...n.weights.keys()
			]);
		expect(keys(true)).toEqual([['s:arbetsplas'], ['s:arbetsplas']]);
		expect(keys(false)).toEqual([['s:arbeidsplassen'], ['s:arbeidsplasser']]);
	});

	it('removes stop words per language', () => {
		expect(
			tokensOf([
				['det er en kontaktperson', 'nb'],
				['det är så att vi', 'sv'],
				['og det er at der', 'da'],
				['það er og að við', 'is'],
				['se on että me', 'fi'],
				['it is that we', 'en']
			]).flat()
		).toEqual(['s:kontaktperson']);
	});

	it('a Swedish note and a Norwegian note on the same theme end up together', () => {
		const suggested = suggestClusters(
			[
				{ id: 'sv', text: 'Lönebidraget måste vara långsiktigt', language: 'sv' },
				{ id: 'nb', text: 'Lønnstilskuddet må vare lenge', language: 'nb' },
				{ id: 'other-1', text: 'Holdninger i samfunnet', language: 'nb' },
				{ id: 'other-2', text: 'Forskning om SE i Norden', language: 'nb' }
			],
			options
		);
		expect(suggested).toEqual([{ heading: 'Lønnstilskudd', noteIds: ['nb', 'sv'] }]);
	});

	it("headings use the glossary term in the reader's language", () => {
		const notes = [
			{ id: '1', text: 'Handläggaren byts ut hela tiden' },
			{ id: '2', text: 'Sagsbehandlerne skifter hele tiden' },
			{ id: '3', text: 'Forskning om SE' }
		];
		const heading = (reader: Language) =>
			suggestClusters(notes, { glossary: defaultGlossary, reader }).map((c) => c.heading);
		expect(heading('nb')).toEqual(['Saksbehandler']);
		expect(heading('sv')).toEqual(['Handläggare']);
		expect(heading('fi')).toEqual(['Virkailija']);
	});

	it('detects the language of a note written without one, among the group languages', () => {
		expect(detectLanguage('Tarvitaan lisää työvalmentajia')).toBe('fi');
		expect(detectLanguage('Fleiri atvinnuráðgjafar')).toBe('is');
		expect(detectLanguage('Vigtigt for arbejdsgiver at der er en man kan ringe til')).toBe('da');
		expect(detectLanguage('Fast kontaktperson hos Arbetsförmedlingen', ['nb', 'sv'])).toBe('sv');
		expect(detectLanguage('12345', ['sv', 'nb'])).toBe('sv');
	});
});

describe('suggestClusters', () => {
	it('returns nothing for no notes and for one note', () => {
		expect(suggestClusters([], options)).toEqual([]);
		expect(suggestClusters([{ id: 'a', text: 'Fast kontaktperson' }], options)).toEqual([]);
	});

	it('gives the same suggestions whatever the order of the notes (50 shuffles)', () => {
		const expected = suggestClusters(tuningNotes, options);
		expect(expected.length).toBeGreaterThan(3);
		for (let seed = 1; seed <= 50; seed += 1) {
			expect(suggestClusters(shuffle(seededRandom(seed), tuningNotes), options)).toEqual(expected);
		}
	});

	it('is deterministic for the simple baseline too', () => {
		const expected = linkedComponents(tuningNotes, options);
		for (let seed = 1; seed <= 10; seed += 1) {
			expect(linkedComponents(shuffle(seededRandom(seed), tuningNotes), options)).toEqual(expected);
		}
	});

	it('places each note at most once, under a non-empty heading, largest cluster first', () => {
		const suggested = suggestClusters(tuningNotes, options);
		const placed = suggested.flatMap((c) => c.noteIds);
		expect(new Set(placed).size).toBe(placed.length);
		for (const id of placed) expect(tuningNotes.some((n) => n.id === id)).toBe(true);
		for (const cluster of suggested) {
			expect(cluster.heading.length).toBeGreaterThan(0);
			expect(cluster.noteIds.length).toBeGreaterThanOrEqual(2);
		}
		const sizes = suggested.map((c) => c.noteIds.length);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});

	it('handles 500 notes in six languages and stays deterministic', () => {
		const random = seededRandom(7);
		const notes = Array.from({ length: 500 }, (_, i) => {
			const note = tuningNotes[Math.floor(random() * tuningNotes.length)]!;
			return { ...note, id: `n${String(i).padStart(3, '0')}` };
		});
		const first = suggestClusters(notes, options);
		const placed = first.flatMap((c) => c.noteIds);
		expect(placed.length).toBeGreaterThan(250);
		expect(new Set(placed).size).toBe(placed.length);
		for (const cluster of first) expect(cluster.heading).not.toBe('');
		expect(suggestClusters(shuffle(seededRandom(8), notes), options)).toEqual(first);
	});

	it('counts a repeated id once, the same one whatever the order', () => {
		const notes = [
			{ id: 'a', text: 'Something else entirely' },
			{ id: 'a', text: 'Fast kontaktperson' },
			{ id: 'b', text: 'Fast kontaktperson i NAV' }
		];
		expect(suggestClusters(notes, options).map((c) => c.noteIds)).toEqual([['a', 'b']]);
		expect(suggestClusters([...notes].reverse(), options).map((c) => c.noteIds)).toEqual([
			['a', 'b']
		]);
	});
});
