/**
 * Issue 13's small things in real Chromium: the organiser adds a social programme item (a
 * welcome dinner), writes a participant's role description and a round's instruction on two
 * lines; the member's phone shows the dinner and the instruction with its line break, the plenum
 * screen the instruction under the theme. axe checks every page on the way.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { holdScripts, started } from './helpers/before-start';
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

test('what an organiser types before the page has started is kept when it starts', async ({
	browser
}) => {
	// A slow laptop or network: the form is on screen (server-rendered) while the app's scripts
	// are still on their way. What is typed and chosen then must survive the app starting.
	const context = await browser.newContext({ locale: 'en-GB' });
	contexts.push(context);
	const [name, value] = seed.organiserCookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url: server.url }]);
	const page = await context.newPage();
	let release = await holdScripts(page);
	const base = `/organiser/conferences/${seed.conferenceId}`;
	await page.goto(`${server.url}${base}/programme`, { waitUntil: 'commit' });
	await page.getByLabel(o('programme.day')).fill('2026-05-06');
	await page.getByLabel(o('programme.start')).fill('12:30');
	await page.getByLabel(o('programme.itemTitle')).fill('Lunch by the lake');
	await page.getByRole('radio', { name: o('programme.kinds.break') }).check();

	await started(page, release);
	await expect(page.getByLabel(o('programme.itemTitle'))).toHaveValue('Lunch by the lake');
	await expect(page.getByLabel(o('programme.day'))).toHaveValue('2026-05-06');
	await expect(page.getByLabel(o('programme.start'))).toHaveValue('12:30');
	await expect(page.getByRole('radio', { name: o('programme.kinds.break') })).toBeChecked();

	await page.getByRole('button', { name: o('programme.add') }).click();
	const lunch = page.locator('.items li', { hasText: 'Lunch by the lake' });
	await expect(lunch.locator('.pill.break')).toHaveText(o('programme.kinds.break'));

	// The same on the participants form, with the coordinator box ticked early.
	release = await holdScripts(page);
	const person = seed.members[2]!;
	await page.goto(`${server.url}${base}/participants?edit=${person.id}`, { waitUntil: 'commit' });
	await page.getByLabel(o('participants.roleDescription')).fill('national coordinator');
	await page.getByLabel(o('participants.coordinator')).check();
	await started(page, release);
	await expect(page.getByLabel(o('participants.roleDescription'))).toHaveValue(
		'national coordinator'
	);
	await expect(page.getByLabel(o('participants.coordinator'))).toBeChecked();

	// The round form: its section opened, its instruction (a text area) typed and a rule chosen
	// before the app started; starting neither closes the section nor empties the fields.
	release = await holdScripts(page);
	await page.goto(`${server.url}${base}/rounds/${seed.roundId}`, { waitUntil: 'commit' });
	await page.getByText(o('roundDetail.editRound')).click();
	await page.getByLabel(o('rounds.instruction')).fill('Typed while the page was starting');
	await page.getByLabel(o('rounds.roundTitle')).fill('A round renamed early');
	await started(page, release);
	const form = page.locator('form:has(#edit-round-instruction)');
	await expect(form).toBeVisible();
	await expect(page.getByLabel(o('rounds.instruction'))).toHaveValue(
		'Typed while the page was starting'
	);
	await expect(page.getByLabel(o('rounds.roundTitle'))).toHaveValue('A round renamed early');
	await form.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.locator('.page-head p.multiline').last()).toHaveText(
		'Typed while the page was starting'
	);
});

test('what a facilitator types on /new before the page has started makes the session', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'en-GB', baseURL: server.url });
	contexts.push(context);
	const page = await context.newPage();
	const release = await holdScripts(page);
	await page.goto('/new', { waitUntil: 'commit' });
	await page.getByRole('textbox', { name: 'Title' }).fill('Typed on a slow train');
	await page.getByRole('textbox', { name: 'Question a' }).fill('What did you type early?');
	await page.getByRole('textbox', { name: 'Question b' }).fill('Was it kept?');
	await started(page, release);
	await expect(page.getByRole('textbox', { name: 'Question b' })).toHaveValue('Was it kept?');
	await page.getByRole('button', { name: 'Create session' }).click();
	await expect(page.getByText('Your session is ready.')).toBeVisible();
	await expect(page.getByText('Typed on a slow train').first()).toBeVisible();
	await expect(page.getByText('What did you type early?').first()).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Questions' })
		.getByRole('button', { name: /^b/ })
		.click();
	await expect(page.getByRole('heading', { name: 'Question b Was it kept?' })).toBeVisible();
});
