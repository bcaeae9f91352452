/**
 * A phone whose network blocks WebSocket still joins over long-polling, within a bounded time,
 * whether the WebSocket is refused at once (a proxy that closes it) or opens and never answers
 * (a proxy that swallows it): trying WebSocket first must never cost a phone its join.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { createSessionOnPage } from './helpers/new-session';

const phoneSize = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	locale: 'en-GB'
};

/** From pressing Join to the welcome: the WebSocket's give-up time and the polling join in it. */
const joinBoundMs = 8_000;

async function blockedPhone(browser: Browser, mode: 'refused' | 'hanging') {
	const context = await browser.newContext(phoneSize);
	const page = await context.newPage();
	const seen = { websockets: 0, polls: 0 };
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		seen.websockets++;
		// Not connected to the server: refused closes it, hanging leaves it open and silent.
		if (mode === 'refused') void ws.close();
	});
	context.on('request', (request) => {
		if (/\/socket\.io\/.*transport=polling/.test(request.url())) seen.polls++;
	});
	return { context, page, seen };
}

async function expectJoinedOnce(consolePage: Page, name: string) {
	await expect(consolePage.getByRole('heading', { name: 'People (1)' })).toBeVisible();
	await expect(consolePage.locator('.participants').getByText(name, { exact: true })).toHaveCount(
		1
	);
}

for (const mode of ['refused', 'hanging'] as const) {
	test(`a phone whose WebSocket is ${mode} joins over long-polling within ${joinBoundMs / 1000} s`, async ({
		browser,
		page: consolePage
	}) => {
		const { code } = await createSessionOnPage(consolePage, `WebSocket ${mode}`);
		const { context, page, seen } = await blockedPhone(browser, mode);
		await page.goto(`/j/${code}`);
		// The app's own join (the page's early join before it starts: phone-early-join.test.ts).
		await expect(page.locator('form.join[data-started]')).toHaveCount(1);
		await page.getByLabel('Your name').fill('Ragnhild');
		const pressed = Date.now();
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await expect(page.getByRole('heading', { name: 'Welcome, Ragnhild!' })).toBeVisible({
			timeout: joinBoundMs
		});
		expect(Date.now() - pressed).toBeLessThan(joinBoundMs);
		expect(seen.websockets, 'the phone tried WebSocket').toBeGreaterThan(0);
		expect(seen.polls, 'the phone talked over long-polling').toBeGreaterThan(0);
		await expectJoinedOnce(consolePage, 'Ragnhild');
		await expectNoAxeViolations(page, `phone joined with WebSocket ${mode}`);
		await context.close();
	});
}
