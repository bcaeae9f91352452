import type { PageLoad } from './$types';

/** A wrong code is rare: only its page fetches the site's header (a phone has its own). */
export const load: PageLoad = async ({ data }) => ({
	...data,
	SiteHeader: data.found ? null : (await import('$lib/components/SiteHeader.svelte')).default
});
