import { error } from '@sveltejs/kit';
import { fixedT } from '$lib/i18n';
import { qrSvg, qrTextLimit } from '$lib/qr';
import type { RequestHandler } from './$types';

/**
 * A public address as a QR image, drawn on the server so that screens and consoles carry no QR
 * encoder. Only http(s) addresses: join links, never personal ones (those are drawn in the page).
 */
export const GET: RequestHandler = ({ url, locals }) => {
	const text = url.searchParams.get('text') ?? '';
	const t = fixedT(locals.lang);
	if (text.length > qrTextLimit)
		error(400, { message: t('errors.too_long', { max: qrTextLimit }) });
	if (!/^https?:\/\/\S+$/.test(text)) error(400, { message: t('errors.invalid_payload') });
	return new Response(qrSvg(text), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=86400',
			'x-content-type-options': 'nosniff'
		}
	});
};
