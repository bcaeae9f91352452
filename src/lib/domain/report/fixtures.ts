import { buildSession, type QuestionSpec } from './session-builder';
import type { ReportParticipant, ReportRole, ReportSource } from './source';

/**
 * A demo conference shaped like the Sigtuna dialogue conference: 40 people from five Nordic
 * countries, round 1 in groups by stakeholder role, round 2 by country. The sessions are built
 * through the session commands, so notes, headings and ballots are real. Used by tests, the
 * benchmark and demos; nothing here is read at run time.
 */
export function demoReportSource(): ReportSource {
	return {
		conference: {
			title: 'Nordisk dialog om arbeid med bistand',
			subtitle: 'Dialogkonferanse',
			venue: 'Sigtuna',
			startDate: '2025-05-07',
			endDate: '2025-05-08',
			language: 'nb',
			languages: ['nb', 'sv', 'da', 'is', 'fi', 'en'],
			organisation: 'Prosjekt SE-Norden',
			author: 'Håkon Sæther, Arbeidsforskningsinstituttet',
			about: demoAbout,
			introduction: demoIntroduction,
			introductionBy: 'Håkon Sæther (prosjektleder)'
		},
		programme: [
			{
				date: '2025-05-07',
				start: '19:30',
				end: null,
				title: 'Velkommen, felles middag',
				kind: 'plenary'
			},
			{ date: '2025-05-08', start: '09:00', end: '10:00', title: 'Innledning', kind: 'plenary' },
			{ date: '2025-05-08', start: '10:00', end: '10:15', title: 'Kaffe', kind: 'break' },
			{
				date: '2025-05-08',
				start: '10:15',
				end: '11:30',
				title: 'Første gruppearbeid',
				kind: 'group'
			},
			{ date: '2025-05-08', start: '11:30', end: '12:30', title: 'Lunsj', kind: 'break' },
			{
				date: '2025-05-08',
				start: '12:30',
				end: '13:30',
				title: 'Første gruppearbeid fortsetter',
				kind: 'group'
			},
			{
				date: '2025-05-08',
				start: '13:30',
				end: '14:00',
				title: 'Presentasjon i plenum',
				kind: 'plenary'
			},
			{
				date: '2025-05-08',
				start: '14:00',
				end: '15:00',
				title: 'Andre gruppearbeid',
				kind: 'group'
			},
			{ date: '2025-05-08', start: '15:00', end: '15:15', title: 'Kaffe', kind: 'break' },
			{
				date: '2025-05-08',
				start: '15:15',
				end: '16:30',
				title: 'Andre gruppearbeid fortsetter',
				kind: 'group'
			},
			{
				date: '2025-05-08',
				start: '16:30',
				end: '17:00',
				title: 'Presentasjon og avslutning i plenum',
				kind: 'plenary'
			}
		],
		roles: demoRoles,
		participants: demoParticipants,
		glossary: demoGlossary,
		rounds: [
			{
				id: 'r1',
				title: 'Første gruppearbeid',
				theme: 'Jobbfastholdelse ved hjelp av supported employment',
				groups: roundOneGroups(),
				plenumSummary:
					'Alle grupper la vekt på at støtten må vare så lenge behovet varer, og at jobbkonsulenten må kjenne arbeidsplassen.\n\n- Arbeidstakerne ba om likeverd: samme lønn, rettigheter og plikter.\n- Arbeidsgiverne ba om én fast kontaktperson og enklere papirarbeid.\n- Saksbehandlerne pekte på manglende langsiktighet i finansieringen.'
			},
			{
				id: 'r2',
				title: 'Andre gruppearbeid',
				theme: 'Forutsetninger og utfordringer i hvert land',
				groups: roundTwoGroups(),
				plenumSummary:
					'Landene har ulike ordninger, men de samme utfordringene: SE mangler en felles definisjon, tjenestene drives ofte som prosjekter, og jobbkonsulenter mangler en felles utdanning.'
			}
		]
	};
}

const demoAbout = `Prosjektet SE-Norden skal gi bedre kunnskap om – og bedre kvalitet i – tjenester som gjennom tett individuell oppfølging hjelper personer med nedsatt funksjonsevne å få og beholde en vanlig jobb. Slike tjenester kalles internasjonalt supported employment (SE).

På denne konferansen står dialogen mellom dem som bruker eller samarbeider med SE-tjenester i sentrum. Vi ville lære mer om:
- nordiske arbeidsgiveres erfaringer fra samarbeid med SE-tjenester
- erfaringene til jobbkonsulentene, som hjelper arbeidssøker og arbeidsgiver
- erfaringene til arbeidstakere med funksjonsnedsettelser
- erfaringene til saksbehandlere i NAV, Jobcenter, Arbetsförmedlingen og TE-toimisto

Med denne rapporten sendes momentene og refleksjonene fra gruppearbeidet ut til deltakerne.`;

const demoIntroduction = `Hva er supported employment?
- Mål: inkludering i ordinært arbeid
- Individuell oppfølging for å få og beholde en vanlig jobb
- Først jobb, deretter opplæring

Hva er ikke supported employment?
- Skjermet sysselsetting utenfor det ordinære arbeidslivet
- Avklaring og testing uten en konkret jobb`;

const demoRoles: ReportRole[] = [
	{
		id: 'worker',
		label: {
			nb: 'arbeidstaker',
			sv: 'arbetstagare',
			da: 'arbejdstager',
			is: 'starfsmaður',
			fi: 'työntekijä',
			en: 'worker'
		},
		plural: {
			nb: 'arbeidstakere',
			sv: 'arbetstagare',
			da: 'arbejdstagere',
			is: 'starfsmenn',
			fi: 'työntekijät',
			en: 'workers'
		}
	},
	{
		id: 'employer',
		label: {
			nb: 'arbeidsgiver',
			sv: 'arbetsgivare',
			da: 'arbejdsgiver',
			is: 'atvinnurekandi',
			fi: 'työnantaja',
			en: 'employer'
		},
		plural: {
			nb: 'arbeidsgivere',
			sv: 'arbetsgivare',
			da: 'arbejdsgivere',
			is: 'atvinnurekendur',
			fi: 'työnantajat',
			en: 'employers'
		}
	},
	{
		id: 'job-coach',
		label: {
			nb: 'jobbkonsulent',
			sv: 'jobbcoach',
			da: 'jobkonsulent',
			is: 'atvinnuráðgjafi',
			fi: 'työhönvalmentaja',
			en: 'job coach'
		},
		plural: {
			nb: 'jobbkonsulenter',
			sv: 'jobbcoacher',
			da: 'jobkonsulenter',
			is: 'atvinnuráðgjafar',
			fi: 'työhönvalmentajat',
			en: 'job coaches'
		}
	},
	{
		id: 'caseworker',
		label: {
			nb: 'saksbehandler',
			sv: 'handläggare',
			da: 'sagsbehandler',
			is: 'málastjóri',
			fi: 'virkailija',
			en: 'caseworker'
		},
		plural: {
			nb: 'saksbehandlere',
			sv: 'handläggare',
			da: 'sagsbehandlere',
			is: 'málastjórar',
			fi: 'virkailijat',
			en: 'caseworkers'
		}
	},
	{
		id: 'policy',
		label: {
			nb: 'policy-representant',
			sv: 'policyföreträdare',
			da: 'politisk repræsentant',
			is: 'fulltrúi stjórnvalda',
			fi: 'päättäjä',
			en: 'policy maker'
		},
		plural: {
			nb: 'policy-representanter',
			sv: 'policyföreträdare',
			da: 'politiske repræsentanter',
			is: 'fulltrúar stjórnvalda',
			fi: 'päättäjät',
			en: 'policy makers'
		}
	},
	{
		id: 'researcher',
		label: {
			nb: 'forsker',
			sv: 'forskare',
			da: 'forsker',
			is: 'rannsakandi',
			fi: 'tutkija',
			en: 'researcher'
		},
		plural: {
			nb: 'forskere',
			sv: 'forskare',
			da: 'forskere',
			is: 'rannsakendur',
			fi: 'tutkijat',
			en: 'researchers'
		}
	}
];

function person(
	id: string,
	name: string,
	country: string,
	roleId: string,
	organisation: string,
	coordinator = false
): ReportParticipant {
	return { id, name, country, roleId, organisation, coordinator };
}

const demoParticipants: ReportParticipant[] = [
	person('dk-mette', 'Mette Kjærgaard', 'DK', 'researcher', 'VIVE', true),
	person('dk-soren', 'Søren Østergaard', 'DK', 'researcher', 'VIVE'),
	person('dk-lars', 'Lars Bøgh', 'DK', 'employer', 'Brugsen Roskilde'),
	person('dk-carsten', 'Carsten Frølund', 'DK', 'employer', 'Frølund Maskinfabrik'),
	person('dk-anders', 'Anders Løkke', 'DK', 'worker', ''),
	person('dk-birgitte', 'Birgitte Høeg', 'DK', 'job-coach', 'Jobcenter Aarhus'),
	person('dk-pernille', 'Pernille Sønderby', 'DK', 'caseworker', 'Jobcenter København'),
	person('dk-jens', 'Jens Ærøe', 'DK', 'policy', 'Beskæftigelsesministeriet'),
	person('fi-annkristin', 'Ann-Kristin Sjöholm', 'FI', 'researcher', 'Åbo Akademi', true),
	person('fi-mikko', 'Mikko Mäkelä', 'FI', 'employer', 'Mäkelän Leipomo'),
	person('fi-paivi', 'Päivi Hämäläinen', 'FI', 'employer', 'Kaupunki Espoo'),
	person('fi-emma', 'Emma Lindqvist', 'FI', 'worker', ''),
	person('fi-jyrki', 'Jyrki Kärkkäinen', 'FI', 'job-coach', 'Vates-säätiö'),
	person('fi-sanna', 'Sanna Väisänen', 'FI', 'caseworker', 'TE-toimisto Helsinki'),
	person('fi-tuomas', 'Tuomas Ylönen', 'FI', 'policy', 'Työ- ja elinkeinoministeriö'),
	person('is-arni', 'Árni Már Björnsson', 'IS', 'job-coach', 'Vinnumálastofnun', true),
	person('is-gudrun', 'Guðrún Jónsdóttir', 'IS', 'job-coach', 'Ás vinnustofa'),
	person('is-thordis', 'Þórdís Ásgeirsdóttir', 'IS', 'worker', ''),
	person('is-jon', 'Jón Ævar Einarsson', 'IS', 'worker', ''),
	person('is-kristjan', 'Kristján Þórðarson', 'IS', 'caseworker', 'Tryggingastofnun'),
	person('is-sigridur', 'Sigríður Ólafsdóttir', 'IS', 'employer', 'Hagkaup'),
	person('is-ragnheidur', 'Ragnheiður Guðmundsdóttir', 'IS', 'policy', 'Félagsmálaráðuneytið'),
	person('no-tonje', 'Tonje Solvang', 'NO', 'researcher', 'NAV', true),
	person('no-oystein', 'Øystein Sørmark', 'NO', 'worker', ''),
	person('no-kristin', 'Kristin Åsheim', 'NO', 'worker', ''),
	person('no-ingrid', 'Ingrid Bråten', 'NO', 'employer', 'Bråten Gartneri'),
	person('no-tommy', 'Tommy Østby', 'NO', 'employer', 'Rema 1000 Lillestrøm'),
	person('no-livanne', 'Liv-Anne Lien', 'NO', 'job-coach', 'Fønix AS'),
	person('no-grete', 'Grete Wærnes', 'NO', 'researcher', 'Høgskolen i Innlandet'),
	person('no-kai', 'Kai Ringstad', 'NO', 'policy', 'Arbeids- og inkluderingsdepartementet'),
	person('no-gry', 'Gry Ingvaldsen', 'NO', 'caseworker', 'NAV Gjøvik'),
	person('no-hakon', 'Håkon Sæther', 'NO', 'researcher', 'Arbeidsforskningsinstituttet'),
	person('se-gunbritt', 'Gun-Britt Nyström', 'SE', 'job-coach', 'SUSE', true),
	person('se-johanna', 'Johanna Gustavsson', 'SE', 'researcher', 'Örebro universitet'),
	person('se-jeanette', 'Jeanette Ek', 'SE', 'employer', 'Ekens Café'),
	person('se-margareta', 'Margareta Rosén', 'SE', 'employer', 'Uppsala kommun'),
	person('se-george', 'George Erdem', 'SE', 'worker', ''),
	person('se-bertil', 'Bertil Johansson', 'SE', 'job-coach', 'Samhall'),
	person('se-asa', 'Åsa Bergström', 'SE', 'job-coach', 'Arbetsförmedlingen'),
	person('se-elin', 'Elin Norén', 'SE', 'caseworker', 'Försäkringskassan')
];

const nameOf = new Map(demoParticipants.map((p) => [p.id, p.name]));

function people(ids: string[], withoutPhone: string[] = []) {
	return ids.map((id) => ({ id, name: nameOf.get(id)!, withoutPhone: withoutPhone.includes(id) }));
}

const demoGlossary: ReportSource['glossary'] = [
	{
		id: 'employment-service',
		terms: {
			nb: ['arbeidsformidling', 'NAV'],
			sv: ['Arbetsförmedlingen'],
			da: ['jobcenter'],
			is: ['Vinnumálastofnun'],
			fi: ['TE-toimisto'],
			en: ['public employment service']
		}
	},
	{
		id: 'job-coach',
		terms: {
			nb: ['tilrettelegger', 'jobbkonsulent'],
			sv: ['jobbcoach', 'arbetskonsulent'],
			da: ['jobkonsulent'],
			is: ['atvinnuráðgjafi'],
			fi: ['työhönvalmentaja'],
			en: ['job coach']
		}
	},
	{
		id: 'caseworker',
		terms: {
			nb: ['saksbehandler'],
			sv: ['handläggare'],
			da: ['sagsbehandler'],
			is: ['málastjóri'],
			fi: ['virkailija'],
			en: ['caseworker']
		}
	},
	{
		id: 'rehabilitation',
		terms: {
			nb: ['attføring'],
			sv: ['rehabilitering'],
			da: ['revalidering'],
			is: ['starfsendurhæfing'],
			fi: ['ammatillinen kuntoutus'],
			en: ['vocational rehabilitation']
		}
	},
	{
		id: 'disability-pension',
		terms: {
			nb: ['uføretrygd'],
			sv: ['sjukersättning'],
			da: ['førtidspension'],
			is: ['örorkulífeyrir'],
			fi: ['työkyvyttömyyseläke'],
			en: ['disability pension']
		}
	},
	{
		id: 'social-assistance',
		terms: {
			nb: ['sosialhjelp'],
			sv: ['försörjningsstöd', 'socialbidrag'],
			da: ['kontanthjælp'],
			is: ['fjárhagsaðstoð'],
			fi: ['toimeentulotuki'],
			en: ['social assistance']
		}
	},
	{
		id: 'work-capacity',
		terms: {
			nb: ['arbeidsevne'],
			sv: ['arbetsförmåga'],
			da: ['arbejdsevne'],
			is: ['starfsgeta'],
			fi: ['työkyky'],
			en: ['work capacity']
		}
	},
	{
		id: 'sheltered',
		terms: {
			nb: ['skjermet sysselsetting'],
			sv: ['skyddat arbete'],
			da: ['beskyttet beskæftigelse'],
			is: ['verndaður vinnustaður'],
			fi: ['suojatyö'],
			en: ['sheltered employment']
		}
	},
	{
		id: 'supported-employment',
		terms: {
			nb: ['arbeid med bistand'],
			sv: ['arbete med stöd'],
			is: ['atvinna með stuðningi'],
			fi: ['tuettu työllistyminen'],
			en: ['supported employment']
		},
		explanation: {
			nb: 'norsk SE-liknende tilbud',
			sv: 'norskt SE-liknande stöd',
			en: 'the Norwegian programme closest to SE'
		}
	},
	{
		id: 'flex-job',
		terms: { da: ['fleksjob'] },
		explanation: {
			nb: 'dansk jobb med varig lønnstilskudd og særlige vilkår',
			da: 'job med løntilskud og særlige vilkår',
			en: 'Danish job with a permanent wage subsidy on special terms'
		}
	}
];

const questionWhat = 'Hva slags støtte er viktig for at du skal beholde jobben?';
const questionMissing = 'Hva mangler?';

function roundOneGroups(): ReportSource['rounds'][number]['groups'] {
	const workers = [
		'dk-anders',
		'fi-emma',
		'is-thordis',
		'is-jon',
		'no-oystein',
		'no-kristin',
		'se-george'
	];
	const workerQuestions: QuestionSpec[] = [
		{
			text: questionWhat,
			notes: [
				['dk-anders', 'Samme lønn som de andre (likeverd)'],
				['fi-emma', 'Bli behandlet som de andre – være en del av fellesskapet'],
				['is-thordis', 'Að vita að stuðningurinn er til staðar þegar á þarf að halda'],
				['is-jon', 'Jobbkonsulenten hjelper med papirer og regler'],
				['no-oystein', 'Lønn for det jeg gjør'],
				['no-kristin', 'Støtte fra arbeidskolleger i pausene'],
				['se-george', 'Individuell instruktion till arbetsuppgifterna'],
				['dk-anders', 'Jobcoachen er for hele arbejdspladsen, ikke kun for mig'],
				['fi-emma', 'Rett til å løse oppgavene på min egen måte'],
				['no-oystein', 'Ha både rettigheter og plikter'],
				['no-kristin', 'Støtten skal være en naturlig ting, ikke noe spesielt']
			],
			clusters: [
				{ heading: 'LIKEVERD', notes: [0, 4, 9] },
				{ heading: 'STØTTE PÅ ARBEIDSPLASSEN', notes: [1, 5, 10] },
				{ heading: 'JOBBKONSULENTENS ROLLE', notes: [3, 7] }
			],
			ballots: [
				{ voter: 'dk-anders', ranking: ['c0', 'c1', 'c2'] },
				{ voter: 'fi-emma', ranking: ['c1', 'c0', 'n8'] },
				{ voter: 'is-thordis', ranking: ['n2', 'c1', 'c2'] },
				{ voter: 'is-jon', ranking: ['c2', 'c0', 'n2'] },
				{ voter: 'no-oystein', ranking: ['c0', 'c2', 'c1'] },
				{ voter: 'no-kristin', ranking: ['c1', 'c0', 'n6'] },
				{ voter: 'se-george', ranking: ['n6', 'c1', 'c0'] }
			]
		},
		{
			text: questionMissing,
			notes: [
				['no-oystein', 'Offentlige arbeidsplasser tar for få'],
				['se-george', 'Fördomar om psykisk ohälsa'],
				['no-kristin', 'Karriereutvikling, ikke bare den første jobben'],
				['is-jon', 'Stuðningur eftir vinnutíma'],
				['dk-anders', 'Papirarbejdet trætter – også arbejdsgiveren'],
				['fi-emma', 'Åpenhet om psykiske handikap']
			],
			clusters: [{ heading: 'HOLDNINGER I SAMFUNNET', notes: [1, 5] }],
			ballots: [
				{ voter: 'dk-anders', ranking: ['c0', 'n4', 'n2'] },
				{ voter: 'fi-emma', ranking: ['c0', 'n2', 'n4'] },
				{ voter: 'is-thordis', ranking: ['n3', 'n2', 'c0'] },
				{ voter: 'no-oystein', ranking: ['n0', 'n2', 'c0'] },
				{ voter: 'se-george', ranking: ['c0', 'n3', 'n0'] }
			]
		}
	];
	return [
		{
			id: 'r1-g1',
			name: 'Arbeidstakere',
			leaderIds: ['dk-soren', 'se-bertil'],
			memberIds: workers,
			session: buildSession({
				id: 'r1-g1',
				title: 'Arbeidstakere',
				language: 'nb',
				people: people(workers),
				questions: workerQuestions
			}),
			plannedQuestions: [],
			reflection:
				'Gruppen hadde deltakere fra alle de nordiske landene. Til tross for språkbarrierene fikk vi en svært god samtale.\n\nDet var enighet om at det å være i jobb er svært viktig og gir stor glede. Mange ønsket å bli møtt med både rettigheter og plikter.'
		},
		{
			id: 'r1-g2',
			name: 'Arbeidsgivere I',
			leaderIds: ['no-hakon'],
			memberIds: ['dk-lars', 'no-ingrid', 'se-jeanette', 'fi-mikko'],
			session: buildSession({
				id: 'r1-g2',
				title: 'Arbeidsgivere I',
				language: 'nb',
				topN: 3,
				people: people(['dk-lars', 'no-ingrid', 'se-jeanette', 'fi-mikko']),
				questions: [
					{
						text: 'Hva slags støtte er viktig for at arbeidstakeren får og holder en ordinær lønnet jobb hos deg?',
						notes: [
							['dk-lars', 'Fast kontaktperson'],
							['no-ingrid', 'Fortsatt økonomisk tilskudd (stabilt)'],
							['se-jeanette', 'Snabbare handläggning hos myndigheterna'],
							['fi-mikko', 'Pålitelig beskrivelse av hva medarbeideren kan'],
							['dk-lars', 'Job coach bør også undervise kollegerne i starten'],
							['no-ingrid', 'Sosial coaching etter arbeidstid'],
							['dk-lars', 'Nem og hurtig administration'],
							['fi-mikko', 'Beslutningskraft hos kontaktpersonen']
						],
						clusters: [
							{ heading: 'KONTAKTPERSON', notes: [0, 7] },
							{ heading: 'ENKEL ADMINISTRASJON', notes: [2, 6] }
						],
						// Two headings end equal on points and voters: a tie the report must show.
						ballots: [
							{ voter: 'dk-lars', ranking: ['c0', 'c1', 'n1'] },
							{ voter: 'no-ingrid', ranking: ['c1', 'c0', 'n3'] },
							{ voter: 'se-jeanette', ranking: ['n1', 'c0', 'c1'] },
							{ voter: 'fi-mikko', ranking: ['n3', 'c1', 'c0'] }
						]
					},
					{
						text: 'Hva mangler eventuelt så langt?',
						notes: [
							['se-jeanette', 'Politisk uppmärksamhet'],
							['dk-lars', 'Fagforeningen på banen (kollegaansvar)'],
							['fi-mikko', 'Mulighet for etterutdanning av personer i SE'],
							['no-ingrid', 'Troverdige CV-er']
						],
						ballots: [
							{ voter: 'dk-lars', ranking: ['n1', 'n2', 'n0'] },
							{ voter: 'no-ingrid', ranking: ['n3', 'n2', 'n1'] },
							{ voter: 'se-jeanette', ranking: ['n0', 'n2', 'n3'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'Deltakernes situasjon var svært forskjellig: fra et stort dansk detaljhandelsfirma til et lite finsk familiebakeri. Felles for alle var ønsket om én fast kontaktperson.'
		},
		{
			id: 'r1-g3',
			name: 'Arbeidsgivere II',
			leaderIds: ['se-johanna'],
			memberIds: ['dk-carsten', 'no-tommy', 'fi-paivi', 'se-margareta', 'is-sigridur'],
			// The group ran out of time: headings were made, but no vote was held.
			session: buildSession({
				id: 'r1-g3',
				title: 'Arbeidsgivere II',
				language: 'nb',
				people: people(['dk-carsten', 'no-tommy', 'fi-paivi', 'se-margareta', 'is-sigridur']),
				questions: [
					{
						text: 'Hva er viktigst ved jobbkonsulentens innsats for at arbeidstakeren skal få og beholde jobben?',
						notes: [
							['dk-carsten', 'God kartlegging'],
							['no-tommy', 'God jobbmatching'],
							['fi-paivi', 'Kunnskap om arbeidsmarkedet'],
							['se-margareta', 'Tydliga avtal'],
							['is-sigridur', 'Langvarig støtte'],
							['dk-carsten', 'Troværdighed'],
							['no-tommy', 'Forståelse av både arbeidsgivers og arbeidstakers behov']
						],
						clusters: [
							{ heading: 'TA JOBB', notes: [0, 1, 2] },
							{ heading: 'BEHOLDE JOBB', notes: [3, 4, 5] }
						],
						stopAt: 'clarify'
					}
				]
			}),
			plannedQuestions: [],
			reflection: ''
		},
		{
			id: 'r1-g4',
			name: 'Jobbkonsulenter I',
			leaderIds: ['is-arni'],
			memberIds: ['dk-birgitte', 'fi-jyrki', 'se-asa', 'is-gudrun'],
			session: buildSession({
				id: 'r1-g4',
				title: 'Jobbkonsulenter I',
				language: 'nb',
				people: people(['dk-birgitte', 'fi-jyrki', 'se-asa', 'is-gudrun']),
				questions: [
					{
						text: 'Hva er viktigst ved jobbkonsulentens innsats for at arbeidstakeren skal få og beholde en ordinær lønnet jobb?',
						notes: [
							['dk-birgitte', 'Rask ut i jobb eller praksis'],
							['fi-jyrki', 'Jobbmatch'],
							['se-asa', 'Bra kontakter med arbetsgivare'],
							['is-gudrun', 'Góður undirbúningur – engar óvæntar uppákomur'],
							['dk-birgitte', 'Face to face-kontakt'],
							['fi-jyrki', 'Realistiske jobber og krav']
						],
						clusters: [{ heading: 'ARBEIDSGIVERKONTAKT', notes: [2, 4] }],
						ballots: [
							{ voter: 'dk-birgitte', ranking: ['n0', 'c0', 'n1'] },
							{ voter: 'fi-jyrki', ranking: ['n1', 'n0', 'n5'] },
							{ voter: 'se-asa', ranking: ['c0', 'n1', 'n3'] },
							{ voter: 'is-gudrun', ranking: ['n3', 'n1', 'c0'] }
						]
					},
					{
						text: 'Hva mangler eller er vanskelig å få til?',
						notes: [
							['se-asa', 'Bättre ekonomisk flexibilitet (lön/pension)'],
							['is-gudrun', 'Oppfølging etter behov'],
							['fi-jyrki', 'Bedre samarbeid mellom myndighetene'],
							['dk-birgitte', 'Færre deltagere per jobkonsulent (højst 15–20)']
						],
						ballots: [
							{ voter: 'dk-birgitte', ranking: ['n3', 'n1', 'n2'] },
							{ voter: 'fi-jyrki', ranking: ['n2', 'n3', 'n1'] },
							{ voter: 'se-asa', ranking: ['n0', 'n3', 'n2'] },
							{ voter: 'is-gudrun', ranking: ['n1', 'n3', 'n0'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection: ''
		},
		{
			id: 'r1-g5',
			name: 'Jobbkonsulenter II',
			leaderIds: ['no-grete'],
			memberIds: ['no-livanne', 'dk-mette', 'fi-annkristin', 'se-gunbritt'],
			session: buildSession({
				id: 'r1-g5',
				title: 'Jobbkonsulenter II',
				language: 'nb',
				people: people(['no-livanne', 'dk-mette', 'fi-annkristin', 'se-gunbritt']),
				questions: [
					{
						text: 'Hva er vanskelig eller mangler?',
						notes: [
							['no-livanne', 'Flere jobbkonsulenter'],
							['dk-mette', 'Bedre markedsføring'],
							['fi-annkristin', 'Rätt utbildning'],
							['se-gunbritt', 'Resurser i form av tid'],
							['no-livanne', 'Overgangen fra praksis til jobb'],
							['dk-mette', 'Arbejdsmarkedspolitik der støtter SE-metoden'],
							['fi-annkristin', 'Tydlig lagstiftning om uppföljning'],
							['se-gunbritt', 'Nationella undersökningar om SE som kan påverka politiken']
						],
						clusters: [
							{ heading: 'RESSURSER', notes: [0, 3] },
							{ heading: 'POLITIKK OG LOVVERK', notes: [5, 6, 7] }
						],
						ballots: [
							{ voter: 'no-livanne', ranking: ['c0', 'n4', 'c1'] },
							{ voter: 'dk-mette', ranking: ['c1', 'n1', 'c0'] },
							{ voter: 'fi-annkristin', ranking: ['c1', 'n2', 'c0'] },
							{ voter: 'se-gunbritt', ranking: ['c1', 'c0', 'n4'] }
						]
					}
				],
				reflection:
					'Vi brukte nominell gruppeprosess: først skrev hver og en lapper i stillhet, så presenterte alle sine lapper uten diskusjon, og til slutt prioriterte gruppen sammen.\n\nGruppen brukte mye tid på begrepet «kartlegging».'
			}),
			plannedQuestions: [],
			// Empty here: the report falls back to the reflection stored in the session.
			reflection: ''
		},
		{
			id: 'r1-g6',
			name: 'Saksbehandlere og policy',
			leaderIds: ['no-tonje'],
			memberIds: [
				'dk-pernille',
				'fi-sanna',
				'is-kristjan',
				'no-gry',
				'se-elin',
				'dk-jens',
				'fi-tuomas',
				'is-ragnheidur',
				'no-kai'
			],
			session: buildSession({
				id: 'r1-g6',
				title: 'Saksbehandlere og policy',
				language: 'nb',
				people: people([
					'dk-pernille',
					'fi-sanna',
					'is-kristjan',
					'no-gry',
					'se-elin',
					'dk-jens',
					'fi-tuomas',
					'is-ragnheidur',
					'no-kai'
				]),
				questions: [
					{
						text: 'Hva er styrker ved SE når det gjelder å sikre jobbfastholdelse?',
						notes: [
							['dk-pernille', 'Arbejdsgiveren får information og bistand ved ansættelse'],
							['fi-sanna', 'Støtte når problemer oppstår – delt ansvar'],
							['is-kristjan', 'Stuðningurinn heldur áfram eftir ráðningu'],
							['no-gry', 'Mulighet for å kompensere redusert produksjonsevne'],
							['se-elin', 'Företagen utvecklar inkluderingskompetens'],
							['dk-jens', 'SE bygger på medvirkning og empowerment'],
							['fi-tuomas', 'Proaktiv oppfølging forebygger problemer']
						],
						clusters: [
							{ heading: 'PROBLEMLØSNING, FOREBYGGING', notes: [1, 6] },
							{ heading: 'KOMPENSASJON, LANGSIKTIGHET', notes: [2, 3] },
							{ heading: 'VIRKSOMHETERS INKLUDERINGSEVNE', notes: [4, 5] }
						],
						ballots: [
							{ voter: 'dk-pernille', ranking: ['n0', 'c0', 'c1', 'c2'] },
							{ voter: 'fi-sanna', ranking: ['c0', 'c1', 'n0', 'c2'] },
							{ voter: 'is-kristjan', ranking: ['c1', 'c0', 'c2', 'n0'] },
							{ voter: 'no-gry', ranking: ['c1', 'c2', 'c0', 'n0'] },
							{ voter: 'se-elin', ranking: ['c2', 'c0', 'c1', 'n0'] },
							{ voter: 'dk-jens', ranking: ['c2', 'c1', 'n0', 'c0'] },
							{ voter: 'fi-tuomas', ranking: ['c0', 'c2', 'c1', 'n0'] },
							{ voter: 'is-ragnheidur', ranking: ['c1', 'n0', 'c0', 'c2'] },
							{ voter: 'no-kai', ranking: ['c0', 'c1', 'c2', 'n0'] }
						]
					},
					{
						text: 'Hva er svakheter ved SE når det gjelder å sikre jobbfastholdelse?',
						notes: [
							['dk-pernille', 'Lovgivning – hvem betaler?'],
							['no-gry', 'I NAV har fokus lenge vært på trygd, ikke arbeid'],
							['se-elin', 'Kortvariga projekt, beroende av politiska beslut'],
							['no-kai', 'Svake insentiver for tjenesteleverandørene'],
							['is-kristjan', 'Of fáir atvinnuráðgjafar'],
							['fi-tuomas', 'Fare for «creaming»: de sterkeste velges først'],
							['is-ragnheidur', 'Vantar þjálfun og menntun fyrir atvinnuráðgjafa'],
							['no-gry', 'Dårlig bestillerkompetanse i NAV'],
							['fi-sanna', 'En jobbkonsulent per 35 klienter er for mye']
						],
						clusters: [
							{ heading: 'BYRÅKRATI', notes: [0, 7] },
							{ heading: 'MANGEL PÅ LANGSIKTIGHET', notes: [2, 3] },
							{ heading: 'MANGLENDE KOMPETANSE', notes: [6] },
							{ heading: 'UNDERBEMANNING', notes: [4, 8] }
						],
						ballots: [
							{ voter: 'dk-pernille', ranking: ['c0', 'c1', 'c3'] },
							{ voter: 'fi-sanna', ranking: ['c3', 'c1', 'c0'] },
							{ voter: 'is-kristjan', ranking: ['c3', 'c2', 'c1'] },
							{ voter: 'no-gry', ranking: ['c0', 'n1', 'c1'] },
							{ voter: 'se-elin', ranking: ['c1', 'c0', 'n5'] },
							{ voter: 'dk-jens', ranking: ['c1', 'c3', 'c0'] },
							{ voter: 'fi-tuomas', ranking: ['n5', 'c1', 'c3'] },
							{ voter: 'is-ragnheidur', ranking: ['c2', 'c3', 'c1'] },
							{ voter: 'no-kai', ranking: ['c1', 'n1', 'c0'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'En stor gruppe med både saksbehandlere og policy-folk fra alle fem land. Diskusjonen viste at finansieringen er kortsiktig overalt, selv om ordningene er svært forskjellige.'
		}
	];
}

const questionConditions =
	'Hva er de viktigste forutsetningene for at arbeidssøkere med særlige bistandsbehov skal få og beholde en stabil, lønnet jobb?';
const questionChallenges = 'Hva er ditt lands største utfordringer for å innføre SE?';

function roundTwoGroups(): ReportSource['rounds'][number]['groups'] {
	const denmark = [
		'dk-mette',
		'dk-lars',
		'dk-carsten',
		'dk-anders',
		'dk-birgitte',
		'dk-pernille',
		'dk-jens'
	];
	const finland = ['fi-mikko', 'fi-paivi', 'fi-emma', 'fi-jyrki', 'fi-sanna', 'fi-tuomas'];
	const iceland = [
		'is-gudrun',
		'is-thordis',
		'is-jon',
		'is-kristjan',
		'is-sigridur',
		'is-ragnheidur'
	];
	const norway = [
		'no-tonje',
		'no-oystein',
		'no-kristin',
		'no-ingrid',
		'no-tommy',
		'no-livanne',
		'no-grete',
		'no-kai',
		'no-gry'
	];
	const sweden = [
		'se-gunbritt',
		'se-jeanette',
		'se-margareta',
		'se-george',
		'se-bertil',
		'se-asa',
		'se-elin'
	];
	return [
		{
			id: 'r2-g1',
			name: 'Danmark',
			leaderIds: ['dk-soren'],
			memberIds: denmark,
			// Most people here had no phone; the leader wrote their notes for them.
			session: buildSession({
				id: 'r2-g1',
				title: 'Danmark',
				language: 'da',
				people: people(denmark, ['dk-lars', 'dk-carsten', 'dk-anders', 'dk-jens']),
				questions: [
					{
						text: questionConditions,
						notes: [
							['dk-lars', 'Vigtigt for arbejdsgiver, at der er en man kan ringe til om hjælp'],
							['dk-carsten', 'Klare aftaler mellem de involverede parter'],
							['dk-anders', 'En social mentor kan løse mange problemer'],
							['dk-birgitte', 'Jobkonsulenten skal være synlig i virksomheden'],
							['dk-pernille', 'En kontaktperson med beslutningskompetence'],
							['dk-jens', 'Opfølgning 1–2 gange om året er for lidt'],
							['dk-mette', 'Arbejdstager skal være ordentligt udredt']
						],
						clusters: [
							{ heading: 'KONTAKTPERSON', notes: [0, 4] },
							{ heading: 'OPFØLGNING', notes: [3, 5] }
						],
						ballots: [
							{ voter: 'dk-lars', ranking: ['c0', 'n1', 'c1'] },
							{ voter: 'dk-carsten', ranking: ['n1', 'c0', 'n6'] },
							{ voter: 'dk-anders', ranking: ['n2', 'c1', 'c0'] },
							{ voter: 'dk-birgitte', ranking: ['c1', 'c0', 'n2'] },
							{ voter: 'dk-pernille', ranking: ['c0', 'c1', 'n6'] },
							{ voter: 'dk-jens', ranking: ['c1', 'n1', 'c0'] },
							{ voter: 'dk-mette', ranking: ['n6', 'c0', 'n1'] }
						]
					},
					{
						text: questionChallenges,
						notes: [
							['dk-pernille', 'Én sagsbehandler for 70 borgere'],
							['dk-jens', 'Langsigtet økonomisk tænkning i det politiske system'],
							['dk-mette', 'Der mangler en entydig definition af SE'],
							['dk-birgitte', 'Der mangler kvalitetsstandarder for jobkonsulenter'],
							['dk-lars', 'Find et bedre navn – fx «individuelt støttet arbejde»']
						],
						ballots: [
							{ voter: 'dk-pernille', ranking: ['n0', 'n2', 'n3'] },
							{ voter: 'dk-jens', ranking: ['n1', 'n2', 'n0'] },
							{ voter: 'dk-mette', ranking: ['n2', 'n3', 'n4'] },
							{ voter: 'dk-birgitte', ranking: ['n3', 'n2', 'n0'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'Det var en gruppe med stor lyst til at tale om emnet, men jeg måtte selv skrive de fleste sedler. Man diskuterede disciplineret og målrettet.'
		},
		{
			id: 'r2-g2',
			name: 'Finland',
			leaderIds: ['fi-annkristin'],
			memberIds: finland,
			session: buildSession({
				id: 'r2-g2',
				title: 'Finland',
				language: 'sv',
				people: people(finland),
				questions: [
					{
						text: questionConditions,
						notes: [
							['fi-mikko', 'Behov av personal – ingen anställs utan behov'],
							['fi-paivi', 'Hjälp med inskolning och byråkrati'],
							['fi-emma', 'Intresse för arbetet'],
							['fi-jyrki', 'En egen arbetskonsulent som är inriktad på lönearbete'],
							['fi-sanna', 'Ekonomiskt stöd för produktionsbortfallet'],
							['fi-tuomas', 'Trovärdig information om förmågor och begränsningar']
						],
						clusters: [{ heading: 'ARBETSGIVARNAS BEHOV', notes: [0, 1, 4] }],
						ballots: [
							{ voter: 'fi-mikko', ranking: ['c0', 'n5', 'n3'] },
							{ voter: 'fi-paivi', ranking: ['c0', 'n3', 'n5'] },
							{ voter: 'fi-emma', ranking: ['n2', 'n3', 'c0'] },
							{ voter: 'fi-jyrki', ranking: ['n3', 'c0', 'n2'] },
							{ voter: 'fi-sanna', ranking: ['c0', 'n3', 'n5'] },
							{ voter: 'fi-tuomas', ranking: ['n5', 'c0', 'n3'] }
						]
					},
					{
						text: questionChallenges,
						notes: [
							['fi-tuomas', 'Nationella strategier och lagar: vem ansvarar och vem betalar?'],
							['fi-jyrki', 'Utbildning för arbetskonsulenter – ett eget yrke'],
							['fi-sanna', 'Samarbetet mellan olika nätverk och aktörer'],
							['fi-paivi', 'Enklare byråkrati när man vill lämna pensionen']
						],
						ballots: [
							{ voter: 'fi-mikko', ranking: ['n0', 'n3', 'n1'] },
							{ voter: 'fi-paivi', ranking: ['n3', 'n0', 'n2'] },
							{ voter: 'fi-jyrki', ranking: ['n1', 'n0', 'n2'] },
							{ voter: 'fi-sanna', ranking: ['n0', 'n2', 'n1'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'Diskussionerna var samstämmiga. Ett långvarigt stöd av en arbetskonsulent och kontinuitet i det ekonomiska stödet är av stor vikt.'
		},
		{
			id: 'r2-g3',
			name: 'Island',
			leaderIds: ['is-arni'],
			memberIds: iceland,
			// The group chose to show who wrote what.
			session: buildSession({
				id: 'r2-g3',
				title: 'Ísland',
				language: 'is',
				named: true,
				people: people(iceland),
				questions: [
					{
						text: questionConditions,
						notes: [
							['is-gudrun', 'Fleiri og vel menntaðir atvinnuráðgjafar'],
							['is-thordis', 'Færri starfsmenn á hvern atvinnuráðgjafa'],
							['is-jon', 'Nægur tími til kortlagningar'],
							['is-kristjan', 'Undirbúa vinnustaðinn og samstarfsfólkið'],
							['is-sigridur', 'Þekkja þarfir vinnumarkaðarins'],
							['is-ragnheidur', 'Launastyrkur – meiri stöðugleiki']
						],
						clusters: [{ heading: 'ATVINNURÁÐGJAFAR', notes: [0, 1] }],
						ballots: [
							{ voter: 'is-gudrun', ranking: ['c0', 'n3', 'n5'] },
							{ voter: 'is-thordis', ranking: ['c0', 'n2', 'n3'] },
							{ voter: 'is-jon', ranking: ['n2', 'c0', 'n4'] },
							{ voter: 'is-kristjan', ranking: ['n3', 'c0', 'n5'] },
							{ voter: 'is-sigridur', ranking: ['n4', 'n3', 'c0'] },
							{ voter: 'is-ragnheidur', ranking: ['n5', 'c0', 'n3'] }
						]
					},
					{
						text: questionChallenges,
						notes: [
							['is-ragnheidur', 'Engin lög um SE'],
							['is-gudrun', 'SE þarf að viðurkenna sem öfluga aðferð'],
							['is-kristjan', 'Rannsóknir á SE'],
							['is-jon', 'Markaðssetning']
						],
						ballots: [
							{ voter: 'is-gudrun', ranking: ['n1', 'n0', 'n2'] },
							{ voter: 'is-thordis', ranking: ['n0', 'n1', 'n3'] },
							{ voter: 'is-ragnheidur', ranking: ['n0', 'n2', 'n1'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection: ''
		},
		{
			id: 'r2-g4',
			name: 'Norge',
			leaderIds: ['no-hakon'],
			memberIds: norway,
			session: buildSession({
				id: 'r2-g4',
				title: 'Norge',
				language: 'nb',
				people: people(norway),
				questions: [
					{
						text: questionConditions,
						notes: [
							['no-tonje', 'God arbeidsplasskartlegging og markedsundersøkelser'],
							['no-oystein', 'Trygghet for arbeidsgiver gjennom coaching og økonomi'],
							['no-kristin', 'Reelle arbeidsforhold og god arbeidsledelse'],
							['no-ingrid', 'Jobbmatch: arbeidstakeren dekker et reelt behov'],
							['no-tommy', 'Bedre kunnskap om SE i NAV'],
							['no-livanne', 'Langvarig oppfølging etter behov'],
							['no-grete', 'Trepartsavtale mellom arbeidsgiver, arbeidstaker og jobbkonsulent'],
							['no-kai', 'NAV bør ha gode kravspesifikasjoner'],
							['no-gry', 'Se ressurser framfor problemer']
						],
						clusters: [
							{ heading: 'METODE', notes: [0, 3, 6] },
							{ heading: 'NAV', notes: [4, 7] }
						],
						ballots: [
							{ voter: 'no-tonje', ranking: ['c0', 'n5', 'c1'] },
							{ voter: 'no-oystein', ranking: ['n1', 'n2', 'c0'] },
							{ voter: 'no-kristin', ranking: ['n2', 'n1', 'n5'] },
							{ voter: 'no-ingrid', ranking: ['c0', 'n1', 'n8'] },
							{ voter: 'no-tommy', ranking: ['c1', 'c0', 'n5'] },
							{ voter: 'no-livanne', ranking: ['n5', 'c0', 'c1'] },
							{ voter: 'no-grete', ranking: ['c0', 'n5', 'n8'] },
							{ voter: 'no-kai', ranking: ['c1', 'n5', 'c0'] },
							{ voter: 'no-gry', ranking: ['n8', 'c0', 'n5'] }
						]
					},
					{
						text: questionChallenges,
						notes: [
							['no-grete', 'Både NAV og jobbkonsulenter mangler kunnskap om SE'],
							['no-kai', 'Tiltaksarrangører har ingen insentiver til å være innovative'],
							['no-gry', 'Uføretrygdede har dårlige insentiver til å søke jobb'],
							['no-livanne', 'Dårlig forutsigbarhet: tiltaksplasser tildeles og trekkes inn'],
							['no-tonje', 'Bestiller–utfører-modellen er et problem']
						],
						clusters: [
							{ heading: 'MANGEL PÅ KUNNSKAP', notes: [0] },
							{ heading: 'DAGENS FINANSIERINGSSYSTEM', notes: [1, 2, 3] }
						],
						ballots: [
							{ voter: 'no-tonje', ranking: ['c1', 'n4', 'c0'] },
							{ voter: 'no-grete', ranking: ['c0', 'c1', 'n4'] },
							{ voter: 'no-kai', ranking: ['c1', 'c0', 'n4'] },
							{ voter: 'no-gry', ranking: ['c1', 'n4', 'c0'] },
							{ voter: 'no-livanne', ranking: ['c1', 'c0', 'n4'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'Gruppen var opptatt av at SE må bli en del av den ordinære arbeidsmarkedspolitikken, og at kvaliteten avhenger av hvordan tjenestene bestilles.'
		},
		{
			id: 'r2-g5',
			name: 'Sverige',
			leaderIds: ['se-johanna'],
			memberIds: sweden,
			session: buildSession({
				id: 'r2-g5',
				title: 'Sverige',
				language: 'sv',
				people: people(sweden),
				questions: [
					{
						text: 'Förutsättningar för att behålla ett arbete',
						notes: [
							['se-george', 'Stöd för att lära in arbetsuppgifterna'],
							['se-jeanette', 'Vi har produktionskrav – stödet tar tid'],
							['se-bertil', 'Få chansen att göra det man är duktig på'],
							['se-elin', 'Inga konstruerade arbetsuppgifter'],
							['se-margareta', 'Man måste tro på personen'],
							['se-asa', 'Långsiktigt stöd är viktigt för båda'],
							['se-gunbritt', 'Tillrättalägga och kunna förhandla']
						],
						clusters: [
							{ heading: 'ARBETSGIVARENS VILLKOR', notes: [1, 3] },
							{ heading: 'LÅNGSIKTIGHET', notes: [5, 6] }
						],
						ballots: [
							{ voter: 'se-george', ranking: ['n0', 'n2', 'c1'] },
							{ voter: 'se-jeanette', ranking: ['c0', 'n4', 'c1'] },
							{ voter: 'se-bertil', ranking: ['c1', 'n2', 'n0'] },
							{ voter: 'se-elin', ranking: ['c0', 'c1', 'n4'] },
							{ voter: 'se-margareta', ranking: ['n4', 'c0', 'n2'] },
							{ voter: 'se-asa', ranking: ['c1', 'n0', 'c0'] },
							{ voter: 'se-gunbritt', ranking: ['c1', 'c0', 'n2'] }
						]
					},
					{
						text: 'Utmaningar för SE i Sverige',
						notes: [
							['se-elin', 'Myndigheter som "arbetar emot" med olika regelsystem'],
							['se-asa', 'Det saknas formell samverkan mellan SE och Arbetsförmedlingen'],
							['se-gunbritt', 'SE bedrivs ofta i projektform'],
							['se-bertil', 'Det behövs en definition och ett erkännande'],
							['se-margareta', 'SE-begreppet blir urvattnat']
						],
						clusters: [{ heading: 'DEFINITION', notes: [3, 4] }],
						ballots: [
							{ voter: 'se-elin', ranking: ['n0', 'n1', 'c0'] },
							{ voter: 'se-asa', ranking: ['n1', 'n2', 'n0'] },
							{ voter: 'se-gunbritt', ranking: ['n2', 'c0', 'n1'] },
							{ voter: 'se-bertil', ranking: ['c0', 'n2', 'n1'] },
							{ voter: 'se-margareta', ranking: ['c0', 'n0', 'n2'] }
						]
					}
				]
			}),
			plannedQuestions: [],
			reflection:
				'Jag upplevde att vi alla var lite trötta framåt eftermiddagen. Det var tydligt att de tre målgrupperna tänker utifrån sin egen agenda.'
		}
	];
}
