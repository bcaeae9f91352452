import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, languages, type Language, type Translate } from './shared';

/** The locale files of each language; texts of namespaces other than common sit under its name. */
export const namespaces = [
	'common',
	'landing',
	'session',
	'session-later',
	'console',
	'console-later',
	'conference',
	'glossary',
	'download',
	'report',
	'organiser',
	'privacy'
] as const;
export type Namespace = (typeof namespaces)[number];

/** Where a namespace's texts sit in the tree: session-later's keys are the session's too. */
export function mountOf(namespace: Namespace): string {
	if (namespace === 'console-later') return 'console';
	return namespace === 'session-later' ? 'session' : namespace;
}

/** A locale file's content. */
export type Texts = { [key: string]: string | Texts };

/**
 * One shared instance, filled namespace by namespace: the server adds every file at start-up,
 * a browser only what its page renders (see load.ts).
 */
const instance = i18next.createInstance();
void instance.init({
	resources: {},
	lng: defaultLanguage,
	fallbackLng: false,
	supportedLngs: [...languages],
	initAsync: false,
	returnNull: false,
	interpolation: { escapeValue: false },
	showSupportNotice: false,
	// A key from a namespace the page did not load would show raw: say so where tests listen.
	saveMissing: true,
	missingKeyHandler: (lngs, _namespace, key) => {
		console.error(`i18n: missing text "${key}" in ${lngs.join(', ')}`);
	}
});

const loaded = new Set<string>();

/** Adds one locale file's texts for a language. */
export function addTexts(lang: Language, namespace: Namespace, texts: Texts): void {
	instance.addResourceBundle(
		lang,
		'translation',
		namespace === 'common' ? texts : { [mountOf(namespace)]: texts },
		true,
		true
	);
	loaded.add(`${lang}/${namespace}`);
}

/** Adds a language's whole tree at once (the server's copy of every locale file). */
export function addAllTexts(lang: Language, tree: Texts): void {
	instance.addResourceBundle(lang, 'translation', tree, true, true);
	for (const namespace of namespaces) loaded.add(`${lang}/${namespace}`);
}

/** Whether a language's namespace is loaded here. */
export function hasTexts(lang: Language, namespace: Namespace): boolean {
	return loaded.has(`${lang}/${namespace}`);
}

const translators = new Map<Language, Translate>();

/** A translate function for one language. */
export function fixedT(lang: Language): Translate {
	let translate = translators.get(lang);
	if (!translate) {
		const t: TFunction = instance.getFixedT(lang);
		translate = (key, params) =>
			(t as unknown as (k: string, o: object) => string)(key, params ?? {});
		translators.set(lang, translate);
	}
	return translate;
}
