/**
 * A phone's Join must not depend on its socket being ready: a name typed and Join pressed while
 * the socket still connects (a slow venue network) is sent once it connects, and joins once.
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

async function phone(browser: Browser) {
	const context = await browser.newContext(phoneSize);
	return { context, page: await context.newPage() };
}

/** The console's count of people in the session, and that the name is among them once. */
async function expectJoinedOnce(consolePage: Page, name: string) {
	await expect(consolePage.getByRole('heading', { name: 'People (1)' })).toBeVisible();
	await expect(consolePage.locator('.participants').getByText(name, { exact: true })).toHaveCount(
		1
	);
}

test('a name typed and Join pressed while the socket still connects is joined exactly once', async ({
	browser,
	page: consolePage
}) => {
	const { code } = await createSessionOnPage(consolePage, 'Held handshake');
	const { context, page } = await phone(browser);
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let held = 0;
	await context.route(/\/socket\.io\//, async (route) => {
		held++;
		await released;
		await route.continue();
	});
	await page.goto(`/j/${code}`);
	// The app's own join (the page's early join before it starts: phone-early-join.test.ts).
	await expect(page.locator('form.join[data-started]')).toHaveCount(1);
	await page.getByLabel('Your name').fill('Signe');
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Joining…' })).toBeDisabled();
	expect(held, 'the socket was still connecting').toBeGreaterThan(0);
	release();
	await expect(page.getByRole('heading', { name: 'Welcome, Signe!' })).toBeVisible();
	await expectJoinedOnce(consolePage, 'Signe');
	await expectNoAxeViolations(page, 'phone joined after a held handshake');
	await context.close();
});
