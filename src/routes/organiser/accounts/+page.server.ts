import { fail } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { passwordLimits } from '$lib/server/auth';
import { listOrganisers } from '$lib/server/db/organisers';
import { checkAccount, createAccount, readAccountForm } from '$lib/server/organiser-accounts';
import { requireOrganiser } from '$lib/server/organiser-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const me = requireOrganiser(event);
	return {
		me: me.id,
		organisers: listOrganisers(useApp().db),
		passwordMin: passwordLimits.min
	};
};

export const actions: Actions = {
	/** A colleague's account; they sign in with the password given here. */
	add: async (event) => {
		requireOrganiser(event);
		const input = readAccountForm(await event.request.formData());
		const { values, errors } = checkAccount(input);
		if (errors.length > 0) return fail(422, { values, errors });
		const created = await createAccount(useApp(), values, input.password);
		if (!created.ok) {
			return fail(422, {
				values,
				errors: [{ field: 'username', key: 'organiser.account.usernameTaken' }]
			});
		}
		return { added: values.displayName };
	}
};
