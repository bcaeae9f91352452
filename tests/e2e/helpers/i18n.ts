/** The locale texts the pages should show, read from the same files the app uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeTags } from '$lib/domain/languages';
import { languages, type Language } from '$lib/domain/session/types';
import { root } from './paths';

export { languages, type Language };

/** Browser locales of each country (Playwright sends them as Accept-Language). */
export const browserLocale: Record<Language, string> = localeTags;

type Tree = { [key: string]: string | Tree };

const namespaces = ['session', 'conference', 'glossary', 'report', 'organiser', 'privacy'];
const cache = new Map<string, Tree>();

function texts(lang: Language, namespace: string): Tree {
	let tree = cache.get(`${lang}/${namespace}`);
	if (!tree) {
		const file = join(root, 'src', 'lib', 'i18n', 'locales', lang, `${namespace}.json`);
		tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
		cache.set(`${lang}/${namespace}`, tree);
	}
	return tree;
}

function find(tree: Tree, parts: string[]): string | undefined {
	let node: string | Tree | undefined = tree;
	for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

/** A text from common.json by dotted key, with {{name}} placeholders filled in. */
export function text(lang: Language, key: string, params: Record<string, string | number> = {}) {
	const found = find(texts(lang, 'common'), key.split('.'));
	if (found === undefined) throw new Error(`no text ${key} in ${lang}`);
	return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
		String(params[name] ?? `{{${name}}}`)
	);
}

/** A UI text as the app shows it: key as in t('…'), placeholders filled, plural by Intl. */
export function translate(
	lang: Language,
	key: string,
	params: Record<string, string | number> = {}
): string {
	const [first, ...rest] = key.split('.');
	const namespace = namespaces.includes(first!) ? first! : 'common';
	const path = namespace === 'common' ? [first!, ...rest] : rest;
	const tree = texts(lang, namespace);
	let found: string | undefined;
	if (typeof params.count === 'number') {
		const category = new Intl.PluralRules(browserLocale[lang]).select(params.count);
		found = find(tree, [...path.slice(0, -1), `${path.at(-1)}_${category}`]);
	}
	found ??= find(tree, path);
	if (found === undefined) throw new Error(`no text ${key} in ${lang}`);
	return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Text as the server renders it into HTML. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
