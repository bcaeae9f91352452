import { getContext, setContext } from 'svelte';
import { localeTags, type Language } from './shared';
import { fixedT } from './translator';

/** The UI language of this page, reactive: components re-render when it changes. */
export class I18n {
	#lang = $state<Language>('en');

	constructor(lang: Language) {
		this.#lang = lang;
	}

	get lang(): Language {
		return this.#lang;
	}

	/** BCP 47 tag for Intl formatting. */
	get locale(): string {
		return localeTags[this.#lang];
	}

	set(lang: Language): void {
		this.#lang = lang;
	}

	/** Translates a key in the current language. */
	t = (key: string, params?: Record<string, unknown>): string => fixedT(this.#lang)(key, params);
}

const key = Symbol('i18n');

export function provideI18n(i18n: I18n): I18n {
	return setContext(key, i18n);
}

export function useI18n(): I18n {
	const i18n = getContext<I18n | undefined>(key);
	if (!i18n) throw new Error('useI18n() outside the root layout');
	return i18n;
}
