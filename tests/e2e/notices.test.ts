/**
 * "Message to everyone" in real Chromium: the organiser sends it from the conference page and it
 * reaches a conference group's projector screen and its facilitator's console as it reaches the
 * phones, in a polite live region; removing it takes it off every one of them.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { organiserText as o } from './helpers/organiser';
import { useSeededConference } from './helpers/seeded-conference';

const conference = useSeededConference();

test('a notice reaches a group’s screen and console, and leaves them when removed', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const open = async (path: string, viewport: { width: number; height: number }) => {
		const context = await browser.newContext({ locale: 'en-GB', viewport });
		conference.contexts.push(context);
		const page = await context.newPage();
		await page.goto(`${conference.server.url}${path}`);
		return page;
	};
	const group = conference.seed.groups[0]!;
	const screen = await open(`/screen/${group.screenToken}`, { width: 1920, height: 1080 });
	const console = await open(`/console/${group.facilitatorToken}`, { width: 1440, height: 900 });
	await expect(console.getByRole('button', { name: 'Start silent writing' })).toBeVisible();
	await expect(screen.locator('.stage h1')).toBeVisible();

	const organiser = await open('/', { width: 1280, height: 900 });
	const [cookie, value] = conference.seed.organiserCookie.split('=') as [string, string];
	await organiser.context().addCookies([{ name: cookie, value, url: conference.server.url }]);
	await organiser.goto(
		`${conference.server.url}/organiser/conferences/${conference.seed.conferenceId}`
	);
	// The overview sends the notice over its live connection: type once the app has started.
	await organiser.waitForLoadState('networkidle');
	const message = 'Back in the plenary hall at 13:30';
	await organiser.getByRole('textbox', { name: o('notice.label'), exact: true }).fill(message);
	await organiser.getByRole('button', { name: o('notice.send') }).click();
	await expect(organiser.locator('.notice-text')).toHaveText(message);

	for (const page of [screen, console]) {
		const region = page.locator('[role="status"][aria-live="polite"]', { hasText: message });
		await expect(region).toBeVisible();
	}
	// The group screen's lobby (its joining panel) is point 4 of the issue: axe checks the notice while writing.
	await console.getByRole('button', { name: 'Start silent writing' }).click();
	await expect(screen.locator('.writing')).toBeVisible();
	await expect(screen.getByText(message)).toBeVisible();
	await expectNoAxeViolations(screen, 'group screen with a notice');
	await expectNoAxeViolations(console, 'group console with a notice');

	await organiser.getByRole('button', { name: o('notice.clear') }).click();
	for (const page of [screen, console]) await expect(page.getByText(message)).toHaveCount(0);
});
