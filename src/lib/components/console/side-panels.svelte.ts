import { LazyComponent } from '$lib/components/lazy.svelte';
import { LazyTexts } from '$lib/components/lazy-texts.svelte';

/**
 * The console's panels beside the session and its phase controls (discussion, reflections,
 * participants, settings, links, report, device requests): fetched once the console is usable,
 * or at once when one is asked for.
 */
export const sidePanels = {
	discussion: new LazyComponent(() => import('./DiscussionPanel.svelte')),
	reflection: new LazyComponent(() => import('./ReflectionPanel.svelte')),
	reflections: new LazyComponent(() => import('./ReflectionsPanel.svelte')),
	reportDownload: new LazyComponent(() => import('./ReportDownload.svelte')),
	shareLinks: new LazyComponent(() => import('./ShareLinks.svelte')),
	participants: new LazyComponent(() => import('./ParticipantsPanel.svelte')),
	settings: new LazyComponent(() => import('./SettingsPanel.svelte')),
	oneListSetting: new LazyComponent(() => import('./OneListSetting.svelte')),
	deviceRequests: new LazyComponent(() => import('./DeviceRequests.svelte'))
};

/**
 * The texts only those panels, the notice banner and the glossary's popovers use: a
 * conference's, the report's and the glossary's.
 */
export const sidePanelTexts = new LazyTexts(['conference', 'download', 'glossary']);
