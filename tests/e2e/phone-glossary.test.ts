/**
 * A member's phone fetches its glossary once usable; the organiser's edit pushed over the socket
 * while that fetch is on its way wins over the older glossary the fetch brings back later.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { defaultGlossary } from '$lib/domain/glossary/default-glossary';
import { browserLocale, translate as tr } from './helpers/i18n';
import { useSeededConference } from './helpers/seeded-conference';

test.describe.configure({ mode: 'serial' });

const conference = useSeededConference();

async function memberPhone(browser: import('@playwright/test').Browser, index: number) {
	const context = await browser.newContext({
		locale: browserLocale.nb,
		viewport: { width: 390, height: 780 },
		isMobile: true,
		hasTouch: true
	});
	conference.contexts.push(context);
	const page = await context.newPage();
	const group = conference.seed.groups[0]!;
	const member = conference.seed.members.find((m) => m.id === group.memberIds[index])!;
	return { page, path: `/c/${member.token}` };
}

/** The count of concepts the phone's glossary dialog shows. */
async function expectConcepts(page: Page, count: number) {
	const dialog = page.getByRole('dialog', { name: tr('nb', 'glossary.title') });
	if (!(await dialog.isVisible())) {
		await page.getByRole('button', { name: tr('nb', 'glossary.open') }).click();
	}
	await expect(dialog.getByRole('status')).toHaveText(tr('nb', 'glossary.search.all', { count }));
}

test('an edit pushed while the phone fetches its glossary wins over the older glossary the fetch brings', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const { page, path } = await memberPhone(browser, 0);
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const held = new Promise<Route>((resolve) => {
		void page.route(`**${path}/glossary`, async (route) => {
			// The server's answer as it was before the edit, delivered only after the push.
			const response = await route.fetch();
			resolve(route);
			await released;
			await route.fulfill({ response });
		});
	});
	await page.goto(`${conference.server.url}${path}`);
	await held;

	const response = await fetch(
		`${conference.server.url}/organiser/conferences/${conference.seed.conferenceId}/glossary/new`,
		{
			method: 'POST',
			body: new URLSearchParams({ terms_nb: 'fagbrev', terms_sv: 'yrkesbevis' }),
			headers: {
				cookie: conference.seed.organiserCookie,
				origin: conference.server.url,
				accept: 'text/html'
			},
			redirect: 'manual'
		}
	);
	expect(response.status).toBeLessThan(400);
	await expectConcepts(page, defaultGlossary.length + 1);

	const finished = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/glossary'));
	release();
	await finished;
	// Let the page take the late answer before looking again.
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
	await expectConcepts(page, defaultGlossary.length + 1);
	const dialog = page.getByRole('dialog', { name: tr('nb', 'glossary.title') });
	await dialog.getByRole('searchbox').fill('fagbrev');
	await expect(dialog.getByRole('status')).toHaveText(
		tr('nb', 'glossary.search.found', { count: 1 })
	);
});

test('a phone that hears of no edit marks its notes with the glossary it fetched', async ({
	browser
}) => {
	const { page, path } = await memberPhone(browser, 1);
	const fetched = page.waitForResponse((r) => r.url().endsWith(`${path}/glossary`));
	await page.goto(`${conference.server.url}${path}`);
	expect((await fetched).status()).toBe(200);
	await expectConcepts(page, defaultGlossary.length + 1);
});
