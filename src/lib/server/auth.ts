import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { App } from './app';
import type { Organiser, OrganiserStore, Stores } from './stores';
import { randomToken } from './tokens';

/** scrypt cost: N=2^15, r=8, p=1 (32 MiB, ~50 ms on a small machine). */
const cost = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

function scryptAsync(
	password: string,
	salt: Buffer,
	n: number,
	r: number,
	p: number
): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(
			password.normalize('NFC'),
			salt,
			keyLength,
			{ N: n, r, p, maxmem: cost.maxmem },
			(error, key) => (error ? reject(error) : resolve(key))
		);
	});
}

/** A self-describing hash: scrypt$N$r$p$salt$key (base64url). */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(password, salt, cost.N, cost.r, cost.p);
	return [
		'scrypt',
		cost.N,
		cost.r,
		cost.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	const actual = await scryptAsync(
		password,
		Buffer.from(salt, 'base64url'),
		Number(n),
		Number(r),
		Number(p)
	);
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A real hash to compare against when the user name is unknown, so timing does not tell.
let decoyHash: Promise<string> | null = null;

export const passwordLimits = { min: 10, max: 200 } as const;
export const organiserSessionDays = 14;
export const organiserCookie = 'samrad_organiser';

/** What the database keeps of a session token. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export async function hasOrganisers(app: Pick<App, 'stores'>): Promise<boolean> {
	return (await app.stores.organisers.count()) > 0;
}

export async function createOrganiser(
	organisers: OrganiserStore,
	input: { username: string; displayName: string; password: string; admin?: boolean },
	now: number
): Promise<Organiser> {
	const organiser = {
		id: randomToken(16),
		username: input.username,
		displayName: input.displayName,
		admin: input.admin ?? false,
		disabled: false
	};
	await organisers.insert(organiser, await hashPassword(input.password), now);
	return organiser;
}

/** A right password: the account, and the hash it matched (a session starts only while it holds). */
export interface SignInProof {
	organiser: Organiser;
	passwordHash: string;
}

/**
 * Checks a user name and password; the same work is done whether or not the user exists, and
 * a disabled account is refused only after the same work.
 */
export async function checkCredentials(
	app: Pick<App, 'stores'>,
	username: string,
	password: string
): Promise<SignInProof | null> {
	const found = await app.stores.organisers.findByUsername(username);
	if (!found) {
		decoyHash ??= hashPassword(randomToken(16));
		await verifyPassword(await decoyHash, password);
		return null;
	}
	const right = await verifyPassword(found.passwordHash, password);
	return right && !found.organiser.disabled
		? { organiser: found.organiser, passwordHash: found.passwordHash }
		: null;
}

/**
 * Starts a signed-in browser session; returns the cookie token. With `proof`, only while the
 * password it matched is still the account's (a reset during the check signs nobody in): null.
 */
export function startOrganiserSession(
	stores: Pick<Stores, 'transaction'>,
	organiserId: string,
	now: number,
	proof?: SignInProof
): Promise<string | null> {
	return stores.transaction(async (tx) => {
		if (proof && (await tx.organisers.passwordHashOf(organiserId)) !== proof.passwordHash)
			return null;
		await tx.organisers.removeExpiredSessions(now);
		const token = randomToken(32);
		const expiresAt = now + organiserSessionDays * 86_400_000;
		await tx.organisers.insertSession(hashToken(token), organiserId, now, expiresAt);
		return token;
	});
}

export async function organiserForToken(
	organisers: OrganiserStore,
	token: string | undefined,
	now: number
): Promise<Organiser | null> {
	if (!token || token.length > 100) return null;
	return organisers.findBySession(hashToken(token), now);
}

export function endOrganiserSession(app: Pick<App, 'stores'>, token: string): Promise<void> {
	return app.stores.organisers.removeSession(hashToken(token));
}

/** Ends every session of an account except the one with `keepToken` (none: all of them). */
export function endSessionsOf(
	organisers: OrganiserStore,
	organiserId: string,
	keepToken: string | null
): Promise<number> {
	return organisers.removeSessionsOf(organiserId, keepToken === null ? null : hashToken(keepToken));
}
