import { fail, redirect } from '@sveltejs/kit';
import { cleanText } from '$lib/domain/text';
import type { FormError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { checkCredentials, hasOrganisers, passwordLimits } from '$lib/server/auth';
import { safeNext, signIn } from '$lib/server/organiser-access';
import { recordSignIn, signInWait } from '$lib/server/sign-in-limits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin)
});

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const app = useApp();
		if (!(await hasOrganisers(app))) redirect(303, '/organiser/setup');
		const form = await request.formData();
		const username = cleanText(String(form.get('username') ?? ''), { multiline: false });
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''), url.origin);
		const values = { username, next };
		const refuse = (status: number, error: FormError) => fail(status, { values, errors: [error] });

		if (username === '' || password === '') {
			return refuse(422, { field: null, key: 'organiser.login.missing' });
		}
		// Wrong passwords slow down who guesses, not the organiser on a browser they signed in on.
		const attempt = { app, cookies, url, username, address: getClientAddress() };
		const wait = await signInWait(attempt);
		if (wait !== null) {
			return refuse(429, { field: null, key: 'errors.rate_limited', params: { seconds: wait } });
		}
		const proof =
			password.length > passwordLimits.max ? null : await checkCredentials(app, username, password);
		await recordSignIn(attempt, proof !== null);
		// A password replaced while it was being checked signs nobody in.
		if (!proof || !(await signIn(cookies, url, proof.organiser.id, proof)))
			return refuse(400, { field: null, key: 'organiser.login.wrong' });
		redirect(303, next);
	}
};
