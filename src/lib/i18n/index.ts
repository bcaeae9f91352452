import i18next, { type TFunction } from 'i18next';
import { findLanguage, type Translate } from '$lib/domain/languages';
import { languages, type Language } from '$lib/domain/session/types';
import { resources } from './locales';

export { languages, type Language };
export { languageNames, localeTags, type Translate } from '$lib/domain/languages';

export const defaultLanguage: Language = 'en';
export const languageCookie = 'lang';

export { resources };

/** One shared, synchronously initialised instance; use fixedT(lang) for a language. */
const instance = i18next.createInstance();
void instance.init({
	resources: Object.fromEntries(
		Object.entries(resources).map(([lang, translation]) => [lang, { translation }])
	),
	lng: defaultLanguage,
	fallbackLng: false,
	supportedLngs: [...languages],
	initAsync: false,
	returnNull: false,
	interpolation: { escapeValue: false },
	showSupportNotice: false
});

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (languages as readonly string[]).includes(value);
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

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLanguage(header: string | null | undefined): Language | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((entry) => entry.tag !== '' && entry.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const language = findLanguage(tag.split('-')[0]!);
		if (language) return language;
	}
	return null;
}

/** Reads a cookie header's value for one name; a malformed value counts as absent. */
export function cookieValue(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key !== name) continue;
		try {
			return decodeURIComponent(rest.join('='));
		} catch {
			return null;
		}
	}
	return null;
}

/** The language for a request: the cookie if set, else the browser's preference, else English. */
export function requestLanguage(
	cookieHeader: string | undefined,
	acceptLanguage: string | null | undefined
): Language {
	const chosen = cookieValue(cookieHeader, languageCookie);
	if (isLanguage(chosen)) return chosen;
	return negotiateLanguage(acceptLanguage) ?? defaultLanguage;
}
