import { charCount, cleanText } from '$lib/domain/text';
import type { FormError } from '$lib/organiser/form-errors';
import type { App } from './app';
import { hashPassword, passwordLimits } from './auth';
import { countOrganisers, findOrganiserByUsername, insertOrganiser } from './db/organisers';
import { randomToken } from './tokens';

export const accountLimits = {
	username: { min: 2, max: 60 },
	displayName: 80,
	password: passwordLimits
} as const;

const usernamePattern = /^[\p{L}\p{N}._@-]+$/u;

/** What the account form sends back on an error: never the passwords. */
export interface AccountValues {
	username: string;
	displayName: string;
}

export interface AccountInput extends AccountValues {
	password: string;
	confirm: string;
}

export function readAccountForm(form: FormData): AccountInput {
	return {
		username: String(form.get('username') ?? ''),
		displayName: String(form.get('displayName') ?? ''),
		password: String(form.get('password') ?? ''),
		confirm: String(form.get('confirm') ?? '')
	};
}

/** Checks an account form; every field's problem at once. */
export function checkAccount(input: AccountInput): {
	values: AccountValues;
	errors: FormError[];
} {
	const username = cleanText(input.username, { multiline: false });
	const displayName = cleanText(input.displayName, { multiline: false });
	const errors: FormError[] = [];
	const { min, max } = accountLimits.username;
	if (username === '')
		errors.push({ field: 'username', key: 'organiser.account.usernameRequired' });
	else if (
		charCount(username) < min ||
		charCount(username) > max ||
		!usernamePattern.test(username)
	)
		errors.push({
			field: 'username',
			key: 'organiser.account.usernameInvalid',
			params: { min, max }
		});
	if (displayName === '')
		errors.push({ field: 'displayName', key: 'organiser.account.displayNameRequired' });
	else if (charCount(displayName) > accountLimits.displayName)
		errors.push({
			field: 'displayName',
			key: 'errors.too_long',
			params: { max: accountLimits.displayName }
		});
	const length = charCount(input.password);
	if (length < passwordLimits.min)
		errors.push({
			field: 'password',
			key: 'organiser.account.passwordShort',
			params: { min: passwordLimits.min }
		});
	else if (length > passwordLimits.max)
		errors.push({ field: 'password', key: 'errors.too_long', params: { max: passwordLimits.max } });
	else if (input.confirm !== input.password)
		errors.push({ field: 'confirm', key: 'organiser.account.confirmMismatch' });
	return { values: { username, displayName }, errors };
}

/**
 * Creates an organiser account. `firstOnly` makes it the installation's first account or
 * nothing (two browsers finishing the setup at once: only one wins).
 */
export async function createAccount(
	app: App,
	values: AccountValues,
	password: string,
	{ firstOnly = false } = {}
): Promise<{ ok: true; id: string } | { ok: false; reason: 'taken' | 'not_first' }> {
	const hash = await hashPassword(password);
	const id = randomToken(16);
	return app.db.transaction(() => {
		if (firstOnly && countOrganisers(app.db) > 0)
			return { ok: false as const, reason: 'not_first' as const };
		if (findOrganiserByUsername(app.db, values.username))
			return { ok: false as const, reason: 'taken' as const };
		insertOrganiser(app.db, { id, ...values }, hash, Date.now());
		return { ok: true as const, id };
	})();
}
