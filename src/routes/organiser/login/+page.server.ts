import { fail, redirect } from '@sveltejs/kit';
import { cleanText } from '$lib/domain/text';
import type { FormError } from '$lib/organiser/form-errors';
import { useApp } from '$lib/server/app';
import { checkCredentials, hasOrganisers, passwordLimits } from '$lib/server/auth';
import { loginLimits, safeNext, signIn } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	next: safeNext(url.searchParams.get('next'), url.origin)
});

/** Minutes to wait, rounded up, for the rate-limit message. */
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const app = useApp();
		if (!hasOrganisers(app.db)) redirect(303, '/organiser/setup');
		const form = await request.formData();
		const username = cleanText(String(form.get('username') ?? ''), { multiline: false });
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''), url.origin);
		const values = { username, next };
		const refuse = (status: number, error: FormError) => fail(status, { values, errors: [error] });

		if (username === '' || password === '') {
			return refuse(422, { field: null, key: 'organiser.login.missing' });
		}
		const byAddress = loginLimits.perAddress.take(getClientAddress());
		const byName = loginLimits.perUsername.take(username.toLowerCase());
		if (!byAddress.ok || !byName.ok) {
			const wait = Math.max(
				byAddress.ok ? 0 : byAddress.retryAfterMs,
				byName.ok ? 0 : byName.retryAfterMs
			);
			return refuse(429, {
				field: null,
				key: 'organiser.login.rateLimited',
				params: { count: minutes(wait) }
			});
		}
		const organiser =
			password.length > passwordLimits.max
				? null
				: await checkCredentials(app.db, username, password);
		if (!organiser) return refuse(400, { field: null, key: 'organiser.login.wrong' });
		loginLimits.perUsername.reset(username.toLowerCase());
		signIn(cookies, url, organiser.id);
		redirect(303, next);
	}
};
