import { error, redirect } from '@sveltejs/kit';
import { isLanguage, languageCookie } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** Sets the UI language cookie; forms post here (no JavaScript needed) and return to their page. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const lang = form.get('lang');
	if (!isLanguage(lang)) error(400, { message: 'Unknown language' });
	cookies.set(languageCookie, lang, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	const back = form.get('redirect');
	// Only same-site paths: never an open redirect.
	const target = typeof back === 'string' && /^\/(?!\/)/.test(back) ? back : '/';
	if (request.headers.get('accept')?.includes('application/json')) {
		return new Response(JSON.stringify({ lang }), {
			headers: { 'content-type': 'application/json' }
		});
	}
	redirect(303, target);
};
