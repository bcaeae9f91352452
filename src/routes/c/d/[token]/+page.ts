import type { PageLoad } from './$types';

/** A device waits for its name only now and then: only such a device fetches the wait's view. */
export const load: PageLoad = async ({ data }) => ({
	...data,
	WaitingForName:
		data.status === 'active'
			? null
			: (await import('$lib/components/conference/WaitingForName.svelte')).default
});
