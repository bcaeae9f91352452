/**
 * The round page in Chromium with JavaScript off (a locked-down public-body laptop): a role's
 * number of groups, "make them its leaders" and swapping two people work as plain form posts.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';

test.describe.configure({ timeout: 90_000 });

const employers = ['Anna Berg', 'Bo Dahl', 'Carin Ek', 'Dag Fjell'];
const workers = ['Eva Grund', 'Finn Hav'];

/** The people of each group the page shows, by group name (leaders apart). */
function groupsOf(page: Page) {
	return page.locator('article.group').evaluateAll((articles) =>
		Object.fromEntries(
			articles.map((article) => {
				const names = (selector: string) =>
					[...article.querySelectorAll(selector)].map((n) => n.textContent!.trim()).sort();
				return [
					article.querySelector('h3')!.textContent!.trim(),
					{ leaders: names('li.leader .name'), members: names('li:not(.leader) .name') }
				];
			})
		)
	);
}

test('without JavaScript: the groups per role, leaders and a swap from the selection bar', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
	const page = await context.newPage();
	await signInAsOrganiser(page);
	await page.goto('/organiser/conferences/new');
	await page.locator('#conf-title').fill('Uten skript');
	await page.locator('#conf-start').fill('2026-05-06');
	await page.locator('#conf-end').fill('2026-05-06');
	await page.getByRole('button', { name: o('newConference.submit') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	const conferenceUrl = new URL(page.url()).pathname;

	await page.goto(`${conferenceUrl}/participants/import`);
	const rows = [
		...employers.map((name) => `${name};NO;employer`),
		...workers.map((name) => `${name};SE;worker`)
	];
	await page.getByLabel(o('import.file')).setInputFiles({
		name: 'people.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['Name;Country;Role', ...rows].join('\n'), 'utf8')
	});
	await page.getByRole('button', { name: o('import.check') }).click();
	await page.getByRole('button', { name: o('import.confirm', { count: 6 }) }).click();

	await page.goto(`${conferenceUrl}/rounds`);
	await page.locator('#new-round-title').fill('Etter rolle');
	await page.getByRole('radio', { name: new RegExp(`^${o('rounds.rules.role')}`) }).check();
	await page.locator('#new-round-size').fill('8');
	await page.locator('#new-round-questions').fill('Hva hjelper?');
	await page.getByRole('button', { name: o('rounds.create') }).click();
	await page.waitForURL(new RegExp(`${conferenceUrl}/rounds/[\\w-]+$`));

	// 1. Two groups of employers, typed beside "own groups": previewed, then applied.
	const allocation = page.getByRole('region', { name: o('roundDetail.allocation.title') });
	await allocation
		.getByRole('row', { name: /^Employers \d+/ })
		.getByRole('spinbutton')
		.fill('2');
	await allocation.getByRole('button', { name: o('roundDetail.allocation.preview') }).click();
	await page
		.getByRole('region', { name: o('roundDetail.allocation.previewTitle') })
		.getByRole('button', { name: o('roundDetail.allocation.apply') })
		.click();
	let groups = await groupsOf(page);
	expect(Object.keys(groups)).toEqual(['Workers', 'Employers I', 'Employers II']);
	expect([...groups['Employers I']!.members, ...groups['Employers II']!.members].sort()).toEqual(
		employers
	);

	// 2. A worker is made the leader of the first employers' group.
	const bar = page.locator('#selection');
	await page.getByRole('checkbox', { name: workers[0], exact: true }).check();
	await bar.getByLabel(o('roundDetail.bulk.group')).selectOption({ label: 'Employers I' });
	await bar.getByRole('button', { name: o('roundDetail.bulk.lead') }).click();
	groups = await groupsOf(page);
	expect(groups['Employers I']!.leaders).toEqual([workers[0]]);

	// 3. One employer from each group swap places.
	const [a] = groups['Employers I']!.members;
	const [b] = groups['Employers II']!.members;
	await page.getByRole('checkbox', { name: a, exact: true }).check();
	await page.getByRole('checkbox', { name: b, exact: true }).check();
	await bar.getByRole('button', { name: o('roundDetail.bulk.swap') }).click();
	groups = await groupsOf(page);
	expect(groups['Employers I']!.members).toContain(b);
	expect(groups['Employers II']!.members).toContain(a);

	// axe needs scripts of its own: the same page, its own scripts kept from loading.
	const checking = await browser.newContext({
		locale: 'en-GB',
		storageState: await context.storageState()
	});
	await checking.route(/\.js(\?|$)/, (route) => route.abort());
	const checked = await checking.newPage();
	await checked.goto(page.url());
	await expect(checked.locator('article.group')).toHaveCount(3);
	await expectNoAxeViolations(checked, 'the round page without JavaScript');
	await checking.close();
	await context.close();
});
