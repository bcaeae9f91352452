/**
 * Organiser accounts and shared conferences over HTTP and the organiser socket, as browsers use
 * them: the administrator disables, enables and deletes accounts, resets passwords and signs
 * accounts out; everyone changes their own password and signs out their other browsers; an owner
 * shares a conference with a co-organiser and takes it back. Each change takes effect at once on
 * every page, download and open live overview.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveJson, type ConferenceArchive } from '$lib/domain/archive/schema';
import { exportConference } from '$lib/server/archive';
import { conferenceTie, findOrganiserByUsername } from '$lib/server/db/organisers';
import { seedPlayedDemo, tempApp } from '$lib/server/report/test-conference';
import { connect, type TestClient } from './helpers/client';
import {
	accountA,
	accountB,
	accountC,
	addAccount,
	get,
	importAs,
	post,
	setUpFirstAccount,
	signIn,
	type Account
} from './helpers/organiser-http';
import { startServer, type TestServer } from './helpers/server';

// Copies: passwords change along the way.
const anna = { ...accountA };
const bjorn = { ...accountB };
const carola = { ...accountC };
let server: TestServer;
let archive: string;
let admin: string;
const clients: TestClient[] = [];

beforeAll(async () => {
	const scratch = await tempApp('samrad-accounts');
	try {
		const demo = await seedPlayedDemo(scratch.app, { lang: 'en' });
		archive = archiveJson((await exportConference(scratch.app, demo.id))!);
	} finally {
		scratch.close();
	}
	server = await startServer();
	admin = await setUpFirstAccount(server, anna);
	await addAccount(server, admin, bjorn);
	await addAccount(server, admin, carola);
}, 120_000);

afterAll(async () => {
	for (const client of clients) client.close();
	await server?.dispose();
});

/** Reads the server's database alongside it (WAL), the way an auditor would. */
function inDb<T>(read: (db: Database.Database) => T): T {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}

const idOf = (account: Account) =>
	inDb((db) => findOrganiserByUsername(db, account.username)!.organiser.id);

/** A conference of `cookie`'s account, imported under its own title. */
async function conferenceOf(cookie: string, title: string): Promise<string> {
	const file = JSON.parse(archive) as ConferenceArchive;
	file.conference.title = title;
	return importAs(server, cookie, archiveJson(file));
}

/** Whether a cookie still signs its browser in (organiser pages send others to the login). */
async function signedIn(cookie: string): Promise<boolean> {
	const response = await get(server, '/organiser', cookie);
	if (response.status === 200) return true;
	expect(response.headers.get('location')).toBe('/organiser/login');
	return false;
}

async function overview(cookie: string, conferenceId: string, transport: 'websocket' | 'polling') {
	const client = await connect(server, {
		auth: { role: 'organiser', conferenceId },
		headers: { cookie },
		transports: [transport]
	});
	clients.push(client);
	return client;
}

const page = (conferenceId: string, path = '') => `/organiser/conferences/${conferenceId}${path}`;

/** An action on the accounts page, as `cookie`'s browser sends it. */
const onAccounts = (cookie: string, action: string, fields: Record<string, string> = {}) =>
	post(server, `/organiser/accounts?/${action}`, fields, { cookie });

/** The owner's form on the conference page that shares it with an account. */
const share = (cookie: string, conferenceId: string, account: Account) =>
	post(server, `${page(conferenceId)}?/share`, { username: account.username }, { cookie });

describe('an administrator', () => {
	it('sees nothing of a colleague’s conference that is not shared with them', async () => {
		const cookieB = await signIn(server, bjorn);
		const own = await conferenceOf(cookieB, 'Bjørn’s own conference');
		expect((await get(server, page(own), cookieB)).status).toBe(200);
		expect((await get(server, page(own), admin)).status).toBe(404);
		expect((await get(server, page(own, '/export/download?format=json'), admin)).status).toBe(404);
		expect(await (await get(server, '/organiser', admin)).text()).not.toContain(
			'Bjørn’s own conference'
		);
		await expect(overview(admin, own, 'websocket')).rejects.toThrow('unauthenticated');
	});

	it('cannot disable or delete their own account, and others cannot administer at all', async () => {
		const self = await onAccounts(admin, 'disable', { id: idOf(anna) });
		expect(self.status).toBe(409);
		expect(await signedIn(admin)).toBe(true);
		const cookieB = await signIn(server, bjorn);
		for (const action of ['disable', 'delete', 'endSessions', 'resetPassword']) {
			const response = await onAccounts(cookieB, action, {
				id: idOf(carola),
				password: 'bjørn sets a password',
				confirm: 'bjørn sets a password'
			});
			expect(response.status, action).toBe(403);
		}
		expect(await signIn(server, carola)).toBeTruthy();
	});
});

describe('sharing a conference', () => {
	let conference: string;
	let cookieB: string;

	beforeAll(async () => {
		conference = await conferenceOf(admin, 'Anna’s shared conference');
		cookieB = await signIn(server, bjorn);
	});

	it('lets the co-organiser read, change and export it, but not share or delete it', async () => {
		expect((await get(server, page(conference), cookieB)).status).toBe(404);
		const shared = await share(admin, conference, bjorn);
		expect(shared.status).toBe(200);
		expect(inDb((db) => conferenceTie(db, conference, idOf(bjorn)))).toBe('co_organiser');

		expect((await get(server, page(conference), cookieB)).status).toBe(200);
		expect(await (await get(server, '/organiser', cookieB)).text()).toContain(
			'Anna’s shared conference'
		);
		expect(
			(await get(server, page(conference, '/export/download?format=json'), cookieB)).status
		).toBe(200);
		const notice = await post(
			server,
			`${page(conference)}?/notice`,
			{ notice: 'Lunch at 12' },
			{
				cookie: cookieB
			}
		);
		expect(notice.status).toBe(200);

		expect((await share(cookieB, conference, carola)).status).toBe(403);
		for (const path of ['/privacy?/deleteConference', '/setup?/delete']) {
			const response = await post(server, page(conference, path), {}, { cookie: cookieB });
			expect(response.status, path).toBe(403);
		}
		expect((await get(server, page(conference), admin)).status).toBe(200);
		expect(inDb((db) => conferenceTie(db, conference, idOf(carola)))).toBeNull();
	});

	it('refuses to share with an account that does not exist, saying so', async () => {
		const response = await post(
			server,
			`${page(conference)}?/share`,
			{ username: 'nobody.here' },
			{
				cookie: admin
			}
		);
		expect(response.status).toBe(422);
		expect(await response.text()).toContain('There is no organiser account with that user name.');
	});

	it('taken back, closes the co-organiser’s live overview and every page at once', async () => {
		const live = await Promise.all([
			await overview(cookieB, conference, 'websocket'),
			await overview(cookieB, conference, 'polling')
		]);
		const removed = await post(
			server,
			`${page(conference)}?/unshare`,
			{
				organiserId: idOf(bjorn)
			},
			{ cookie: admin }
		);
		expect(removed.status).toBe(200);
		await Promise.all(live.map((client) => client.disconnected()));
		expect((await get(server, page(conference), cookieB)).status).toBe(404);
		await expect(overview(cookieB, conference, 'polling')).rejects.toThrow('unauthenticated');
		// The owner's own overview stays open.
		const own = await overview(admin, conference, 'websocket');
		expect(own.socket.connected).toBe(true);
	});
});

describe('accounts the administrator manages', () => {
	it('a disabled account is signed out everywhere, its overview closes, and it cannot sign in until enabled', async () => {
		const conference = await conferenceOf(admin, 'Disabled test conference');
		await share(admin, conference, carola);
		const cookieC = await signIn(server, carola);
		const live = await overview(cookieC, conference, 'websocket');
		const disabled = await onAccounts(admin, 'disable', { id: idOf(carola) });
		expect(disabled.status).toBe(200);
		await live.disconnected();
		expect(await signedIn(cookieC)).toBe(false);
		const refused = await post(server, '/organiser/login', {
			username: carola.username,
			password: carola.password
		});
		expect(refused.status).toBe(400);
		await onAccounts(admin, 'enable', { id: idOf(carola) });
		expect(await signedIn(await signIn(server, carola))).toBe(true);
	});

	it('a reset password signs the account out everywhere; only the new one works', async () => {
		const before = await signIn(server, carola);
		const fresh = 'a new password for carola';
		const reset = await onAccounts(admin, 'resetPassword', {
			id: idOf(carola),
			password: fresh,
			confirm: fresh
		});
		expect(reset.status).toBe(200);
		expect(await signedIn(before)).toBe(false);
		const old = await post(server, '/organiser/login', {
			username: carola.username,
			password: carola.password
		});
		expect(old.status).toBe(400);
		expect(await signedIn(await signIn(server, { ...carola, password: fresh }))).toBe(true);
		// Too short: refused with the reason, and nothing changes.
		const short = await onAccounts(admin, 'resetPassword', {
			id: idOf(carola),
			password: 'short',
			confirm: 'short'
		});
		expect(short.status).toBe(422);
		expect(await short.text()).toContain('The password needs at least');
		carola.password = fresh;
	});

	it('signs an account out on every browser', async () => {
		const [one, two] = [await signIn(server, bjorn), await signIn(server, bjorn)];
		const ended = await onAccounts(admin, 'endSessions', { id: idOf(bjorn) });
		expect(ended.status).toBe(200);
		expect(await signedIn(one!)).toBe(false);
		expect(await signedIn(two!)).toBe(false);
	});

	it('deleting an account hands each of its conferences to its co-organiser, or else to the administrator', async () => {
		const dana = {
			username: 'dana.leaving',
			displayName: 'Dana Leaving',
			password: 'dana has a long password'
		};
		await addAccount(server, admin, dana);
		const cookieD = await signIn(server, dana);
		const withColleague = await conferenceOf(cookieD, 'Dana shares this one');
		const alone = await conferenceOf(cookieD, 'Dana keeps this one alone');
		await share(cookieD, withColleague, bjorn);
		const deleted = await onAccounts(admin, 'delete', { id: idOf(dana) });
		expect(deleted.status).toBe(200);
		expect(await deleted.text()).toContain(
			'1 of their conferences had no co-organiser and is now yours.'
		);
		expect(await signedIn(cookieD)).toBe(false);
		const cookieB = await signIn(server, bjorn);
		expect(inDb((db) => conferenceTie(db, withColleague, idOf(bjorn)))).toBe('owner');
		expect((await get(server, page(withColleague), cookieB)).status).toBe(200);
		expect(inDb((db) => conferenceTie(db, alone, idOf(anna)))).toBe('owner');
		expect((await get(server, page(alone), admin)).status).toBe(200);
	});
});

describe('one’s own account', () => {
	it('a new password needs the current one, and signs out every other browser but this one', async () => {
		const here = await signIn(server, bjorn);
		const elsewhere = await signIn(server, bjorn);
		const fresh = 'bjørn chose another password';
		const wrong = await onAccounts(here, 'password', {
			current: 'not my password at all',
			password: fresh,
			confirm: fresh
		});
		expect(wrong.status).toBe(422);
		expect(await wrong.text()).toContain('That is not your current password.');
		expect(await signedIn(elsewhere)).toBe(true);

		const changed = await onAccounts(here, 'password', {
			current: bjorn.password,
			password: fresh,
			confirm: fresh
		});
		expect(changed.status).toBe(200);
		expect(await signedIn(here)).toBe(true);
		expect(await signedIn(elsewhere)).toBe(false);
		bjorn.password = fresh;
		expect(await signedIn(await signIn(server, bjorn))).toBe(true);
	});

	// Last: it signs out the administrator's other browsers, the one the tests above used too.
	it('signs out its other browsers, and signing out closes this browser’s overview', async () => {
		const conference = await conferenceOf(admin, 'Sign-out test conference');
		const here = await signIn(server, anna);
		const elsewhere = await signIn(server, anna);
		const ended = await onAccounts(here, 'endOtherSessions');
		expect(ended.status).toBe(200);
		expect(await signedIn(here)).toBe(true);
		expect(await signedIn(elsewhere)).toBe(false);

		const live = await overview(here, conference, 'polling');
		await post(server, '/organiser/logout', {}, { cookie: here });
		await live.disconnected();
		expect(await signedIn(here)).toBe(false);
	});
});
