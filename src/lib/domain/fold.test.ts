import { describe, expect, it } from 'vitest';
import { foldText, matchesSearch, searchKey } from './fold';

describe('foldText (glossary matching)', () => {
	it('treats ö as ø and ä as æ, and nothing looser', () => {
		expect(foldText('Arbetsförmedlingen')).toBe('arbetsførmedlingen');
		expect(foldText('Sysselsätning')).toBe('sysselsætning');
		expect(foldText('Ødegård')).toBe('ødegård');
		expect(foldText('Þóra')).toBe('þóra');
	});
});

describe('searchKey', () => {
	it('folds ø/ö/o, å/a, æ/ä/ae, ð/d and þ/th, accents and case', () => {
		expect(searchKey('Ødegård')).toBe('odegard');
		expect(searchKey('Ödegård')).toBe('odegard');
		expect(searchKey('Odegaard')).toBe('odegard');
		expect(searchKey('Sæther')).toBe('sather');
		expect(searchKey('Säther')).toBe('sather');
		expect(searchKey('Saether')).toBe('sather');
		expect(searchKey('Guðrún')).toBe('gudrun');
		expect(searchKey('Þórður')).toBe('thordur');
		expect(searchKey('Åsheim')).toBe('asheim');
		expect(searchKey('Aasheim')).toBe('asheim');
	});

	it('makes decomposed letters and runs of spaces alike', () => {
		expect(searchKey('A\u030Asa  Lind\tgren ')).toBe('asa lind gren');
	});
});

describe('matchesSearch', () => {
	const names = [
		'Bjørn Ødegård',
		'Björn Nordström',
		'Ragnheiður Björnsdóttir',
		'Ingrid Sæther',
		'Þórður Ásgeirsson',
		'Guðrún Sæmundsdóttir',
		'Siri Åsheim',
		'Mette Kjærgaard',
		'Göran Löfgren'
	];
	const found = (query: string) => names.filter((name) => matchesSearch(searchKey(name), query));

	it('"ode" finds Ødegård', () => {
		expect(found('ode')).toEqual(['Bjørn Ødegård']);
	});

	it('finds names typed with another Nordic language’s letters or none', () => {
		expect(found('Ödegård')).toEqual(['Bjørn Ødegård']);
		expect(found('odegaard')).toEqual(['Bjørn Ødegård']);
		expect(found('bjorn')).toEqual(['Bjørn Ødegård', 'Björn Nordström', 'Ragnheiður Björnsdóttir']);
		expect(found('bjørn')).toEqual(['Bjørn Ødegård', 'Björn Nordström', 'Ragnheiður Björnsdóttir']);
		expect(found('saether')).toEqual(['Ingrid Sæther']);
		expect(found('säther')).toEqual(['Ingrid Sæther']);
		expect(found('thord')).toEqual(['Þórður Ásgeirsson']);
		expect(found('gudrun')).toEqual(['Guðrún Sæmundsdóttir']);
		expect(found('aasheim')).toEqual(['Siri Åsheim']);
		expect(found('KJAERGAARD')).toEqual(['Mette Kjærgaard']);
		expect(found('lofgren')).toEqual(['Göran Löfgren']);
	});

	it('needs every word, in any order', () => {
		expect(found('ødegård bjørn')).toEqual(['Bjørn Ødegård']);
		expect(found('bjorn nord')).toEqual(['Björn Nordström']);
		expect(found('bjorn xyz')).toEqual([]);
	});

	it('lets an empty or blank query find everyone and a stranger find no one', () => {
		expect(found('')).toEqual(names);
		expect(found('   ')).toEqual(names);
		expect(found('Xylofon')).toEqual([]);
	});
});
