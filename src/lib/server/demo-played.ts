/**
 * The demo conference as it looks after the day: its rounds started and every group's
 * questions played through the stored sessions (notes, a long note for the group, the
 * round-robin reveal, headings and a sub-heading, ballots, reflections with authors, a
 * discussion), plus plenum summaries. `npm run demo -- --played` makes one; tests, screenshots
 * and benchmarks use it too. Every step is a command through the services, as on the day.
 */
import {
	localStep,
	playSession,
	type PlaySpec,
	type QuestionSpec
} from '$lib/domain/report/session-builder';
import type { Actor, SessionCommand } from '$lib/domain/session/commands';
import type { Language, SessionState } from '$lib/domain/session/types';
import type { Conference } from '$lib/domain/conference/types';
import { seededRandom } from '$lib/testing/random';
import type { App } from './app';
import { createDemoConference } from './demo';
import { demoLongNote, demoOneListGroup, demoReflections, demoSubheading } from './demo-content';
import { randomToken } from './tokens';

/** What playing the demo uses: its sessions and its conference. */
type Uses = Pick<App, 'sessions' | 'conferences'>;

/** Sends one command through the session service, as a phone or console would; throws if refused. */
export async function dispatchCommand(
	app: Uses,
	sessionId: string,
	command: SessionCommand,
	actor: Actor
): Promise<SessionState> {
	const outcome = await app.sessions.dispatch(
		sessionId,
		randomToken(16),
		`s:${sessionId}:seed`,
		command,
		actor
	);
	if (!outcome.ack.ok) {
		throw new Error(`${sessionId}: ${command.type} refused: ${outcome.ack.error.code}`);
	}
	return (await app.sessions.get(sessionId))!.state;
}

/** dispatchCommand for one session. */
export const dispatchStep =
	(app: Uses, sessionId: string) =>
	(command: SessionCommand, actor: Actor): Promise<SessionState> =>
		dispatchCommand(app, sessionId, command, actor);

/**
 * Plays a spec on a stored session: the builder decides each command on a local copy, then
 * every command goes through the session service in turn.
 */
export async function playStored(
	app: Uses,
	sessionId: string,
	spec: PlaySpec
): Promise<SessionState> {
	const initial = (await app.sessions.get(sessionId))!.state;
	const local = localStep(initial, sessionId);
	const sent: [SessionCommand, Actor][] = [];
	playSession(initial, spec, (command, actor) => {
		sent.push([command, actor]);
		return local(command, actor);
	});
	let state = initial;
	for (const [command, actor] of sent)
		state = await dispatchCommand(app, sessionId, command, actor);
	return state;
}

/**
 * Notes as groups wrote them in Sigtuna, in the languages people wrote in, under the headings
 * their leaders grouped them by.
 */
export const noteThemes: readonly { heading: string; notes: readonly string[] }[] = [
	{
		heading: 'LIKEVERD',
		notes: [
			'Samme lønn som de andre (likeverd)',
			'Lønn for det jeg gjør',
			'Bli behandlet som de andre arbeidstakerne – være en del av fellesskapet',
			'Rett til å være der – bli akseptert på jobben',
			'Ha både rettigheter og plikter',
			'Tydelig kravnivå – ingen dalting'
		]
	},
	{
		heading: 'HOLDNINGER',
		notes: [
			'Holdninger i samfunnet',
			'Åpenhet om psykiske funksjonsnedsettelser',
			'Informasjon til alle på arbeidsplassen',
			'Jobkonsulenten skal også støtte kollegerne'
		]
	},
	{
		heading: 'BYRÅKRATI',
		notes: [
			'Hjelp med papirarbeid og regler',
			'Raskere saksbehandling hos myndighetene',
			'Enkel og rask administrasjon',
			'Hjälp med pappersarbete runt anställningen',
			'Bedre bestillerkompetanse i NAV'
		]
	},
	{
		heading: 'FAST KONTAKTPERSON',
		notes: [
			'Fast kontaktperson',
			'Beslutningskraft hos kontaktpersonen',
			'Jobbspesialisten kjenner veien gjennom systemet',
			'Vite at støtten finnes når behovet oppstår'
		]
	},
	{
		heading: 'MANGEL PÅ LANGSIKTIGHET',
		notes: [
			'Fortsatt økonomisk tilskudd (stabilt)',
			'Lange avtaler med oppfølging, ikke ett år om gangen',
			'Langvarig støtte etter behov',
			'Lönebidrag är viktigt – när det minskar mister många arbetet',
			'SE bedrivs ofta i projektform – korta tider för deltagarna',
			'Fleksjob giver tryghed for både arbejdsgiver og medarbejder'
		]
	},
	{
		heading: 'STØTTE PÅ ARBEIDSPLASSEN',
		notes: [
			'Individuell opplæring i arbeidsoppgavene',
			'Støtte fra arbeidskolleger når problemer oppstår',
			'Jobbspesialisten bør også lære opp kollegene i starten',
			'Þjálfun á vinnustaðnum sjálfum',
			'Tukea myös työnantajalle, ei vain työntekijälle',
			'Off job-støtte: fritid og hverdag må også fungere'
		]
	},
	{
		heading: 'KUNNSKAP OM SE',
		notes: [
			'Mere viden om SE hos sagsbehandlerne',
			'Forskning om SE i Norden',
			'Ingen samlad kompetens om vad som är effektivt',
			'Utdanning for jobbspesialister som egen yrkesgruppe',
			'Flere jobcoaches med uddannelse i SE-metoder',
			'Mer marknadsföring av SE'
		]
	},
	{
		heading: 'JOBBMATCHING',
		notes: [
			'God kartlegging før jobbstart',
			'God jobbmatching',
			'Kunnskap om arbeidsmarkedet',
			'Pålitelig beskrivelse av hva medarbeideren kan',
			'Karriereutvikling og utvikling i jobben',
			'Kunne markedsføre jobbspesialistrollen overfor arbeidsgivere'
		]
	},
	{
		heading: 'SYSTEMET',
		notes: [
			'Lovgivning som sier hvem som har ansvaret for SE',
			'Tiltaksarrangører har ingen insentiver til å være innovative',
			'Uføretrygdede har dårlige insentiver til å søke jobb',
			'Formell samverkan mellan SE-organisationer och myndigheter'
		]
	}
];

/** Every note of the pool, with the heading it belongs under. */
const notePool = noteThemes.flatMap((theme) =>
	theme.notes.map((text) => ({ text, heading: theme.heading }))
);

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
 * One question played by these people: one to three notes each from the pool, the two or
 * three themes most of them share grouped under their headings, and a ballot from everyone
 * (top five of the headings and the notes left ungrouped).
 */
export function playedQuestion(
	random: () => number,
	text: string,
	people: readonly string[],
	stopAt?: QuestionSpec['stopAt'],
	subheading?: string
): QuestionSpec {
	const pool = shuffled(random, notePool);
	const written: { author: string; text: string; heading: string }[] = [];
	for (const person of people) {
		const count = 1 + Math.floor(random() * 3);
		for (let i = 0; i < count && written.length < pool.length; i++) {
			written.push({ author: person, ...pool[written.length]! });
		}
	}
	const notes = written.map((n): [string, string] => [n.author, n.text]);
	// Themes with at least two notes, the largest first (ties in pool order), two or three.
	const themes = noteThemes
		.map((theme) => ({
			heading: theme.heading,
			notes: written.flatMap((n, index) => (n.heading === theme.heading ? [index] : []))
		}))
		.filter((theme) => theme.notes.length >= 2)
		.sort((a, b) => b.notes.length - a.notes.length)
		.slice(0, 2 + Math.floor(random() * 2));
	const headings = notes.length >= 6 ? themes : [];
	const grouped = new Set(headings.flatMap((c) => c.notes));
	// The first heading's last note under a sub-heading: still voted on with its heading.
	const first = headings[0];
	const clusters: NonNullable<QuestionSpec['clusters']> =
		subheading && first && first.notes.length >= 2
			? [
					{ ...first, notes: first.notes.slice(0, -1) },
					...headings.slice(1),
					{ heading: subheading, notes: first.notes.slice(-1), under: 0 }
				]
			: headings;
	const items = [
		...headings.map((_, c) => `c${c}`),
		...notes.flatMap((_, n) => (grouped.has(n) ? [] : [`n${n}`]))
	];
	const ballots = people.map((voter) => {
		const ranking = shuffled(random, items).slice(0, Math.min(5, items.length));
		// The heading with a sub-heading is everyone's first choice, so every format prints it nested.
		if (clusters !== headings)
			return {
				voter,
				ranking: ['c0', ...ranking.filter((i) => i !== 'c0')].slice(0, ranking.length)
			};
		return { voter, ranking };
	});
	return { text, notes, clusters, ballots, ...(stopAt ? { stopAt } : {}) };
}

/**
 * Plays every group of every started round: both questions to the results (one group answers
 * them in one list), a reflection from most leaders. `openVote` leaves the last group of the last round voting (as during the day).
 */
export async function playStartedRounds(
	app: Uses,
	conferenceId: string,
	{ seed = 2010, openVote = false } = {}
): Promise<void> {
	const random = seededRandom(seed);
	const rounds = (await app.conferences.rounds(conferenceId)).filter((r) => r.startedAt !== null);
	for (const [r, round] of rounds.entries()) {
		const groups = (await app.conferences.roundDetail(conferenceId, round.id, 'en'))!.groups;
		for (const [g, group] of groups.entries()) {
			if (!group.sessionId || group.memberIds.length === 0) continue;
			const state = (await app.sessions.get(group.sessionId))!.state;
			const people = state.participants.filter((p) => !p.removed).map((p) => p.id);
			// Some people have no phone: their leader writes and votes for them.
			const withoutPhone = new Set(people.filter((_, i) => i % 7 === 6));
			const last = openVote && r === rounds.length - 1 && g === groups.length - 1;
			const oneList = r === 0 && g === demoOneListGroup;
			if (oneList) await answerInOneList(app, group.sessionId);
			const questions = state.questions.map((q, index): QuestionSpec => {
				const first = r === 0 && g === 0 && index === 0;
				const spec = playedQuestion(
					random,
					q.text,
					people,
					last && index === state.questions.length - 1 ? 'vote' : undefined,
					first ? demoSubheading[state.language] : undefined
				);
				// The first group's flipchart, entered by its leader for the group as a whole.
				return first ? { ...spec, notes: [...(spec.notes ?? []), [null, demoLongNote]] } : spec;
			});
			await playStored(app, group.sessionId, {
				idPrefix: `r${r + 1}g${g + 1}`,
				// Every question's spec is drawn, so the groups after it get the same notes as before.
				questions: oneList ? questions.slice(0, 1) : questions,
				withoutPhone,
				reflection: random() < 0.75 ? pick(random, reflectionPool) : undefined
			});
			if (r === 0 && g === 0) await addDemoReflections(app, group.sessionId, group.leaders);
		}
	}
}

/** The facilitator chooses "one list for all questions" before writing starts (demoOneListGroup). */
async function answerInOneList(app: Uses, sessionId: string): Promise<void> {
	await dispatchCommand(
		app,
		sessionId,
		{ type: 'session.configure', settings: { oneList: true } },
		{ role: 'facilitator' }
	);
}

/**
 * The demo's reflections with authors and its discussion (demoReflections): the leader's from
 * the console, a member's from their phone once the facilitator allows it.
 */
async function addDemoReflections(app: Uses, sessionId: string, leaders: string[]): Promise<void> {
	const state = (await app.sessions.get(sessionId))!.state;
	const step = dispatchStep(app, sessionId);
	const facilitator = { role: 'facilitator' } as const;
	const leaderId = leaders[0] ?? state.participants[0]!.id;
	const memberId = state.participants.find((p) => !p.removed && p.id !== leaderId)!.id;
	await step({ type: 'session.configure', settings: { membersReflect: true } }, facilitator);
	await step(
		{
			type: 'reflection.write',
			reflectionId: 'demo-reflection-leader',
			authorId: leaderId,
			...demoReflections.leader,
			showName: true
		},
		facilitator
	);
	await step(
		{
			type: 'reflection.write',
			reflectionId: 'demo-reflection-member',
			text: demoReflections.member.text,
			showName: true
		},
		{ role: 'participant', participantId: memberId }
	);
	await step(
		{
			type: 'discussion.write',
			questionId: state.questions[0]!.id,
			text: demoReflections.discussion
		},
		facilitator
	);
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
export async function seedPlayedDemo(
	app: Uses,
	{
		lang = 'nb' as Language,
		seed = 2010,
		openVote = false,
		now = Date.now(),
		ownerId = null as string | null
	} = {}
): Promise<Conference> {
	const conference = await createDemoConference(app, lang, now, ownerId);
	const rounds = await app.conferences.rounds(conference.id);
	for (const round of rounds) {
		const started = await app.conferences.startRound(conference.id, round.id);
		if (!started.ok) throw new Error(`start ${round.title}: ${started.error.code}`);
	}
	await playStartedRounds(app, conference.id, { seed, openVote });
	for (const [index, round] of rounds.entries()) {
		const summary = plenumSummaries[index];
		if (summary) await app.conferences.setPlenumSummary(conference.id, round.id, summary);
	}
	return (await app.conferences.get(conference.id))!;
}
