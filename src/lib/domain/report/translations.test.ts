import { describe, expect, it } from 'vitest';
import { fixedT, languages, resources } from '$lib/i18n';
import { demoReportSource } from './fixtures';
import { buildReport } from './model';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value === 'string') out.set(path, value);
		else for (const [k, v] of flatten(value, path)) out.set(k, v);
	}
	return out;
}

function placeholders(text: string): string[] {
	return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

const report = Object.fromEntries(
	languages.map((lang) => [lang, flatten(resources[lang].report as Tree)])
);

describe('report translations', () => {
	it.each(languages)('%s has every key English has, and no others', (lang) => {
		expect([...report[lang]!.keys()].sort()).toEqual([...report.en!.keys()].sort());
	});

	it.each(languages)('%s fills every key and keeps the placeholders', (lang) => {
		for (const [key, english] of report.en!) {
			const text = report[lang]!.get(key)!;
			expect(text.trim(), `${lang} ${key}`).not.toBe('');
			expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english));
		}
	});

	it.each(languages)('%s: a report in it holds no untranslated key', (lang) => {
		const text = JSON.stringify(
			buildReport(demoReportSource(), { language: lang, generatedAt: '2025-05-20' }, fixedT)
		);
		expect(text).not.toMatch(/report\.[a-zA-Z]/);
		expect(text).not.toContain('{{');
	});
});
