// Inflection by suffix: which endings may follow a glossary word, and which stems it may take.
// Deliberately a closed list per language, not a stemmer: a word matches only as itself plus a
// known ending, so "NAV" never matches "navn" and "etat" never matches "etatsjef".
import { foldText } from '../fold';
import type { Language } from './types';

/** One way a glossary word may begin in a note. */
export interface Stem {
	/** The folded stem. */
	text: string;
	/** The stem is not a word on its own (a dropped vowel, say): an ending must follow. */
	needsSuffix: boolean;
	/** The ending must start with a vowel (doubled consonants, dropped e in -er/-el/-en). */
	needsVowelSuffix: boolean;
}

/** Splits a space-separated list; keeps long lists of endings readable. */
function words(list: string): string[] {
	return list.split(/\s+/).filter(Boolean);
}

const vowels = new Set('aeiouyæøåáéíóúýö'.split(''));

function expandHarmony(endings: readonly string[]): string[] {
	// Finnish vowel harmony: every ending exists with back (a, o, u) and front (ä, ö, y) vowels.
	const out = new Set<string>();
	for (const ending of endings) {
		out.add(ending.replace(/A/g, 'a').replace(/O/g, 'o').replace(/U/g, 'u'));
		out.add(ending.replace(/A/g, 'ä').replace(/O/g, 'ö').replace(/U/g, 'y'));
	}
	return [...out];
}

// Nouns: definite and plural endings and genitive -s (saksbehandleren, -e, -ne, -s; etaten, -er).
const norwegian = words(
	's e es en ens er ers ere eres erne ernes ene enes et ets a as n ns ne nes r rs t ts'
);
// Like Norwegian, plus the Danish plural definite -rne (styrelserne, sagsbehandlerne).
const danish = words(
	's e es en ens er ers ere erne ernes ene enes et ets n ns ne nes r rs rne rnes t ts'
);
// -en/-et/-na/-arna/-erna/-orna and genitives (arbetsförmedlingen, handläggarna, länet, läns).
const swedish = words(
	's e es en ens et ets er ers erna ernas ar ars arna arnas or ors orna ornas n ns na nas r rs rna rnas t ts'
);
// Case endings, definite article and plural of the common declensions (-a, -u, -ar, -inn, -inu…).
const icelandic = words(
	's a i u ar ir ur um na nn n num nir nar ns nni nnar ið inu ins in inn inum ina inni innar ann ans anum ana anna arnir irnir urnar unum una unni unnar unar rinn rnir sins ri rar an ra'
);
// Cases in the singular and plural (A = a/ä, O = o/ö, U = u/y), then possessives and clitics.
const finnishCases = expandHarmony(
	words(
		'n A tA ttA nA ksi ssA stA llA ltA lle on an en in un yn än ön seen hin hen han hon hun hyn t den jen tten iden itten ien iA jA itA inA iksi issA istA illA iltA ille iin ihin ineen ne ttA ittA e eA etA ten een enA Oiden OitA Oille OillA OissA OistA Oihin Ojen'
	)
);
const finnishPossessives = expandHarmony(words('ni si mme nne nsA'));
const finnishClitics = expandHarmony(words('kin kAAn kO hAn pA'));
const english = words('s es ies');

function finnish(): string[] {
	const out = new Set<string>();
	for (const c of ['', ...finnishCases]) {
		for (const p of ['', ...finnishPossessives]) {
			for (const k of ['', ...finnishClitics]) out.add(c + p + k);
		}
	}
	out.delete('');
	return [...out];
}

function foldedSet(endings: readonly string[]): ReadonlySet<string> {
	return new Set(endings.map(foldText));
}

const suffixLists: Record<Language, () => readonly string[]> = {
	nb: () => norwegian,
	da: () => danish,
	sv: () => swedish,
	is: () => icelandic,
	fi: finnish,
	en: () => english
};

// Made on first use: Finnish's cases, possessives and clitics combine into tens of thousands of
// endings, a tenth of a second of every server start that nothing may need.
const suffixSets = new Map<Language, ReadonlySet<string>>();

/** Folded endings that may follow a word of this language (the empty ending is always allowed). */
export function suffixesFor(language: Language): ReadonlySet<string> {
	let set = suffixSets.get(language);
	if (!set) {
		set = foldedSet(suffixLists[language]());
		suffixSets.set(language, set);
	}
	return set;
}

/** Endings an acronym takes without a hyphen or colon: only the genitive (NAVs, NAV's is split). */
export const acronymSuffixes: ReadonlySet<string> = new Set(['s']);

const scandinavian = new Set<Language>(['nb', 'da', 'sv']);
const doublable = new Set('bdfgklmnprstv'.split(''));

/** Stems of one folded word: itself, plus the regular stem changes of its language. */
export function stemsOf(word: string, language: Language): Stem[] {
	const stems: Stem[] = [{ text: word, needsSuffix: false, needsVowelSuffix: false }];
	if (word.length < 4) return stems;
	const add = (text: string, needsVowelSuffix: boolean, needsSuffix = true) => {
		if (!stems.some((s) => s.text === text)) stems.push({ text, needsSuffix, needsVowelSuffix });
	};
	const last = word.at(-1)!;
	const beforeLast = word.at(-2)!;
	// A final vowel gives way to the ending: handläggare → handläggarna, työvalmentaja → -jia.
	if (vowels.has(last)) add(word.slice(0, -1), false);
	if (scandinavian.has(language)) {
		// Short vowel + consonant doubles before an ending: fleksjob → fleksjobbet.
		if (doublable.has(last) && vowels.has(beforeLast)) add(word + last, true);
		// Unstressed e drops before an ending: jobcenter → jobcentret, -centre.
		if (/[^aeiouyæøå](?:er|el|en)$/.test(word)) add(word.slice(0, -2) + last, true);
	}
	if (language === 'fi') {
		// -nen nouns: työllistyminen → työllistymisen, työllistymistä.
		if (word.endsWith('nen')) {
			add(word.slice(0, -3) + 'se', false);
			add(word.slice(0, -3) + 's', false);
		}
		// Plural nominatives: TE-palvelut → TE-palveluissa, -palvelujen.
		if (last === 't' && vowels.has(beforeLast)) add(word.slice(0, -1), false);
		// e-stems lengthen the e: hyvinvointialue → hyvinvointialueella, apuväline → apuvälineen.
		if (last === 'e') add(word + 'e', false);
	}
	if (language === 'is') {
		// Nominative -ur/-ir gives way: örorkulífeyrir → örorkulífeyri, örorkulífeyris.
		if (word.endsWith('ur')) add(word.slice(0, -2), false, false);
		if (word.endsWith('ir')) add(word.slice(0, -1), false, false);
	}
	return stems;
}
