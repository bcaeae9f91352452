import type { Handle } from '@sveltejs/kit';
import { requestLanguage, type Language } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { baseSecurityHeaders } from '$lib/server/http/security';

export const handle: Handle = async ({ event, resolve }) => {
	const headers = event.request.headers;
	const lang =
		sharedScreenLanguage(event.url.pathname) ??
		requestLanguage(headers.get('cookie') ?? undefined, headers.get('accept-language'));
	event.locals.lang = lang;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	for (const [name, value] of Object.entries(baseSecurityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/** The projector shows the session's language, not the language of whoever opened it. */
function sharedScreenLanguage(pathname: string): Language | null {
	const match = /^\/screen\/([A-Za-z0-9_-]{16,64})\/?$/.exec(pathname);
	if (!match) return null;
	return useApp().sessions.byScreenToken(match[1]!)?.state.language ?? null;
}
