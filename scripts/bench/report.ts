// Conference report benchmark: how long it takes to build the report from the database and to
// render each format, for the demo conference and for a generated one of 500 people in 40
// groups, both played through their stored sessions (every note, heading and ballot a command
// run by the domain's execute()). Also the JSON archive: export, and import into an empty
// database. Every round's proposed themes are confirmed first, so the report has its chapter
// across the groups; the model is also built without them. Prints a JSON summary and writes
// bench-results/report.md.
//
//   npx tsx scripts/bench/report.ts             5 runs per step (3 for PDF), after a warm-up
//   npx tsx scripts/bench/report.ts --runs 10
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport, type Report } from '$lib/domain/report/model';
import type { ReportFormat } from '$lib/server/report/export';
import { renderReport } from '$lib/server/report/export';
import type { App } from '$lib/server/app';
import { archiveJson } from '$lib/domain/archive/schema';
import { exportConference, importArchive } from '$lib/server/archive';
import { setLogLevel } from '$lib/server/log';
import { reportSourceFromDb } from '$lib/server/report/source-from-db';
import { roundPerspective } from '$lib/server/perspective';
import {
	playStartedRounds,
	plenumSummaries,
	projectRoot,
	seedPlayedDemo,
	tempApp
} from '$lib/server/report/test-conference';
import type { Language } from '$lib/domain/session/types';
import { seededRandom } from '$lib/testing/random';
import { fixedT } from '$lib/i18n';

const { values: options } = parseArgs({
	options: { runs: { type: 'string', default: '5' }, 'pdf-runs': { type: 'string', default: '3' } }
});
const runs = Math.max(1, Number(options.runs));
const pdfRuns = Math.max(1, Number(options['pdf-runs']));
setLogLevel('warn');

// --- a generated conference: 500 people from five countries in 40 groups -------------------

const firstNames: Record<string, string[]> = {
	DK: ['Mette', 'Søren', 'Birgitte', 'Rasmus', 'Pernille', 'Jens', 'Lene', 'Henrik'],
	FI: ['Annika', 'Jussi', 'Päivi', 'Mikael', 'Satu', 'Elina', 'Timo', 'Riikka'],
	IS: ['Þórður', 'Guðrún', 'Halldóra', 'Hjörtur', 'Sigríður', 'Einar', 'Ragnheiður', 'Árni'],
	NO: ['Ingrid', 'Håkon', 'Kari', 'Øyvind', 'Siri', 'Bjørn', 'Trude', 'Marit'],
	SE: ['Karin', 'Göran', 'Åsa', 'Jonas', 'Maria', 'Björn', 'Lena', 'Annelie']
};
const lastNames: Record<string, string[]> = {
	DK: ['Kjærgaard', 'Frølund', 'Østergaard', 'Bækgaard', 'Højbjerg', 'Dalsgaard'],
	FI: ['Sjöholm', 'Kärkkäinen', 'Mäkelä', 'Väänänen', 'Häkkinen', 'Björkqvist'],
	IS: ['Ásgeirsson', 'Sæmundsdóttir', 'Guðmundsdóttir', 'Óskarsson', 'Þórhallsdóttir'],
	NO: ['Sæther', 'Øvrebø', 'Fjærestad', 'Ødegård', 'Brækken', 'Åsheim'],
	SE: ['Åkerlund', 'Lindgren', 'Ekström', 'Nordström', 'Sjöström', 'Löfgren']
};
const countryCodes = ['DK', 'FI', 'IS', 'NO', 'SE'];
const roleIds = ['worker', 'employer', 'job-coach', 'caseworker', 'policy', 'researcher', 'other'];
const languageOf: Record<string, Language> = { DK: 'da', FI: 'fi', IS: 'is', NO: 'nb', SE: 'sv' };

async function must<T>(
	pending: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>
): Promise<T> {
	const result = await pending;
	if (!result.ok) throw new Error(`refused: ${result.error.code}`);
	return result.value;
}

/** 500 people in 40 groups of 12–13 (placed by hand), both questions played in every group. */
async function seedLarge(app: App, people = 500, groups = 40): Promise<string> {
	const random = seededRandom(500);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	const service = app.conferences;
	const conference = await must(
		service.create({
			title: 'Nordisk dialogkonferanse 2026',
			subtitle: 'Generert konferanse for ytelsesmåling',
			venue: 'Sigtuna',
			startDate: '2026-05-06',
			endDate: '2026-05-07',
			about: 'Fem hundre deltakere fra de nordiske landene i førti grupper.',
			introduction: '',
			organisation: '',
			author: '',
			introductionBy: '',
			language: 'nb',
			languages: ['nb', 'sv', 'da', 'is', 'fi']
		})
	);
	const id = conference.id;
	await must(
		service.addParticipants(
			id,
			Array.from({ length: people }, (_, i) => {
				const country = countryCodes[i % countryCodes.length]!;
				return {
					name: `${pick(firstNames[country]!)} ${pick(lastNames[country]!)}`,
					country,
					role: roleIds[i % roleIds.length]!,
					organisation: `Virksomhet ${1 + (i % 60)}`,
					language: languageOf[country]!,
					coordinator: i < countryCodes.length
				};
			})
		)
	);
	const round = await must(
		service.saveRound(id, null, {
			title: 'Gruppearbeid',
			theme: 'Jobbfastholdelse ved hjelp av supported employment',
			rule: 'manual',
			maxGroupSize: 13,
			questions: [
				'Hva er viktigst for at arbeidstakeren skal få og beholde en ordinær lønnet jobb?',
				'Hva mangler, eller er vanskelig å få til?'
			]
		})
	);
	const groupIds = Array.from({ length: groups }, (_, i) => `bench-group-${i}`);
	for (const groupId of groupIds)
		await must(service.group(id, round.id, { type: 'addGroup', groupId }));
	const placed = await service.participants(id);
	for (const [index, groupId] of groupIds.entries()) {
		const members = placed.filter((_, i) => i % groups === index).map((p) => p.id);
		await must(service.group(id, round.id, { type: 'move', participantIds: members, to: groupId }));
		await must(
			service.group(id, round.id, { type: 'lead', groupId, participantIds: members.slice(0, 1) })
		);
	}
	await must(service.startRound(id, round.id));
	await playStartedRounds(app, id, { seed: 500 });
	await service.setPlenumSummary(id, round.id, plenumSummaries[0]!);
	return id;
}

// --- timing ---------------------------------------------------------------------------------

interface Timing {
	/** Median wall time, ms. */
	p50: number;
	/** Slowest run, ms. */
	max: number;
	/** Median CPU time of this process, ms (PDF's printing happens in Chromium, not here). */
	cpu: number;
	/** Size of the output, bytes (where there is one). */
	bytes?: number;
}

/** Runs a step once to warm up, then `count` times; `prepare` runs untimed before each run. */
async function time<T>(
	count: number,
	step: (prepared: T) => unknown | Promise<unknown>,
	prepare: () => T | Promise<T> = () => undefined as T
): Promise<Timing> {
	let output = await step(await prepare()); // warm-up
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < count; i++) {
		const prepared = await prepare();
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		output = await step(prepared);
		wall.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	const median = (values: number[]) =>
		[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
	const size =
		typeof output === 'string'
			? Buffer.byteLength(output)
			: output instanceof Uint8Array
				? output.byteLength
				: undefined;
	return {
		p50: Math.round(median(wall) * 10) / 10,
		max: Math.round(Math.max(...wall) * 10) / 10,
		cpu: Math.round(median(cpu) * 10) / 10,
		...(size !== undefined ? { bytes: size } : {})
	};
}

const formats: ReportFormat[] = ['html', 'pdf', 'docx', 'markdown', 'csv'];

/** Each round's proposed themes confirmed, as an organiser does before the plenum and the report. */
async function confirmThemes(app: App, conferenceId: string): Promise<number> {
	let themes = 0;
	for (const round of await app.conferences.rounds(conferenceId)) {
		const perspective = (await roundPerspective(app, conferenceId, round.id, 'nb'))!;
		const confirmed = await app.conferences.dispatch(conferenceId, {
			type: 'themes.edit',
			roundId: round.id,
			proposal: perspective.proposal.themes,
			edit: { kind: 'confirm' }
		});
		if (!confirmed.ok) throw new Error(`themes.edit: ${confirmed.error.code}`);
		themes += perspective.proposal.themes.length;
	}
	return themes;
}

async function measure(label: string, seed: (app: App) => Promise<string>) {
	const db = await tempApp(`samrad-bench-${label}`);
	try {
		const seedStart = performance.now();
		const conferenceId = await seed(db.app);
		const seeded = Math.round(performance.now() - seedStart);
		const themes = await confirmThemes(db.app, conferenceId);
		const source = (await reportSourceFromDb(db.app, conferenceId))!;
		// The same source without confirmed themes: what the chapter across the groups costs.
		const withoutThemes = { ...source, rounds: source.rounds.map((r) => ({ ...r, themes: null })) };
		const report: Report = buildReport(source, { generatedAt: '2026-05-20' }, fixedT);
		const sessions = source.rounds.flatMap((r) => r.groups).filter((g) => g.session);
		const notes = sessions.reduce(
			(sum, g) => sum + g.session!.questions.reduce((n, q) => n + q.notes.length, 0),
			0
		);
		const steps: Record<string, Timing> = {
			source: await time(runs, () => reportSourceFromDb(db.app, conferenceId)),
			model: await time(runs, () => buildReport(source, { generatedAt: '2026-05-20' }, fixedT)),
			modelWithoutThemes: await time(runs, () =>
				buildReport(withoutThemes, { generatedAt: '2026-05-20' }, fixedT)
			)
		};
		for (const format of formats) {
			steps[format] = await time(format === 'pdf' ? pdfRuns : runs, () =>
				renderReport(report, format, { timeoutMs: 300_000 })
			);
		}
		steps.json = await time(runs, async () =>
			archiveJson((await exportConference(db.app, conferenceId))!)
		);
		const archive = archiveJson((await exportConference(db.app, conferenceId))!);
		// Each import into a new, empty database (made and migrated before the clock starts).
		const targets: Awaited<ReturnType<typeof tempApp>>[] = [];
		try {
			steps.import = await time(
				runs,
				async (target) => {
					const imported = await importArchive(target.app, archive, null);
					if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
				},
				async () => {
					const target = await tempApp(`samrad-bench-import`);
					targets.push(target);
					return target;
				}
			);
		} finally {
			for (const target of targets) target.close();
		}
		const pdf = (await renderReport(report, 'pdf', { timeoutMs: 300_000 })) as Uint8Array;
		const pages = (
			Buffer.from(pdf)
				.toString('latin1')
				.match(/\/Type\s*\/Page\b/g) ?? []
		).length;
		return {
			label,
			participants: source.participants.length,
			groups: sessions.length,
			notes,
			themes,
			pdfPages: pages,
			seedMs: seeded,
			steps
		};
	} finally {
		db.close();
	}
}

const machine = {
	cores: cpus().length,
	cpu: cpus()[0]?.model ?? 'unknown',
	memoryGb: Math.round(totalmem() / 1024 ** 3),
	node: process.version,
	loadAverage: loadavg().map((l) => Math.round(l * 100) / 100)
};

const results = [
	await measure(
		'demo',
		async (app) => (await seedPlayedDemo(app, { now: Date.UTC(2026, 0, 10) })).id
	),
	await measure('500 people, 40 groups', (app) => seedLarge(app))
];
const summary = {
	benchmark: 'report',
	at: new Date().toISOString(),
	runs,
	pdfRuns,
	machine: { ...machine, loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100) },
	results
};
console.log(JSON.stringify(summary, null, 2));

const stepNames = ['source', 'model', 'modelWithoutThemes', ...formats, 'json', 'import'];
const kb = (bytes?: number) => (bytes === undefined ? '' : `${Math.round(bytes / 1024)} kB`);
const lines = [
	'## Conference report',
	'',
	`${summary.at}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}; ` +
		`load average ${machine.loadAverage.join(' / ')} at the start, ${summary.machine.loadAverageAfter.join(' / ')} at the end. ` +
		`Median of ${runs} runs after a warm-up (PDF: ${pdfRuns}); wall time, and CPU time of the Node process.`,
	'',
	'| step | ' + results.map((r) => `${r.label}: median (max) · CPU · size`).join(' | ') + ' |',
	'| --- | ' + results.map(() => '---').join(' | ') + ' |',
	...stepNames.map(
		(step) =>
			`| ${step} | ` +
			results
				.map((r) => {
					const t = r.steps[step]!;
					return `${t.p50} ms (${t.max}) · ${t.cpu} ms${t.bytes !== undefined ? ` · ${kb(t.bytes)}` : ''}`;
				})
				.join(' | ') +
			' |'
	),
	'',
	...results.map(
		(r) =>
			`- ${r.label}: ${r.participants} participants, ${r.groups} group sessions, ${r.notes} notes, ${r.themes} confirmed themes across the groups, PDF ${r.pdfPages} pages (seeding took ${r.seedMs} ms).`
	),
	'',
	'source: stored conference → report source (SQLite, sessions from their snapshots); model: ' +
		'source → report model, every round’s proposed themes confirmed; modelWithoutThemes: the same ' +
		'without them (the chapter across the groups then only says so); html … csv: rendering; json: archive export; import: archive into an empty database.',
	''
];
const dir = join(projectRoot, 'bench-results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'report.md'), lines.join('\n'));
console.error(`wrote ${join(dir, 'report.md')}`);
