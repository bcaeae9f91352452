/**
 * A conference deleted while its plenum screen is on the projector and its live overview is open
 * on a laptop: both clear what they showed of it and say that it is gone (nothing of a deleted
 * conference stays on a wall until someone reloads). The closed plenum screen is checked with axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { post } from '../integration/helpers/organiser-http';
import { expectNoAxeViolations } from './helpers/axe';
import { translate } from './helpers/i18n';
import { useSeededConference } from './helpers/seeded-conference';

const conference = useSeededConference();
const title = 'Nordisk dialog om supported employment';
const roundTitle = 'Første gruppearbeid';

async function open(
	browser: import('@playwright/test').Browser,
	path: string,
	viewport: { width: number; height: number }
): Promise<Page> {
	const { server, seed, contexts } = conference;
	const context = await browser.newContext({ locale: 'en-GB', viewport });
	contexts.push(context);
	const [name, value] = seed.organiserCookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	await page.goto(`${server.url}${path}`);
	return page;
}

test('the plenum screen and the live overview clear a deleted conference and say it is gone', async ({
	browser
}) => {
	const { server, seed } = conference;
	const plenum = await open(browser, `/plenum/${seed.plenumToken}`, { width: 1920, height: 1080 });
	const overviewPage = await open(browser, `/organiser/conferences/${seed.conferenceId}`, {
		width: 1280,
		height: 900
	});
	await expect(plenum.locator('header .conference')).toHaveText(title);
	await expect(plenum.locator('main')).toContainText(roundTitle);
	const overview = overviewPage.getByRole('region', { name: /^Live: / });
	await expect(overview).toContainText(
		translate('en', 'conference.overview.connected', { connected: 0, count: seed.members.length })
	);

	const deleted = await post(
		server,
		`/organiser/conferences/${seed.conferenceId}/privacy?/deleteConference`,
		{},
		{ cookie: seed.organiserCookie }
	);
	expect(deleted.status).toBe(303);

	// The plenum screen speaks the conference's language (Norwegian here), the organiser theirs.
	await expect(plenum.getByRole('alert')).toHaveText(translate('nb', 'conference.closed'));
	await expect(plenum.locator('body')).not.toContainText(title);
	await expect(plenum.locator('body')).not.toContainText(roundTitle);
	await expect(overviewPage.getByRole('alert')).toHaveText(translate('en', 'conference.closed'));
	await expect(overviewPage.locator('main')).not.toContainText(
		translate('en', 'conference.overview.connected', { connected: 0, count: seed.members.length })
	);
	await expectNoAxeViolations(plenum, 'the plenum screen of a deleted conference');
});
