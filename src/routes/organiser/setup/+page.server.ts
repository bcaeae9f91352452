import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { hasOrganisers, passwordLimits } from '$lib/server/auth';
import { checkAccount, createAccount, readAccountForm } from '$lib/server/organiser-accounts';
import { signIn } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ passwordMin: passwordLimits.min });

export const actions: Actions = {
	/** Creates the installation's first organiser account and signs it in. */
	default: async ({ request, cookies, url }) => {
		const app = useApp();
		if (hasOrganisers(app.db)) redirect(303, '/organiser/login');
		const input = readAccountForm(await request.formData());
		const { values, errors } = checkAccount(input);
		if (errors.length > 0) return fail(422, { values, errors });
		const created = await createAccount(app, values, input.password, { firstOnly: true });
		if (!created.ok) redirect(303, '/organiser/login');
		signIn(cookies, url, created.id);
		redirect(303, '/organiser');
	}
};
