/**
 * Identity at a conference in real Chromium: a participant picks their name on their phone; a
 * second phone that knows only the conference code picks the same name and has to wait; the
 * first phone is told; the facilitator's console turns it down and lets the person's own laptop
 * in; the organiser's devices page follows live. axe and the touch-target check run on every
 * new page and state.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { userAgents } from '../integration/helpers/device';
import { expectNoAxeViolations } from './helpers/axe';
import { translate as tr } from './helpers/i18n';
import { expectTouchTargets } from './helpers/touch';
import { useSeededConference } from './helpers/seeded-conference';

test.describe.configure({ mode: 'serial' });

const conference = useSeededConference();

async function device(browser: Browser, userAgent: string, mobile = true): Promise<Page> {
	const context = await browser.newContext({
		locale: 'en-GB',
		userAgent,
		...(mobile
			? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
			: { viewport: { width: 1280, height: 900 } })
	});
	conference.contexts.push(context);
	return context.newPage();
}

async function check(page: Page, label: string): Promise<void> {
	await expectNoAxeViolations(page, label);
	await expectTouchTargets(page, label);
}

const en = (key: string, params: Record<string, string | number> = {}) => tr('en', key, params);
/** The part of a text before a placeholder whose value the test does not know (a time). */
const before = (key: string, params: Record<string, string>, unknown: string) =>
	en(key, { ...params, [unknown]: '\u0000' }).split('\u0000')[0]!;

test('a name in use waits for the console; the first phone is told; the organiser follows live', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const group = conference.seed.groups[0]!;
	const person = conference.seed.members.find((m) => m.id === group.memberIds[0])!;
	const roster = `${conference.server.url}/k/${conference.seed.joinCode}`;
	const nameButton = (page: Page) =>
		page.getByRole('button', { name: new RegExp(`^${person.name}\\b`) });

	// The person picks their name on their phone and lands in their group.
	const phone = await device(browser, userAgents.iphone);
	await phone.goto(roster);
	await check(phone, 'the roster');
	await nameButton(phone).click();
	await expect(
		phone.getByText(en('conference.member.inGroup', { group: group.name }))
	).toBeVisible();

	// The facilitator's console of their group, and the organiser's devices page.
	const console = await device(browser, userAgents.laptop, false);
	await console.goto(`${conference.server.url}/console/${group.facilitatorToken}`);
	await expect(console.getByRole('button', { name: 'Start silent writing' })).toBeVisible();
	const organiser = await device(browser, userAgents.laptop, false);
	const [cookie, value] = conference.seed.organiserCookie.split('=') as [string, string];
	await organiser.context().addCookies([{ name: cookie, value, url: conference.server.url }]);
	await organiser.goto(
		`${conference.server.url}/organiser/conferences/${conference.seed.conferenceId}/participants/devices`
	);
	await expect(
		organiser.getByRole('heading', { name: en('organiser.devices.title') })
	).toBeVisible();
	await expect(organiser.getByText(en('organiser.devices.noneWaiting'))).toBeVisible();

	// The person writes a private note.
	await console.getByRole('button', { name: 'Start silent writing' }).click();
	const secret = 'My manager does not know about my diagnosis';
	await phone.getByLabel('New note').fill(secret);
	await phone.getByRole('button', { name: 'Add note' }).click();
	await expect(phone.getByText('Saved')).toHaveCount(1);

	// Someone else, with only the conference code, picks the same name: they wait.
	const other = await device(browser, userAgents.android);
	await other.goto(roster);
	await nameButton(other).click();
	await expect(
		other.getByRole('heading', { name: en('conference.device.waitingTitle') })
	).toBeVisible();
	const code = (await other.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^\d \d \d \d$/);
	await check(other, 'a phone waiting to be let in');
	expect(await other.content()).not.toContain(secret);
	expect(await other.content()).not.toContain(person.token);

	// The person's phone is told at once, in its live region.
	await expect(
		phone.getByRole('status').filter({
			hasText: before('conference.member.nameRequested', { device: 'Firefox · Android' }, 'time')
		})
	).toBeVisible();
	await check(phone, 'a phone told that another device asked for its name');

	// The console and the organiser see the request with the same check code.
	const requests = console.getByRole('region', { name: en('console.devices.title') });
	await expect(requests).toContainText(person.name);
	await expect(requests).toContainText(code);
	// The console is a laptop tool with compact controls; the new ones are full-size.
	await expectNoAxeViolations(console, 'the console with a name request');
	for (const button of await requests.getByRole('button').all())
		expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	const waitingRow = organiser
		.getByRole('region', { name: en('organiser.devices.waitingTitle', { number: 1 }) })
		.getByRole('row', { name: new RegExp(person.name) });
	await expect(waitingRow).toContainText(code);
	await check(organiser, 'the devices page with a waiting phone');

	// The facilitator turns it down: the other phone is told, and still sees nothing.
	await requests
		.getByRole('button', {
			name: new RegExp(`^${en('console.devices.refuse')}\\W+${person.name}`)
		})
		.click();
	await expect(
		other.getByRole('heading', { name: en('conference.device.refusedTitle') })
	).toBeVisible();
	await check(other, 'a phone that was turned down');
	expect(await other.content()).not.toContain(secret);
	await expect(requests).toHaveCount(0);

	// The person's own laptop asks too: shown the same way, let in, and it follows into the group.
	const laptop = await device(browser, userAgents.laptop, false);
	await laptop.goto(roster);
	await nameButton(laptop).click();
	const laptopCode = (await laptop.locator('.code').textContent())!.trim();
	await expect(requests).toContainText(laptopCode);
	await requests
		.getByRole('button', {
			name: new RegExp(`^${en('console.devices.approve')}\\W+${person.name}`)
		})
		.click();
	await expect(
		laptop.getByText(en('conference.member.inGroup', { group: group.name }))
	).toBeVisible();
	await expect(laptop.getByText(secret, { exact: true })).toBeVisible();
	await expect(phone.getByText(en('conference.member.otherDevices', { count: 1 }))).toBeVisible();
	await check(phone, 'a phone whose name is also in use on a laptop');

	// The organiser's page followed: nothing waiting, three devices listed with how they came.
	await expect(organiser.getByText(en('organiser.devices.noneWaiting'))).toBeVisible();
	const inUse = organiser.getByRole('region', { name: en('organiser.devices.inUseTitle') });
	await expect(inUse).toContainText(en('conference.device.kind.roster'));
	await expect(inUse).toContainText(en('conference.device.kind.approved'));
	await expect(inUse).toContainText(en('organiser.devices.refused'));
	await check(organiser, 'the devices page with devices in use');

	// The organiser signs the laptop out: it is told why at once.
	await inUse
		.getByRole('button', {
			name: en('organiser.devices.releaseFor', { name: person.name, device: 'Chrome · Windows' })
		})
		.click();
	await organiser
		.getByRole('dialog')
		.getByRole('button', { name: en('organiser.devices.release') })
		.click();
	await expect(laptop.getByText(en('conference.member.released'))).toBeVisible();
	// A laptop with a mouse keeps the phone header's compact buttons: axe only.
	await expectNoAxeViolations(laptop, 'a laptop signed out of the name');
	await expect(phone.getByText(secret, { exact: true })).toBeVisible();
});
