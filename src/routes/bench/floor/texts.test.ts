import { describe, expect, it } from 'vitest';
import { languages } from '$lib/domain/session/types';
import type { FloorTexts } from './+page';

const texts = import.meta.glob<FloorTexts>('./texts/*.json', { import: 'default', eager: true });

describe('the floor page texts', () => {
	it('exist in every language with the same, non-empty keys', () => {
		const english = Object.keys(texts['./texts/en.json']!).sort();
		for (const lang of languages) {
			const own = texts[`./texts/${lang}.json`];
			expect(own, `texts/${lang}.json`).toBeDefined();
			expect(Object.keys(own!).sort(), `keys of texts/${lang}.json`).toEqual(english);
			const empty = Object.entries(own!).filter(([, value]) => value.trim() === '');
			expect(empty, `empty texts in texts/${lang}.json`).toEqual([]);
		}
		expect(Object.keys(texts).length).toBe(languages.length);
	});
});
