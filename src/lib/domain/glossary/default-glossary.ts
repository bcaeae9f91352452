// The glossary every new conference starts with. The first nineteen concepts are the pairs on the
// "Språkhjelp" (language help) page of the report from the Nordic dialogue conference on supported
// employment, Sigtuna, 6 May 2010, completed into all six languages; the rest are the core terms
// of the field. Terms are written as a native speaker writes them today; where the 2010 page used
// an older or mistaken word, the concept's notes say so.
import type { Glossary, GlossaryConcept } from './types';

const fromReport: GlossaryConcept[] = [
	{
		id: 'job-placement',
		terms: {
			nb: ['arbeidsformidling'],
			sv: ['arbetsförmedling'],
			da: ['arbejdsformidling'],
			fi: ['työnvälitys'],
			is: ['vinnumiðlun'],
			en: ['job placement', 'job brokering', 'employment exchange']
		},
		forms: { työnvälitys: ['työnvälitykse'] },
		explanation: {
			en: 'Bringing job seekers and vacancies together: the core task of the public employment service, also done by private agencies.',
			nb: 'Å formidle arbeidssøkere til ledige stillinger: kjerneoppgaven til den offentlige arbeidsformidlingen, men gjøres også av private.'
		},
		notes: {
			en: 'With a capital A, Arbetsförmedlingen is the Swedish agency itself (see public employment service).',
			nb: 'Med stor A er Arbetsförmedlingen selve den svenske etaten (se offentlig arbeidsformidling).'
		}
	},
	{
		id: 'employment-service',
		terms: {
			nb: ['NAV', 'NAV-kontor', 'Arbeids- og velferdsetaten'],
			sv: ['Arbetsförmedlingen', 'TE-byrå', 'arbets- och näringsbyrå'],
			da: ['jobcenter'],
			fi: ['TE-palvelut', 'TE-toimisto', 'työllisyyspalvelut'],
			is: ['Vinnumálastofnun'],
			en: ['public employment service', 'employment service', 'Jobcentre Plus']
		},
		differsByCountry: true,
		explanation: {
			en: 'The public employment service: NAV in Norway, Arbetsförmedlingen in Sweden, the municipal jobcentres in Denmark, TE services in Finland (run by the municipalities since 2025), Vinnumálastofnun in Iceland, Jobcentre Plus in the UK.',
			nb: 'Den offentlige arbeidsformidlingen: NAV i Norge, Arbetsförmedlingen i Sverige, de kommunale jobcentrene i Danmark, TE-palvelut i Finland (drevet av kommunene fra 2025), Vinnumálastofnun på Island.'
		},
		notes: {
			en: 'Not the same thing in every country: NAV also pays pensions and benefits and runs social services with the municipality; Danish jobcentres belong to the municipalities. TE-byrå and arbets- och näringsbyrå are Finland-Swedish.',
			nb: 'Ikke det samme i alle land: NAV utbetaler også pensjoner og trygd og har sosialtjenesten sammen med kommunen; de danske jobcentrene er kommunale. TE-byrå og arbets- och näringsbyrå er finlandssvensk.'
		}
	},
	{
		id: 'job-coach',
		terms: {
			nb: [
				'jobbcoach',
				'job coach',
				'tilrettelegger',
				'jobbkonsulent',
				'jobbspesialist',
				'veileder'
			],
			sv: ['jobbcoach', 'arbetskonsulent', 'SIUS-konsulent', 'job coach'],
			da: ['jobcoach', 'job coach', 'jobkonsulent'],
			fi: ['työvalmentaja', 'työhönvalmentaja'],
			is: ['atvinnuráðgjafi'],
			en: ['job coach', 'employment specialist']
		},
		unmarked: ['veileder'],
		explanation: {
			en: 'The person in a supported employment service who helps a job seeker find a job and supports worker, employer and colleagues at the workplace.',
			nb: 'Den som i et SE-tilbud hjelper arbeidssøkeren å finne jobb og støtter arbeidstaker, arbeidsgiver og kolleger på arbeidsplassen.'
		},
		notes: {
			en: 'Titles vary: tilrettelegger (Arbeid med bistand) and jobbspesialist (IPS) in Norway, SIUS-konsulent in Sweden, arbetskonsulent in Finland-Swedish, työhönvalmentaja in Finnish supported employment. In Norway veileder more often means the NAV caseworker. The 2010 report also lists utförare here; that is the provider organisation (see service provider).',
			nb: 'Titlene varierer: tilrettelegger (Arbeid med bistand) og jobbspesialist (IPS) i Norge, SIUS-konsulent i Sverige, arbetskonsulent på finlandssvensk, työhönvalmentaja på finsk. Veileder betyr oftere saksbehandleren i NAV. Rapporten fra 2010 har også utförare her; det er leverandøren (se tiltaksarrangør).'
		}
	},
	{
		id: 'caseworker',
		terms: {
			nb: ['saksbehandler', 'NAV-veileder'],
			sv: ['handläggare', 'arbetsförmedlare', 'arbetskraftsrådgivare'],
			da: ['sagsbehandler'],
			fi: ['virkailija', 'työvoimaneuvoja'],
			is: ['ráðgjafi'],
			en: ['caseworker', 'case worker', 'case manager']
		},
		unmarked: ['ráðgjafi'],
		explanation: {
			en: 'The official at the employment service, welfare office or municipality who handles a person’s case and decides on measures and benefits.',
			nb: 'Den som i NAV, jobcenteret eller kommunen har ansvaret for en persons sak og vedtar tiltak og ytelser.'
		},
		notes: {
			en: 'The 2010 report lists handledare here, but in Swedish a handledare is a supervisor or mentor (see workplace mentor); the Swedish caseworker is a handläggare. Arbetskraftsrådgivare is Finland-Swedish.',
			nb: 'Rapporten fra 2010 har handledare her, men på svensk er en handledare en veileder eller mentor på arbeidsplassen; den svenske saksbehandleren er en handläggare.'
		}
	},
	{
		id: 'government-agency',
		terms: {
			nb: ['etat', 'direktorat'],
			sv: ['myndighet', 'ämbetsverk', 'verk'],
			da: ['styrelse'],
			fi: ['virasto'],
			is: ['stofnun'],
			en: ['government agency', 'agency']
		},
		unmarked: ['verk', 'agency'],
		forms: { stofnun: ['stofnan'] },
		explanation: {
			en: 'A public body under a ministry that runs one area of policy.',
			nb: 'Et offentlig forvaltningsorgan under et departement som har ansvar for ett område.'
		},
		notes: {
			en: 'The 2010 report writes värk; the Swedish word is verk (värk means ache). In Swedish, styrelse usually means a board, though a few agencies are called -styrelsen.',
			nb: 'Rapporten fra 2010 skriver värk; det svenske ordet er verk (värk betyr verk som i smerte). På svensk betyr styrelse oftest et styre.'
		}
	},
	{
		id: 'region',
		terms: {
			nb: ['fylke', 'fylkeskommune'],
			sv: ['län', 'region'],
			da: ['region'],
			fi: ['maakunta', 'hyvinvointialue'],
			is: ['landshluti'],
			en: ['county', 'region']
		},
		differsByCountry: true,
		forms: { maakunta: ['maakunna'] },
		explanation: {
			en: 'The level between state and municipality: fylke in Norway, län and region in Sweden, region in Denmark, maakunta and the wellbeing services county in Finland; Iceland has no regional government.',
			nb: 'Nivået mellom stat og kommune: fylke i Norge, län og region i Sverige, region i Danmark, maakunta og velferdsområde i Finland; Island har ikke noe regionalt forvaltningsnivå.'
		}
	},
	{
		id: 'vocational-rehabilitation',
		terms: {
			nb: ['attføring', 'arbeidsrettet rehabilitering', 'yrkesrettet attføring', 'rehabilitering'],
			sv: ['arbetslivsinriktad rehabilitering', 'rehabilitering'],
			da: ['revalidering', 'erhvervsrettet rehabilitering', 'rehabilitering'],
			fi: ['ammatillinen kuntoutus', 'kuntoutus'],
			is: ['starfsendurhæfing'],
			en: ['vocational rehabilitation', 'rehabilitation']
		},
		forms: {
			kuntoutus: ['kuntoutukse'],
			'ammatillinen kuntoutus': ['ammatillinen kuntoutukse']
		},
		explanation: {
			en: 'Measures that help a person whose work ability is reduced by illness or injury back into work or education.',
			nb: 'Tiltak som skal hjelpe personer med nedsatt arbeidsevne på grunn av sykdom eller skade tilbake til arbeid eller utdanning.'
		},
		notes: {
			en: 'Attføring (NO) and revalidering (DK) are the older words. Habilitering, for disabilities present from birth, is a different thing (see habilitation).',
			nb: 'Attføring (NO) og revalidering (DK) er de eldre ordene. Habilitering, for funksjonsnedsettelser fra fødselen av, er noe annet.'
		}
	},
	{
		id: 'habilitation',
		terms: {
			nb: ['habilitering'],
			sv: ['habilitering'],
			da: ['habilitering'],
			fi: ['habilitaatio'],
			is: ['hæfing'],
			en: ['habilitation']
		},
		explanation: {
			en: 'Support for people with a disability present from birth or early childhood to develop and keep their abilities; in Sweden a regional health service (habiliteringen).',
			nb: 'Tjenester som skal hjelpe personer med medfødt eller tidlig ervervet funksjonsnedsettelse å utvikle og beholde ferdigheter.'
		}
	},
	{
		id: 'arbeid-med-bistand',
		terms: {
			nb: ['arbeid med bistand', 'AB'],
			sv: ['arbeid med bistand'],
			da: ['arbeid med bistand'],
			en: ['work with assistance', 'Arbeid med bistand']
		},
		unmarked: ['AB'],
		differsByCountry: true,
		explanation: {
			en: 'Norway’s supported employment programme, bought by NAV from providers; since 2016 part of the measure Oppfølging (follow-up).',
			nb: 'Det norske SE-liknende tiltaket som NAV kjøpte fra tiltaksarrangører; fra 2016 en del av tiltaket Oppfølging.'
		},
		notes: {
			en: 'A Norwegian programme; other countries have their own (SIUS in Sweden, Atvinna með stuðningi in Iceland). AB also means a limited company in Swedish, so it is not marked in notes.',
			nb: 'Et norsk tiltak; andre land har sine egne (SIUS i Sverige, Atvinna með stuðningi på Island).'
		}
	},
	{
		id: 'fleksjob',
		terms: {
			da: ['fleksjob'],
			nb: ['fleksjobb'],
			sv: ['flexjobb'],
			en: ['flexjob', 'flex job']
		},
		differsByCountry: true,
		explanation: {
			en: 'Danish scheme: a job on special terms (fewer hours, adapted tasks) for people with a permanently and substantially reduced work ability; the employer pays for the work done and the municipality tops up the income.',
			nb: 'Dansk ordning: jobb på særlige vilkår (færre timer, tilpassede oppgaver) for personer med varig og vesentlig nedsatt arbeidsevne; arbeidsgiveren betaler for arbeidet som blir gjort, og kommunen supplerer inntekten.',
			da: 'Job på særlige vilkår for personer med varigt og væsentligt nedsat arbejdsevne; arbejdsgiveren betaler for det udførte arbejde, og kommunen giver et tilskud.'
		},
		notes: {
			en: 'No direct equivalent in the other countries; the 2010 report renders it as a job with a wage subsidy on special terms.',
			nb: 'Ingen direkte motsvarighet i de andre landene; rapporten fra 2010 beskriver det som jobb med lønnstilskudd og særlige vilkår.'
		}
	},
	{
		id: 'skaanejob',
		terms: {
			da: ['skånejob', 'job med løntilskud for førtidspensionister'],
			nb: ['skånejobb'],
			sv: ['skånejobb'],
			en: ['skånejob']
		},
		differsByCountry: true,
		explanation: {
			en: 'Danish job with a wage subsidy for people who receive disability pension (førtidspension); today officially a job with wage subsidy for disability pensioners.',
			nb: 'Dansk jobb med lønnstilskudd for personer som mottar førtidspension (uføretrygd); heter i dag offisielt job med løntilskud for førtidspensionister.',
			da: 'Job med løntilskud for personer, der modtager førtidspension.'
		}
	},
	{
		id: 'sheltered-employment',
		terms: {
			nb: ['skjermet sysselsetting', 'varig tilrettelagt arbeid', 'VTA', 'skjermet virksomhet'],
			sv: ['skyddat arbete', 'skyddad anställning', 'Samhall'],
			da: ['beskyttet beskæftigelse', 'beskyttet værksted'],
			fi: ['suojatyö'],
			is: ['verndaður vinnustaður', 'verndað starf'],
			en: ['sheltered employment', 'sheltered work', 'sheltered workshop']
		},
		differsByCountry: true,
		forms: {
			'skjermet sysselsetting': ['skjermede sysselsetting'],
			'skjermet virksomhet': ['skjermede virksomhet'],
			'beskyttet beskæftigelse': ['beskyttede beskæftigelse'],
			'beskyttet værksted': ['beskyttede værksted'],
			'verndaður vinnustaður': ['verndaða vinnustaður']
		},
		explanation: {
			en: 'Work for people with disabilities in a protected setting outside the ordinary labour market, usually without ordinary wages; not supported employment.',
			nb: 'Arbeid for personer med funksjonsnedsettelse i et skjermet miljø utenfor det ordinære arbeidslivet, vanligvis uten ordinær lønn; ikke supported employment.'
		},
		notes: {
			en: 'Samhall in Sweden is a state-owned company that employs people with disabilities on ordinary wages; VTA in Norway is sheltered work for people on disability benefit.',
			nb: 'Samhall i Sverige er et statlig selskap som ansetter personer med funksjonsnedsettelse med ordinær lønn; VTA er for personer på uføretrygd.'
		}
	},
	{
		id: 'work-placement',
		terms: {
			nb: ['praksisplass', 'arbeidspraksis', 'hospitering', 'arbeidstrening'],
			sv: ['praktik', 'arbetspraktik', 'praktikplats'],
			da: ['praktik', 'virksomhedspraktik', 'praktikplads', 'udplacering'],
			fi: ['työkokeilu', 'työharjoittelu'],
			is: ['starfsþjálfun'],
			en: ['work placement', 'work trial', 'internship', 'job shadowing']
		},
		explanation: {
			en: 'Time at an ordinary workplace to try out or learn a job, usually unpaid while the person keeps their benefit.',
			nb: 'Tid på en ordinær arbeidsplass for å prøve ut eller lære en jobb, vanligvis uten lønn mens personen beholder ytelsen sin.'
		},
		notes: {
			en: 'A placement is not a job: supported employment aims at paid work, and a placement without close follow-up is not SE. Hospitering (NO) is a short stay to learn from another workplace.',
			nb: 'Praksis er ikke en jobb: SE sikter mot lønnet arbeid, og praksisplass uten tett oppfølging er ikke SE.'
		}
	},
	{
		id: 'day-activity',
		terms: {
			sv: ['daglig verksamhet'],
			nb: ['aktivitets- og samværstilbud', 'dagaktivitetstilbud', 'dagsenter'],
			da: ['aktivitets- og samværstilbud', 'dagtilbud'],
			fi: ['päivätoiminta', 'työtoiminta'],
			is: ['dagþjónusta', 'hæfingarstöð'],
			en: ['day activity services', 'day centre', 'daily activities']
		},
		differsByCountry: true,
		explanation: {
			en: 'Meaningful daytime activity for adults with disabilities who are not in work; in Sweden a right under the LSS act. Not employment.',
			nb: 'Meningsfull aktivitet på dagtid for voksne med funksjonsnedsettelse som ikke er i arbeid; i Sverige en rettighet etter LSS. Ikke arbeid.'
		}
	},
	{
		id: 'occupation',
		terms: {
			nb: ['sysselsetting', 'sysselsetning'],
			sv: ['sysselsättning'],
			da: ['beskæftigelse'],
			fi: ['työllisyys'],
			is: ['atvinna'],
			en: ['occupation', 'employment']
		},
		unmarked: ['employment', 'atvinna'],
		differsByCountry: true,
		forms: { työllisyys: ['työllisyyde'] },
		explanation: {
			en: 'Being occupied in work or a work-like activity; whether it means a paid job depends on the country and the context.',
			nb: 'Å være i arbeid eller arbeidsliknende aktivitet; om det betyr lønnet jobb, avhenger av land og sammenheng.'
		},
		notes: {
			en: 'Not the same thing: the 2010 report warns that arbeid, job(b) and sysselsetting differ. In Swedish disability services sysselsättning often means an activity without a wage, while Danish beskæftigelse usually means paid work.',
			nb: 'NB! Ikke det samme: arbeid, jobb og sysselsetting er forskjellige ting. I Sverige betyr sysselsättning ofte aktivitet uten lønn, mens dansk beskæftigelse vanligvis er lønnet arbeid.'
		}
	},
	{
		id: 'social-security-benefit',
		terms: {
			nb: ['trygd', 'trygdeytelse', 'stønad'],
			sv: ['socialförsäkring', 'ersättning'],
			da: ['pension', 'overførselsindkomst', 'ydelse'],
			fi: ['sosiaaliturva', 'etuus'],
			is: ['almannatryggingar', 'bætur'],
			en: ['social security', 'benefit']
		},
		unmarked: ['ersättning', 'ydelse', 'benefit', 'bætur'],
		differsByCountry: true,
		forms: { etuus: ['etuude'] },
		explanation: {
			en: 'Money from the state when a person cannot earn a living through sickness, unemployment, disability or old age.',
			nb: 'Penger fra det offentlige når en person ikke kan forsørge seg selv på grunn av sykdom, ledighet, uførhet eller alder.'
		},
		notes: {
			en: 'The 2010 report pairs Norwegian trygd with Danish pension: in Danish, pension is the benefit paid to pensioners of any age, including førtidspension.',
			nb: 'Rapporten fra 2010 setter trygd sammen med dansk pension: på dansk er pension ytelsen til pensjonister i alle aldre, også førtidspension.'
		}
	},
	{
		id: 'disability-pension',
		terms: {
			nb: ['uføretrygd', 'uførepensjon'],
			sv: ['sjukersättning', 'aktivitetsersättning', 'förtidspension'],
			da: ['førtidspension'],
			fi: ['työkyvyttömyyseläke'],
			is: ['örorkulífeyrir', 'örorkubætur'],
			en: ['disability pension', 'disability benefit']
		},
		forms: { työkyvyttömyyseläke: ['työkyvyttömyyseläkkee'] },
		explanation: {
			en: 'A long-term benefit for people whose work ability is permanently reduced by illness or disability.',
			nb: 'En varig ytelse til personer med varig nedsatt arbeidsevne på grunn av sykdom eller skade.'
		},
		notes: {
			en: 'Names change: Norway’s uførepensjon became uføretrygd in 2015; Sweden’s förtidspension became sjukersättning (aktivitetsersättning for those under 30) in 2003.',
			nb: 'Navnene endres: uførepensjon ble uføretrygd i 2015; svensk förtidspension ble sjukersättning (aktivitetsersättning for unge under 30) i 2003.'
		}
	},
	{
		id: 'social-assistance',
		terms: {
			nb: ['sosialhjelp', 'økonomisk sosialhjelp', 'økonomisk stønad'],
			sv: ['försörjningsstöd', 'ekonomiskt bistånd', 'socialbidrag'],
			da: ['kontanthjælp'],
			fi: ['toimeentulotuki'],
			is: ['fjárhagsaðstoð'],
			en: ['social assistance', 'income support']
		},
		forms: { toimeentulotuki: ['toimeentulotue'] },
		explanation: {
			en: 'The last safety net: means-tested money, usually from the municipality, for people with no other income.',
			nb: 'Det siste sikkerhetsnettet: behovsprøvd økonomisk hjelp, vanligvis fra kommunen, til personer uten annen inntekt.'
		},
		notes: {
			en: 'Socialbidrag is the older Swedish word; today försörjningsstöd or ekonomiskt bistånd.',
			nb: 'Socialbidrag er det eldre svenske ordet; i dag försörjningsstöd eller ekonomiskt bistånd.'
		}
	},
	{
		id: 'work-ability',
		terms: {
			nb: ['arbeidsevne', 'arbeidsførhet'],
			sv: ['arbetsförmåga'],
			da: ['arbejdsevne'],
			fi: ['työkyky'],
			is: ['starfsgeta', 'vinnugeta'],
			en: ['work ability', 'work capacity']
		},
		forms: { työkyky: ['työkyvy'] },
		explanation: {
			en: 'What a person can manage in work, judged against the demands of a job; assessed when deciding on measures and benefits.',
			nb: 'Hva en person klarer i arbeid, målt mot kravene i en jobb; vurderes når det skal vedtas tiltak og ytelser.'
		}
	},
	{
		id: 'mental-illness',
		terms: {
			nb: ['psykisk lidelse', 'psykisk sykdom'],
			sv: ['psykisk ohälsa', 'psykisk sjukdom'],
			da: ['sindslidelse', 'psykisk lidelse', 'psykisk sygdom'],
			fi: ['mielenterveysongelma', 'mielenterveyden häiriö'],
			is: ['geðröskun', 'geðsjúkdómur'],
			en: ['mental illness', 'mental health problem', 'mental disorder']
		},
		forms: {
			'psykisk lidelse': ['psykiske lidelse'],
			'psykisk sykdom': ['psykiske sykdomm'],
			'psykisk sjukdom': ['psykiska sjukdom']
		},
		explanation: {
			en: 'A mental health condition that affects mood, thinking or behaviour; IPS was developed for this group.',
			nb: 'En psykisk helsetilstand som påvirker stemning, tanker eller atferd; IPS ble utviklet for denne gruppen.'
		},
		notes: {
			en: 'The 2010 report writes mental sykdom; in Norwegian one says psykisk lidelse or psykisk sykdom.',
			nb: 'Rapporten fra 2010 skriver mental sykdom; på norsk sier man psykisk lidelse eller psykisk sykdom.'
		}
	}
];

const coreTerms: GlossaryConcept[] = [
	{
		id: 'supported-employment',
		terms: {
			nb: ['supported employment', 'SE'],
			sv: ['supported employment', 'arbete med stöd', 'SE'],
			da: ['supported employment', 'SE', 'individuelt støttet arbejde'],
			fi: ['tuettu työllistyminen', 'tuettu työ'],
			is: ['atvinna með stuðningi', 'AMS'],
			en: ['supported employment', 'SE']
		},
		differsByCountry: true,
		forms: {
			'tuettu työllistyminen': ['tuetu työllistyminen'],
			'tuettu työ': ['tuetu työ'],
			'atvinna með stuðningi': ['atvinnu með stuðningi']
		},
		explanation: {
			en: 'Helping a person with a disability get and keep a paid job in the ordinary labour market, with individual follow-up of both worker and employer: place first, then train.',
			nb: 'Bistand til å få og beholde en vanlig lønnet jobb, med tett individuell oppfølging av både arbeidstaker og arbeidsgiver: først plassere, så trene.'
		},
		notes: {
			en: 'Each country has its own programmes: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); in Denmark follow-up in fleksjob and skånejob plays a similar part.',
			nb: 'Hvert land har egne tiltak: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); i Danmark har oppfølging i fleksjob og skånejob en liknende rolle.'
		}
	},
	{
		id: 'sius',
		terms: {
			sv: ['SIUS', 'särskilt introduktions- och uppföljningsstöd'],
			nb: ['SIUS'],
			da: ['SIUS'],
			en: ['SIUS', 'special introduction and follow-up support']
		},
		differsByCountry: true,
		explanation: {
			en: 'Arbetsförmedlingen’s supported employment service in Sweden: a SIUS consultant helps a job seeker with a disability into a job and follows up at the workplace.',
			nb: 'Arbetsförmedlingens SE-tilbud i Sverige: en SIUS-konsulent hjelper arbeidssøkere med funksjonsnedsettelse inn i jobb og følger opp på arbeidsplassen.'
		}
	},
	{
		id: 'ips',
		terms: {
			nb: ['individuell jobbstøtte', 'IPS'],
			sv: ['IPS'],
			da: ['IPS'],
			fi: ['IPS'],
			is: ['IPS'],
			en: ['individual placement and support', 'IPS']
		},
		explanation: {
			en: 'A manualised form of supported employment for people with mental illness, integrated with treatment: rapid job search, no training first, follow-up without a time limit.',
			nb: 'En manualbasert form for supported employment for personer med psykiske lidelser, integrert i behandlingen: rask jobbsøking, ingen trening først, oppfølging uten tidsgrense.'
		}
	},
	{
		id: 'workplace-mentor',
		terms: {
			nb: ['mentor', 'fadder'],
			sv: ['handledare', 'mentor'],
			da: ['mentor', 'virksomhedsmentor'],
			fi: ['työpaikkaohjaaja'],
			is: ['leiðbeinandi'],
			en: ['workplace mentor', 'mentor', 'workplace supervisor']
		},
		explanation: {
			en: 'A colleague at the workplace who guides and supports the new worker day to day (natural support), sometimes with a grant to the employer.',
			nb: 'En kollega på arbeidsplassen som veileder og støtter den nye arbeidstakeren i hverdagen, noen ganger med tilskudd til arbeidsgiveren.'
		}
	},
	{
		id: 'service-provider',
		terms: {
			nb: ['tiltaksarrangør', 'leverandør'],
			sv: ['utförare', 'kompletterande aktör', 'leverantör'],
			da: ['leverandør', 'anden aktør'],
			fi: ['palveluntuottaja'],
			is: ['þjónustuaðili'],
			en: ['service provider', 'provider']
		},
		unmarked: ['leverandør', 'leverantör', 'provider'],
		explanation: {
			en: 'An organisation that the public employment service buys a measure from, such as a supported employment service run by a company, foundation or municipality.',
			nb: 'Virksomhet som NAV eller tilsvarende kjøper et tiltak fra, for eksempel et SE-tilbud drevet av et selskap, en stiftelse eller en kommune.'
		}
	},
	{
		id: 'job-match',
		terms: {
			nb: ['jobbmatch', 'jobbmatching'],
			sv: ['jobbmatchning', 'matchning'],
			da: ['jobmatch', 'matchning'],
			en: ['job match', 'job matching']
		},
		explanation: {
			en: 'Finding a job that fits the person’s interests, abilities and needs, and a person who fits the employer’s needs; the basis of keeping the job.',
			nb: 'Å finne en jobb som passer personens interesser, ferdigheter og behov, og en person som passer arbeidsgiverens behov; grunnlaget for å beholde jobben.'
		}
	},
	{
		id: 'workplace-adaptation',
		terms: {
			nb: ['tilrettelegging', 'tilpasning'],
			sv: ['anpassning av arbetsplatsen', 'arbetsanpassning', 'anpassning'],
			da: ['tilpasning', 'arbejdspladsindretning'],
			fi: ['työn mukauttaminen', 'mukautus'],
			is: ['aðlögun á vinnustað', 'aðlögun'],
			en: ['workplace adaptation', 'workplace accommodation', 'reasonable accommodation']
		},
		forms: { mukautus: ['mukautukse'] },
		explanation: {
			en: 'Changing tasks, hours, equipment or premises so that a person with reduced work ability can do the job; employers have a duty to make reasonable accommodation.',
			nb: 'Å endre oppgaver, arbeidstid, utstyr eller lokaler slik at en person med nedsatt arbeidsevne kan gjøre jobben; arbeidsgiver har plikt til rimelig tilrettelegging.'
		}
	},
	{
		id: 'wage-subsidy',
		terms: {
			nb: ['lønnstilskudd'],
			sv: ['lönebidrag', 'lönestöd', 'lönesubvention'],
			da: ['løntilskud'],
			fi: ['palkkatuki'],
			is: ['ráðningarstyrkur', 'vinnusamningur öryrkja'],
			en: ['wage subsidy']
		},
		differsByCountry: true,
		forms: { palkkatuki: ['palkkatue'] },
		explanation: {
			en: 'Money the employment service pays an employer towards the wage of a person with reduced work ability, to make up for lower productivity.',
			nb: 'Tilskudd fra NAV eller tilsvarende til arbeidsgiveren for å dekke deler av lønnen til en person med nedsatt arbeidsevne.'
		},
		notes: {
			en: 'Lönesubvention is the Finland-Swedish word. In Iceland a vinnusamningur öryrkja is a wage subsidy agreement for people with a disability assessment.',
			nb: 'Lönesubvention er det finlandssvenske ordet. På Island er vinnusamningur öryrkja en lønnstilskuddsavtale for uføre.'
		}
	},
	{
		id: 'follow-up',
		terms: {
			nb: ['oppfølging', 'tett oppfølging'],
			sv: ['uppföljning'],
			da: ['opfølgning'],
			fi: ['seuranta'],
			is: ['eftirfylgd', 'eftirfylgni'],
			en: ['follow-up', 'follow-along support', 'ongoing support']
		},
		forms: { seuranta: ['seuranna'] },
		explanation: {
			en: 'Support that goes on after a person has started work, for worker and employer; in supported employment it should last as long as it is needed.',
			nb: 'Støtte som fortsetter etter at personen har begynt i jobb, til arbeidstaker og arbeidsgiver; i SE skal den vare så lenge det trengs.'
		}
	},
	{
		id: 'job-retention',
		terms: {
			nb: ['jobbfastholdelse', 'fastholdelse'],
			sv: ['bibehållen anställning'],
			da: ['jobfastholdelse', 'fastholdelse'],
			fi: ['työssä pysyminen'],
			en: ['job retention']
		},
		explanation: {
			en: 'Keeping the job over time; the theme of the 2010 conference.',
			nb: 'Å beholde jobben over tid; temaet for konferansen i 2010.'
		}
	},
	{
		id: 'vocational-profiling',
		terms: {
			nb: ['kartlegging'],
			sv: ['kartläggning'],
			da: ['kortlægning'],
			fi: ['kartoitus'],
			en: ['vocational profiling', 'career profiling']
		},
		forms: { kartoitus: ['kartoitukse'] },
		explanation: {
			en: 'Getting to know the job seeker’s interests, skills, experience and support needs, ideally in real workplaces, to find a good job match.',
			nb: 'Å bli kjent med arbeidssøkerens interesser, ferdigheter, erfaring og behov for støtte, helst på ekte arbeidsplasser, for å finne en god jobbmatch.'
		},
		notes: {
			en: 'The 2010 report notes that kartlegging (profiling for a job match) and avklaring (an assessment for a decision) are often mixed up.',
			nb: 'Rapporten fra 2010 påpeker at kartlegging og avklaring ofte blandes sammen.'
		}
	},
	{
		id: 'work-ability-assessment',
		terms: {
			nb: ['avklaring', 'arbeidsevnevurdering'],
			sv: ['bedömning av arbetsförmåga', 'utredning'],
			da: ['afklaring', 'arbejdsprøvning'],
			fi: ['työkyvyn arviointi', 'työkyvyn arvio'],
			is: ['starfsgetumat'],
			en: ['work ability assessment', 'vocational assessment']
		},
		unmarked: ['utredning'],
		explanation: {
			en: 'An assessment of what work a person can do, often to decide on measures or benefits; not in itself supported employment.',
			nb: 'En vurdering av hvilket arbeid en person kan utføre, ofte før vedtak om tiltak eller ytelser; ikke i seg selv SE.'
		}
	},
	{
		id: 'reduced-work-ability',
		terms: {
			nb: ['nedsatt arbeidsevne'],
			sv: ['nedsatt arbetsförmåga'],
			da: ['nedsat arbejdsevne'],
			fi: ['osatyökykyinen', 'osatyökyky'],
			is: ['skert starfsgeta'],
			en: ['reduced work ability', 'partial work ability']
		},
		forms: { osatyökyky: ['osatyökyvy'] },
		explanation: {
			en: 'Work ability lowered by illness, injury or disability; the key to many measures and benefits.',
			nb: 'Arbeidsevne som er redusert av sykdom, skade eller funksjonsnedsettelse; nøkkelen til mange tiltak og ytelser.'
		}
	},
	{
		id: 'disability',
		terms: {
			nb: ['funksjonsnedsettelse', 'nedsatt funksjonsevne', 'funksjonshemming'],
			sv: ['funktionsnedsättning', 'funktionshinder'],
			da: ['handicap', 'funktionsnedsættelse'],
			fi: ['vamma', 'vammaisuus'],
			is: ['fötlun'],
			en: ['disability', 'impairment']
		},
		forms: { vammaisuus: ['vammaisuude'], fötlun: ['fatlan'] },
		explanation: {
			en: 'A long-term physical, mental, intellectual or sensory impairment which, together with barriers around the person, limits participation.',
			nb: 'En varig fysisk, psykisk, intellektuell eller sensorisk funksjonsnedsettelse som sammen med barrierer i omgivelsene begrenser deltakelse.'
		},
		notes: {
			en: 'Words change over time: funktionshinder (SE) and funksjonshemming (NO) are older or name the barrier rather than the impairment.',
			nb: 'Ordene endrer seg: funktionshinder og funksjonshemming er eldre eller betegner hindringen mer enn nedsettelsen.'
		}
	},
	{
		id: 'intellectual-disability',
		terms: {
			nb: ['utviklingshemming'],
			sv: ['intellektuell funktionsnedsättning', 'utvecklingsstörning'],
			da: ['udviklingshæmning'],
			fi: ['kehitysvamma', 'kehitysvammainen'],
			is: ['þroskahömlun'],
			en: ['intellectual disability', 'learning disability']
		},
		forms: { 'intellektuell funktionsnedsättning': ['intellektuella funktionsnedsättning'] },
		explanation: {
			en: 'Significantly lower intellectual functioning and adaptive skills, present from childhood.',
			nb: 'Vesentlig redusert evne til læring og tilpasning, med debut i barndommen.'
		},
		notes: {
			en: 'In British English learning disability means intellectual disability; utvecklingsstörning is the older Swedish word.',
			nb: 'På britisk engelsk betyr learning disability utviklingshemming; utvecklingsstörning er det eldre svenske ordet.'
		}
	},
	{
		id: 'open-labour-market',
		terms: {
			nb: ['ordinært arbeidsliv', 'ordinært arbeid', 'ordinær jobb'],
			sv: ['reguljär arbetsmarknad', 'öppna arbetsmarknaden', 'reguljärt arbete'],
			da: ['det ordinære arbejdsmarked', 'ordinær beskæftigelse', 'ordinært job'],
			fi: ['avoimet työmarkkinat'],
			is: ['almennur vinnumarkaður'],
			en: ['open labour market', 'competitive employment', 'ordinary work']
		},
		forms: {
			'ordinært arbeidsliv': ['ordinære arbeidsliv'],
			'ordinært arbeid': ['ordinære arbeid'],
			'reguljär arbetsmarknad': ['reguljära arbetsmarknad'],
			'avoimet työmarkkinat': ['avoimi työmarkkino', 'avointen työmarkkinoiden']
		},
		explanation: {
			en: 'Ordinary jobs with ordinary pay and conditions, as opposed to sheltered work; the aim of supported employment.',
			nb: 'Vanlige jobber med vanlig lønn og vilkår, i motsetning til skjermet arbeid; målet for supported employment.'
		}
	},
	{
		id: 'labour-market-measure',
		terms: {
			nb: ['tiltak', 'arbeidsmarkedstiltak'],
			sv: ['arbetsmarknadspolitiskt program', 'arbetsmarknadsinsats', 'insats'],
			da: ['beskæftigelsesindsats', 'indsats', 'tilbud'],
			fi: ['työvoimapoliittinen toimenpide', 'toimenpide'],
			is: ['vinnumarkaðsúrræði', 'úrræði'],
			en: ['labour market measure', 'active labour market programme', 'measure']
		},
		unmarked: ['insats', 'indsats', 'tilbud', 'measure'],
		forms: {
			toimenpide: ['toimenpitee'],
			'työvoimapoliittinen toimenpide': ['työvoimapoliittinen toimenpitee']
		},
		explanation: {
			en: 'A programme the employment service offers or buys, such as training, a work placement, a wage subsidy or follow-up.',
			nb: 'Et tilbud NAV eller tilsvarende gir eller kjøper, for eksempel opplæring, praksisplass, lønnstilskudd eller oppfølging.'
		}
	},
	{
		id: 'municipality',
		terms: {
			nb: ['kommune'],
			sv: ['kommun'],
			da: ['kommune'],
			fi: ['kunta'],
			is: ['sveitarfélag'],
			en: ['municipality', 'local authority']
		},
		forms: { kunta: ['kunna'], sveitarfélag: ['sveitarfélög'] },
		explanation: {
			en: 'Local government. Danish municipalities run the jobcentres; Norwegian NAV offices are a partnership of state and municipality.',
			nb: 'Lokal forvaltning. Danske kommuner driver jobcentrene; NAV-kontorene i Norge er et partnerskap mellom stat og kommune.'
		}
	},
	{
		id: 'individual-plan',
		terms: {
			nb: ['individuell plan'],
			sv: ['samordnad individuell plan', 'SIP'],
			da: ['handleplan'],
			fi: ['asiakassuunnitelma'],
			is: ['einstaklingsáætlun'],
			en: ['individual plan']
		},
		explanation: {
			en: 'A written plan, made with the person, that coordinates services from several agencies for someone with long-term, complex needs.',
			nb: 'En skriftlig plan, laget sammen med personen, som samordner tjenester fra flere instanser for den som har langvarige og sammensatte behov.'
		}
	},
	{
		id: 'social-worker',
		terms: {
			nb: ['sosionom', 'sosialarbeider'],
			sv: ['socionom', 'socialarbetare'],
			da: ['socialrådgiver', 'socialarbejder'],
			fi: ['sosiaalityöntekijä'],
			is: ['félagsráðgjafi'],
			en: ['social worker']
		},
		explanation: {
			en: 'A professional trained in social work; the 2010 report says the job coach should not take over the social worker’s job.',
			nb: 'En fagperson utdannet i sosialt arbeid; rapporten fra 2010 sier at jobbcoachen ikke skal gjøre sosionomjobben selv.'
		}
	},
	{
		id: 'sickness-benefit',
		terms: {
			nb: ['sykepenger'],
			sv: ['sjukpenning'],
			da: ['sygedagpenge'],
			fi: ['sairauspäiväraha'],
			is: ['sjúkradagpeningar'],
			en: ['sickness benefit', 'sick pay']
		},
		forms: { sjúkradagpeningar: ['sjúkradagpeninga'] },
		explanation: {
			en: 'Income while off work through sickness, first from the employer, then from the state.',
			nb: 'Inntekt under sykefravær, først fra arbeidsgiveren, så fra det offentlige.'
		}
	},
	{
		id: 'unemployment-benefit',
		terms: {
			nb: ['dagpenger'],
			sv: ['arbetslöshetsersättning', 'a-kassa'],
			da: ['dagpenge', 'arbejdsløshedsdagpenge'],
			fi: ['työttömyysturva', 'ansiopäiväraha'],
			is: ['atvinnuleysisbætur'],
			en: ['unemployment benefit', 'unemployment insurance']
		},
		forms: { atvinnuleysisbætur: ['atvinnuleysisbót'] },
		explanation: {
			en: 'Income while unemployed and looking for work; in Sweden, Denmark and Finland largely paid by unemployment insurance funds (a-kassa).',
			nb: 'Inntekt mens man er ledig og søker arbeid; i Sverige, Danmark og Finland i stor grad fra arbeidsløshetskasser (a-kassa).'
		}
	},
	{
		id: 'permanent-employment',
		terms: {
			nb: ['fast ansettelse', 'fast stilling'],
			sv: ['tillsvidareanställning', 'fast anställning'],
			da: ['fastansættelse', 'fast ansættelse'],
			fi: ['vakituinen työsuhde', 'toistaiseksi voimassa oleva työsuhde'],
			is: ['fastráðning'],
			en: ['permanent employment', 'permanent contract']
		},
		forms: {
			'vakituinen työsuhde': ['vakituinen työsuhtee'],
			'toistaiseksi voimassa oleva työsuhde': ['toistaiseksi voimassa oleva työsuhtee']
		},
		explanation: {
			en: 'A job without an end date; the 2010 report notes that follow-up in Norway often stopped soon after permanent employment.',
			nb: 'En stilling uten sluttdato; rapporten fra 2010 peker på at oppfølgingen i Norge ofte sluttet kort tid etter fast ansettelse.'
		}
	},
	{
		id: 'trade-union',
		terms: {
			nb: ['fagforening'],
			sv: ['fackförening', 'fackförbund', 'facket'],
			da: ['fagforening'],
			fi: ['ammattiliitto'],
			is: ['stéttarfélag'],
			en: ['trade union', 'union']
		},
		unmarked: ['union'],
		forms: { ammattiliitto: ['ammattiliito'], stéttarfélag: ['stéttarfélög'] },
		explanation: {
			en: 'An organisation of employees; the employers at the 2010 conference wanted the unions involved.',
			nb: 'En organisasjon for arbeidstakere; arbeidsgiverne på konferansen i 2010 ville ha fagforeningen på banen.'
		}
	},
	{
		id: 'social-insurance-agency',
		terms: {
			nb: ['trygdekontor'],
			sv: ['Försäkringskassan'],
			da: ['Udbetaling Danmark'],
			fi: ['Kela', 'Kansaneläkelaitos'],
			is: ['Tryggingastofnun'],
			en: ['social insurance agency']
		},
		differsByCountry: true,
		forms: { Kansaneläkelaitos: ['Kansaneläkelaitokse'] },
		explanation: {
			en: 'The agency that pays social insurance benefits such as sickness benefit and disability pension: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); in Norway NAV does this too.',
			nb: 'Etaten som utbetaler trygdeytelser som sykepenger og uføretrygd: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); i Norge gjør NAV dette.'
		},
		notes: {
			en: 'Trygdekontoret is the old Norwegian name, still heard for NAV.',
			nb: 'Trygdekontoret er det gamle navnet, som fortsatt brukes om NAV.'
		}
	},
	{
		id: 'assistive-devices',
		terms: {
			nb: ['hjelpemidler', 'hjelpemiddel'],
			sv: ['hjälpmedel'],
			da: ['hjælpemidler', 'hjælpemiddel'],
			fi: ['apuväline'],
			is: ['hjálpartæki'],
			en: ['assistive devices', 'assistive technology', 'aids']
		},
		unmarked: ['aids'],
		explanation: {
			en: 'Equipment that helps a person work or live independently, from an adapted chair to software.',
			nb: 'Utstyr som gjør det lettere å arbeide eller leve selvstendig, fra tilpasset stol til programvare.'
		}
	},
	{
		id: 'personal-assistance-at-work',
		terms: {
			nb: ['funksjonsassistanse', 'arbeidsassistent'],
			sv: ['personligt biträde'],
			da: ['personlig assistance', 'personlig assistent'],
			fi: ['henkilökohtainen avustaja'],
			en: ['personal assistance at work', 'work assistant']
		},
		explanation: {
			en: 'A person paid to do the practical tasks a worker with a disability cannot do, while the worker does the job.',
			nb: 'En person som gjør de praktiske oppgavene en arbeidstaker med funksjonsnedsettelse ikke kan gjøre selv, mens arbeidstakeren gjør jobben.'
		}
	},
	{
		id: 'employer',
		terms: {
			nb: ['arbeidsgiver'],
			sv: ['arbetsgivare'],
			da: ['arbejdsgiver'],
			fi: ['työnantaja'],
			is: ['atvinnurekandi', 'vinnuveitandi'],
			en: ['employer']
		},
		forms: { atvinnurekandi: ['atvinnurekend'], vinnuveitandi: ['vinnuveitend'] },
		explanation: {
			en: 'The company or public body that hires the worker; in supported employment a customer of the service too.',
			nb: 'Virksomheten som ansetter arbeidstakeren; i SE også en kunde av tjenesten.'
		}
	},
	{
		id: 'employee',
		terms: {
			nb: ['arbeidstaker'],
			sv: ['arbetstagare'],
			da: ['arbejdstager', 'medarbejder'],
			fi: ['työntekijä'],
			is: ['launþegi', 'starfsmaður'],
			en: ['employee', 'worker']
		},
		unmarked: ['worker'],
		forms: { starfsmaður: ['starfsmann', 'starfsmenn'] },
		explanation: {
			en: 'A person in paid work under an employment contract.',
			nb: 'En person i lønnet arbeid med arbeidsavtale.'
		}
	},
	{
		id: 'job-seeker',
		terms: {
			nb: ['arbeidssøker'],
			sv: ['arbetssökande'],
			da: ['jobsøger', 'ledig'],
			fi: ['työnhakija'],
			is: ['atvinnuleitandi'],
			en: ['jobseeker', 'job seeker']
		},
		unmarked: ['ledig'],
		forms: { atvinnuleitandi: ['atvinnuleitend'] },
		explanation: {
			en: 'A person registered with the employment service as looking for work.',
			nb: 'En person som er registrert hos NAV eller tilsvarende som arbeidssøkende.'
		}
	}
];

/** The default glossary, in display order: the 2010 report's language help first. */
export const defaultGlossary: Glossary = [...fromReport, ...coreTerms];

/** A fresh copy of the default glossary for a new conference, which may then edit its own. */
export function createDefaultGlossary(): GlossaryConcept[] {
	return structuredClone(defaultGlossary) as GlossaryConcept[];
}
