import { LazyComponent } from '$lib/components/lazy.svelte';

/** The console's panels for the phases after writing: fetched once the console is usable. */
export const laterPanels = {
	reveal: new LazyComponent(() => import('./RevealPanel.svelte')),
	clarify: new LazyComponent(() => import('./ClarifyPanel.svelte')),
	vote: new LazyComponent(() => import('./VotePanel.svelte')),
	results: new LazyComponent(() => import('./ResultsPanel.svelte')),
	screenControls: new LazyComponent(() => import('./ScreenControls.svelte'))
};
