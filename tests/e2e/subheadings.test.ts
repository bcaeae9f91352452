/**
 * Sub-headings in real Chromium: the facilitator ticks a note and makes a sub-heading under a
 * heading with the keyboard alone (Tab, Space, Enter, typing); the projector and a phone in
 * other browser contexts show it under its heading; axe finds nothing on the console.
 * Notes are seeded over socket.io, as phones would write them.
 */
import { expect, test, type Page } from '@playwright/test';
import { newId } from '../integration/helpers/client';
import { connectConsole, createSession, joinPhone } from '../integration/helpers/session';
import { expectNoAxeViolations } from './helpers/axe';
import { roomTracker } from './helpers/room';
import { translate as tr } from './helpers/i18n';

const en = (key: string, params: Record<string, string | number> = {}) => tr('en', key, params);
const { sockets, newPage } = roomTracker();

async function ok(answer: Promise<unknown>, what: string): Promise<void> {
	const ack = (await answer) as { ok: boolean };
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack)}`);
}

/** Presses Tab until `target` has focus: it can be reached by keyboard, in tab order. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, what: string) {
	for (let presses = 0; presses < 120; presses++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`${what} was not reached with Tab`);
}

test('a sub-heading created by keyboard', async ({ browser, baseURL }, testInfo) => {
	test.setTimeout(90_000);
	const server = { url: baseURL! };
	const session = await createSession(server, {
		title: 'Sub-headings',
		questions: ['What helps people keep a job?'],
		language: 'en'
	});
	// A phone in a browser joins first; two phones over socket.io write the notes.
	const phone = await newPage(browser, { width: 390, height: 844 }, true);
	await phone.goto(`/j/${session.joinCode}`);
	await phone.getByLabel(en('session.phone.nameLabel')).fill('Aino');
	await phone.getByRole('button', { name: en('session.phone.join'), exact: true }).click();
	await expect(phone.getByRole('heading', { name: 'Welcome, Aino!' })).toBeVisible();

	const socketConsole = await connectConsole(server, session);
	const writers = [
		await joinPhone(server, session.joinCode, 'Bjørn'),
		await joinPhone(server, session.joinCode, 'Camilla')
	];
	sockets.push(socketConsole, ...writers.map((w) => w.client));
	const questionId = socketConsole.view!.view.currentQuestionId;
	const texts = [
		['A job coach who knows the workplace', 'Support that lasts as long as it is needed'],
		['Colleagues who help when problems arise', 'Training at the workplace itself']
	];
	await ok(
		socketConsole.command('phase.advance', { id: newId(), questionId, from: 'lobby' }),
		'write'
	);
	for (const [w, writer] of writers.entries())
		for (const text of texts[w]!)
			await ok(
				writer.client.command('note.add', { id: newId(), questionId, noteId: newId(), text }),
				'note.add'
			);
	await ok(
		socketConsole.command('phase.advance', { id: newId(), questionId, from: 'write' }),
		'reveal'
	);
	await ok(socketConsole.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
	await ok(
		socketConsole.command('phase.advance', { id: newId(), questionId, from: 'reveal' }),
		'clarify'
	);
	const view = await socketConsole.waitForView((v) => v.view.runs[0]!.phase === 'clarify');
	const noteId = (text: string) => view.view.runs[0]!.notes.find((n) => n.text === text)!.id;
	await ok(
		socketConsole.command('cluster.create', {
			id: newId(),
			questionId,
			clusterId: newId(),
			heading: 'SUPPORT',
			noteIds: [noteId(texts[0]![0]!), noteId(texts[0]![1]!)]
		}),
		'heading'
	);

	const screen = await newPage(browser, { width: 1920, height: 1080 });
	await screen.goto(session.screenPath);
	await expect(screen.getByRole('heading', { name: 'SUPPORT' })).toBeVisible();

	const console = await newPage(browser, { width: 1280, height: 900 });
	await console.goto(session.consolePath);
	await expect(console.getByRole('heading', { name: 'SUPPORT', level: 3 })).toBeVisible();

	// Keyboard only from here: tick two notes, open the sub-heading form, type, Enter.
	const sub = 'What support is needed?';
	for (const text of [texts[1]![0]!, texts[0]![1]!]) {
		const box = console.getByRole('checkbox', { name: en('console.clarify.select', { text }) });
		await tabTo(console, box, `the checkbox of “${text}”`);
		await console.keyboard.press('Space');
		await expect(box).toBeChecked();
	}
	const add = console.getByRole('button', {
		name: new RegExp(`^${en('console.clarify.addSubheading')}\\s*:\\s*SUPPORT$`)
	});
	await tabTo(console, add, 'Add sub-heading');
	await console.keyboard.press('Enter');
	const field = console.getByRole('textbox', {
		name: en('console.clarify.subheadingLabel', { heading: 'SUPPORT' })
	});
	await expect(field).toBeFocused();
	await console.keyboard.type(sub);
	await console.keyboard.press('Enter');

	// The console nests it under its heading, with both notes, and gives focus back.
	const subSection = console.getByRole('region', { name: sub });
	await expect(console.getByRole('heading', { name: sub, level: 4 })).toBeVisible();
	await expect(console.getByRole('region', { name: 'SUPPORT', exact: true })).toContainText(sub);
	for (const text of [texts[1]![0]!, texts[0]![1]!]) await expect(subSection).toContainText(text);
	await expect(add).toBeFocused();
	await expect(console.getByText(en('console.clarify.dissolveKeeps'))).toBeVisible();
	await expectNoAxeViolations(console, 'the console with a sub-heading');

	// The projector shows it under SUPPORT; so does the phone.
	const onScreen = screen.getByRole('heading', { name: sub, level: 3 });
	await expect(onScreen).toBeVisible();
	// Headings in document order, soft hyphens (added for the projector's line breaks) taken out.
	const screenHeadings = await screen
		.locator('main h2, main h3')
		.evaluateAll((hs) => hs.map((h) => (h.textContent ?? '').replace(/\u00AD/g, '').trim()));
	expect(screenHeadings.indexOf('SUPPORT')).toBeGreaterThanOrEqual(0);
	expect(screenHeadings.indexOf(sub)).toBe(screenHeadings.indexOf('SUPPORT') + 1);
	await expectNoAxeViolations(screen, 'the projector with a sub-heading');
	await screen.screenshot({ path: testInfo.outputPath('subheading-projector-en.png') });

	const phoneSection = phone.getByRole('region', { name: 'SUPPORT', exact: true });
	await expect(phoneSection.getByRole('heading', { name: sub })).toBeVisible();
	await expect(phoneSection.getByRole('region', { name: sub })).toContainText(texts[1]![0]!);
	await expectNoAxeViolations(phone, 'the phone with a sub-heading');
});
