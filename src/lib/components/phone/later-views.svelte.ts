import { LazyComponent } from '$lib/components/lazy.svelte';
import { LazyTexts } from '$lib/components/lazy-texts.svelte';

/**
 * The views a phone needs only after silent writing: fetched once the phone is usable (or when a
 * phone opens in a later phase), so that a crowded hall's Wi-Fi carries the writing view first.
 */
export const laterViews = {
	noteBoard: new LazyComponent(() => import('$lib/components/session/NoteBoard.svelte')),
	rankingPicker: new LazyComponent(() => import('$lib/components/session/RankingPicker.svelte')),
	resultsList: new LazyComponent(() => import('$lib/components/session/ResultsList.svelte')),
	resultsWithheld: new LazyComponent(
		() => import('$lib/components/session/ResultsWithheld.svelte')
	),
	timerDisplay: new LazyComponent(() => import('$lib/components/session/TimerDisplay.svelte')),
	myReflection: new LazyComponent(() => import('./MyReflection.svelte')),
	revealTurn: new LazyComponent(() => import('./RevealTurn.svelte')),
	glossarySearch: new LazyComponent(() => import('$lib/components/glossary/GlossarySearch.svelte')),
	glossaryDialog: new LazyComponent(() => import('$lib/components/glossary/GlossaryDialog.svelte'))
};

// Texts a phone needs only after it is usable, fetched with the later views: what uses them
// shows once they are here in the page's language.
export const glossaryTexts = new LazyTexts(['glossary']);
/** The texts of the phases after writing: reveal board, vote, results, reflections. */
export const phaseTexts = new LazyTexts(['session-later']);
