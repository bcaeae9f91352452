import type { Handle } from '@sveltejs/kit';
import { requestLanguage } from '$lib/i18n';
import { baseSecurityHeaders } from '$lib/server/http/security';

export const handle: Handle = async ({ event, resolve }) => {
	const headers = event.request.headers;
	const lang = requestLanguage(headers.get('cookie') ?? undefined, headers.get('accept-language'));
	event.locals.lang = lang;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	for (const [name, value] of Object.entries(baseSecurityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};
