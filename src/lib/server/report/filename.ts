import { asciiFold } from '$lib/domain/slug';

// Characters no file system takes in a name, and control characters.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g;

/** A file name's stem from a title: the title itself, without characters files cannot hold. */
function stem(title: string, fallback: string): string {
	const clean = title.normalize('NFC').replace(unsafe, ' ').replace(/\s+/g, ' ').trim();
	const chars = [...clean];
	const short = chars.length > 100 ? chars.slice(0, 100).join('').trimEnd() : clean;
	return short.replace(/^\.+/, '') || fallback;
}

/** The same stem in plain ASCII, for clients that ignore filename*: "Þórður Ø" → "Thordur O". */
function asciiStem(unicodeStem: string, fallback: string): string {
	const ascii = asciiFold(unicodeStem)
		.replace(/[^\x20-\x7e]+/g, ' ')
		.replace(/[%;'`]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return ascii || fallback;
}

/** RFC 5987 value: UTF-8, percent-encoded except the attr-chars it allows. */
function rfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/**
 * A Content-Disposition header for a download named after a title: a plain ASCII filename for
 * old clients and the full name as filename* (RFC 6266, RFC 5987) for everyone else.
 */
export function contentDisposition(
	title: string,
	extension: string,
	{ inline = false, fallback = 'samrad' } = {}
): string {
	const name = stem(title, fallback);
	const ascii = asciiStem(name, fallback);
	return `${inline ? 'inline' : 'attachment'}; filename="${ascii}.${extension}"; filename*=UTF-8''${rfc5987(`${name}.${extension}`)}`;
}
