/**
 * Proxies in public offices and hotel Wi-Fi often block WebSocket. Here every browser has its
 * WebSockets refused, so socket.io stays on HTTP long-polling: a stand-alone session runs from
 * joining to results, and a conference group runs while the organiser's overview and the plenum
 * screen follow. Every device must reach its final state.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';
import { createSessionOnPage } from './helpers/new-session';

/** A browser whose WebSockets to the server are refused, and what its socket really used. */
interface PollingDevice {
	page: Page;
	context: BrowserContext;
	/** WebSocket connections refused (the client tried to upgrade). */
	refused: number;
	/** Long-polling requests made. */
	polls: number;
}

const devices: PollingDevice[] = [];

async function pollingDevice(
	browser: Browser,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<PollingDevice> {
	const context = await browser.newContext({ locale: 'en-GB', ...options });
	const page = await context.newPage();
	const device: PollingDevice = { page, context, refused: 0, polls: 0 };
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		device.refused++;
		void ws.close();
	});
	context.on('request', (request) => {
		if (/\/socket\.io\/.*transport=polling/.test(request.url())) device.polls++;
	});
	devices.push(device);
	return device;
}

const phoneSize = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Each device tried WebSocket, was refused, and kept talking over long-polling. */
function expectAllPolled(list: PollingDevice[]) {
	for (const device of list) {
		expect(device.refused, device.page.url()).toBeGreaterThan(0);
		expect(device.polls, device.page.url()).toBeGreaterThan(5);
	}
}

test.afterEach(async () => {
	for (const device of devices.splice(0)) await device.context.close();
});

test('a session runs from joining to results with WebSocket refused on every device', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const console = await pollingDevice(browser, { viewport: { width: 1440, height: 900 } });
	const { code, screenHref } = await createSessionOnPage(console.page, 'Behind a strict proxy');
	const screen = await pollingDevice(browser, { viewport: { width: 1920, height: 1080 } });
	await screen.page.goto(screenHref!);
	await expect(screen.page.locator('.code')).toHaveText(code);

	const phones: PollingDevice[] = [];
	// Three voters: results of fewer would give a ballot away, and are not shown.
	for (const name of ['Aino', 'Bjarki', 'Cecilia']) {
		const phone = await pollingDevice(browser, phoneSize);
		await phone.page.goto(`/j/${code}`);
		await phone.page.getByLabel('Your name').fill(name);
		await phone.page.getByRole('button', { name: 'Join', exact: true }).click();
		await expect(phone.page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
		phones.push(phone);
	}
	const [aino, bjarki] = phones as [PollingDevice, PollingDevice, PollingDevice];
	await expect(screen.page.getByRole('heading', { name: '3 people here' })).toBeVisible();
	await expect(console.page.getByRole('heading', { name: 'People (3)' })).toBeVisible();

	await console.page.getByRole('button', { name: 'Start silent writing' }).click();
	for (const [i, phone] of phones.entries()) {
		await expect(phone.page.getByRole('heading', { name: 'What helps?' })).toBeVisible();
		for (const text of [`Note ${i}-1`, `Note ${i}-2`]) {
			await phone.page.getByLabel('New note').fill(text);
			await phone.page.getByRole('button', { name: 'Add note' }).click();
		}
		await expect(phone.page.getByText('Saved')).toHaveCount(2);
	}
	await expect(screen.page.getByRole('heading', { name: '6 notes written' })).toBeVisible();

	// Round-robin: each phone reads its first note on its turn.
	await console.page.getByRole('button', { name: 'Start the round-robin' }).click();
	for (const [i, phone] of phones.entries()) {
		await expect(phone.page.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
		await phone.page
			.getByRole('listitem')
			.filter({ hasText: `Note ${i}-1` })
			.getByRole('button', { name: 'Show this note' })
			.click();
		await expect(screen.page.locator('.card-note', { hasText: `Note ${i}-1` })).toBeVisible();
	}
	await expect(aino.page.getByText('Note 1-1')).toBeVisible();

	await console.page.getByRole('button', { name: /and clarify$/ }).click();
	for (const text of ['Note 0-2', 'Note 1-2'])
		await console.page.getByRole('checkbox', { name: `Select note: ${text}` }).check();
	await console.page.getByLabel('New heading').fill('TOGETHER');
	await console.page.getByRole('button', { name: 'Create heading with 2 notes' }).click();
	await expect(screen.page.getByRole('heading', { name: 'TOGETHER' })).toBeVisible();
	await expect(bjarki.page.getByRole('heading', { name: 'TOGETHER' })).toBeVisible();

	await console.page.getByRole('button', { name: 'Start the vote' }).click();
	for (const phone of phones) {
		await phone.page.getByRole('button', { name: /^Add TOGETHER as number 1/ }).click();
		await expect(phone.page.getByText('Your ranking is saved.')).toBeVisible();
	}
	await expect(screen.page.getByText('Votes cast: 3 of 3')).toBeVisible();

	await console.page.getByRole('button', { name: 'Close the vote and show results' }).click();
	for (const device of [screen, console, ...phones]) {
		await expect(device.page.locator('.results .row').first()).toContainText('TOGETHER');
	}
	await expect(screen.page.locator('.results .row').first()).toContainText('15 points · 3 voters');
	expectAllPolled([console, screen, ...phones]);
	await expectNoAxeViolations(aino.page, 'a phone on long-polling, results');
});

test('a conference group, the organiser’s overview and the plenum screen with WebSocket refused', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const organiser = await pollingDevice(browser, { viewport: { width: 1280, height: 900 } });
	const page = organiser.page;
	await signInAsOrganiser(page);
	await page.getByRole('button', { name: o('home.demo') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/[\w-]+$/.test(url.pathname));
	const conferenceUrl = new URL(page.url()).pathname;
	await page.goto(`${conferenceUrl}/rounds`);
	await page.locator('ol.rounds > li').first().getByRole('link').first().click();
	await page.waitForURL(new RegExp(`${conferenceUrl}/rounds/[\\w-]+$`));
	await page.getByRole('button', { name: o('roundDetail.start') }).click();
	await page
		.getByRole('dialog', { name: o('roundDetail.startTitle') })
		.getByRole('button', { name: o('roundDetail.startConfirm') })
		.click();
	await expect(
		page.getByRole('status').filter({ hasText: o('roundDetail.started') })
	).toBeVisible();
	const firstGroup = page.getByRole('article').first();
	const group = (await firstGroup.getByRole('heading').first().textContent())!.trim();
	const members = (await firstGroup.locator('.people li .name').allTextContents()).map((n) =>
		n.trim()
	);
	expect(members.length).toBeGreaterThanOrEqual(3);

	await page.goto(conferenceUrl);
	const overview = page.getByRole('region', { name: /^Live: / });
	await expect(overview).toBeVisible();
	const card = overview
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: group, exact: true }) });
	const linkOf = async (selector: string) =>
		new URL((await page.locator(selector).first().getAttribute('href'))!).pathname;
	const groupRow = page.locator('table tbody tr', {
		has: page.locator('th', { hasText: new RegExp(`^${group}$`) })
	});
	const consolePath = new URL(
		(await groupRow.locator('a[href*="/console/"]').getAttribute('href'))!
	).pathname;
	const screenPath = new URL((await groupRow.locator('a[href*="/screen/"]').getAttribute('href'))!)
		.pathname;
	const rosterPath = await linkOf('a[href*="/k/"]');
	const plenumPath = await linkOf('a[href*="/plenum/"]');

	// Three of the group pick their names from the roster and land on links of their own (/c/d/…):
	// results of fewer voters would give a ballot away, and are not shown.
	const phones: PollingDevice[] = [];
	for (const name of members.slice(0, 3)) {
		const phone = await pollingDevice(browser, phoneSize);
		await phone.page.goto(rosterPath);
		await phone.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
		await expect(phone.page).toHaveURL(/\/c\/d\/[\w-]+$/);
		await expect(phone.page.getByText(`Your group: ${group}`)).toBeVisible();
		phones.push(phone);
	}
	await expect(card.locator('dd').nth(0)).toHaveText(`3 / ${members.length}`);
	const console = await pollingDevice(browser, { viewport: { width: 1280, height: 900 } });
	await console.page.goto(consolePath);
	const screen = await pollingDevice(browser, { viewport: { width: 1920, height: 1080 } });
	await screen.page.goto(screenPath);
	const plenum = await pollingDevice(browser, { viewport: { width: 1920, height: 1080 } });
	await plenum.page.goto(plenumPath);

	await console.page.getByRole('button', { name: 'Start silent writing' }).click();
	for (const [i, phone] of phones.entries()) {
		await phone.page.getByLabel('New note').fill(`Polling note ${i}`);
		await phone.page.getByRole('button', { name: 'Add note' }).click();
		await expect(phone.page.getByText('Saved')).toHaveCount(1);
	}
	await expect(card.getByText('Silent writing')).toBeVisible();
	await expect(card.locator('dd').nth(1)).toHaveText('3');
	await expect(screen.page.getByRole('heading', { name: '3 notes written' })).toBeVisible();

	await console.page.getByRole('button', { name: 'Start the round-robin' }).click();
	await console.page.getByRole('button', { name: /and clarify$/ }).click();
	await console.page.getByRole('button', { name: 'Start the vote' }).click();
	for (const phone of phones) {
		await expect(phone.page.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
		await phone.page.getByRole('button', { name: /^Add Polling note 0 as number 1/ }).click();
		await expect(phone.page.getByText('Your ranking is saved.')).toBeVisible();
	}
	await expect(card.locator('dd').nth(2)).toHaveText(/^3 \//);
	await console.page.getByRole('button', { name: 'Close the vote and show results' }).click();
	// Members without a phone here have not voted: closing is confirmed, with their count.
	const close = console.page.getByRole('dialog', { name: 'Close the vote?' });
	await expect(close).toContainText(/not voted yet/);
	await close.getByRole('button', { name: 'Close the vote', exact: true }).click();
	await expect(card.getByText('Results', { exact: true })).toBeVisible();
	for (const device of [screen, console, ...phones]) {
		await expect(device.page.locator('.results .row').first()).toContainText('Polling note 0');
	}

	// The organiser presents the round, then this group, on the plenum screen.
	await page.goto(`${conferenceUrl}/plenum`);
	await page.getByRole('button', { name: o('plenum.next') }).click();
	await expect(plenum.page.locator('.tile .top-item', { hasText: 'Polling note 0' })).toBeVisible();
	await page.getByRole('button', { name: o('plenum.next') }).click();
	await expect(plenum.page.locator('.group-head h1')).toBeVisible();
	await expect(plenum.page.locator('.results .row').first()).toContainText('Polling note 0');
	expectAllPolled([organiser, console, screen, plenum, ...phones]);
	await expectNoAxeViolations(plenum.page, 'the plenum screen on long-polling');
});
