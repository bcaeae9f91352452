import { describe, expect, it } from 'vitest';
import { writeCsv } from '../csv';
import { createDefaultGlossary, defaultGlossary } from '../glossary/default-glossary';
import { sigtunaParticipants } from './fixtures/sigtuna-2010';
import {
	parseFlag,
	parseParticipantsCsv,
	participantColumn,
	participantsCsvLimits,
	type ParticipantRowResult,
	type ParticipantsPreview
} from './participants-csv';
import { resolveRoles } from './roles';

const header = 'name,country,role,organisation,language,coordinator';

function errorsOf(row: ParticipantRowResult | undefined) {
	if (!row || row.ok) throw new Error('expected a row with errors');
	return row.errors;
}

function codes(preview: ParticipantsPreview) {
	return preview.fileErrors.map((e) => e.code);
}

describe('parseParticipantsCsv: a good file', () => {
	const text = [
		header,
		'Guðrún Jónsdóttir,IS,job-coach,Ás vinnustofa,is,no',
		'Øystein Sørmark,Norge,arbeidstaker,,nb,',
		'Árni Már Björnsson,Ísland,coordinator,Vinnumálastofnun,IS,já',
		'Åsa Bergelin,Sweden,Jobbcoach,"Arbetsförmedlingen, Stockholm",sv-SE,0'
	].join('\r\n');
	const preview = parseParticipantsCsv(text);

	it('is ok, with every row parsed and nothing to warn about', () => {
		expect(preview.ok).toBe(true);
		expect(preview.fileErrors).toEqual([]);
		expect(preview.warnings).toEqual([]);
		expect(preview.delimiter).toBe(',');
		expect(preview.encoding).toBeNull();
	});

	it('keeps Nordic names exactly and resolves codes, names and words', () => {
		expect(preview.participants).toEqual([
			{
				name: 'Guðrún Jónsdóttir',
				country: 'IS',
				role: 'job-coach',
				organisation: 'Ás vinnustofa',
				language: 'is',
				coordinator: false,
				roleDescription: ''
			},
			{
				name: 'Øystein Sørmark',
				country: 'NO',
				role: 'worker',
				organisation: '',
				language: 'nb',
				coordinator: false,
				roleDescription: ''
			},
			{
				name: 'Árni Már Björnsson',
				country: 'IS',
				role: 'coordinator',
				organisation: 'Vinnumálastofnun',
				language: 'is',
				coordinator: true,
				roleDescription: ''
			},
			{
				name: 'Åsa Bergelin',
				country: 'SE',
				role: 'job-coach',
				organisation: 'Arbetsförmedlingen, Stockholm',
				language: 'sv',
				coordinator: false,
				roleDescription: ''
			}
		]);
	});

	it('numbers rows as a spreadsheet does and keeps the raw cells', () => {
		expect(preview.rows.map((r) => [r.row, r.line, r.ok])).toEqual([
			[2, 2, true],
			[3, 3, true],
			[4, 4, true],
			[5, 5, true]
		]);
		expect(preview.rows[1]!.raw).toEqual({
			name: 'Øystein Sørmark',
			country: 'Norge',
			role: 'arbeidstaker',
			organisation: '',
			language: 'nb',
			coordinator: '',
			roleDescription: ''
		});
	});

	it('reports how each column was read', () => {
		expect(preview.columns).toEqual([
			{ index: 0, header: 'name', column: 'name' },
			{ index: 1, header: 'country', column: 'country' },
			{ index: 2, header: 'role', column: 'role' },
			{ index: 3, header: 'organisation', column: 'organisation' },
			{ index: 4, header: 'language', column: 'language' },
			{ index: 5, header: 'coordinator', column: 'coordinator' }
		]);
	});
});

describe('parseParticipantsCsv: Nordic spreadsheets', () => {
	it('reads a Norwegian Excel export: semicolons, BOM, Norwegian headers in any case and order', () => {
		const text =
			'\uFEFFRolle;NAVN;Land;Organisasjon;Språk;Nasjonal koordinator\r\n' +
			'arbeidsgiver;Torill Brox;NO;Brox AS;no;nei\r\n' +
			'Saksbehandler;Gry Ingebrigtsen;Norge;NAV;nn;\r\n';
		const preview = parseParticipantsCsv(text);
		expect(preview.ok).toBe(true);
		expect(preview.delimiter).toBe(';');
		expect(preview.participants.map((p) => [p.name, p.role, p.country, p.language])).toEqual([
			['Torill Brox', 'employer', 'NO', 'nb'],
			['Gry Ingebrigtsen', 'caseworker', 'NO', 'nb']
		]);
	});

	it('reads Swedish, Danish, Icelandic and Finnish headers', () => {
		const files = [
			'Namn;Land;Roll;Organisation;Språk;Samordnare\nElin Norberg;Sverige;handläggare;AF;svenska;nej',
			'Navn;Land;Rolle;Virksomhed;Sprog;Koordinator\nElin Norberg;Sverige;sagsbehandler;AF;sv;nej',
			'Nafn;Land;Hlutverk;Stofnun;Tungumál;Verkefnastjóri\nElin Norberg;Svíþjóð;Málastjóri;AF;sænska;nei',
			'Nimi;Maa;Rooli;Organisaatio;Kieli;Koordinaattori\nElin Norberg;Ruotsi;virkailija;AF;ruotsi;ei'
		];
		for (const text of files) {
			const preview = parseParticipantsCsv(text);
			expect(preview.fileErrors, text).toEqual([]);
			expect(preview.participants, text).toEqual([
				{
					name: 'Elin Norberg',
					country: 'SE',
					role: 'caseworker',
					organisation: 'AF',
					language: 'sv',
					coordinator: false,
					roleDescription: ''
				}
			]);
		}
	});

	it('reads a tab-separated UTF-16 "Unicode text" export from bytes', () => {
		const text = 'Name\tCountry\tRole\nÞórunn Ásgeirsdóttir\tIS\temployer\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			bytes[2 + 2 * i] = code & 0xff;
			bytes[3 + 2 * i] = code >> 8;
		}
		const preview = parseParticipantsCsv(bytes);
		expect(preview.encoding).toBe('utf-16le');
		expect(preview.delimiter).toBe('\t');
		expect(preview.participants.map((p) => p.name)).toEqual(['Þórunn Ásgeirsdóttir']);
	});

	it('reads Windows-1252 bytes and warns that it did', () => {
		// "navn;land;rolle\nØystein Sørmark;NO;arbeidstaker" in Windows-1252.
		const text = 'navn;land;rolle\nØystein Sørmark;NO;arbeidstaker';
		const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
		const preview = parseParticipantsCsv(bytes);
		expect(preview.encoding).toBe('windows-1252');
		expect(preview.warnings).toEqual([
			{ code: 'legacy_encoding', params: { encoding: 'windows-1252' } }
		]);
		expect(preview.participants.map((p) => p.name)).toEqual(['Øystein Sørmark']);
	});

	it('reads UTF-8 bytes exactly, decomposed letters made precomposed', () => {
		const text = `name,country,role\n${'Ingibjörg Margrét Ísaksdóttir'.normalize('NFD')},IS,job coach\n`;
		const preview = parseParticipantsCsv(new TextEncoder().encode(text));
		expect(preview.encoding).toBe('utf-8');
		expect(preview.participants[0]!.name).toBe('Ingibjörg Margrét Ísaksdóttir');
	});

	it('joins first-name and last-name columns when there is no name column', () => {
		const text = 'Fornavn;Etternavn;Land;Rolle\nKristin Elisabet;Floer;NO;arbeidstaker\n';
		const preview = parseParticipantsCsv(text);
		expect(preview.ok).toBe(true);
		expect(preview.participants[0]!.name).toBe('Kristin Elisabet Floer');
		expect(preview.rows[0]!.raw.name).toBe('Kristin Elisabet Floer');
	});
});

describe('parseParticipantsCsv: row errors', () => {
	it('lists every bad field of a row with a code and params, and is not ok', () => {
		const text = [
			header,
			',Atlantis,astronaut,,klingon,maybe',
			'Kai Ringelien,NO,policy,,en,yes'
		].join('\n');
		const preview = parseParticipantsCsv(text);
		expect(preview.ok).toBe(false);
		expect(preview.fileErrors).toEqual([]);
		expect(errorsOf(preview.rows[0])).toEqual([
			{ field: 'name', code: 'required', params: {} },
			{ field: 'country', code: 'unknown_country', params: { value: 'Atlantis' } },
			{ field: 'role', code: 'unknown_role', params: { value: 'astronaut' } },
			{ field: 'language', code: 'unknown_language', params: { value: 'klingon' } },
			{ field: 'coordinator', code: 'invalid_flag', params: { value: 'maybe' } }
		]);
		// The good row is still shown, but the caller must not save while any row is bad.
		expect(preview.rows[1]!.ok).toBe(true);
		expect(preview.participants).toHaveLength(1);
	});

	it('requires a country and a role in every row', () => {
		const preview = parseParticipantsCsv('name,country,role\nPer Brannsten, , \n');
		expect(errorsOf(preview.rows[0])).toEqual([
			{ field: 'country', code: 'required', params: {} },
			{ field: 'role', code: 'required', params: {} }
		]);
	});

	it('allows a name of 120 characters and an organisation of 160, not more', () => {
		const name = 'Å'.repeat(participantsCsvLimits.nameChars);
		const org = 'ð'.repeat(participantsCsvLimits.organisationChars);
		const ok = parseParticipantsCsv(`name,country,role,organisation\n${name},IS,worker,${org}\n`);
		expect(ok.ok).toBe(true);
		const tooLong = parseParticipantsCsv(
			`name,country,role,organisation\n${name}x,IS,worker,${org}y\n`
		);
		expect(errorsOf(tooLong.rows[0])).toEqual([
			{ field: 'name', code: 'too_long', params: { max: 120, length: 121 } },
			{ field: 'organisation', code: 'too_long', params: { max: 160, length: 161 } }
		]);
	});

	it('counts characters, not UTF-16 units, towards the limits', () => {
		const name = '𝔄'.repeat(120);
		expect(name.length).toBe(240);
		expect(parseParticipantsCsv(`name,country,role\n${name},IS,worker\n`).ok).toBe(true);
	});

	it('cleans names: single spaces, no control characters, trimmed', () => {
		const preview = parseParticipantsCsv(
			'name,country,role\n"  Liv-Anne \u0007 Lunde\nsecond line ",NO,jobbspesialist\n'
		);
		expect(preview.participants[0]!.name).toBe('Liv-Anne Lunde second line');
	});

	it('quotes a long offending value back only in part', () => {
		const role = 'r'.repeat(100);
		const preview = parseParticipantsCsv(`name,country,role\nX,NO,${role}\n`);
		expect(errorsOf(preview.rows[0])[0]!.params.value).toBe(`${'r'.repeat(60)}…`);
	});

	it('recognises an organiser’s own roles and renamed words', () => {
		const roles = resolveRoles([
			{ id: 'peer-supporter', label: { nb: 'Likeperson' }, groupLabel: { nb: 'Likepersoner' } }
		]);
		const text = 'navn;land;rolle\nAnne;NO;likeperson\n';
		expect(parseParticipantsCsv(text).ok).toBe(false);
		expect(parseParticipantsCsv(text, { roles }).participants[0]!.role).toBe('peer-supporter');
	});

	it('gives row numbers as in the file when rows hold line breaks or blank lines', () => {
		const text = 'name,country,role\n"Carola\nAhlgren",FI,caseworker\n\n;;;\nBad,XX,worker\n';
		const preview = parseParticipantsCsv(text);
		// ";;;" is one cell with semicolons in a comma file, so it is a row, not a blank one.
		expect(preview.rows.map((r) => [r.row, r.line, r.ok])).toEqual([
			[2, 2, true],
			[4, 5, false],
			[5, 6, false]
		]);
	});
});

describe('parseParticipantsCsv: role words from the role list and the glossary', () => {
	const parse = (roles: string[], glossary = defaultGlossary) =>
		parseParticipantsCsv(
			['name;country;role', ...roles.map((r, i) => `P${i};NO;${r}`)].join('\n'),
			{
				glossary
			}
		);

	it('accepts "ráðgjafi", which the glossary lists (as a generic word) for caseworker', () => {
		expect(parseParticipantsCsv('name;country;role\nGuðrún;IS;ráðgjafi').ok).toBe(false);
		expect(parse(['ráðgjafi']).participants[0]!.role).toBe('caseworker');
	});

	it('accepts the glossary’s words for the default roles in all six languages', () => {
		const words: [string, string][] = [
			['NAV-veileder', 'caseworker'],
			['arbetsförmedlare', 'caseworker'],
			['sagsbehandler', 'caseworker'],
			['ráðgjafi', 'caseworker'],
			['työvoimaneuvoja', 'caseworker'],
			['case manager', 'caseworker'],
			['SIUS-konsulent', 'job-coach'],
			['job coach', 'job-coach'],
			['employment specialist', 'job-coach'],
			['medarbejder', 'worker'],
			['launþegi', 'worker'],
			['employee', 'worker'],
			['vinnuveitandi', 'employer'],
			['työnantaja', 'employer']
		];
		const preview = parse(words.map(([word]) => word));
		expect(preview.ok).toBe(true);
		expect(preview.participants.map((p) => p.role)).toEqual(words.map(([, role]) => role));
	});

	it('asks which role when a word fits several, instead of refusing the row', () => {
		// "veileder" is an older word for the caseworker and a generic word for the job coach.
		const preview = parse(['veileder']);
		expect(preview.ok).toBe(true);
		expect(preview.rows[0]).toMatchObject({
			ok: true,
			value: { role: null, roleOptions: ['job-coach', 'caseworker'] }
		});
	});

	it('follows the conference’s own glossary', () => {
		const glossary = createDefaultGlossary();
		const caseworker = glossary.find((c) => c.id === 'caseworker')!;
		caseworker.terms = { ...caseworker.terms, is: ['fulltrúi'] };
		const preview = parse(['fulltrúi', 'ráðgjafi'], glossary);
		expect(preview.rows.map((r) => r.ok && r.value.role)).toEqual(['caseworker', false]);
	});

	it('lets a role’s own label win over another role’s glossary word', () => {
		// An organiser's own role named with a word the glossary has for the caseworker.
		const roles = resolveRoles([
			{ id: 'nav-adviser', label: { nb: 'NAV-veileder' }, groupLabel: { nb: 'NAV-veiledere' } }
		]);
		const text = 'name;country;role\nOla;NO;NAV-veileder\nKari;NO;saksbehandler';
		const preview = parseParticipantsCsv(text, { roles, glossary: defaultGlossary });
		expect(preview.participants.map((p) => p.role)).toEqual(['nav-adviser', 'caseworker']);
	});
});

describe('parseParticipantsCsv: flags and languages', () => {
	it('reads yes and no in every language', () => {
		for (const yes of ['yes', 'Ja', 'JÁ', 'kyllä', 'x', 'X', '1', 'true', 'TRUE', 'y', 'j']) {
			expect(parseFlag(yes), yes).toBe(true);
		}
		for (const no of ['no', 'nei', 'Nej', 'ei', '0', 'false', '', '  ', 'n']) {
			expect(parseFlag(no), no).toBe(false);
		}
		expect(parseFlag('maybe')).toBeNull();
		expect(parseFlag('2')).toBeNull();
	});
});

describe('parseParticipantsCsv: file errors', () => {
	it('names every missing required column and parses no rows', () => {
		const preview = parseParticipantsCsv('organisation,language\nNAV,nb\n');
		expect(preview.fileErrors).toEqual([
			{ code: 'missing_column', params: { field: 'name' } },
			{ code: 'missing_column', params: { field: 'country' } },
			{ code: 'missing_column', params: { field: 'role' } }
		]);
		expect(preview.rows).toEqual([]);
		expect(preview.ok).toBe(false);
	});

	it('refuses two columns that mean the same field', () => {
		const preview = parseParticipantsCsv('name;navn;country;role\na;b;NO;worker\n');
		expect(preview.fileErrors).toEqual([
			{ code: 'duplicate_column', params: { column: 'navn', field: 'name' } }
		]);
	});

	it('warns about columns it does not read, so that nothing is dropped silently', () => {
		const preview = parseParticipantsCsv('name,e-post,country,role,\nÅsa,a@b.se,SE,worker,\n');
		expect(preview.ok).toBe(true);
		expect(preview.warnings).toEqual([{ code: 'ignored_column', params: { column: 'e-post' } }]);
		expect(preview.columns[1]).toEqual({ index: 1, header: 'e-post', column: null });
	});

	it('warns about cells beyond the header', () => {
		const preview = parseParticipantsCsv('name,country,role\nÅsa,SE,worker,extra\nBo,SE,worker,\n');
		expect(preview.warnings).toEqual([{ code: 'extra_cells', params: { row: 2 } }]);
	});

	it('warns about the same name twice in one country', () => {
		const preview = parseParticipantsCsv(
			'name,country,role\nJohanne Bengtsson,DK,coordinator\nJohanne Bengtsson,NO,worker\n' +
				'johanne  bengtsson,Danmark,worker\n'
		);
		expect(preview.ok).toBe(true);
		expect(preview.warnings).toEqual([
			{
				code: 'duplicate_participant',
				params: { row: 4, firstRow: 2, name: 'johanne bengtsson' }
			}
		]);
	});

	it('refuses more than 2000 rows, not counting blank ones', () => {
		const row = 'Åsa,SE,worker\n';
		const max = `name,country,role\n${row.repeat(2000)}\n\n`;
		expect(parseParticipantsCsv(max).fileErrors).toEqual([]);
		const over = parseParticipantsCsv(`name,country,role\n${row.repeat(2001)}`);
		expect(over.fileErrors).toEqual([
			{ code: 'too_many_rows', params: { max: 2000, count: 2001 } }
		]);
		expect(over.rows).toEqual([]);
	});

	it('refuses a file over 1 MB, counting UTF-8 bytes', () => {
		const limit = participantsCsvLimits.maxBytes;
		expect(limit).toBe(1_048_576);
		// 'ø' is two bytes in UTF-8: this text has fewer characters than the limit but more bytes.
		const text = `name,country,role\n${'ø'.repeat(limit / 2)}`;
		expect(text.length).toBeLessThan(limit);
		expect(codes(parseParticipantsCsv(text))).toEqual(['file_too_large']);
		expect(parseParticipantsCsv(new Uint8Array(limit + 1)).fileErrors).toEqual([
			{ code: 'file_too_large', params: { max: limit, size: limit + 1 } }
		]);
	});

	it('refuses a spreadsheet or other binary file', () => {
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		expect(codes(parseParticipantsCsv(xlsx))).toEqual(['not_csv']);
	});

	it('reports an unterminated quote with its line', () => {
		const preview = parseParticipantsCsv('name,country,role\nÅsa,SE,worker\n"Bo,SE,worker\n');
		expect(preview.fileErrors).toEqual([{ code: 'unterminated_quote', params: { line: 3 } }]);
	});

	it('reports an empty file and a file with only a header', () => {
		expect(codes(parseParticipantsCsv(''))).toEqual(['empty_file']);
		expect(codes(parseParticipantsCsv('\uFEFF\r\n,,\r\n  \r\n'))).toEqual(['empty_file']);
		expect(codes(parseParticipantsCsv('name,country,role\r\n\r\n'))).toEqual(['no_rows']);
	});
});

describe('participantColumn', () => {
	it('reads headers with marks, units and odd spacing', () => {
		expect(participantColumn('Navn *')).toBe('name');
		expect(participantColumn('Land (ISO):')).toBe('country');
		expect(participantColumn('  STAKEHOLDER_ROLE ')).toBe('role');
		expect(participantColumn('e-post')).toBeNull();
	});
});

describe('parseParticipantsCsv: the reference conference', () => {
	it('imports all 40 Sigtuna participants written as a Nordic Excel export', () => {
		const text = writeCsv(
			[
				['Navn', 'Land', 'Rolle', 'Koordinator'],
				...sigtunaParticipants.map((p) => [p.name, p.country, p.role, p.coordinator ? 'ja' : ''])
			],
			{ delimiter: ';', bom: true }
		);
		const preview = parseParticipantsCsv(new TextEncoder().encode(text));
		expect(preview.ok).toBe(true);
		expect(preview.participants).toHaveLength(40);
		expect(preview.participants.map((p) => [p.name, p.country, p.role, p.coordinator])).toEqual(
			sigtunaParticipants.map((p) => [p.name, p.country, p.role, p.coordinator])
		);
		expect(preview.participants.filter((p) => p.coordinator).map((p) => p.name)).toEqual([
			'Johanne Bengtsson',
			'Ann-Kristin Sundqvist',
			'Árni Már Björnsson',
			'Tonje Solstad',
			'Gun-Britt Nyholm'
		]);
	});
});

describe('parseParticipantsCsv: role descriptions in the participants’ own words', () => {
	it.each([
		['en', 'Name,Country,Role,Role description'],
		['en', 'Name,Country,Role,Job title'],
		['nb', 'Navn,Land,Rolle,Stilling'],
		['nb', 'Navn,Land,Rolle,Rollebeskrivelse'],
		['sv', 'Namn,Land,Roll,Befattning'],
		['da', 'Navn,Land,Rolle,Stillingsbetegnelse'],
		['is', 'Nafn,Land,Hlutverk,Starfsheiti'],
		['fi', 'Nimi,Maa,Rooli,Tehtävänimike']
	])('reads the column headed in %s: %s', (_lang, head) => {
		const preview = parseParticipantsCsv(
			`${head}\nKari Nordmann,NO,worker,"forsker,  prosjektleder"\nOla Nordmann,NO,worker,`
		);
		expect(preview.ok).toBe(true);
		expect(preview.columns[3]!.column).toBe('roleDescription');
		expect(preview.participants.map((p) => p.roleDescription)).toEqual([
			'forsker, prosjektleder',
			''
		]);
	});

	it('refuses a role description over its limit, naming the row', () => {
		const long = 'x'.repeat(participantsCsvLimits.roleDescriptionChars + 1);
		const preview = parseParticipantsCsv(
			`name,country,role,role description\nKari,NO,worker,${long}`
		);
		expect(preview.ok).toBe(false);
		expect(errorsOf(preview.rows[0])).toEqual([
			{
				field: 'roleDescription',
				code: 'too_long',
				params: { max: participantsCsvLimits.roleDescriptionChars, length: long.length }
			}
		]);
	});
});
