/**
 * On a slow network the phone's page arrives seconds before its scripts. Its join form works
 * before the app has started (src/lib/client/early-join.js): the name typed and sent then joins
 * exactly once, the app starts from that join (the same person on its socket, over WebSocket or
 * long-polling), and a name typed but not yet sent survives the app starting.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { translate as tr } from './helpers/i18n';
import { createSessionOnPage } from './helpers/new-session';

const phoneSize = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	locale: 'en-GB'
};

/** A phone whose app scripts are held until released: the page alone, as on a slow network. */
async function heldPhone(browser: Browser, transport: 'websocket' | 'polling') {
	const context = await browser.newContext(phoneSize);
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/\/_app\/immutable\//, async (route) => {
		await released;
		await route.continue();
	});
	// A network that refuses WebSocket: the phone talks over long-polling alone.
	if (transport === 'polling') await context.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
	const page = await context.newPage();
	return { context, page, release };
}

/** A new session on the console, and a held phone on its join page, the page alone shown. */
async function heldPhoneOnNewSession(
	browser: Browser,
	consolePage: Page,
	title: string,
	transport: 'websocket' | 'polling' = 'websocket'
) {
	const { code } = await createSessionOnPage(consolePage, title);
	const phone = await heldPhone(browser, transport);
	await phone.page.goto(`/j/${code}`, { waitUntil: 'commit' });
	return { code, ...phone };
}

async function expectJoinedOnce(consolePage: Page, name: string) {
	await expect(consolePage.getByRole('heading', { name: 'People (1)' })).toBeVisible();
	await expect(consolePage.locator('.participants').getByText(name, { exact: true })).toHaveCount(
		1
	);
}

for (const transport of ['websocket', 'polling'] as const) {
	test(`a name sent before the app starts joins once, and the app goes on as that person (${transport})`, async ({
		browser,
		page: consolePage
	}) => {
		const { code, context, page, release } = await heldPhoneOnNewSession(
			browser,
			consolePage,
			`Early join ${transport}`,
			transport
		);
		await page.getByLabel('Your name').fill('Tove');
		const answered = page.waitForResponse((r) => r.url().endsWith(`/j/${code}/join`));
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Joining…' })).toBeDisabled();
		expect((await answered).status()).toBe(200);
		// Joined while the app's scripts were still held back.
		await expectJoinedOnce(consolePage, 'Tove');
		expect(await page.locator('form.join[data-started]').count(), 'the app had not started').toBe(
			0
		);
		release();
		await expect(page.getByRole('heading', { name: 'Welcome, Tove!' })).toBeVisible();
		// The app's socket is the person's: the facilitator's console shows the phone online.
		await expect(consolePage.locator('.participants .presence.on')).toHaveCount(1);
		await expectJoinedOnce(consolePage, 'Tove');
		// A reload keeps the person (the same identity), and joins nobody new.
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Welcome, Tove!' })).toBeVisible();
		await expect(page.getByLabel('Your name')).toHaveCount(0);
		await expectJoinedOnce(consolePage, 'Tove');
		await expectNoAxeViolations(page, `phone joined before its app started (${transport})`);
		// The app runs the language menu now: it switches in place, the page is not sent again.
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await page.getByLabel(tr('en', 'language.label'), { exact: true }).selectOption('sv');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await expect(
			page.getByRole('heading', { name: tr('sv', 'session.phone.welcome', { name: 'Tove' }) })
		).toBeVisible();
		expect(
			await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
			'switched in place'
		).toBe(true);
		await context.close();
	});
}

test('a name typed before the app starts is kept when it starts, and joins once', async ({
	browser,
	page: consolePage
}) => {
	const { context, page, release } = await heldPhoneOnNewSession(
		browser,
		consolePage,
		'Typed early'
	);
	await page.getByLabel('Your name').fill('Åsa Ø');
	// Too long a name is refused on the page, translated, before anything is sent.
	await page.getByLabel('Your name').fill('x'.repeat(61));
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect
		.poll(() =>
			page.getByLabel('Your name').evaluate((el) => (el as HTMLInputElement).validationMessage)
		)
		.toContain('60');
	await page.getByLabel('Your name').fill('Åsa Ø');
	release();
	await expect(page.locator('form.join[data-started]')).toHaveCount(1);
	await expect(page.getByLabel('Your name')).toHaveValue('Åsa Ø');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Welcome, Åsa Ø!' })).toBeVisible();
	await expectJoinedOnce(consolePage, 'Åsa Ø');
	await context.close();
});

test('a join answered only after the app has started is taken by the app: the same person, joined once', async ({
	browser,
	page: consolePage
}) => {
	const { code } = await createSessionOnPage(consolePage, 'Late answer');
	const { context, page, release } = await heldPhone(browser, 'websocket');
	// The page's join and the app's socket both wait until let through.
	let answer!: () => void;
	const answering = new Promise<void>((resolve) => (answer = resolve));
	await context.route(/\/j\/\w+\/join$/, async (route) => {
		await answering;
		await route.continue();
	});
	let connect!: () => void;
	const connecting = new Promise<void>((resolve) => (connect = resolve));
	await context.route(/\/socket\.io\//, async (route) => {
		await connecting;
		await route.continue();
	});
	// What the app sends on its socket, over long-polling and WebSocket alike.
	const sent: string[] = [];
	page.on('request', (r) => {
		if (/\/socket\.io\//.test(r.url()) && r.method() === 'POST') sent.push(r.postData() ?? '');
	});
	page.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
	await page.goto(`/j/${code}`, { waitUntil: 'commit' });
	await page.getByLabel('Your name').fill('Lene');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	release();
	await expect(page.locator('form.join[data-started]')).toHaveCount(1);
	// The app started with the join pending: it shows it as being sent.
	await expect(page.getByRole('button', { name: 'Joining…' })).toBeDisabled();
	const answered = page.waitForResponse((r) => r.url().endsWith(`/j/${code}/join`));
	answer();
	expect((await answered).status()).toBe(200);
	connect();
	await expect(page.getByRole('heading', { name: 'Welcome, Lene!' })).toBeVisible();
	await expect(consolePage.locator('.participants .presence.on')).toHaveCount(1);
	await expectJoinedOnce(consolePage, 'Lene');
	// The app took the page's answer: its socket connected as Lene and never joined again.
	expect(sent.join('\n')).not.toContain('participant.join');
	await context.close();
});

test('a language chosen before the app starts brings the page back in it, and the app starts in it', async ({
	browser,
	page: consolePage
}) => {
	const { context, page, release } = await heldPhoneOnNewSession(
		browser,
		consolePage,
		'Early language'
	);
	await expect(
		page.getByRole('heading', { name: tr('en', 'session.phone.joinTitle') })
	).toBeVisible();
	await page.getByLabel(tr('en', 'language.label'), { exact: true }).selectOption('sv');
	// Still before the app: the page came back from the server in Swedish.
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(
		page.getByRole('heading', { name: tr('sv', 'session.phone.joinTitle') })
	).toBeVisible();
	expect(await page.locator('form.join[data-started]').count(), 'the app had not started').toBe(0);
	release();
	await expect(page.locator('form.join[data-started]')).toHaveCount(1);
	await expect(page.getByLabel(tr('en', 'language.label'), { exact: true })).toHaveCount(0);
	await expect(page.getByLabel(tr('sv', 'language.label'), { exact: true })).toHaveValue('sv');
	await page.getByLabel(tr('sv', 'session.phone.nameLabel')).fill('Åsa');
	await page.getByRole('button', { name: tr('sv', 'session.phone.join'), exact: true }).click();
	await expect(
		page.getByRole('heading', { name: tr('sv', 'session.phone.welcome', { name: 'Åsa' }) })
	).toBeVisible();
	await expectJoinedOnce(consolePage, 'Åsa');
	await context.close();
});
