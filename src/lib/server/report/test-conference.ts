/**
 * A conference as it looks after the day, for tests, screenshots and benchmarks: the demo
 * conference (or any other) with its rounds started and every group's questions played through
 * the stored sessions (notes, the round-robin reveal, headings, ballots, reflections), plus
 * plenum summaries. Nothing here is imported by the running app.
 */
import {
	playSession,
	type QuestionSpec,
	type SessionStep
} from '$lib/domain/report/session-builder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '$lib/domain/session/types';
import { createApp, type App } from '../app';
import { readConfig } from '../config';
import type { Conference } from '../db/conferences';
import { createDemoConference } from '../demo';
import { randomToken } from '../tokens';

/** The project root (db/migrations lives under it). */
export const projectRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** A fresh app on a new SQLite file in a temporary directory; close() removes it all. */
export function tempApp(label = 'samrad'): { app: App; path: string; close: () => void } {
	const dir = mkdtempSync(join(tmpdir(), `${label}-`));
	const path = join(dir, 'samrad.sqlite');
	const app = createApp(readConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' }), projectRoot);
	return {
		app,
		path,
		close: () => {
			if (app.db.open) app.db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A step that sends each command through the session service, as a phone or console would. */
export function dispatchStep(app: App, sessionId: string): SessionStep {
	return (command, actor) => {
		const outcome = app.sessions.dispatch(
			sessionId,
			randomToken(16),
			`s:${sessionId}:seed`,
			command,
			actor
		);
		if (!outcome.ack.ok) {
			throw new Error(`${sessionId}: ${command.type} refused: ${outcome.ack.error.code}`);
		}
		return app.sessions.get(sessionId)!.state;
	};
}

/** A small deterministic PRNG (mulberry32): the same seed plays the same conference. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Notes as groups wrote them in Sigtuna, in the languages people wrote in. */
export const notePool: readonly string[] = [
	'Samme lønn som de andre (likeverd)',
	'Lønn for det jeg gjør',
	'Bli behandlet som de andre arbeidstakerne – være en del av fellesskapet',
	'Rett til å være der – bli akseptert på jobben',
	'Ha både rettigheter og plikter',
	'Holdninger i samfunnet',
	'Åpenhet om psykiske funksjonsnedsettelser',
	'Karriereutvikling og utvikling i jobben',
	'Hjelp med papirarbeid og regler',
	'Jobbspesialisten kjenner veien gjennom systemet',
	'Individuell opplæring i arbeidsoppgavene',
	'Støtte fra arbeidskolleger når problemer oppstår',
	'Vite at støtten finnes når behovet oppstår',
	'Fortsatt økonomisk tilskudd (stabilt)',
	'Beslutningskraft hos kontaktpersonen',
	'Raskere saksbehandling hos myndighetene',
	'Pålitelig beskrivelse av hva medarbeideren kan',
	'Fast kontaktperson',
	'Jobbspesialisten bør også lære opp kollegene i starten',
	'Enkel og rask administrasjon',
	'Lange avtaler med oppfølging, ikke ett år om gangen',
	'God kartlegging før jobbstart',
	'God jobbmatching',
	'Kunne markedsføre jobbspesialistrollen overfor arbeidsgivere',
	'Kunnskap om arbeidsmarkedet',
	'Informasjon til alle på arbeidsplassen',
	'Tydelige avtaler mellom arbeidsgiver, arbeidstaker og jobbspesialist',
	'Langvarig støtte etter behov',
	'Lönebidrag är viktigt – när det minskar mister många arbetet',
	'Mer marknadsföring av SE',
	'Hjälp med pappersarbete runt anställningen',
	'Formell samverkan mellan SE-organisationer och myndigheter',
	'SE bedrivs ofta i projektform – korta tider för deltagarna',
	'Ingen samlad kompetens om vad som är effektivt',
	'Fleksjob giver tryghed for både arbejdsgiver og medarbejder',
	'Jobkonsulenten skal også støtte kollegerne',
	'Mere viden om SE hos sagsbehandlerne',
	'Flere jobcoaches med uddannelse i SE-metoder',
	'Forskning om SE i Norden',
	'Lovgivning som sier hvem som har ansvaret for SE',
	'Tiltaksarrangører har ingen insentiver til å være innovative',
	'Uføretrygdede har dårlige insentiver til å søke jobb',
	'Bedre bestillerkompetanse i NAV',
	'Off job-støtte: fritid og hverdag må også fungere',
	'Tydelig kravnivå – ingen dalting',
	'Utdanning for jobbspesialister som egen yrkesgruppe',
	'Þjálfun á vinnustaðnum sjálfum',
	'Tukea myös työnantajalle, ei vain työntekijälle'
];

/** Headings group leaders wrote over clusters of notes. */
export const headingPool: readonly string[] = [
	'LIKEVERD',
	'BYRÅKRATI',
	'FAST KONTAKTPERSON',
	'MANGEL PÅ LANGSIKTIGHET',
	'STØTTE PÅ ARBEIDSPLASSEN',
	'HOLDNINGER',
	'KUNNSKAP OM SE',
	'ØKONOMI'
];

/** Leaders' reflections, in the leaders' own languages. */
export const reflectionPool: readonly string[] = [
	'Gruppen arbeidet godt sammen, og alle fikk komme til orde. Det var stor enighet om at støtten må vare så lenge behovet varer.\n\nFlere pekte på at papirarbeidet tar tid fra selve oppfølgingen.',
	'Gruppen bestod av personer från alla de nordiska länderna. Trots de språkliga barriärer jag var rädd skulle hindra oss lyckades gruppen föra ett mycket intressant samtal.',
	'Deltagernes situation var meget forskellig, men alle var enige om, at en fast kontaktperson er det vigtigste.',
	'Det var en ubetinget glede å delta i ei gruppe hvor alle viste respekt for andres argumenter.\n\n- Likeverd på arbeidsplassen\n- Langsiktig finansiering\n- Mer kunnskap om SE i NAV'
];

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/**
 * One question played by these people: one to three notes each from the pool, two or three
 * headings over some of them, and a ballot from everyone (top five of the headings and the
 * notes left ungrouped).
 */
export function playedQuestion(
	random: () => number,
	text: string,
	people: readonly string[],
	stopAt?: QuestionSpec['stopAt']
): QuestionSpec {
	const notes: [string, string][] = [];
	const pool = shuffled(random, notePool);
	for (const person of people) {
		const count = 1 + Math.floor(random() * 3);
		for (let i = 0; i < count; i++) notes.push([person, pool[notes.length % pool.length]!]);
	}
	const order = shuffled(
		random,
		notes.map((_, index) => index)
	);
	const clusters: { heading: string; notes: number[] }[] = [];
	const headings = shuffled(random, headingPool);
	const clusterCount = notes.length >= 6 ? 2 + Math.floor(random() * 2) : 0;
	let at = 0;
	for (let c = 0; c < clusterCount; c++) {
		const size = 2 + Math.floor(random() * 3);
		clusters.push({
			heading: headings[c]!,
			notes: order.slice(at, at + size).sort((a, b) => a - b)
		});
		at += size;
	}
	const grouped = new Set(clusters.flatMap((c) => c.notes));
	const items = [
		...clusters.map((_, c) => `c${c}`),
		...notes
			.map((_, n) => n)
			.filter((n) => !grouped.has(n))
			.map((n) => `n${n}`)
	];
	const ballots = people.map((voter) => ({
		voter,
		ranking: shuffled(random, items).slice(0, Math.min(5, items.length))
	}));
	return { text, notes, clusters, ballots, ...(stopAt ? { stopAt } : {}) };
}

/**
 * Plays every group of every started round: both questions to the results, a reflection from
 * most leaders. `openVote` leaves the last group of the last round voting (as during the day).
 */
export function playStartedRounds(
	app: App,
	conferenceId: string,
	{ seed = 2010, openVote = false } = {}
): void {
	const random = seededRandom(seed);
	const rounds = app.conferences.rounds(conferenceId).filter((r) => r.startedAt !== null);
	rounds.forEach((round, r) => {
		const groups = app.conferences.roundDetail(conferenceId, round.id, 'en')!.groups;
		groups.forEach((group, g) => {
			if (!group.sessionId || group.memberIds.length === 0) return;
			const state = app.sessions.get(group.sessionId)!.state;
			const people = state.participants.filter((p) => !p.removed).map((p) => p.id);
			// Some people have no phone: their leader writes and votes for them.
			const withoutPhone = new Set(people.filter((_, i) => i % 7 === 6));
			const last = openVote && r === rounds.length - 1 && g === groups.length - 1;
			playSession(
				state,
				{
					idPrefix: `r${r + 1}g${g + 1}`,
					questions: state.questions.map((q, index) =>
						playedQuestion(
							random,
							q.text,
							people,
							last && index === state.questions.length - 1 ? 'vote' : undefined
						)
					),
					withoutPhone,
					reflection: random() < 0.75 ? pick(random, reflectionPool) : undefined
				},
				dispatchStep(app, group.sessionId)
			);
		});
	});
}

/** Plenum summaries as the organiser writes them after each presentation. */
export const plenumSummaries: readonly string[] = [
	'Alle grupper la vekt på at støtten må vare så lenge behovet varer, og at jobbspesialisten må kjenne arbeidsplassen.\n\n- Arbeidstakerne ba om likeverd: samme lønn, rettigheter og plikter.\n- Arbeidsgiverne ba om én fast kontaktperson og enklere papirarbeid.',
	'Landene har ulike ordninger, men de samme utfordringene: SE mangler en felles definisjon, tjenestene drives ofte som prosjekter, og jobbspesialistene mangler en felles utdanning.'
];

/**
 * The demo conference (src/lib/server/demo.ts) after the day: both rounds started and played,
 * and a plenum summary for each. With openVote, the last group is still voting.
 */
export function seedPlayedDemo(
	app: App,
	{ lang = 'nb' as Language, seed = 2010, openVote = false, now = Date.now() } = {}
): Conference {
	const conference = createDemoConference(app, lang, now);
	const rounds = app.conferences.rounds(conference.id);
	for (const round of rounds) {
		const started = app.conferences.startRound(conference.id, round.id);
		if (!started.ok) throw new Error(`start ${round.title}: ${started.error.code}`);
	}
	playStartedRounds(app, conference.id, { seed, openVote });
	rounds.forEach((round, index) => {
		const summary = plenumSummaries[index];
		if (summary) app.conferences.setPlenumSummary(conference.id, round.id, summary);
	});
	return app.conferences.get(conference.id)!;
}
