import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { cookieValue } from '$lib/i18n';
import { randomToken } from './tokens';

/**
 * The device cookie: a long-lived random id per browser, set on participants' pages and sent
 * with every socket handshake (polling and the WebSocket upgrade alike). The server stores only
 * its hash. It is what a replayer cannot copy: joins and name claims are scoped to it.
 */
export const deviceCookie = 'samrad_device';

/** A year: a phone keeps its name for the whole conference and the next one. */
const deviceCookieDays = 365;
const deviceIdPattern = /^[A-Za-z0-9_-]{32}$/;

/** The SHA-256 of a device id, as stored and compared. */
export function hashDevice(deviceId: string): string {
	return createHash('sha256').update(`device:${deviceId}`).digest('base64url');
}

/** This browser's device id, set now if it has none (or a malformed one). */
export function ensureDevice(cookies: Cookies, url: URL): string {
	const existing = cookies.get(deviceCookie);
	const id = existing && deviceIdPattern.test(existing) ? existing : randomToken(24);
	// Set on every visit, so that a phone in daily use never sees its cookie expire.
	cookies.set(deviceCookie, id, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: deviceCookieDays * 86_400
	});
	return id;
}

/** The device hash a request or handshake proves, from its Cookie header; null without one. */
export function deviceFromCookieHeader(header: string | undefined): string | null {
	const id = cookieValue(header, deviceCookie);
	return id && deviceIdPattern.test(id) ? hashDevice(id) : null;
}
