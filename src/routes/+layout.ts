import { loadTexts, pageNamespaces } from '$lib/i18n/load';
import type { LayoutLoad } from './$types';

// Texts arrive before the page renders or hydrates: no keys flash, no hydration mismatch.
export const load: LayoutLoad = async ({ data, route }) => {
	await loadTexts(data.lang, pageNamespaces(route.id));
	return data;
};
