// Glossary matching benchmark: compiles the default glossary once, then marks terms in 500
// generated notes many times. Prints one JSON line. Run: npx tsx scripts/bench/glossary.ts
import { defaultGlossary } from '../../src/lib/domain/glossary/default-glossary';
import { compileGlossary, segmentText } from '../../src/lib/domain/glossary/match';
import type { Language } from '../../src/lib/domain/glossary/types';
import { seededRandom as prng } from '../../src/lib/testing/random';

const NOTES = 500;
const RUNS = 25;
const WARMUP = 20;

// Everyday words of the kind the 2010 notes are made of, per language.
const filler: Record<Language, string[]> = {
	nb: 'det er viktig at arbeidstakeren får støtte og oppfølging på jobben hver dag med god dialog mellom alle parter navn navigere te se'.split(
		' '
	),
	sv: 'det är viktigt att man får stöd i arbetet och att kontakten med chefen fungerar bra varje dag utan byråkrati se'.split(
		' '
	),
	da: 'det er vigtigt at der er en man kan ringe til om hjælp og at kontaktpersonen kender sin borger godt nok te'.split(
		' '
	),
	fi: 'on tärkeää että työntekijä saa tukea ja ohjausta työpaikalla joka päivä ilman turhaa byrokratiaa ja kiirettä'.split(
		' '
	),
	is: 'það er mikilvægt að starfsmaðurinn fái stuðning og eftirfylgni á vinnustaðnum á hverjum degi án skriffinnsku'.split(
		' '
	),
	en: 'it is important that the worker gets support and follow up at work every day with good dialogue between all parties'.split(
		' '
	)
};

// A few common endings per language, so the matcher sees inflected forms too.
const endings: Record<Language, string[]> = {
	nb: ['', '', 'en', 'ene', 's'],
	sv: ['', '', 'en', 'et', 'na'],
	da: ['', '', 'en', 'erne', 's'],
	fi: ['', '', 'n', 'lla', 'ssa'],
	is: ['', '', 'ar', 'inn', 'i'],
	en: ['', '', 's']
};

const noteLanguages: Language[] = ['nb', 'sv', 'da', 'fi', 'is', 'en'];

function makeNotes(count: number, seed: number): string[] {
	const random = prng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const notes: string[] = [];
	for (let n = 0; n < count; n++) {
		const language = pick(noteLanguages);
		const words: string[] = [];
		const length = 8 + Math.floor(random() * 28);
		for (let w = 0; w < length; w++) {
			if (random() < 0.15) {
				const concept = pick(defaultGlossary);
				const terms = concept.terms[language] ?? concept.terms.en ?? [];
				const term = terms.length > 0 ? pick(terms) : pick(filler[language]);
				words.push(term + pick(endings[language]));
			} else {
				words.push(pick(filler[language]));
			}
			const r = random();
			if (r < 0.06) words.push(',');
			else if (r < 0.08) words.push('.\n');
		}
		const text = words.join(' ').replace(/ ([,.])/g, '$1');
		notes.push(text.charAt(0).toUpperCase() + text.slice(1));
	}
	return notes;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const notes = makeNotes(NOTES, 20100506);

const compileTimes: number[] = [];
let matcher = compileGlossary(defaultGlossary);
for (let i = 0; i < 10; i++) {
	const t = performance.now();
	matcher = compileGlossary(defaultGlossary);
	compileTimes.push(performance.now() - t);
}

let matched = 0;
const matchAll = () => {
	matched = 0;
	for (const note of notes) {
		for (const segment of segmentText(matcher, note)) if (segment.kind === 'term') matched++;
	}
};
for (let i = 0; i < WARMUP; i++) matchAll();
const runTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const t = performance.now();
	matchAll();
	runTimes.push(performance.now() - t);
}

const ms = median(runTimes);
console.log(
	JSON.stringify({
		bench: 'glossary',
		concepts: defaultGlossary.length,
		terms: matcher.termCount,
		notes: NOTES,
		avgNoteChars: Math.round(notes.reduce((s, n) => s + n.length, 0) / notes.length),
		termsMarkedPer500: matched,
		runs: RUNS,
		msPer500Notes: Number(ms.toFixed(2)),
		notesPerSecond: Math.round((NOTES / ms) * 1000),
		compileMs: Number(median(compileTimes).toFixed(2)),
		node: process.version
	})
);
