import type { Glossary } from '../glossary/types';
import type { Language } from '../session/types';
import { matchKey, pickLabel, type Labels } from './labels';

export {
	countries,
	countryName,
	findCountry,
	isCountryCode,
	isoCountryCodes,
	nordicCountryCodes,
	type CountryCode,
	type CountryDefinition
} from './countries';
export type { Labels } from './labels';

/** The stakeholder roles every conference starts with, in the order reports list them. */
export const defaultRoleIds = [
	'worker',
	'employer',
	'job-coach',
	'caseworker',
	'policy',
	'researcher',
	'coordinator',
	'other'
] as const;
export type DefaultRoleId = (typeof defaultRoleIds)[number];

/** A role id: a default one or one the organiser made (lower-case letters, digits, hyphens). */
export type RoleId = string;

/** A stakeholder role with its words in each language; organisers may add and rename roles. */
export interface RoleDefinition {
	/** Stable id, used in data and group keys; never shown. */
	id: RoleId;
	/** One person's role ("Arbeidsgiver"), per language. */
	label: Labels;
	/** The role as a group of people, for group names ("Arbeidsgivere" → "Arbeidsgivere II"). */
	groupLabel: Labels;
	/** Other words accepted on import (older titles, regional words); compared with matchKey. */
	aliases?: readonly string[];
}

/** A default role: every language is filled in. */
export interface DefaultRoleDefinition extends RoleDefinition {
	id: DefaultRoleId;
	label: Readonly<Record<Language, string>>;
	groupLabel: Readonly<Record<Language, string>>;
}

export const defaultRoles: readonly DefaultRoleDefinition[] = [
	{
		id: 'worker',
		label: {
			nb: 'Arbeidstaker',
			sv: 'Arbetstagare',
			da: 'Arbejdstager',
			is: 'Starfsmaður',
			fi: 'Työntekijä',
			en: 'Worker'
		},
		groupLabel: {
			nb: 'Arbeidstakere',
			sv: 'Arbetstagare',
			da: 'Arbejdstagere',
			is: 'Starfsmenn',
			fi: 'Työntekijät',
			en: 'Workers'
		},
		aliases: ['employee', 'ansatt', 'anställd', 'ansat', 'bruker', 'brukare', 'bruger']
	},
	{
		id: 'employer',
		label: {
			nb: 'Arbeidsgiver',
			sv: 'Arbetsgivare',
			da: 'Arbejdsgiver',
			is: 'Atvinnurekandi',
			fi: 'Työnantaja',
			en: 'Employer'
		},
		groupLabel: {
			nb: 'Arbeidsgivere',
			sv: 'Arbetsgivare',
			da: 'Arbejdsgivere',
			is: 'Atvinnurekendur',
			fi: 'Työnantajat',
			en: 'Employers'
		},
		aliases: ['vinnuveitandi', 'vinnuveitendur']
	},
	{
		id: 'job-coach',
		label: {
			nb: 'Jobbspesialist',
			sv: 'Jobbcoach',
			da: 'Jobcoach',
			is: 'Atvinnuráðgjafi',
			fi: 'Työvalmentaja',
			en: 'Job coach'
		},
		groupLabel: {
			nb: 'Jobbspesialister',
			sv: 'Jobbcoacher',
			da: 'Jobcoaches',
			is: 'Atvinnuráðgjafar',
			fi: 'Työvalmentajat',
			en: 'Job coaches'
		},
		// Titles the same work has had in the Nordic countries (the reference report uses several).
		aliases: [
			'jobbcoach',
			'jobcoach',
			'jobbkonsulent',
			'jobkonsulent',
			'arbetskonsulent',
			'arbeidskonsulent',
			'tilrettelegger',
			'työhönvalmentaja',
			'supported employment consultant'
		]
	},
	{
		id: 'caseworker',
		label: {
			nb: 'Saksbehandler',
			sv: 'Handläggare',
			da: 'Sagsbehandler',
			is: 'Málastjóri',
			fi: 'Virkailija',
			en: 'Caseworker'
		},
		groupLabel: {
			nb: 'Saksbehandlere',
			sv: 'Handläggare',
			da: 'Sagsbehandlere',
			is: 'Málastjórar',
			fi: 'Virkailijat',
			en: 'Caseworkers'
		},
		aliases: ['case worker', 'nav-veileder', 'veileder', 'handledare', 'arbetskraftsvägledare']
	},
	{
		id: 'policy',
		label: {
			nb: 'Beslutningstaker',
			sv: 'Beslutsfattare',
			da: 'Beslutningstager',
			is: 'Fulltrúi stjórnvalda',
			fi: 'Päättäjä',
			en: 'Policy maker'
		},
		groupLabel: {
			nb: 'Beslutningstakere',
			sv: 'Beslutsfattare',
			da: 'Beslutningstagere',
			is: 'Fulltrúar stjórnvalda',
			fi: 'Päättäjät',
			en: 'Policy makers'
		},
		aliases: [
			'policy',
			'policy-representant',
			'policy representative',
			'policy-kontakt',
			'myndighetsrepresentant',
			'myndighedsrepræsentant'
		]
	},
	{
		id: 'researcher',
		label: {
			nb: 'Forsker',
			sv: 'Forskare',
			da: 'Forsker',
			is: 'Rannsakandi',
			fi: 'Tutkija',
			en: 'Researcher'
		},
		groupLabel: {
			nb: 'Forskere',
			sv: 'Forskare',
			da: 'Forskere',
			is: 'Rannsakendur',
			fi: 'Tutkijat',
			en: 'Researchers'
		},
		aliases: ['medforsker', 'medforskare', 'fræðimaður']
	},
	{
		id: 'coordinator',
		label: {
			nb: 'Koordinator',
			sv: 'Samordnare',
			da: 'Koordinator',
			is: 'Verkefnastjóri',
			fi: 'Koordinaattori',
			en: 'Coordinator'
		},
		groupLabel: {
			nb: 'Koordinatorer',
			sv: 'Samordnare',
			da: 'Koordinatorer',
			is: 'Verkefnastjórar',
			fi: 'Koordinaattorit',
			en: 'Coordinators'
		},
		aliases: [
			'nasjonal koordinator',
			'national koordinator',
			'nationell samordnare',
			'samordner',
			'tengiliður',
			'national coordinator'
		]
	},
	{
		id: 'other',
		label: {
			nb: 'Annen rolle',
			sv: 'Annan roll',
			da: 'Anden rolle',
			is: 'Annað hlutverk',
			fi: 'Muu rooli',
			en: 'Other'
		},
		groupLabel: {
			nb: 'Andre',
			sv: 'Övriga',
			da: 'Øvrige',
			is: 'Aðrir',
			fi: 'Muut',
			en: 'Others'
		},
		aliases: ['annet', 'annat', 'andet', 'annað', 'muu', 'other role']
	}
];

const roleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a usable role id: 1–40 characters of a–z, 0–9 and single inner hyphens. */
export function isRoleId(value: string): boolean {
	return value.length <= 40 && roleIdPattern.test(value);
}

/**
 * The roles of a conference: the defaults, with the organiser's renames applied language by
 * language (a rename of one language keeps the others), then the organiser's own roles.
 */
export function resolveRoles(custom: readonly RoleDefinition[] = []): RoleDefinition[] {
	const roles: RoleDefinition[] = defaultRoles.map((r) => ({ ...r }));
	for (const role of custom) {
		const index = roles.findIndex((r) => r.id === role.id);
		const existing = index === -1 ? undefined : roles[index];
		if (existing) {
			const label = { ...existing.label, ...definedOnly(role.label) };
			const groupLabel = { ...existing.groupLabel, ...definedOnly(role.groupLabel) };
			// Words that were renamed still find the role on import: files made earlier use them.
			const replaced = [...Object.values(existing.label), ...Object.values(existing.groupLabel)]
				.filter((word): word is string => !!word)
				.filter((word) => !Object.values(label).includes(word))
				.filter((word) => !Object.values(groupLabel).includes(word));
			roles[index] = {
				id: role.id,
				label,
				groupLabel,
				aliases: [...(existing.aliases ?? []), ...replaced, ...(role.aliases ?? [])]
			};
		} else {
			roles.push({ ...role });
		}
	}
	return roles;
}

function definedOnly(labels: Labels): Labels {
	return Object.fromEntries(Object.entries(labels).filter(([, v]) => v)) as Labels;
}

/**
 * A role's word in a language: the person form ('one') or the group form ('group'), falling back
 * to English, then any language, then the id (a role that was deleted still shows something).
 */
export function roleLabel(
	roles: readonly RoleDefinition[],
	id: RoleId,
	lang: Language,
	form: 'one' | 'group' = 'one'
): string {
	const role = roles.find((r) => r.id === id);
	if (!role) return id;
	return pickLabel(form === 'group' ? role.groupLabel : role.label, lang, id);
}

/**
 * The glossary concept behind a default role: its terms in every language (the generic ones
 * too, such as Icelandic "ráðgjafi" for a caseworker) are words for the role on import.
 */
export const roleConcepts: Readonly<Partial<Record<DefaultRoleId, string>>> = {
	worker: 'employee',
	employer: 'employer',
	'job-coach': 'job-coach',
	caseworker: 'caseworker'
};

/**
 * The roles a typed word can mean, in role order; case, spaces and hyphens do not matter. A
 * role's id, person word or group word in any language decides alone; otherwise every role
 * whose aliases or glossary terms (from `glossary`, the conference's) have the word is listed,
 * so a word that fits several roles ("veileder") lists them all. Empty when nothing fits.
 */
export function findRoles(
	roles: readonly RoleDefinition[],
	value: string,
	glossary: Glossary = []
): RoleId[] {
	const key = matchKey(value);
	if (!key) return [];
	const has = (words: readonly (string | undefined)[]) =>
		words.some((w) => w && matchKey(w) === key);
	const named = roles.filter((role) =>
		has([role.id, ...Object.values(role.label), ...Object.values(role.groupLabel)])
	);
	if (named.length > 0) return named.map((role) => role.id);
	return roles
		.filter((role) => {
			const conceptId = roleConcepts[role.id as DefaultRoleId];
			const concept = conceptId ? glossary.find((c) => c.id === conceptId) : undefined;
			const terms = concept ? Object.values(concept.terms).flat() : [];
			return has([...(role.aliases ?? []), ...terms]);
		})
		.map((role) => role.id);
}

/** The one role a typed word means (see `findRoles`); null when it fits none or several. */
export function findRole(
	roles: readonly RoleDefinition[],
	value: string,
	glossary: Glossary = []
): RoleId | null {
	const found = findRoles(roles, value, glossary);
	return found.length === 1 ? found[0]! : null;
}
