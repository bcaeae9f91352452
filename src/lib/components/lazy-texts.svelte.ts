import { loadTexts } from '$lib/i18n/load';
import type { Language } from '$lib/i18n/shared';
import { hasTexts, type Namespace } from '$lib/i18n/translator';

/**
 * Namespaces a page fetches after it is usable, with the parts that use them: ready in a
 * language once all are here (fetched by load, or by a language switch that carried them).
 */
export class LazyTexts {
	/** Asked for once: from then on every language the page shows needs them. */
	requested = $state(false);
	/** Languages loaded here: what makes ready() re-run in the components that asked. */
	#loaded = $state.raw<Language[]>([]);
	// A plain map on purpose: the fetches under way, never shown.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #loading = new Map<Language, Promise<void>>();
	readonly #namespaces: readonly Namespace[];

	constructor(namespaces: readonly Namespace[]) {
		this.#namespaces = namespaces;
	}

	ready(lang: Language): boolean {
		return (
			this.#loaded.includes(lang) ||
			this.#namespaces.every((namespace) => hasTexts(lang, namespace))
		);
	}

	load(lang: Language): Promise<void> {
		this.requested = true;
		let loading = this.#loading.get(lang);
		if (!loading) {
			loading = this.#fetch(lang);
			this.#loading.set(lang, loading);
		}
		return loading;
	}

	async #fetch(lang: Language): Promise<void> {
		try {
			await loadTexts(lang, this.#namespaces);
			if (!this.#loaded.includes(lang)) this.#loaded = [...this.#loaded, lang];
		} catch {
			// Offline: tried again the next time they are asked for.
			this.#loading.delete(lang);
		}
	}
}
