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
			nb: 'Å formidle arbeidssøkere til ledige stillinger: kjerneoppgaven til den offentlige arbeidsformidlingen, men gjøres også av private.',
			sv: 'Att föra samman arbetssökande och lediga jobb: kärnuppgiften för den offentliga arbetsförmedlingen, men också privata aktörer gör det.',
			da: 'At bringe jobsøgende og ledige stillinger sammen: kerneopgaven for den offentlige arbejdsformidling, men også private bureauer gør det.',
			is: 'Að leiða saman atvinnuleitendur og laus störf: kjarnaverkefni opinberrar vinnumiðlunar, en einkareknar vinnumiðlanir sinna því líka.',
			fi: 'Työnhakijoiden ja avoimien työpaikkojen yhteen saattaminen: julkisen työvoimapalvelun ydintehtävä, jota tekevät myös yksityiset toimijat.'
		},
		notes: {
			en: 'With a capital A, Arbetsförmedlingen is the Swedish agency itself (see public employment service).',
			nb: 'Med stor A er Arbetsförmedlingen selve den svenske etaten (se offentlig arbeidsformidling).',
			sv: 'Med stort A är Arbetsförmedlingen själva den svenska myndigheten (se offentlig arbetsförmedling).',
			da: 'Med stort A er Arbetsförmedlingen selve den svenske myndighed (se offentlig arbejdsformidling).',
			is: 'Með stóru A er Arbetsförmedlingen sjálf sænska stofnunin (sjá opinber vinnumiðlun).',
			fi: 'Isolla kirjoitettuna Arbetsförmedlingen on itse Ruotsin työvoimaviranomainen (ks. julkinen työvoimapalvelu).'
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
			nb: 'Den offentlige arbeidsformidlingen: NAV i Norge, Arbetsförmedlingen i Sverige, de kommunale jobcentrene i Danmark, TE-palvelut i Finland (drevet av kommunene fra 2025), Vinnumálastofnun på Island.',
			sv: 'Den offentliga arbetsförmedlingen: NAV i Norge, Arbetsförmedlingen i Sverige, de kommunala jobbcentren i Danmark, TE-tjänsterna i Finland (som kommunerna sköter sedan 2025), Vinnumálastofnun på Island och Jobcentre Plus i Storbritannien.',
			da: 'Den offentlige arbejdsformidling: NAV i Norge, Arbetsförmedlingen i Sverige, de kommunale jobcentre i Danmark, TE-tjenesterne i Finland (drevet af kommunerne siden 2025), Vinnumálastofnun i Island og Jobcentre Plus i Storbritannien.',
			is: 'Opinber vinnumiðlun: NAV í Noregi, Arbetsförmedlingen í Svíþjóð, jobcenter sveitarfélaganna í Danmörku, TE-þjónustan í Finnlandi (sem sveitarfélögin reka frá 2025), Vinnumálastofnun á Íslandi og Jobcentre Plus í Bretlandi.',
			fi: 'Julkinen työvoimapalvelu: NAV Norjassa, Arbetsförmedlingen Ruotsissa, kuntien jobcenterit Tanskassa, TE-palvelut Suomessa (vuodesta 2025 kuntien järjestämiä), Vinnumálastofnun Islannissa ja Jobcentre Plus Isossa-Britanniassa.'
		},
		notes: {
			en: 'Not the same thing in every country: NAV also pays pensions and benefits and runs social services with the municipality; Danish jobcentres belong to the municipalities. TE-byrå and arbets- och näringsbyrå are Finland-Swedish.',
			nb: 'Ikke det samme i alle land: NAV utbetaler også pensjoner og trygd og har sosialtjenesten sammen med kommunen; de danske jobcentrene er kommunale. TE-byrå og arbets- och näringsbyrå er finlandssvensk.',
			sv: 'Inte samma sak i alla länder: NAV betalar också ut pensioner och ersättningar och sköter socialtjänsten tillsammans med kommunen; de danska jobbcentren är kommunala. TE-byrå och arbets- och näringsbyrå är finlandssvenska.',
			da: 'Ikke det samme i alle lande: NAV udbetaler også pensioner og ydelser og driver socialtjenesten sammen med kommunen; de danske jobcentre er kommunale. TE-byrå og arbets- och näringsbyrå er finlandssvensk.',
			is: 'Ekki það sama í öllum löndum: NAV greiðir líka lífeyri og bætur og sinnir félagsþjónustu með sveitarfélaginu; dönsku jobcenterin heyra undir sveitarfélögin. TE-byrå og arbets- och näringsbyrå eru finnlandssænska.',
			fi: 'Ei sama asia kaikissa maissa: NAV maksaa myös eläkkeet ja etuudet ja hoitaa sosiaalipalvelut yhdessä kunnan kanssa; Tanskan jobcenterit ovat kunnallisia. TE-byrå ja arbets- och näringsbyrå ovat suomenruotsia.'
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
			nb: 'Den som i et SE-tilbud hjelper arbeidssøkeren å finne jobb og støtter arbeidstaker, arbeidsgiver og kolleger på arbeidsplassen.',
			sv: 'Den som i en verksamhet med supported employment hjälper en arbetssökande att hitta ett jobb och stöttar arbetstagare, arbetsgivare och kollegor på arbetsplatsen.',
			da: 'Den, der i et supported employment-tilbud hjælper en jobsøger med at finde et job og støtter medarbejder, arbejdsgiver og kolleger på arbejdspladsen.',
			is: 'Sá sem í þjónustu við atvinnu með stuðningi hjálpar atvinnuleitanda að finna starf og styður starfsmann, atvinnurekanda og samstarfsfólk á vinnustaðnum.',
			fi: 'Tuetun työllistymisen palvelun työntekijä, joka auttaa työnhakijaa löytämään työpaikan ja tukee työntekijää, työnantajaa ja työtovereita työpaikalla.'
		},
		notes: {
			en: 'Titles vary: tilrettelegger (Arbeid med bistand) and jobbspesialist (IPS) in Norway, SIUS-konsulent in Sweden, arbetskonsulent in Finland-Swedish, työhönvalmentaja in Finnish supported employment. In Norway veileder more often means the NAV caseworker. The 2010 report also lists utförare here; that is the provider organisation (see service provider).',
			nb: 'Titlene varierer: tilrettelegger (Arbeid med bistand) og jobbspesialist (IPS) i Norge, SIUS-konsulent i Sverige, arbetskonsulent på finlandssvensk, työhönvalmentaja på finsk. Veileder betyr oftere saksbehandleren i NAV. Rapporten fra 2010 har også utförare her; det er leverandøren (se tiltaksarrangør).',
			sv: 'Titlarna varierar: tilrettelegger (Arbeid med bistand) och jobbspesialist (IPS) i Norge, SIUS-konsulent i Sverige, arbetskonsulent på finlandssvenska, työhönvalmentaja på finska. I Norge betyder veileder oftare handläggaren på NAV. Rapporten från 2010 nämner också utförare här; det är den organisation som levererar tjänsten (se utförare).',
			da: 'Titlerne varierer: tilrettelegger (Arbeid med bistand) og jobbspesialist (IPS) i Norge, SIUS-konsulent i Sverige, arbetskonsulent på finlandssvensk, työhönvalmentaja på finsk. I Norge betyder veileder oftere sagsbehandleren i NAV. Rapporten fra 2010 nævner også utförare her; det er den organisation, der leverer indsatsen (se leverandør).',
			is: 'Starfsheitin eru ólík: tilrettelegger (Arbeid med bistand) og jobbspesialist (IPS) í Noregi, SIUS-konsulent í Svíþjóð, arbetskonsulent á finnlandssænsku, työhönvalmentaja á finnsku. Í Noregi merkir veileder oftar ráðgjafa hjá NAV. Í skýrslunni frá 2010 er utförare líka nefnt hér; það er sá sem veitir þjónustuna (sjá þjónustuaðili).',
			fi: 'Nimikkeet vaihtelevat: Norjassa tilrettelegger (Arbeid med bistand) ja jobbspesialist (IPS), Ruotsissa SIUS-konsulent, suomenruotsiksi arbetskonsulent ja suomeksi tuetussa työllistymisessä työhönvalmentaja. Norjassa veileder tarkoittaa useammin NAVin virkailijaa. Vuoden 2010 raportissa tässä on myös utförare; se tarkoittaa palvelun tuottavaa organisaatiota (ks. palveluntuottaja).'
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
			nb: 'Den som i NAV, jobcenteret eller kommunen har ansvaret for en persons sak og vedtar tiltak og ytelser.',
			sv: 'Tjänstepersonen på arbetsförmedlingen, Försäkringskassan eller kommunen som handlägger en persons ärende och beslutar om insatser och ersättningar.',
			da: 'Medarbejderen i jobcentret, forvaltningen eller kommunen, der behandler en persons sag og træffer afgørelse om indsatser og ydelser.',
			is: 'Starfsmaðurinn hjá vinnumiðlun, velferðarþjónustu eða sveitarfélagi sem fer með mál einstaklings og ákveður úrræði og bætur.',
			fi: 'Työvoimapalvelun, sosiaalitoimiston tai kunnan työntekijä, joka hoitaa henkilön asiaa ja päättää toimenpiteistä ja etuuksista.'
		},
		notes: {
			en: 'The 2010 report lists handledare here, but in Swedish a handledare is a supervisor or mentor (see workplace mentor); the Swedish caseworker is a handläggare. Arbetskraftsrådgivare is Finland-Swedish.',
			nb: 'Rapporten fra 2010 har handledare her, men på svensk er en handledare en veileder eller mentor på arbeidsplassen; den svenske saksbehandleren er en handläggare.',
			sv: 'Rapporten från 2010 har handledare här, men på svenska är en handledare en mentor eller arbetsledare (se handledare); den svenska motsvarigheten är handläggare. Arbetskraftsrådgivare är finlandssvenska.',
			da: 'Rapporten fra 2010 har handledare her, men på svensk er en handledare en mentor eller vejleder på arbejdspladsen (se mentor); den svenske sagsbehandler hedder handläggare. Arbetskraftsrådgivare er finlandssvensk.',
			is: 'Í skýrslunni frá 2010 stendur handledare hér, en á sænsku er handledare leiðbeinandi eða mentor á vinnustað (sjá leiðbeinandi); sænski ráðgjafinn heitir handläggare. Arbetskraftsrådgivare er finnlandssænska.',
			fi: 'Vuoden 2010 raportissa tässä on handledare, mutta ruotsiksi handledare on työpaikkaohjaaja tai mentori (ks. työpaikkaohjaaja); ruotsalainen virkailija on handläggare. Arbetskraftsrådgivare on suomenruotsia.'
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
			nb: 'Et offentlig forvaltningsorgan under et departement som har ansvar for ett område.',
			sv: 'Ett offentligt organ under ett departement som ansvarar för ett politikområde.',
			da: 'En offentlig myndighed under et ministerium, der har ansvaret for ét område.',
			is: 'Opinber stofnun undir ráðuneyti sem ber ábyrgð á einu málefnasviði.',
			fi: 'Ministeriön alainen julkinen virasto, joka vastaa yhdestä hallinnonalasta.'
		},
		notes: {
			en: 'The 2010 report writes värk; the Swedish word is verk (värk means ache). In Swedish, styrelse usually means a board, though a few agencies are called -styrelsen.',
			nb: 'Rapporten fra 2010 skriver värk; det svenske ordet er verk (värk betyr verk som i smerte). På svensk betyr styrelse oftest et styre.',
			sv: 'Rapporten från 2010 skriver värk; det svenska ordet är verk (värk betyder smärta). På svenska betyder styrelse oftast ett styrelseorgan, även om några myndigheter heter -styrelsen.',
			da: 'Rapporten fra 2010 skriver värk; det svenske ord er verk (värk betyder smerte). På svensk betyder styrelse oftest en bestyrelse, selv om nogle få myndigheder hedder -styrelsen.',
			is: 'Í skýrslunni frá 2010 stendur värk; sænska orðið er verk (värk merkir verkur). Á sænsku merkir styrelse oftast stjórn, þótt nokkrar stofnanir heiti -styrelsen.',
			fi: 'Vuoden 2010 raportissa lukee värk; ruotsin sana on verk (värk tarkoittaa särkyä). Ruotsissa styrelse tarkoittaa yleensä hallitusta, vaikka muutaman viraston nimi päättyy -styrelsen.'
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
			nb: 'Nivået mellom stat og kommune: fylke i Norge, län og region i Sverige, region i Danmark, maakunta og velferdsområde i Finland; Island har ikke noe regionalt forvaltningsnivå.',
			sv: 'Nivån mellan stat och kommun: fylke i Norge, län och region i Sverige, region i Danmark, maakunta och välfärdsområde i Finland; Island har ingen regional förvaltningsnivå.',
			da: 'Niveauet mellem stat og kommune: fylke i Norge, län og region i Sverige, region i Danmark, maakunta og velfærdsområde i Finland; Island har intet regionalt forvaltningsniveau.',
			is: 'Stjórnsýslustigið milli ríkis og sveitarfélaga: fylke í Noregi, län og region í Svíþjóð, region í Danmörku, maakunta og velferðarsvæði í Finnlandi; á Íslandi er ekkert slíkt millistig.',
			fi: 'Valtion ja kunnan välinen taso: Norjassa fylke, Ruotsissa län ja region, Tanskassa region, Suomessa maakunta ja hyvinvointialue; Islannissa ei ole alueellista hallintotasoa.'
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
			nb: 'Tiltak som skal hjelpe personer med nedsatt arbeidsevne på grunn av sykdom eller skade tilbake til arbeid eller utdanning.',
			sv: 'Insatser som ska hjälpa den vars arbetsförmåga har nedsatts av sjukdom eller skada tillbaka till arbete eller utbildning.',
			da: 'Indsatser, der skal hjælpe en person, hvis arbejdsevne er nedsat af sygdom eller skade, tilbage i arbejde eller uddannelse.',
			is: 'Úrræði sem eiga að hjálpa fólki með skerta starfsgetu vegna veikinda eða slyss aftur til vinnu eða náms.',
			fi: 'Toimenpiteet, joilla sairauden tai vamman vuoksi heikentyneen työkyvyn omaavaa henkilöä autetaan takaisin työhön tai koulutukseen.'
		},
		notes: {
			en: 'Attføring (NO) and revalidering (DK) are the older words. Habilitering, for disabilities present from birth, is a different thing (see habilitation).',
			nb: 'Attføring (NO) og revalidering (DK) er de eldre ordene. Habilitering, for funksjonsnedsettelser fra fødselen av, er noe annet.',
			sv: 'Attføring (NO) och revalidering (DK) är de äldre orden. Habilitering, för funktionsnedsättningar från födseln, är något annat (se habilitering).',
			da: 'Attføring (NO) og revalidering (DK) er de ældre ord. Habilitering, for funktionsnedsættelser fra fødslen, er noget andet (se habilitering).',
			is: 'Attføring (NO) og revalidering (DK) eru eldri orðin. Hæfing, vegna fötlunar frá fæðingu, er annað (sjá hæfing).',
			fi: 'Attføring (NO) ja revalidering (DK) ovat vanhempia sanoja. Habilitaatio, syntymästä asti olevien toimintarajoitteiden vuoksi, on eri asia (ks. habilitaatio).'
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
			nb: 'Tjenester som skal hjelpe personer med medfødt eller tidlig ervervet funksjonsnedsettelse å utvikle og beholde ferdigheter.',
			sv: 'Stöd till personer med en funktionsnedsättning från födseln eller tidig barndom att utveckla och behålla sina förmågor; i Sverige en regional hälso- och sjukvårdsverksamhet (habiliteringen).',
			da: 'Støtte til personer med en funktionsnedsættelse fra fødslen eller den tidlige barndom til at udvikle og bevare deres færdigheder; i Sverige en regional sundhedstjeneste (habiliteringen).',
			is: 'Stuðningur við fólk með fötlun frá fæðingu eða frumbernsku til að þroska og viðhalda færni sinni; í Svíþjóð svæðisbundin heilbrigðisþjónusta (habiliteringen).',
			fi: 'Tuki syntymästä tai varhaislapsuudesta asti vammaisille henkilöille kykyjen kehittämiseen ja ylläpitämiseen; Ruotsissa alueellinen terveyspalvelu (habiliteringen).'
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
			nb: 'Det norske SE-liknende tiltaket som NAV kjøpte fra tiltaksarrangører; fra 2016 en del av tiltaket Oppfølging.',
			sv: 'Norges program för supported employment, som NAV köpte av utförare; sedan 2016 en del av insatsen Oppfølging (uppföljning).',
			da: 'Norges supported employment-program, som NAV købte hos leverandører; siden 2016 en del af indsatsen Oppfølging (opfølgning).',
			is: 'Norskt úrræði um atvinnu með stuðningi sem NAV keypti af þjónustuaðilum; frá 2016 hluti af úrræðinu Oppfølging (eftirfylgd).',
			fi: 'Norjan tuetun työllistymisen ohjelma, jonka NAV osti palveluntuottajilta; vuodesta 2016 osa Oppfølging-toimenpidettä (seuranta).'
		},
		notes: {
			en: 'A Norwegian programme; other countries have their own (SIUS in Sweden, Atvinna með stuðningi in Iceland). AB also means a limited company in Swedish, so it is not marked in notes.',
			nb: 'Et norsk tiltak; andre land har sine egne (SIUS i Sverige, Atvinna með stuðningi på Island).',
			sv: 'Ett norskt program; andra länder har sina egna (SIUS i Sverige, Atvinna með stuðningi på Island). AB betyder också aktiebolag på svenska, så förkortningen markeras inte i lappar.',
			da: 'Et norsk program; andre lande har deres egne (SIUS i Sverige, Atvinna með stuðningi i Island). AB betyder også aktieselskab på svensk, så forkortelsen markeres ikke i sedler.',
			is: 'Norskt úrræði; önnur lönd hafa sín eigin (SIUS í Svíþjóð, Atvinna með stuðningi á Íslandi). AB merkir líka hlutafélag á sænsku og er því ekki merkt í miðum.',
			fi: 'Norjalainen ohjelma; muilla mailla on omansa (SIUS Ruotsissa, Atvinna með stuðningi Islannissa). AB tarkoittaa ruotsiksi myös osakeyhtiötä, joten lyhennettä ei merkitä lappuihin.'
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
			sv: 'Dansk ordning: ett jobb på särskilda villkor (färre timmar, anpassade uppgifter) för personer med varaktigt och väsentligt nedsatt arbetsförmåga; arbetsgivaren betalar för det arbete som utförs och kommunen fyller på inkomsten.',
			da: 'Job på særlige vilkår for personer med varigt og væsentligt nedsat arbejdsevne; arbejdsgiveren betaler for det udførte arbejde, og kommunen giver et tilskud.',
			is: 'Dönsk tilhögun: starf á sérstökum kjörum (færri vinnustundir, aðlöguð verkefni) fyrir fólk með varanlega og verulega skerta starfsgetu; atvinnurekandinn greiðir fyrir unnið verk og sveitarfélagið bætir við tekjurnar.',
			fi: 'Tanskalainen järjestely: työ erityisehdoin (lyhyempi työaika, sovitetut tehtävät) henkilöille, joiden työkyky on pysyvästi ja olennaisesti alentunut; työnantaja maksaa tehdystä työstä ja kunta täydentää tuloja.'
		},
		notes: {
			en: 'No direct equivalent in the other countries; the 2010 report renders it as a job with a wage subsidy on special terms.',
			nb: 'Ingen direkte motsvarighet i de andre landene; rapporten fra 2010 beskriver det som jobb med lønnstilskudd og særlige vilkår.',
			sv: 'Ingen direkt motsvarighet i de andra länderna; rapporten från 2010 beskriver det som ett jobb med lönebidrag på särskilda villkor.',
			da: 'Ingen direkte modsvarighed i de andre lande; rapporten fra 2010 beskriver det som et job med løntilskud på særlige vilkår.',
			is: 'Engin bein hliðstæða í hinum löndunum; í skýrslunni frá 2010 er því lýst sem starfi með launastyrk á sérstökum kjörum.',
			fi: 'Muissa maissa ei ole suoraa vastinetta; vuoden 2010 raportti kuvaa sen palkkatuettuna työnä erityisehdoin.'
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
			sv: 'Danskt jobb med lönebidrag för personer som har förtidspension (førtidspension); heter i dag officiellt job med løntilskud for førtidspensionister.',
			da: 'Job med løntilskud for personer, der modtager førtidspension.',
			is: 'Danskt starf með launastyrk fyrir fólk sem fær örorkulífeyri (førtidspension); heitir nú opinberlega job med løntilskud for førtidspensionister.',
			fi: 'Tanskalainen palkkatuettu työ työkyvyttömyyseläkettä (førtidspension) saaville; virallinen nimi on nykyään job med løntilskud for førtidspensionister.'
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
			nb: 'Arbeid for personer med funksjonsnedsettelse i et skjermet miljø utenfor det ordinære arbeidslivet, vanligvis uten ordinær lønn; ikke supported employment.',
			sv: 'Arbete för personer med funktionsnedsättning i en skyddad miljö utanför den öppna arbetsmarknaden, oftast utan vanlig lön; inte supported employment.',
			da: 'Arbejde for personer med handicap i et beskyttet miljø uden for det almindelige arbejdsmarked, som regel uden almindelig løn; ikke supported employment.',
			is: 'Vinna fyrir fatlað fólk í vernduðu umhverfi utan almenns vinnumarkaðar, yfirleitt án venjulegra launa; ekki atvinna með stuðningi.',
			fi: 'Vammaisten henkilöiden työ suojatussa ympäristössä avoimien työmarkkinoiden ulkopuolella, yleensä ilman tavallista palkkaa; ei tuettua työllistymistä.'
		},
		notes: {
			en: 'Samhall in Sweden is a state-owned company that employs people with disabilities on ordinary wages; VTA in Norway is sheltered work for people on disability benefit.',
			nb: 'Samhall i Sverige er et statlig selskap som ansetter personer med funksjonsnedsettelse med ordinær lønn; VTA er for personer på uføretrygd.',
			sv: 'Samhall i Sverige är ett statligt bolag som anställer personer med funktionsnedsättning med vanlig lön; VTA i Norge är skyddat arbete för personer med uförersättning.',
			da: 'Samhall i Sverige er et statsejet selskab, der ansætter personer med handicap til almindelig løn; VTA i Norge er beskyttet arbejde for personer på invaliditetsydelse.',
			is: 'Samhall í Svíþjóð er ríkisfyrirtæki sem ræður fatlað fólk á venjulegum launum; VTA í Noregi er vernduð vinna fyrir fólk á örorkubótum.',
			fi: 'Samhall on Ruotsin valtionyhtiö, joka palkkaa vammaisia henkilöitä tavallisella palkalla; VTA on Norjassa suojatyötä työkyvyttömyysetuutta saaville.'
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
			nb: 'Tid på en ordinær arbeidsplass for å prøve ut eller lære en jobb, vanligvis uten lønn mens personen beholder ytelsen sin.',
			sv: 'Tid på en vanlig arbetsplats för att pröva på eller lära sig ett jobb, oftast utan lön medan personen behåller sin ersättning.',
			da: 'Tid på en almindelig arbejdsplads for at prøve eller lære et job, som regel uden løn, mens personen beholder sin ydelse.',
			is: 'Tími á almennum vinnustað til að prófa eða læra starf, yfirleitt launalaust á meðan viðkomandi heldur bótum sínum.',
			fi: 'Jakso tavallisella työpaikalla työn kokeilemiseksi tai oppimiseksi, yleensä palkatta niin, että henkilö säilyttää etuutensa.'
		},
		notes: {
			en: 'A placement is not a job: supported employment aims at paid work, and a placement without close follow-up is not SE. Hospitering (NO) is a short stay to learn from another workplace.',
			nb: 'Praksis er ikke en jobb: SE sikter mot lønnet arbeid, og praksisplass uten tett oppfølging er ikke SE.',
			sv: 'Praktik är inte ett jobb: supported employment siktar på avlönat arbete, och en praktikplats utan nära uppföljning är inte SE. Hospitering (NO) är ett kort besök för att lära av en annan arbetsplats.',
			da: 'Praktik er ikke et job: supported employment sigter mod lønnet arbejde, og en praktikplads uden tæt opfølgning er ikke SE. Hospitering (NO) er et kort ophold for at lære af en anden arbejdsplads.',
			is: 'Starfsþjálfun er ekki starf: atvinna með stuðningi stefnir að launaðri vinnu og starfsþjálfun án náinnar eftirfylgdar er ekki SE. Hospitering (NO) er stutt dvöl til að læra af öðrum vinnustað.',
			fi: 'Työkokeilu ei ole työpaikka: tuettu työllistyminen tähtää palkkatyöhön, eikä työkokeilu ilman tiivistä seurantaa ole SE:tä. Hospitering (NO) on lyhyt vierailu toiselle työpaikalle oppimaan.'
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
			nb: 'Meningsfull aktivitet på dagtid for voksne med funksjonsnedsettelse som ikke er i arbeid; i Sverige en rettighet etter LSS. Ikke arbeid.',
			sv: 'Meningsfull sysselsättning dagtid för vuxna med funktionsnedsättning som inte arbetar; i Sverige en rättighet enligt LSS. Inte anställning.',
			da: 'Meningsfuld aktivitet i dagtimerne for voksne med handicap, som ikke er i arbejde; i Sverige en rettighed efter LSS-loven. Ikke beskæftigelse på arbejdsmarkedet.',
			is: 'Innihaldsrík dagþjónusta fyrir fatlað fullorðið fólk sem er ekki í vinnu; í Svíþjóð réttindi samkvæmt LSS-lögunum. Ekki atvinna.',
			fi: 'Mielekästä päivätoimintaa aikuisille vammaisille, jotka eivät ole työssä; Ruotsissa LSS-lain mukainen oikeus. Ei työsuhde.'
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
			nb: 'Å være i arbeid eller arbeidsliknende aktivitet; om det betyr lønnet jobb, avhenger av land og sammenheng.',
			sv: 'Att vara i arbete eller arbetsliknande aktivitet; om det betyder ett avlönat jobb beror på land och sammanhang.',
			da: 'At være i arbejde eller arbejdslignende aktivitet; om det betyder et lønnet job, afhænger af land og sammenhæng.',
			is: 'Að vera í vinnu eða vinnulíkri virkni; hvort átt er við launað starf fer eftir landi og samhengi.',
			fi: 'Työssä tai työnomaisessa toiminnassa oleminen; tarkoittaako se palkkatyötä, riippuu maasta ja yhteydestä.'
		},
		notes: {
			en: 'Not the same thing: the 2010 report warns that arbeid, job(b) and sysselsetting differ. In Swedish disability services sysselsättning often means an activity without a wage, while Danish beskæftigelse usually means paid work.',
			nb: 'NB! Ikke det samme: arbeid, jobb og sysselsetting er forskjellige ting. I Sverige betyr sysselsättning ofte aktivitet uten lønn, mens dansk beskæftigelse vanligvis er lønnet arbeid.',
			sv: 'Inte samma sak: rapporten från 2010 varnar för att arbeid, job(b) och sysselsetting skiljer sig åt. Inom svensk funktionshinderomsorg betyder sysselsättning ofta en aktivitet utan lön, medan danska beskæftigelse oftast är avlönat arbete.',
			da: 'Ikke det samme: rapporten fra 2010 advarer om, at arbeid, job(b) og sysselsetting er forskellige ting. I svensk handicapindsats betyder sysselsättning ofte en aktivitet uden løn, mens dansk beskæftigelse som regel er lønnet arbejde.',
			is: 'Ekki það sama: í skýrslunni frá 2010 er varað við því að arbeid, job(b) og sysselsetting eru ólík hugtök. Í sænskri þjónustu við fatlað fólk merkir sysselsättning oft virkni án launa, en danska beskæftigelse er yfirleitt launuð vinna.',
			fi: 'Ei sama asia: vuoden 2010 raportti varoittaa, että arbeid, job(b) ja sysselsetting eroavat toisistaan. Ruotsin vammaispalveluissa sysselsättning tarkoittaa usein palkatonta toimintaa, kun taas tanskan beskæftigelse on yleensä palkkatyötä.'
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
			nb: 'Penger fra det offentlige når en person ikke kan forsørge seg selv på grunn av sykdom, ledighet, uførhet eller alder.',
			sv: 'Pengar från det allmänna när en person inte kan försörja sig på grund av sjukdom, arbetslöshet, funktionsnedsättning eller ålder.',
			da: 'Penge fra det offentlige, når en person ikke kan forsørge sig selv på grund af sygdom, ledighed, handicap eller alder.',
			is: 'Greiðslur frá hinu opinbera þegar einstaklingur getur ekki séð sér farborða vegna veikinda, atvinnuleysis, fötlunar eða aldurs.',
			fi: 'Julkisen vallan maksama raha, kun henkilö ei voi elättää itseään sairauden, työttömyyden, vamman tai iän vuoksi.'
		},
		notes: {
			en: 'The 2010 report pairs Norwegian trygd with Danish pension: in Danish, pension is the benefit paid to pensioners of any age, including førtidspension.',
			nb: 'Rapporten fra 2010 setter trygd sammen med dansk pension: på dansk er pension ytelsen til pensjonister i alle aldre, også førtidspension.',
			sv: 'Rapporten från 2010 ställer norska trygd mot danska pension: på danska är pension ersättningen till pensionärer i alla åldrar, också förtidspension.',
			da: 'Rapporten fra 2010 sætter norsk trygd over for dansk pension: på dansk er pension ydelsen til pensionister i alle aldre, også førtidspension.',
			is: 'Í skýrslunni frá 2010 er norska trygd parað við danska pension: á dönsku er pension greiðsla til lífeyrisþega á öllum aldri, líka førtidspension.',
			fi: 'Vuoden 2010 raportti rinnastaa norjan trygd ja tanskan pension: tanskaksi pension on eläkeläisten etuus iästä riippumatta, myös førtidspension.'
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
			nb: 'En varig ytelse til personer med varig nedsatt arbeidsevne på grunn av sykdom eller skade.',
			sv: 'En långvarig ersättning till personer vars arbetsförmåga är varaktigt nedsatt av sjukdom eller funktionsnedsättning.',
			da: 'En varig ydelse til personer, hvis arbejdsevne er varigt nedsat af sygdom eller handicap.',
			is: 'Langtímagreiðsla til fólks sem hefur varanlega skerta starfsgetu vegna veikinda eða fötlunar.',
			fi: 'Pitkäaikainen etuus henkilöille, joiden työkyky on pysyvästi alentunut sairauden tai vamman vuoksi.'
		},
		notes: {
			en: 'Names change: Norway’s uførepensjon became uføretrygd in 2015; Sweden’s förtidspension became sjukersättning (aktivitetsersättning for those under 30) in 2003.',
			nb: 'Navnene endres: uførepensjon ble uføretrygd i 2015; svensk förtidspension ble sjukersättning (aktivitetsersättning for unge under 30) i 2003.',
			sv: 'Namnen byts: Norges uførepensjon blev uføretrygd 2015; Sveriges förtidspension blev sjukersättning (aktivitetsersättning för dem under 30) 2003.',
			da: 'Navnene skifter: Norges uførepensjon blev til uføretrygd i 2015; Sveriges förtidspension blev til sjukersättning (aktivitetsersättning for unge under 30) i 2003.',
			is: 'Heitin breytast: norska uførepensjon varð uføretrygd árið 2015; sænska förtidspension varð sjukersättning (aktivitetsersättning fyrir þá sem eru yngri en 30 ára) árið 2003.',
			fi: 'Nimet muuttuvat: Norjan uførepensjon muuttui uføretrygdiksi vuonna 2015; Ruotsin förtidspension muuttui vuonna 2003 sjukersättningiksi (alle 30-vuotiailla aktivitetsersättning).'
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
			nb: 'Det siste sikkerhetsnettet: behovsprøvd økonomisk hjelp, vanligvis fra kommunen, til personer uten annen inntekt.',
			sv: 'Det yttersta skyddsnätet: behovsprövat ekonomiskt stöd, oftast från kommunen, till personer utan andra inkomster.',
			da: 'Det sidste sikkerhedsnet: behovsbestemt økonomisk hjælp, som regel fra kommunen, til personer uden anden indkomst.',
			is: 'Síðasta öryggisnetið: tekjutengd fjárhagsaðstoð, yfirleitt frá sveitarfélaginu, til fólks sem hefur engar aðrar tekjur.',
			fi: 'Viimesijainen turva: tarveharkintainen taloudellinen tuki, yleensä kunnalta, henkilöille, joilla ei ole muita tuloja.'
		},
		notes: {
			en: 'Socialbidrag is the older Swedish word; today försörjningsstöd or ekonomiskt bistånd.',
			nb: 'Socialbidrag er det eldre svenske ordet; i dag försörjningsstöd eller ekonomiskt bistånd.',
			sv: 'Socialbidrag är det äldre svenska ordet; i dag heter det försörjningsstöd eller ekonomiskt bistånd.',
			da: 'Socialbidrag er det ældre svenske ord; i dag hedder det försörjningsstöd eller ekonomiskt bistånd.',
			is: 'Socialbidrag er eldra sænska orðið; nú heitir það försörjningsstöd eða ekonomiskt bistånd.',
			fi: 'Socialbidrag on vanhempi ruotsin sana; nykyään puhutaan sanoista försörjningsstöd tai ekonomiskt bistånd.'
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
			nb: 'Hva en person klarer i arbeid, målt mot kravene i en jobb; vurderes når det skal vedtas tiltak og ytelser.',
			sv: 'Vad en person klarar i arbete, bedömt mot kraven i ett jobb; bedöms inför beslut om insatser och ersättningar.',
			da: 'Hvad en person kan klare i arbejde, målt mod kravene i et job; vurderes, når der skal træffes afgørelse om indsatser og ydelser.',
			is: 'Hvað einstaklingur ræður við í vinnu, metið út frá kröfum starfs; metið þegar ákveða á úrræði og bætur.',
			fi: 'Se, mihin henkilö työssä pystyy työn vaatimuksiin verrattuna; arvioidaan, kun päätetään toimenpiteistä ja etuuksista.'
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
			nb: 'En psykisk helsetilstand som påvirker stemning, tanker eller atferd; IPS ble utviklet for denne gruppen.',
			sv: 'Ett psykiskt hälsotillstånd som påverkar stämningsläge, tankar eller beteende; IPS utvecklades för den här gruppen.',
			da: 'En psykisk lidelse, der påvirker stemningsleje, tanker eller adfærd; IPS blev udviklet til denne gruppe.',
			is: 'Geðrænn vandi sem hefur áhrif á líðan, hugsun eða hegðun; IPS var þróað fyrir þennan hóp.',
			fi: 'Mielenterveyden häiriö, joka vaikuttaa mielialaan, ajatteluun tai käyttäytymiseen; IPS kehitettiin tälle ryhmälle.'
		},
		notes: {
			en: 'The 2010 report writes mental sykdom; in Norwegian one says psykisk lidelse or psykisk sykdom.',
			nb: 'Rapporten fra 2010 skriver mental sykdom; på norsk sier man psykisk lidelse eller psykisk sykdom.',
			sv: 'Rapporten från 2010 skriver mental sykdom; på norska säger man psykisk lidelse eller psykisk sykdom.',
			da: 'Rapporten fra 2010 skriver mental sykdom; på norsk siger man psykisk lidelse eller psykisk sykdom.',
			is: 'Í skýrslunni frá 2010 stendur mental sykdom; á norsku er sagt psykisk lidelse eða psykisk sykdom.',
			fi: 'Vuoden 2010 raportissa lukee mental sykdom; norjaksi sanotaan psykisk lidelse tai psykisk sykdom.'
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
			nb: 'Bistand til å få og beholde en vanlig lønnet jobb, med tett individuell oppfølging av både arbeidstaker og arbeidsgiver: først plassere, så trene.',
			sv: 'Att hjälpa en person med funktionsnedsättning att få och behålla ett avlönat jobb på den öppna arbetsmarknaden, med individuell uppföljning av både arbetstagare och arbetsgivare: först placera, sedan träna.',
			da: 'At hjælpe en person med handicap til at få og beholde et lønnet job på det almindelige arbejdsmarked med individuel opfølgning af både medarbejder og arbejdsgiver: først placere, så træne.',
			is: 'Að hjálpa fötluðum einstaklingi að fá og halda launuðu starfi á almennum vinnumarkaði, með einstaklingsbundinni eftirfylgd bæði við starfsmann og atvinnurekanda: fyrst ráðning, svo þjálfun.',
			fi: 'Vammaisen henkilön auttaminen saamaan ja pitämään palkkatyö avoimilla työmarkkinoilla niin, että sekä työntekijää että työnantajaa tuetaan yksilöllisesti: ensin sijoitus, sitten valmennus.'
		},
		notes: {
			en: 'Each country has its own programmes: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); in Denmark follow-up in fleksjob and skånejob plays a similar part.',
			nb: 'Hvert land har egne tiltak: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); i Danmark har oppfølging i fleksjob og skånejob en liknende rolle.',
			sv: 'Varje land har sina egna program: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); i Danmark fyller uppföljningen i fleksjob och skånejob en liknande roll.',
			da: 'Hvert land har sine egne programmer: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); i Danmark spiller opfølgningen i fleksjob og skånejob en lignende rolle.',
			is: 'Hvert land hefur sín úrræði: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); í Danmörku gegnir eftirfylgd í fleksjob og skånejob svipuðu hlutverki.',
			fi: 'Jokaisella maalla on omat ohjelmansa: Arbeid med bistand (NO), SIUS (SE), Atvinna með stuðningi (IS), tuettu työllistyminen (FI); Tanskassa fleksjob- ja skånejob-töiden seuranta on samankaltaisessa roolissa.'
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
			nb: 'Arbetsförmedlingens SE-tilbud i Sverige: en SIUS-konsulent hjelper arbeidssøkere med funksjonsnedsettelse inn i jobb og følger opp på arbeidsplassen.',
			sv: 'Arbetsförmedlingens stöd för supported employment i Sverige: en SIUS-konsulent hjälper en arbetssökande med funktionsnedsättning in i ett jobb och följer upp på arbetsplatsen.',
			da: 'Arbetsförmedlingens supported employment-indsats i Sverige: en SIUS-konsulent hjælper en jobsøger med handicap i job og følger op på arbejdspladsen.',
			is: 'Þjónusta Arbetsförmedlingen í Svíþjóð um atvinnu með stuðningi: SIUS-ráðgjafi hjálpar fötluðum atvinnuleitanda í starf og fylgir honum eftir á vinnustaðnum.',
			fi: 'Ruotsin Arbetsförmedlingenin tuetun työllistymisen palvelu: SIUS-konsulentti auttaa vammaisen työnhakijan työhön ja seuraa tilannetta työpaikalla.'
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
			nb: 'En manualbasert form for supported employment for personer med psykiske lidelser, integrert i behandlingen: rask jobbsøking, ingen trening først, oppfølging uten tidsgrense.',
			sv: 'En manualbaserad form av supported employment för personer med psykisk ohälsa, integrerad i behandlingen: snabbt jobbsökande, ingen träning först och uppföljning utan tidsgräns.',
			da: 'En manualbaseret form for supported employment for personer med psykiske lidelser, integreret i behandlingen: hurtig jobsøgning, ingen træning først og opfølgning uden tidsgrænse.',
			is: 'Stöðluð útgáfa af atvinnu með stuðningi fyrir fólk með geðrænan vanda, samþætt meðferðinni: hröð atvinnuleit, engin þjálfun fyrst og eftirfylgd án tímamarka.',
			fi: 'Käsikirjan mukainen tuetun työllistymisen malli mielenterveyskuntoutujille, osana hoitoa: nopea työnhaku, ei valmennusta ensin ja seuranta ilman aikarajaa.'
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
			nb: 'En kollega på arbeidsplassen som veileder og støtter den nye arbeidstakeren i hverdagen, noen ganger med tilskudd til arbeidsgiveren.',
			sv: 'En kollega på arbetsplatsen som handleder och stöttar den nya arbetstagaren i vardagen (naturligt stöd), ibland med bidrag till arbetsgivaren.',
			da: 'En kollega på arbejdspladsen, der vejleder og støtter den nye medarbejder i hverdagen (naturlig støtte), nogle gange med tilskud til arbejdsgiveren.',
			is: 'Samstarfsmaður á vinnustaðnum sem leiðbeinir og styður nýja starfsmanninn í daglegu starfi (náttúrulegur stuðningur), stundum með styrk til atvinnurekandans.',
			fi: 'Työtoveri, joka ohjaa ja tukee uutta työntekijää arjessa (luonnollinen tuki), joskus työnantajalle maksettavan tuen turvin.'
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
			nb: 'Virksomhet som NAV eller tilsvarende kjøper et tiltak fra, for eksempel et SE-tilbud drevet av et selskap, en stiftelse eller en kommune.',
			sv: 'En organisation som den offentliga arbetsförmedlingen köper en insats av, till exempel en verksamhet för supported employment som drivs av ett företag, en stiftelse eller en kommun.',
			da: 'En organisation, som den offentlige beskæftigelsesindsats køber en indsats hos, for eksempel et supported employment-tilbud drevet af en virksomhed, en fond eller en kommune.',
			is: 'Aðili sem opinber vinnumiðlun kaupir úrræði af, til dæmis þjónustu um atvinnu með stuðningi sem fyrirtæki, sjálfseignarstofnun eða sveitarfélag rekur.',
			fi: 'Organisaatio, jolta julkinen työvoimapalvelu ostaa palvelun, esimerkiksi yrityksen, säätiön tai kunnan tuottama tuetun työllistymisen palvelu.'
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
			nb: 'Å finne en jobb som passer personens interesser, ferdigheter og behov, og en person som passer arbeidsgiverens behov; grunnlaget for å beholde jobben.',
			sv: 'Att hitta ett jobb som passar personens intressen, förmågor och behov, och en person som passar arbetsgivarens behov; grunden för att behålla jobbet.',
			da: 'At finde et job, der passer til personens interesser, evner og behov, og en person, der passer til arbejdsgiverens behov; grundlaget for at beholde jobbet.',
			is: 'Að finna starf sem hentar áhugasviði, getu og þörfum einstaklingsins, og einstakling sem hentar þörfum atvinnurekandans; grunnurinn að því að halda starfinu.',
			fi: 'Henkilön kiinnostuksen kohteisiin, kykyihin ja tarpeisiin sopivan työn ja työnantajan tarpeisiin sopivan henkilön löytäminen; työssä pysymisen perusta.'
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
			nb: 'Å endre oppgaver, arbeidstid, utstyr eller lokaler slik at en person med nedsatt arbeidsevne kan gjøre jobben; arbeidsgiver har plikt til rimelig tilrettelegging.',
			sv: 'Att ändra arbetsuppgifter, arbetstid, utrustning eller lokaler så att en person med nedsatt arbetsförmåga kan göra jobbet; arbetsgivaren är skyldig att göra skäliga anpassningar.',
			da: 'At ændre opgaver, arbejdstid, udstyr eller lokaler, så en person med nedsat arbejdsevne kan udføre jobbet; arbejdsgiveren har pligt til at foretage rimelig tilpasning.',
			is: 'Að breyta verkefnum, vinnutíma, búnaði eða húsnæði svo að einstaklingur með skerta starfsgetu geti sinnt starfinu; atvinnurekanda ber að gera viðeigandi aðlögun.',
			fi: 'Tehtävien, työajan, välineiden tai tilojen muuttaminen niin, että henkilö, jonka työkyky on alentunut, voi tehdä työn; työnantajalla on velvollisuus kohtuullisiin mukautuksiin.'
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
			nb: 'Tilskudd fra NAV eller tilsvarende til arbeidsgiveren for å dekke deler av lønnen til en person med nedsatt arbeidsevne.',
			sv: 'Pengar som den offentliga arbetsförmedlingen betalar en arbetsgivare för en del av lönen till en person med nedsatt arbetsförmåga, för att väga upp en lägre produktivitet.',
			da: 'Penge, som den offentlige beskæftigelsesindsats betaler en arbejdsgiver til en del af lønnen for en person med nedsat arbejdsevne, for at opveje en lavere produktivitet.',
			is: 'Greiðsla sem opinber vinnumiðlun greiðir atvinnurekanda upp í laun einstaklings með skerta starfsgetu, til að vega upp minni afköst.',
			fi: 'Julkisen työvoimapalvelun työnantajalle maksama tuki osaan työkyvyltään alentuneen henkilön palkasta alemman tuottavuuden korvaamiseksi.'
		},
		notes: {
			en: 'Lönesubvention is the Finland-Swedish word. In Iceland a vinnusamningur öryrkja is a wage subsidy agreement for people with a disability assessment.',
			nb: 'Lönesubvention er det finlandssvenske ordet. På Island er vinnusamningur öryrkja en lønnstilskuddsavtale for uføre.',
			sv: 'Lönesubvention är det finlandssvenska ordet. På Island är vinnusamningur öryrkja ett avtal om lönebidrag för personer med en bedömd funktionsnedsättning.',
			da: 'Lönesubvention er det finlandssvenske ord. I Island er vinnusamningur öryrkja en aftale om løntilskud for personer med en handicapvurdering.',
			is: 'Lönesubvention er finnlandssænska orðið. Á Íslandi er vinnusamningur öryrkja samningur um launastyrk fyrir fólk með örorkumat.',
			fi: 'Lönesubvention on suomenruotsalainen sana. Islannissa vinnusamningur öryrkja on palkkatukisopimus henkilöille, joilla on työkyvyttömyysarvio.'
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
			nb: 'Støtte som fortsetter etter at personen har begynt i jobb, til arbeidstaker og arbeidsgiver; i SE skal den vare så lenge det trengs.',
			sv: 'Stöd som fortsätter efter att personen har börjat arbeta, till arbetstagare och arbetsgivare; i supported employment ska det pågå så länge det behövs.',
			da: 'Støtte, der fortsætter, efter at personen er begyndt i job, til medarbejder og arbejdsgiver; i supported employment skal den vare, så længe der er brug for den.',
			is: 'Stuðningur sem heldur áfram eftir að einstaklingurinn hefur hafið störf, bæði við starfsmann og atvinnurekanda; í atvinnu með stuðningi á hann að vara eins lengi og þörf krefur.',
			fi: 'Tuki, joka jatkuu työn alkamisen jälkeen sekä työntekijälle että työnantajalle; tuetussa työllistymisessä sen kuuluu kestää niin kauan kuin tarvitaan.'
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
			nb: 'Å beholde jobben over tid; temaet for konferansen i 2010.',
			sv: 'Att behålla jobbet över tid; temat för konferensen 2010.',
			da: 'At beholde jobbet over tid; temaet for konferencen i 2010.',
			is: 'Að halda starfinu til lengri tíma; þema ráðstefnunnar árið 2010.',
			fi: 'Työssä pysyminen pitkällä aikavälillä; vuoden 2010 konferenssin teema.'
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
			nb: 'Å bli kjent med arbeidssøkerens interesser, ferdigheter, erfaring og behov for støtte, helst på ekte arbeidsplasser, for å finne en god jobbmatch.',
			sv: 'Att lära känna den arbetssökandes intressen, färdigheter, erfarenheter och stödbehov, helst på riktiga arbetsplatser, för att hitta en bra jobbmatchning.',
			da: 'At lære jobsøgerens interesser, færdigheder, erfaring og støttebehov at kende, helst på rigtige arbejdspladser, for at finde et godt jobmatch.',
			is: 'Að kynnast áhugasviði, færni, reynslu og stuðningsþörf atvinnuleitandans, helst á raunverulegum vinnustöðum, til að finna gott samræmi milli manns og starfs.',
			fi: 'Työnhakijan kiinnostuksen kohteisiin, taitoihin, kokemukseen ja tuen tarpeeseen tutustuminen, mieluiten oikeilla työpaikoilla, hyvän työhön sijoittumisen löytämiseksi.'
		},
		notes: {
			en: 'The 2010 report notes that kartlegging (profiling for a job match) and avklaring (an assessment for a decision) are often mixed up.',
			nb: 'Rapporten fra 2010 påpeker at kartlegging og avklaring ofte blandes sammen.',
			sv: 'Rapporten från 2010 påpekar att kartlegging (kartläggning inför en jobbmatchning) och avklaring (en utredning inför ett beslut) ofta blandas ihop.',
			da: 'Rapporten fra 2010 påpeger, at kartlegging (afdækning med henblik på jobmatch) og avklaring (en udredning forud for en afgørelse) ofte blandes sammen.',
			is: 'Í skýrslunni frá 2010 er bent á að kartlegging (kortlagning vegna starfsvals) og avklaring (mat vegna ákvörðunar) er oft ruglað saman.',
			fi: 'Vuoden 2010 raportti huomauttaa, että kartlegging (kartoitus työhön sijoittumista varten) ja avklaring (selvitys päätöstä varten) sekoitetaan usein.'
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
			nb: 'En vurdering av hvilket arbeid en person kan utføre, ofte før vedtak om tiltak eller ytelser; ikke i seg selv SE.',
			sv: 'En bedömning av vilket arbete en person kan utföra, ofta inför beslut om insatser eller ersättningar; inte i sig supported employment.',
			da: 'En vurdering af, hvilket arbejde en person kan udføre, ofte forud for en afgørelse om indsatser eller ydelser; ikke i sig selv supported employment.',
			is: 'Mat á því hvaða vinnu einstaklingur getur sinnt, oft vegna ákvörðunar um úrræði eða bætur; ekki atvinna með stuðningi í sjálfu sér.',
			fi: 'Arvio siitä, millaista työtä henkilö pystyy tekemään, usein ennen toimenpide- tai etuuspäätöstä; ei sellaisenaan tuettua työllistymistä.'
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
			nb: 'Arbeidsevne som er redusert av sykdom, skade eller funksjonsnedsettelse; nøkkelen til mange tiltak og ytelser.',
			sv: 'Arbetsförmåga som har sänkts av sjukdom, skada eller funktionsnedsättning; nyckeln till många insatser och ersättningar.',
			da: 'Arbejdsevne, der er nedsat af sygdom, skade eller handicap; nøglen til mange indsatser og ydelser.',
			is: 'Starfsgeta sem hefur skerst vegna veikinda, slyss eða fötlunar; lykillinn að mörgum úrræðum og bótum.',
			fi: 'Sairauden, vamman tai toimintarajoitteen vuoksi alentunut työkyky; avain moniin toimenpiteisiin ja etuuksiin.'
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
			nb: 'En varig fysisk, psykisk, intellektuell eller sensorisk funksjonsnedsettelse som sammen med barrierer i omgivelsene begrenser deltakelse.',
			sv: 'En långvarig fysisk, psykisk, intellektuell eller sensorisk funktionsnedsättning som tillsammans med hinder i omgivningen begränsar delaktigheten.',
			da: 'En langvarig fysisk, psykisk, intellektuel eller sensorisk funktionsnedsættelse, der sammen med barrierer i omgivelserne begrænser deltagelsen.',
			is: 'Langvarandi líkamleg, geðræn, vitsmunaleg eða skynræn skerðing sem ásamt hindrunum í umhverfinu takmarkar þátttöku.',
			fi: 'Pitkäaikainen fyysinen, psyykkinen, älyllinen tai aistivamma, joka yhdessä ympäristön esteiden kanssa rajoittaa osallistumista.'
		},
		notes: {
			en: 'Words change over time: funktionshinder (SE) and funksjonshemming (NO) are older or name the barrier rather than the impairment.',
			nb: 'Ordene endrer seg: funktionshinder og funksjonshemming er eldre eller betegner hindringen mer enn nedsettelsen.',
			sv: 'Orden ändras med tiden: funktionshinder (SE) och funksjonshemming (NO) är äldre eller betecknar hindret snarare än nedsättningen.',
			da: 'Ordene ændrer sig med tiden: funktionshinder (SE) og funksjonshemming (NO) er ældre eller betegner barrieren snarere end nedsættelsen.',
			is: 'Orðin breytast með tímanum: funktionshinder (SE) og funksjonshemming (NO) eru eldri eða vísa frekar til hindrunarinnar en skerðingarinnar.',
			fi: 'Sanat muuttuvat ajan myötä: funktionshinder (SE) ja funksjonshemming (NO) ovat vanhempia tai tarkoittavat pikemmin estettä kuin toimintarajoitetta.'
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
			nb: 'Vesentlig redusert evne til læring og tilpasning, med debut i barndommen.',
			sv: 'Betydligt nedsatt intellektuell förmåga och förmåga till anpassning, med debut i barndomen.',
			da: 'Betydeligt nedsat intellektuel funktionsevne og tilpasningsevne, der viser sig i barndommen.',
			is: 'Verulega skert vitsmunaleg geta og aðlögunarfærni sem kemur fram í bernsku.',
			fi: 'Merkittävästi heikentynyt älyllinen toimintakyky ja sopeutumiskyky, joka ilmenee lapsuudessa.'
		},
		notes: {
			en: 'In British English learning disability means intellectual disability; utvecklingsstörning is the older Swedish word.',
			nb: 'På britisk engelsk betyr learning disability utviklingshemming; utvecklingsstörning er det eldre svenske ordet.',
			sv: 'På brittisk engelska betyder learning disability intellektuell funktionsnedsättning; utvecklingsstörning är det äldre svenska ordet.',
			da: 'På britisk engelsk betyder learning disability udviklingshæmning; utvecklingsstörning er det ældre svenske ord.',
			is: 'Á breskri ensku merkir learning disability þroskahömlun; utvecklingsstörning er eldra sænska orðið.',
			fi: 'Brittienglannissa learning disability tarkoittaa kehitysvammaa; utvecklingsstörning on vanhempi ruotsin sana.'
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
			nb: 'Vanlige jobber med vanlig lønn og vilkår, i motsetning til skjermet arbeid; målet for supported employment.',
			sv: 'Vanliga jobb med vanlig lön och vanliga villkor, till skillnad från skyddat arbete; målet för supported employment.',
			da: 'Almindelige job med almindelig løn og almindelige vilkår, i modsætning til beskyttet arbejde; målet for supported employment.',
			is: 'Venjuleg störf á venjulegum launum og kjörum, öfugt við verndaða vinnu; markmið atvinnu með stuðningi.',
			fi: 'Tavalliset työpaikat tavallisella palkalla ja tavallisin ehdoin, erotuksena suojatyöstä; tuetun työllistymisen tavoite.'
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
			nb: 'Et tilbud NAV eller tilsvarende gir eller kjøper, for eksempel opplæring, praksisplass, lønnstilskudd eller oppfølging.',
			sv: 'Ett program som den offentliga arbetsförmedlingen erbjuder eller köper, till exempel utbildning, praktik, lönebidrag eller uppföljning.',
			da: 'Et tilbud, som den offentlige beskæftigelsesindsats giver eller køber, for eksempel uddannelse, praktik, løntilskud eller opfølgning.',
			is: 'Úrræði sem opinber vinnumiðlun býður eða kaupir, til dæmis nám, starfsþjálfun, launastyrkur eða eftirfylgd.',
			fi: 'Julkisen työvoimapalvelun tarjoama tai ostama palvelu, esimerkiksi koulutus, työkokeilu, palkkatuki tai seuranta.'
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
			nb: 'Lokal forvaltning. Danske kommuner driver jobcentrene; NAV-kontorene i Norge er et partnerskap mellom stat og kommune.',
			sv: 'Den lokala förvaltningen. Danska kommuner driver jobbcentren; de norska NAV-kontoren är ett samarbete mellan stat och kommun.',
			da: 'Den lokale forvaltning. De danske kommuner driver jobcentrene; de norske NAV-kontorer er et partnerskab mellem stat og kommune.',
			is: 'Sveitarstjórnarstigið. Dönsk sveitarfélög reka jobcenterin; norsku NAV-skrifstofurnar eru samstarf ríkis og sveitarfélags.',
			fi: 'Paikallishallinto. Tanskan kunnat ylläpitävät jobcentereitä; Norjan NAV-toimistot ovat valtion ja kunnan yhteistyötä.'
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
			nb: 'En skriftlig plan, laget sammen med personen, som samordner tjenester fra flere instanser for den som har langvarige og sammensatte behov.',
			sv: 'En skriftlig plan, gjord tillsammans med personen, som samordnar insatser från flera aktörer för den som har långvariga och sammansatta behov.',
			da: 'En skriftlig plan, lavet sammen med personen, der koordinerer indsatser fra flere instanser for den, der har langvarige og komplekse behov.',
			is: 'Skrifleg áætlun, unnin með einstaklingnum, sem samhæfir þjónustu margra aðila fyrir þann sem hefur langvarandi og flóknar þarfir.',
			fi: 'Henkilön kanssa yhdessä laadittu kirjallinen suunnitelma, joka sovittaa yhteen useiden tahojen palvelut, kun tarpeet ovat pitkäaikaisia ja monitahoisia.'
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
			nb: 'En fagperson utdannet i sosialt arbeid; rapporten fra 2010 sier at jobbcoachen ikke skal gjøre sosionomjobben selv.',
			sv: 'En yrkesperson utbildad i socialt arbete; rapporten från 2010 säger att jobbcoachen inte ska ta över socionomens uppgifter.',
			da: 'En fagperson uddannet i socialt arbejde; rapporten fra 2010 siger, at jobkonsulenten ikke skal overtage socialrådgiverens opgaver.',
			is: 'Fagmanneskja menntuð í félagsráðgjöf; í skýrslunni frá 2010 segir að atvinnuráðgjafinn eigi ekki að taka yfir starf félagsráðgjafans.',
			fi: 'Sosiaalityön koulutuksen saanut ammattilainen; vuoden 2010 raportin mukaan työvalmentajan ei pidä ottaa hoitaakseen sosiaalityöntekijän tehtäviä.'
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
			nb: 'Inntekt under sykefravær, først fra arbeidsgiveren, så fra det offentlige.',
			sv: 'Inkomst vid sjukfrånvaro, först från arbetsgivaren, sedan från det allmänna.',
			da: 'Indkomst under sygefravær, først fra arbejdsgiveren, derefter fra det offentlige.',
			is: 'Tekjur í veikindaleyfi, fyrst frá atvinnurekanda, síðan frá hinu opinbera.',
			fi: 'Tulo sairauspoissaolon aikana, ensin työnantajalta ja sitten julkiselta vallalta.'
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
			nb: 'Inntekt mens man er ledig og søker arbeid; i Sverige, Danmark og Finland i stor grad fra arbeidsløshetskasser (a-kassa).',
			sv: 'Inkomst under arbetslöshet medan man söker arbete; i Sverige, Danmark och Finland till stor del från arbetslöshetskassor (a-kassa).',
			da: 'Indkomst under ledighed, mens man søger arbejde; i Sverige, Danmark og Finland i vid udstrækning fra arbejdsløshedskasser (a-kasse).',
			is: 'Tekjur í atvinnuleysi á meðan leitað er að vinnu; í Svíþjóð, Danmörku og Finnlandi að miklu leyti frá atvinnuleysissjóðum (a-kassa).',
			fi: 'Tulo työttömänä työtä hakiessa; Ruotsissa, Tanskassa ja Suomessa suurelta osin työttömyyskassoista (a-kassa).'
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
			nb: 'En stilling uten sluttdato; rapporten fra 2010 peker på at oppfølgingen i Norge ofte sluttet kort tid etter fast ansettelse.',
			sv: 'En anställning utan slutdatum; rapporten från 2010 konstaterar att uppföljningen i Norge ofta upphörde strax efter en fast anställning.',
			da: 'En ansættelse uden slutdato; rapporten fra 2010 bemærker, at opfølgningen i Norge ofte stoppede kort efter fastansættelse.',
			is: 'Starf án lokadagsetningar; í skýrslunni frá 2010 kemur fram að eftirfylgd í Noregi lauk oft skömmu eftir fastráðningu.',
			fi: 'Työsuhde ilman päättymispäivää; vuoden 2010 raportin mukaan Norjassa seuranta loppui usein pian vakituisen työsuhteen alkamisen jälkeen.'
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
			nb: 'En organisasjon for arbeidstakere; arbeidsgiverne på konferansen i 2010 ville ha fagforeningen på banen.',
			sv: 'En organisation för arbetstagare; arbetsgivarna på konferensen 2010 ville att facket skulle vara med.',
			da: 'En organisation for lønmodtagere; arbejdsgiverne på konferencen i 2010 ønskede fagforeningerne inddraget.',
			is: 'Samtök launafólks; atvinnurekendurnir á ráðstefnunni 2010 vildu fá stéttarfélögin að borðinu.',
			fi: 'Työntekijöiden järjestö; vuoden 2010 konferenssin työnantajat halusivat ammattiliitot mukaan.'
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
			nb: 'Etaten som utbetaler trygdeytelser som sykepenger og uføretrygd: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); i Norge gjør NAV dette.',
			sv: 'Myndigheten som betalar ut socialförsäkringsförmåner som sjukpenning och sjukersättning: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); i Norge gör NAV även detta.',
			da: 'Myndigheden, der udbetaler sociale ydelser som sygedagpenge og førtidspension: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); i Norge gør NAV også dette.',
			is: 'Stofnunin sem greiðir almannatryggingabætur, svo sem sjúkradagpeninga og örorkulífeyri: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); í Noregi sér NAV einnig um þetta.',
			fi: 'Virasto, joka maksaa sosiaalivakuutuksen etuuksia, kuten sairauspäivärahaa ja työkyvyttömyyseläkettä: Försäkringskassan (SE), Kela (FI), Udbetaling Danmark (DK), Tryggingastofnun (IS); Norjassa tämänkin hoitaa NAV.'
		},
		notes: {
			en: 'Trygdekontoret is the old Norwegian name, still heard for NAV.',
			nb: 'Trygdekontoret er det gamle navnet, som fortsatt brukes om NAV.',
			sv: 'Trygdekontoret är det gamla norska namnet, som fortfarande hörs om NAV.',
			da: 'Trygdekontoret er det gamle norske navn, som stadig bruges om NAV.',
			is: 'Trygdekontoret er gamla norska heitið og heyrist enn um NAV.',
			fi: 'Trygdekontoret on vanha norjalainen nimi, jota kuulee yhä NAVista.'
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
			nb: 'Utstyr som gjør det lettere å arbeide eller leve selvstendig, fra tilpasset stol til programvare.',
			sv: 'Utrustning som hjälper en person att arbeta eller leva självständigt, från en anpassad stol till programvara.',
			da: 'Udstyr, der hjælper en person med at arbejde eller leve selvstændigt, fra en tilpasset stol til software.',
			is: 'Búnaður sem hjálpar fólki að vinna eða lifa sjálfstætt, allt frá sérsniðnum stól til hugbúnaðar.',
			fi: 'Välineet, jotka auttavat henkilöä työskentelemään tai elämään itsenäisesti, sovitetusta tuolista ohjelmistoihin.'
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
			nb: 'En person som gjør de praktiske oppgavene en arbeidstaker med funksjonsnedsettelse ikke kan gjøre selv, mens arbeidstakeren gjør jobben.',
			sv: 'En person som får betalt för att utföra de praktiska uppgifter som en arbetstagare med funktionsnedsättning inte kan göra själv, medan arbetstagaren gör jobbet.',
			da: 'En person, der får løn for at udføre de praktiske opgaver, som en medarbejder med handicap ikke selv kan klare, mens medarbejderen udfører jobbet.',
			is: 'Einstaklingur á launum sem sinnir þeim verklegu verkefnum sem fatlaður starfsmaður getur ekki sinnt sjálfur, á meðan starfsmaðurinn vinnur starfið.',
			fi: 'Palkattu henkilö, joka tekee ne käytännön tehtävät, joihin vammainen työntekijä ei itse pysty, kun työntekijä tekee varsinaisen työn.'
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
			nb: 'Virksomheten som ansetter arbeidstakeren; i SE også en kunde av tjenesten.',
			sv: 'Företaget eller den offentliga verksamhet som anställer arbetstagaren; inom supported employment också en kund till tjänsten.',
			da: 'Virksomheden eller den offentlige arbejdsplads, der ansætter medarbejderen; i supported employment også en kunde hos tilbuddet.',
			is: 'Fyrirtækið eða opinberi aðilinn sem ræður starfsmanninn; í atvinnu með stuðningi einnig viðskiptavinur þjónustunnar.',
			fi: 'Yritys tai julkinen organisaatio, joka palkkaa työntekijän; tuetussa työllistymisessä myös palvelun asiakas.'
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
			nb: 'En person i lønnet arbeid med arbeidsavtale.',
			sv: 'En person i avlönat arbete med anställningsavtal.',
			da: 'En person i lønnet arbejde med en ansættelseskontrakt.',
			is: 'Einstaklingur í launaðri vinnu samkvæmt ráðningarsamningi.',
			fi: 'Henkilö, joka tekee palkkatyötä työsopimuksen perusteella.'
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
			nb: 'En person som er registrert hos NAV eller tilsvarende som arbeidssøkende.',
			sv: 'En person som är inskriven hos den offentliga arbetsförmedlingen som arbetssökande.',
			da: 'En person, der er tilmeldt den offentlige beskæftigelsesindsats som jobsøgende.',
			is: 'Einstaklingur sem er skráður í atvinnuleit hjá opinberri vinnumiðlun.',
			fi: 'Henkilö, joka on ilmoittautunut julkiseen työvoimapalveluun työnhakijaksi.'
		}
	}
];

/** The default glossary, in display order: the 2010 report's language help first. */
export const defaultGlossary: Glossary = [...fromReport, ...coreTerms];

/** A fresh copy of the default glossary for a new conference, which may then edit its own. */
export function createDefaultGlossary(): GlossaryConcept[] {
	return structuredClone(defaultGlossary) as GlossaryConcept[];
}
