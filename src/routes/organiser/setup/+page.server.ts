import { fail, redirect } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { hasOrganisers, passwordLimits } from '$lib/server/auth';
import { checkAccount, createAccount, readAccountForm } from '$lib/server/organiser-accounts';
import { signIn } from '$lib/server/organiser-access';
import { setupCodeMatches, setupCodeRequired } from '$lib/server/setup-code';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ getClientAddress }) => ({
	passwordMin: passwordLimits.min,
	codeRequired: setupCodeRequired(useApp(), getClientAddress())
});

export const actions: Actions = {
	/** Creates the installation's first organiser account and signs it in. */
	default: async ({ request, cookies, url, getClientAddress }) => {
		const app = useApp();
		if (await hasOrganisers(app)) redirect(303, '/organiser/login');
		const form = await request.formData();
		const input = readAccountForm(form);
		const { values, errors } = checkAccount(input);
		if (setupCodeRequired(app, getClientAddress())) {
			const code = String(form.get('setupCode') ?? '').trim();
			// About 80 bits: guessing it is hopeless, so attempts need no limit of their own.
			if (!(await setupCodeMatches(app, code))) {
				const key = code === '' ? 'organiser.setup.codeMissing' : 'organiser.setup.codeWrong';
				return fail(403, { values, errors: [...errors, { field: 'setupCode', key }] });
			}
		}
		if (errors.length > 0) return fail(422, { values, errors });
		const created = await createAccount(app, values, input.password, { firstOnly: true });
		if (!created.ok) redirect(303, '/organiser/login');
		await signIn(cookies, url, created.id);
		redirect(303, '/organiser');
	}
};
