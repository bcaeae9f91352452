// Which of the server's own answers are compressed on the way out. Static files (scripts,
// styles, the service worker) are compressed once at build time (adapter-node `precompress`) and
// carry their Content-Encoding already; this covers what SvelteKit makes per request.
import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Made per request and worth compressing: pages, their data and the join QR code. */
const compressedTypes = ['text/html', 'application/json', 'image/svg+xml'];

/**
 * Whether an answer is compressed. Organiser pages are not: they are read on a laptop, and they
 * hold personal data next to text a request can put there (a search, an edited field), the mix
 * that lets compressed sizes give away content (BREACH). Participants' pages carry no one's
 * secret but the address's own token.
 */
export function compressible(path: string, contentType: string | undefined): boolean {
	if (path === '/organiser' || path.startsWith('/organiser/')) return false;
	const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
	return compressedTypes.includes(type);
}

type Next = () => void;

/**
 * Compresses what `compressible` allows (gzip or Brotli, as the browser asks; small answers as
 * they are): a phone page on a crowded venue Wi-Fi is mostly text that shrinks to a fifth.
 */
export function compressAnswers(): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
	const middleware = compression({
		threshold: 1024,
		filter: (req, res) => {
			const header = res.getHeader('Content-Type');
			return compressible(
				new URL(req.url ?? '/', 'http://x').pathname,
				typeof header === 'string' ? header : undefined
			);
		}
	});
	return middleware as unknown as (req: IncomingMessage, res: ServerResponse, next: Next) => void;
}
