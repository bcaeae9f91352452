/**
 * A conference group's projector in real Chromium, with PUBLIC_ORIGIN set: in the lobby it shows
 * how members join (the conference's address, its code and a QR code to the roster), after a
 * reload too, with no warning that phones cannot connect; its console shows the same; a phone
 * that follows the instructions picks its name and lands in the group. axe runs on each.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import { seedConference, type SeededConference } from '../integration/helpers/conference';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';
import { translate as tr } from './helpers/i18n';

const publicOrigin = 'https://samrad.example.org';
let server: TestServer;
let seed: SeededConference;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	server = new TestServer({ env: { PUBLIC_ORIGIN: publicOrigin } });
	seed = await seedConference(server.databasePath);
	await server.start();
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await server?.dispose();
});

const en = (key: string, params: Record<string, string | number> = {}) => tr('en', key, params);
/** The screen speaks the conference's language (Norwegian here). */
const nb = (key: string, params: Record<string, string | number> = {}) => tr('nb', key, params);

test("a conference group's screen shows the conference's address, code and QR", async ({
	browser
}) => {
	test.setTimeout(60_000);
	const group = seed.groups[0]!;
	const rosterUrl = `${publicOrigin}/k/${seed.joinCode}`;
	const screenContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'en-GB'
	});
	contexts.push(screenContext);
	const screen = await screenContext.newPage();
	await screen.goto(`${server.url}/screen/${group.screenToken}`);

	for (const load of ['first load', 'after a reload']) {
		if (load !== 'first load') await screen.reload();
		const steps = screen.locator('.join-panel ol li');
		await expect(steps.nth(0), load).toHaveText(
			nb('session.screen.stepOpen', { host: 'samrad.example.org' })
		);
		await expect(steps.nth(1), load).toContainText(nb('session.screen.stepCode'));
		await expect(screen.locator('.join-panel .code'), load).toHaveText(seed.joinCode);
		await expect(steps.nth(2), load).toHaveText(nb('session.screen.stepName'));
		await expect(
			screen.getByRole('img', { name: nb('session.screen.qrLabel', { url: rosterUrl }) }),
			load
		).toBeVisible();
		await expect(screen.getByText(nb('session.screen.noAddress')), load).toHaveCount(0);
		await expect(screen.getByText(group.joinCode), load).toHaveCount(0);
		await expectNoAxeViolations(screen, `the group's screen in the lobby (${load})`);
	}

	// The console shows the same way in, never the group session's own code.
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-GB'
	});
	contexts.push(consoleContext);
	const console = await consoleContext.newPage();
	await console.goto(`${server.url}/console/${group.facilitatorToken}`);
	const share = console.getByRole('region', { name: en('console.shareTitle') });
	await expect(share.locator('.code')).toHaveText(seed.joinCode);
	await expect(share.getByText(rosterUrl)).toBeVisible();
	await expect(
		share.getByRole('img', { name: en('session.screen.qrLabel', { url: rosterUrl }) })
	).toBeVisible();
	await expect(console.getByText(group.joinCode)).toHaveCount(0);
	await expectNoAxeViolations(console, "the group's console in the lobby");

	// A member follows the instructions (on this server: the QR code's path) into the group.
	const member = seed.members.find((m) => m.id === group.memberIds[0])!;
	const phoneContext = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB'
	});
	contexts.push(phoneContext);
	const phone = await phoneContext.newPage();
	await phone.goto(`${server.url}${new URL(rosterUrl).pathname}`);
	await phone.getByRole('button', { name: new RegExp(`^${member.name}\\b`) }).click();
	await expect(
		phone.getByText(en('conference.member.inGroup', { group: group.name }))
	).toBeVisible();
});
