/**
 * The projector in a real room, in real Chromium: with 30, 60 and 100 notes and 12 headings,
 * at 1920×1080 and 1280×720, every note and heading is seen whole at some point (inside the
 * viewport, not covered, checked with elementFromPoint), at a size readable from the back; the
 * screen pages by itself and holds each page at least 8 s (Playwright's clock, no sleeping);
 * the console pages it too and shows a shortened note whole; bars are proportional to points
 * on the projector, the phone and the plenum; Nordic compounds are hyphenated on the screens.
 * Sessions are seeded over socket.io, as phones and a console would.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Language, SessionState } from '$lib/domain/session/types';
import { newId, type TestClient } from '../integration/helpers/client';
import { seedConference, withApp } from '../integration/helpers/conference';
import { TestServer } from '../integration/helpers/server';
import {
	connectConsole,
	createSession,
	joinPhone,
	type Phone
} from '../integration/helpers/session';
import { expectNoAxeViolations } from './helpers/axe';
import { roomNotes } from './helpers/room-notes';

const viewports = [
	{ width: 1920, height: 1080, minFont: 32 },
	{ width: 1280, height: 720, minFont: 24 }
] as const;

const names = [
	'Aino',
	'Bjørn',
	'Camilla',
	'Dagný',
	'Eero',
	'Freyja',
	'Gunnar',
	'Hanna',
	'Ísak',
	'Jens'
];

function noteTexts(count: number): string[] {
	return Array.from({ length: count }, (_, i) => `${roomNotes[i % roomNotes.length]} (${i + 1})`);
}

const headings = [
	'BUREAUCRACY',
	'SHORT-TERMISM',
	'MONEY',
	'TRAINING',
	'EMPLOYERS',
	'COOPERATION',
	'ATTITUDES',
	'LAWS AND RULES',
	'FOLLOW-UP',
	'HEALTH',
	'RESEARCH',
	'KNOWLEDGE'
];

interface Seeded {
	url: string;
	joinCode: string;
	screenPath: string;
	consolePath: string;
	console: TestClient;
	phones: Phone[];
	questionId: string;
	/** Note ids by text. */
	noteIds: Map<string, string>;
	close: () => void;
}

async function ok(answer: Promise<{ ok: boolean }>, what: string): Promise<void> {
	const ack = await answer;
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack)}`);
}

/**
 * A session whose notes are all revealed: phones wrote them, the console revealed them all.
 * `join` lets a browser phone join first.
 */
async function seedRevealed(
	url: string,
	texts: string[],
	{
		phones: phoneCount = 0,
		language = 'en',
		join
	}: { phones?: number; language?: Language; join?: (joinCode: string) => Promise<void> } = {}
): Promise<Seeded> {
	const session = await createSession(
		{ url },
		{ title: 'Projector', questions: ['What is hard or missing at work?'], language }
	);
	if (join) await join(session.joinCode);
	const console = await connectConsole({ url }, session);
	const people = Math.max(phoneCount, Math.ceil(texts.length / 10));
	const phones = await Promise.all(
		names.slice(0, people).map((name) => joinPhone({ url }, session.joinCode, name))
	);
	const questionId = console.view!.view.currentQuestionId;
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
	await Promise.all(
		phones.map(async (phone, p) => {
			for (const [i, text] of texts.entries()) {
				if (i % phones.length !== p) continue;
				await ok(
					phone.client.command('note.add', { id: newId(), questionId, noteId: newId(), text }),
					'note.add'
				);
			}
		})
	);
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'write' }), 'reveal');
	await ok(console.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
	const view = await console.waitForView((v) => v.view.runs[0]!.notes.length === texts.length);
	return {
		url,
		joinCode: session.joinCode,
		screenPath: session.screenPath,
		consolePath: session.consolePath,
		console,
		phones,
		questionId,
		noteIds: new Map(view.view.runs[0]!.notes.map((n) => [n.text, n.id])),
		close: () => [console, ...phones.map((p) => p.client)].forEach((c) => c.close())
	};
}

/** Moves on to clarify and puts `perHeading` notes under each of the 12 headings. */
async function clarifyWithHeadings(seed: Seeded, texts: string[], perHeading: number) {
	const { console, questionId } = seed;
	await ok(
		console.command('phase.advance', { id: newId(), questionId, from: 'reveal' }),
		'clarify'
	);
	for (const [h, heading] of headings.entries()) {
		const noteIds = texts
			.slice(h * perHeading, (h + 1) * perHeading)
			.map((text) => seed.noteIds.get(text)!);
		await ok(
			console.command('cluster.create', {
				id: newId(),
				questionId,
				clusterId: newId(),
				heading,
				noteIds
			}),
			'cluster.create'
		);
	}
}

async function openScreen(browser: Browser, seed: Seeded, language = 'en-GB') {
	const context = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: language
	});
	const page = await context.newPage();
	// What the server sends the screen, on long-polling and on the WebSocket.
	const received: string[] = [];
	page.on('websocket', (socket) =>
		socket.on('framereceived', (frame) => received.push(String(frame.payload)))
	);
	page.on('response', async (response) => {
		if (!response.url().includes('/socket.io/')) return;
		// A poll cut short by the upgrade or the test's end has no body: nothing was sent on it.
		received.push(await response.text().catch(() => ''));
	});
	await page.clock.install();
	await page.goto(`${seed.url}${seed.screenPath}`);
	return { page, context, received };
}

interface SeenNow {
	text: string;
	fontSize: number;
}

/**
 * Which of these texts are fully visible right now: the smallest block element holding the
 * text lies inside the viewport, and elementFromPoint at its centre and near its four corners
 * finds that element (or something inside it): not covered, not clipped.
 */
function fullyVisible(page: Page, texts: string[]): Promise<SeenNow[]> {
	return page.evaluate((texts) => {
		const norm = (s: string | null) =>
			(s ?? '')
				.replace(/\u00AD/g, '')
				.replace(/\s+/g, ' ')
				.trim();
		const main = document.querySelector('main')!;
		const elements = [...main.querySelectorAll<HTMLElement>('*')].map((el) => ({
			el,
			text: norm(el.textContent)
		}));
		const block = (el: HTMLElement): HTMLElement => {
			let at: HTMLElement = el;
			while (getComputedStyle(at).display.startsWith('inline') && at.parentElement)
				at = at.parentElement;
			return at;
		};
		const seen: SeenNow[] = [];
		for (const text of texts) {
			const want = norm(text);
			const holders = elements.filter(
				({ el, text }) =>
					text.includes(want) && ![...el.children].some((c) => norm(c.textContent).includes(want))
			);
			for (const { el } of holders) {
				const box = block(el);
				const r = box.getBoundingClientRect();
				if (r.width < 4 || r.height < 4) continue;
				if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) continue;
				const inset = Math.min(10, r.width / 4, r.height / 4);
				const points: [number, number][] = [
					[r.left + r.width / 2, r.top + r.height / 2],
					[r.left + inset, r.top + inset],
					[r.right - inset, r.top + inset],
					[r.left + inset, r.bottom - inset],
					[r.right - inset, r.bottom - inset]
				];
				const clear = points.every(([x, y]) => {
					const hit = document.elementFromPoint(x, y);
					return hit !== null && (hit === box || box.contains(hit));
				});
				if (clear) {
					seen.push({ text, fontSize: parseFloat(getComputedStyle(box).fontSize) });
					break;
				}
			}
		}
		return seen;
	}, texts);
}

/** How the screens say "page k of n" in the two languages used here. */
const pageWords = { en: ['Page', 'of'], nb: ['Side', 'av'] } as const;

function pagePattern(lang: 'en' | 'nb', page?: number, pages?: number): RegExp {
	const [word, of] = pageWords[lang];
	return new RegExp(`^${word} (${page ?? '\\d+'}) ${of} (${pages ?? '\\d+'})$`);
}

/** Waits until the screen has laid its pages out for its current size. */
async function settled(page: Page) {
	await expect
		.poll(() =>
			page.evaluate(() => {
				// None yet is not settled: the view may not have arrived.
				const lists = [...document.querySelectorAll<HTMLElement>('.paged')];
				return (
					lists.length > 0 &&
					lists.every((el) => el.dataset.laidOut === `${el.clientWidth}x${el.clientHeight}`)
				);
			})
		)
		.toBe(true);
}

/** "Page k of n" in the screen's header, or null when everything fits on one page. */
async function pageOf(
	page: Page,
	lang: 'en' | 'nb'
): Promise<{ page: number; pages: number } | null> {
	const indicator = page.getByText(pagePattern(lang));
	if ((await indicator.count()) === 0) return null;
	const match = pagePattern(lang).exec((await indicator.first().textContent()) ?? '');
	return match ? { page: Number(match[1]), pages: Number(match[2]) } : null;
}

/**
 * Lets the screen page by itself through every page (the clock is paused; each page is held
 * 8 s) and checks that every text was fully visible at some point, at a readable size.
 */
async function expectEverySeen(
	page: Page,
	texts: string[],
	minFont: number,
	label: string,
	{ lang = 'en', eachPage }: { lang?: 'en' | 'nb'; eachPage?: () => Promise<void> } = {}
) {
	const seen = new Map<string, number>();
	await settled(page);
	const start = await pageOf(page, lang);
	const pages = start?.pages ?? 1;
	for (let step = 0; step < pages; step++) {
		if (start) {
			const expected = ((start.page - 1 + step) % pages) + 1;
			await expect(page.getByText(pagePattern(lang, expected, pages)), label).toBeVisible();
		}
		for (const { text, fontSize } of await fullyVisible(page, texts))
			seen.set(text, Math.min(fontSize, seen.get(text) ?? Infinity));
		await eachPage?.();
		if (step < pages - 1) await page.clock.runFor(8_000);
	}
	const missing = texts.filter((t) => !seen.has(t));
	expect(missing, `${label}: never fully visible (${missing.length} of ${texts.length})`).toEqual(
		[]
	);
	const small = [...seen].filter(([, size]) => size < minFont);
	expect(small, `${label}: text smaller than ${minFont} px`).toEqual([]);
}

/** Stops the page's clock (installed before it loaded) a moment from its own now. */
async function pauseClock(page: Page) {
	const now = await page.evaluate(() => Date.now());
	await page.clock.pauseAt(now + 1_000);
}

/**
 * The shared axe check (which waits for a page fading in to end, and judges the page with
 * reduced motion). axe waits on timers: a page whose clock is paused gets it running for the
 * check and paused again after. A slow check may outlast the page's hold, so the page turns
 * during it, without its fade.
 */
async function expectAxeClean(page: Page, label: string, { pausedClock = false } = {}) {
	if (pausedClock) await page.clock.resume();
	await expectNoAxeViolations(page, label);
	if (pausedClock) await pauseClock(page);
}

for (const count of [30, 60, 100]) {
	test(`${count} notes, then 12 headings: every note and heading is seen whole on the projector at 1920×1080 and 1280×720`, async ({
		browser,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const texts = noteTexts(count);
		const seed = await seedRevealed(baseURL!, texts);
		const { page, context } = await openScreen(browser, seed);
		try {
			await expect(page.getByText(texts.at(-1)!).first()).toBeAttached();
			await pauseClock(page);
			for (const viewport of viewports) {
				await page.setViewportSize(viewport);
				await expectEverySeen(
					page,
					texts,
					viewport.minFont,
					`${count} notes revealed at ${viewport.width}×${viewport.height}`
				);
			}
			if (count === 60)
				await expectAxeClean(page, 'the screen with 60 notes revealed', { pausedClock: true });

			const perHeading = Math.floor(count / 15);
			await clarifyWithHeadings(seed, texts, perHeading);
			await expect(page.getByText('KNOWLEDGE').first()).toBeAttached();
			for (const viewport of viewports) {
				await page.setViewportSize(viewport);
				await expectEverySeen(
					page,
					[...headings, ...texts],
					viewport.minFont,
					`${count} notes under 12 headings at ${viewport.width}×${viewport.height}`
				);
			}
			if (count === 60)
				await expectAxeClean(page, 'the screen with 12 headings', { pausedClock: true });
		} finally {
			await context.close();
			seed.close();
		}
	});
}

test('the screen holds each page at least 8 seconds, then turns it by itself', async ({
	browser,
	baseURL
}) => {
	const texts = noteTexts(60);
	const seed = await seedRevealed(baseURL!, texts);
	const { page, context } = await openScreen(browser, seed);
	try {
		await page.setViewportSize({ width: 1280, height: 720 });
		await settled(page);
		await pauseClock(page);
		const start = (await pageOf(page, 'en'))!;
		expect(start.pages).toBeGreaterThan(2);
		const after = (k: number) => pagePattern('en', (k % start.pages) + 1, start.pages);
		// Find the moment the next page comes, to within half a second.
		for (let i = 0; i < 20 && !(await page.getByText(after(start.page)).count()); i++)
			await page.clock.runFor(500);
		await expect(page.getByText(after(start.page))).toBeVisible();
		await page.clock.runFor(7_400);
		await expect(page.getByText(after(start.page))).toBeVisible();
		await page.clock.runFor(700);
		await expect(page.getByText(after(start.page + 1))).toBeVisible();
	} finally {
		await context.close();
		seed.close();
	}
});

const longNote =
	'We have tried for years to get the employment service, the health service and the municipality ' +
	'to sit at the same table before a person is sent on to a new measure. Every time the person ' +
	'meets three new caseworkers who each ask the same questions, and nobody follows up after the ' +
	'first month in work. What is missing is one person who knows the whole story and stays with ' +
	'it, also when the project money ends and the employer needs someone to call.';

test('a long note is shortened on the screen; the console turns the pages and shows the note whole', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const texts = [longNote, ...noteTexts(40)];
	const seed = await seedRevealed(baseURL!, texts);
	const { page: screen, context } = await openScreen(browser, seed);
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-GB'
	});
	const console = await consoleContext.newPage();
	try {
		await screen.setViewportSize({ width: 1280, height: 720 });
		await console.goto(`${seed.url}${seed.consolePath}`);
		await settled(screen);
		await pauseClock(screen);
		const start = (await pageOf(screen, 'en'))!;
		const at = (k: number) =>
			pagePattern('en', ((k - 1 + start.pages) % start.pages) + 1, start.pages);

		// The long note shows its first 280 characters, whole, and says it is shortened.
		const start280 = longNote.slice(0, 280);
		for (let i = 0; i < start.pages && !(await fullyVisible(screen, [start280])).length; i++)
			await screen.clock.runFor(8_000);
		expect(await fullyVisible(screen, [start280])).toHaveLength(1);
		const shown = screen.locator('main li', { hasText: longNote.slice(0, 200) });
		const shownText = ((await shown.textContent()) ?? '').replace(/\u00AD/g, '');
		expect(shownText).not.toContain(longNote.slice(0, 290));
		await expect(shown).toContainText('shortened');
		start.page = (await pageOf(screen, 'en'))!.page;

		// The console turns the screen's pages, forwards and back.
		const screenCard = console.getByRole('region', { name: 'On the screen' });
		await screenCard.getByRole('button', { name: 'Next page' }).click();
		await expect(screen.getByText(at(start.page + 1))).toBeVisible();
		await screenCard.getByRole('button', { name: 'Previous page' }).click();
		await expect(screen.getByText(at(start.page))).toBeVisible();

		// …and shows the long note whole, until asked to go back.
		await screenCard.getByRole('button', { name: /^Show whole on the screen/ }).click();
		const whole = screen.getByRole('region', { name: 'The whole note' });
		await expect(whole).toContainText(longNote);
		expect(await fullyVisible(screen, [longNote])).toHaveLength(1);
		await expectAxeClean(screen, 'the screen showing a whole note', { pausedClock: true });
		await expectAxeClean(console, 'the console with the screen controls');
		await screenCard.getByRole('button', { name: 'Back to all notes' }).click();
		await expect(whole).toHaveCount(0);
		await expect(screen.getByText(at(start.page))).toBeVisible();
	} finally {
		await context.close();
		await consoleContext.close();
		seed.close();
	}
});

/**
 * Bars drawn in proportion to the points, within 2 px: each bar is its points' share of the
 * most points (`max`) of a track as wide as every other row's; tied items get equal bars.
 */
async function expectTrueBars(page: Page, max: number, label: string) {
	const rows = await page.locator('.results .row:visible').evaluateAll((rows) =>
		rows.map((row) => {
			const figures = row.querySelector('.figures')?.textContent ?? '';
			const width = (selector: string) =>
				row.querySelector(selector)?.getBoundingClientRect().width ?? NaN;
			return {
				points: Number(/\d+/.exec(figures)?.[0] ?? NaN),
				bar: width('.bar'),
				track: width('.track')
			};
		})
	);
	expect(rows.length, `${label}: result rows`).toBeGreaterThan(0);
	// Every row and pair of rows is checked; the findings are asserted once (an expect per pair,
	// each a reported step, took seconds of CPU on pages of many tied rows).
	const wrong: string[] = [];
	for (const row of rows) {
		if (Math.abs(row.track - rows[0]!.track) >= 0.5)
			wrong.push(`tracks of unequal width: ${row.track} and ${rows[0]!.track} px`);
		const expected = (row.track * row.points) / max;
		if (Math.abs(row.bar - expected) > 2)
			wrong.push(
				`${row.points} points drawn ${row.bar.toFixed(1)} px, ${expected.toFixed(1)} px expected`
			);
	}
	for (const a of rows)
		for (const b of rows.filter((r) => r.points === a.points))
			if (Math.abs(a.bar - b.bar) >= 0.5)
				wrong.push(`tie at ${a.points} points: ${a.bar.toFixed(1)} and ${b.bar.toFixed(1)} px`);
	expect(wrong, `${label}: bars in proportion to the points`).toEqual([]);
}

/** Top-5 rankings of six voters: 19, 17 and 17 (a tie), 12, 10, 9 and 6 points. */
const mostPoints = 19;
function rankings(items: string[]): string[][] {
	const [a, b, c, d, e, f, g] = items as [string, string, string, string, string, string, string];
	return [
		[a, b, c, d, e],
		[b, a, c, f, g],
		[c, d, a, e, f],
		[a, g, b, c, d],
		[d, b, f, e, g],
		[e, c, g, a, b]
	];
}

test('results on the projector and the phone: every item seen, bars true to the points', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const texts = noteTexts(30);
	// A phone in a browser joins first, to see the results as a participant does.
	const phoneContext = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB'
	});
	const phone = await phoneContext.newPage();
	const seed = await seedRevealed(baseURL!, texts, {
		phones: 6,
		join: async (joinCode) => {
			await phone.goto(`${baseURL}/j/${joinCode}`);
			await phone.getByLabel('Your name').fill('Kari');
			await phone.getByRole('button', { name: 'Join', exact: true }).click();
			await expect(phone.getByRole('heading', { name: 'Welcome, Kari!' })).toBeVisible();
		}
	});
	const { console, questionId } = seed;
	const { page: screen, context } = await openScreen(browser, seed);
	try {
		await clarifyWithHeadings(seed, texts, 2);
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'clarify' }),
			'vote'
		);
		const voting = await console.waitForView((v) => v.view.runs[0]!.phase === 'vote');
		const items = voting.view.runs[0]!.vote!.items;
		const labels = items.map((i) => i.label);
		await expect(screen.getByText('KNOWLEDGE').first()).toBeAttached();
		await pauseClock(screen);
		for (const viewport of viewports) {
			await screen.setViewportSize(viewport);
			await expectEverySeen(screen, labels, viewport.minFont, `vote items at ${viewport.width}`);
		}

		const ranked = rankings(items.map((i) => i.id));
		for (const [p, phone] of seed.phones.entries())
			await ok(
				phone.client.command('ballot.cast', { id: newId(), questionId, ranking: ranked[p]! }),
				'ballot.cast'
			);
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'vote' }),
			'results'
		);
		await expect(screen.locator('.results .row').first()).toBeAttached();
		const results = await console.waitForView((v) => v.view.runs[0]!.results !== null);
		const max = Math.max(...results.view.runs[0]!.results!.map((r) => r.points));
		for (const viewport of viewports) {
			await screen.setViewportSize(viewport);
			const label = `results at ${viewport.width}`;
			await expectEverySeen(screen, labels, viewport.minFont, label, {
				eachPage: () => expectTrueBars(screen, max, label)
			});
		}
		await expectAxeClean(screen, 'the screen with paged results', { pausedClock: true });
		await expect(phone.locator('.results .row').first()).toBeVisible();
		await expectTrueBars(phone, max, 'phone results');
	} finally {
		await context.close();
		await phoneContext.close();
		seed.close();
	}
});

/**
 * The words break at soft hyphens where their own language breaks them: an Icelandic term by
 * Icelandic patterns, a Swedish one by Swedish, whatever the screen's language.
 */
async function expectHyphenated(page: Page, words: string[]) {
	const expected: Record<string, string> = {
		Vinnumálastofnun: 'Vinnu\u00ADmála\u00ADstofn\u00ADun',
		Arbetsförmedlingen: 'Ar\u00ADbets\u00ADför\u00ADmed\u00ADling\u00ADen'
	};
	const note = page
		.locator('.card-note, .results .row', { hasText: /Vinnu\u00ADm|Vinnum/ })
		.first();
	await expect
		.poll(async () => {
			const drawn = ((await note.textContent()) ?? '').split(/\s+/);
			return words.map((word) => drawn.find((w) => w.replaceAll('\u00AD', '') === word) ?? '');
		})
		.toEqual(words.map((word) => expected[word]));
}

test('Nordic compounds break with a hyphen on the projector, never in what the server sends', async ({
	browser,
	baseURL
}) => {
	const texts = [
		'Vinnumálastofnun og Arbetsförmedlingen burde samarbeide mer om unge',
		'Arbetsförmedlingen'
	];
	const seed = await seedRevealed(baseURL!, texts, { language: 'sv' });
	const { page, context, received } = await openScreen(browser, seed, 'sv-SE');
	try {
		await expectHyphenated(page, ['Vinnumálastofnun', 'Arbetsförmedlingen']);
		// Views carry the text as written: no soft hyphen ever reaches a socket. A poll's body is
		// read after its response event: wait until the screen's view has been read.
		await expect
			.poll(() => received.join('\n'))
			.toContain('Vinnumálastofnun og Arbetsförmedlingen');
		const sent = [received.join('\n'), seed.console.receivedText()];
		for (const text of sent) {
			expect(text).toContain('Vinnumálastofnun og Arbetsförmedlingen');
			expect(text).not.toMatch(/\u00AD|\\u00ad/i);
		}
	} finally {
		await context.close();
		seed.close();
	}
});

/** A group's session played to its results with many items, before the server starts. */
async function seedPlenum(server: TestServer) {
	const conference = await seedConference(server.databasePath, { maxGroupSize: 8 });
	const group = conference.groups[0]!;
	const texts = [longNote, 'Arbetsförmedlingen og Vinnumálastofnun (30)', ...noteTexts(28)];
	await withApp(server.databasePath, async (app) => {
		const facilitator = { role: 'facilitator' } as const;
		const run = async (command: Parameters<typeof app.sessions.dispatch>[3]) => {
			const outcome = await app.sessions.dispatch(
				group.sessionId,
				newId(),
				'seed',
				command,
				facilitator
			);
			if (!outcome.ack.ok) throw new Error(`${command.type}: ${JSON.stringify(outcome.ack)}`);
		};
		const state = async (): Promise<SessionState> =>
			(await app.sessions.get(group.sessionId))!.state;
		const questionId = (await state()).currentQuestionId;
		await run({ type: 'phase.advance', questionId, from: 'lobby' });
		for (const [i, text] of texts.entries())
			await run({
				type: 'note.add',
				questionId,
				noteId: newId(),
				text,
				authorId: group.memberIds[i % group.memberIds.length]!
			});
		await run({ type: 'phase.advance', questionId, from: 'write' });
		await run({ type: 'reveal.all', questionId });
		await run({ type: 'phase.advance', questionId, from: 'reveal' });
		await run({ type: 'phase.advance', questionId, from: 'clarify' });
		const notes = (await state()).questions[0]!.notes;
		const items = notes.map((n) => `n:${n.id}`);
		for (const [p, ranking] of rankings(items).entries())
			await run({ type: 'ballot.cast', questionId, ranking, voterId: group.memberIds[p]! });
		await run({ type: 'phase.advance', questionId, from: 'vote' });
		const presented = await app.conferences.present(
			conference.conferenceId,
			conference.roundId,
			group.id
		);
		if (!presented.ok) throw new Error(JSON.stringify(presented.error));
	});
	return { conference, texts, max: mostPoints };
}

test('the plenum screen pages through a group’s results, shortens long notes and draws true bars', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const server = new TestServer();
	const { conference, texts, max } = await seedPlenum(server);
	await server.start();
	const context = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'en-GB'
	});
	const page = await context.newPage();
	try {
		await page.clock.install();
		await page.goto(`${server.url}/plenum/${conference.plenumToken}`);
		await expect(page.locator('.results .row').first()).toBeAttached();
		const shown = page.locator('main li', { hasText: longNote.slice(0, 200) }).first();
		await expect(shown).toContainText('forkortet');
		// Before the clock stops: the screen hyphenates when the browser is idle after a frame,
		// and a stopped clock holds the frame and idle callbacks (every item stays in the DOM).
		await expectHyphenated(page, ['Vinnumálastofnun', 'Arbetsförmedlingen']);
		await pauseClock(page);
		for (const viewport of viewports) {
			await page.setViewportSize(viewport);
			const label = `plenum at ${viewport.width}`;
			await expectEverySeen(page, texts.slice(1), viewport.minFont, label, {
				lang: 'nb',
				eachPage: () => expectTrueBars(page, max, label)
			});
		}
		await expectAxeClean(page, 'the plenum screen with paged results', { pausedClock: true });
	} finally {
		await context.close();
		await server.dispose();
	}
});
