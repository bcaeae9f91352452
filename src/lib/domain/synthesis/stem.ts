// Words to comparable tokens per language: stop words out, Snowball stems (Orama's maintained
// port) for nb, sv, da, fi and en, and a light suffix stripper of our own for Icelandic.
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { dan, eng, fin, nob, swe } from 'stopword';
import { foldText, looseSkeleton } from '../fold';
import type { Language } from '../session/types';

// No maintained Icelandic list exists in npm; the commonest function words, from the language.
const isl = (
	'að af aðra aðrar aðrir allra allt alla allir allar annar annað annarra á án áður ef eftir ' +
	'ekki ekkert eða eins en enda enga engan engar engin enginn er eru fá fyrir frá fyrst gegnum hafa ' +
	'hafði hann hana hans hennar hefur hér hið hin hinn hinir hún hvað hver hvers hverju hvort ' +
	'í inn inni já jafnvel líka með meðan meira mér mig mikið milli mín minn mjög nei nema nú ' +
	'og oft okkar okkur ófá sem sig sinn sín sína sínu sitt sjálf skal skulu slíkt svo það þá ' +
	'þann þar þau þegar þeim þeir þess þessa þessi þessu þetta þið þig þín þinn þó þú um undir ' +
	'til upp úr út var vera verða verður við vil vill voru yfir'
).split(' ');

/** Stop words per language, folded like the tokens. */
const stopWords: Readonly<Record<Language, ReadonlySet<string>>> = {
	nb: new Set(nob.map(foldText)),
	sv: new Set(swe.map(foldText)),
	da: new Set(dan.map(foldText)),
	is: new Set(isl.map(foldText)),
	fi: new Set(fin.map(foldText)),
	en: new Set(eng.map(foldText))
};

// Notes mix the Scandinavian languages ("JC ska vara en kontinuerlig stødperson"): one list for all.
const scandinavianStopWords = new Set([...stopWords.nb, ...stopWords.sv, ...stopWords.da]);

/** Whether a folded word is a stop word for a note in this language. */
export function isStopWord(word: string, language: Language): boolean {
	if (language === 'nb' || language === 'sv' || language === 'da') {
		return scandinavianStopWords.has(word);
	}
	return stopWords[language].has(word) || stopWords.en.has(word);
}

// Icelandic nouns and adjectives: definite plurals, then definite and case endings, longest first.
const icelandicEndings = [
	'irnir',
	'irnar',
	'arnir',
	'arnar',
	'urnir',
	'urnar',
	'unum',
	'inum',
	'anna',
	'inni',
	'inna',
	'unni',
	'ins',
	'inn',
	'ið',
	'ana',
	'ir',
	'ar',
	'ur',
	'um',
	'in',
	'a',
	'i',
	'u',
	's'
];

/** A light Icelandic stemmer: strips one case or definite ending, keeping at least three letters. */
export function stemIcelandic(word: string): string {
	for (const ending of icelandicEndings) {
		if (word.endsWith(ending) && word.length - ending.length >= 3) {
			return word.slice(0, -ending.length);
		}
	}
	return word;
}

const stemmers: Readonly<Record<Language, (word: string) => string>> = {
	nb: norwegian,
	sv: swedish,
	da: danish,
	is: stemIcelandic,
	fi: finnish,
	en: english
};

/**
 * The token of a folded word: its stem in the note's language, then the loose Nordic skeleton,
 * so one word spelt with ö or ø, ä or æ ("möte", "møte") is one token.
 */
export function stemWord(word: string, language: Language): string {
	if (language === 'nb' || language === 'da') {
		// Snowball strips one ending: "arbeidsgiveren" keeps its -er, "arbeidsgiverne" its -ern.
		const stemmer = stemmers[language];
		return looseSkeleton(stemmer(stemmer(word.replace(/erne$/, 'er'))));
	}
	return looseSkeleton(stemmers[language](word));
}

/**
 * One key for a Scandinavian stem across nb, sv and da: ei/ej→e, d→t, doubled letters single,
 * hj→j, so "arbeidsgiv", "arbetsgiv" and "arbejdsgiv" meet, as do "stott" and "stod".
 */
export function scandinavianKey(stem: string): string {
	return stem
		.replace(/e[ij]/g, 'e')
		.replace(/d/g, 't')
		.replace(/hj/g, 'j')
		.replace(/(\p{L})\1+/gu, '$1');
}
