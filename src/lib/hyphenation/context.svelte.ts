/**
 * Hyphenation on the screens (projector and plenum): each language's patterns are loaded once
 * the screen is idle after first drawing a text in that language, so never before its live view
 * shows; phones and consoles never import this module. Text is hyphenated as it is drawn; views
 * and what people typed stay as written.
 */
import type { Language } from '$lib/domain/session/types';
import { whenIdle } from '$lib/components/lazy.svelte';
import { provideTextDrawing, type TextDrawing } from '$lib/components/text/drawing';
import { useI18n } from '$lib/i18n/state.svelte';
import { hyphenateText, termLanguage, type WordHyphenator } from './hyphenate';

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
	/** Languages whose patterns arrived or could not be fetched. */
	#done = $state.raw<readonly Language[]>([]);
	// Bookkeeping and a cache, never state: filled while drawing.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #loading = new Set<Language>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #queued = new Set<Language>();
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

	/** Every language drawn so far has its patterns, or will be drawn without them. */
	get settled(): boolean {
		const done = this.#done;
		return [...this.#loading].every((language) => done.includes(language));
	}

	#load(language: Language): void {
		if (this.#loading.has(language)) return;
		this.#loading.add(language);
		// The languages drawn in one go are fetched together, once the drawn view is on screen.
		if (this.#queued.size === 0)
			whenIdle(() => {
				const languages = [...this.#queued];
				this.#queued.clear();
				for (const queued of languages) void this.#fetch(queued);
			});
		this.#queued.add(language);
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
		this.#done = [...this.#done, language];
	}
}

/** Makes screens below hyphenate what they draw: text in the screen's language, terms in theirs. */
export function provideHyphenation(): Hyphenation {
	const hyphenation = new Hyphenation();
	const i18n = useI18n();
	const drawing: TextDrawing = {
		draw: (text, termLanguages) =>
			hyphenation.text(text, termLanguages ? termLanguage(termLanguages, i18n.lang) : i18n.lang),
		get settled() {
			return hyphenation.settled;
		}
	};
	provideTextDrawing(drawing);
	return hyphenation;
}
