import { networkInterfaces } from 'node:os';

function isPrivateIPv4(address: string): boolean {
	return (
		address.startsWith('10.') ||
		address.startsWith('192.168.') ||
		/^172\.(1[6-9]|2\d|3[01])\./.test(address)
	);
}

/** This machine's address on the local network, preferring private IPv4 ranges; null if none. */
export function lanAddress(): string | null {
	const candidates: string[] = [];
	for (const list of Object.values(networkInterfaces())) {
		for (const info of list ?? []) {
			if (info.family === 'IPv4' && !info.internal) candidates.push(info.address);
		}
	}
	return candidates.find(isPrivateIPv4) ?? candidates[0] ?? null;
}

function isLoopback(host: string): boolean {
	return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/**
 * The origin phones should open: the configured public origin, else this machine's LAN
 * address (or the bound address when it is a specific, non-loopback one). Never localhost.
 */
export function phoneOrigin(
	publicOrigin: string | null,
	host: string,
	port: number
): string | null {
	if (publicOrigin) return publicOrigin;
	const wildcard = host === '0.0.0.0' || host === '::' || host === '';
	const address = wildcard || isLoopback(host) ? lanAddress() : host;
	if (!address) return null;
	const hostPart = address.includes(':') ? `[${address}]` : address;
	return `http://${hostPart}${port === 80 ? '' : `:${port}`}`;
}

/** Whether a browser Origin header may open a socket: same host as requested, or the public origin. */
export function originAllowed(
	origin: string | undefined,
	requestHost: string | undefined,
	publicOrigin: string | null
): boolean {
	// Browsers always send Origin on cross-site requests; tools and tests without one are not a CSRF risk.
	if (origin === undefined) return true;
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (publicOrigin && url.origin === publicOrigin) return true;
	return requestHost !== undefined && url.host === requestHost.toLowerCase();
}

/**
 * The protocol a browser used for a request to this plain-HTTP server: https only when a
 * trusted reverse proxy (TRUST_PROXY) says so in X-Forwarded-Proto.
 */
export function requestProtocol(
	forwardedProto: string | string[] | undefined,
	trustProxy: boolean
): 'http' | 'https' {
	if (!trustProxy || forwardedProto === undefined) return 'http';
	const first = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)
		?.split(',')[0]
		?.trim()
		.toLowerCase();
	return first === 'https' ? 'https' : 'http';
}

/**
 * The address a request came from: the socket's peer, or the first X-Forwarded-For entry when
 * the operator said a trusted proxy sits in front (TRUST_PROXY).
 */
export function clientAddress(
	remote: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustProxy: boolean
): string {
	if (trustProxy && forwardedFor) {
		const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)
			?.split(',')[0]
			?.trim();
		if (first) return first;
	}
	return remote ?? 'unknown';
}
