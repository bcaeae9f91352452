// What both the server and the browser need to know about languages, without any texts.
import { findLanguage } from '$lib/domain/languages';
import { languages, type Language } from '$lib/domain/session/types';

export { languages, type Language };
export { languageNames, localeTags, type Translate } from '$lib/domain/languages';

export const defaultLanguage: Language = 'en';
export const languageCookie = 'lang';

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (languages as readonly string[]).includes(value);
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
