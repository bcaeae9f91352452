/**
 * Secret ballots in real Chromium: two phones vote, so the results are withheld on every view
 * (each voter would learn the other's ballot) and each view says why; the facilitator reopens
 * the vote (their ballots stay counted, without names), adds a person without a phone and enters
 * a ballot for them, and the third ballot lets the results show. axe runs on each new state.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

async function openPhone(browser: Browser, name: string, code: string): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('Code from the screen').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
	return page;
}

async function rankFirst(page: Page) {
	await page
		.getByRole('button', { name: /as number 1$/ })
		.first()
		.click();
	await expect(page.getByText('Your ranking is saved.')).toBeVisible();
}

test('two voters see no tally; a third ballot, entered by the facilitator, shows it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-GB'
	});
	const console = await consoleContext.newPage();
	await console.goto('/');
	await console.getByRole('link', { name: 'Create a session' }).click();
	await console.getByRole('textbox', { name: 'Title' }).fill('Small group');
	await console.getByRole('textbox', { name: 'Question a' }).fill('What helps?');
	await console.getByRole('button', { name: 'Create session' }).click();
	await expect(console.getByText('Your session is ready.')).toBeVisible();
	const code = (await console.locator('.share .code').textContent())!.trim();
	const screenHref = await console
		.getByRole('link', { name: 'Open the screen' })
		.getAttribute('href');
	const screenContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'en-GB'
	});
	const screen = await screenContext.newPage();
	await screen.goto(screenHref!);
	const ada = await openPhone(browser, 'Ada', code);
	const bo = await openPhone(browser, 'Bo', code);

	// The facilitator reads notes from now on: Ada's phone says so on the note she then writes.
	await console.getByRole('button', { name: 'Start silent writing' }).click();
	await ada.getByLabel('New note').fill('Written before');
	await ada.getByRole('button', { name: 'Add note' }).click();
	await expect(ada.getByText('Saved', { exact: true })).toBeVisible();
	await console.getByLabel(/read notes/i).check();
	await expect(ada.getByText(/can read the notes you write from now on/)).toBeVisible();
	await ada.getByLabel('New note').fill('Written after');
	await ada.getByRole('button', { name: 'Add note' }).click();
	await expect(ada.getByText('the facilitator can read this')).toHaveCount(1);
	await expect(console.getByText('Written after')).toBeVisible();
	await expect(console.getByText('Written before')).toHaveCount(0);
	await expectNoAxeViolations(ada, 'phone, facilitator reads notes');
	await bo.getByLabel('New note').fill('Bo writes');
	await bo.getByRole('button', { name: 'Add note' }).click();
	await expect(bo.getByText('the facilitator can read this')).toHaveCount(1);

	await console.getByRole('button', { name: 'Start the round-robin' }).click();
	await console.getByRole('button', { name: /and clarify$/ }).click();
	await console.getByRole('button', { name: 'Start the vote' }).click();
	for (const phone of [ada, bo]) await rankFirst(phone);
	await console.getByRole('button', { name: 'Close the vote and show results' }).click();

	// Two ballots: no tally anywhere, and each view says why.
	for (const page of [screen, ada, bo, console]) {
		await expect(page.getByText('No results to show')).toBeVisible();
		await expect(page.locator('.results .row')).toHaveCount(0);
	}
	await expect(console.getByText(/go back to the vote and collect more ballots/)).toBeVisible();
	for (const [label, page] of Object.entries({ screen, phone: ada, console }))
		await expectNoAxeViolations(page, `${label}, results withheld`);

	// Reopening keeps the two ballots, counted without names: Ada can no longer change hers.
	await console.getByRole('button', { name: 'Back to Vote' }).click();
	await expect(
		console.getByText('2 ballots stay counted (without names)', { exact: false })
	).toBeVisible();
	await console.getByRole('button', { name: 'Go back' }).click();
	await expect(ada.getByText('Your ballot is counted.', { exact: false })).toBeVisible();
	await expect(ada.getByRole('button', { name: /as number 1$/ })).toHaveCount(0);
	await expectNoAxeViolations(ada, 'phone, ballot counted');

	// A person without a phone: the facilitator enters their ballot, the third one.
	await console.getByLabel('Add a person without a phone').fill('Cy');
	await console.getByLabel('Add a person without a phone').press('Enter');
	await console.getByLabel('Person', { exact: true }).selectOption({ label: 'Cy' });
	await rankFirst(console);
	await expect(screen.getByText('Votes cast: 3 of 3')).toBeVisible();
	await console.getByRole('button', { name: 'Close the vote and show results' }).click();
	for (const page of [screen, ada, console])
		await expect(page.locator('.results .row').first()).toContainText(/\d+ points · \d voters?/);
	await expect(screen.getByText('No results to show')).toHaveCount(0);

	for (const context of [consoleContext, screenContext, ada.context(), bo.context()])
		await context.close();
});
