// npm run bench:synthesis — the synthesis engine against the headings people chose: ARI, purity
// and recovered headings for the engine and both baselines, per group of the held-out set (never
// tuned on), the tuning set and groups generated from the demo's notes; then the time for 30,
// 100 and 500 notes. Prints a Markdown section for BENCHMARKS.md.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { defaultGlossary } from '../../src/lib/domain/glossary/default-glossary';
import type { Language } from '../../src/lib/domain/session/types';
import heldOut from '../../src/lib/domain/synthesis/fixtures/held-out.json';
import tuning from '../../src/lib/domain/synthesis/fixtures/tuning.json';
import { detectLanguage, loadLanguageDetector } from '../../src/lib/domain/synthesis/language';
import {
	adjustedRandIndex,
	completePartition,
	dealIntoClusters,
	purity,
	recoveredHeadings,
	type Partition
} from '../../src/lib/domain/synthesis/metrics';
import {
	defaultSettings,
	linkedComponents,
	suggestClusters,
	type SynthesisNote,
	type SynthesisSettings
} from '../../src/lib/domain/synthesis/suggest';
import { noteThemes } from '../../src/lib/server/demo-played';
import { seededRandom, shuffle } from '../../src/lib/testing/random';
import { machine, ms } from './stats.js';

interface Group {
	id: string;
	language: Language;
	notes: SynthesisNote[];
	headings: { heading: string; noteIds: string[] }[];
}

await loadLanguageDetector();

const SHUFFLE_SEEDS = 200;
const nordic: Language[] = ['nb', 'sv', 'da', 'is', 'fi', 'en'];

const heldOutGroups = heldOut.groups as unknown as Group[];
const demoPool: Group = {
	id: 'demo-all-themes',
	language: 'nb',
	notes: noteThemes.flatMap((theme, t) =>
		theme.notes.map((text, n) => ({ id: `t${t}-${String(n).padStart(2, '0')}`, text }))
	),
	headings: noteThemes.map((theme, t) => ({
		heading: theme.heading,
		noteIds: theme.notes.map((_, n) => `t${t}-${String(n).padStart(2, '0')}`)
	}))
};

/** A group as a played demo question writes one: 12–20 notes from 3–4 of the demo's themes. */
function generatedGroup(seed: number): Group {
	const random = seededRandom(seed);
	const themes = shuffle(random, demoPool.headings).slice(0, 3 + Math.floor(random() * 2));
	const headings = themes.map((theme) => ({
		heading: theme.heading,
		noteIds: shuffle(random, theme.noteIds).slice(0, 3 + Math.floor(random() * 3))
	}));
	const ids = new Set(headings.flatMap((h) => h.noteIds));
	return {
		id: `generated-${seed}`,
		language: 'nb',
		notes: shuffle(
			random,
			demoPool.notes.filter((note) => ids.has(note.id))
		),
		headings
	};
}

const tuningGroups: Group[] = [
	...(tuning.groups as unknown as Group[]),
	demoPool,
	...[1, 2, 3, 4, 5].map(generatedGroup)
];

interface Scores {
	ari: number;
	purity: number;
	recovered: number;
	total: number;
}

function score(truth: Partition, predicted: Partition): Scores {
	const { recovered, total } = recoveredHeadings(truth, predicted);
	return {
		ari: adjustedRandIndex(truth, predicted),
		purity: purity(truth, predicted),
		recovered,
		total
	};
}

function evaluate(group: Group, settings: SynthesisSettings = defaultSettings) {
	const options = { glossary: defaultGlossary, reader: group.language };
	const truth = group.headings.map((h) => h.noteIds);
	const suggested = suggestClusters(group.notes, options, settings);
	const engine = score(
		truth,
		suggested.map((c) => c.noteIds)
	);
	const linked = score(truth, linkedComponents(group.notes, options));
	// Random partitions with the engine's cluster sizes (notes it leaves alone as clusters of one).
	const sizes = completePartition(
		suggested.map((c) => c.noteIds),
		group.notes.map((n) => n.id)
	).map((c) => c.length);
	const shuffled: Scores = { ari: 0, purity: 0, recovered: 0, total: truth.length };
	for (let seed = 1; seed <= SHUFFLE_SEEDS; seed += 1) {
		const s = score(
			truth,
			dealIntoClusters(
				shuffle(
					seededRandom(seed),
					group.notes.map((n) => n.id)
				),
				sizes
			)
		);
		shuffled.ari += s.ari / SHUFFLE_SEEDS;
		shuffled.purity += s.purity / SHUFFLE_SEEDS;
		shuffled.recovered += s.recovered / SHUFFLE_SEEDS;
	}
	return { engine, linked, shuffled, suggested };
}

const f2 = (x: number) => (Math.abs(x) < 0.005 ? '0.00' : x.toFixed(2));
const f1 = (x: number) => x.toFixed(1);

function table(
	title: string,
	groups: Group[]
): { ariMargins: number[]; lines: string[]; engineAri: number } {
	const lines = [
		`### ${title}`,
		'',
		'| Group | Notes | Headings | ARI engine | ARI simple | ARI shuffled | Purity e / s / r | Recovered e / s / r |',
		'|---|---:|---:|---:|---:|---:|---|---|'
	];
	const sums = { e: 0, l: 0, s: 0, pe: 0, pl: 0, ps: 0, re: 0, rl: 0, rs: 0, total: 0 };
	const ariMargins: number[] = [];
	for (const group of groups) {
		const { engine, linked, shuffled } = evaluate(group);
		ariMargins.push(engine.ari - Math.max(linked.ari, shuffled.ari));
		sums.e += engine.ari;
		sums.l += linked.ari;
		sums.s += shuffled.ari;
		sums.pe += engine.purity;
		sums.pl += linked.purity;
		sums.ps += shuffled.purity;
		sums.re += engine.recovered;
		sums.rl += linked.recovered;
		sums.rs += shuffled.recovered;
		sums.total += engine.total;
		lines.push(
			`| ${group.id} | ${group.notes.length} | ${group.headings.length} | ${f2(engine.ari)} | ${f2(linked.ari)} | ${f2(shuffled.ari)} | ${f2(engine.purity)} / ${f2(linked.purity)} / ${f2(shuffled.purity)} | ${engine.recovered} / ${linked.recovered} / ${f1(shuffled.recovered)} of ${engine.total} |`
		);
	}
	const n = groups.length;
	lines.push(
		`| **mean** | | | **${f2(sums.e / n)}** | ${f2(sums.l / n)} | ${f2(sums.s / n)} | ${f2(sums.pe / n)} / ${f2(sums.pl / n)} / ${f2(sums.ps / n)} | ${sums.re} / ${sums.rl} / ${f1(sums.rs)} of ${sums.total} |`,
		''
	);
	return { ariMargins, lines, engineAri: sums.e / n };
}

function meanAri(groups: Group[], settings: SynthesisSettings): number {
	return groups.reduce((sum, g) => sum + evaluate(g, settings).engine.ari, 0) / groups.length;
}

const icelandic = tuningGroups.find((g) => g.id === 'icelandic')!;

function ablations(): string[] {
	const variants: [string, SynthesisSettings][] = [
		['the engine as shipped', defaultSettings],
		['without the glossary', { ...defaultSettings, glossary: false }],
		['without stemming', { ...defaultSettings, stemming: false }],
		['without compound splitting', { ...defaultSettings, compounds: false }],
		['without the Scandinavian key', { ...defaultSettings, scandinavian: false }],
		['with glossary terms of every language', { ...defaultSettings, readableTerms: false }]
	];
	return [
		'### What each part adds (mean ARI)',
		'',
		`The Icelandic tuning group with our light stemmer: ${f2(evaluate(icelandic).engine.ari)}; without stemming: ${f2(evaluate(icelandic, { ...defaultSettings, stemming: false }).engine.ari)}.`,
		'',
		'| Variant | Tuning set | Held-out set |',
		'|---|---:|---:|',
		...variants.map(
			([name, settings]) =>
				`| ${name} | ${f2(meanAri(tuningGroups, settings))} | ${f2(meanAri(heldOutGroups, settings))} |`
		),
		''
	];
}

function detection(): string[] {
	const known = (tuning.groups as unknown as Group[]).flatMap((g) =>
		g.notes.map((n) => ({ text: n.text, language: n.language ?? g.language }))
	);
	const words = known.map((n) => n.text.split(/\s+/).length);
	const correctAll = known.filter((n) => detectLanguage(n.text, nordic) === n.language).length;
	const groupLanguages = (tuning.groups as unknown as Group[]).flatMap((g) => {
		const candidates = [...new Set(g.notes.map((n) => n.language ?? g.language))];
		return g.notes.map((n) => detectLanguage(n.text, candidates) === (n.language ?? g.language));
	});
	const correctInGroup = groupLanguages.filter(Boolean).length;
	const heldOutNotes = heldOutGroups.flatMap((g) => g.notes.map((n) => n.text));
	const scandinavian = heldOutNotes.filter((text) =>
		['nb', 'sv', 'da'].includes(detectLanguage(text, nordic))
	).length;
	return [
		'### Language detection (eld, small n-gram set, scores read among the six languages)',
		'',
		`- Tuning notes with a known language (${known.length} notes, ${Math.min(...words)}–${Math.max(...words)} words): ${correctAll} detected right (${Math.round((100 * correctAll) / known.length)} %).`,
		`- The same notes, choosing only among their group's languages (nb and sv for the mixed group): ${correctInGroup} right (${Math.round((100 * correctInGroup) / known.length)} %).`,
		`- Held-out notes (${heldOutNotes.length}, written in a mix of Norwegian, Swedish and Danish, often within one note): ${scandinavian} detected as one of nb, sv or da.`,
		''
	];
}

/** Notes for timing: the tuning and demo notes over and over, with their own ids. */
function timingNotes(count: number): SynthesisNote[] {
	const pool = [...tuningGroups.flatMap((g) => g.notes)];
	const random = seededRandom(count);
	return Array.from({ length: count }, (_, i) => ({
		...pool[Math.floor(random() * pool.length)]!,
		id: `n${String(i).padStart(4, '0')}`
	}));
}

function timing(): string[] {
	const lines = ['### Time', '', '| Notes | Median | Fastest | Runs |', '|---:|---:|---:|---:|'];
	const options = { glossary: defaultGlossary, reader: 'nb' as const };
	suggestClusters(timingNotes(30), options); // warm up: compile the glossary, load the stemmers
	for (const [count, runs] of [
		[30, 15],
		[100, 9],
		[500, 5]
	] as const) {
		const notes = timingNotes(count);
		const times: number[] = [];
		for (let run = 0; run < runs; run += 1) {
			const start = performance.now();
			suggestClusters(notes, options);
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		lines.push(
			`| ${count} | ${ms(times[Math.floor(runs / 2)]!)} ms | ${ms(times[0]!)} ms | ${runs} |`
		);
	}
	// The worst a question allows: 500 notes and 200,000 characters (limits.ts), in long notes.
	const pool = heldOutGroups.flatMap((g) => g.notes.map((n) => n.text));
	const random = seededRandom(500);
	const longNotes = Array.from({ length: 500 }, (_, i) => {
		let text = '';
		while (text.length < 400) text += `${pool[Math.floor(random() * pool.length)]!} `;
		return { id: `l${String(i).padStart(3, '0')}`, text: text.slice(0, 400) };
	});
	const times: number[] = [];
	for (let run = 0; run < 3; run += 1) {
		const start = performance.now();
		suggestClusters(longNotes, options);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	lines.push(
		`| 500 of 400 characters (a question's limit) | ${ms(times[1]!)} ms | ${ms(times[0]!)} ms | 3 |`
	);
	return [...lines, ''];
}

/** `--sweep`: mean ARI on the tuning set only, over thresholds and concept weights (how the defaults were chosen). */
function sweep(): void {
	const lines = [
		'| Threshold | ' + [1, 1.5, 2, 3].map((w) => `concept ×${w}`).join(' | ') + ' |',
		'|---:|---:|---:|---:|---:|'
	];
	for (const threshold of [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3]) {
		const cells = [1, 1.5, 2, 3].map((conceptWeight) =>
			f2(meanAri(tuningGroups, { ...defaultSettings, threshold, conceptWeight }))
		);
		lines.push(`| ${threshold} | ${cells.join(' | ')} |`);
	}
	process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv.includes('--sweep')) {
	sweep();
	process.exit(0);
}

const info = machine();
const out: string[] = [
	'## Synthesis: suggested groupings',
	'',
	'`npm run bench:synthesis` (scripts/bench/synthesis.ts). ARI = adjusted Rand index against the',
	"people's headings; simple = notes sharing a glossary concept or a stem linked into connected",
	"components; shuffled = the notes dealt at random into clusters of the engine's sizes, mean of",
	`${SHUFFLE_SEEDS} seeds. A heading is recovered when a suggested cluster has Jaccard ≥ 0.5 with its`,
	'notes (notes left alone count as clusters of one). Purity and recovered: engine / simple / random.',
	''
];
const held = table('Held-out set (Sigtuna 2010 report; never tuned on)', heldOutGroups);
const tuned = table(
	'Tuning set (written for tuning, the demo conference, groups generated from it)',
	tuningGroups
);
out.push(...held.lines, ...tuned.lines);
const MARGIN = 0.05;
for (const [name, result] of [
	['Held-out', held],
	['Tuning', tuned]
] as const) {
	const mean = result.ariMargins.reduce((a, b) => a + b, 0) / result.ariMargins.length;
	out.push(
		`${name}: the engine's ARI minus the better baseline's is ${f2(mean)} on average (target ≥ ${MARGIN}: ${mean >= MARGIN ? 'met' : 'not met'}); ${result.ariMargins.filter((m) => m >= MARGIN).length} of ${result.ariMargins.length} groups meet the margin, the worst is ${f2(Math.min(...result.ariMargins))}.`,
		''
	);
}
out.push(...ablations(), ...detection(), ...timing());
out.push(
	`Measured on ${info.model}, ${info.cores} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}.`,
	''
);
process.stdout.write(out.join('\n'));
