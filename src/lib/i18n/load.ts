// The browser's texts: one lazily imported chunk per language and namespace, fetched before a
// page renders and when a person switches language.
import type { Language } from './shared';
import { pageNamespaces } from './pages';
import { addTexts, hasTexts, namespaces, type Namespace, type Texts } from './translator';

export { pageNamespaces };

// The landing page's texts never reach a browser (it ships no script).
const files = import.meta.glob<Texts>(['./locales/*/*.json', '!./locales/*/landing.json'], {
	import: 'default'
});

/** Loads what is missing of a language's namespaces; rejects if a file cannot be fetched. */
export async function loadTexts(lang: Language, needed: readonly Namespace[]): Promise<void> {
	await Promise.all(
		needed
			.filter((namespace) => !hasTexts(lang, namespace))
			.map(async (namespace) => {
				const file = files[`./locales/${lang}/${namespace}.json`];
				if (!file) throw new Error(`no locale file ${lang}/${namespace}`);
				addTexts(lang, namespace, await file());
			})
	);
}

/** What a switch to another language must fetch: the page's namespaces and any loaded since. */
export function shownNamespaces(lang: Language, routeId: string | null): Namespace[] {
	const page = pageNamespaces(routeId);
	return namespaces.filter((namespace) => page.includes(namespace) || hasTexts(lang, namespace));
}
