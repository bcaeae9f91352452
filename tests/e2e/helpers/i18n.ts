/** The locale texts the pages should show, read from the same files the app uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeTags } from '$lib/domain/languages';
import { languages, type Language } from '$lib/domain/session/types';
import { mountOf, namespaces, type Texts } from '$lib/i18n/translator';
import { root } from './paths';

export { languages, type Language };

/** Browser locales of each country (Playwright sends them as Accept-Language). */
export const browserLocale: Record<Language, string> = localeTags;

/** Namespaces other than common, whose texts sit under their own name (or another's: mountOf). */
const mounted: readonly string[] = namespaces
	.filter((namespace) => namespace !== 'common')
	.map(mountOf);
const cache = new Map<string, Texts>();

function texts(lang: Language, namespace: string): Texts {
	let tree = cache.get(`${lang}/${namespace}`);
	if (!tree) {
		const file = join(root, 'src', 'lib', 'i18n', 'locales', lang, `${namespace}.json`);
		tree = JSON.parse(readFileSync(file, 'utf8')) as Texts;
		cache.set(`${lang}/${namespace}`, tree);
	}
	return tree;
}

function find(tree: Texts, parts: string[]): string | undefined {
	let node: string | Texts | undefined = tree;
	for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

/** The text of a key as in t('…'), from the file its first part names (common.json otherwise). */
function lookUp(lang: Language, key: string, count?: number): string {
	const [first, ...rest] = key.split('.');
	const namespace = mounted.includes(first!) ? first! : 'common';
	const path = namespace === 'common' ? [first!, ...rest] : rest;
	// The files mounted under one name share its keys (session and session-later).
	const files = namespaces.filter((n) => n !== 'common' && mountOf(n) === namespace);
	const tree =
		namespace === 'common'
			? texts(lang, 'common')
			: Object.assign({}, ...files.map((file) => texts(lang, file)));
	let found: string | undefined;
	if (count !== undefined) {
		const category = new Intl.PluralRules(browserLocale[lang]).select(count);
		found = find(tree, [...path.slice(0, -1), `${path.at(-1)}_${category}`]);
	}
	found ??= find(tree, path);
	if (found === undefined) throw new Error(`no text ${key} in ${lang}`);
	return found;
}

/** A text by dotted key, with {{name}} placeholders filled in (unknown ones left as they are). */
export function text(lang: Language, key: string, params: Record<string, string | number> = {}) {
	return lookUp(lang, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
		String(params[name] ?? `{{${name}}}`)
	);
}

/** A UI text as the app shows it: key as in t('…'), placeholders filled, plural by Intl. */
export function translate(
	lang: Language,
	key: string,
	params: Record<string, string | number> = {}
): string {
	const count = typeof params.count === 'number' ? params.count : undefined;
	return lookUp(lang, key, count).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
		String(params[name] ?? '')
	);
}

/** Text as the server renders it into HTML. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
