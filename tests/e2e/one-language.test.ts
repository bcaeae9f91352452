/**
 * One language per page, in real Chromium: the JavaScript the phone, screen, console and the
 * conference phones load holds their own language's texts only, and no organiser, report or
 * privacy texts; a phone that switches language mid-session fetches the new one, shows it
 * without a reload and keeps what was typed; a switch that cannot fetch its texts says so and
 * leaves the page usable in the old language.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers/axe';
import { browserLocale, languages, translate as tr, type Language } from './helpers/i18n';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';
import { root } from './helpers/paths';
import { createSessionOnPage } from './helpers/new-session';

const localesDir = join(root, 'src', 'lib', 'i18n', 'locales');
const namespaces = readdirSync(join(localesDir, 'en')).map((file) => file.replace(/\.json$/, ''));
/** Namespaces no phone, screen or console may receive. */
const foreign = ['organiser', 'report', 'privacy'];

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree): string[] =>
	Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));

/**
 * For each language and namespace, texts found in no other locale file: long, plain (no
 * placeholder, quote or backslash), so that they appear verbatim in a chunk that carries them.
 */
const distinctive: { lang: Language; namespace: string; texts: string[] }[] = (() => {
	const all = languages.flatMap((lang) =>
		namespaces.map((namespace) => {
			const file = join(localesDir, lang, `${namespace}.json`);
			return { lang, namespace, texts: leaves(JSON.parse(readFileSync(file, 'utf8')) as Tree) };
		})
	);
	return all.map(({ lang, namespace, texts }) => {
		const others = all
			.filter((other) => other.lang !== lang || other.namespace !== namespace)
			.flatMap((other) => other.texts);
		const unique = texts.filter(
			(text) => text.length >= 24 && !/[{}"'\\<>]/.test(text) && !others.some((t) => t === text)
		);
		return { lang, namespace, texts: unique.slice(0, 8) };
	});
})();

/** Every JavaScript response a context receives; read() waits for the bodies still arriving. */
function recordScripts(context: BrowserContext): { read: () => Promise<string[]> } {
	const bodies: Promise<string>[] = [];
	context.on('response', (response) => {
		if (!/\.m?js(\?|$)/.test(new URL(response.url()).pathname)) return;
		bodies.push(response.text().catch(() => ''));
	});
	return { read: () => Promise.all(bodies) };
}

/** Which language × namespace files the loaded JavaScript carries texts of. */
function carried(bodies: string[]): string[] {
	// Decoded as the engine reads them: a minifier may escape letters outside ASCII.
	const js = bodies
		.join('\n')
		.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return distinctive
		.filter(({ texts }) => texts.some((text) => js.includes(text)))
		.map(({ lang, namespace }) => `${lang}/${namespace}`);
}

/** A page's texts may come from its own language only, and never from a foreign namespace. */
function expectOwnTexts(bodies: string[], lang: Language, label: string) {
	const files = carried(bodies);
	expect(files, `${label} carries its own language's texts`).toContain(`${lang}/common`);
	expect(
		files.filter((file) => !file.startsWith(`${lang}/`)),
		`${label} carries another language's texts`
	).toEqual([]);
	expect(
		files.filter((file) => foreign.includes(file.split('/')[1]!)),
		`${label} carries organiser, report or privacy texts`
	).toEqual([]);
}

const phoneSize = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const contexts: BrowserContext[] = [];

async function device(browser: Browser, lang: Language, phone = true) {
	const context = await browser.newContext({
		locale: browserLocale[lang],
		...(phone ? phoneSize : { viewport: { width: 1440, height: 900 } })
	});
	contexts.push(context);
	const scripts = recordScripts(context);
	return { page: await context.newPage(), scripts };
}

test.afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
});

/** A stand-alone session created on /new in English; answers the console page and join code. */
async function newSession(browser: Browser) {
	const console = await device(browser, 'en', false);
	const { code } = await createSessionOnPage(console.page, 'One language');
	return { console, code };
}

async function joinSession(page: Page, lang: Language, code: string, name: string) {
	await page.goto(`/j/${code}`);
	await page.getByLabel(tr(lang, 'session.phone.nameLabel')).fill(name);
	await page.getByRole('button', { name: tr(lang, 'session.phone.join'), exact: true }).click();
	await expect(
		page.getByRole('heading', { name: tr(lang, 'session.phone.welcome', { name }) })
	).toBeVisible();
}

async function startWriting(console: Page) {
	await console.getByRole('button', { name: tr('en', 'console.next.lobby'), exact: true }).click();
}

test('the phone, screen and console load one language and no organiser, report or privacy texts', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { console, code } = await newSession(browser);
	const screenHref = await console.page
		.getByRole('link', { name: tr('en', 'console.openScreen') })
		.getAttribute('href');
	const screen = await device(browser, 'sv', false);
	await screen.page.goto(screenHref!);
	await expect(screen.page.locator('.code')).toHaveText(code);

	const phone = await device(browser, 'nb');
	await joinSession(phone.page, 'nb', code, 'Kari');
	await startWriting(console.page);
	await expect(phone.page.getByLabel(tr('nb', 'session.write.newNote'))).toBeVisible();
	await phone.page.waitForLoadState('networkidle');

	const phoneScripts = await phone.scripts.read();
	expectOwnTexts(phoneScripts, 'nb', 'the phone');
	// The facilitator's texts stay on the console: a phone does not pay for them.
	expect(carried(phoneScripts), 'the phone carries console texts').not.toContain('nb/console');
	// The screen follows the session's language, whatever the projector's browser prefers.
	const screenLang = (await screen.page.evaluate(() => document.documentElement.lang)) as Language;
	expectOwnTexts(await screen.scripts.read(), screenLang, 'the screen');
	expectOwnTexts(await console.scripts.read(), 'en', 'the console');
});

test('the conference phones load one language and no organiser, report or privacy texts', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const organiser = await device(browser, 'en', false);
	await signInAsOrganiser(organiser.page);
	await organiser.page.goto('/organiser');
	await organiser.page.getByRole('button', { name: o('home.demo') }).click();
	await organiser.page.waitForURL((url) => /^\/organiser\/conferences\/[\w-]+$/.test(url.pathname));
	const href = await organiser.page.locator('a[href*="/k/"]').first().getAttribute('href');
	const roster = new URL(href!, organiser.page.url()).pathname;

	const phone = await device(browser, 'fi');
	await phone.page.goto(roster);
	await phone.page.waitForLoadState('networkidle');
	// The roster is rendered on the server in the phone's language and ships no script at all.
	await expect(phone.page.locator('html')).toHaveAttribute('lang', 'fi');
	expect(await phone.scripts.read(), 'the roster /k loads scripts').toEqual([]);
	await phone.page.locator('main button.wide').first().click();
	await phone.page.waitForURL((url) => url.pathname.startsWith('/c/d/'));
	await phone.page.waitForLoadState('networkidle');
	expectOwnTexts(await phone.scripts.read(), 'fi', 'the member phone /c');
});

test('a phone that switches language while writing keeps its draft, shows the new language without a reload, and sends the note once', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { console, code } = await newSession(browser);
	const phone = await device(browser, 'en');
	await joinSession(phone.page, 'en', code, 'Aino');
	await startWriting(console.page);
	const draft = 'Half a thought about trust and';
	await phone.page.getByLabel(tr('en', 'session.write.newNote')).fill(draft);
	await phone.page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

	await phone.page.getByRole('combobox', { name: tr('en', 'language.label') }).selectOption('nb');
	const field = phone.page.getByLabel(tr('nb', 'session.write.newNote'));
	await expect(field).toBeVisible();
	await expect(field).toHaveValue(draft);
	expect(await phone.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
		true
	);
	expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('nb');
	await expectNoAxeViolations(phone.page, 'the phone after switching to nb');
	// Two languages now, and still nothing of the organiser's.
	const files = carried(await phone.scripts.read());
	expect(files).toContain('nb/session');
	expect(files.filter((file) => !/^(en|nb)\//.test(file))).toEqual([]);
	expect(files.filter((file) => foreign.includes(file.split('/')[1]!))).toEqual([]);

	await phone.page.getByRole('button', { name: tr('nb', 'session.write.add') }).click();
	await expect(phone.page.getByText(tr('nb', 'session.write.saved'), { exact: true })).toHaveCount(
		1
	);
	await phone.page.reload();
	await expect(phone.page.getByText(draft, { exact: true })).toHaveCount(1);
	await expect(phone.page.getByText(tr('nb', 'session.write.saved'), { exact: true })).toHaveCount(
		1
	);
});

test('a phone that cannot fetch another language stays usable in its own and says why', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { console, code } = await newSession(browser);
	const phone = await device(browser, 'en');
	await joinSession(phone.page, 'en', code, 'Bjarki');
	await startWriting(console.page);
	const draft = 'Typed before the Wi-Fi went';
	await phone.page.getByLabel(tr('en', 'session.write.newNote')).fill(draft);

	await phone.page.context().setOffline(true);
	await phone.page.getByRole('combobox', { name: tr('en', 'language.label') }).selectOption('sv');
	await expect(
		phone.page.getByRole('alert').filter({
			hasText: tr('en', 'language.failed', { language: 'Svenska' })
		})
	).toBeVisible();
	await expect(phone.page.getByRole('combobox', { name: tr('en', 'language.label') })).toHaveValue(
		'en'
	);
	const field = phone.page.getByLabel(tr('en', 'session.write.newNote'));
	await expect(field).toHaveValue(draft);
	expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('en');
	await expectNoAxeViolations(phone.page, 'the phone after a failed switch');

	await phone.page.context().setOffline(false);
	await phone.page.getByRole('button', { name: tr('en', 'session.write.add') }).click();
	await expect(phone.page.getByText(tr('en', 'session.write.saved'), { exact: true })).toHaveCount(
		1,
		{ timeout: 30_000 }
	);
});

test('the phone page preloads its own texts from its HTML, so they do not wait for the app to start', async ({
	browser
}) => {
	const { code } = await newSession(browser);
	const phone = await device(browser, 'is');
	const html = await (
		await phone.page.request.get(`/j/${code}`, { headers: { 'accept-language': 'is-IS' } })
	).text();
	const head = html.slice(0, html.indexOf('</head>'));
	const preloads = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
		(match) => match[1]!
	);
	const bodies = await Promise.all(
		preloads.map(async (href) => (await phone.page.request.get(href)).text())
	);
	const files = carried(bodies);
	for (const namespace of ['common', 'session'])
		expect(files, 'the phone preloads its texts').toContain(`is/${namespace}`);
	// The glossary's texts come after the phone is usable, with its later views.
	expect(files, 'the phone preloads no glossary texts').not.toContain('is/glossary');
	expectOwnTexts(bodies, 'is', 'the phone’s preloads');
});

test('the landing page loads no texts at all: it is rendered on the server and ships no script', async ({
	browser
}) => {
	const landing = await device(browser, 'da');
	await landing.page.goto('/');
	await landing.page.waitForLoadState('networkidle');
	const scripts = await landing.scripts.read();
	expect(carried(scripts)).toEqual([]);
	await expect(landing.page.locator('html')).toHaveAttribute('lang', 'da');
});
