/**
 * What each page makes the browser load: every JS and CSS file a page fetched (static and
 * dynamic imports alike), with raw, gzip -9 and on-the-wire bytes, up to "usable" and for a
 * whole session. "Until usable" counts every request the browser STARTED before the moment the
 * page's usable selector first matched (stamped in the page itself), however late it finishes.
 * One module for both the budget test (tests/e2e/budget.test.ts) and `npm run bench:phone`, so
 * that they measure exactly the same thing.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { setLogLevel } from '$lib/server/log';
import type { CreatedSession } from '$lib/server/http/new-session';
import { withApp } from '../../integration/helpers/conference';
import { connect, newId, type TestClient } from '../../integration/helpers/client';
import { createSession, joinPhone, startWriting } from '../../integration/helpers/session';
import { demoDayWithNextRound } from './demo-day';

/** One JS, CSS or HTML file a page loaded. */
export interface LoadedFile {
	/** Path on the server (/_app/immutable/chunks/…). */
	path: string;
	kind: 'js' | 'css' | 'html';
	/** Bytes of the decoded body. */
	raw: number;
	/** The body compressed with gzip level 9 (deterministic: the budgets use it). */
	gzip: number;
	/** Body bytes as sent over the wire (0 when served from the browser's cache). */
	wire: number;
	/** The Content-Encoding the server sent (br, gzip or none). */
	encoding: string;
	/** Fetched by a service worker (its script or what it precaches), not by the page. */
	worker: boolean;
	/** When the browser started the request (ms since the epoch, the browser's clock). */
	startedAt: number;
}

/** Totals over a list of files. */
export interface Totals {
	raw: number;
	gzip: number;
	wire: number;
	files: number;
}

const gzipCache = new Map<string, number>();

function kindOf(request: Request): LoadedFile['kind'] | null {
	const path = new URL(request.url()).pathname;
	if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
	if (path.endsWith('.css')) return 'css';
	const type = request.resourceType();
	if (type === 'script') return 'js';
	if (type === 'stylesheet') return 'css';
	if (type === 'document') return 'html';
	return null;
}

async function describe(request: Request, kind: LoadedFile['kind']): Promise<LoadedFile | null> {
	const response = await request.response().catch(() => null);
	if (!response || !response.ok()) return null;
	const body = await response.body().catch(() => null);
	if (!body) return null;
	const path = new URL(request.url()).pathname;
	const key = `${path}:${body.length}`;
	let gzip = gzipCache.get(key);
	if (gzip === undefined) {
		gzip = gzipSync(body, { level: 9 }).length;
		gzipCache.set(key, gzip);
	}
	const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
	const headers = await response.allHeaders();
	return {
		path,
		kind,
		raw: body.length,
		gzip,
		wire: response.fromServiceWorker() ? 0 : sizes.responseBodySize,
		encoding: headers['content-encoding'] ?? 'none',
		// The worker's own script, and everything the worker fetches (its precache).
		worker: request.serviceWorker() !== null || /\/service-worker\.js$/.test(path),
		startedAt: request.timing().startTime
	};
}

/**
 * Records every JS and CSS request of one browser context from now on, in order. A file
 * fetched twice counts once (the first time it finished).
 */
export class PageWeight {
	readonly #pending: Promise<LoadedFile | null>[] = [];

	constructor(context: BrowserContext) {
		// Counted from the request on, so a file still arriving when the page is usable counts.
		context.on('request', (request) => {
			const kind = kindOf(request);
			if (kind) this.#pending.push(describe(request, kind));
		});
	}

	/**
	 * Everything requested so far, once it has arrived (wait for the page's condition first);
	 * with `startedBefore`, only the requests the browser started before that moment.
	 */
	async files(startedBefore = Infinity): Promise<LoadedFile[]> {
		const loaded = (await Promise.all([...this.#pending])).filter(
			(f): f is LoadedFile => f !== null && f.startedAt <= startedBefore
		);
		const seen = new Set<string>();
		return loaded.filter((file) => {
			const key = `${file.worker}:${file.path}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
}

export function totals(files: LoadedFile[]): Totals {
	return {
		raw: files.reduce((sum, f) => sum + f.raw, 0),
		gzip: files.reduce((sum, f) => sum + f.gzip, 0),
		wire: files.reduce((sum, f) => sum + f.wire, 0),
		files: files.length
	};
}

/** The page's own JavaScript: what the budgets count (a service worker's is reported apart). */
export const pageJs = (files: LoadedFile[]) => files.filter((f) => f.kind === 'js' && !f.worker);
export const pageCss = (files: LoadedFile[]) => files.filter((f) => f.kind === 'css' && !f.worker);
export const pageHtml = (files: LoadedFile[]) => files.filter((f) => f.kind === 'html');
export const workerFiles = (files: LoadedFile[]) => files.filter((f) => f.worker);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files, largest (gzip) first, one a line: for failure messages and the bench's log. */
export function fileList(files: LoadedFile[]): string {
	return [...files]
		.sort((a, b) => b.gzip - a.gzip)
		.map((f) => `  ${kb(f.gzip).padStart(9)} gzip ${kb(f.raw).padStart(9)} raw  ${f.path}`)
		.join('\n');
}

/** The data the pages are measured on, seeded into the database before the server starts. */
export interface ConferenceSeed {
	conferenceCode: string;
	plenumToken: string;
	/** Members of the round that waits in the lobby, with their personal tokens. */
	members: { name: string; token: string }[];
	/** Facilitator tokens of that round's groups: the sessions a member's phone shows. */
	groupFacilitatorTokens: string[];
}

/** The demo conference on the day: what /k, /c and /plenum show. */
export async function seedConference(databasePath: string): Promise<ConferenceSeed> {
	setLogLevel('warn');
	return withApp(databasePath, async (app) => {
		const { conference, lobbyGroups, members } = await demoDayWithNextRound(app);
		const facilitatorTokens = await Promise.all(
			lobbyGroups.map(
				async (group) => (await app.sessions.get(group.sessionId!))!.access.facilitatorToken
			)
		);
		return {
			conferenceCode: conference.joinCode,
			plenumToken: conference.plenumToken,
			members,
			groupFacilitatorTokens: facilitatorTokens
		};
	});
}

/** A stand-alone session in silent writing, with three voters, once the server runs. */
export interface WritingSession {
	session: CreatedSession;
	facilitator: TestClient;
	voters: TestClient[];
	questionId: string;
}

export async function writingSession(server: { url: string }): Promise<WritingSession> {
	const session = await createSession(server, { title: 'Bench', questions: ['What helps?'] });
	const facilitator = await connect(server, {
		auth: { role: 'facilitator', token: session.facilitatorToken }
	});
	const voters = await Promise.all(
		['Ada', 'Bo', 'Cy'].map(
			async (name) => (await joinPhone(server, session.joinCode, name)).client
		)
	);
	const questionId = await startWriting(facilitator);
	return { session, facilitator, voters, questionId };
}

/** Browser settings of a phone and of a laptop or projector. */
export const phoneContext = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	locale: 'en-GB'
} as const;
export const laptopContext = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' } as const;

const visible = async (page: Page, selector: string, timeout: number) =>
	page.locator(selector).first().waitFor({ state: 'visible', timeout });

/** The phone's name field (shown once the app runs), then its writing view after joining. */
export const joinField = '#join-name';
export const writingView = '.phase-write';
/** A joined phone is usable once its writing view's note field takes text. */
export const phoneUsable = '#note-draft:enabled';
/** A member's phone is usable once it shows its group and the group's session. */
export const memberUsable = '.member-main:has(.group-line):has(.session-phone)';
/** The projector is usable once it shows the question and its phase's view. */
export const projectorUsable = '.screen .stage > h1.question + *';
/** The console is usable once it shows the session's question, phase controls and phase panel. */
export const consoleUsable = '.console .main-column:has(.phase-controls):has(section.panel)';
/** The plenum screen is usable once it shows a group. */
export const plenumUsable = '.plenum .stage .group-head';

/** Types a name into /j's join form and waits for the writing view; times both steps. */
export async function joinByName(
	page: Page,
	url: string,
	name: string,
	timeout = 30_000
): Promise<{ typableMs: number; joinedMs: number }> {
	const started = performance.now();
	await page.goto(url, { waitUntil: 'commit', timeout });
	await page.locator(joinField).waitFor({ state: 'visible', timeout });
	await page.locator(`${joinField}:enabled`).waitFor({ timeout });
	const typableMs = performance.now() - started;
	await page.locator(joinField).fill(name);
	await page.locator('form.join button[type="submit"]').click();
	await visible(page, writingView, timeout);
	return { typableMs, joinedMs: performance.now() - started };
}

/** A page to measure: how to open it and when it counts as usable. */
export interface PageCase {
	label: string;
	/** Route as in the table. */
	route: string;
	context: 'phone' | 'laptop';
	/**
	 * Matches once the page is usable, the moment that ends "until usable". Without it (the
	 * floor and the landing page), "until usable" is everything requested until the page has
	 * shown its view two frames.
	 */
	usable?: string;
	open: (page: Page) => Promise<void>;
}

/** Every page the budgets and the bench look at, on the seeded data and the writing session. */
export function pageCases(
	baseUrl: string,
	seed: ConferenceSeed,
	writing: WritingSession
): PageCase[] {
	const timeout = 30_000;
	const { session } = writing;
	const [claimed, badge] = [seed.members[0]!, seed.members[1]!];
	/** A page that is usable once it shows `selector`. */
	const shows = (
		label: string,
		route: string,
		context: PageCase['context'],
		path: string,
		selector: string,
		usable = false
	): PageCase => ({
		label,
		route,
		context,
		usable: usable ? selector : undefined,
		open: async (page) => {
			await page.goto(`${baseUrl}${path}`);
			await visible(page, selector, timeout);
		}
	});
	return [
		shows(
			'floor',
			'/bench/floor',
			'phone',
			'/bench/floor',
			'[role="status"][data-connected="true"]'
		),
		{
			label: 'phone',
			route: '/j/<code>',
			context: 'phone',
			usable: phoneUsable,
			open: async (page) => {
				await joinByName(page, `${baseUrl}/j/${session.joinCode}`, 'Astrid', timeout);
			}
		},
		{
			label: 'conference phone',
			route: '/k/<code> → /c/d/<token>',
			context: 'phone',
			usable: memberUsable,
			open: async (page) => {
				// A person reads the roster before picking: the roster page has loaded all it asks for.
				await page.goto(`${baseUrl}/k/${seed.conferenceCode}`, { waitUntil: 'networkidle' });
				const name = new RegExp(`^${claimed.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
				await page.getByRole('button', { name }).click({ timeout });
				await page.waitForURL((url) => url.pathname.startsWith('/c/d/'), { timeout });
				await visible(page, memberUsable, timeout);
			}
		},
		shows('member badge link', '/c/<token>', 'phone', `/c/${badge.token}`, memberUsable, true),
		shows(
			'projector',
			'/screen/<token>',
			'laptop',
			`/screen/${session.screenToken}`,
			projectorUsable,
			true
		),
		shows(
			'console',
			'/console/<token>',
			'laptop',
			`/console/${session.facilitatorToken}`,
			consoleUsable,
			true
		),
		shows('plenum', '/plenum/<token>', 'laptop', `/plenum/${seed.plenumToken}`, plenumUsable, true),
		shows('landing', '/', 'phone', '/', 'main form input')
	];
}

/** What one page loaded until usable. */
export interface PageLoad {
	case: PageCase;
	files: LoadedFile[];
}

/** Waits two frames, so that every request already started has been reported to the test. */
async function afterRender(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
			)
	);
}

/**
 * Runs in the page from its first byte: stamps the moment `selector` first matches. A string,
 * so that the test runner's transform adds no helpers the page does not have.
 */
const stampUsable = (selector: string) => `(() => {
	const observer = new MutationObserver(() => {
		if (window.usableAt !== undefined || !document.querySelector(${JSON.stringify(selector)})) return;
		window.usableAt = performance.timeOrigin + performance.now();
		observer.disconnect();
	});
	observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * Opens one page in a fresh context (cold cache) and records every file it started to load
 * before it was usable, or until it had shown its view (pages without a usable moment), each
 * waited for until it arrived.
 */
export async function loadUntilUsable(browser: Browser, pageCase: PageCase): Promise<PageLoad> {
	const context = await browser.newContext(
		pageCase.context === 'phone' ? phoneContext : laptopContext
	);
	try {
		const weight = new PageWeight(context);
		if (pageCase.usable) await context.addInitScript({ content: stampUsable(pageCase.usable) });
		const page = await context.newPage();
		await pageCase.open(page);
		let usableAt = Infinity;
		if (pageCase.usable) {
			await page.waitForFunction(() => (window as { usableAt?: number }).usableAt !== undefined);
			usableAt = await page.evaluate(() => (window as { usableAt?: number }).usableAt!);
		}
		// Every request started before that moment has been reported by now.
		await afterRender(page);
		return { case: pageCase, files: await weight.files(usableAt) };
	} finally {
		await context.close();
	}
}

/** Sends one command as the facilitator and fails loudly when it is refused. */
async function command(by: TestClient, name: string, payload: Record<string, unknown>) {
	const ack = (await by.send(name, { id: newId(), ...payload })) as { ok: boolean };
	if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack)}`);
}

/**
 * Takes the phone on `page` from silent writing through reveal, clarify, vote and results,
 * the facilitator driving: every view a participant meets, so every lazy chunk loads.
 */
async function driveToResults(
	page: Page,
	facilitators: { client: TestClient; questionId: string }[],
	timeout = 30_000
) {
	await page.getByLabel('New note').fill('A note from the measured phone');
	await page.getByRole('button', { name: 'Add note' }).click();
	await page.getByText('Saved', { exact: true }).first().waitFor({ timeout });
	for (const [from, to] of [
		['write', 'reveal'],
		['reveal', 'clarify'],
		['clarify', 'vote'],
		['vote', 'results']
	] as const) {
		for (const { client, questionId } of facilitators) {
			if (from === 'reveal') await command(client, 'reveal.all', { questionId });
			await command(client, 'phase.advance', { questionId, from });
		}
		await visible(page, `.phase-${to}`, timeout);
	}
}

/** What a phone loads in a whole session: joins during writing, then every phase to results. */
export async function loadWholeSession(
	browser: Browser,
	server: { url: string }
): Promise<LoadedFile[]> {
	const writing = await writingSession(server);
	const context = await browser.newContext(phoneContext);
	try {
		const weight = new PageWeight(context);
		const page = await context.newPage();
		await joinByName(page, `${server.url}/j/${writing.session.joinCode}`, 'Astrid');
		const notes = writing.voters.map((voter, index) =>
			command(voter, 'note.add', {
				questionId: writing.questionId,
				noteId: newId(),
				text: `Note ${index + 1}`
			})
		);
		await Promise.all(notes);
		await driveToResults(page, [{ client: writing.facilitator, questionId: writing.questionId }]);
		await afterRender(page);
		return await weight.files();
	} finally {
		await context.close();
		writing.facilitator.close();
		for (const voter of writing.voters) voter.close();
	}
}

/**
 * What a conference member's phone loads in a whole session: from its badge link, its group
 * started by the facilitators of every group of the round, through every phase to results.
 */
export async function loadWholeMemberSession(
	browser: Browser,
	server: { url: string },
	seed: ConferenceSeed,
	member: { token: string }
): Promise<LoadedFile[]> {
	const facilitators = await Promise.all(
		seed.groupFacilitatorTokens.map(async (token) => {
			const client = await connect(server, { auth: { role: 'facilitator', token } });
			const questionId = (await client.waitForView()).view.currentQuestionId;
			return { client, questionId };
		})
	);
	const context = await browser.newContext(phoneContext);
	try {
		const weight = new PageWeight(context);
		const page = await context.newPage();
		await page.goto(`${server.url}/c/${member.token}`);
		await visible(page, '.group-line', 30_000);
		for (const { client, questionId } of facilitators)
			await command(client, 'phase.advance', { questionId, from: 'lobby' });
		await visible(page, writingView, 30_000);
		await driveToResults(page, facilitators);
		await afterRender(page);
		return await weight.files();
	} finally {
		await context.close();
		for (const { client } of facilitators) client.close();
	}
}
