import type { Handle } from '@sveltejs/kit';
import { requestLanguage, type Language } from '$lib/i18n';
import { useApp } from '$lib/server/app';
import { conferenceByPlenumToken } from '$lib/server/conference-links';
import { limitBody } from '$lib/server/http/body-limit';
import { localePreloadLinks } from '$lib/server/http/locale-preloads';
import { withStaticImports, yieldingToJoin } from '$lib/server/http/preload-closure';
import { baseSecurityHeaders } from '$lib/server/http/security';

export const handle: Handle = async ({ event, resolve }) => {
	const headers = event.request.headers;
	const lang =
		(await sharedScreenLanguage(event.url.pathname)) ??
		requestLanguage(headers.get('cookie') ?? undefined, headers.get('accept-language'));
	event.locals.lang = lang;
	const refused = await limitBody(useApp(), event, lang);
	if (refused) return refused;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace('%lang%', lang);
			// Only a page that starts the app: a page without JavaScript (the landing page) gets none.
			if (!page.includes('/_app/immutable/entry/start.')) return page;
			return page.replace('</head>', `${localePreloadLinks(lang, event.route.id)}</head>`);
		}
	});
	const link = response.headers.get('link');
	if (link) {
		const complete = withStaticImports(link);
		response.headers.set(
			'link',
			event.route.id === '/j/[code]' ? yieldingToJoin(complete) : complete
		);
	}
	for (const [name, value] of Object.entries(baseSecurityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/** Projectors show the session's (or conference's) language, not that of whoever opened them. */
async function sharedScreenLanguage(pathname: string): Promise<Language | null> {
	const screen = /^\/screen\/([A-Za-z0-9_-]{16,64})\/?$/.exec(pathname);
	if (screen) return (await useApp().sessions.byScreenToken(screen[1]!))?.state.language ?? null;
	const plenum = /^\/plenum\/([A-Za-z0-9_-]{16,64})\/?$/.exec(pathname);
	if (plenum) return (await conferenceByPlenumToken(useApp(), plenum[1]!))?.language ?? null;
	return null;
}
