import { describe, expect, it } from 'vitest';
import { languages } from '../session/types';
import { matchKey, pickLabel } from './labels';
import {
	countries,
	countryName,
	defaultRoleIds,
	defaultRoles,
	findCountry,
	findRole,
	isCountryCode,
	isoCountryCodes,
	isRoleId,
	nordicCountryCodes,
	resolveRoles,
	roleLabel,
	type RoleDefinition
} from './roles';

describe('default roles', () => {
	it('are the eight stakeholder roles, in report order, with valid ids', () => {
		expect(defaultRoles.map((r) => r.id)).toEqual([...defaultRoleIds]);
		expect(defaultRoleIds).toEqual([
			'worker',
			'employer',
			'job-coach',
			'caseworker',
			'policy',
			'researcher',
			'coordinator',
			'other'
		]);
		for (const id of defaultRoleIds) expect(isRoleId(id)).toBe(true);
	});

	it('have a person word and a group word in all six languages', () => {
		for (const role of defaultRoles) {
			for (const lang of languages) {
				expect(role.label[lang].trim().length, `${role.id} ${lang}`).toBeGreaterThan(1);
				expect(role.groupLabel[lang].trim().length, `${role.id} ${lang}`).toBeGreaterThan(1);
				expect(role.label[lang]).toBe(role.label[lang].normalize('NFC'));
			}
		}
	});

	it('use the words a native speaker uses', () => {
		const words = (lang: (typeof languages)[number]) =>
			defaultRoles.map((r) => [r.label[lang], r.groupLabel[lang]]);
		expect(words('nb').slice(0, 4)).toEqual([
			['Arbeidstaker', 'Arbeidstakere'],
			['Arbeidsgiver', 'Arbeidsgivere'],
			['Jobbspesialist', 'Jobbspesialister'],
			['Saksbehandler', 'Saksbehandlere']
		]);
		expect(words('sv').slice(0, 4)).toEqual([
			['Arbetstagare', 'Arbetstagare'],
			['Arbetsgivare', 'Arbetsgivare'],
			['Jobbcoach', 'Jobbcoacher'],
			['Handläggare', 'Handläggare']
		]);
		expect(words('da').slice(0, 4)).toEqual([
			['Arbejdstager', 'Arbejdstagere'],
			['Arbejdsgiver', 'Arbejdsgivere'],
			['Jobcoach', 'Jobcoaches'],
			['Sagsbehandler', 'Sagsbehandlere']
		]);
		expect(words('is').slice(0, 3)).toEqual([
			['Starfsmaður', 'Starfsmenn'],
			['Atvinnurekandi', 'Atvinnurekendur'],
			['Atvinnuráðgjafi', 'Atvinnuráðgjafar']
		]);
		expect(words('fi').slice(0, 4)).toEqual([
			['Työntekijä', 'Työntekijät'],
			['Työnantaja', 'Työnantajat'],
			['Työvalmentaja', 'Työvalmentajat'],
			['Virkailija', 'Virkailijat']
		]);
		expect(words('en').map(([, group]) => group)).toEqual([
			'Workers',
			'Employers',
			'Job coaches',
			'Caseworkers',
			'Policy makers',
			'Researchers',
			'Coordinators',
			'Others'
		]);
	});

	it('never share a word between two roles, so an import cannot be ambiguous', () => {
		const owner = new Map<string, string>();
		for (const role of defaultRoles) {
			const words = [
				role.id,
				...Object.values(role.label),
				...Object.values(role.groupLabel),
				...(role.aliases ?? [])
			];
			for (const word of words) {
				const key = matchKey(word);
				expect(owner.get(key) ?? role.id, `"${word}"`).toBe(role.id);
				owner.set(key, role.id);
			}
		}
	});
});

describe('isRoleId', () => {
	it('accepts lower-case words joined by single hyphens, up to 40 characters', () => {
		expect(isRoleId('peer-supporter')).toBe(true);
		expect(isRoleId('role2')).toBe(true);
		expect(isRoleId('a'.repeat(40))).toBe(true);
		expect(isRoleId('a'.repeat(41))).toBe(false);
		expect(isRoleId('')).toBe(false);
		expect(isRoleId('Job-coach')).toBe(false);
		expect(isRoleId('job--coach')).toBe(false);
		expect(isRoleId('-coach')).toBe(false);
		expect(isRoleId('job:coach')).toBe(false);
		expect(isRoleId('jobbspesialist ')).toBe(false);
	});
});

describe('resolveRoles', () => {
	it('returns the defaults when the organiser changed nothing', () => {
		expect(resolveRoles()).toEqual(defaultRoles);
	});

	it('applies a rename to one language and keeps the other languages', () => {
		const roles = resolveRoles([
			{ id: 'job-coach', label: { nb: 'Jobbkonsulent' }, groupLabel: { nb: 'Jobbkonsulenter' } }
		]);
		expect(roleLabel(roles, 'job-coach', 'nb')).toBe('Jobbkonsulent');
		expect(roleLabel(roles, 'job-coach', 'nb', 'group')).toBe('Jobbkonsulenter');
		expect(roleLabel(roles, 'job-coach', 'sv')).toBe('Jobbcoach');
		expect(roles).toHaveLength(8);
		// The default word still finds the role, and so does the new one.
		expect(findRole(roles, 'jobbspesialist')).toBe('job-coach');
		expect(findRole(roles, 'JOBBKONSULENTER')).toBe('job-coach');
	});

	it('ignores empty words in a rename', () => {
		const roles = resolveRoles([{ id: 'employer', label: { nb: '' }, groupLabel: {} }]);
		expect(roleLabel(roles, 'employer', 'nb')).toBe('Arbeidsgiver');
	});

	it('appends the organiser’s own roles after the defaults', () => {
		const peer: RoleDefinition = {
			id: 'peer-supporter',
			label: { nb: 'Likeperson', en: 'Peer supporter' },
			groupLabel: { nb: 'Likepersoner', en: 'Peer supporters' }
		};
		const roles = resolveRoles([peer]);
		expect(roles.map((r) => r.id)).toEqual([...defaultRoleIds, 'peer-supporter']);
		expect(findRole(roles, 'likeperson')).toBe('peer-supporter');
		expect(findRole(resolveRoles(), 'likeperson')).toBeNull();
	});
});

describe('roleLabel', () => {
	const roles = resolveRoles([
		{ id: 'peer-supporter', label: { nb: 'Likeperson', en: 'Peer supporter' }, groupLabel: {} },
		{ id: 'interpreter', label: { da: 'Tolk' }, groupLabel: { da: 'Tolke' } }
	]);

	it('gives the person or the group word in the language asked for', () => {
		expect(roleLabel(roles, 'employer', 'is')).toBe('Atvinnurekandi');
		expect(roleLabel(roles, 'employer', 'is', 'group')).toBe('Atvinnurekendur');
	});

	it('falls back to English, then any language, then the id', () => {
		expect(roleLabel(roles, 'peer-supporter', 'fi')).toBe('Peer supporter');
		expect(roleLabel(roles, 'interpreter', 'sv')).toBe('Tolk');
		expect(roleLabel(roles, 'peer-supporter', 'fi', 'group')).toBe('peer-supporter');
		expect(roleLabel(roles, 'deleted-role', 'nb')).toBe('deleted-role');
	});
});

describe('findRole', () => {
	const roles = resolveRoles();

	it('finds roles by id, person word or group word in any language, ignoring case', () => {
		expect(findRole(roles, 'job-coach')).toBe('job-coach');
		expect(findRole(roles, 'JOB_COACH')).toBe('job-coach');
		expect(findRole(roles, 'Job coach')).toBe('job-coach');
		expect(findRole(roles, 'jobcoach')).toBe('job-coach');
		expect(findRole(roles, 'Työvalmentaja')).toBe('job-coach');
		expect(findRole(roles, ' arbeidsgivere ')).toBe('employer');
		expect(findRole(roles, 'ATVINNUREKANDI')).toBe('employer');
		expect(findRole(roles, 'handläggare')).toBe('caseworker');
		expect(findRole(roles, 'Málastjóri')).toBe('caseworker');
		expect(findRole(roles, 'starfsmaður')).toBe('worker');
		expect(findRole(roles, 'policy-representant')).toBe('policy');
		expect(findRole(roles, 'Forskare')).toBe('researcher');
		expect(findRole(roles, 'nasjonal koordinator')).toBe('coordinator');
		expect(findRole(roles, 'muu')).toBe('other');
	});

	it('matches decomposed letters to precomposed ones', () => {
		expect(findRole(roles, 'Atvinnuráðgjafi'.normalize('NFD'))).toBe('job-coach');
	});

	it('returns null for unknown or empty values', () => {
		expect(findRole(roles, 'astronaut')).toBeNull();
		expect(findRole(roles, '')).toBeNull();
		expect(findRole(roles, '  ')).toBeNull();
	});
});

describe('countries', () => {
	it('start with the five Nordic states', () => {
		expect(nordicCountryCodes).toEqual(['DK', 'FI', 'IS', 'NO', 'SE']);
		expect(countries.slice(0, 5).map((c) => c.code)).toEqual([...nordicCountryCodes]);
	});

	it('are named in all six languages, with valid, unique codes', () => {
		const codes = countries.map((c) => c.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const country of countries) {
			expect(isCountryCode(country.code), country.code).toBe(true);
			for (const lang of languages) expect(country.names[lang].length).toBeGreaterThan(1);
		}
	});

	it('name the Nordic countries as each language does', () => {
		const names = (lang: (typeof languages)[number]) =>
			nordicCountryCodes.map((code) => countryName(code, lang));
		expect(names('nb')).toEqual(['Danmark', 'Finland', 'Island', 'Norge', 'Sverige']);
		expect(names('sv')).toEqual(['Danmark', 'Finland', 'Island', 'Norge', 'Sverige']);
		expect(names('da')).toEqual(['Danmark', 'Finland', 'Island', 'Norge', 'Sverige']);
		expect(names('is')).toEqual(['Danmörk', 'Finnland', 'Ísland', 'Noregur', 'Svíþjóð']);
		expect(names('fi')).toEqual(['Tanska', 'Suomi', 'Islanti', 'Norja', 'Ruotsi']);
		expect(names('en')).toEqual(['Denmark', 'Finland', 'Iceland', 'Norway', 'Sweden']);
	});

	it('know all 249 ISO codes, and show the code for a country without a name', () => {
		expect(isoCountryCodes.size).toBe(249);
		expect(isCountryCode('ZW')).toBe(true);
		expect(isCountryCode('no')).toBe(false);
		expect(isCountryCode('XX')).toBe(false);
		expect(countryName('JP', 'nb')).toBe('JP');
	});

	it('never give one name to two countries', () => {
		const owner = new Map<string, string>();
		for (const country of countries) {
			for (const name of [...Object.values(country.names), ...country.aliases]) {
				const key = matchKey(name);
				expect(owner.get(key) ?? country.code, name).toBe(country.code);
				owner.set(key, country.code);
			}
		}
	});
});

describe('findCountry', () => {
	it('takes ISO codes in any case', () => {
		expect(findCountry('NO')).toBe('NO');
		expect(findCountry(' se ')).toBe('SE');
		expect(findCountry('jp')).toBe('JP');
	});

	it('takes names in any of the six languages, and aliases', () => {
		expect(findCountry('Norge')).toBe('NO');
		expect(findCountry('Noregur')).toBe('NO');
		expect(findCountry('norja')).toBe('NO');
		expect(findCountry('Noreg')).toBe('NO');
		expect(findCountry('Svíþjóð')).toBe('SE');
		expect(findCountry('Ruotsi')).toBe('SE');
		expect(findCountry('ísland')).toBe('IS');
		expect(findCountry('Island')).toBe('IS');
		expect(findCountry('Suomi')).toBe('FI');
		expect(findCountry('Danmörk')).toBe('DK');
		expect(findCountry('Færøerne')).toBe('FO');
		expect(findCountry('Iso-Britannia')).toBe('GB');
		expect(findCountry('UK')).toBe('GB');
		expect(findCountry('swe')).toBe('SE');
	});

	it('returns null for anything else', () => {
		expect(findCountry('Atlantis')).toBeNull();
		expect(findCountry('XX')).toBeNull();
		expect(findCountry('')).toBeNull();
	});
});

describe('pickLabel', () => {
	it('prefers the language, then English, then the first language given, then the fallback', () => {
		expect(pickLabel({ nb: 'Hei', en: 'Hi' }, 'nb', 'x')).toBe('Hei');
		expect(pickLabel({ nb: 'Hei', en: 'Hi' }, 'fi', 'x')).toBe('Hi');
		expect(pickLabel({ sv: 'Hej' }, 'fi', 'x')).toBe('Hej');
		expect(pickLabel({ sv: '' }, 'fi', 'x')).toBe('x');
	});
});
