/**
 * Reflections by anyone in the group, in real Chromium: the console lets members reflect, a
 * member writes theirs on the phone after the results and keeps their name, and the conference
 * report holds it under that name. axe on the console's new panels and the phone's form.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { possessive } from '$lib/domain/report/model';
import { dispatchStep } from '$lib/server/report/test-conference';
import { randomToken } from '$lib/server/tokens';
import { seedConference, withApp, type SeededConference } from '../integration/helpers/conference';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';
import { expectTouchTargets } from './helpers/touch';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let seed: SeededConference;
let member: { id: string; name: string; token: string };

const reflection = 'Jeg ble hørt i dag, og det betyr mye for meg.';

test.beforeAll(async () => {
	server = new TestServer();
	seed = await seedConference(server.databasePath, { rule: 'mixed', maxGroupSize: 5 });
	const group = seed.groups[0]!;
	member = seed.members.find((m) => m.id === group.memberIds[0])!;
	// The group has run its question to the results: three notes, three ballots.
	await withApp(server.databasePath, async (app) => {
		const step = dispatchStep(app, group.sessionId);
		const facilitator = { role: 'facilitator' } as const;
		const questionId = (await app.sessions.get(group.sessionId))!.state.questions[0]!.id;
		const writers = group.memberIds.slice(0, 3);
		await step({ type: 'phase.advance', questionId, from: 'lobby' }, facilitator);
		const noteIds = writers.map(() => randomToken(16));
		for (const [i, participantId] of writers.entries()) {
			await step(
				{ type: 'note.add', questionId, noteId: noteIds[i]!, text: `Idea ${i + 1}` },
				{ role: 'participant', participantId }
			);
		}
		for (const from of ['write', 'reveal', 'clarify'] as const) {
			await step({ type: 'phase.advance', questionId, from }, facilitator);
		}
		for (const [i, participantId] of writers.entries()) {
			await step(
				{ type: 'ballot.cast', questionId, ranking: [`n:${noteIds[i]!}`] },
				{ role: 'participant', participantId }
			);
		}
		await step({ type: 'phase.advance', questionId, from: 'vote' }, facilitator);
	});
	await server.start();
});

test.afterAll(async () => {
	await server?.dispose();
});

async function open(browser: Browser, path: string, phone: boolean): Promise<Page> {
	const context = await browser.newContext(
		phone
			? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
			: { viewport: { width: 1440, height: 1000 } }
	);
	await context.addCookies([{ name: 'lang', value: 'en', url: server.url }]);
	const page = await context.newPage();
	await page.goto(`${server.url}${path}`);
	return page;
}

test("a member's reflection written on the phone that reaches the report", async ({ browser }) => {
	test.setTimeout(90_000);
	const console = await open(browser, `/console/${seed.groups[0]!.facilitatorToken}`, false);
	const panel = console.getByRole('region', { name: 'Reflections from the group' });
	await expect(panel).toBeVisible();
	await expectNoAxeViolations(console, 'console with reflections and discussion');

	const phone = await open(browser, `/c/${member.token}`, true);
	await expect(phone.getByRole('heading', { name: 'Results' })).toBeVisible();
	// Not before the console allows it.
	await expect(phone.getByLabel('Your reflection')).toHaveCount(0);
	await panel
		.getByRole('checkbox', { name: 'Participants may write their own reflection on their phone' })
		.check();

	const box = phone.getByLabel('Your reflection');
	await expect(box).toBeVisible();
	const keepName = phone.getByRole('checkbox', { name: `Show my name (${member.name})` });
	// An anonymous session: the name stays out unless the member chooses it.
	await expect(keepName).not.toBeChecked();
	await expectNoAxeViolations(phone, 'phone with its reflection form');
	await expectTouchTargets(phone, 'phone with its reflection form');
	await box.fill(reflection);
	await keepName.check();
	await phone.getByRole('button', { name: 'Save' }).click();
	await expect(phone.getByText('Saved. You can change it.')).toBeVisible();

	// The console lists it as written on the phone.
	await expect(panel.getByText(reflection)).toBeVisible();
	await expect(panel.getByText('written on the phone')).toBeVisible();
	// For the README: the phone's form and the console's panel as they look now.
	await phone.screenshot({ path: test.info().outputPath('phone-reflection-en.png') });
	await panel.screenshot({ path: test.info().outputPath('console-reflections-en.png') });

	// The organiser's report (in the conference's language) holds it under the member's name.
	const [name, value] = seed.organiserCookie.split('=') as [string, string];
	await console.context().addCookies([{ name, value, url: server.url }]);
	const exportUrl = `${server.url}/organiser/conferences/${seed.conferenceId}/export/download`;
	for (const format of ['markdown', 'html'] as const) {
		const response = await console.request.get(`${exportUrl}?format=${format}`);
		expect(response.status()).toBe(200);
		const body = (await response.text()).replaceAll('\u00AD', '').replaceAll('&#39;', "'");
		expect(body, format).toContain(`${possessive(member.name, 'nb')} refleksjon`);
		expect(body, format).toContain(reflection);
	}
	await phone.context().close();
	await console.context().close();
});
