/**
 * A conference belongs to the organiser who made it. Another organiser account on the same
 * installation tries every organiser route of it the way an outsider would — every page (and its
 * __data.json), every form action, every download, and the organiser socket on both transports —
 * and gets nothing: not a page, not a byte of it, and no change to it.
 *
 * The routes are read from the file system, so a route added later is attacked too.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveJson } from '$lib/domain/archive/schema';
import { exportConference } from '$lib/server/archive';
import { listParticipants } from '$lib/server/db/participants';
import { readGlossary } from '$lib/server/db/glossary';
import { listGroups, listRounds } from '$lib/server/db/rounds';
import { listProgramme } from '$lib/server/db/conferences';
import { seedPlayedDemo, tempApp } from '$lib/server/report/test-conference';
import { connect, connectRefused } from './helpers/client';
import {
	accountA,
	accountB,
	accountC,
	addAccount,
	archiveOf,
	get,
	importAs,
	post,
	setUpFirstAccount,
	signIn
} from './helpers/organiser-http';
import { startServer, type TestServer } from './helpers/server';

type Module = { load?: unknown; actions?: Record<string, unknown>; GET?: unknown; POST?: unknown };

// Every server module of the organiser's pages and endpoints.
const modules = {
	...import.meta.glob<Module>('/src/routes/organiser/**/+page.server.ts', { eager: true }),
	...import.meta.glob<Module>('/src/routes/organiser/**/+layout.server.ts', { eager: true }),
	...import.meta.glob<Module>('/src/routes/organiser/**/+server.ts', { eager: true })
};

/** Routes outside one conference, and why a foreign conference cannot be reached through them. */
const accountRoutes: Record<string, string> = {
	'/organiser': 'lists only the conferences of the signed-in organiser (tested below)',
	'/organiser/accounts': 'accounts, not conferences (tested below)',
	'/organiser/conferences': 'redirects to /organiser',
	'/organiser/conferences/new': 'creates a conference of the signed-in organiser',
	'/organiser/import': 'creates a conference of the signed-in organiser',
	'/organiser/login': 'signs in',
	'/organiser/logout': 'signs out',
	'/organiser/setup': 'the first account (organiser-setup.test.ts)'
};

interface RouteFile {
	route: string;
	kind: 'page' | 'layout' | 'endpoint';
	module: Module;
}

const routeFiles: RouteFile[] = Object.entries(modules).map(([file, module]) => {
	const match = /^\/src\/routes(.*)\/\+(page\.server|layout\.server|server)\.ts$/.exec(file);
	if (!match) throw new Error(`unexpected route file ${file}`);
	const kind = match[2] === 'page.server' ? 'page' : match[2] === 'server' ? 'endpoint' : 'layout';
	return { route: match[1]!, kind, module };
});
const conferenceRoutes = routeFiles.filter((f) =>
	f.route.startsWith('/organiser/conferences/[id]')
);

/** A conference under attack: its owner's and the attacker's browsers, and what to look for. */
interface Victim {
	id: string;
	owner: string;
	attacker: string;
	/** Ids inside the conference, for the routes' parameters. */
	params: Record<string, string>;
	/** Texts of the conference that must never reach the attacker. */
	secrets: string[];
	/** A form that would change something, were it accepted. */
	fields: Record<string, string>;
	/** The owner's archive before the attack. */
	before: string;
}

let server: TestServer;
let cookieA: string;
let cookieB: string;
const victims: Record<'plain' | 'admin', Victim> = {} as never;

/** The demo, played through, as one archive file, under its own title. */
async function demoArchive(title: string): Promise<string> {
	const scratch = await tempApp('samrad-access');
	try {
		const demo = await seedPlayedDemo(scratch.app, { lang: 'en', openVote: true });
		const archive = (await exportConference(scratch.app, demo.id))!;
		archive.conference.title = title;
		return archiveJson(archive);
	} finally {
		scratch.close();
	}
}

async function victimOf(owner: string, attacker: string, title: string): Promise<Victim> {
	const id = await importAs(server, owner, await demoArchive(title));
	const db = new Database(server.databasePath, { readonly: true });
	try {
		const rounds = listRounds(db, id);
		const people = listParticipants(db, id);
		const groups = listGroups(db, rounds[0]!.id);
		const conference = db
			.prepare('SELECT title, join_code, plenum_token FROM conferences WHERE id = ?')
			.get(id) as { title: string; join_code: string; plenum_token: string };
		return {
			id,
			owner,
			attacker,
			params: {
				id,
				roundId: rounds[0]!.id,
				concept: readGlossary(db, id)[0]!.id,
				participantId: people[0]!.id
			},
			secrets: [
				conference.title,
				conference.join_code,
				conference.plenum_token,
				...people.map((p) => p.name)
			],
			fields: {
				id: listProgramme(db, id)[0]!.id,
				participantId: people[0]!.id,
				roundId: rounds[0]!.id,
				groupId: groups[0]!.id,
				organiserId: 'anyone',
				mode: 'delete',
				notice: 'The attacker was here',
				summary: 'The attacker was here',
				title: 'The attacker was here',
				customName: 'The attacker was here',
				name: 'The attacker was here',
				language: 'en',
				languages: 'en',
				day: '2026-05-06',
				start: '09:00',
				kind: 'plenary',
				rule: 'mixed',
				maxGroupSize: '5',
				username: accountB.username
			},
			before: await archiveOf(server, owner, id)
		};
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	server = await startServer();
	// A is the installation's first account: the administrator.
	cookieA = await setUpFirstAccount(server, accountA);
	await addAccount(server, cookieA, accountB);
	cookieB = await signIn(server, accountB);
	victims.plain = await victimOf(cookieA, cookieB, 'Anna’s conference');
	victims.admin = await victimOf(cookieB, cookieA, 'Bjørn’s conference');
}, 120_000);

afterAll(async () => {
	await server?.dispose();
});

/** A route with its parameters filled in from the victim's conference. */
function path(victim: Victim, route: string): string {
	return route.replace(/\[(\w+)\]/g, (_, name: string) => {
		const value = victim.params[name];
		if (!value) throw new Error(`no value for [${name}] in ${route}: add one to the test`);
		return value;
	});
}

function expectNothingOf(victim: Victim, body: string, where: string) {
	for (const secret of victim.secrets)
		expect(body, `${where} showed "${secret}"`).not.toContain(secret);
}

describe('the routes this test attacks', () => {
	it('are every organiser route: each is under a conference or a known account route', () => {
		expect(conferenceRoutes.length).toBeGreaterThan(20);
		for (const file of routeFiles) {
			if (file.route.startsWith('/organiser/conferences/[id]')) continue;
			expect(accountRoutes, `${file.route} is new: attack it here`).toHaveProperty([file.route]);
		}
	});
});

describe.each([
	{ label: 'another organiser account, on the conference of the first', key: 'plain' as const },
	{ label: 'the administrator, on a conference not shared with them', key: 'admin' as const }
])('$label', ({ key }) => {
	const victim = () => victims[key];

	it('does not see it in the conference list', async () => {
		const own = await get(server, '/organiser', victim().owner);
		expect(await own.text()).toContain(victim().secrets[0]);
		const response = await get(server, '/organiser', victim().attacker);
		expect(response.status).toBe(200);
		expectNothingOf(victim(), await response.text(), '/organiser');
	});

	it('gets 404 on every page, and its data request carries nothing of the conference', async () => {
		const pages = conferenceRoutes.filter((f) => f.kind === 'page' && f.module.load);
		expect(pages.length).toBeGreaterThan(15);
		for (const page of pages) {
			const url = path(victim(), page.route);
			const response = await get(server, url, victim().attacker);
			expect(response.status, `GET ${url}`).toBe(404);
			expectNothingOf(victim(), await response.text(), `GET ${url}`);
			const data = await get(server, `${url}/__data.json`, victim().attacker);
			const json = await data.text();
			expectNothingOf(victim(), json, `GET ${url}/__data.json`);
			expect(json, `GET ${url}/__data.json`).toMatch(/"status":404/);
		}
	});

	it('gets 404 on every download: exports, preview, glossary CSV, template, personal data', async () => {
		const endpoints = conferenceRoutes.filter((f) => f.kind === 'endpoint');
		expect(endpoints.map((f) => f.route)).toEqual(
			expect.arrayContaining([
				'/organiser/conferences/[id]/export/download',
				'/organiser/conferences/[id]/glossary/glossary.csv',
				'/organiser/conferences/[id]/privacy/[participantId]'
			])
		);
		for (const endpoint of endpoints) {
			for (const query of ['', '?format=json', '?format=csv', '?format=html']) {
				const url = `${path(victim(), endpoint.route)}${query}`;
				const response = await get(server, url, victim().attacker);
				expect(response.status, `GET ${url}`).toBe(404);
				expectNothingOf(victim(), await response.text(), `GET ${url}`);
			}
		}
	});

	it('gets 404 on every form action, and the conference is unchanged', async () => {
		const withActions = conferenceRoutes.filter((f) => f.module.actions);
		const names = withActions.flatMap((f) => Object.keys(f.module.actions!));
		expect(names).toEqual(expect.arrayContaining(['deleteConference', 'erase', 'notice']));
		for (const page of withActions) {
			for (const name of Object.keys(page.module.actions!)) {
				const route = path(victim(), page.route);
				const url = name === 'default' ? route : `${route}?/${name}`;
				const response = await post(server, url, victim().fields, { cookie: victim().attacker });
				expect(response.status, `POST ${url}`).toBe(404);
				expectNothingOf(victim(), await response.text(), `POST ${url}`);
			}
		}
		expect(await archiveOf(server, victim().owner, victim().id)).toBe(victim().before);
	});

	it('cannot open the live overview socket, on WebSocket or long-polling', async () => {
		for (const transport of ['websocket', 'polling'] as const) {
			const refused = await connectRefused(server, {
				auth: { role: 'organiser', conferenceId: victim().id },
				headers: { cookie: victim().attacker },
				transports: [transport]
			});
			expect(refused.message, transport).toBe('unauthenticated');
			// The owner's own socket opens on the same transport.
			const own = await connect(server, {
				auth: { role: 'organiser', conferenceId: victim().id },
				headers: { cookie: victim().owner },
				transports: [transport]
			});
			own.close();
		}
	});
});

describe('accounts', () => {
	it('an organiser who does not administer accounts cannot add one', async () => {
		const response = await post(
			server,
			'/organiser/accounts?/add',
			{
				username: accountC.username,
				displayName: accountC.displayName,
				password: accountC.password,
				confirm: accountC.password
			},
			{ cookie: cookieB }
		);
		expect(response.status).toBe(403);
		const login = await post(server, '/organiser/login', {
			username: accountC.username,
			password: accountC.password
		});
		expect(login.status).toBe(400);
	});
});
