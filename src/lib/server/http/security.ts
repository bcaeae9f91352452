/** Headers every response gets; pages add their own Content-Security-Policy (svelte.config.js). */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/** A strict policy for responses that are not pages (assets, JSON); pages replace it. */
export const fallbackCsp =
	"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/**
 * The offline shell's worker runs under its script's policy: it may fetch from its own origin
 * (pages and app files it keeps) and nothing else.
 */
export const serviceWorkerCsp = `${fallbackCsp}; connect-src 'self'`;

/** The policy for a response that is not a page (pages replace it with their own). */
export function nonPageCsp(url: string | undefined): string {
	return url?.split('?')[0] === '/service-worker.js' ? serviceWorkerCsp : fallbackCsp;
}
