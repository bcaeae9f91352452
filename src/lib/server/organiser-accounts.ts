import { charCount, cleanText } from '$lib/domain/text';
import type { FormError } from '$lib/organiser/form-errors';
import type { App } from './app';
import { endSessionsOf, hashPassword, passwordLimits, verifyPassword } from './auth';
import {
	conferenceIdsOf,
	countOrganisers,
	deleteOrganiserRow,
	findOrganiser,
	findOrganiserByUsername,
	firstCoOrganiser,
	insertOrganiser,
	ownedConferenceIds,
	ownerlessConferenceIds,
	passwordHashOf,
	setConferenceTie,
	setDisabled,
	updatePasswordHash,
	type Organiser
} from './db/organisers';
import { log } from './log';
import { forgetSetupCode } from './setup-code';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'db' | 'bus'>;

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

/** A new password's problems: length, and the second copy typed the same. */
export function passwordErrors(password: string, confirm: string): FormError[] {
	const length = charCount(password);
	if (length < passwordLimits.min)
		return [
			{
				field: 'password',
				key: 'organiser.account.passwordShort',
				params: { min: passwordLimits.min }
			}
		];
	if (length > passwordLimits.max)
		return [{ field: 'password', key: 'errors.too_long', params: { max: passwordLimits.max } }];
	if (confirm !== password) return [{ field: 'confirm', key: 'organiser.account.confirmMismatch' }];
	return [];
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
	errors.push(...passwordErrors(input.password, input.confirm));
	return { values: { username, displayName }, errors };
}

/**
 * Creates an organiser account. `firstOnly` makes it the installation's first account or
 * nothing (two browsers finishing the setup at once: only one wins); the first account
 * administers the others and adopts conferences nobody owns yet.
 */
export async function createAccount(
	app: Uses,
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
		const now = Date.now();
		insertOrganiser(app.db, { id, ...values, admin: firstOnly }, hash, now);
		if (firstOnly) {
			for (const conferenceId of ownerlessConferenceIds(app.db))
				setConferenceTie(app.db, conferenceId, id, 'owner', now);
			forgetSetupCode(app.db);
		}
		return { ok: true as const, id };
	})();
}

/** Tells open overviews of an account's conferences to check who may still watch them. */
export function accessChanged(app: Uses, organiserId: string): void {
	for (const conferenceId of conferenceIdsOf(app.db, organiserId))
		app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
}

/** Why an administrator's action on an account was refused. */
export type AccountProblem = 'not_found' | 'self';

type AccountResult = { ok: true; organiser: Organiser } | { ok: false; problem: AccountProblem };

/** Another account than the administrator's own, or why not. */
function otherAccount(app: Uses, admin: Organiser, targetId: string): AccountResult {
	const target = findOrganiser(app.db, targetId);
	if (!target) return { ok: false, problem: 'not_found' };
	if (target.id === admin.id) return { ok: false, problem: 'self' };
	return { ok: true, organiser: target };
}

/** Disables an account: it cannot sign in, its sessions end and its open overviews close. */
export function disableAccount(app: Uses, admin: Organiser, targetId: string): AccountResult {
	const found = otherAccount(app, admin, targetId);
	if (!found.ok) return found;
	app.db.transaction(() => {
		setDisabled(app.db, targetId, Date.now());
		endSessionsOf(app.db, targetId, null);
	})();
	accessChanged(app, targetId);
	log.info('organiser.disabled', { organiserId: targetId });
	return found;
}

export function enableAccount(app: Uses, admin: Organiser, targetId: string): AccountResult {
	const found = otherAccount(app, admin, targetId);
	if (!found.ok) return found;
	setDisabled(app.db, targetId, null);
	log.info('organiser.enabled', { organiserId: targetId });
	return found;
}

/**
 * Deletes an account. Each conference it owns passes to its longest-standing co-organiser, or,
 * when it has none, to the administrator who deletes the account: no conference is left
 * without an owner. Answers with how many conferences passed to the administrator.
 */
export function deleteAccount(
	app: Uses,
	admin: Organiser,
	targetId: string
): { ok: true; organiser: Organiser; toAdmin: number } | { ok: false; problem: AccountProblem } {
	const found = otherAccount(app, admin, targetId);
	if (!found.ok) return found;
	const affected = conferenceIdsOf(app.db, targetId);
	let toAdmin = 0;
	app.db.transaction(() => {
		const now = Date.now();
		for (const conferenceId of ownedConferenceIds(app.db, targetId)) {
			const heir = firstCoOrganiser(app.db, conferenceId, targetId);
			if (!heir) toAdmin++;
			setConferenceTie(app.db, conferenceId, heir ?? admin.id, 'owner', now);
		}
		deleteOrganiserRow(app.db, targetId);
	})();
	for (const conferenceId of affected)
		app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
	log.info('organiser.deleted', { organiserId: targetId, conferences: affected.size, toAdmin });
	return { ...found, toAdmin };
}

/** An administrator sets a new password for someone; all their sessions end. */
export async function resetPassword(
	app: Uses,
	admin: Organiser,
	targetId: string,
	password: string,
	confirm: string
): Promise<AccountResult | { ok: false; errors: FormError[] }> {
	const found = otherAccount(app, admin, targetId);
	if (!found.ok) return found;
	const errors = passwordErrors(password, confirm);
	if (errors.length > 0) return { ok: false, errors };
	const hash = await hashPassword(password);
	app.db.transaction(() => {
		updatePasswordHash(app.db, targetId, hash);
		endSessionsOf(app.db, targetId, null);
	})();
	accessChanged(app, targetId);
	log.info('organiser.password_reset', { organiserId: targetId });
	return found;
}

/** An administrator signs an account out everywhere. */
export function endAllSessions(
	app: Uses,
	admin: Organiser,
	targetId: string
): AccountResult & { ended?: number } {
	const found = otherAccount(app, admin, targetId);
	if (!found.ok) return found;
	const ended = endSessionsOf(app.db, targetId, null);
	accessChanged(app, targetId);
	log.info('organiser.sessions_ended', { organiserId: targetId, ended });
	return { ...found, ended };
}

/**
 * Someone changes their own password, proving the current one; every other session of theirs
 * ends (this browser stays signed in).
 */
export async function changeOwnPassword(
	app: Uses,
	me: Organiser,
	currentToken: string,
	input: { current: string; password: string; confirm: string }
): Promise<{ ok: true; ended: number } | { ok: false; errors: FormError[] }> {
	const stored = passwordHashOf(app.db, me.id);
	const right =
		stored !== null &&
		charCount(input.current) <= passwordLimits.max &&
		(await verifyPassword(stored, input.current));
	if (!right) return { ok: false, errors: [{ field: 'current', key: 'organiser.password.wrong' }] };
	const errors = passwordErrors(input.password, input.confirm);
	if (errors.length > 0) return { ok: false, errors };
	const hash = await hashPassword(input.password);
	const ended = app.db.transaction(() => {
		updatePasswordHash(app.db, me.id, hash);
		return endSessionsOf(app.db, me.id, currentToken);
	})();
	accessChanged(app, me.id);
	log.info('organiser.password_changed', { organiserId: me.id, ended });
	return { ok: true, ended };
}

/** Someone signs out all their other browsers. */
export function endOtherSessions(app: Uses, me: Organiser, currentToken: string): number {
	const ended = endSessionsOf(app.db, me.id, currentToken);
	accessChanged(app, me.id);
	log.info('organiser.sessions_ended', { organiserId: me.id, ended });
	return ended;
}
