/**
 * "Nothing is sent to anyone else: no analytics, no advertising, no third-party services"
 * (privacy page), checked as a browser would meet it: every page type of the production server
 * carries a Content-Security-Policy that lets it load from or send to its own origin only, and
 * its HTML names no other host to load anything from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedSession } from '$lib/server/http/new-session';
import { seedConference, type SeededConference } from './helpers/conference';
import { TestServer } from './helpers/server';
import { createSession } from './helpers/session';

let server: TestServer;
let seed: SeededConference;
let session: CreatedSession;
/** Origins that are this server: the address tests use, and the one phones are sent to. */
let ownOrigins: Set<string>;

beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	await server.start();
	session = await createSession(server, { title: 'Third parties', language: 'en' });
	ownOrigins = new Set([server.url]);
	// The console and the screen show phones the server's own address on the venue's network.
	const phones = (await server.waitForLog('server.listening')).phones;
	if (typeof phones === 'string' && /^https?:\/\//.test(phones)) {
		ownOrigins.add(new URL(phones).origin);
	}
});

afterAll(async () => {
	await server?.dispose();
});

interface PageCase {
	name: string;
	path: () => string;
	organiser?: boolean;
	status?: number;
}

const pages: PageCase[] = [
	{ name: 'the landing page', path: () => '/' },
	{ name: 'the new-session page', path: () => '/new' },
	{ name: 'the privacy page', path: () => '/privacy' },
	{ name: "a stand-alone session's phone page", path: () => session.joinPath },
	{ name: "a stand-alone session's console", path: () => session.consolePath },
	{ name: "a stand-alone session's screen", path: () => session.screenPath },
	{ name: "a conference's phone join page", path: () => `/j/${seed.joinCode}` },
	{ name: "a conference member's page", path: () => `/c/${seed.members[0]!.token}` },
	{ name: "a conference's plenum screen", path: () => `/plenum/${seed.plenumToken}` },
	{ name: "a group's screen", path: () => `/screen/${seed.groups[0]!.screenToken}` },
	{ name: "a group's console", path: () => `/console/${seed.groups[0]!.facilitatorToken}` },
	{ name: "the organiser's sign-in page", path: () => '/organiser/login' },
	{ name: "the organiser's overview", path: () => '/organiser', organiser: true },
	{
		name: "the organiser's conference page",
		path: () => `/organiser/conferences/${seed.conferenceId}`,
		organiser: true
	},
	{ name: 'a page that does not exist', path: () => '/no-such-page', status: 404 }
];

interface Fetched {
	url: string;
	csp: string;
	link: string;
	html: string;
}

async function fetchPage(page: PageCase): Promise<Fetched> {
	const url = `${server.url}${page.path()}`;
	const response = await fetch(url, {
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			'accept-language': 'en',
			...(page.organiser ? { cookie: seed.organiserCookie } : {})
		}
	});
	expect(response.status, `${page.name}: ${url}`).toBe(page.status ?? 200);
	expect(response.headers.get('content-type')).toMatch(/^text\/html/);
	return {
		url,
		csp: response.headers.get('content-security-policy') ?? '',
		link: response.headers.get('link') ?? '',
		html: await response.text()
	};
}

/** A policy as directive name → its source list. */
function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (!name) continue;
		// A repeated directive is ignored by browsers; a test reading the wrong one would mislead.
		expect(directives.has(name.toLowerCase()), `directive ${name} twice`).toBe(false);
		directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

const self = "'self'";
const none = "'none'";
const isHash = (s: string) => /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/.test(s);
const isNonce = (s: string) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(s);
const onlyOwnOrigin = (s: string) => s === self || s === none;

/**
 * What each directive may allow. Nothing names a host, a scheme such as https: or wss:, or a
 * wildcard. Beyond 'self':
 * - script-src: the hashes and nonces of the server's own inline scripts (SvelteKit's start-up
 *   and the phone's early join script), no 'unsafe-eval' or 'strict-dynamic';
 * - style-src: 'unsafe-inline' (SvelteKit inlines stylesheets into the page) and hashes/nonces;
 * - img-src: data: and blob:, images made in the page itself, which reach no server.
 */
const allowedSources: Record<string, (source: string) => boolean> = {
	'default-src': onlyOwnOrigin,
	'script-src': (s) => s === self || isHash(s) || isNonce(s),
	'style-src': (s) => s === self || s === "'unsafe-inline'" || isHash(s) || isNonce(s),
	'img-src': (s) => s === self || s === 'data:' || s === 'blob:',
	'font-src': onlyOwnOrigin,
	'connect-src': onlyOwnOrigin,
	'media-src': onlyOwnOrigin,
	'frame-src': onlyOwnOrigin,
	'child-src': onlyOwnOrigin,
	'worker-src': onlyOwnOrigin,
	'manifest-src': onlyOwnOrigin,
	'object-src': onlyOwnOrigin,
	'form-action': onlyOwnOrigin,
	'base-uri': onlyOwnOrigin,
	'frame-ancestors': onlyOwnOrigin
};

/** Directives that load or send something and fall back to default-src when absent. */
const fallingBack = [
	'script-src',
	'style-src',
	'img-src',
	'font-src',
	'connect-src',
	'media-src',
	'frame-src',
	'child-src',
	'worker-src',
	'manifest-src',
	'object-src'
];

/** Namespace names in inline SVG: identifiers that no browser fetches. */
const namespaces = new Set([
	'http://www.w3.org/2000/svg',
	'http://www.w3.org/1999/xlink',
	'http://www.w3.org/1999/xhtml'
]);

/**
 * Every absolute http(s) URL in `text`, and every protocol-relative one that CSS loads
 * (url(//…), @import "//…"). A bare "//" is not looked for elsewhere: base64 nonces contain it.
 */
function absoluteUrls(text: string): string[] {
	const absolute = [...text.matchAll(/https?:\/\/[^\s"'<>`),\\]+/gi)].map((m) => m[0]);
	const fromCss = [...text.matchAll(/(?:url\(\s*|@import\s+)["']?(\/\/[^\s"'<>`),\\]+)/gi)].map(
		(m) => m[1]!
	);
	return [...absolute, ...fromCss];
}

/** Whether `url` (absolute, or relative to `base`) is this server; unreadable is not. */
function isOwn(url: string, base: string): boolean {
	try {
		return ownOrigins.has(new URL(url, base).origin);
	} catch {
		return false;
	}
}

interface Reference {
	tag: string;
	attribute: string;
	url: string;
}

/** The URLs in every tag's attributes that make a browser load, send or navigate somewhere. */
function references(html: string): Reference[] {
	const found: Reference[] = [];
	for (const tag of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
		const name = /^<([a-z][a-z0-9-]*)/i.exec(tag[0])![1]!.toLowerCase();
		for (const attr of tag[0].matchAll(
			/\s(src|href|action|formaction|srcset|poster|data|ping|background|xlink:href|manifest|cite)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi
		)) {
			const value = (attr[2] ?? attr[3] ?? attr[4] ?? '').replaceAll('&amp;', '&');
			const attribute = attr[1]!.toLowerCase();
			const urls =
				attribute === 'srcset'
					? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
					: [value.trim()];
			for (const url of urls) if (url) found.push({ tag: name, attribute, url });
		}
	}
	return found;
}

describe.each(pages)('$name', (page) => {
	it('has a policy that loads from and sends to its own origin only', async () => {
		const { csp } = await fetchPage(page);
		// In the header, where frame-ancestors counts too (not only in a <meta> tag).
		expect(csp).not.toBe('');
		const policy = parsePolicy(csp);
		expect(policy.get('default-src')).toBeDefined();
		for (const [name, sources] of policy) {
			const allowed = allowedSources[name];
			// An unknown directive (report-uri, report-to, …) would send or allow something new.
			expect(allowed, `unexpected directive ${name}: ${sources.join(' ')}`).toBeDefined();
			expect(sources.length, `${name} has no sources`).toBeGreaterThan(0);
			for (const source of sources) {
				expect(allowed!(source), `${name} allows ${source}`).toBe(true);
			}
		}
		// What is missing is ruled by default-src, which allows this origin (or nothing).
		const defaults = policy.get('default-src')!;
		for (const name of fallingBack.filter((n) => !policy.has(n))) {
			expect(defaults.every(onlyOwnOrigin), `${name} falls back to ${defaults.join(' ')}`).toBe(
				true
			);
		}
		// Not ruled by default-src, so they must be there: where forms go and what <base> may say.
		expect(policy.get('form-action')).toEqual([self]);
		expect(policy.get('base-uri')).toEqual([none]);
		// A page may be framed by nobody, and no plug-ins run.
		expect(policy.get('frame-ancestors')).toEqual([none]);
		expect(policy.get('object-src')).toEqual([none]);
	});

	it('names no other host to load from, send to or link to', async () => {
		const { url, html, link } = await fetchPage(page);
		const refs = references(html);
		// The page is really read: it links at least its icon or its styles (not a bare text).
		expect(refs.length).toBeGreaterThan(0);
		const loading = refs.filter((r) => !(r.tag === 'a' && r.attribute === 'href'));
		const foreign = loading.filter((r) => !isOwn(r.url, url));
		expect(foreign).toEqual([]);
		// Links a user may click to another site (documentation, say): none today. One added on
		// purpose belongs in this list, after checking it sends nothing on its own.
		const outbound = refs
			.filter((r) => r.tag === 'a' && r.attribute === 'href' && /^(https?:)?\/\//i.test(r.url))
			.filter((r) => !isOwn(r.url, url))
			.map((r) => r.url);
		expect(outbound).toEqual([]);
		// Nor anywhere else in the page: inline scripts, their data, styles, or text.
		const elsewhere = absoluteUrls(html).filter((u) => !namespaces.has(u) && !isOwn(u, url));
		expect(elsewhere).toEqual([]);
		// The Link header's preloads are this origin's files.
		for (const target of [...link.matchAll(/<([^>]*)>/g)].map((m) => m[1]!)) {
			expect(isOwn(target, url), `Link: <${target}>`).toBe(true);
		}
	});
});

describe("the pages' stylesheets", () => {
	it('import no fonts, images or styles from another host', async () => {
		const sheets = new Set<string>();
		for (const page of pages) {
			const { url, html } = await fetchPage(page);
			for (const ref of references(html)) {
				if (ref.tag === 'link' && /\.css(\?|$)/.test(ref.url))
					sheets.add(new URL(ref.url, url).href);
			}
		}
		expect(sheets.size).toBeGreaterThan(0);
		for (const sheet of sheets) {
			const response = await fetch(sheet);
			expect(response.status, sheet).toBe(200);
			const css = await response.text();
			const foreign = absoluteUrls(css).filter((u) => !namespaces.has(u) && !isOwn(u, sheet));
			expect(foreign, sheet).toEqual([]);
		}
	});
});
