/**
 * What a copy of the database file gives away, and what the cookies let a page read. The README
 * and /privacy promise that the device cookie is HttpOnly, SameSite=Lax and Secure over https
 * (behind a trusted proxy), that the server keeps only hashes of the device cookie and of a
 * device's own link, that organiser passwords are scrypt hashes and sign-in cookies are kept only
 * as hashes. Real server, real SQLite: an organiser signs up and in with a distinctive password,
 * a phone opens its badge link, another picks a name from the roster; then the raw bytes of the
 * database, its WAL and its shared-memory file are searched for every secret in every plausible
 * encoding, while the server runs and again after it has stopped (and checkpointed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, organiserCookie, verifyPassword } from '$lib/server/auth';
import { deviceCookie, hashDevice } from '$lib/server/devices';
import { knownDeviceCookie } from '$lib/server/sign-in-limits';
import { newId } from './helpers/client';
import { seedConference } from './helpers/conference';
import { Device, rosterEntry, userAgents } from './helpers/device';
import { pageOf, post, setUpFirstAccount, type Account, type Site } from './helpers/organiser-http';
import { rawRequest, type RawAnswer } from './helpers/raw-http';
import { startServer, TestServer } from './helpers/server';

const account: Account = {
	username: 'stored.secrets',
	displayName: 'Stored Secrets',
	password: 'Plaintext-Pässword-42!'
};

/** One Set-Cookie line, taken apart: attribute names in lower case. */
interface SetCookie {
	name: string;
	value: string;
	attributes: Map<string, string>;
	line: string;
}

function parseSetCookie(line: string): SetCookie {
	const [pair, ...rest] = line.split(';');
	const at = pair!.indexOf('=');
	const attributes = new Map<string, string>();
	for (const part of rest) {
		const eq = part.indexOf('=');
		const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
		attributes.set(key, eq < 0 ? '' : part.slice(eq + 1).trim());
	}
	return { name: pair!.slice(0, at).trim(), value: pair!.slice(at + 1).trim(), attributes, line };
}

function setCookies(answer: RawAnswer): SetCookie[] {
	return (answer.headers['set-cookie'] ?? []).map(parseSetCookie);
}

/** The one cookie called `name` an answer sets (fails the test when it sets none or two). */
function cookieSet(answer: RawAnswer, name: string): SetCookie {
	const found = setCookies(answer).filter((c) => c.name === name);
	expect(
		found,
		`Set-Cookie for ${name} in ${JSON.stringify(answer.headers['set-cookie'])}`
	).toHaveLength(1);
	return found[0]!;
}

/** The attributes a cookie the page must not read carries, over http or https. */
function expectProtected(cookie: SetCookie, { path, secure }: { path: string; secure: boolean }) {
	expect(cookie.value.length, cookie.line).toBeGreaterThan(0);
	expect(cookie.attributes.has('httponly'), `HttpOnly: ${cookie.line}`).toBe(true);
	expect(cookie.attributes.get('samesite')?.toLowerCase(), `SameSite: ${cookie.line}`).toBe('lax');
	expect(cookie.attributes.get('path'), `Path: ${cookie.line}`).toBe(path);
	expect(cookie.attributes.has('secure'), `Secure: ${cookie.line}`).toBe(secure);
	// No Domain: the cookie stays with this host, not its parent domain's other sites.
	expect(cookie.attributes.has('domain'), cookie.line).toBe(false);
}

/** A page as a phone opens it, on a connection of its own: the raw answer. */
function openAsPhone(site: Site, path: string, headers: Record<string, string> = {}) {
	return rawRequest(`${site.url}${path}`, {
		headers: {
			'user-agent': userAgents.iphone,
			'accept-language': 'en',
			accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
			...headers
		}
	});
}

/** The sign-in form posted as a browser does (at `origin`): the raw answer. */
function signInRaw(
	site: Site,
	who: { username: string; password: string },
	{ origin = site.url, headers = {} }: { origin?: string; headers?: Record<string, string> } = {}
) {
	const body = new URLSearchParams({ username: who.username, password: who.password }).toString();
	return rawRequest(`${site.url}/organiser/login`, {
		body,
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': String(Buffer.byteLength(body)),
			...headers
		}
	});
}

/** The bytes an outsider copies: the database file, its WAL and its shared-memory file. */
function databaseFiles(path: string): { file: string; bytes: Buffer }[] {
	return ['', '-wal', '-shm']
		.map((suffix) => `${path}${suffix}`)
		.filter((file) => existsSync(file))
		.map((file) => ({ file, bytes: readFileSync(file) }));
}

/** Every way a secret could sit in the file: as text, as the bytes it encodes, and re-encoded. */
function encodings(secret: string): { form: string; bytes: Buffer }[] {
	const forms: { form: string; bytes: Buffer }[] = [];
	const add = (form: string, bytes: Buffer) => {
		if (bytes.length >= 8 && !forms.some((f) => f.bytes.equals(bytes))) forms.push({ form, bytes });
	};
	for (const [label, text] of [
		['NFC', secret.normalize('NFC')],
		['NFD', secret.normalize('NFD')]
	] as const) {
		const utf8 = Buffer.from(text, 'utf8');
		add(`${label} UTF-8`, utf8);
		add(`${label} UTF-16LE`, Buffer.from(text, 'utf16le'));
		add(`${label} UTF-16BE`, Buffer.from(text, 'utf16le').swap16());
		add(`${label} base64`, Buffer.from(utf8.toString('base64')));
		add(`${label} base64 unpadded`, Buffer.from(utf8.toString('base64').replace(/=+$/, '')));
		add(`${label} base64url`, Buffer.from(utf8.toString('base64url')));
		add(`${label} hex`, Buffer.from(utf8.toString('hex')));
		add(`${label} HEX`, Buffer.from(utf8.toString('hex').toUpperCase()));
	}
	// A token is base64url of random bytes: those bytes, or them re-encoded, would give it away too.
	if (/^[A-Za-z0-9_-]+$/.test(secret)) {
		const raw = Buffer.from(secret, 'base64url');
		add('decoded bytes', raw);
		add('decoded bytes, base64', Buffer.from(raw.toString('base64')));
		add('decoded bytes, hex', Buffer.from(raw.toString('hex')));
		add('decoded bytes, HEX', Buffer.from(raw.toString('hex').toUpperCase()));
	}
	return forms;
}

/** Where (file and encoding) a secret is found in the database's files: empty when nowhere. */
function findings(databasePath: string, secret: string): string[] {
	const found: string[] = [];
	for (const { file, bytes } of databaseFiles(databasePath)) {
		for (const { form, bytes: needle } of encodings(secret)) {
			const at = bytes.indexOf(needle);
			if (at >= 0)
				found.push(
					`${form} in ${file.slice(databasePath.length) || 'the main file'} at byte ${at}`
				);
		}
	}
	return found;
}

/** Whether this exact text is in the database's files (for the checks that we look in the right place). */
function inFiles(databasePath: string, text: string): boolean {
	return databaseFiles(databasePath).some(({ bytes }) => bytes.includes(Buffer.from(text, 'utf8')));
}

/** What the database keeps of a device's own link (identity.ts, hashLinkToken: not exported). */
const hashLinkToken = (token: string) =>
	createHash('sha256').update(`binding:${token}`).digest('base64url');

/** SQL on a read-only connection to the running server's file. */
function query<T>(databasePath: string, fn: (db: Database.Database) => T): T {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

describe('secrets over plain HTTP, and in a copy of the database file', () => {
	let server: TestServer;
	let conferenceId: string;
	/** The Cookie header of the account's first session (made by setup). */
	let setupCookie: string;
	/** The sign-in with the distinctive password: the raw answer. */
	let signedIn: RawAnswer;
	let organiserCookieValue: string;
	let badgeToken: string;
	/** The phone that opened the badge link: the raw answer. */
	let badgeOpened: RawAnswer;
	let deviceValue: string;
	/** The phone that picked a name on the roster: its cookies and its own link's token. */
	let rosterPhone: Device;
	let deviceLinkToken: string;
	let joinCode: string;

	beforeAll(async () => {
		server = await startServer();
		setupCookie = await setUpFirstAccount(server, account);

		signedIn = await signInRaw(server, account);
		expect(signedIn.status, signedIn.body.toString('utf8').slice(0, 500)).toBe(303);
		organiserCookieValue = cookieSet(signedIn, organiserCookie).value;
		const cookie = `${organiserCookie}=${organiserCookieValue}`;

		const created = await post(
			server,
			'/organiser/conferences/new?/save',
			{
				commandId: newId(),
				title: 'Lagrede hemmeligheter',
				subtitle: '',
				venue: 'Tromsø',
				startDate: '2026-10-01',
				endDate: '2026-10-01',
				language: 'nb',
				languages: ['nb', 'sv']
			},
			{ cookie }
		);
		expect(created.status).toBe(303);
		conferenceId = /\/organiser\/conferences\/([A-Za-z0-9_-]+)$/.exec(
			created.headers.get('location') ?? ''
		)![1]!;
		const addPerson = async (name: string) => {
			const added = await post(
				server,
				`/organiser/conferences/${conferenceId}/participants?/save`,
				{
					commandId: newId(),
					name,
					country: 'NO',
					role: 'employer',
					organisation: '',
					language: 'nb'
				},
				{ cookie }
			);
			expect(added.status).toBe(200);
		};

		// The badge link as the organiser prints it: the only person yet, so the only link.
		await addPerson('Badge Bæreren');
		const badges = await pageOf(server, `/organiser/conferences/${conferenceId}/badges`, cookie);
		const links = new Set([...badges.matchAll(/\/c\/([A-Za-z0-9_-]{16,})/g)].map((m) => m[1]!));
		expect([...links]).toHaveLength(1);
		badgeToken = [...links][0]!;

		badgeOpened = await openAsPhone(server, `/c/${badgeToken}`);
		expect(badgeOpened.status).toBe(200);
		deviceValue = cookieSet(badgeOpened, deviceCookie).value;
		// The phone comes back with its cookie: its binding is touched, the cookie set again.
		const again = await openAsPhone(server, `/c/${badgeToken}`, {
			cookie: `${deviceCookie}=${deviceValue}`
		});
		expect(again.status).toBe(200);
		expect(cookieSet(again, deviceCookie).value).toBe(deviceValue);

		// Another person picks their name on the roster: a device link of its own.
		await addPerson('Roster Velgeren');
		joinCode = query(
			server.databasePath,
			(db) =>
				(
					db.prepare('SELECT join_code FROM conferences WHERE id = ?').get(conferenceId) as {
						join_code: string;
					}
				).join_code
		);
		rosterPhone = new Device(server, userAgents.android);
		const roster = await rosterPhone.get(`/k/${joinCode}`);
		expect(roster.status).toBe(200);
		const picked = await rosterPhone.post(
			`/k/${joinCode}`,
			rosterEntry(roster.body, 'Roster Velgeren')
		);
		expect(picked.status).toBe(303);
		expect(picked.location).toMatch(/^\/c\/d\/[A-Za-z0-9_-]+$/);
		deviceLinkToken = picked.location!.split('/').at(-1)!;
		expect((await rosterPhone.get(picked.location!)).status).toBe(200);
	});

	afterAll(async () => {
		await server?.dispose();
	});

	/** Every secret a browser holds, by what it is (the language cookie is no secret). */
	function secrets(): Record<string, string> {
		return {
			'the password': account.password,
			'the device cookie of the badge phone': deviceValue,
			'the device cookie of the roster phone': rosterPhone.cookies.get(deviceCookie) ?? '',
			'the roster phone’s own link token': deviceLinkToken,
			'the organiser cookie of the sign-in': organiserCookieValue,
			'the organiser cookie of the setup': setupCookie.slice(`${organiserCookie}=`.length),
			'the known-browser sign-in cookie': cookieSet(signedIn, knownDeviceCookie).value
		};
	}

	it('sets the device cookie HttpOnly, SameSite=Lax, on the whole site, and not Secure over http', () => {
		const cookie = cookieSet(badgeOpened, deviceCookie);
		expectProtected(cookie, { path: '/', secure: false });
		expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(Number(cookie.attributes.get('max-age'))).toBe(365 * 86_400);
		// The page is not handed the value some other way.
		expect(badgeOpened.body.includes(Buffer.from(cookie.value))).toBe(false);
	});

	it('sets the device cookie the same way on the roster page, and another phone gets another value', async () => {
		const roster = await openAsPhone(server, `/k/${joinCode}`);
		expect(roster.status).toBe(200);
		expectProtected(cookieSet(roster, deviceCookie), { path: '/', secure: false });
		const value = rosterPhone.cookies.get(deviceCookie);
		expect(value).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(value).not.toBe(deviceValue);
	});

	it('does not take X-Forwarded-Proto from a peer it does not trust (no TRUST_PROXY)', async () => {
		const answer = await openAsPhone(server, `/c/${badgeToken}`, { 'x-forwarded-proto': 'https' });
		expect(answer.status).toBe(200);
		expectProtected(cookieSet(answer, deviceCookie), { path: '/', secure: false });
	});

	it('sets the organiser’s cookies HttpOnly, SameSite=Lax, not Secure over http', () => {
		expectProtected(cookieSet(signedIn, organiserCookie), { path: '/', secure: false });
		expectProtected(cookieSet(signedIn, knownDeviceCookie), {
			path: '/organiser/login',
			secure: false
		});
	});

	it('keeps the password only as an scrypt hash of the format auth.ts writes', async () => {
		const row = query(
			server.databasePath,
			(db) =>
				db
					.prepare('SELECT password_hash FROM organisers WHERE username = ?')
					.get(account.username) as { password_hash: string } | undefined
		);
		expect(row).toBeDefined();
		const stored = row!.password_hash;
		// scrypt$N$r$p$salt$key: N=2^15, r=8, p=1, a 16-byte salt and a 32-byte key (base64url).
		expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
		expect(stored).not.toContain(account.password);
		// It is the hash of this password (so the row is the one we think), and of no other.
		expect(await verifyPassword(stored, account.password)).toBe(true);
		expect(await verifyPassword(stored, 'Plaintext-Passw0rd-42!')).toBe(false);
		// And it is in the bytes searched below: they are the right files.
		expect(inFiles(server.databasePath, stored)).toBe(true);
	});

	it('keeps the hashes of the cookies and links in the files searched (no vacuous pass)', () => {
		const path = server.databasePath;
		expect(databaseFiles(path).length).toBeGreaterThan(0);
		expect(inFiles(path, account.username)).toBe(true);
		for (const [what, value] of Object.entries(secrets())) {
			expect(value.length, what).toBeGreaterThanOrEqual(16);
		}
		expect(inFiles(path, hashDevice(deviceValue)), 'hash of the badge phone’s cookie').toBe(true);
		const rosterDevice = rosterPhone.cookies.get(deviceCookie)!;
		expect(inFiles(path, hashDevice(rosterDevice)), 'hash of the roster phone’s cookie').toBe(true);
		expect(inFiles(path, hashLinkToken(deviceLinkToken)), 'hash of the device link').toBe(true);
		expect(inFiles(path, hashToken(organiserCookieValue)), 'hash of the sign-in token').toBe(true);
		const setupToken = setupCookie.slice(`${organiserCookie}=`.length);
		expect(inFiles(path, hashToken(setupToken)), 'hash of the setup session token').toBe(true);
		// The same through SQL: each hash is in the column that holds it.
		query(path, (db) => {
			const has = (sql: string, value: string) => db.prepare(sql).get(value) !== undefined;
			expect(
				has('SELECT 1 FROM device_bindings WHERE device_hash = ?', hashDevice(deviceValue))
			).toBe(true);
			expect(
				has('SELECT 1 FROM device_bindings WHERE device_hash = ?', hashDevice(rosterDevice))
			).toBe(true);
			expect(
				has('SELECT 1 FROM device_bindings WHERE token_hash = ?', hashLinkToken(deviceLinkToken))
			).toBe(true);
			expect(
				has(
					'SELECT 1 FROM organiser_sessions WHERE token_hash = ?',
					hashToken(organiserCookieValue)
				)
			).toBe(true);
		});
		// The finder finds what is there, in an encoding it was not written in as well.
		expect(findings(path, account.username).length).toBeGreaterThan(0);
	});

	it('has none of the secrets in the database, its WAL or its shared-memory file', () => {
		for (const [what, value] of Object.entries(secrets())) {
			expect(findings(server.databasePath, value), what).toEqual([]);
		}
	});

	it('writes none of the secrets to its log', () => {
		for (const [what, value] of Object.entries(secrets())) {
			expect(server.output.includes(value), what).toBe(false);
		}
	});

	it('has none of them after a stop either, when the WAL has been written back into the file', async () => {
		const all = secrets();
		expect(await server.stop()).toBe(0);
		expect(inFiles(server.databasePath, hashDevice(deviceValue))).toBe(true);
		expect(inFiles(server.databasePath, hashToken(organiserCookieValue))).toBe(true);
		for (const [what, value] of Object.entries(all)) {
			expect(findings(server.databasePath, value), what).toEqual([]);
		}
	});
});

describe('behind a trusted proxy that says the browser used https (TRUST_PROXY)', () => {
	let server: TestServer;
	let badgeToken: string;
	const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

	beforeAll(async () => {
		server = new TestServer({ env: { TRUST_PROXY: 'true' } });
		const seed = await seedConference(server.databasePath, { maxGroupSize: 7 });
		badgeToken = seed.members[0]!.token;
		await server.start();
	});

	afterAll(async () => {
		await server?.dispose();
	});

	it('sets the device cookie Secure, HttpOnly and SameSite=Lax over https', async () => {
		const answer = await openAsPhone(server, `/c/${badgeToken}`, proxied);
		expect(answer.status).toBe(200);
		const cookie = cookieSet(answer, deviceCookie);
		expectProtected(cookie, { path: '/', secure: true });
		expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{32}$/);
	});

	it('and not Secure when the proxy says http', async () => {
		const answer = await openAsPhone(server, `/c/${badgeToken}`, {
			...proxied,
			'x-forwarded-proto': 'http'
		});
		expect(answer.status).toBe(200);
		expectProtected(cookieSet(answer, deviceCookie), { path: '/', secure: false });
	});

	it('sets the organiser’s cookies Secure over https too', async () => {
		const origin = `https://127.0.0.1:${server.port}`;
		const answer = await signInRaw(
			server,
			{ username: 'organiser', password: 'a long enough password' },
			{ origin, headers: proxied }
		);
		expect(answer.status, answer.body.toString('utf8').slice(0, 500)).toBe(303);
		expectProtected(cookieSet(answer, organiserCookie), { path: '/', secure: true });
		expectProtected(cookieSet(answer, knownDeviceCookie), {
			path: '/organiser/login',
			secure: true
		});
	});
});
