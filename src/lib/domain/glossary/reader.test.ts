import { describe, expect, it } from 'vitest';
import { defaultGlossary } from '$lib/domain/glossary/default-glossary';
import { compileGlossary, segmentText } from '$lib/domain/glossary/match';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import { conceptName, legendEntries, readableText, sortForReader, termsForReader } from './reader';

const matcher = compileGlossary(defaultGlossary);
const byId = (id: string) => defaultGlossary.find((c) => c.id === id)!;
const segments = (...texts: string[]) => texts.map((text) => segmentText(matcher, text));

describe('termsForReader', () => {
	it("lists the reader's terms first, preferred term first", () => {
		const rows = termsForReader(byId('caseworker'), 'sv', ['nb']);
		expect(rows[0]).toEqual({
			language: 'sv',
			terms: ['handläggare', 'arbetsförmedlare', 'arbetskraftsrådgivare']
		});
		expect(rows.map((r) => r.language)).toEqual(['sv', 'nb', 'da', 'is', 'fi', 'en']);
	});

	it("keeps the reader's own language even without a term, and drops other empty ones", () => {
		const concept: GlossaryConcept = { id: 'x', terms: { nb: ['fleksjobb'], da: ['fleksjob'] } };
		expect(termsForReader(concept, 'fi')).toEqual([
			{ language: 'fi', terms: [] },
			{ language: 'nb', terms: ['fleksjobb'] },
			{ language: 'da', terms: ['fleksjob'] }
		]);
	});
});

describe('readableText', () => {
	const text = { en: 'In English', nb: 'På norsk' };

	it("uses the reader's language when there is one", () => {
		expect(readableText(text, 'nb')).toEqual({ language: 'nb', text: 'På norsk' });
	});

	it('falls back to a language the reader reads: Norwegian for Swedes and Danes, English for Finns', () => {
		expect(readableText(text, 'sv')?.language).toBe('nb');
		expect(readableText(text, 'da')?.language).toBe('nb');
		expect(readableText(text, 'fi')?.language).toBe('en');
		expect(readableText(text, 'is')?.language).toBe('en');
	});

	it('ignores blank texts and answers null when there is nothing', () => {
		expect(readableText({ sv: '  ', en: 'x' }, 'sv')).toEqual({ language: 'en', text: 'x' });
		expect(readableText(undefined, 'sv')).toBeNull();
		expect(readableText({}, 'sv')).toBeNull();
	});
});

describe('conceptName and sortForReader', () => {
	it("names a concept by the reader's preferred term, else the nearest there is", () => {
		expect(conceptName(byId('employment-service'), 'is')).toBe('Vinnumálastofnun');
		expect(conceptName({ id: 'x', terms: { da: ['skånejob'] } }, 'fi')).toBe('skånejob');
		expect(conceptName({ id: 'only-id', terms: {} }, 'fi')).toBe('only-id');
	});

	it('sorts by those names with the rules of the language (å after z in Swedish)', () => {
		const glossary: GlossaryConcept[] = [
			{ id: 'a', terms: { sv: ['återgång'] } },
			{ id: 'b', terms: { sv: ['arbete'] } },
			{ id: 'c', terms: { sv: ['Zon'] } }
		];
		expect(sortForReader(glossary, 'sv', 'sv-SE').map((c) => c.id)).toEqual(['b', 'c', 'a']);
	});
});

describe('legendEntries', () => {
	const note = 'Saksbehandleren i NAV har for lite tid';

	it('gives the Swedish screen the Swedish terms for a Norwegian note', () => {
		const { entries, more } = legendEntries(defaultGlossary, segments(note), {
			screen: 'sv',
			room: [],
			limit: 6,
			others: 2
		});
		expect(more).toBe(0);
		expect(entries.map((e) => [e.written, e.local])).toEqual([
			['Saksbehandleren', 'handläggare'],
			['NAV', 'Arbetsförmedlingen']
		]);
		// A stand-alone session does not know the room's languages: the screen's is enough.
		expect(entries.every((e) => e.others.length === 0)).toBe(true);
	});

	it("adds up to two other languages of the room, never the note's own", () => {
		const { entries } = legendEntries(defaultGlossary, segments(note), {
			screen: 'sv',
			room: ['nb', 'is', 'fi', 'da'],
			limit: 6,
			others: 2
		});
		expect(entries[0]!.others).toEqual([
			{ language: 'is', term: 'ráðgjafi' },
			{ language: 'fi', term: 'virkailija' }
		]);
	});

	it('lists each concept once, in the order given, and counts what does not fit', () => {
		const { entries, more } = legendEntries(
			defaultGlossary,
			segments('Jobbcoachen må kjenne arbeidsgiveren', note, 'NAV igjen'),
			{ screen: 'en', room: [], limit: 3, others: 1 }
		);
		expect(entries.map((e) => e.conceptId)).toEqual(['job-coach', 'employer', 'caseworker']);
		expect(more).toBe(1);
	});

	it("takes a concept's first term that needs explaining on this screen", () => {
		const { entries } = legendEntries(
			defaultGlossary,
			segments('Handläggaren byts ofta ut', 'Saksbehandleren har for lite tid'),
			{ screen: 'sv', room: [], limit: 6, others: 2 }
		);
		expect(entries.map((e) => [e.written, e.local])).toEqual([['Saksbehandleren', 'handläggare']]);
	});

	it('leaves out what would only repeat the note', () => {
		const { entries } = legendEntries(defaultGlossary, segments('Handläggaren byts ofta ut'), {
			screen: 'sv',
			room: [],
			limit: 6,
			others: 2
		});
		expect(entries).toEqual([]);
	});
});
