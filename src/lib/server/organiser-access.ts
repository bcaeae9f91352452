import { error, redirect, type Cookies } from '@sveltejs/kit';
import { fixedT, type Language } from '$lib/i18n';
import { useApp, type App } from './app';
import {
	organiserCookie,
	organiserForToken,
	organiserSessionDays,
	startOrganiserSession,
	type SignInProof
} from './auth';
import type { OrganiserAction } from '$lib/domain/organiser/permissions';
import { mayOnConference, mayOnInstallation } from './conference-access';
import type { Conference } from '$lib/domain/conference/types';
import type { Organiser } from './stores';

/** What organiser pages use of the app, taken here only (useApp is the seam to SvelteKit). */
function uses(): Pick<App, 'stores' | 'joinOrigin'> {
	return useApp();
}

/** The signed-in organiser of a request, if any. */
export function signedInOrganiser(cookies: Cookies): Promise<Organiser | null> {
	return organiserForToken(uses().stores.organisers, cookies.get(organiserCookie), Date.now());
}

/** A path a browser would read as another site ("//host", "/\\host"). */
const otherSite = (path: string) => path.startsWith('//') || path.startsWith('/\\');

/** Where a sign-in may send someone back to: only a path on this site, else the organiser home. */
export function safeNext(next: string | null | undefined, origin: string): string {
	const fallback = '/organiser';
	if (!next || !next.startsWith('/') || otherSite(next)) return fallback;
	try {
		const url = new URL(next, origin);
		// Dot segments resolve away: "/..//evil.example" becomes the path "//evil.example".
		if (url.origin !== origin || otherSite(url.pathname)) return fallback;
		return `${url.pathname}${url.search}${url.hash}`;
	} catch {
		return fallback;
	}
}

/** The login page, remembering where to come back to. */
export function loginPath(url: URL): string {
	const next = `${url.pathname}${url.search}`;
	return next === '/organiser'
		? '/organiser/login'
		: `/organiser/login?next=${encodeURIComponent(next)}`;
}

/**
 * The organiser, for loads and form actions (layout loads do not run for actions, so every
 * action checks for itself). Not signed in: off to the login page.
 */
export async function requireOrganiser(event: { cookies: Cookies; url: URL }): Promise<Organiser> {
	const organiser = await signedInOrganiser(event.cookies);
	if (!organiser) redirect(303, loginPath(event.url));
	return organiser;
}

/**
 * A conference the signed-in organiser may take `action` on (the permission rule of
 * conference-access). One they may do nothing with is a translated 404, as if it did not
 * exist; one they may open but not take this action on is a translated 403.
 */
export async function requireConference(
	event: { cookies: Cookies; url: URL; params: { id?: string }; locals: { lang: Language } },
	action: OrganiserAction
): Promise<Conference> {
	const organiser = await requireOrganiser(event);
	const app = uses();
	const conference = event.params.id ? await app.stores.conferences.find(event.params.id) : null;
	const t = fixedT(event.locals.lang);
	if (!conference) error(404, { message: t('organiser.notFound') });
	if (await mayOnConference(app, organiser, conference.id, action)) return conference;
	if (await mayOnConference(app, organiser, conference.id, 'read'))
		error(403, { message: t('organiser.forbidden') });
	error(404, { message: t('organiser.notFound') });
}

/** The signed-in organiser, if they may take an installation-wide action; else a 403. */
export async function requireInstallationAction(
	event: { cookies: Cookies; url: URL; locals: { lang: Language } },
	action: OrganiserAction
): Promise<Organiser> {
	const organiser = await requireOrganiser(event);
	if (!mayOnInstallation(organiser, action))
		error(403, { message: fixedT(event.locals.lang)('organiser.forbidden') });
	return organiser;
}

/** The signed-in browser's own session token (to keep it when ending the others). */
export function sessionToken(cookies: Cookies): string {
	return cookies.get(organiserCookie) ?? '';
}

/**
 * Signs a browser in: an HttpOnly, SameSite=Lax cookie, Secure over https. With a password's
 * proof, false (and no cookie) when that password was replaced meanwhile.
 */
export async function signIn(
	cookies: Cookies,
	url: URL,
	organiserId: string,
	proof?: SignInProof
): Promise<boolean> {
	const token = await startOrganiserSession(uses().stores, organiserId, Date.now(), proof);
	if (token === null) return false;
	cookies.set(organiserCookie, token, {
		// The whole site: the live overview's socket (under /socket.io) authenticates with it too.
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: organiserSessionDays * 86_400
	});
	return true;
}

/** The address phones and leaders should use for links: the public origin, else this request's. */
export function linkOrigin(url: URL): string {
	return uses().joinOrigin ?? url.origin;
}
