import { fail } from '@sveltejs/kit';
import { useApp } from '$lib/server/app';
import { passwordLimits } from '$lib/server/auth';
import { mayOnInstallation } from '$lib/server/conference-access';
import {
	changeOwnPassword,
	checkAccount,
	createAccount,
	deleteAccount,
	disableAccount,
	enableAccount,
	endAllSessions,
	endOtherSessions,
	otherSessionCount,
	readAccountForm,
	resetPassword,
	type AccountProblem
} from '$lib/server/organiser-accounts';
import {
	requireInstallationAction,
	requireOrganiser,
	sessionToken
} from '$lib/server/organiser-access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Everyone manages their own sign-in here; the administrator also manages every account. */
export const load: PageServerLoad = async (event) => {
	const me = await requireOrganiser(event);
	const app = useApp();
	const now = Date.now();
	const admin = mayOnInstallation(me, 'administer_accounts');
	return {
		me: { id: me.id, displayName: me.displayName, username: me.username, admin },
		otherSessions: await otherSessionCount(app, me, now),
		accounts: admin ? await app.stores.organisers.summaries(now) : null,
		passwordMin: passwordLimits.min
	};
};

/** The account an administrator's action is about, from the form. */
async function target(event: RequestEvent) {
	const admin = await requireInstallationAction(event, 'administer_accounts');
	const form = await event.request.formData();
	return { admin, form, id: String(form.get('id') ?? '').slice(0, 100) };
}

const refused = (problem: AccountProblem) =>
	fail(problem === 'not_found' ? 404 : 409, {
		scope: 'account' as const,
		errors: [{ field: null, key: `organiser.accounts.problem.${problem}` }]
	});

export const actions: Actions = {
	/** A colleague's account; they sign in with the password given here. */
	add: async (event) => {
		await requireInstallationAction(event, 'administer_accounts');
		const input = readAccountForm(await event.request.formData());
		const { values, errors } = checkAccount(input);
		if (errors.length > 0) return fail(422, { scope: 'add' as const, values, errors });
		const created = await createAccount(useApp(), values, input.password);
		if (!created.ok) {
			return fail(422, {
				scope: 'add' as const,
				values,
				errors: [{ field: 'username', key: 'organiser.account.usernameTaken' }]
			});
		}
		return { scope: 'add' as const, added: values.displayName };
	},
	disable: async (event) => {
		const { admin, id } = await target(event);
		const done = await disableAccount(useApp(), admin, id);
		if (!done.ok) return refused(done.problem);
		return { scope: 'account' as const, done: 'disabled', name: done.organiser.displayName };
	},
	enable: async (event) => {
		const { admin, id } = await target(event);
		const done = await enableAccount(useApp(), admin, id);
		if (!done.ok) return refused(done.problem);
		return { scope: 'account' as const, done: 'enabled', name: done.organiser.displayName };
	},
	endSessions: async (event) => {
		const { admin, id } = await target(event);
		const done = await endAllSessions(useApp(), admin, id);
		if (!done.ok) return refused(done.problem);
		return { scope: 'account' as const, done: 'signedOut', name: done.organiser.displayName };
	},
	resetPassword: async (event) => {
		const { admin, form, id } = await target(event);
		const done = await resetPassword(
			useApp(),
			admin,
			id,
			String(form.get('password') ?? ''),
			String(form.get('confirm') ?? '')
		);
		if (!done.ok) {
			if ('errors' in done) return fail(422, { scope: 'reset' as const, id, errors: done.errors });
			return refused(done.problem);
		}
		return { scope: 'account' as const, done: 'passwordReset', name: done.organiser.displayName };
	},
	delete: async (event) => {
		const { admin, id } = await target(event);
		const done = await deleteAccount(useApp(), admin, id);
		if (!done.ok) return refused(done.problem);
		return {
			scope: 'account' as const,
			done: 'deleted',
			name: done.organiser.displayName,
			toYou: done.toAdmin
		};
	},
	/** One's own password: the current one first; every other browser is signed out. */
	password: async (event) => {
		const me = await requireOrganiser(event);
		const form = await event.request.formData();
		const changed = await changeOwnPassword(useApp(), me, sessionToken(event.cookies), {
			current: String(form.get('current') ?? ''),
			password: String(form.get('password') ?? ''),
			confirm: String(form.get('confirm') ?? '')
		});
		if (!changed.ok) return fail(422, { scope: 'password' as const, errors: changed.errors });
		return { scope: 'password' as const, changed: true, ended: changed.ended };
	},
	/** Signs out every other browser of one's own account. */
	endOtherSessions: async (event) => {
		const me = await requireOrganiser(event);
		const ended = await endOtherSessions(useApp(), me, sessionToken(event.cookies));
		return { scope: 'sessions' as const, ended };
	}
};
