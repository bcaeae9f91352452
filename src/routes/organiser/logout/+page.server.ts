import { redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { endOrganiserSession, organiserCookie } from '$lib/server/auth';
import { accessChanged } from '$lib/server/organiser-accounts';
import { signedInOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or prefetch must never sign anyone out).
export const load: PageServerLoad = () => redirect(303, '/organiser');

export const actions: Actions = {
	default: async ({ cookies }) => {
		const app = useApp();
		const token = cookies.get(organiserCookie);
		const organiser = await signedInOrganiser(cookies);
		if (token) await endOrganiserSession(app, token);
		// This browser's live overviews close with it.
		if (organiser) await accessChanged(app, organiser.id);
		cookies.delete(organiserCookie, { path: '/' });
		redirect(303, '/organiser/login');
	}
};
