import { charCount, cleanText } from '$lib/domain/text';
import type { FormError } from '$lib/organiser/form-errors';
import type { App } from './app';
import { endSessionsOf, hashPassword, passwordLimits, verifyPassword } from './auth';
import type { Organiser, OrganiserStore } from './stores';
import { log } from './log';
import { forgetSetupCode } from './setup-code';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores' | 'bus'>;

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
	app: Pick<App, 'stores'>,
	values: AccountValues,
	password: string,
	{ firstOnly = false } = {}
): Promise<{ ok: true; id: string } | { ok: false; reason: 'taken' | 'not_first' }> {
	const hash = await hashPassword(password);
	const id = randomToken(16);
	return app.stores.transaction(async (tx) => {
		if (firstOnly && (await tx.organisers.count()) > 0)
			return { ok: false as const, reason: 'not_first' as const };
		if (await tx.organisers.findByUsername(values.username))
			return { ok: false as const, reason: 'taken' as const };
		const now = Date.now();
		await tx.organisers.insert({ id, ...values, admin: firstOnly }, hash, now);
		if (firstOnly) {
			for (const conferenceId of await tx.organisers.ownerlessConferenceIds())
				await tx.organisers.setTie(conferenceId, id, 'owner', now);
			await forgetSetupCode(tx);
		}
		return { ok: true as const, id };
	});
}

/** Tells open overviews of an account's conferences to check who may still watch them. */
export async function accessChanged(
	app: Pick<App, 'stores' | 'bus'>,
	organiserId: string
): Promise<void> {
	for (const conferenceId of await app.stores.organisers.conferenceIdsOf(organiserId))
		app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
}

/** Why an administrator's action on an account was refused. */
export type AccountProblem = 'not_found' | 'self';

type AccountResult = { ok: true; organiser: Organiser } | { ok: false; problem: AccountProblem };

/** Another account than the administrator's own, or why not (read in the caller's unit). */
async function otherAccount(
	organisers: OrganiserStore,
	admin: Organiser,
	targetId: string
): Promise<AccountResult> {
	const target = await organisers.find(targetId);
	if (!target) return { ok: false, problem: 'not_found' };
	if (target.id === admin.id) return { ok: false, problem: 'self' };
	return { ok: true, organiser: target };
}

/** Disables an account: it cannot sign in, its sessions end and its open overviews close. */
export async function disableAccount(
	app: Uses,
	admin: Organiser,
	targetId: string
): Promise<AccountResult> {
	const found = await app.stores.transaction(async (tx) => {
		const found = await otherAccount(tx.organisers, admin, targetId);
		if (!found.ok) return found;
		await tx.organisers.setDisabled(targetId, Date.now());
		await endSessionsOf(tx.organisers, targetId, null);
		return found;
	});
	if (!found.ok) return found;
	await accessChanged(app, targetId);
	log.info('organiser.disabled', { organiserId: targetId });
	return found;
}

export async function enableAccount(
	app: Uses,
	admin: Organiser,
	targetId: string
): Promise<AccountResult> {
	const found = await app.stores.transaction(async (tx) => {
		const found = await otherAccount(tx.organisers, admin, targetId);
		if (found.ok) await tx.organisers.setDisabled(targetId, null);
		return found;
	});
	if (found.ok) log.info('organiser.enabled', { organiserId: targetId });
	return found;
}

/**
 * Deletes an account. Each conference it owns passes to its longest-standing co-organiser, or,
 * when it has none, to the administrator who deletes the account: no conference is left
 * without an owner. Answers with how many conferences passed to the administrator.
 */
export async function deleteAccount(
	app: Uses,
	admin: Organiser,
	targetId: string
): Promise<
	{ ok: true; organiser: Organiser; toAdmin: number } | { ok: false; problem: AccountProblem }
> {
	const deleted = await app.stores.transaction(async (tx) => {
		const found = await otherAccount(tx.organisers, admin, targetId);
		if (!found.ok) return found;
		const affected = await tx.organisers.conferenceIdsOf(targetId);
		const now = Date.now();
		let toAdmin = 0;
		for (const conferenceId of await tx.organisers.ownedConferenceIds(targetId)) {
			const heir = await tx.organisers.firstCoOrganiser(conferenceId, targetId);
			if (!heir) toAdmin++;
			await tx.organisers.setTie(conferenceId, heir ?? admin.id, 'owner', now);
		}
		await tx.organisers.remove(targetId);
		return { ...found, affected, toAdmin };
	});
	if (!deleted.ok) return deleted;
	const { affected, ...answer } = deleted;
	for (const conferenceId of affected)
		app.bus.publish({ type: 'conference', conferenceId, what: 'access' });
	log.info('organiser.deleted', {
		organiserId: targetId,
		conferences: affected.size,
		toAdmin: answer.toAdmin
	});
	return answer;
}

/** An administrator sets a new password for someone; all their sessions end. */
export async function resetPassword(
	app: Uses,
	admin: Organiser,
	targetId: string,
	password: string,
	confirm: string
): Promise<AccountResult | { ok: false; errors: FormError[] }> {
	const errors = passwordErrors(password, confirm);
	if (errors.length > 0) {
		const found = await otherAccount(app.stores.organisers, admin, targetId);
		return found.ok ? { ok: false, errors } : found;
	}
	const hash = await hashPassword(password);
	const found = await app.stores.transaction(async (tx) => {
		const found = await otherAccount(tx.organisers, admin, targetId);
		if (!found.ok) return found;
		await tx.organisers.updatePasswordHash(targetId, hash);
		await endSessionsOf(tx.organisers, targetId, null);
		return found;
	});
	if (!found.ok) return found;
	await accessChanged(app, targetId);
	log.info('organiser.password_reset', { organiserId: targetId });
	return found;
}

/** An administrator signs an account out everywhere. */
export async function endAllSessions(
	app: Uses,
	admin: Organiser,
	targetId: string
): Promise<AccountResult & { ended?: number }> {
	const done = await app.stores.transaction(async (tx) => {
		const found = await otherAccount(tx.organisers, admin, targetId);
		if (!found.ok) return found;
		return { ...found, ended: await endSessionsOf(tx.organisers, targetId, null) };
	});
	if (!done.ok) return done;
	await accessChanged(app, targetId);
	log.info('organiser.sessions_ended', { organiserId: targetId, ended: done.ended });
	return done;
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
	const stored = await app.stores.organisers.passwordHashOf(me.id);
	const right =
		stored !== null &&
		charCount(input.current) <= passwordLimits.max &&
		(await verifyPassword(stored, input.current));
	if (!right) return { ok: false, errors: [{ field: 'current', key: 'organiser.password.wrong' }] };
	const errors = passwordErrors(input.password, input.confirm);
	if (errors.length > 0) return { ok: false, errors };
	const hash = await hashPassword(input.password);
	const ended = await app.stores.transaction(async (tx) => {
		await tx.organisers.updatePasswordHash(me.id, hash);
		return endSessionsOf(tx.organisers, me.id, currentToken);
	});
	await accessChanged(app, me.id);
	log.info('organiser.password_changed', { organiserId: me.id, ended });
	return { ok: true, ended };
}

/** How many browsers besides this one are signed in to one's account. */
export async function otherSessionCount(app: Uses, me: Organiser, now: number): Promise<number> {
	return Math.max(0, (await app.stores.organisers.countSessionsOf(me.id, now)) - 1);
}

/** Someone signs out all their other browsers. */
export async function endOtherSessions(
	app: Uses,
	me: Organiser,
	currentToken: string
): Promise<number> {
	const ended = await endSessionsOf(app.stores.organisers, me.id, currentToken);
	await accessChanged(app, me.id);
	log.info('organiser.sessions_ended', { organiserId: me.id, ended });
	return ended;
}
