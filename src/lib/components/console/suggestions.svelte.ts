import { LazyComponent } from '$lib/components/lazy.svelte';
import { LazyTexts } from '$lib/components/lazy-texts.svelte';

/** Suggested headings: their panel and texts come once the clarify panel shows, never before. */
export const suggestionsPanel = new LazyComponent(() => import('./SuggestionsPanel.svelte'));
export const suggestionTexts = new LazyTexts(['console-later']);
