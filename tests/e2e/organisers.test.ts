/**
 * Organiser accounts in real Chromium, on a server of its own behind a (pretend) trusted proxy:
 * the first account needs the setup code from the server's log; the administrator adds a
 * colleague; the owner shares a conference with them and takes it back; the colleague manages
 * their own password. axe finds nothing on any of these pages, errors shown included.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';
import { languages } from './helpers/i18n';
import { organiserText as o } from './helpers/organiser';
import { root } from './helpers/paths';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: TestServer;

const anna = {
	username: 'anna.owner',
	displayName: 'Anna Åberg',
	password: 'anna has a long password'
};
const bjorn = {
	username: 'bjorn.colleague',
	displayName: 'Bjørn Þórsson',
	password: 'bjørn has a long password'
};

test.beforeAll(async () => {
	server = new TestServer({ env: { TRUST_PROXY: 'true' } });
	await server.start();
});

test.afterAll(async () => {
	await server?.dispose();
});

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB' });
	await context.addCookies([{ name: 'lang', value: 'en', url: server.url }]);
	return context.newPage();
}

async function open(page: Page, path: string) {
	const response = await page.goto(`${server.url}${path}`);
	await page.waitForLoadState('networkidle');
	return response;
}

async function signIn(page: Page, account: typeof anna) {
	await open(page, '/organiser/login');
	await page.locator('#username').fill(account.username);
	await page.locator('#password').fill(account.password);
	await page.locator('main button[type="submit"]').click();
	await expect(page).toHaveURL(/\/organiser$/);
}

let annaPage: Page;
let bjornPage: Page;
let conferenceUrl = '';

test('the first account needs the setup code from the server’s log', async ({ browser }) => {
	annaPage = await newPage(browser);
	const page = annaPage;
	await open(page, '/organiser');
	await expect(page).toHaveURL(/\/organiser\/setup$/);
	const code = page.getByLabel(o('setup.code'));
	await expect(code).toBeVisible();
	await expectNoAxeViolations(page, 'setup page asking for the code');

	await page.locator('#username').fill(anna.username);
	await page.locator('#displayName').fill(anna.displayName);
	await page.locator('#password').fill(anna.password);
	await page.locator('#confirm').fill(anna.password);
	await page.locator('main button[type="submit"]').click();
	await expect(page.getByText(o('setup.codeMissing'))).toBeVisible();
	await expect(code).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page, 'setup page without the code');

	const line = await server.waitForLog('organiser.setup_code');
	await code.fill(String(line.code).toLowerCase());
	await page.locator('#password').fill(anna.password);
	await page.locator('#confirm').fill(anna.password);
	await page.locator('main button[type="submit"]').click();
	await expect(page).toHaveURL(/\/organiser$/);
});

test('the administrator adds a colleague and sees every account', async () => {
	const page = annaPage;
	await open(page, '/organiser/accounts');
	await expect(page.getByRole('heading', { name: o('accounts.ownTitle') })).toBeVisible();
	await expectNoAxeViolations(page, 'accounts page of the administrator');

	await page.locator('#username').fill(bjorn.username);
	await page.locator('#displayName').fill(bjorn.displayName);
	await page.locator('#password').fill(bjorn.password);
	await page.locator('#password-confirm').fill(bjorn.password);
	await page.getByRole('button', { name: o('accounts.add') }).click();
	await expect(page.getByText(o('accounts.added', { name: bjorn.displayName }))).toBeVisible();
	const row = page.getByRole('listitem').filter({ hasText: bjorn.username });
	await expect(
		row.getByRole('button', { name: o('accounts.disableFor', { name: bjorn.displayName }) })
	).toBeVisible();
	await row.getByText(o('accounts.resetFor', { name: bjorn.displayName })).click();
	await expectNoAxeViolations(page, 'accounts page with a colleague and a password form open');
});

test('the owner shares a conference; the co-organiser works on it but cannot delete it', async ({
	browser
}) => {
	const page = annaPage;
	await open(page, '/organiser');
	await page.getByRole('button', { name: o('home.demo') }).click();
	await page.waitForURL(/\/organiser\/conferences\/[\w-]+$/);
	conferenceUrl = new URL(page.url()).pathname;
	await page.waitForLoadState('networkidle');
	await page.getByLabel(o('sharing.with')).selectOption(bjorn.username);
	await page.getByRole('button', { name: o('sharing.share'), exact: true }).click();
	await expect(page.getByText(o('sharing.shared', { name: bjorn.displayName }))).toBeVisible();
	await expectNoAxeViolations(page, 'conference page with a co-organiser');

	bjornPage = await newPage(browser);
	await signIn(bjornPage, bjorn);
	await bjornPage
		.getByRole('link', { name: /Nordic dialogue|Nordisk dialog/ })
		.first()
		.click();
	await expect(bjornPage).toHaveURL(new RegExp(`${conferenceUrl}$`));
	await open(bjornPage, `${conferenceUrl}/privacy`);
	await expect(bjornPage.getByText('Only the conference’s owner can delete it.')).toBeVisible();
	await expect(bjornPage.getByRole('button', { name: 'Delete this conference' })).toHaveCount(0);
	await expectNoAxeViolations(bjornPage, 'data protection page of a co-organiser');
});

test('the owner takes it back, by keyboard; the colleague’s page then finds nothing', async () => {
	const page = annaPage;
	await open(page, conferenceUrl);
	const remove = page.getByRole('button', {
		name: o('sharing.removeFor', { name: bjorn.displayName })
	});
	await remove.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', {
		name: o('sharing.removeTitle', { name: bjorn.displayName })
	});
	await expect(dialog).toBeVisible();
	await expectNoAxeViolations(page, 'conference page asking to remove a co-organiser');
	await dialog.getByRole('button', { name: o('sharing.remove') }).click();
	await expect(page.getByText(o('sharing.removed', { name: bjorn.displayName }))).toBeVisible();

	const response = await open(bjornPage, conferenceUrl);
	expect(response?.status()).toBe(404);
	await expectNoAxeViolations(bjornPage, 'a conference that is no longer shared');
});

test('the colleague changes their own password; a wrong current one is refused in words', async () => {
	const page = bjornPage;
	await open(page, '/organiser/accounts');
	await expect(
		page.getByRole('heading', { name: o('accounts.listTitle'), exact: true })
	).toHaveCount(0);
	await page.getByLabel(o('password.current')).fill('not my password');
	await page.getByLabel(o('password.new')).fill('bjørn chose a new one');
	await page.locator('#new-password-confirm').fill('bjørn chose a new one');
	await page.getByRole('button', { name: o('password.submit') }).click();
	await expect(page.getByText(o('password.wrong'))).toBeVisible();
	await expect(page.getByLabel(o('password.current'))).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page, 'own account with a refused password change');

	await page.getByLabel(o('password.current')).fill(bjorn.password);
	await page.getByLabel(o('password.new')).fill('bjørn chose a new one');
	await page.locator('#new-password-confirm').fill('bjørn chose a new one');
	await page.getByRole('button', { name: o('password.submit') }).click();
	await expect(page.getByText(o('password.changed', { count: 0 }))).toBeVisible();
});

test('the privacy page says who sees what, in all six languages, and axe finds nothing', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	for (const lang of languages) {
		await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
		await open(page, '/privacy');
		const texts = JSON.parse(
			readFileSync(join(root, 'src', 'lib', 'i18n', 'locales', lang, 'privacy.json'), 'utf8')
		) as { page: { sees: Record<string, string>; phoneStorage: string } };
		for (const key of ['organisers', 'workshopReport', 'copy', 'operator', 'fewVoters'])
			await expect(page.getByText(texts.page.sees[key]!)).toBeVisible();
		await expect(page.getByText(texts.page.phoneStorage)).toBeVisible();
		// axe.test.ts checks this page in all six languages on a phone, where the text wraps most;
		// on a laptop once here.
		if (lang === 'en') await expectNoAxeViolations(page, `the privacy page in ${lang}`);
	}
	await context.close();
});
