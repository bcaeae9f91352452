/**
 * The demo conference's words in each language, after the Nordic dialogue conference on
 * supported employment (Sigtuna 2010): its programme and the questions of both group rounds.
 * The people are made up.
 */
import type { ProgrammeKind } from '$lib/domain/conference/programme';
import type { Language } from '$lib/domain/session/types';

export interface DemoTexts {
	title: string;
	subtitle: string;
	about: string;
	introduction: string;
	/** The project, above the report's title. */
	organisation: string;
	/** The project leader's role, after their name under the report's introduction. */
	projectLeader: string;
	/** Programme titles, in the order of `demoProgramme`. */
	programme: readonly string[];
	round1: { title: string; theme: string };
	round2: { title: string; theme: string };
	/** Round 1: each stakeholder group gets its own questions, as in the report. */
	questions: {
		workers: readonly string[];
		employers: readonly string[];
		jobCoaches: readonly string[];
		caseworkers: readonly string[];
		countries: readonly string[];
	};
	/** The policy group, joined by the coordinators and the project leader. */
	policyGroupName: string;
}

/** The report's programme: a welcome dinner, then a day of two rounds with plenaries. */
export const demoProgramme: readonly {
	day: 0 | 1;
	start: string;
	end: string;
	kind: ProgrammeKind;
}[] = [
	{ day: 0, start: '19:30', end: '', kind: 'social' },
	{ day: 1, start: '09:00', end: '10:00', kind: 'plenary' },
	{ day: 1, start: '10:00', end: '10:15', kind: 'break' },
	{ day: 1, start: '10:15', end: '11:30', kind: 'group' },
	{ day: 1, start: '11:30', end: '12:30', kind: 'break' },
	{ day: 1, start: '12:30', end: '13:30', kind: 'group' },
	{ day: 1, start: '13:30', end: '14:00', kind: 'plenary' },
	{ day: 1, start: '14:00', end: '15:00', kind: 'group' },
	{ day: 1, start: '15:00', end: '15:15', kind: 'break' },
	{ day: 1, start: '15:15', end: '16:30', kind: 'group' },
	{ day: 1, start: '16:30', end: '17:00', kind: 'plenary' }
];

export const demoTexts: Record<Language, DemoTexts> = {
	nb: {
		title: 'Nordisk dialog om supported employment',
		subtitle: 'Dialogkonferanse (demo)',
		about:
			'Prosjektet SE-Norden vil skaffe bedre kunnskap om – og utvikle bedre kvalitet i – tjenester som gjennom tett, individuell oppfølging hjelper personer med nedsatt funksjonsevne å få og beholde en vanlig jobb.\n\nPå denne konferansen står dialogen mellom dem som bruker eller samarbeider med slike tjenester i sentrum: arbeidsgivere, arbeidstakere, jobbspesialister, saksbehandlere, beslutningstakere og forskere fra alle de nordiske landene deler praktiske erfaringer i grupper med likesinnede og presenterer dem for hverandre i plenum.\n\nDette er en demokonferanse med oppdiktede deltakere. Prøv gjerne alt: endre, fordel på nytt, start en runde eller slett den.',
		introduction:
			'Hva er supported employment?\n\n- Mål: inkludering i ordinært arbeid og mestring i en vanlig jobb\n- Hvordan: individuell oppfølging for å få en vanlig jobb, og tilrettelegging og støtte til både arbeidstaker og arbeidsgiver for å beholde den\n- Først jobb, deretter opplæring: læring skjer best på arbeidsplassen',
		organisation: 'Prosjekt SE-Norden',
		projectLeader: 'prosjektleder',
		programme: [
			'Velkomst: kort orientering om prosjektet, felles middag og sosialt samvær',
			'Innledning',
			'Kaffe',
			'Gruppearbeid 1',
			'Lunsj',
			'Gruppearbeid 1 fortsetter',
			'Presentasjon i plenum',
			'Gruppearbeid 2',
			'Kaffe',
			'Gruppearbeid 2 fortsetter',
			'Presentasjon og avslutning i plenum'
		],
		round1: {
			title: 'Første gruppearbeid',
			theme: 'Jobbfastholdelse ved hjelp av supported employment'
		},
		round2: {
			title: 'Andre gruppearbeid',
			theme: 'Ta utgangspunkt i forrige erfaringsutveksling'
		},
		questions: {
			workers: [
				'Hva slags bistand og støtte er av betydning for at du beholder – eller kan beholde – jobben?',
				'Hva mangler?'
			],
			employers: [
				'Hva slags støtte er, ut fra din erfaring, av betydning for at arbeidstakeren fra SE-tilbudet får og holder en ordinær lønnet jobb hos deg?',
				'Hva mangler eventuelt så langt?'
			],
			jobCoaches: [
				'Hva er viktigst ved jobbspesialistens innsats for at arbeidstakeren skal få og beholde en ordinær lønnet jobb?',
				'Hva mangler, eller er vanskelig å få til?'
			],
			caseworkers: [
				'Hva er styrkene ved SE når det gjelder å sikre jobbfastholdelse i en ordinær lønnet jobb?',
				'Hva er svakhetene ved SE når det gjelder å sikre jobbfastholdelse i en ordinær lønnet jobb?'
			],
			countries: [
				'Hva er de viktigste forutsetningene for at arbeidssøkere med særlige bistandsbehov skal få og beholde – og arbeidsgiveren tilby – en stabil, lønnet jobb?',
				'Hva er ditt lands største utfordringer for implementering av supported employment?'
			]
		},
		policyGroupName: 'Beslutningstakere og koordinatorer'
	},
	sv: {
		title: 'Nordisk dialog om supported employment',
		subtitle: 'Dialogkonferens (demo)',
		about:
			'Projektet SE-Norden vill ta fram bättre kunskap om – och utveckla bättre kvalitet i – tjänster som genom nära, individuellt stöd hjälper personer med funktionsnedsättning att få och behålla ett vanligt arbete.\n\nPå den här konferensen står dialogen mellan dem som använder eller samarbetar med sådana tjänster i centrum: arbetsgivare, arbetstagare, jobbcoacher, handläggare, beslutsfattare och forskare från alla nordiska länder delar praktiska erfarenheter i grupper med likasinnade och presenterar dem för varandra i plenum.\n\nDet här är en demokonferens med påhittade deltagare. Prova gärna allt: ändra, fördela om, starta en omgång eller radera den.',
		introduction:
			'Vad är supported employment?\n\n- Mål: inkludering i vanligt arbete och att klara ett vanligt jobb\n- Hur: individuellt stöd för att få ett vanligt arbete, och anpassning och stöd till både arbetstagare och arbetsgivare för att behålla det\n- Först jobb, sedan träning: man lär sig bäst på arbetsplatsen',
		organisation: 'Projekt SE-Norden',
		projectLeader: 'projektledare',
		programme: [
			'Välkomna: kort om projektet, gemensam middag och umgänge',
			'Inledning',
			'Kaffe',
			'Grupparbete 1',
			'Lunch',
			'Grupparbete 1 fortsätter',
			'Presentation i plenum',
			'Grupparbete 2',
			'Kaffe',
			'Grupparbete 2 fortsätter',
			'Presentation och avslutning i plenum'
		],
		round1: {
			title: 'Första grupparbetet',
			theme: 'Att behålla arbetet med hjälp av supported employment'
		},
		round2: {
			title: 'Andra grupparbetet',
			theme: 'Utgå från det förra erfarenhetsutbytet'
		},
		questions: {
			workers: [
				'Vilket stöd är viktigt för att du ska behålla – eller kunna behålla – ditt arbete?',
				'Vad saknas?'
			],
			employers: [
				'Vilket stöd är, enligt din erfarenhet, viktigt för att arbetstagaren från SE-verksamheten ska få och behålla en vanlig avlönad anställning hos dig?',
				'Vad saknas hittills?'
			],
			jobCoaches: [
				'Vad är viktigast i jobbcoachens insats för att arbetstagaren ska få och behålla en vanlig avlönad anställning?',
				'Vad saknas, eller är svårt att få till?'
			],
			caseworkers: [
				'Vilka är styrkorna med SE när det gäller att arbetstagaren ska behålla en vanlig avlönad anställning?',
				'Vilka är svagheterna med SE när det gäller att arbetstagaren ska behålla en vanlig avlönad anställning?'
			],
			countries: [
				'Vilka är de viktigaste förutsättningarna för att arbetssökande med särskilda stödbehov ska få och behålla – och arbetsgivaren erbjuda – ett stabilt, avlönat arbete?',
				'Vilka är ditt lands största utmaningar när supported employment ska införas?'
			]
		},
		policyGroupName: 'Beslutsfattare och samordnare'
	},
	da: {
		title: 'Nordisk dialog om supported employment',
		subtitle: 'Dialogkonference (demo)',
		about:
			'Projektet SE-Norden vil skabe bedre viden om – og udvikle bedre kvalitet i – tilbud, der gennem tæt, individuel opfølgning hjælper personer med nedsat funktionsevne med at få og beholde et almindeligt job.\n\nPå denne konference er dialogen mellem dem, der bruger eller samarbejder med sådanne tilbud, i centrum: arbejdsgivere, arbejdstagere, jobcoaches, sagsbehandlere, beslutningstagere og forskere fra alle de nordiske lande deler praktiske erfaringer i grupper med ligesindede og præsenterer dem for hinanden i plenum.\n\nDette er en demokonference med opdigtede deltagere. Prøv gerne det hele: ret, fordel igen, start en runde eller slet den.',
		introduction:
			'Hvad er supported employment?\n\n- Mål: inklusion på det ordinære arbejdsmarked og at mestre et almindeligt job\n- Hvordan: individuel opfølgning for at få et almindeligt job, og tilpasning og støtte til både medarbejder og arbejdsgiver for at beholde det\n- Først job, så oplæring: man lærer bedst på arbejdspladsen',
		organisation: 'Projekt SE-Norden',
		projectLeader: 'projektleder',
		programme: [
			'Velkomst: kort orientering om projektet, fælles middag og socialt samvær',
			'Indledning',
			'Kaffe',
			'Gruppearbejde 1',
			'Frokost',
			'Gruppearbejde 1 fortsætter',
			'Præsentation i plenum',
			'Gruppearbejde 2',
			'Kaffe',
			'Gruppearbejde 2 fortsætter',
			'Præsentation og afslutning i plenum'
		],
		round1: {
			title: 'Første gruppearbejde',
			theme: 'Fastholdelse i job ved hjælp af supported employment'
		},
		round2: {
			title: 'Andet gruppearbejde',
			theme: 'Tag udgangspunkt i den forrige erfaringsudveksling'
		},
		questions: {
			workers: [
				'Hvilken hjælp og støtte har betydning for, at du beholder – eller kan beholde – dit job?',
				'Hvad mangler?'
			],
			employers: [
				'Hvilken støtte har efter din erfaring betydning for, at medarbejderen fra SE-tilbuddet får og beholder et ordinært lønnet job hos dig?',
				'Hvad mangler der eventuelt indtil nu?'
			],
			jobCoaches: [
				'Hvad er det vigtigste i jobcoachens indsats for, at medarbejderen får og beholder et ordinært lønnet job?',
				'Hvad mangler, eller hvad er svært at få til?'
			],
			caseworkers: [
				'Hvad er styrkerne ved SE, når det gælder at sikre fastholdelse i et ordinært lønnet job?',
				'Hvad er svaghederne ved SE, når det gælder at sikre fastholdelse i et ordinært lønnet job?'
			],
			countries: [
				'Hvad er de vigtigste forudsætninger for, at jobsøgende med særlige støttebehov kan få og beholde – og arbejdsgiveren tilbyde – et stabilt, lønnet job?',
				'Hvad er dit lands største udfordringer med at indføre supported employment?'
			]
		},
		policyGroupName: 'Beslutningstagere og koordinatorer'
	},
	is: {
		title: 'Norræn samræða um atvinnu með stuðningi',
		subtitle: 'Samræðuráðstefna (sýnidæmi)',
		about:
			'Verkefnið SE-Norden vill afla betri þekkingar á – og bæta gæði – þjónustu sem hjálpar fötluðu fólki að fá og halda almennu starfi með nánum, einstaklingsbundnum stuðningi.\n\nÁ þessari ráðstefnu er samræðan milli þeirra sem nota slíka þjónustu eða vinna með henni í brennidepli: atvinnurekendur, starfsmenn, atvinnuráðgjafar, málastjórar, fulltrúar stjórnvalda og rannsakendur frá öllum Norðurlöndunum deila reynslu sinni í hópum með fólki í sömu stöðu og kynna hana hvert fyrir öðru á sameiginlegum fundi.\n\nÞetta er sýnidæmi með uppdiktuðum þátttakendum. Prófaðu allt: breyttu, raðaðu aftur í hópa, byrjaðu umferð eða eyddu ráðstefnunni.',
		introduction:
			'Hvað er atvinna með stuðningi?\n\n- Markmið: þátttaka á almennum vinnumarkaði og að ráða við venjulegt starf\n- Hvernig: einstaklingsbundinn stuðningur til að fá venjulegt starf, og aðlögun og stuðningur við bæði starfsmann og atvinnurekanda til að halda því\n- Fyrst starf, svo þjálfun: fólk lærir best á vinnustaðnum',
		organisation: 'Verkefnið SE-Norden',
		projectLeader: 'stjórnandi verkefnisins',
		programme: [
			'Móttaka: stutt kynning á verkefninu, sameiginlegur kvöldverður og samvera',
			'Inngangur',
			'Kaffi',
			'Hópavinna 1',
			'Hádegisverður',
			'Hópavinna 1 heldur áfram',
			'Kynning á sameiginlegum fundi',
			'Hópavinna 2',
			'Kaffi',
			'Hópavinna 2 heldur áfram',
			'Kynning og ráðstefnuslit á sameiginlegum fundi'
		],
		round1: {
			title: 'Fyrri hópavinna',
			theme: 'Að halda starfi með atvinnu með stuðningi'
		},
		round2: {
			title: 'Seinni hópavinna',
			theme: 'Byggt á fyrri reynsluskiptunum'
		},
		questions: {
			workers: [
				'Hvers konar aðstoð og stuðningur skiptir máli til að þú haldir – eða getir haldið – starfinu?',
				'Hvað vantar?'
			],
			employers: [
				'Hvers konar stuðningur skiptir, að þinni reynslu, máli til að starfsmaður sem fær stuðning frá SE-þjónustu fái og haldi almennu launuðu starfi hjá þér?',
				'Hvað vantar enn sem komið er?'
			],
			jobCoaches: [
				'Hvað skiptir mestu í starfi atvinnuráðgjafans til að starfsmaðurinn fái og haldi almennu launuðu starfi?',
				'Hvað vantar, eða hvað er erfitt að koma í framkvæmd?'
			],
			caseworkers: [
				'Hverjir eru styrkleikar SE þegar kemur að því að tryggja að fólk haldi almennu launuðu starfi?',
				'Hverjir eru veikleikar SE þegar kemur að því að tryggja að fólk haldi almennu launuðu starfi?'
			],
			countries: [
				'Hverjar eru mikilvægustu forsendurnar fyrir því að atvinnuleitendur með sérstakar stuðningsþarfir fái og haldi – og atvinnurekandinn bjóði – stöðugt, launað starf?',
				'Hverjar eru stærstu áskoranir lands þíns við innleiðingu atvinnu með stuðningi?'
			]
		},
		policyGroupName: 'Fulltrúar stjórnvalda og verkefnastjórar'
	},
	fi: {
		title: 'Pohjoismainen dialogi tuetusta työllistymisestä',
		subtitle: 'Dialogikonferenssi (demo)',
		about:
			'SE-Norden-hanke haluaa lisätä tietoa – ja parantaa laatua – palveluista, jotka auttavat vammaisia ja osatyökykyisiä saamaan tavallisen työn ja pysymään siinä tiiviin, yksilöllisen tuen avulla.\n\nTässä konferenssissa keskiössä on vuoropuhelu niiden välillä, jotka käyttävät tällaisia palveluja tai tekevät yhteistyötä niiden kanssa: työnantajat, työntekijät, työvalmentajat, virkailijat, päättäjät ja tutkijat kaikista Pohjoismaista jakavat käytännön kokemuksiaan samassa asemassa olevien ryhmissä ja esittelevät ne toisilleen yhteisessä istunnossa.\n\nTämä on demokonferenssi, jonka osallistujat ovat keksittyjä. Kokeile vapaasti kaikkea: muokkaa, jaa ryhmät uudelleen, aloita kierros tai poista konferenssi.',
		introduction:
			'Mitä tuettu työllistyminen on?\n\n- Tavoite: osallisuus tavallisessa työelämässä ja pärjääminen tavallisessa työssä\n- Miten: yksilöllistä tukea tavallisen työn saamiseen sekä työn mukauttamista ja tukea sekä työntekijälle että työnantajalle, jotta työ säilyy\n- Ensin työ, sitten valmennus: parhaiten oppii työpaikalla',
		organisation: 'SE-Norden-hanke',
		projectLeader: 'projektipäällikkö',
		programme: [
			'Tervetuloa: lyhyt esittely hankkeesta, yhteinen illallinen ja vapaata yhdessäoloa',
			'Johdanto',
			'Kahvi',
			'Ryhmätyö 1',
			'Lounas',
			'Ryhmätyö 1 jatkuu',
			'Esittely yhteisessä istunnossa',
			'Ryhmätyö 2',
			'Kahvi',
			'Ryhmätyö 2 jatkuu',
			'Esittely ja päätös yhteisessä istunnossa'
		],
		round1: {
			title: 'Ensimmäinen ryhmätyö',
			theme: 'Työssä pysyminen tuetun työllistymisen avulla'
		},
		round2: {
			title: 'Toinen ryhmätyö',
			theme: 'Lähtökohtana edellinen kokemustenvaihto'
		},
		questions: {
			workers: [
				'Millainen apu ja tuki on tärkeää, jotta pysyt – tai voit pysyä – työssäsi?',
				'Mitä puuttuu?'
			],
			employers: [
				'Millainen tuki on kokemuksesi mukaan tärkeää, jotta tuetun työllistymisen palvelusta tuleva työntekijä saa sinulta tavallisen palkkatyön ja pysyy siinä?',
				'Mitä tähän mennessä mahdollisesti puuttuu?'
			],
			jobCoaches: [
				'Mikä on tärkeintä työvalmentajan työssä, jotta työntekijä saa tavallisen palkkatyön ja pysyy siinä?',
				'Mitä puuttuu, tai mikä on vaikea saada aikaan?'
			],
			caseworkers: [
				'Mitkä ovat tuetun työllistymisen vahvuudet, kun halutaan varmistaa, että työntekijä pysyy tavallisessa palkkatyössä?',
				'Mitkä ovat tuetun työllistymisen heikkoudet, kun halutaan varmistaa, että työntekijä pysyy tavallisessa palkkatyössä?'
			],
			countries: [
				'Mitkä ovat tärkeimmät edellytykset sille, että erityistä tukea tarvitsevat työnhakijat saavat vakaan palkkatyön ja pysyvät siinä – ja että työnantaja tarjoaa sellaisen?',
				'Mitkä ovat maasi suurimmat haasteet tuetun työllistymisen käyttöönotossa?'
			]
		},
		policyGroupName: 'Päättäjät ja koordinaattorit'
	},
	en: {
		title: 'Nordic dialogue on supported employment',
		subtitle: 'Dialogue conference (demo)',
		about:
			'The SE-Norden project wants better knowledge of – and better quality in – services that help disabled people get and keep an ordinary job through close, individual follow-up.\n\nAt this conference the dialogue between those who use or work with such services comes first: employers, workers, job coaches, caseworkers, policy makers and researchers from all the Nordic countries share their practical experience in groups of peers and present it to each other in plenary.\n\nThis is a demo conference with made-up participants. Try anything: edit it, re-allocate, start a round or delete it.',
		introduction:
			'What is supported employment?\n\n- Aim: inclusion in ordinary work and coping in an ordinary job\n- How: individual follow-up to get an ordinary job, and adjustments and support for both employee and employer to keep it\n- First the job, then the training: people learn best at the workplace',
		organisation: 'SE-Norden Project',
		projectLeader: 'project leader',
		programme: [
			'Welcome: a short introduction to the project, dinner together and time to meet',
			'Introduction',
			'Coffee',
			'Group work 1',
			'Lunch',
			'Group work 1 continues',
			'Presentations in plenary',
			'Group work 2',
			'Coffee',
			'Group work 2 continues',
			'Presentations and closing in plenary'
		],
		round1: {
			title: 'First group work',
			theme: 'Keeping a job with supported employment'
		},
		round2: {
			title: 'Second group work',
			theme: 'Building on the first exchange of experience'
		},
		questions: {
			workers: [
				'What kind of help and support matters for you to keep – or be able to keep – your job?',
				'What is missing?'
			],
			employers: [
				'In your experience, what kind of support matters for the employee from the SE service to get and keep an ordinary paid job with you?',
				'What, if anything, is missing so far?'
			],
			jobCoaches: [
				'What matters most in the job coach’s work for the employee to get and keep an ordinary paid job?',
				'What is missing, or hard to achieve?'
			],
			caseworkers: [
				'What are the strengths of SE in making sure people keep an ordinary paid job?',
				'What are the weaknesses of SE in making sure people keep an ordinary paid job?'
			],
			countries: [
				'What are the most important conditions for jobseekers with particular support needs to get and keep – and for employers to offer – a stable, paid job?',
				'What are your country’s biggest challenges in implementing supported employment?'
			]
		},
		policyGroupName: 'Policy makers and coordinators'
	}
};

/** One made-up participant: name, country, role, organisation, language, coordinator. */
export type DemoPerson = readonly [
	name: string,
	country: 'DK' | 'FI' | 'IS' | 'NO' | 'SE',
	role: string,
	organisation: string,
	language: Language,
	coordinator?: boolean
];

/** Leads the project: gives the introduction and signs the report. */
export const demoProjectLeader = {
	name: 'Øyvind Fjærestad',
	organisation: 'Arbeidsforskningssenteret'
} as const;

/** Forty made-up people with the report's mix of countries and roles. */
export const demoPeople: readonly DemoPerson[] = [
	['Mette Kjærgaard', 'DK', 'coordinator', 'Videnscenter for Beskæftigelse', 'da', true],
	['Søren Bækgaard', 'DK', 'researcher', 'Institut for Socialforskning', 'da'],
	['Anders Løvholt', 'DK', 'researcher', 'Institut for Socialforskning', 'da'],
	['Birgitte Frølund', 'DK', 'employer', 'Frølunds Bageri ApS', 'da'],
	['Henrik Dalsgaard', 'DK', 'employer', 'Boligforeningen Østbo', 'da'],
	['Rasmus Østergaard', 'DK', 'worker', '', 'da'],
	['Lene Højbjerg', 'DK', 'job-coach', 'Jobcenter Vesthavn', 'da'],
	['Pernille Søndergaard', 'DK', 'caseworker', 'Jobcenter Vesthavn', 'da'],

	['Annika Sjöholm', 'FI', 'coordinator', 'Förbundet för arbetsintegration', 'sv', true],
	['Mikael Björkqvist', 'FI', 'employer', 'Björkqvists Trädgård Ab', 'sv'],
	['Päivi Mäkelä', 'FI', 'employer', 'Kahvila Mäkelä', 'fi'],
	['Elina Häkkinen', 'FI', 'worker', '', 'fi'],
	['Jussi Kärkkäinen', 'FI', 'job-coach', 'Työvalmennus Kaari', 'fi'],
	['Satu Väänänen', 'FI', 'caseworker', 'TE-palvelut, Järvenpää', 'fi'],

	['Þórður Ásgeirsson', 'IS', 'coordinator', 'Vinnumálastofnun', 'is', true],
	['Guðrún Sæmundsdóttir', 'IS', 'job-coach', 'Atvinna með stuðningi, Reykjavík', 'is'],
	['Sigríður Þórhallsdóttir', 'IS', 'job-coach', 'Atvinna með stuðningi, Akureyri', 'is'],
	['Hjörtur Óskarsson', 'IS', 'worker', '', 'is'],
	['Ragnheiður Björnsdóttir', 'IS', 'caseworker', 'Vinnumálastofnun', 'is'],
	['Einar Þorsteinsson', 'IS', 'employer', 'Fiskvinnslan Hafdís ehf.', 'is'],
	['Halldóra Guðmundsdóttir', 'IS', 'employer', 'Bókasafn Kópavogs', 'is'],

	['Ingrid Sæther', 'NO', 'coordinator', 'Arbeidsforskningssenteret', 'nb', true],
	['Kari Øvrebø', 'NO', 'researcher', 'Arbeidsforskningssenteret', 'nb'],
	[
		demoProjectLeader.name,
		'NO',
		'researcher',
		`${demoProjectLeader.organisation} (prosjektleder)`,
		'nb'
	],
	['Torunn Haugen', 'NO', 'other', 'Høgskolen i Nordvik (undervisning)', 'nb'],
	['Bjørn Ødegård', 'NO', 'employer', 'Ødegård Transport AS', 'nb'],
	['Siri Åsheim', 'NO', 'employer', 'Kafé Åsheim', 'nb'],
	['Håkon Brækken', 'NO', 'worker', '', 'nb'],
	['Astrid Løken', 'NO', 'policy', 'Arbeids- og inkluderingsdepartementet', 'nb'],
	['Eirik Skjærvø', 'NO', 'policy', 'Fylkesrådet for funksjonshemmede', 'nb'],
	['Marit Høyland', 'NO', 'job-coach', 'Arbeid med bistand, Fjordvik', 'nb'],
	['Trude Næss', 'NO', 'caseworker', 'NAV Fjordvik', 'nb'],

	['Karin Åkerlund', 'SE', 'coordinator', 'Nätverket för arbetsinkludering', 'sv', true],
	['Maria Sjöström', 'SE', 'researcher', 'Institutet för arbetslivsforskning', 'sv'],
	['Göran Löfgren', 'SE', 'employer', 'Löfgrens Bil & Däck AB', 'sv'],
	['Annelie Härdelin', 'SE', 'employer', 'Västerbyns kommun', 'sv'],
	['Jonas Ekström', 'SE', 'worker', '', 'sv'],
	['Björn Nordström', 'SE', 'job-coach', 'Stöd i arbete, Sörby', 'sv'],
	['Åsa Lindgren', 'SE', 'job-coach', 'Stöd i arbete, Sörby', 'sv'],
	['Lena Öberg', 'SE', 'caseworker', 'Arbetsförmedlingen Sörby', 'sv']
];

/** Round 1 after the organiser's hand moves: who sits where, who leads, which questions. */
export const demoRound1: readonly {
	/** The role group, by its allocation key. */
	key: string;
	/** People moved in by hand (researchers and coordinators, as in the report). */
	joining: readonly string[];
	leaders: readonly string[];
	questions: keyof DemoTexts['questions'] | null;
	renamed?: true;
}[] = [
	{
		key: 'role:worker:1',
		joining: ['Anders Løvholt'],
		leaders: ['Anders Løvholt'],
		questions: 'workers'
	},
	{
		key: 'role:employer:1',
		joining: ['Søren Bækgaard'],
		leaders: ['Søren Bækgaard'],
		questions: 'employers'
	},
	{
		key: 'role:employer:2',
		joining: ['Maria Sjöström'],
		leaders: ['Maria Sjöström'],
		questions: 'employers'
	},
	{
		key: 'role:job-coach:1',
		joining: ['Þórður Ásgeirsson', 'Ingrid Sæther'],
		leaders: ['Þórður Ásgeirsson'],
		questions: 'jobCoaches'
	},
	{
		key: 'role:job-coach:2',
		joining: ['Torunn Haugen', 'Annika Sjöholm', 'Karin Åkerlund'],
		leaders: ['Torunn Haugen'],
		questions: 'jobCoaches'
	},
	{ key: 'role:caseworker:1', joining: ['Kari Øvrebø'], leaders: ['Kari Øvrebø'], questions: null },
	{
		key: 'role:policy:1',
		joining: ['Mette Kjærgaard', 'Øyvind Fjærestad'],
		leaders: ['Mette Kjærgaard'],
		questions: null,
		renamed: true
	}
];

/** Round 2 by country: a researcher or the national coordinator leads, as in the report. */
export const demoRound2Leaders: Readonly<Record<string, string>> = {
	'country:DK:1': 'Søren Bækgaard',
	'country:FI:1': 'Annika Sjöholm',
	'country:IS:1': 'Þórður Ásgeirsson',
	'country:NO:1': 'Kari Øvrebø',
	'country:SE:1': 'Maria Sjöström'
};

/**
 * Reflections with authors and a group's discussion, for the first group of the first round
 * once it has run (issue 13): the leader's written on the console, a member's on their phone.
 */
export const demoReflections = {
	leader: {
		title: '',
		text: 'Gruppa var samstemt om at støtten må følge personen, ikke prosjektet.\n\nDet som overrasket meg mest, var hvor like erfaringene var på tvers av landene.'
	},
	member: {
		text: 'Jeg fikk sagt det jeg hadde på hjertet. Det viktigste for meg er å bli sett som en vanlig kollega.'
	},
	discussion:
		'Gruppa diskuterte lenge om lønnstilskudd hjelper eller stigmatiserer. Noen mente tilskuddet åpner dører; andre at det gjør arbeidstakeren til «en ordning».\n\nGruppa ble enige om at tilskuddet må være et verktøy for arbeidsgiveren, aldri en merkelapp på arbeidstakeren.'
} as const;

/**
 * Sub-headings in the played demo: the first group of round 1 puts the last note of its first
 * heading under this sub-heading (as Sigtuna's groups did: "Vad behövs för stöd?" under a theme).
 */
export const demoSubheading: Record<Language, string> = {
	nb: 'Hva trengs for støtte?',
	sv: 'Vad behövs för stöd?',
	da: 'Hvad skal der til for støtte?',
	is: 'Hvað þarf til stuðnings?',
	fi: 'Mitä tukeen tarvitaan?',
	en: 'What is needed for support?'
};

/**
 * What real conferences write (issue 13): some people's roles in their own words, and round 2's
 * instruction to the groups, on two lines, in each language (the welcome dinner is social above).
 */
export const demoRoleDescriptions: Readonly<Record<string, string>> = {
	'Kari Øvrebø': 'seniorforsker, prosjektleder',
	'Maria Sjöström': 'forskare, utvärderare',
	'Torunn Haugen': 'høgskolelektor i arbeidsinkludering',
	'Guðrún Sæmundsdóttir': 'ráðgjafi, teymisstjóri',
	'Jussi Kärkkäinen': 'työvalmentaja'
};

export const demoRound2Instruction: Record<Language, string> = {
	nb: 'Snakk først om det dere hørte i plenum.\nVelg så det som betyr mest i deres eget land.',
	sv: 'Prata först om det ni hörde i plenum.\nVälj sedan det som betyder mest i ert eget land.',
	da: 'Tal først om det, I hørte i plenum.\nVælg så det, der betyder mest i jeres eget land.',
	is: 'Ræðið fyrst það sem þið heyrðuð á sameiginlega fundinum.\nVeljið svo það sem skiptir mestu máli í ykkar landi.',
	fi: 'Keskustelkaa ensin siitä, mitä kuulitte yhteisessä istunnossa.\nValitkaa sitten se, mikä on tärkeintä omassa maassanne.',
	en: 'First talk about what you heard in the plenary.\nThen choose what matters most in your own country.'
};

/**
 * A long note (issue 13): a group's flipchart text, entered by its leader for the group as a
 * whole, as long as the two longest notes of the Sigtuna report.
 */
export const demoLongNote =
	'Det vi savner mest, er en plan som følger personen og ikke prosjektet. Mange av oss har opplevd at støtten stopper når prosjektperioden er over, selv om behovet er det samme som før. ' +
	'Jobbspesialisten må få tid til å bli kjent med arbeidsplassen, kollegene og lederen, ikke bare med arbeidstakeren. Da blir det lettere å tilpasse oppgavene underveis, og arbeidsgiveren vet hvem han skal ringe når noe skjer. ' +
	'Vi ønsker også at arbeidstakeren selv er med når planen skrives, og at planen sier hva som skal skje dersom helsen svikter en periode. Det må være lov å gå ned i stilling uten å miste plassen. ' +
	'Til slutt: papirarbeidet må bli enklere. I dag bruker jobbspesialisten nesten en dag i uka på rapporter til tre ulike instanser, med tre ulike skjemaer og tre ulike frister. ' +
	'Den tiden burde gått til oppfølging på arbeidsplassen. Et felles skjema for NAV, kommunen og arbeidsgiveren ville spart alle parter for mye arbeid og gjort det lettere å se sammenhengen i tilbudet. Og la arbeidstakeren få lese det som skrives om henne, før det sendes videre.';

/**
 * One list for all questions (issue 13): the second group of round 1 answers both its
 * questions in one undivided list, as three groups did in Sigtuna (its index in the round).
 */
export const demoOneListGroup = 1;
