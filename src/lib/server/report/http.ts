import { fixedT, localeTags, type Language } from '$lib/i18n';
import type { ExportFile } from './export';
import { escapeHtml } from './html';

// Reports carry their own styles and nothing else: no script, no image, no request of any kind.
const reportPolicy =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A download: the file as an attachment, never cached (it holds people's names and notes). */
export function fileResponse(file: ExportFile): Response {
	return new Response(file.body as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': file.disposition,
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': `${reportPolicy}; frame-ancestors 'none'; sandbox`
		}
	});
}

/**
 * The HTML report for the export page's preview frame. Only this response may be framed, and
 * only by pages of this site; the report runs sandboxed, as a document without any powers.
 */
export function previewResponse(html: string): Response {
	return new Response(html, {
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': `${reportPolicy}; frame-ancestors 'self'; sandbox`,
			'X-Frame-Options': 'SAMEORIGIN'
		}
	});
}

/** More for a problem page: the message's values, the way back's label, extra headers. */
export interface ProblemExtras {
	params?: Record<string, string | number>;
	backKey?: string;
	headers?: Record<string, string>;
}

/** A short translated page for a download that could not be made, with a way back. */
export function problemResponse(
	status: number,
	lang: Language,
	messageKey: string,
	back: string,
	{ params = {}, backKey = 'report.export.back', headers = {} }: ProblemExtras = {}
): Response {
	const t = fixedT(lang);
	const html = `<!doctype html>
<html lang="${localeTags[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('report.export.title'))}</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1c2126}a{color:#1f4e5f}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t('report.export.title'))}</h1>
<p role="alert">${escapeHtml(t(messageKey, params))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t(backKey))}</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'no-store',
			'Content-Security-Policy': `${reportPolicy}; frame-ancestors 'none'`,
			...headers
		}
	});
}
