/**
 * Screenshots for the README: runs the production build on a throw-away database, plays a
 * session to interesting moments in two languages and photographs the phone, the projector
 * screen and the console with the system Chromium. Run: npx tsx scripts/screenshots.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { roomNotes } from '../tests/e2e/helpers/room-notes';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'static', 'screenshots');
const port = Number(process.env.SCREENSHOTS_PORT ?? 4599);
const base = `http://127.0.0.1:${port}`;

async function startServer(): Promise<() => void> {
	const dir = mkdtempSync(join(tmpdir(), 'samrad-shots-'));
	const child = spawn(process.execPath, ['build/server.js'], {
		cwd: root,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			DATABASE_PATH: join(dir, 'db.sqlite'),
			LOG_LEVEL: 'warn'
		},
		stdio: 'inherit'
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) break;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return () => {
		child.kill('SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	};
}

async function createSession(title: string, questions: string[], language: string) {
	const response = await fetch(`${base}/api/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title, questions, language })
	});
	return (await response.json()) as { joinCode: string; consolePath: string; screenPath: string };
}

async function phone(browser: Browser, locale: string, code: string, name: string): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale
	});
	const page = await context.newPage();
	await page.goto(`${base}/j/${code}`);
	await page.locator('#join-name').fill(name);
	await page.locator('form.join button[type=submit]').click();
	await page.locator('.session-phone').waitFor();
	return page;
}

async function play(browser: Browser, lang: 'en' | 'nb', locale: string) {
	const texts =
		lang === 'nb'
			? {
					title: 'Jobbspesialister II',
					questions: ['Hva er vanskelig eller mangler?', 'Hva bør vi gjøre først?'],
					notes: [
						['Flere jobbspesialister', 'Bedre markedsføring av supported employment'],
						['Riktig utdanning', 'Tid som ressurs'],
						['Saksbehandleren i NAV kjenner ikke metoden']
					],
					names: ['Liv-Anne', 'Johanne', 'Ingibjörg']
				}
			: {
					title: 'Job coaches II',
					questions: ['What is hard or missing?', 'What should we do first?'],
					notes: [
						['More job coaches', 'Better marketing of supported employment'],
						['The right education', 'Time as a resource'],
						['The caseworker at the employment service does not know the method']
					],
					names: ['Liv-Anne', 'Johanne', 'Ingibjörg']
				};
	const session = await createSession(texts.title, texts.questions, lang);
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 960 },
		locale
	});
	const console = await consoleContext.newPage();
	await console.goto(`${base}${session.consolePath}`);
	const screenContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale
	});
	const screen = await screenContext.newPage();
	await screen.goto(`${base}${session.screenPath}`);
	const phones: Page[] = [];
	for (const name of texts.names) phones.push(await phone(browser, locale, session.joinCode, name));
	await screen.waitForTimeout(500);
	await screen.screenshot({ path: join(out, `screen-lobby-${lang}.png`) });

	await console.locator('.phase-controls .button.primary').click();
	for (const [i, page] of phones.entries()) {
		for (const text of texts.notes[i]!) {
			await page.locator('#note-draft').fill(text);
			await page.locator('form.editor button[type=submit]').click();
			await page.waitForTimeout(150);
		}
	}
	await phones[0]!.waitForTimeout(500);
	await phones[0]!.screenshot({ path: join(out, `phone-write-${lang}.png`) });
	await screen.screenshot({ path: join(out, `screen-write-${lang}.png`) });

	await console.locator('.phase-controls .button.primary').click(); // reveal
	await console.waitForTimeout(300);
	await console.locator('.phase-controls .button.primary').click(); // clarify (reveals the rest)
	await console.waitForTimeout(500);
	const boxes = console.locator('.note input[type=checkbox]');
	await boxes.nth(0).check();
	await boxes.nth(2).check();
	await console.locator('input[id^=new-heading]').fill(lang === 'nb' ? 'RESSURSER' : 'RESOURCES');
	await console.locator('.toolbar form button[type=submit]').click();
	await console.waitForTimeout(500);
	await console.screenshot({ path: join(out, `console-clarify-${lang}.png`) });
	await screen.screenshot({ path: join(out, `screen-clarify-${lang}.png`) });

	await console.locator('.phase-controls .button.primary').click(); // vote
	for (const page of phones) {
		const add = page.locator('.items button');
		await add.first().click();
		await add.first().click();
		await add.first().click();
		await page.locator('.save button').click();
		await page.waitForTimeout(200);
	}
	await phones[1]!.screenshot({ path: join(out, `phone-vote-${lang}.png`) });
	await console.locator('.phase-controls .button.primary').click(); // results
	await screen.waitForTimeout(600);
	await screen.screenshot({ path: join(out, `screen-results-${lang}.png`) });
	await console.screenshot({ path: join(out, `console-results-${lang}.png`) });
	for (const context of browser.contexts()) await context.close();
}

/** Sends one command over a socket and waits for its answer. */
async function command(socket: ReturnType<typeof io>, name: string, payload: object) {
	const id = crypto.randomUUID().replaceAll('-', '');
	const ack = (await socket.emitWithAck(name, { id, ...payload })) as { ok: boolean };
	if (!ack.ok) throw new Error(`${name}: ${JSON.stringify(ack)}`);
	return ack as Record<string, unknown> & { ok: true };
}

/** The projector with 30 notes revealed: more than fit, so it pages ("page k of n"). */
async function fullRoom(browser: Browser) {
	const notes = [
		...roomNotes,
		'One contact person at NAV, not five',
		'Job coaches who know the local employers',
		'Support that lasts as long as it is needed'
	];
	const session = await createSession(
		'Job coaches III',
		['What stands in the way of work for people who need support?'],
		'en'
	);
	const socket = (auth: object) =>
		new Promise<ReturnType<typeof io>>((resolve) => {
			const s = io(base, { auth, transports: ['websocket'] });
			s.once('connect', () => resolve(s));
		});
	const facilitator = await socket({
		role: 'facilitator',
		token: new URL(`${base}${session.consolePath}`).pathname.split('/').pop()
	});
	const view = await new Promise<{ view: { currentQuestionId: string } }>((resolve) =>
		facilitator.once('session.view', resolve)
	);
	const questionId = view.view.currentQuestionId;
	const phones = [];
	for (const name of ['Aino', 'Bjørn', 'Camilla']) {
		const phone = await socket({ role: 'guest' });
		await command(phone, 'participant.join', { code: session.joinCode, name });
		phones.push(phone);
	}
	await command(facilitator, 'phase.advance', { questionId, from: 'lobby' });
	for (let i = 0; i < 30; i++) {
		const noteId = crypto.randomUUID().replaceAll('-', '');
		await command(phones[i % 3]!, 'note.add', {
			questionId,
			noteId,
			text: notes[i % notes.length]!
		});
	}
	await command(facilitator, 'phase.advance', { questionId, from: 'write' });
	await command(facilitator, 'reveal.all', { questionId });
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const screen = await context.newPage();
	await screen.goto(`${base}${session.screenPath}`);
	await screen.getByText(/^Page \d+ of \d+$/).waitFor();
	await screen.waitForTimeout(800);
	await screen.screenshot({ path: join(out, 'screen-notes-30-en.png') });
	for (const s of [facilitator, ...phones]) s.disconnect();
	await context.close();
}

/** The organiser: first-run setup, the demo conference, round 1 started, phones joining. */
async function organiser(browser: Browser) {
	const context = await browser.newContext({
		viewport: { width: 1440, height: 1000 },
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await page.goto(`${base}/organiser`);
	await page.locator('#username').fill('organiser');
	await page.locator('#displayName').fill('Øystein Spjelkavik');
	await page.locator('#password').fill('a long enough password');
	await page.locator('#confirm').fill('a long enough password');
	await page.locator('main button[type="submit"]').click();
	await page.waitForURL(/\/organiser$/);
	await page.getByRole('button', { name: 'Create demo conference' }).click();
	await page.waitForURL(/\/organiser\/conferences\/[\w-]+$/);
	const home = new URL(page.url()).pathname;
	await page.goto(`${base}${home}/rounds`);
	await page.locator('ol.rounds a').first().click();
	await page.waitForLoadState('networkidle');
	// The round page: two people ticked, the bar at the bottom ready to move them at once.
	const ticks = page.locator('article.group .people input[type="checkbox"]');
	await ticks.nth(1).check();
	await ticks.nth(9).check();
	await page.evaluate(() => document.getElementById('groups-title')?.scrollIntoView());
	await page.screenshot({ path: join(out, 'organiser-round-en.png'), fullPage: false });
	await page.getByRole('button', { name: 'Start round…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Start round' }).click();
	await page.waitForTimeout(500);
	await page.goto(`${base}${home}`);
	// A few phones join from the roster so the overview has something to show.
	const rosterPath = new URL((await page.locator('a[href*="/k/"]').first().getAttribute('href'))!)
		.pathname;
	for (let i = 0; i < 12; i++) {
		const phone = await (
			await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' })
		).newPage();
		await phone.goto(`${base}${rosterPath}`);
		await phone
			.locator('main form button')
			.nth(i * 3)
			.click();
		await phone.waitForURL(/\/c\//);
	}
	await page.waitForTimeout(1000);
	await page.screenshot({ path: join(out, 'organiser-overview-en.png'), fullPage: false });
	await page.goto(`${base}${home}/participants`);
	await page.screenshot({ path: join(out, 'organiser-participants-en.png'), fullPage: false });
}

mkdirSync(out, { recursive: true });
const stop = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
	// SCREENSHOTS_ONLY=organiser retakes the organiser's pictures alone.
	if (process.env.SCREENSHOTS_ONLY !== 'organiser') {
		await play(browser, 'en', 'en-GB');
		await play(browser, 'nb', 'nb-NO');
		await fullRoom(browser);
	}
	await organiser(browser);
} finally {
	await browser.close();
	stop();
}
console.log(`Screenshots written to ${out}`);
