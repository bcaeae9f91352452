/**
 * The translation check: every locale has the same keys, plural forms fit each language, every
 * key is used, every key the code asks for exists, and no Svelte component shows text that
 * bypasses i18next. Adding a language or a string? Run `npx vitest run src/lib/i18n/check.test.ts`:
 * each failure names the file, the key or the line to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';
import { chai, describe, expect, it } from 'vitest';
import { languages, localeTags } from './index';
import { namespaces } from './locales';
import { mountOf, type Namespace } from './translator';

// Show whole lists of offenders, not "[ Array(12) ]".
chai.config.truncateThreshold = 0;

const root = fileURLToPath(new URL('../../..', import.meta.url));
const src = join(root, 'src');
const localesDir = join(src, 'lib', 'i18n', 'locales');

/**
 * Keys the code builds at run time: a prefix, then a value from a closed set. Every key under
 * a prefix counts as used; each template literal t(`prefix.${…}`) in src must be listed here.
 */
const dynamicKeyPrefixes: Record<string, string> = {
	'errors.': 'error codes from the server and the core (DomainError.code)',
	'session.phase.': 'the phase names of a session (Phase)',
	'console.next.': 'the label of the "next phase" button, per phase',
	'console.phaseHelp.': 'the help under the phase controls, per phase',
	'session.results.withheld.reason.': 'why a closed vote shows no tally (WithheldReason)',
	'conference.programme.kind.': 'programme item kinds (plenary, group, break, social)',
	'conference.device.kind.': 'how a device came to use a name (BindingKind)',
	'report.kind.': 'programme item kinds in the report',
	'report.vote.': 'whether a group vote is open or closed in the report',
	'glossary.problems.': 'codes of problems with a glossary concept (ConceptErrorCode)',
	'glossary.import.fileErrors.': 'codes of problems with an uploaded glossary CSV',
	'glossary.import.warnings.': 'codes of warnings about an uploaded glossary CSV',
	'organiser.import.fileErrors.': 'codes of problems with an uploaded participants CSV',
	'organiser.themes.done.': 'what a form on the themes page did (its scope)',
	'organiser.import.warnings.': 'codes of warnings about an uploaded participants CSV',
	'organiser.import.fieldErrors.': 'codes of problems with a participant row',
	'organiser.import.fields.': 'participant fields, named in messages and table heads',
	'organiser.import.choiceProblems.': 'what a participants import still needs (ImportPlanError)',
	'organiser.import.templateHeaders.': 'column heads of the participants CSV template',
	'organiser.invalid.': 'form fields whose malformed value has its own message (form-errors.ts)',
	'organiser.required.': 'form fields whose missing value has its own message (form-errors.ts)',
	'organiser.programme.kinds.': 'programme item kinds (plenary, group, break, social)',
	'organiser.rounds.rules.': 'grouping rules (GroupingRule)',
	'organiser.rounds.ruleHints.': 'a hint per grouping rule',
	'organiser.roundDetail.warnings.notKept.': 'why allocation could not keep a person in place',
	'organiser.accounts.done.': 'what an administrator just did to an account',
	'organiser.accounts.problem.':
		'why an administrator’s action on an account was refused (AccountProblem)',
	'organiser.sharing.tie.': 'how an account is tied to a conference (ConferenceTie)',
	'organiser.sharing.problem.': 'why a conference could not be shared (ShareProblem)',
	'privacy.page.stored.': 'the privacy page lists what is stored, item by item',
	'privacy.page.sees.': 'the privacy page lists who sees what, item by item',
	'download.format.': 'export formats (html, pdf, docx …) and their hints',
	'report.export.glossary.': 'where the language help goes in the report (GlossaryPlacement)',
	'report.export.import.problems.': 'codes of problems with an archive to import',
	'report.export.import.issue.': 'kinds of problems inside an archive to import'
};

/** Plural suffixes i18next uses (Intl.PluralRules categories). */
const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const pluralSuffix = new RegExp(`_(${pluralCategories.join('|')})$`);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}

/** Every key of a namespace file as the app sees it (common is mounted at the top level). */
function readNamespace(lang: string, namespace: Namespace): Map<string, string> {
	const file = join(localesDir, lang, `${namespace}.json`);
	const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
	return flatten(tree, namespace === 'common' ? '' : `${mountOf(namespace)}.`);
}

/** A key without its plural suffix, and the suffix's category (null for a plain key). */
function splitPlural(key: string): { base: string; category: string | null } {
	const match = pluralSuffix.exec(key);
	return match
		? { base: key.slice(0, match.index), category: match[1]! }
		: { base: key, category: null };
}

function placeholders(text: string): string[] {
	return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);
}

/** A language's keys grouped by base: plain, or a plural family with its categories. */
interface Entry {
	categories: Set<string> | null;
	placeholders: Set<string>;
}

function entries(keys: Map<string, string>): Map<string, Entry> {
	const out = new Map<string, Entry>();
	for (const [key, value] of keys) {
		// A plural family always has _other; errors.too_many alone is a plain key.
		const split = splitPlural(key);
		const { base, category } = keys.has(`${split.base}_other`)
			? split
			: { base: key, category: null };
		let entry = out.get(base);
		if (!entry) {
			entry = { categories: category ? new Set() : null, placeholders: new Set() };
			out.set(base, entry);
		}
		if (category) (entry.categories ??= new Set()).add(category);
		for (const p of placeholders(value)) entry.placeholders.add(p);
	}
	return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) sourceFiles(path, out);
		else out.push(path);
	}
	return out;
}

const files = sourceFiles(src)
	.filter((f) => /\.(ts|js|svelte)$/.test(f) && !/\.test\.ts$/.test(f))
	.sort();
const code = new Map(files.map((f) => [relative(root, f), readFileSync(f, 'utf8')]));

describe('locale files', () => {
	it('exist for every language and namespace, and nothing else', () => {
		const onDisk = readdirSync(localesDir, { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
		expect(onDisk, 'a folder per language in src/lib/i18n/locales').toEqual([...languages].sort());
		for (const lang of languages) {
			const names = readdirSync(join(localesDir, lang))
				.filter((f) => f.endsWith('.json'))
				.map((f) => f.slice(0, -'.json'.length))
				.sort();
			expect(names, `namespace files in locales/${lang}`).toEqual([...namespaces].sort());
		}
	});

	describe.each([...namespaces])('%s.json', (namespace) => {
		const byLanguage = new Map(
			languages.map((lang) => [lang, entries(readNamespace(lang, namespace))] as const)
		);
		const union = [...new Set(languages.flatMap((l) => [...byLanguage.get(l)!.keys()]))].sort();

		it.each([...languages])('%s has every key the other languages have', (lang) => {
			const own = byLanguage.get(lang)!;
			const missing = union.filter((key) => !own.has(key));
			expect(missing, `keys missing from locales/${lang}/${namespace}.json`).toEqual([]);
		});

		it.each([...languages])("%s plural forms are exactly its language's categories", (lang) => {
			const expected = new Intl.PluralRules(localeTags[lang]).resolvedOptions().pluralCategories;
			const wrong: string[] = [];
			for (const [base, entry] of byLanguage.get(lang)!) {
				const others = languages.filter((l) => l !== lang);
				const pluralElsewhere = others.some((l) => byLanguage.get(l)!.get(base)?.categories);
				if (!entry.categories) {
					if (pluralElsewhere) wrong.push(`${base}: plural in other languages, plain here`);
					continue;
				}
				// _zero is optional in every language (i18next uses it for count 0 when present).
				const have = [...entry.categories].filter((c) => c !== 'zero').sort();
				const want = [...expected].sort();
				if (have.join() !== want.join()) {
					wrong.push(`${base}: has _${have.join(', _')}; ${lang} needs _${want.join(', _')}`);
				}
			}
			expect(wrong, `plural families in locales/${lang}/${namespace}.json`).toEqual([]);
		});

		it.each([...languages])('%s uses the same {{placeholders}} as English', (lang) => {
			const english = byLanguage.get('en')!;
			const differ: string[] = [];
			for (const [base, entry] of byLanguage.get(lang)!) {
				const want = english.get(base)?.placeholders;
				if (!want) continue;
				const a = [...entry.placeholders].sort().join();
				const b = [...want].sort().join();
				if (a !== b) differ.push(`${base}: {{${a}}} vs English {{${b}}}`);
			}
			expect(differ, `placeholders in locales/${lang}/${namespace}.json`).toEqual([]);
		});

		it.each([...languages])('%s has no empty texts', (lang) => {
			const empty = [...readNamespace(lang, namespace)]
				.filter(([, value]) => value.trim() === '')
				.map(([key]) => key);
			expect(empty, `empty texts in locales/${lang}/${namespace}.json`).toEqual([]);
		});
	});
});

describe('keys and code', () => {
	const english = new Map<string, Entry>();
	for (const namespace of namespaces) {
		for (const [base, entry] of entries(readNamespace('en', namespace))) english.set(base, entry);
	}
	const roots = new Set([...english.keys()].map((k) => k.split('.')[0]!));

	// Every quoted string that looks like a key ('session.phone.join'), wherever it is used.
	const literals = new Set<string>();
	// Template literals that build a key: `session.phase.${phase}`.
	const dynamic: { prefix: string; where: string }[] = [];
	// Keys passed to a translate call: t('…'), ctx.t('…'), fixedT(lang)('…').
	const requested: { key: string; where: string }[] = [];
	for (const [file, text] of code) {
		const lineOf = (index: number) => `${file}:${text.slice(0, index).split('\n').length}`;
		for (const m of text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) literals.add(m[2]!);
		for (const m of text.matchAll(/`([A-Za-z][\w-]*\.(?:[\w-]+\.)*)\$\{/g)) {
			if (roots.has(m[1]!.split('.')[0]!)) dynamic.push({ prefix: m[1]!, where: lineOf(m.index) });
		}
		for (const m of text.matchAll(/(?:\bt|\)|\bfixedT\([^)]*\))\(\s*(['"])([^'"\n]+)\1/g)) {
			if (roots.has(m[2]!.split('.')[0]!)) requested.push({ key: m[2]!, where: lineOf(m.index) });
		}
	}
	const covered = (key: string) =>
		Object.keys(dynamicKeyPrefixes).some((prefix) => key.startsWith(prefix));
	// `organiser.import.${kind}.${code}` is declared by its families (organiser.import.warnings.…).
	const declared = (prefix: string) =>
		Object.keys(dynamicKeyPrefixes).some((p) => prefix.startsWith(p) || p.startsWith(prefix));

	it('uses every key (literally, or under a declared dynamic prefix)', () => {
		const unused = [...english.keys()].filter((key) => !literals.has(key) && !covered(key));
		expect(unused, 'keys in the English locale that no code in src uses').toEqual([]);
	});

	it('declares every dynamic key prefix', () => {
		const undeclared = dynamic
			.filter(({ prefix }) => !declared(prefix))
			.map(({ prefix, where }) => `${where}: ${prefix}\${…} (add it to dynamicKeyPrefixes)`);
		expect(undeclared).toEqual([]);
	});

	it('asks only for keys that exist', () => {
		const unknown = requested
			.filter(({ key }) => !english.has(key))
			.map(({ key, where }) => `${where}: ${key}`);
		expect(unknown).toEqual([]);
	});
});

/** Attributes people see or hear; their literal text must come from i18next too. */
const visibleAttributes = new Set([
	'aria-label',
	'aria-description',
	'aria-roledescription',
	'aria-valuetext',
	'aria-placeholder',
	'title',
	'alt',
	'placeholder',
	'label'
]);

/** Words that are the same in every language: the product's name. */
const untranslatable = /Samråd/g;

interface Offender {
	where: string;
	text: string;
}

/** Literal text with letters in a component's markup, outside {…} expressions. */
function untranslatedText(source: string, file: string): Offender[] {
	const ast = parse(source, { modern: true });
	const found: Offender[] = [];
	const report = (node: { start: number; data: string }, attribute: string | null) => {
		if (!/\p{L}/u.test(node.data.replace(untranslatable, ''))) return;
		const line = source.slice(0, node.start).split('\n').length;
		const text = node.data.trim().replace(/\s+/g, ' ').slice(0, 60);
		found.push({ where: `${file}:${line}`, text: attribute ? `${attribute}="${text}"` : text });
	};
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) {
			for (const child of node) walk(child);
			return;
		}
		if (!node || typeof node !== 'object') return;
		const n = node as Record<string, unknown> & { type?: unknown };
		if (typeof n.type === 'string') {
			// Scripts and styles are not markup; {…} is code; directives and classes are not shown.
			if (n.type === 'Script' || n.type === 'StyleSheet' || n.type === 'Comment') return;
			if (n.type === 'ExpressionTag' || n.type.endsWith('Directive')) return;
			if (n.type === 'Attribute') {
				const name = String(n.name).toLowerCase();
				if (visibleAttributes.has(name) && Array.isArray(n.value)) {
					for (const part of n.value as { type: string; start: number; data: string }[]) {
						if (part.type === 'Text') report(part, name);
					}
				}
				return;
			}
			if (n.type === 'Text') {
				report(n as unknown as { start: number; data: string }, null);
				return;
			}
		}
		for (const [key, value] of Object.entries(n)) {
			if (key !== 'metadata' && key !== 'parent' && value && typeof value === 'object') walk(value);
		}
	};
	walk(ast.fragment);
	return found;
}

describe('Svelte components', () => {
	it('finds literal text, and only literal text', () => {
		const sample = [
			'<script>let name = "Visible?";</script>',
			'<h1>{t("a.b")}</h1>',
			'<p class="hint words" style:color="red">Not translated</p>',
			'<img alt="A picture" src="/x.png" />',
			'<button aria-label={t("x.y")}>✕</button>',
			'<span title="Samråd">Samråd – {title}</span>',
			'<!-- a comment -->',
			'<style>p { content: "text"; }</style>'
		].join('\n');
		expect(untranslatedText(sample, 'Sample.svelte').map((o) => o.text)).toEqual([
			'Not translated',
			'alt="A picture"'
		]);
	});

	it('show no text that bypasses i18next', () => {
		const offenders = [...code]
			.filter(([file]) => file.endsWith('.svelte'))
			.flatMap(([file, text]) => untranslatedText(text, file))
			.map((o) => `${o.where}: ${o.text}`);
		expect(offenders).toEqual([]);
	});
});
