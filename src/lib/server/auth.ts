import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { App } from './app';
import type { Db } from './db/database';
import type { OrganiserStore } from './stores';
import {
	countOrganisers,
	deleteExpiredOrganiserSessions,
	deleteOrganiserSession,
	findOrganiserBySession,
	findOrganiserByUsername,
	insertOrganiser,
	insertOrganiserSession,
	type Organiser
} from './db/organisers';
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

export function hasOrganisers(app: Pick<App, 'db'>): boolean {
	return countOrganisers(app.db) > 0;
}

export async function createOrganiser(
	db: Db,
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
	insertOrganiser(db, organiser, await hashPassword(input.password), now);
	return organiser;
}

/**
 * Checks a user name and password; the same work is done whether or not the user exists, and
 * a disabled account is refused only after the same work.
 */
export async function checkCredentials(
	app: Pick<App, 'db'>,
	username: string,
	password: string
): Promise<Organiser | null> {
	const found = findOrganiserByUsername(app.db, username);
	if (!found) {
		decoyHash ??= hashPassword(randomToken(16));
		await verifyPassword(await decoyHash, password);
		return null;
	}
	const right = await verifyPassword(found.passwordHash, password);
	return right && !found.organiser.disabled ? found.organiser : null;
}

/** Starts a signed-in browser session; returns the cookie token. */
export function startOrganiserSession(db: Db, organiserId: string, now: number): string {
	deleteExpiredOrganiserSessions(db, now);
	const token = randomToken(32);
	insertOrganiserSession(
		db,
		hashToken(token),
		organiserId,
		now,
		now + organiserSessionDays * 86_400_000
	);
	return token;
}

export function organiserForToken(
	db: Db,
	token: string | undefined,
	now: number
): Organiser | null {
	if (!token || token.length > 100) return null;
	return findOrganiserBySession(db, hashToken(token), now);
}

export function endOrganiserSession(app: Pick<App, 'db'>, token: string): void {
	deleteOrganiserSession(app.db, hashToken(token));
}

/** Ends every session of an account except the one with `keepToken` (none: all of them). */
export function endSessionsOf(
	organisers: OrganiserStore,
	organiserId: string,
	keepToken: string | null
): Promise<number> {
	return organisers.removeSessionsOf(organiserId, keepToken === null ? null : hashToken(keepToken));
}
