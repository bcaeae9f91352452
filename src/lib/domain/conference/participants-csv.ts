import {
	decodeCsvBytes,
	isBlankRow,
	parseCsv,
	type CsvDelimiter,
	type CsvEncoding,
	type CsvErrorCode
} from '../csv';
import type { Glossary } from '../glossary/types';
import type { Language } from '../session/types';
import { charCount, cleanText } from '../text';
import { findCountry, type CountryCode } from './countries';
import { conferenceLimits } from './limits';
import { findLanguage } from '$lib/domain/languages';
import { matchKey } from './labels';
import { findRoles, resolveRoles, type RoleDefinition, type RoleId } from './roles';

/** Limits of a participants import; the UI shows the same numbers. */
export const participantsCsvLimits = {
	/** Largest file, in bytes (1 MB). */
	maxBytes: 1024 * 1024,
	/** Most participant rows (blank rows and the header not counted). */
	maxRows: 2000,
	/** Characters in a name. */
	nameChars: 120,
	/** Characters in an organisation. */
	organisationChars: 160,
	/** Characters in a role description. */
	roleDescriptionChars: conferenceLimits.roleDescription
} as const;

/** What a participant row holds. */
export const participantFields = [
	'name',
	'country',
	'role',
	'organisation',
	'language',
	'coordinator',
	'roleDescription'
] as const;
export type ParticipantField = (typeof participantFields)[number];

/** Columns a file must have (a name may also come as first name + last name columns). */
export const requiredParticipantFields: readonly ParticipantField[] = ['name', 'country', 'role'];

/** What a column is read as; firstName and lastName are joined into the name. */
export type ParticipantColumn = ParticipantField | 'firstName' | 'lastName';

// Header words per column, in English and the Nordic languages; compared with matchKey.
const headerWords: Record<ParticipantColumn, readonly string[]> = {
	name: [
		'name',
		'full name',
		'participant',
		'navn',
		'fullt navn',
		'fulde navn',
		'namn',
		'fullständigt namn',
		'nafn',
		'fullt nafn',
		'nimi',
		'koko nimi',
		'deltaker',
		'deltager',
		'deltagare',
		'þátttakandi',
		'osallistuja'
	],
	firstName: ['first name', 'given name', 'firstname', 'fornavn', 'förnamn', 'fornafn', 'etunimi'],
	lastName: [
		'last name',
		'surname',
		'family name',
		'lastname',
		'etternavn',
		'efternavn',
		'efternamn',
		'eftirnafn',
		'sukunimi'
	],
	country: [
		'country',
		'country code',
		'nation',
		'land',
		'landkode',
		'landekode',
		'landskod',
		'landskode',
		'ríki',
		'maa',
		'valtio'
	],
	role: [
		'role',
		'stakeholder',
		'stakeholder role',
		'stakeholder group',
		'rolle',
		'roll',
		'hlutverk',
		'rooli'
	],
	organisation: [
		'organisation',
		'organization',
		'org',
		'company',
		'workplace',
		'organisasjon',
		'virksomhet',
		'arbeidsplass',
		'arbeidssted',
		'företag',
		'arbetsplats',
		'virksomhed',
		'arbejdsplads',
		'stofnun',
		'fyrirtæki',
		'vinnustaður',
		'organisaatio',
		'työpaikka',
		'yritys'
	],
	language: [
		'language',
		'lang',
		'preferred language',
		'språk',
		'foretrukket språk',
		'föredraget språk',
		'sprog',
		'foretrukket sprog',
		'tungumál',
		'kieli'
	],
	coordinator: [
		'coordinator',
		'national coordinator',
		'koordinator',
		'nasjonal koordinator',
		'national koordinator',
		'nationell koordinator',
		'samordnare',
		'nationell samordnare',
		'verkefnastjóri',
		'tengiliður',
		'koordinaattori',
		'kansallinen koordinaattori'
	],
	roleDescription: [
		'role description',
		'job title',
		'title',
		'position',
		'description',
		'rollebeskrivelse',
		'stilling',
		'stillingstittel',
		'stillingsbetegnelse',
		'tittel',
		'beskrivelse',
		'rollbeskrivning',
		'befattning',
		'titel',
		'yrkestitel',
		'beskrivning',
		'hlutverkslýsing',
		'starfsheiti',
		'staða',
		'titill',
		'lýsing',
		'roolin kuvaus',
		'tehtävänimike',
		'nimike',
		'titteli',
		'asema',
		'kuvaus'
	]
};

const columnByHeader = new Map<string, ParticipantColumn>();
for (const [column, words] of Object.entries(headerWords)) {
	for (const word of words) columnByHeader.set(matchKey(word), column as ParticipantColumn);
}

/** Reads a header cell: "Navn *", "Land (ISO):" and "E-post" → name, country, null. */
export function participantColumn(header: string): ParticipantColumn | null {
	const key = matchKey(header.replace(/\(.*?\)/g, ' ').replace(/[*:]/g, ' '));
	return columnByHeader.get(key) ?? null;
}

const flagWords: Record<string, boolean> = {
	'': false,
	yes: true,
	y: true,
	ja: true,
	j: true,
	já: true,
	kyllä: true,
	kylla: true,
	k: true,
	true: true,
	'1': true,
	x: true,
	'✓': true,
	'✔': true,
	no: false,
	n: false,
	nei: false,
	nej: false,
	ei: false,
	false: false,
	'0': false
};

/** A yes/no cell in any of our languages (ja, nei, kyllä, já, x, 1, empty…); null if unclear. */
export function parseFlag(value: string): boolean | null {
	return flagWords[matchKey(value)] ?? null;
}

/** Codes of problems with the whole file; each has a translated message. */
export type ParticipantsFileErrorCode =
	| 'file_too_large'
	| 'not_csv'
	| 'empty_file'
	| CsvErrorCode
	| 'missing_column'
	| 'duplicate_column'
	| 'too_many_rows'
	| 'no_rows';

/** Codes of things worth a look that do not stop the import. */
export type ParticipantsWarningCode =
	'legacy_encoding' | 'ignored_column' | 'extra_cells' | 'duplicate_participant';

/** Codes of problems with one field of one row. */
export type ParticipantFieldErrorCode =
	| 'required'
	| 'too_long'
	| 'unknown_country'
	| 'unknown_role'
	| 'unknown_language'
	| 'invalid_flag';

/** A translatable message: a code and the values it needs. */
export interface ImportIssue<Code extends string> {
	/** Machine-readable reason. */
	code: Code;
	/** Values for the message (limits, counts, row numbers, column names, the offending value). */
	params: Record<string, string | number>;
}

/** A problem with one field of a row. */
export interface FieldError extends ImportIssue<ParticipantFieldErrorCode> {
	/** The field it is about. */
	field: ParticipantField;
}

/** One participant as read from a row. */
export interface ParsedParticipant {
	/** Full name, NFC, single spaces, trimmed. */
	name: string;
	/** ISO country code. */
	country: CountryCode;
	/** Role id; null when the role word fits several roles and the organiser is to choose. */
	role: RoleId | null;
	/** The roles a word that fits several could mean, in role order (only then present). */
	roleOptions?: RoleId[];
	/** Organisation, or '' when not given. */
	organisation: string;
	/** Preferred language; null means the conference's language. */
	language: Language | null;
	/** The country's national coordinator. */
	coordinator: boolean;
	/** Their role in their own words, or '' when not given. */
	roleDescription: string;
}

interface RowBase {
	/** Row number as a spreadsheet shows it (the header is row 1; blank rows count). */
	row: number;
	/** Line of the text where the row starts (differs from row after quoted line breaks). */
	line: number;
	/** The cells as typed, by field ('' for a missing column), for showing in the preview. */
	raw: Record<ParticipantField, string>;
}

/** The outcome for one row: its values, or what is wrong with it. */
export type ParticipantRowResult =
	| (RowBase & { ok: true; value: ParsedParticipant })
	| (RowBase & { ok: false; errors: FieldError[] });

/** How one column of the file was understood. */
export interface ColumnMapping {
	/** 0-based column index. */
	index: number;
	/** The header as written. */
	header: string;
	/** What it is read as; null when ignored. */
	column: ParticipantColumn | null;
}

/** Everything the organiser sees before saving; nothing is saved by this module. */
export interface ParticipantsPreview {
	/** True when there are no file errors and every row is valid: only then may it be saved. */
	ok: boolean;
	/** Values of the valid rows, in file order. */
	participants: ParsedParticipant[];
	/** Every non-blank row after the header, in file order (empty when the file itself failed). */
	rows: ParticipantRowResult[];
	/** Problems with the file as a whole. */
	fileErrors: ImportIssue<ParticipantsFileErrorCode>[];
	/** Things worth a look that do not stop saving. */
	warnings: ImportIssue<ParticipantsWarningCode>[];
	/** How the header was read. */
	columns: ColumnMapping[];
	/** Delimiter found; null when the file could not be read. */
	delimiter: CsvDelimiter | null;
	/** Encoding the bytes were read in; null for text input or an unread file. */
	encoding: CsvEncoding | null;
}

export interface ParticipantsCsvOptions {
	/** The conference's roles (with the organiser's words); the defaults when not given. */
	roles?: readonly RoleDefinition[];
	/** The conference's glossary: its terms for the default roles' concepts are role words too. */
	glossary?: Glossary;
}

/** Longest piece of a cell quoted back in a message. */
const quotedChars = 60;

function quoted(value: string): string {
	const text = value.trim();
	return charCount(text) > quotedChars ? `${[...text].slice(0, quotedChars).join('')}…` : text;
}

function utf8Length(text: string): number {
	return new TextEncoder().encode(text).length;
}

/**
 * Reads a participants CSV (bytes as uploaded, or text) into a preview: how the columns were
 * understood, each row's values or errors, and problems with the file. Columns may come in any
 * order with headers in English or a Nordic language; countries as codes or names, roles as ids
 * or words in any of the six languages, from the role list or the glossary. A role word that fits
 * several roles leaves the role open, with the roles it could mean, for the organiser to choose.
 */
export function parseParticipantsCsv(
	input: string | Uint8Array,
	options: ParticipantsCsvOptions = {}
): ParticipantsPreview {
	const preview: ParticipantsPreview = {
		ok: false,
		participants: [],
		rows: [],
		fileErrors: [],
		warnings: [],
		columns: [],
		delimiter: null,
		encoding: null
	};
	const fail = (code: ParticipantsFileErrorCode, params: Record<string, string | number> = {}) => {
		preview.fileErrors.push({ code, params });
		return preview;
	};

	const { maxBytes } = participantsCsvLimits;
	// A string has at least as many UTF-8 bytes as UTF-16 units: a cheap check before encoding.
	const size =
		typeof input === 'string'
			? input.length > maxBytes
				? input.length
				: utf8Length(input)
			: input.byteLength;
	if (size > maxBytes) return fail('file_too_large', { max: maxBytes, size });

	let text: string;
	if (typeof input === 'string') {
		text = input;
	} else {
		const decoded = decodeCsvBytes(input);
		text = decoded.text;
		preview.encoding = decoded.encoding;
		if (decoded.encoding === 'windows-1252') {
			preview.warnings.push({ code: 'legacy_encoding', params: { encoding: decoded.encoding } });
		}
	}
	// Spreadsheets (xlsx is a zip) and other binary files: ask for a CSV export instead.
	if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) return fail('not_csv');

	const parsed = parseCsv(text);
	if (!parsed.ok) return fail(parsed.error.code, parsed.error.params);
	const { rows, lines, delimiter } = parsed.table;
	preview.delimiter = delimiter;

	const headerIndex = rows.findIndex((r) => !isBlankRow(r));
	if (headerIndex === -1) return fail('empty_file');
	const header = rows[headerIndex]!;

	const columnIndex = new Map<ParticipantColumn, number>();
	header.forEach((cell, index) => {
		const column = participantColumn(cell);
		preview.columns.push({ index, header: cell.trim(), column });
		if (column === null) {
			if (cell.trim()) {
				preview.warnings.push({ code: 'ignored_column', params: { column: cell.trim() } });
			}
		} else if (columnIndex.has(column)) {
			fail('duplicate_column', { column: cell.trim(), field: column });
		} else {
			columnIndex.set(column, index);
		}
	});
	const nameFromParts =
		!columnIndex.has('name') && columnIndex.has('firstName') && columnIndex.has('lastName');
	for (const field of requiredParticipantFields) {
		if (!columnIndex.has(field) && !(field === 'name' && nameFromParts)) {
			fail('missing_column', { field });
		}
	}

	const dataIndexes: number[] = [];
	for (let i = headerIndex + 1; i < rows.length; i++)
		if (!isBlankRow(rows[i]!)) dataIndexes.push(i);
	if (dataIndexes.length > participantsCsvLimits.maxRows) {
		fail('too_many_rows', { max: participantsCsvLimits.maxRows, count: dataIndexes.length });
	} else if (dataIndexes.length === 0 && preview.fileErrors.length === 0) {
		fail('no_rows');
	}
	if (preview.fileErrors.length > 0) return preview;

	const roles = options.roles ?? resolveRoles();
	const cellOf = (row: readonly string[], column: ParticipantColumn) => {
		const index = columnIndex.get(column);
		return index === undefined ? '' : (row[index] ?? '');
	};
	const seen = new Map<string, number>();
	for (const i of dataIndexes) {
		const cells = rows[i]!;
		const rowNumber = i + 1;
		const raw = Object.fromEntries(
			participantFields.map((field) => [field, cellOf(cells, field)])
		) as Record<ParticipantField, string>;
		if (nameFromParts) {
			raw.name = `${cellOf(cells, 'firstName').trim()} ${cellOf(cells, 'lastName').trim()}`;
		}
		if (cells.slice(header.length).some((c) => c.trim() !== '')) {
			preview.warnings.push({ code: 'extra_cells', params: { row: rowNumber } });
		}
		const result = parseRow(raw, roles, options.glossary);
		const base = { row: rowNumber, line: lines[i]!, raw };
		if ('errors' in result) {
			preview.rows.push({ ...base, ok: false, errors: result.errors });
			continue;
		}
		preview.rows.push({ ...base, ok: true, value: result.value });
		preview.participants.push(result.value);
		const key = `${matchKey(result.value.name)}\u0000${result.value.country}`;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, rowNumber);
		else {
			preview.warnings.push({
				code: 'duplicate_participant',
				params: { row: rowNumber, firstRow: first, name: result.value.name }
			});
		}
	}
	preview.ok = preview.rows.every((r) => r.ok);
	return preview;
}

function parseRow(
	raw: Record<ParticipantField, string>,
	roles: readonly RoleDefinition[],
	glossary: Glossary | undefined
): { value: ParsedParticipant } | { errors: FieldError[] } {
	const errors: FieldError[] = [];
	const error = (
		field: ParticipantField,
		code: ParticipantFieldErrorCode,
		params: Record<string, string | number> = {}
	) => errors.push({ field, code, params });

	const name = cleanText(raw.name, { multiline: false });
	if (!name) error('name', 'required');
	else if (charCount(name) > participantsCsvLimits.nameChars) {
		error('name', 'too_long', { max: participantsCsvLimits.nameChars, length: charCount(name) });
	}

	let country: CountryCode | null = null;
	if (!raw.country.trim()) error('country', 'required');
	else {
		country = findCountry(raw.country);
		if (!country) error('country', 'unknown_country', { value: quoted(raw.country) });
	}

	const roleOptions = raw.role.trim() ? findRoles(roles, raw.role, glossary) : [];
	if (!raw.role.trim()) error('role', 'required');
	else if (roleOptions.length === 0) error('role', 'unknown_role', { value: quoted(raw.role) });

	const organisation = cleanText(raw.organisation, { multiline: false });
	if (charCount(organisation) > participantsCsvLimits.organisationChars) {
		error('organisation', 'too_long', {
			max: participantsCsvLimits.organisationChars,
			length: charCount(organisation)
		});
	}

	let language: Language | null = null;
	if (raw.language.trim()) {
		language = findLanguage(raw.language);
		if (!language) error('language', 'unknown_language', { value: quoted(raw.language) });
	}

	const roleDescription = cleanText(raw.roleDescription, { multiline: false });
	if (charCount(roleDescription) > participantsCsvLimits.roleDescriptionChars) {
		error('roleDescription', 'too_long', {
			max: participantsCsvLimits.roleDescriptionChars,
			length: charCount(roleDescription)
		});
	}

	const coordinator = parseFlag(raw.coordinator);
	if (coordinator === null)
		error('coordinator', 'invalid_flag', { value: quoted(raw.coordinator) });

	if (errors.length > 0 || !country || coordinator === null) return { errors };
	const value: ParsedParticipant = {
		name,
		country,
		role: roleOptions.length === 1 ? roleOptions[0]! : null,
		organisation,
		language,
		coordinator,
		roleDescription
	};
	if (roleOptions.length > 1) value.roleOptions = roleOptions;
	return { value };
}
