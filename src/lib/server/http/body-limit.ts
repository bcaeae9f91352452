import type { RequestEvent } from '@sveltejs/kit';
import { fixedT, type Language } from '$lib/i18n';
import { organiserCookie, organiserForToken } from '../auth';
import type { App } from '../app';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<App, 'stores'>;

const kB = 1024;
const MB = 1024 * kB;

/**
 * The largest request body each kind of request may send. adapter-node's BODY_SIZE_LIMIT is one
 * number for every route (set to the archive's size in main.ts); these are checked first.
 */
export const bodyLimits = {
	/** Anyone: the forms of phones, the join and new-session pages, sign-in, the JSON API. */
	anyone: 128 * kB,
	/** A signed-in organiser's forms (long texts, a programme of 200 items). */
	organiser: 1 * MB,
	/** A signed-in organiser's CSV imports (participants, glossary): room to answer in words. */
	csvImport: 4 * MB,
	/**
	 * A signed-in organiser's archive import: no limit of its own, so that adapter-node's
	 * BODY_SIZE_LIMIT (the archive and the form around it, main.ts) refuses more before reading
	 * and the page says in words how large the file is.
	 */
	archiveImport: Number.POSITIVE_INFINITY
} as const;

const csvImportRoutes = new Set([
	'/organiser/conferences/[id]/participants/import',
	'/organiser/conferences/[id]/glossary/import'
]);

/** The limit for this request; the organiser is looked up only when a body is larger than anyone's. */
async function limitFor(app: Uses, event: RequestEvent): Promise<number> {
	const cookie = event.cookies.get(organiserCookie);
	const signedIn = await organiserForToken(app.stores.organisers, cookie, Date.now());
	if (!signedIn) return bodyLimits.anyone;
	if (event.route.id === '/organiser/import') return bodyLimits.archiveImport;
	if (event.route.id && csvImportRoutes.has(event.route.id)) return bodyLimits.csvImport;
	return bodyLimits.organiser;
}

/** How long a client has to read a 413 before its connection (and the unread body) is dropped. */
const closeAfterMs = 2_000;

/**
 * 413 in the request's language (JSON for the API). The rest of the body is never read: the
 * request stays paused, and its connection is closed once the client has had time to read this.
 */
function tooLarge(event: RequestEvent, lang: Language, limit: number): Response {
	const message = fixedT(lang)('errors.body_too_large', { kilobytes: Math.round(limit / kB) });
	const socket = event.platform?.req?.socket;
	if (socket) setTimeout(() => socket.destroy(), closeAfterMs).unref();
	const json =
		event.url.pathname.startsWith('/api/') ||
		(event.request.headers.get('accept') ?? '').includes('application/json');
	return json
		? Response.json({ error: { code: 'too_large', message } }, { status: 413 })
		: new Response(message, {
				status: 413,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
}

/**
 * Refuses a body over its route's limit before it is read: at once from Content-Length, and
 * while reading for a body without one (chunked), holding at most the limit in memory. Returns
 * the refusal, or null to go on (a chunked body is then replaced by the bytes read).
 */
export async function limitBody(
	app: Uses,
	event: RequestEvent,
	lang: Language
): Promise<Response | null> {
	const body = event.request.body;
	if (!body) return null;
	const declared = event.request.headers.get('content-length');
	if (declared !== null) {
		const size = Number(declared);
		if (size <= bodyLimits.anyone) return null;
		const limit = await limitFor(app, event);
		return size > limit ? tooLarge(event, lang, limit) : null;
	}
	const limit = await limitFor(app, event);
	if (limit === Number.POSITIVE_INFINITY) return null;
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				reader.releaseLock();
				return tooLarge(event, lang, limit);
			}
			chunks.push(value);
		}
	} catch {
		// The client went away or sent more than adapter-node's own limit.
		return new Response(null, { status: 400 });
	}
	const headers = new Headers(event.request.headers);
	headers.delete('transfer-encoding');
	headers.set('content-length', String(size));
	event.request = new Request(event.request.url, {
		method: event.request.method,
		headers,
		body: Buffer.concat(chunks)
	});
	return null;
}
