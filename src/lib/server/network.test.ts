import { beforeEach, describe, expect, it, vi } from 'vitest';

// The machine's interfaces, replaced per test: phoneOrigin must not depend on where tests run.
const fake = vi.hoisted(() => ({
	interfaces: {} as Record<string, { address: string; family: string; internal: boolean }[]>
}));
vi.mock('node:os', async (importOriginal) => ({
	...(await importOriginal<typeof import('node:os')>()),
	networkInterfaces: () => fake.interfaces
}));

const { clientAddress, lanAddress, originAllowed, phoneOrigin, requestProtocol } =
	await import('./network');

const loopback = { lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] };

function isLocal(origin: string | null): boolean {
	if (origin === null) return false;
	const host = new URL(origin).hostname;
	return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

beforeEach(() => {
	fake.interfaces = {
		...loopback,
		docker0: [{ address: '203.0.113.9', family: 'IPv4', internal: false }],
		wlan0: [
			{ address: 'fe80::1', family: 'IPv6', internal: false },
			{ address: '192.168.1.23', family: 'IPv4', internal: false }
		]
	};
});

describe('lanAddress', () => {
	it('prefers a private IPv4 address', () => {
		expect(lanAddress()).toBe('192.168.1.23');
	});

	it.each(['10.0.0.5', '172.16.0.5', '172.31.255.1', '192.168.0.2'])(
		'recognises %s as private',
		(address) => {
			fake.interfaces = {
				...loopback,
				eth0: [{ address: '198.51.100.7', family: 'IPv4', internal: false }],
				eth1: [{ address, family: 'IPv4', internal: false }]
			};
			expect(lanAddress()).toBe(address);
		}
	);

	it('falls back to a public address, and to null with only loopback', () => {
		fake.interfaces = {
			...loopback,
			eth0: [{ address: '172.32.0.1', family: 'IPv4', internal: false }]
		};
		expect(lanAddress()).toBe('172.32.0.1');
		fake.interfaces = loopback;
		expect(lanAddress()).toBeNull();
	});
});

describe('phoneOrigin', () => {
	it('uses the public origin when there is one', () => {
		expect(phoneOrigin('https://samrad.example.org', '0.0.0.0', 3000)).toBe(
			'https://samrad.example.org'
		);
	});

	it('uses the LAN address when bound to every interface', () => {
		expect(phoneOrigin(null, '0.0.0.0', 3000)).toBe('http://192.168.1.23:3000');
		expect(phoneOrigin(null, '::', 3000)).toBe('http://192.168.1.23:3000');
	});

	it('uses a specific bound address as it is, without :80', () => {
		expect(phoneOrigin(null, '10.1.2.3', 80)).toBe('http://10.1.2.3');
		expect(phoneOrigin(null, 'fd00::7', 8080)).toBe('http://[fd00::7]:8080');
	});

	it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1'])(
		'never sends phones to the loopback address %s',
		(host) => {
			const origin = phoneOrigin(null, host, 3000);
			expect(origin).toBe('http://192.168.1.23:3000');
			expect(isLocal(origin)).toBe(false);
		}
	);

	it('answers null rather than localhost when there is no network', () => {
		fake.interfaces = loopback;
		for (const host of ['127.0.0.1', 'localhost', '0.0.0.0', '::1']) {
			expect(phoneOrigin(null, host, 3000)).toBeNull();
		}
	});
});

describe('originAllowed', () => {
	it('allows requests without an Origin (not a browser)', () => {
		expect(originAllowed(undefined, '127.0.0.1:3000', null)).toBe(true);
	});

	it('allows the same host and port as requested', () => {
		expect(originAllowed('http://192.168.1.23:3000', '192.168.1.23:3000', null)).toBe(true);
		expect(originAllowed('http://samrad.local:3000', 'SAMRAD.local:3000', null)).toBe(true);
		expect(originAllowed('https://samrad.example.org', 'samrad.example.org', null)).toBe(true);
	});

	it('allows the public origin behind a proxy that rewrites Host', () => {
		expect(
			originAllowed('https://samrad.example.org', '127.0.0.1:3000', 'https://samrad.example.org')
		).toBe(true);
	});

	it.each([
		['another site', 'http://evil.example', '127.0.0.1:3000'],
		['another port', 'http://127.0.0.1:3001', '127.0.0.1:3000'],
		['a look-alike host', 'http://127.0.0.1.evil.example:3000', '127.0.0.1:3000'],
		['a suffix match', 'http://evil192.168.1.23:3000', '192.168.1.23:3000'],
		['the opaque null origin', 'null', '127.0.0.1:3000'],
		['garbage', 'not an origin', '127.0.0.1:3000']
	])('refuses %s', (_label, origin, host) => {
		expect(originAllowed(origin, host, 'https://samrad.example.org')).toBe(false);
	});

	it('refuses a browser origin when the request has no Host', () => {
		expect(originAllowed('http://127.0.0.1:3000', undefined, null)).toBe(false);
	});
});

describe('requestProtocol', () => {
	const none = { hops: 0 };
	const one = { hops: 1 };
	it('is http unless a trusted proxy says https', () => {
		expect(requestProtocol(undefined, '127.0.0.1', none)).toBe('http');
		expect(requestProtocol('https', '127.0.0.1', none)).toBe('http');
		expect(requestProtocol(undefined, '127.0.0.1', one)).toBe('http');
		expect(requestProtocol('https', '127.0.0.1', one)).toBe('https');
		expect(requestProtocol('HTTPS', '127.0.0.1', one)).toBe('https');
		expect(requestProtocol('https, http', '127.0.0.1', one)).toBe('https');
		expect(requestProtocol(['https', 'http'], '127.0.0.1', one)).toBe('https');
		expect(requestProtocol('http', '127.0.0.1', one)).toBe('http');
		expect(requestProtocol('javascript', '127.0.0.1', one)).toBe('http');
	});

	it('believes only a listed proxy', () => {
		const listed = { proxies: ['10.0.0.0/8'] };
		expect(requestProtocol('https', '10.1.1.1', listed)).toBe('https');
		expect(requestProtocol('https', '192.0.2.1', listed)).toBe('http');
	});
});

describe('clientAddress', () => {
	it('is the peer when no proxy is trusted, whatever the header says', () => {
		expect(clientAddress('192.0.2.1', '203.0.113.9', { hops: 0 })).toBe('192.0.2.1');
		expect(clientAddress(undefined, undefined, { hops: 0 })).toBe('unknown');
	});

	it('takes the address the nearest trusted hop saw, not what the client wrote', () => {
		// A client writes X-Forwarded-For itself; the proxy appends the address it came from.
		const forwarded = '10.9.9.9, 198.51.100.9';
		expect(clientAddress('127.0.0.1', forwarded, { hops: 1 })).toBe('198.51.100.9');
		expect(clientAddress('127.0.0.1', ['10.9.9.9', '198.51.100.9'], { hops: 1 })).toBe(
			'198.51.100.9'
		);
		expect(clientAddress('127.0.0.1', forwarded, { hops: 2 })).toBe('10.9.9.9');
		// More hops trusted than there are: the farthest address known.
		expect(clientAddress('127.0.0.1', '198.51.100.9', { hops: 3 })).toBe('198.51.100.9');
		expect(clientAddress('127.0.0.1', undefined, { hops: 1 })).toBe('127.0.0.1');
		expect(clientAddress('127.0.0.1', ' , ', { hops: 1 })).toBe('127.0.0.1');
	});

	it('walks back only through the listed proxies (addresses and ranges, IPv4 and IPv6)', () => {
		const trust = { proxies: ['127.0.0.1', '10.0.0.0/8', 'fd00::/8'] };
		const forwarded = '172.16.0.1, 198.51.100.77, 10.1.2.3';
		expect(clientAddress('127.0.0.1', forwarded, trust)).toBe('198.51.100.77');
		expect(clientAddress('::ffff:127.0.0.1', forwarded, trust)).toBe('198.51.100.77');
		expect(clientAddress('fd00::1', '2001:db8::5', trust)).toBe('2001:db8::5');
		// A peer that is not a listed proxy is the client, whatever it claims.
		expect(clientAddress('192.0.2.1', forwarded, trust)).toBe('192.0.2.1');
		// Every hop a proxy: the farthest one.
		expect(clientAddress('127.0.0.1', '10.0.0.5', trust)).toBe('10.0.0.5');
	});
});
