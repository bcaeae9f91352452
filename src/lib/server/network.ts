import { BlockList, isIP } from 'node:net';
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

/** Which reverse proxies may say where a request came from: the nearest `hops`, or these addresses. */
export type TrustProxy = { hops: number } | { proxies: string[] };

/** Strips the IPv4-mapped IPv6 prefix (::ffff:192.0.2.1), as Node reports IPv4 peers on dual-stack sockets. */
function plainAddress(address: string): string {
	return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/** A checker for a list of proxy addresses and CIDR ranges (validated by config.ts). */
export function proxyList(entries: string[]): (address: string) => boolean {
	const list = new BlockList();
	for (const entry of entries) {
		const [address, prefix] = entry.split('/') as [string, string | undefined];
		const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
		if (prefix === undefined) list.addAddress(address, family);
		else list.addSubnet(address, Number(prefix), family);
	}
	return (address) => {
		const plain = plainAddress(address);
		const version = isIP(plain);
		return version !== 0 && list.check(plain, version === 6 ? 'ipv6' : 'ipv4');
	};
}

const checkers = new WeakMap<string[], (address: string) => boolean>();

function isTrustedProxy(trust: { proxies: string[] }, address: string): boolean {
	let check = checkers.get(trust.proxies);
	if (!check) {
		check = proxyList(trust.proxies);
		checkers.set(trust.proxies, check);
	}
	return check(address);
}

/** Whether the peer itself is a proxy whose forwarded headers count. */
function peerTrusted(remote: string | undefined, trust: TrustProxy): boolean {
	if ('hops' in trust) return trust.hops > 0;
	return remote !== undefined && isTrustedProxy(trust, remote);
}

/**
 * The protocol a browser used for a request to this plain-HTTP server: https only when a
 * trusted reverse proxy (TRUST_PROXY) says so in X-Forwarded-Proto.
 */
export function requestProtocol(
	forwardedProto: string | string[] | undefined,
	remote: string | undefined,
	trust: TrustProxy
): 'http' | 'https' {
	if (forwardedProto === undefined || !peerTrusted(remote, trust)) return 'http';
	const first = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)
		?.split(',')[0]
		?.trim()
		.toLowerCase();
	return first === 'https' ? 'https' : 'http';
}

/**
 * The address a request came from. Each proxy appends the address it saw to X-Forwarded-For, and
 * a client can write anything before that: walk back from the peer only through trusted hops
 * (TRUST_PROXY), so a rotating header changes nothing.
 */
export function clientAddress(
	remote: string | undefined,
	forwardedFor: string | string[] | undefined,
	trust: TrustProxy
): string {
	const peer = remote ?? 'unknown';
	const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	// Nearest first: the peer, then what each proxy before it saw.
	const chain = [peer, ...forwarded.reverse()];
	if ('hops' in trust) return chain[Math.min(trust.hops, chain.length - 1)]!;
	let index = 0;
	while (index < chain.length - 1 && isTrustedProxy(trust, chain[index]!)) index++;
	return chain[index]!;
}
