import type { Language } from '../session/types';
import { matchKey, pickLabel } from './labels';

/** An ISO 3166-1 alpha-2 code in upper case, e.g. "NO". */
export type CountryCode = string;

/** A country Samråd can name in every language. */
export interface CountryDefinition {
	/** ISO 3166-1 alpha-2 code. */
	code: CountryCode;
	/** The country's name in each language, as a native speaker writes it. */
	names: Readonly<Record<Language, string>>;
	/** Other spellings accepted on import (alpha-3 code, own-language and older names). */
	aliases: readonly string[];
}

/** The five Nordic states, in the order reports list them (by code, which is also by name). */
export const nordicCountryCodes = ['DK', 'FI', 'IS', 'NO', 'SE'] as const;

/** Countries with names: the Nordic states and territories first, then the neighbours who come. */
export const countries: readonly CountryDefinition[] = [
	{
		code: 'DK',
		names: {
			nb: 'Danmark',
			sv: 'Danmark',
			da: 'Danmark',
			is: 'Danmörk',
			fi: 'Tanska',
			en: 'Denmark'
		},
		aliases: ['DNK']
	},
	{
		code: 'FI',
		names: {
			nb: 'Finland',
			sv: 'Finland',
			da: 'Finland',
			is: 'Finnland',
			fi: 'Suomi',
			en: 'Finland'
		},
		aliases: ['FIN']
	},
	{
		code: 'IS',
		names: { nb: 'Island', sv: 'Island', da: 'Island', is: 'Ísland', fi: 'Islanti', en: 'Iceland' },
		aliases: ['ISL']
	},
	{
		code: 'NO',
		names: { nb: 'Norge', sv: 'Norge', da: 'Norge', is: 'Noregur', fi: 'Norja', en: 'Norway' },
		aliases: ['NOR', 'Noreg']
	},
	{
		code: 'SE',
		names: {
			nb: 'Sverige',
			sv: 'Sverige',
			da: 'Sverige',
			is: 'Svíþjóð',
			fi: 'Ruotsi',
			en: 'Sweden'
		},
		aliases: ['SWE']
	},
	{
		code: 'FO',
		names: {
			nb: 'Færøyene',
			sv: 'Färöarna',
			da: 'Færøerne',
			is: 'Færeyjar',
			fi: 'Färsaaret',
			en: 'Faroe Islands'
		},
		aliases: ['FRO', 'Føroyar']
	},
	{
		code: 'GL',
		names: {
			nb: 'Grønland',
			sv: 'Grönland',
			da: 'Grønland',
			is: 'Grænland',
			fi: 'Grönlanti',
			en: 'Greenland'
		},
		aliases: ['GRL', 'Kalaallit Nunaat']
	},
	{
		code: 'AX',
		names: {
			nb: 'Åland',
			sv: 'Åland',
			da: 'Åland',
			is: 'Álandseyjar',
			fi: 'Ahvenanmaa',
			en: 'Åland Islands'
		},
		aliases: ['ALA']
	},
	{
		code: 'EE',
		names: {
			nb: 'Estland',
			sv: 'Estland',
			da: 'Estland',
			is: 'Eistland',
			fi: 'Viro',
			en: 'Estonia'
		},
		aliases: ['EST', 'Eesti']
	},
	{
		code: 'LV',
		names: {
			nb: 'Latvia',
			sv: 'Lettland',
			da: 'Letland',
			is: 'Lettland',
			fi: 'Latvia',
			en: 'Latvia'
		},
		aliases: ['LVA']
	},
	{
		code: 'LT',
		names: {
			nb: 'Litauen',
			sv: 'Litauen',
			da: 'Litauen',
			is: 'Litháen',
			fi: 'Liettua',
			en: 'Lithuania'
		},
		aliases: ['LTU']
	},
	{
		code: 'DE',
		names: {
			nb: 'Tyskland',
			sv: 'Tyskland',
			da: 'Tyskland',
			is: 'Þýskaland',
			fi: 'Saksa',
			en: 'Germany'
		},
		aliases: ['DEU', 'Deutschland']
	},
	{
		code: 'NL',
		names: {
			nb: 'Nederland',
			sv: 'Nederländerna',
			da: 'Nederlandene',
			is: 'Holland',
			fi: 'Alankomaat',
			en: 'Netherlands'
		},
		aliases: ['NLD', 'The Netherlands']
	},
	{
		code: 'GB',
		names: {
			nb: 'Storbritannia',
			sv: 'Storbritannien',
			da: 'Storbritannien',
			is: 'Bretland',
			fi: 'Iso-Britannia',
			en: 'United Kingdom'
		},
		aliases: ['GBR', 'UK', 'Great Britain']
	},
	{
		code: 'IE',
		names: { nb: 'Irland', sv: 'Irland', da: 'Irland', is: 'Írland', fi: 'Irlanti', en: 'Ireland' },
		aliases: ['IRL']
	},
	{
		code: 'PL',
		names: { nb: 'Polen', sv: 'Polen', da: 'Polen', is: 'Pólland', fi: 'Puola', en: 'Poland' },
		aliases: ['POL']
	},
	{
		code: 'FR',
		names: {
			nb: 'Frankrike',
			sv: 'Frankrike',
			da: 'Frankrig',
			is: 'Frakkland',
			fi: 'Ranska',
			en: 'France'
		},
		aliases: ['FRA']
	},
	{
		code: 'US',
		names: {
			nb: 'USA',
			sv: 'USA',
			da: 'USA',
			is: 'Bandaríkin',
			fi: 'Yhdysvallat',
			en: 'United States'
		},
		aliases: ['USA', 'United States of America']
	}
];

// Every officially assigned ISO 3166-1 alpha-2 code, so that any country can be given by code
// even when Samråd has no name for it (its name then shows as the code).
const isoCodes =
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
	'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
	'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
	'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
	'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
	'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
	'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
	'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** All ISO 3166-1 alpha-2 codes. */
export const isoCountryCodes: ReadonlySet<CountryCode> = new Set(isoCodes.split(' '));

const byCode = new Map(countries.map((c) => [c.code, c]));

/** True for an assigned ISO 3166-1 alpha-2 code in upper case. */
export function isCountryCode(value: string): value is CountryCode {
	return isoCountryCodes.has(value);
}

/** The country's name in a language; the code itself for a country Samråd has no name for. */
export function countryName(code: CountryCode, lang: Language): string {
	const country = byCode.get(code);
	return country ? pickLabel(country.names, lang, code) : code;
}

const byName = new Map<string, CountryCode>();
for (const country of countries) {
	for (const name of [...Object.values(country.names), ...country.aliases]) {
		byName.set(matchKey(name), country.code);
	}
}

/**
 * Finds a country from what someone typed: an ISO code in any case ("no", "NO"), or a name or
 * alias in any of the six languages ("Noregur", "Ruotsi", "Sverige"). Null when unknown.
 */
export function findCountry(value: string): CountryCode | null {
	const trimmed = value.normalize('NFC').trim();
	const upper = trimmed.toUpperCase();
	if (isCountryCode(upper)) return upper;
	return byName.get(matchKey(trimmed)) ?? null;
}
