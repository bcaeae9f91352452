import { redirect } from '@sveltejs/kit';
import { hasOrganisers } from '$lib/server/auth';
import { useApp } from '$lib/server/app';
import { loginPath, signedInOrganiser } from '$lib/server/organiser-access';
import type { LayoutServerLoad } from './$types';

/** Pages anyone may open: the first-run setup and the sign-in. */
const openRoutes = new Set(['/organiser/setup', '/organiser/login']);

/**
 * Guards every organiser page: no organiser yet → first-run setup; not signed in → login.
 * (Form actions do not run this load; each checks with requireOrganiser.)
 */
export const load: LayoutServerLoad = async ({ cookies, url, route }) => {
	const open = route.id !== null && openRoutes.has(route.id);
	if (!(await hasOrganisers(useApp()))) {
		if (route.id !== '/organiser/setup') redirect(303, '/organiser/setup');
		return { organiser: null };
	}
	const organiser = await signedInOrganiser(cookies);
	if (!organiser) {
		if (!open) redirect(303, loginPath(url));
		return { organiser: null };
	}
	if (open) redirect(303, '/organiser');
	return { organiser: { displayName: organiser.displayName, username: organiser.username } };
};
