import { describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { execute, type Actor, type SessionCommand } from '../session/commands';
import type { SessionState } from '../session/types';
import { demoReportSource } from './fixtures';
import {
	buildReport,
	countryName,
	formatDateRange,
	localText,
	possessive,
	type Report
} from './model';
import { buildSession, specIds } from './session-builder';
import type { ReportGroup, ReportSource } from './source';
import { textBlocks } from './text-blocks';

const names = {
	gudrun: 'Guðrún Jónsdóttir',
	arni: 'Árni Már Björnsson',
	oystein: 'Øystein Sørmark',
	zak: 'Zakarias Berg',
	aase: 'Åse Ås',
	tonje: 'Tonje Lie',
	asa: 'Åsa Öberg',
	erik: 'Erik Andersson',
	soren: 'Søren Ærø'
};

function people(...ids: (keyof typeof names)[]) {
	return ids.map((id) => ({ id, name: names[id] }));
}

/** Round 1 group 1: a tie for first place, unvoted notes, and a second question with the vote open. */
function workersSession(): SessionState {
	return buildSession({
		id: 'w',
		title: 'Arbeidstakere',
		language: 'nb',
		topN: 2,
		people: people('oystein', 'zak', 'asa'),
		questions: [
			{
				text: 'Hva slags støtte er viktig for deg?',
				notes: [
					['oystein', 'Samme lønn som de andre'],
					['zak', 'Bli akseptert på jobben'],
					['asa', 'Stöd på raster'],
					['oystein', 'Ha både rettigheter og plikter'],
					['zak', 'Offentlige arbeidsplasser'],
					['asa', 'Karriereutvikling'],
					['zak', 'Mindre papirarbeid']
				],
				clusters: [
					{ heading: 'LIKEVERD', notes: [0, 3] },
					{ heading: 'INKLUDERING', notes: [1, 2] },
					{ heading: 'ADMINISTRASJON', notes: [6] }
				],
				ballots: [
					{ voter: 'oystein', ranking: ['c0', 'c1'] },
					{ voter: 'zak', ranking: ['c1', 'c0'] },
					{ voter: 'asa', ranking: ['n4'] }
				]
			},
			{
				text: 'Hva mangler?',
				notes: [
					['oystein', 'Mer tid'],
					['asa', 'Bedre informasjon']
				],
				ballots: [{ voter: 'zak', ranking: ['n0'] }],
				stopAt: 'vote'
			}
		]
	});
}

/** Round 2 group 2: the vote closed, then a revote was opened and one ballot cast. */
function norwaySession(): SessionState {
	let state = buildSession({
		id: 'no',
		title: 'Norge',
		language: 'nb',
		people: people('oystein', 'aase', 'zak'),
		questions: [
			{
				text: 'Hva er de viktigste forutsetningene?',
				notes: [
					['oystein', 'Jobbmatch'],
					['aase', 'Fast kontaktperson']
				],
				ballots: [
					{ voter: 'oystein', ranking: ['n0', 'n1'] },
					{ voter: 'aase', ranking: ['n1', 'n0'] },
					{ voter: 'zak', ranking: ['n0'] }
				]
			}
		]
	});
	const questionId = specIds.question('no', 0);
	const facilitator: Actor = { role: 'facilitator' };
	const steps: [SessionCommand, Actor][] = [
		[{ type: 'phase.advance', questionId, from: 'results' }, facilitator],
		[{ type: 'phase.advance', questionId, from: 'discuss' }, facilitator],
		[
			{ type: 'ballot.cast', questionId, ranking: [`n:${specIds.note('no', 0, 1)}`] },
			{ role: 'participant', participantId: 'zak' }
		]
	];
	for (const [command, actor] of steps) {
		const result = execute(state, command, actor, Date.UTC(2025, 4, 8, 15));
		if (!result.ok) throw new Error(result.error.code);
		state = result.state;
	}
	return state;
}

function group(overrides: Partial<ReportGroup> & Pick<ReportGroup, 'id' | 'name'>): ReportGroup {
	return {
		leaderIds: [],
		memberIds: [],
		session: null,
		plannedQuestions: [],
		reflection: '',
		...overrides
	};
}

function smallSource(): ReportSource {
	return {
		conference: {
			title: 'Nordisk dialog',
			subtitle: 'Dialogkonferanse',
			venue: 'Sigtuna',
			startDate: '2025-05-08',
			endDate: '2025-05-08',
			language: 'nb',
			languages: ['nb', 'sv', 'is'],
			organisation: 'Prosjekt SE-Norden',
			author: 'Tonje Lie',
			about: 'Om prosjektet.\n\n- punkt én\n- punkt to',
			introduction: 'Hva er SE?',
			introductionBy: 'Tonje Lie'
		},
		programme: [
			{ date: '2025-05-08', start: '10:15', end: '11:30', title: 'Gruppe 1', kind: 'group' },
			{ date: '2025-05-07', start: '19:30', end: null, title: 'Velkommen', kind: 'plenary' },
			{ date: '2025-05-08', start: '9:00', end: '10:00', title: 'Innledning', kind: 'plenary' },
			{ date: '2025-05-08', start: '10:00', end: '10:15', title: 'Kaffe', kind: 'break' }
		],
		roles: [
			{
				id: 'worker',
				label: { nb: 'arbeidstaker', en: 'worker' },
				plural: { nb: 'arbeidstakere', en: 'workers' }
			},
			{
				id: 'employer',
				label: { nb: 'arbeidsgiver', en: 'employer' },
				plural: { nb: 'arbeidsgivere', en: 'employers' }
			},
			{
				id: 'coach',
				label: { nb: 'jobbkonsulent', en: 'job coach' },
				plural: { nb: 'jobbkonsulenter', en: 'job coaches' }
			}
		],
		participants: [
			{
				id: 'gudrun',
				name: names.gudrun,
				country: 'IS',
				roleId: 'coach',
				organisation: 'Ás',
				coordinator: true
			},
			{
				id: 'arni',
				name: names.arni,
				country: 'is',
				roleId: 'coach',
				organisation: '',
				coordinator: false
			},
			{
				id: 'zak',
				name: names.zak,
				country: 'NO',
				roleId: 'worker',
				organisation: '',
				coordinator: true
			},
			{
				id: 'oystein',
				name: names.oystein,
				country: 'NO',
				roleId: 'worker',
				organisation: '',
				coordinator: false
			},
			{
				id: 'aase',
				name: names.aase,
				country: 'NO',
				roleId: 'employer',
				organisation: 'Ås AS',
				coordinator: false
			},
			{
				id: 'tonje',
				name: names.tonje,
				country: 'NO',
				roleId: 'employer',
				organisation: 'NAV',
				coordinator: false
			},
			{
				id: 'asa',
				name: names.asa,
				country: 'SE',
				roleId: 'worker',
				organisation: '',
				coordinator: false
			},
			{
				id: 'erik',
				name: names.erik,
				country: 'SE',
				roleId: 'employer',
				organisation: '',
				coordinator: false
			},
			{
				id: 'soren',
				name: names.soren,
				country: 'DK',
				roleId: 'coach',
				organisation: '',
				coordinator: false
			}
		],
		glossary: [
			{
				id: 'coach',
				terms: {
					nb: ['jobbkonsulent', 'tilrettelegger'],
					sv: ['jobbcoach'],
					is: ['atvinnuráðgjafi']
				}
			},
			{
				id: 'flex',
				terms: { da: ['fleksjob'] },
				explanation: { nb: 'dansk ordning', en: 'Danish scheme' }
			}
		],
		rounds: [
			{
				id: 'r1',
				title: 'Første gruppearbeid',
				theme: 'Jobbfastholdelse',
				plenumSummary: 'Alle gruppene ba om langsiktig støtte.',
				groups: [
					group({
						id: 'r1g1',
						name: 'Arbeidstakere',
						leaderIds: ['gudrun'],
						// The leader is also listed as a member and must appear once, as leader.
						memberIds: ['oystein', 'zak', 'asa', 'gudrun'],
						session: workersSession(),
						reflection: 'Godt samhold i gruppen.\n\nMange kloke tanker.'
					}),
					group({ id: 'r1g2', name: 'Tom gruppe', plannedQuestions: ['Hva mangler?'] }),
					group({
						id: 'r1g3',
						name: 'Arbeidsgivere',
						leaderIds: ['tonje'],
						memberIds: ['aase', 'erik'],
						session: buildSession({
							id: 'emp',
							title: 'Arbeidsgivere',
							language: 'nb',
							people: people('aase', 'erik'),
							questions: [
								{
									text: 'Hva trenger arbeidsgiveren?',
									notes: [
										['aase', 'Fast kontaktperson'],
										['erik', 'Snabb handläggning'],
										['aase', 'Enkel administrasjon']
									],
									clusters: [{ heading: 'BYRÅKRATI', notes: [1, 2] }],
									stopAt: 'clarify'
								}
							],
							reflection: 'Vi rakk ikke å stemme.'
						})
					})
				]
			},
			{
				id: 'r2',
				title: '',
				theme: '',
				plenumSummary: '',
				groups: [
					group({
						id: 'r2g1',
						name: 'Ísland',
						leaderIds: ['arni'],
						memberIds: ['gudrun'],
						session: buildSession({
							id: 'is',
							title: 'Ísland',
							language: 'is',
							named: true,
							people: people('gudrun', 'erik', 'soren'),
							questions: [
								{
									text: 'Hvað skiptir mestu máli?',
									notes: [['gudrun', 'Fleiri atvinnuráðgjafar']],
									// Three ballots: fewer would show no tally (each would reveal one).
									ballots: [
										{ voter: 'gudrun', ranking: ['n0'] },
										{ voter: 'erik', ranking: ['n0'] },
										{ voter: 'soren', ranking: ['n0'] }
									]
								}
							]
						})
					}),
					group({
						id: 'r2g2',
						name: 'Norge',
						leaderIds: ['tonje'],
						memberIds: ['oystein', 'aase', 'zak'],
						session: norwaySession()
					})
				]
			}
		]
	};
}

function groupOf(report: Report, round: number, groupNumber: number) {
	return report.rounds[round - 1]!.groups[groupNumber - 1]!;
}

describe('report structure', () => {
	const report = buildReport(smallSource(), {}, fixedT);

	it('lists every present chapter, round and group in the contents, with anchors', () => {
		expect(report.contents.map((e) => [e.anchor, e.level, e.title])).toEqual([
			['about', 1, 'Om konferansen'],
			['programme', 1, 'Program'],
			['participants', 1, 'Deltakere'],
			['introduction', 1, 'Innledning'],
			['round-1', 1, 'Første gruppearbeid'],
			['round-1-group-1', 2, 'Gruppe 1: Arbeidstakere'],
			['round-1-group-2', 2, 'Gruppe 2: Tom gruppe'],
			['round-1-group-3', 2, 'Gruppe 3: Arbeidsgivere'],
			['round-1-across', 2, 'På tvers av gruppene'],
			['round-2', 1, 'Gruppearbeid 2'],
			['round-2-group-1', 2, 'Gruppe 1: Ísland'],
			['round-2-group-2', 2, 'Gruppe 2: Norge'],
			['round-2-across', 2, 'På tvers av gruppene'],
			['plenum', 1, 'Oppsummering i plenum'],
			['language-help', 1, 'Vedlegg: Språkhjelp']
		]);
	});

	it('puts the language help in an appendix by default, before the group work when asked, or leaves it out', () => {
		const chapters = (r: Report) => r.contents.filter((e) => e.level === 1).map((e) => e.anchor);
		expect(report.languageHelp).toMatchObject({ placement: 'appendix' });
		expect(chapters(report).at(-1)).toBe('language-help');

		const front = buildReport(smallSource(), { glossary: 'front' }, fixedT);
		expect(front.languageHelp).toMatchObject({ placement: 'front', heading: 'Språkhjelp' });
		expect(chapters(front)).toEqual([
			'about',
			'programme',
			'participants',
			'language-help',
			'introduction',
			'round-1',
			'round-2',
			'plenum'
		]);

		const without = buildReport(smallSource(), { glossary: 'omit' }, fixedT);
		expect(without.languageHelp).toBeNull();
		expect(chapters(without)).not.toContain('language-help');
		expect(JSON.stringify(without)).not.toContain('Språkhjelp');
	});

	it('leaves out empty chapters', () => {
		const source = smallSource();
		source.conference.about = '  ';
		source.conference.introduction = '';
		source.programme = [];
		source.glossary = [];
		source.participants = [];
		source.rounds.forEach((r) => (r.plenumSummary = ''));
		const bare = buildReport(source, {}, fixedT);
		expect(bare.about).toBeNull();
		expect(bare.introduction).toBeNull();
		expect(bare.programme).toBeNull();
		expect(bare.languageHelp).toBeNull();
		expect(bare.participants).toBeNull();
		expect(bare.plenum).toBeNull();
		expect(bare.contents.filter((e) => e.level === 1).map((e) => e.anchor)).toEqual([
			'round-1',
			'round-2'
		]);
	});

	it('fills the title page', () => {
		expect(report.titlePage).toEqual({
			organisation: 'Prosjekt SE-Norden',
			documentLabel: 'Konferanserapport',
			title: 'Nordisk dialog',
			subtitle: 'Dialogkonferanse',
			placeAndDate: 'Sigtuna, 8. mai 2025',
			author: 'Tonje Lie',
			generated: ''
		});
		const dated = buildReport(smallSource(), { generatedAt: '2025-05-27T10:00:00Z' }, fixedT);
		expect(dated.titlePage.generated).toBe('Laget 27. mai 2025');
	});

	it('splits about and introduction into paragraphs and lists', () => {
		expect(report.about?.blocks).toEqual([
			{ kind: 'paragraph', text: 'Om prosjektet.' },
			{ kind: 'list', items: ['punkt én', 'punkt to'] }
		]);
		expect(report.introduction?.byline).toBe('ved Tonje Lie');
	});

	it('groups the programme by day, sorted by date and start time', () => {
		expect(report.programme?.days.map((d) => [d.label, d.items.map((i) => i.time)])).toEqual([
			['Onsdag 7. mai', ['19:30']],
			['Torsdag 8. mai', ['09:00–10:00', '10:00–10:15', '10:15–11:30']]
		]);
		expect(report.programme?.days[1]!.items.map((i) => i.kindLabel)).toEqual([
			'Plenum',
			'Pause',
			'Gruppearbeid'
		]);
	});

	it('builds the language help across the conference languages', () => {
		const help = report.languageHelp!;
		// Danish is not a conference language but a term is given in it: it comes last.
		expect(help.columns.map((c) => c.language)).toEqual(['nb', 'sv', 'is', 'da']);
		expect(help.rows[0]!.terms).toEqual([
			['jobbkonsulent', 'tilrettelegger'],
			['jobbcoach'],
			['atvinnuráðgjafi'],
			[]
		]);
		expect(help.rows[1]!.explanation).toBe('dansk ordning');
		expect(help.hasExplanations).toBe(true);
	});

	it('summarises the plenum per round that has a summary', () => {
		expect(report.plenum?.parts).toEqual([
			{
				heading: 'Første gruppearbeid',
				blocks: [{ kind: 'paragraph', text: 'Alle gruppene ba om langsiktig støtte.' }]
			}
		]);
	});
});

describe('participants', () => {
	it('sorts countries by name in the report language, coordinators first, then by name', () => {
		const report = buildReport(smallSource(), {}, fixedT);
		const section = report.participants!;
		expect(section.total).toBe(9);
		expect(section.totalLabel).toBe('9 deltakere');
		expect(section.countries.map((c) => c.name)).toEqual(['Danmark', 'Island', 'Norge', 'Sverige']);
		// The coordinator first; then Norwegian collation: T before Ø before Å.
		expect(section.countries[2]!.people.map((p) => p.name)).toEqual([
			names.zak,
			names.tonje,
			names.oystein,
			names.aase
		]);
		expect(section.countries[1]!.people.map((p) => [p.name, p.role, p.coordinator])).toEqual([
			[names.gudrun, 'jobbkonsulent', 'nasjonal koordinator'],
			[names.arni, 'jobbkonsulent', '']
		]);
	});

	it('uses the collation and country names of the report language', () => {
		const fi = buildReport(smallSource(), { language: 'fi' }, fixedT).participants!;
		expect(fi.countries.map((c) => c.name)).toEqual(['Islanti', 'Norja', 'Ruotsi', 'Tanska']);
		const sv = buildReport(smallSource(), { language: 'sv' }, fixedT).participants!;
		// Swedish collation: Å before Ø (sorted as Ö), both after T.
		expect(sv.countries.find((c) => c.code === 'NO')!.people.map((p) => p.name)).toEqual([
			names.zak,
			names.tonje,
			names.aase,
			names.oystein
		]);
	});

	it('counts per role and country without names when names are left out', () => {
		const report = buildReport(smallSource(), { includeNames: false }, fixedT);
		const norway = report.participants!.countries.find((c) => c.code === 'NO')!;
		expect(norway.people).toEqual([]);
		expect(norway.roleCounts).toEqual([
			{ roleId: 'worker', label: 'arbeidstakere', count: 2 },
			{ roleId: 'employer', label: 'arbeidsgivere', count: 2 }
		]);
		expect(report.participants!.countries.find((c) => c.code === 'DK')!.roleCounts).toEqual([
			{ roleId: 'coach', label: 'jobbkonsulent', count: 1 }
		]);
		expect(report.participants!.namesOmittedNote).not.toBe('');
		expect(report.named).toBe(false);
	});

	it('prints no personal name anywhere when names are left out', () => {
		const report = buildReport(smallSource(), { includeNames: false }, fixedT);
		// The author and the introducer are named on purpose: they sign the report.
		const text = JSON.stringify({ ...report, titlePage: null, introduction: null });
		for (const name of Object.values(names)) expect(text).not.toContain(name);
		expect(groupOf(report, 1, 1).leaders).toEqual([]);
		expect(groupOf(report, 1, 1).members).toEqual([]);
		expect(groupOf(report, 1, 1).memberCountLabel).toBe('3 deltakere');
		expect(report.rounds[0]!.table[0]!.leaders).toEqual([]);
	});
});

describe('rounds and groups', () => {
	const report = buildReport(smallSource(), {}, fixedT);

	it('has a table of groups with leaders, member counts and questions', () => {
		expect(report.rounds[0]!.table).toEqual([
			{
				anchor: 'round-1-group-1',
				heading: 'Gruppe 1: Arbeidstakere',
				memberCount: 3,
				leaders: [names.gudrun],
				questions: [
					{ label: 'a', text: 'Hva slags støtte er viktig for deg?' },
					{ label: 'b', text: 'Hva mangler?' }
				]
			},
			{
				anchor: 'round-1-group-2',
				heading: 'Gruppe 2: Tom gruppe',
				memberCount: 0,
				leaders: [],
				questions: [{ label: 'a', text: 'Hva mangler?' }]
			},
			{
				anchor: 'round-1-group-3',
				heading: 'Gruppe 3: Arbeidsgivere',
				memberCount: 2,
				leaders: [names.tonje],
				questions: [{ label: 'a', text: 'Hva trenger arbeidsgiveren?' }]
			}
		]);
		expect(report.rounds[0]!.theme).toEqual([{ kind: 'paragraph', text: 'Jobbfastholdelse' }]);
	});

	it('lists leaders and members, each person once, members by name', () => {
		const g = groupOf(report, 1, 1);
		expect(g.leadersHeading).toBe('Gruppeleder');
		expect(g.leaders).toEqual([names.gudrun]);
		// Norwegian order: Ø and Å come after Z.
		expect(g.members).toEqual([names.zak, names.oystein, names.asa]);
	});

	it('ranks the prioritised items with the domain tally, ties marked', () => {
		const g = groupOf(report, 1, 1);
		const q = g.questions[0]!;
		expect(q.vote).toMatchObject({ status: 'closed', ballots: 3, topN: 2 });
		expect(q.vote.summary).toContain('3 deltakere stemte');
		expect(q.prioritised.map((i) => [i.rankLabel, i.heading, i.points, i.voters, i.tied])).toEqual([
			['1 (delt)', 'LIKEVERD', 3, 2, true],
			['1 (delt)', 'INKLUDERING', 3, 2, true],
			['3', null, 2, 1, false]
		]);
		expect(q.prioritised[0]!.notes.map((n) => n.text)).toEqual([
			'Samme lønn som de andre',
			'Ha både rettigheter og plikter'
		]);
		expect(q.prioritised[2]!.notes.map((n) => n.text)).toEqual(['Offentlige arbeidsplasser']);

		// Same order and numbers as the domain's own tally of the same run.
		const run = smallSource().rounds[0]!.groups[0]!.session!.questions[0]!;
		const expected = run.closedVote!.tally.filter((r) => r.points > 0);
		expect(q.prioritised.map((i) => [i.rank, i.points, i.voters, i.tied])).toEqual(
			expected.map((r) => [r.rank, r.points, r.voters, r.tied])
		);
	});

	it('keeps the remaining notes in reveal order, with their headings', () => {
		const q = groupOf(report, 1, 1).questions[0]!;
		expect(q.otherNotesHeading).toBe('Øvrige lapper');
		expect(q.otherNotes?.map((n) => [n.text, n.heading])).toEqual([
			['Karriereutvikling', null],
			['Mindre papirarbeid', 'ADMINISTRASJON']
		]);
		const indexes = q.otherNotes!.map((n) => n.revealIndex);
		expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
	});

	it('prints no tally of a vote still open, so two exports a ballot apart cannot be compared', () => {
		const q = groupOf(report, 1, 1).questions[1]!;
		expect(q.vote.status).toBe('open');
		expect(q.vote.summary).toBe('Avstemningen var ikke avsluttet da rapporten ble laget.');
		expect(q.prioritised).toEqual([]);
		expect(q.otherNotes?.map((n) => n.text)).toEqual(['Mer tid', 'Bedre informasjon']);
	});

	it('shows an empty group without session as such', () => {
		const g = groupOf(report, 1, 2);
		expect(g.leaders).toEqual([]);
		expect(g.members).toEqual([]);
		expect(g.memberCountLabel).toBe('0 deltakere');
		expect(g.emptyNote).toBe('Gruppearbeidet ble ikke registrert i Samråd.');
		// Its planned questions stay in the round's table, with no empty headings of their own.
		expect(g.questions).toEqual([]);
		expect(report.rounds[0]!.table[1]!.questions).toEqual([{ label: 'a', text: 'Hva mangler?' }]);
		expect(g.reflection).toBeNull();
	});

	it('shows a group whose session never left the lobby as not recorded, without question headings', () => {
		const source = smallSource();
		source.rounds[0]!.groups[1]!.session = buildSession({
			id: 'idle',
			title: 'Tom',
			language: 'nb',
			people: people('oystein'),
			questions: [
				{ text: 'Hva mangler?', stopAt: 'lobby' },
				{ text: 'Hva nå?', stopAt: 'lobby' }
			]
		});
		const g = groupOf(buildReport(source, {}, fixedT), 1, 2);
		expect(g.emptyNote).toBe('Gruppearbeidet ble ikke registrert i Samråd.');
		expect(g.questions).toEqual([]);
	});

	it('leaves out a question the group never started', () => {
		const source = smallSource();
		source.rounds[0]!.groups[1]!.session = buildSession({
			id: 'half',
			title: 'Halv',
			language: 'nb',
			people: people('oystein'),
			questions: [
				{ text: 'Hva mangler?', notes: [['oystein', 'Mer tid']], stopAt: 'clarify' },
				{ text: 'Hva nå?', stopAt: 'lobby' }
			]
		});
		const g = groupOf(buildReport(source, {}, fixedT), 1, 2);
		expect(g.emptyNote).toBe('');
		expect(g.questions.map((q) => q.text)).toEqual(['Hva mangler?']);
	});

	it('lists every note of a group that did not vote, under "Notes"', () => {
		const g = groupOf(report, 1, 3);
		const q = g.questions[0]!;
		expect(q.vote).toMatchObject({ status: 'none', ballots: 0 });
		expect(q.vote.summary).toBe('Gruppen stemte ikke over dette spørsmålet.');
		expect(q.prioritised).toEqual([]);
		expect(q.otherNotesHeading).toBe('Lapper');
		expect(q.otherNotes?.map((n) => [n.text, n.heading])).toEqual([
			['Fast kontaktperson', null],
			['Snabb handläggning', 'BYRÅKRATI'],
			['Enkel administrasjon', 'BYRÅKRATI']
		]);
	});

	it('says so when a question got no notes', () => {
		const source = smallSource();
		source.rounds[0]!.groups[1]!.session = buildSession({
			id: 'empty',
			title: 'Tom',
			language: 'nb',
			people: [],
			questions: [{ text: 'Hva mangler?', stopAt: 'write' }]
		});
		const q = groupOf(buildReport(source, {}, fixedT), 1, 2).questions[0]!;
		expect(q.emptyNote).toBe('Det ble ikke skrevet lapper til dette spørsmålet.');
		expect(q.vote.summary).toBe('');
		expect(q.otherNotes).toEqual([]);
	});

	it('keeps private notes that were never revealed out of the report', () => {
		const source = smallSource();
		source.rounds[0]!.groups[1]!.session = buildSession({
			id: 'private',
			title: 'Privat',
			language: 'nb',
			people: people('oystein'),
			questions: [
				{ text: 'Hva mangler?', notes: [['oystein', 'Hemmelig utkast']], stopAt: 'write' }
			]
		});
		const text = JSON.stringify(buildReport(source, {}, fixedT));
		expect(text).not.toContain('Hemmelig utkast');
	});

	it('uses the closed vote while a revote is still open', () => {
		const q = groupOf(report, 2, 2).questions[0]!;
		expect(q.vote).toMatchObject({ status: 'closed', ballots: 3 });
		expect(q.prioritised.map((i) => [i.notes[0]!.text, i.points])).toEqual([
			['Jobbmatch', 5],
			['Fast kontaktperson', 3]
		]);
	});

	it('falls back to a numbered heading for a round without title', () => {
		expect(report.rounds[1]!.heading).toBe('Gruppearbeid 2');
	});
});

describe('anonymous and named notes', () => {
	it('shows no authors in anonymous sessions', () => {
		const report = buildReport(smallSource(), {}, fixedT);
		const notes = groupOf(report, 1, 1).questions.flatMap((q) => [
			...q.prioritised.flatMap((i) => i.notes),
			...(q.otherNotes ?? [])
		]);
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.every((n) => n.author === null)).toBe(true);
	});

	it('shows authors where the session is named', () => {
		const report = buildReport(smallSource(), {}, fixedT);
		expect(groupOf(report, 2, 1).questions[0]!.prioritised[0]!.notes[0]).toMatchObject({
			text: 'Fleiri atvinnuráðgjafar',
			author: names.gudrun
		});
	});

	it('hides authors of named sessions when names are left out', () => {
		const report = buildReport(smallSource(), { includeNames: false }, fixedT);
		expect(groupOf(report, 2, 1).questions[0]!.prioritised[0]!.notes[0]!.author).toBeNull();
	});
});

describe('options', () => {
	it('leaves out unvoted notes when asked', () => {
		const report = buildReport(smallSource(), { includeUnvotedNotes: false }, fixedT);
		const g1 = groupOf(report, 1, 1);
		expect(g1.questions[0]!.otherNotes).toBeNull();
		expect(g1.questions[0]!.prioritised).toHaveLength(3);
		expect(groupOf(report, 1, 3).questions[0]!.otherNotes).toBeNull();
		expect(JSON.stringify(report)).not.toContain('Karriereutvikling');
	});

	it('includes reflections, falling back to the session reflection', () => {
		const report = buildReport(smallSource(), {}, fixedT);
		expect(groupOf(report, 1, 1).reflection).toEqual({
			heading: 'Gruppeleders refleksjon',
			blocks: [
				{ kind: 'paragraph', text: 'Godt samhold i gruppen.' },
				{ kind: 'paragraph', text: 'Mange kloke tanker.' }
			]
		});
		expect(groupOf(report, 1, 3).reflection?.blocks).toEqual([
			{ kind: 'paragraph', text: 'Vi rakk ikke å stemme.' }
		]);
		expect(groupOf(report, 2, 1).reflection).toBeNull();
	});

	it('leaves out reflections when asked', () => {
		const report = buildReport(smallSource(), { includeReflections: false }, fixedT);
		expect(report.rounds.flatMap((r) => r.groups).every((g) => g.reflection === null)).toBe(true);
		expect(JSON.stringify(report)).not.toContain('Godt samhold');
	});

	it('writes headings, labels and dates in the chosen language', () => {
		const report = buildReport(
			smallSource(),
			{ language: 'en', generatedAt: '2025-05-27' },
			fixedT
		);
		expect(report.language).toBe('en');
		expect(report.locale).toBe('en-GB');
		expect(report.labels.contents).toBe('Contents');
		expect(report.titlePage.placeAndDate).toBe('Sigtuna, 8 May 2025');
		expect(report.titlePage.generated).toBe('Compiled 27 May 2025');
		expect(report.contents[0]!.title).toBe('About the conference');
		expect(groupOf(report, 1, 1).heading).toBe('Group 1: Arbeidstakere');
		expect(groupOf(report, 1, 1).questions[0]!.prioritised[0]!.rankLabel).toBe('1 (tie)');
		expect(report.participants!.countries[1]!.people[0]!.role).toBe('job coach');
		expect(report.programme!.days[0]!.label).toBe('Wednesday 7 May');
	});

	it('is deterministic and leaves its input untouched', () => {
		const source = smallSource();
		const before = structuredClone(source);
		const a = buildReport(source, { generatedAt: '2025-05-27' }, fixedT);
		const b = buildReport(source, { generatedAt: '2025-05-27' }, fixedT);
		expect(a).toEqual(b);
		expect(source).toEqual(before);
	});

	it('gives the same prioritised items whatever order the ballots were cast in', () => {
		const source = smallSource();
		const session = source.rounds[0]!.groups[0]!.session!;
		const reversed = structuredClone(source);
		const run = reversed.rounds[0]!.groups[0]!.session!.questions[0]!;
		run.ballots = [...session.questions[0]!.ballots].reverse();
		expect(groupOf(buildReport(reversed, {}, fixedT), 1, 1).questions[0]).toEqual(
			groupOf(buildReport(source, {}, fixedT), 1, 1).questions[0]
		);
	});
});

describe('helpers', () => {
	it('formats date ranges', () => {
		expect(formatDateRange('nb', '2025-05-07', '2025-05-08')).toBe('7.–8. mai 2025');
		expect(formatDateRange('en', '2025-05-07', '2025-05-07')).toBe('7 May 2025');
		expect(formatDateRange('nb', 'not a date', '')).toBe('not a date');
	});

	it('names countries from the source, the Nordic table, then Intl', () => {
		const source = smallSource();
		expect(countryName(source, 'is', 'is')).toBe('Ísland');
		expect(countryName(source, 'FO', 'da')).toBe('Færøerne');
		expect(
			countryName({ ...source, countries: [{ code: 'NO', names: { nb: 'Noreg' } }] }, 'NO', 'nb')
		).toBe('Noreg');
		expect(countryName(source, 'DE', 'nb')).toBe('Tyskland');
	});

	it('falls back from the wanted language to English, then any', () => {
		expect(localText({ nb: 'a', en: 'b' }, 'nb')).toBe('a');
		expect(localText({ sv: 'c', en: 'b' }, 'nb')).toBe('b');
		expect(localText({ sv: 'c' }, 'nb')).toBe('c');
		expect(localText(undefined, 'nb')).toBe('');
	});

	it('splits text into paragraphs and bullet lists', () => {
		expect(textBlocks('Første linje\nandre linje\n\n- a\n* b\n• c\nEtter')).toEqual([
			{ kind: 'paragraph', text: 'Første linje\nandre linje' },
			{ kind: 'list', items: ['a', 'b', 'c'] },
			{ kind: 'paragraph', text: 'Etter' }
		]);
		expect(textBlocks('  \n\n ')).toEqual([]);
	});
});

describe('the demo conference', () => {
	const source = demoReportSource();
	const report = buildReport(source, {}, fixedT);

	it('has about 40 people from five countries in two rounds', () => {
		expect(source.participants).toHaveLength(40);
		expect(report.participants!.countries.map((c) => c.code)).toEqual([
			'DK',
			'FI',
			'IS',
			'NO',
			'SE'
		]);
		expect(report.rounds.map((r) => r.groups.length)).toEqual([6, 5]);
	});

	it('refers only to people who exist, and every member belongs to the conference', () => {
		const ids = new Set(source.participants.map((p) => p.id));
		for (const g of source.rounds.flatMap((r) => r.groups)) {
			for (const id of [...g.leaderIds, ...g.memberIds]) expect(ids.has(id)).toBe(true);
		}
	});

	it('has real sessions: votes, ties, a group without a vote and a named group', () => {
		const questions = report.rounds.flatMap((r) => r.groups.flatMap((g) => g.questions));
		expect(questions.filter((q) => q.vote.status === 'closed').length).toBeGreaterThan(15);
		expect(questions.some((q) => q.prioritised.some((i) => i.tied))).toBe(true);
		expect(questions.some((q) => q.vote.status === 'none' && (q.otherNotes?.length ?? 0) > 0)).toBe(
			true
		);
		const iceland = report.rounds[1]!.groups[2]!;
		expect(iceland.questions[0]!.prioritised[0]!.notes[0]!.author).not.toBeNull();
	});
});

describe('reflections with authors, and discussion', () => {
	/** Group 1 of round 1 with reflections by Zakarias (his phone), Øystein (console), Åsa (no name). */
	function reflectingSource(): ReportSource {
		const source = smallSource();
		const group = source.rounds[0]!.groups[0]!;
		let state = group.session!;
		const questionId = state.questions[0]!.id;
		const facilitator: Actor = { role: 'facilitator' };
		const steps: [SessionCommand, Actor][] = [
			[{ type: 'session.configure', settings: { membersReflect: true } }, facilitator],
			[
				{ type: 'reflection.write', reflectionId: 'rz', text: 'Zak skrev selv.', showName: true },
				{ role: 'participant', participantId: 'zak' }
			],
			[
				{ type: 'reflection.write', reflectionId: 'ra', text: 'Åsa uten navn.' },
				{ role: 'participant', participantId: 'asa' }
			],
			[
				{
					type: 'reflection.write',
					reflectionId: 'ro',
					authorId: 'oystein',
					title: 'Etter dagen',
					text: 'Øystein med tittel.',
					showName: true
				},
				facilitator
			],
			[
				{ type: 'discussion.write', questionId, text: 'Vi diskuterte.\n\nOg ble enige.' },
				facilitator
			]
		];
		for (const [command, actor] of steps) {
			const result = execute(state, command, actor, Date.UTC(2025, 4, 8, 16));
			if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
			state = result.state;
		}
		group.session = state;
		return source;
	}

	it('prints each under its author’s name or its title, after the leaders’ reflection, in the report’s language', () => {
		const g = groupOf(buildReport(reflectingSource(), {}, fixedT), 1, 1);
		expect(g.reflection?.heading).toBe('Gruppeleders refleksjon');
		expect(g.reflections.map((r) => r.heading)).toEqual([
			'Zakarias Bergs refleksjon',
			'En deltakers refleksjon',
			'Etter dagen'
		]);
		expect(g.reflections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'Zak skrev selv.' }]);
		const sv = groupOf(buildReport(reflectingSource(), { language: 'sv' }, fixedT), 1, 1);
		expect(sv.reflections.map((r) => r.heading).slice(0, 2)).toEqual([
			'Zakarias Bergs reflektion',
			'En deltagares reflektion'
		]);
		const en = groupOf(buildReport(reflectingSource(), { language: 'en' }, fixedT), 1, 1);
		expect(en.reflections[0]!.heading).toBe('Zakarias Berg’s reflection'.replace('’', "'"));
		const is = groupOf(buildReport(reflectingSource(), { language: 'is' }, fixedT), 1, 1);
		expect(is.reflections[0]!.heading).toBe('Hugleiðing – Zakarias Berg');
	});

	it('names nobody when names are left out, and nothing when reflections are', () => {
		const unnamed = groupOf(buildReport(reflectingSource(), { includeNames: false }, fixedT), 1, 1);
		expect(unnamed.reflections.map((r) => r.heading)).toEqual([
			'En deltakers refleksjon',
			'En deltakers refleksjon',
			'Etter dagen'
		]);
		const none = buildReport(reflectingSource(), { includeReflections: false }, fixedT);
		expect(groupOf(none, 1, 1).reflections).toEqual([]);
		expect(JSON.stringify(none)).not.toContain('Zak skrev selv');
	});

	it('prints the discussion of a question after its priorities, and none where there is none', () => {
		const g = groupOf(buildReport(reflectingSource(), {}, fixedT), 1, 1);
		expect(g.questions[0]!.discussion).toEqual({
			heading: 'Gruppens diskusjon',
			blocks: [
				{ kind: 'paragraph', text: 'Vi diskuterte.' },
				{ kind: 'paragraph', text: 'Og ble enige.' }
			]
		});
		expect(g.questions[1]?.discussion ?? null).toBeNull();
	});

	it('makes owners of names as each language does', () => {
		expect(possessive('Bertil', 'nb')).toBe('Bertils');
		expect(possessive('Anders', 'nb')).toBe("Anders'");
		expect(possessive('Lars', 'sv')).toBe('Lars');
		expect(possessive('Max', 'da')).toBe("Max'");
		expect(possessive('James', 'en')).toBe("James'");
		expect(possessive('Guðrún', 'is')).toBe('Guðrún');
	});
});
