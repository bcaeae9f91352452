/**
 * axe (WCAG and best-practice rules) on every page of the route manifest, in real Chromium:
 * the pages come from src/routes, so a page added without a check fails here. Every page is
 * checked in English; the participant pages (privacy, phone, roster, conference phone) in all
 * six languages, the landing page in the other five by landing.test.ts (at 360 px and on a
 * laptop); and a session's console, screen and phones in each phase, with a phone in every
 * language. Data is seeded before the server starts and driven over socket.io.
 */
import {
	expect,
	test,
	type Browser,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { setLogLevel } from '$lib/server/log';
import type { CreatedSession } from '$lib/server/http/new-session';
import { firstAccount, withApp } from '../integration/helpers/conference';
import { newId, type TestClient } from '../integration/helpers/client';
import { TestServer } from '../integration/helpers/server';
import { connectConsole, createSession, joinPhone } from '../integration/helpers/session';
import { expectNoAxeViolations } from './helpers/axe';
import { demoDayWithNextRound } from './helpers/demo-day';
import { browserLocale, languages, translate as tr, type Language } from './helpers/i18n';
import { root } from './helpers/paths';

test.describe.configure({ mode: 'serial' });

/** Route ids of every page, from the files SvelteKit builds its manifest from. */
function routeManifest(): string[] {
	const routes = join(root, 'src', 'routes');
	return readdirSync(routes, { recursive: true, encoding: 'utf8' })
		.filter((file) => file === '+page.svelte' || file.endsWith(`${sep}+page.svelte`))
		.map(
			(file) =>
				'/' +
				relative(routes, join(routes, file, '..'))
					.split(sep)
					.join('/')
		)
		.map((id) => (id === '/' ? id : id.replace(/\/$/, '')))
		.sort();
}

/** What a page needs from the seeded data. */
interface Seed {
	conferenceId: string;
	conferenceCode: string;
	plenumToken: string;
	organiserCookie: string;
	roundId: string;
	conceptId: string;
	/** A played group (results) and a group of a new round (lobby). */
	playedGroup: { facilitatorToken: string; screenToken: string };
	lobbyGroup: { facilitatorToken: string; screenToken: string };
	members: { name: string; token: string }[];
}

let server: TestServer;
let seed: Seed;
/** A stand-alone session, created once the server runs. */
let session: CreatedSession;

/** The demo conference after the day and a further round waiting in the lobby. */
async function seedConference(databasePath: string): Promise<Seed> {
	setLogLevel('warn');
	return withApp(databasePath, async (app) => {
		const { conference, played, playedGroups, lobbyGroups, members } =
			await demoDayWithNextRound(app);
		const organiser = await firstAccount(app, conference.id);
		const tokens = async (sessionId: string | null) => {
			const access = (await app.sessions.get(sessionId!))!.access;
			return { facilitatorToken: access.facilitatorToken, screenToken: access.screenToken };
		};
		return {
			conferenceId: conference.id,
			conferenceCode: conference.joinCode,
			plenumToken: conference.plenumToken,
			organiserCookie: organiser.cookie,
			roundId: played.id,
			conceptId: (await app.conferences.glossary(conference.id))[0]!.id,
			playedGroup: await tokens(playedGroups[0]!.sessionId),
			lobbyGroup: await tokens(lobbyGroups[0]!.sessionId),
			members
		};
	});
}

test.beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	await server.start();
	session = await createSession(server, { title: 'Axe', questions: ['What helps?'] });
});

test.afterAll(async () => {
	await server?.dispose();
});

const phoneSize: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true
};
const laptopSize: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const projectorSize: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };

async function openPage(
	browser: Browser,
	lang: Language,
	options: BrowserContextOptions,
	signedIn = false
): Promise<Page> {
	const context = await browser.newContext({ locale: browserLocale[lang], ...options });
	if (signedIn) {
		const [name, value] = seed.organiserCookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: server.url }]);
	}
	return context.newPage();
}

/** Loads a path, waits for the app to start, and runs axe on what it shows. */
async function check(page: Page, path: string, label = path): Promise<void> {
	const response = await page.goto(`${server.url}${path}`);
	expect(response?.status(), `${label} answers`).toBeLessThan(400);
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page, label, { exclude: 'iframe' });
}

/** Participant pages, visited as a person would in one browser: roster claim, then the rest. */
const participantRoutes = ['/', '/privacy', '/j/[code]', '/k/[code]', '/c/d/[token]', '/c/[token]'];

/**
 * The participant pages in one language: the landing page (in English: landing.test.ts checks
 * it in every language), privacy, a session's phone, the conference roster, the device link it
 * hands out after a name is picked, and a badge link.
 */
async function checkParticipantPages(browser: Browser, lang: Language, person: number) {
	const page = await openPage(browser, lang, phoneSize);
	const label = (route: string) => `${route} in ${lang}`;
	if (lang === 'en') await check(page, '/', label('/'));
	await check(page, '/privacy', label('/privacy'));
	await check(page, `/j/${session.joinCode}`, label('/j/[code]'));
	await check(page, `/k/${seed.conferenceCode}`, label('/k/[code]'));
	const claimed = seed.members[person]!;
	await page.getByRole('button', { name: new RegExp(`^${claimed.name}\\b`) }).click();
	await page.waitForURL((url) => url.pathname.startsWith('/c/d/'));
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page, label('/c/d/[token]'));
	await page.context().close();
	// A badge link, on a device of its own.
	const badge = await openPage(browser, lang, phoneSize);
	await check(badge, `/c/${seed.members[person + languages.length]!.token}`, label('/c/[token]'));
	await badge.context().close();
}

/** Every other page, with the path that shows it, grouped by who opens it. */
function organiserPaths(): Record<string, string> {
	const conference = `/organiser/conferences/${seed.conferenceId}`;
	return {
		'/organiser': '/organiser',
		'/organiser/accounts': '/organiser/accounts',
		'/organiser/import': '/organiser/import',
		'/organiser/conferences/new': '/organiser/conferences/new',
		'/organiser/conferences/[id]': conference,
		'/organiser/conferences/[id]/setup': `${conference}/setup`,
		'/organiser/conferences/[id]/programme': `${conference}/programme`,
		'/organiser/conferences/[id]/participants': `${conference}/participants`,
		'/organiser/conferences/[id]/participants/import': `${conference}/participants/import`,
		'/organiser/conferences/[id]/participants/roles': `${conference}/participants/roles`,
		'/organiser/conferences/[id]/participants/devices': `${conference}/participants/devices`,
		'/organiser/conferences/[id]/badges': `${conference}/badges`,
		'/organiser/conferences/[id]/rounds': `${conference}/rounds`,
		'/organiser/conferences/[id]/rounds/[roundId]': `${conference}/rounds/${seed.roundId}`,
		'/organiser/conferences/[id]/rounds/[roundId]/themes': `${conference}/rounds/${seed.roundId}/themes`,
		'/organiser/conferences/[id]/plenum': `${conference}/plenum`,
		'/organiser/conferences/[id]/glossary': `${conference}/glossary`,
		'/organiser/conferences/[id]/glossary/new': `${conference}/glossary/new`,
		'/organiser/conferences/[id]/glossary/import': `${conference}/glossary/import`,
		'/organiser/conferences/[id]/glossary/[concept]': `${conference}/glossary/${seed.conceptId}`,
		'/organiser/conferences/[id]/privacy': `${conference}/privacy`,
		'/organiser/conferences/[id]/export': `${conference}/export`
	};
}

/** Pages anyone opens without signing in, beside the participant pages. */
function openPaths(): Record<string, string> {
	return {
		'/new': '/new',
		'/organiser/login': '/organiser/login',
		'/organiser/setup': '/organiser/setup',
		'/console/[token]': `/console/${seed.playedGroup.facilitatorToken}`,
		'/screen/[token]': `/screen/${seed.playedGroup.screenToken}`,
		'/plenum/[token]': `/plenum/${seed.plenumToken}`,
		'/bench/floor': '/bench/floor'
	};
}

test('every page of the route manifest has an axe check here', () => {
	const checked = [
		...participantRoutes,
		...Object.keys(organiserPaths()),
		...Object.keys(openPaths())
	];
	expect(checked.sort()).toEqual(routeManifest());
});

test('every page anyone opens without signing in, in English: 0 axe violations', async ({
	browser
}) => {
	test.setTimeout(360_000);
	await checkParticipantPages(browser, 'en', 0);
	const visitor = await openPage(browser, 'en', laptopSize);
	for (const [route, path] of Object.entries(openPaths())) await check(visitor, path, route);
	// A conference group's screen and console in the lobby, showing how members join.
	await check(visitor, `/screen/${seed.lobbyGroup.screenToken}`, "a group's screen in the lobby");
	await check(
		visitor,
		`/console/${seed.lobbyGroup.facilitatorToken}`,
		"a group's console in the lobby"
	);
	await visitor.context().close();
});

test('every organiser page, in English: 0 axe violations', async ({ browser }) => {
	test.setTimeout(360_000);
	const organiser = await openPage(browser, 'en', laptopSize, true);
	for (const [route, path] of Object.entries(organiserPaths())) await check(organiser, path, route);
	await organiser.context().close();
});

test('the participant pages in all six languages: 0 axe violations', async ({ browser }) => {
	test.setTimeout(360_000);
	// English is checked with every page above.
	const others = languages.filter((lang) => lang !== 'en');
	for (const [index, lang] of others.entries())
		await checkParticipantPages(browser, lang, index + 1);
});

test('a session in every phase, on the console, the screen and phones in six languages: 0 axe violations', async ({
	browser
}) => {
	test.setTimeout(360_000);
	const facilitator: TestClient = await connectConsole(server, session);
	const questionId = (await facilitator.waitForView()).view.currentQuestionId;
	const console = await openPage(browser, 'en', laptopSize);
	await console.goto(`${server.url}/console/${session.facilitatorToken}`);
	const screen = await openPage(browser, 'en', projectorSize);
	await screen.goto(`${server.url}/screen/${session.screenToken}`);
	const phones: { lang: Language; page: Page }[] = [];
	for (const lang of languages) {
		const page = await openPage(browser, lang, phoneSize);
		await page.goto(`${server.url}/j/${session.joinCode}`);
		await page.getByLabel(tr(lang, 'session.phone.nameLabel')).fill(`Person ${lang}`);
		await page.getByRole('button', { name: tr(lang, 'session.phone.join'), exact: true }).click();
		const welcome = tr(lang, 'session.phone.welcome', { name: `Person ${lang}` });
		await expect(page.getByRole('heading', { name: welcome })).toBeVisible();
		phones.push({ lang, page });
	}
	// Three voters over socket.io, so that the results are not withheld.
	const voters = await Promise.all(
		['Ada', 'Bo', 'Cy'].map((name) => joinPhone(server, session.joinCode, name))
	);

	const command = async (name: string, payload: Record<string, unknown>, by = facilitator) => {
		const ack = (await by.send(name, { id: newId(), questionId, ...payload })) as { ok: boolean };
		expect(ack, `${name} ${JSON.stringify(payload)}`).toMatchObject({ ok: true });
	};
	// Each phase on the English phone and on one other language's in turn, so that every
	// language meets several phases while the test stays short.
	const phasePhones = (step: number) => [phones.at(-1)!, phones[step % (phones.length - 1)]!];
	let step = 0;
	const checkAll = async (phase: string) => {
		const checked = phasePhones(step++);
		for (const page of [console, screen, ...checked.map((p) => p.page)])
			await expect(page.locator(`.phase-${phase}`).first()).toBeVisible();
		await expectNoAxeViolations(console, `the console, ${phase}`);
		await expectNoAxeViolations(screen, `the screen, ${phase}`);
		for (const { lang, page } of checked)
			await expectNoAxeViolations(page, `the phone in ${lang}, ${phase}`);
	};

	await expectNoAxeViolations(console, 'the console, lobby');
	await expectNoAxeViolations(screen, 'the screen, lobby');
	for (const { lang, page } of phasePhones(step++))
		await expectNoAxeViolations(page, `the phone in ${lang}, lobby`);

	await command('phase.advance', { from: 'lobby' });
	const noteIds: string[] = [];
	for (const [index, voter] of voters.entries()) {
		const noteId = newId();
		noteIds.push(noteId);
		await command('note.add', { noteId, text: `Note ${index + 1}` }, voter.client);
	}
	for (const { lang, page } of phones) {
		await page.getByLabel(tr(lang, 'session.write.newNote')).fill(`A note in ${lang}`);
		await page.getByRole('button', { name: tr(lang, 'session.write.add') }).click();
		await expect(page.getByText(tr(lang, 'session.write.saved'), { exact: true })).toBeVisible();
	}
	await checkAll('write');

	await command('phase.advance', { from: 'write' });
	// The first phone to join has the first turn: it reads one of its notes out.
	const first = phones[0]!;
	await first.page.getByRole('button', { name: tr(first.lang, 'session.phone.readThis') }).click();
	await expect(screen.getByText(`A note in ${first.lang}`).first()).toBeVisible();
	await checkAll('reveal');

	await command('reveal.all', {});
	await command('phase.advance', { from: 'reveal' });
	const clusterId = newId();
	await command('cluster.create', {
		clusterId,
		heading: 'RESOURCES',
		noteIds: noteIds.slice(0, 2)
	});
	await checkAll('clarify');

	await command('phase.advance', { from: 'clarify' });
	const ballots = [[`c:${clusterId}`], [`c:${clusterId}`, `n:${noteIds[2]}`], [`n:${noteIds[2]}`]];
	for (const [index, voter] of voters.entries())
		await command('ballot.cast', { ranking: ballots[index] }, voter.client);
	await checkAll('vote');

	await command('phase.advance', { from: 'vote' });
	await checkAll('results');
	await expect(screen.locator('.results .row').first()).toBeVisible();

	facilitator.close();
	for (const voter of voters) voter.client.close();
	for (const page of [console, screen, ...phones.map((p) => p.page)]) await page.context().close();
});
