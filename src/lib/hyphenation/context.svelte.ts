/**
 * Hyphenation on the screens (projector and plenum): each language's patterns are loaded the
 * first time a text in that language is shown, and never on phones or consoles (no context).
 * Text is hyphenated as it is drawn; views and what people typed stay as written.
 */
import { getContext, setContext } from 'svelte';
import type { Language } from '$lib/domain/session/types';
import { hyphenateText, type WordHyphenator } from './hyphenate';

type Patterns = { default: unknown };

// One chunk per language: a screen fetches only the languages it shows.
const patterns: Record<Language, () => Promise<Patterns>> = {
	nb: () => import('hyphen/patterns/nb.js'),
	sv: () => import('hyphen/patterns/sv.js'),
	da: () => import('hyphen/patterns/da.js'),
	is: () => import('hyphen/patterns/is.js'),
	fi: () => import('hyphen/patterns/fi.js'),
	en: () => import('hyphen/patterns/en-gb.js')
};

// Notes are drawn again with every view; each text is hyphenated once.
const cacheLimit = 4000;

export class Hyphenation {
	#loaded = $state.raw<Partial<Record<Language, WordHyphenator>>>({});
	// Bookkeeping and a cache, never state: filled while drawing.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #loading = new Set<Language>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #cache = new Map<string, string>();

	/** The text with soft hyphens for this language; as it is until the patterns are there. */
	text(text: string, language: Language): string {
		const hyphenateWord = this.#loaded[language];
		if (!hyphenateWord) {
			this.#load(language);
			return text;
		}
		const key = `${language}\u0000${text}`;
		let out = this.#cache.get(key);
		if (out === undefined) {
			if (this.#cache.size >= cacheLimit) this.#cache.clear();
			out = hyphenateText(text, hyphenateWord);
			this.#cache.set(key, out);
		}
		return out;
	}

	#load(language: Language): void {
		if (this.#loading.has(language)) return;
		this.#loading.add(language);
		void this.#fetch(language);
	}

	async #fetch(language: Language): Promise<void> {
		try {
			const [{ default: create }, { default: data }] = await Promise.all([
				import('hyphen/hyphen.js'),
				patterns[language]()
			]);
			const hyphenateWord: WordHyphenator = create(data);
			this.#loaded = { ...this.#loaded, [language]: hyphenateWord };
		} catch {
			// Without patterns the text simply stays unhyphenated; a later screen load tries again.
		}
	}
}

const key = Symbol('hyphenation');

/** Makes screens below hyphenate what they draw. */
export function provideHyphenation(): Hyphenation {
	return setContext(key, new Hyphenation());
}

/** The screen's hyphenation, or null where text is drawn as written (phones, consoles). */
export function useHyphenation(): Hyphenation | null {
	return getContext<Hyphenation | undefined>(key) ?? null;
}
