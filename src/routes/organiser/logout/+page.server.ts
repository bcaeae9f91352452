import { redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { endOrganiserSession, organiserCookie } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or prefetch must never sign anyone out).
export const load: PageServerLoad = () => redirect(303, '/organiser');

export const actions: Actions = {
	default: ({ cookies }) => {
		const token = cookies.get(organiserCookie);
		if (token) endOrganiserSession(useApp().db, token);
		cookies.delete(organiserCookie, { path: '/' });
		redirect(303, '/organiser/login');
	}
};
