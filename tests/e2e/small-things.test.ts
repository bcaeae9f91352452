/**
 * Issue 13's small things in real Chromium: the organiser adds a social programme item (a
 * welcome dinner), writes a participant's role description and a round's instruction on two
 * lines; the member's phone shows the dinner and the instruction with its line break, the plenum
 * screen the instruction under the theme. axe checks every page on the way.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seedConference, withApp, type SeededConference } from '../integration/helpers/conference';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';
import { languages, translate, type Language } from './helpers/i18n';
import { organiserText as o } from './helpers/organiser';

let server: TestServer;
let seed: SeededConference;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath);
	// An observer in no group: their phone shows the round's theme, as it does between sessions.
	await withApp(server.databasePath, async (app) => {
		const observer = { type: 'noGroup' as const, participantIds: [seed.members[1]!.id] };
		const placed = await app.conferences.group(seed.conferenceId, seed.roundId, observer);
		if (!placed.ok) throw new Error(placed.error.code);
	});
	await server.start();
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await server?.dispose();
});

async function open(
	browser: import('@playwright/test').Browser,
	path: string,
	viewport = { width: 1280, height: 900 },
	signedIn = false
): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB', viewport });
	contexts.push(context);
	if (signedIn) {
		const [name, value] = seed.organiserCookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: server.url }]);
	}
	const page = await context.newPage();
	await page.goto(`${server.url}${path}`);
	return page;
}

const instruction = 'Start from the previous exchange of experience:\nWhat has changed since?';

test('a welcome dinner, a role description and a round instruction reach the phone and the plenum', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const base = `/organiser/conferences/${seed.conferenceId}`;
	const organiser = await open(browser, `${base}/programme`, undefined, true);

	// The programme: a social item, labelled as such in the list.
	await organiser.getByLabel(o('programme.day')).fill('2026-05-05');
	await organiser.getByLabel(o('programme.start')).fill('19:00');
	await organiser.getByLabel(o('programme.itemTitle')).fill('Welcome dinner');
	await organiser.getByRole('radio', { name: o('programme.kinds.social') }).check();
	await organiser.getByRole('button', { name: o('programme.add') }).click();
	const dinner = organiser.locator('.items li', { hasText: 'Welcome dinner' });
	await expect(dinner.locator('.pill.social')).toHaveText(o('programme.kinds.social'));
	await expectNoAxeViolations(organiser, 'programme with a social item');

	// A participant's role in their own words, on the form and in the list.
	const person = seed.members[0]!;
	await organiser.goto(`${server.url}${base}/participants?edit=${person.id}`);
	const description = organiser.getByLabel(o('participants.roleDescription'));
	await description.fill('researcher,   project leader');
	await organiser.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(organiser.locator(`#p-${person.id} .role-description`)).toHaveText(
		'researcher, project leader'
	);
	await expectNoAxeViolations(organiser, 'participants with a role description');

	// The round's instruction on two lines.
	await organiser.goto(`${server.url}${base}/rounds/${seed.roundId}`);
	await organiser.getByText(o('roundDetail.editRound')).click();
	await organiser.getByLabel(o('rounds.instruction')).fill(instruction);
	await expectNoAxeViolations(organiser, 'round form with an instruction');
	await organiser.locator('#edit-round-instruction').press('Tab');
	await organiser
		.locator('form:has(#edit-round-instruction)')
		.getByRole('button', { name: 'Save', exact: true })
		.click();
	await expect(organiser.locator('.page-head p.multiline').last()).toHaveText(instruction);

	// A phone between sessions: the dinner in the programme, the instruction with its line break.
	const observer = seed.members[1]!;
	const phone = await open(browser, `/c/${observer.token}`, { width: 390, height: 844 });
	const said = phone.locator('p.instruction');
	await expect(said).toBeVisible();
	expect(await said.innerText()).toBe(instruction);
	const dinnerOnPhone = phone.locator('.programme li.social');
	await expect(dinnerOnPhone).toContainText('Welcome dinner');
	await expect(dinnerOnPhone.locator('.kind')).toBeVisible();
	const htmlLang = (await phone.locator('html').getAttribute('lang'))?.slice(0, 2);
	const phoneLang = languages.find((l) => l === htmlLang);
	expect(phoneLang).toBeDefined();
	await expect(dinnerOnPhone.locator('.kind')).toHaveText(
		translate(phoneLang as Language, 'conference.programme.kind.social')
	);
	await expectNoAxeViolations(phone, 'member phone with an instruction');
	await phone.screenshot({
		path: test.info().outputPath('phone-instruction-en.png'),
		fullPage: true
	});

	// The plenum screen shows it under the theme.
	const plenum = await open(browser, `/plenum/${seed.plenumToken}`, { width: 1920, height: 1080 });
	const onScreen = plenum.locator('p.instruction');
	await expect(onScreen).toBeVisible();
	expect(await onScreen.innerText()).toBe(instruction);
	await expectNoAxeViolations(plenum, 'plenum with an instruction');
	await plenum.screenshot({ path: test.info().outputPath('plenum-instruction-en.png') });
});
