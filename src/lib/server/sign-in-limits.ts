import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { App } from './app';
import { firstRefusal, waitSeconds, type BackOff } from './rate-limit';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'limiters' | 'secret'>;

/** Remembers that a browser has signed in as a user name before (HttpOnly, only sent to sign-in). */
export const knownDeviceCookie = 'samrad_signin';
const knownDevicePath = '/organiser/login';

function proof(secret: string, username: string, nonce: string): string {
	return createHmac('sha256', secret).update(`device:${username}:${nonce}`).digest('base64url');
}

/** The known device of this browser for this user name (its nonce), or null. */
function knownDevice(app: Uses, cookies: Cookies, username: string): string | null {
	const [nonce, mac] = (cookies.get(knownDeviceCookie) ?? '').split('.');
	if (!nonce || !mac) return null;
	const expected = Buffer.from(proof(app.secret, username, nonce));
	const given = Buffer.from(mac);
	return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** Marks this browser as a known device of the user name, after a correct password. */
function rememberDevice(app: Uses, cookies: Cookies, url: URL, username: string): void {
	const nonce = randomToken(12);
	cookies.set(knownDeviceCookie, `${nonce}.${proof(app.secret, username, nonce)}`, {
		path: knownDevicePath,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 365 * 86_400
	});
}

/**
 * The back-offs a sign-in attempt is counted in. A browser that signed in as this user name
 * before answers only for itself; any other counts for the user name at its address, for its
 * address and for the user name everywhere (a botnet), each a growing delay, never a lock.
 */
function countersFor(
	app: Uses,
	cookies: Cookies,
	username: string,
	address: string
): [BackOff, string][] {
	const { perAccountAndAddress, perAddress, perAccount, perDevice } = app.limiters.signIn;
	const device = knownDevice(app, cookies, username);
	if (device) return [[perDevice, device]];
	return [
		[perAccountAndAddress, `${username}|${address}`],
		[perAddress, address],
		[perAccount, username]
	];
}

export interface SignInAttempt {
	app: Uses;
	cookies: Cookies;
	url: URL;
	username: string;
	address: string;
}

/** Seconds to wait before this attempt may check a password, or null. */
export async function signInWait(attempt: SignInAttempt): Promise<number | null> {
	const key = attempt.username.toLowerCase();
	const counters = countersFor(attempt.app, attempt.cookies, key, attempt.address);
	const refusal = await firstRefusal(
		counters.map(
			([backOff, id]) =>
				() =>
					backOff.wait(id)
		)
	);
	return refusal.ok ? null : waitSeconds(refusal);
}

/** Counts a wrong password, or forgives this browser's (or this user name's here) after a right one. */
export async function recordSignIn(attempt: SignInAttempt, succeeded: boolean): Promise<void> {
	const key = attempt.username.toLowerCase();
	const counters = countersFor(attempt.app, attempt.cookies, key, attempt.address);
	if (!succeeded) {
		await Promise.all(counters.map(([backOff, id]) => backOff.fail(id)));
		return;
	}
	// Only this browser's and this pair's count: a right password here says nothing about what
	// the address or a botnet does with other user names or from elsewhere.
	const { perAccountAndAddress, perDevice } = attempt.app.limiters.signIn;
	await Promise.all(
		counters
			.filter(([backOff]) => backOff === perAccountAndAddress || backOff === perDevice)
			.map(([backOff, id]) => backOff.forgive(id))
	);
	rememberDevice(attempt.app, attempt.cookies, attempt.url, key);
}
