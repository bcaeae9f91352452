/**
 * Keyboard focus stays with the work, in real Chromium: after each action that replaces the
 * control that was used, focus lands on the element the person acts on next, never on the page
 * body (where the next Tab would start again at the top, or reach "Leave session"). A console
 * and two phones run one question; each action is followed by its own focus check.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { translate as tr } from './helpers/i18n';

const contexts: BrowserContext[] = [];

test.afterAll(async () => {
	for (const context of contexts) await context.close();
});

const en = (key: string, params: Record<string, string | number> = {}) => tr('en', key, params);

async function newPage(browser: Browser, phone: boolean): Promise<Page> {
	const context = await browser.newContext({
		locale: 'en-GB',
		...(phone
			? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
			: { viewport: { width: 1280, height: 900 } })
	});
	contexts.push(context);
	return context.newPage();
}

async function joinPhone(browser: Browser, code: string, name: string, notes: string[]) {
	const page = await newPage(browser, true);
	await page.goto(`/j/${code}`);
	await page.getByLabel(en('session.phone.nameLabel')).fill(name);
	await page.getByRole('button', { name: en('session.phone.join'), exact: true }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
	return { page, notes };
}

/** A button's name: its action, then (visually hidden) what it acts on. */
function acting(action: string, on: string): RegExp {
	const escaped = on.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${en(action)}\\s*:\\s*${escaped}$`);
}

/** What has focus, for a readable failure: tag, id and text. */
function focusedElement(page: Page): Promise<string> {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!element || element === document.body) return 'body';
		const text = (element.textContent ?? '').trim().slice(0, 60);
		return `${element.tagName.toLowerCase()}#${element.id} "${text}"`;
	});
}

async function expectFocused(page: Page, target: ReturnType<Page['locator']>, after: string) {
	try {
		await expect(target).toBeFocused();
	} catch (error) {
		const now = await focusedElement(page);
		throw new Error(`focus after ${after} is on ${now}\n${String(error)}`);
	}
}

test('focus moves to the next element after renaming, editing and revealing', async ({
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const response = await request.post('/api/sessions', {
		data: { title: 'Focus', questions: ['What helps?'], language: 'en' }
	});
	expect(response.status()).toBe(201);
	const session = (await response.json()) as { joinCode: string; facilitatorToken: string };
	const console = await newPage(browser, false);
	await console.goto(`/console/${session.facilitatorToken}`);
	const aino = await joinPhone(browser, session.joinCode, 'Aino', ['One', 'Two', 'Three']);
	const bo = await joinPhone(browser, session.joinCode, 'Bo', ['Bo one']);

	await console.getByRole('button', { name: en('console.next.lobby') }).click();
	for (const phone of [aino, bo]) {
		for (const note of phone.notes) {
			await phone.page.getByLabel(en('session.write.newNote')).fill(note);
			await phone.page.getByRole('button', { name: en('session.write.add') }).click();
		}
		await expect(phone.page.getByText(en('session.write.saved'))).toHaveCount(phone.notes.length);
	}

	// Phone: editing a note focuses its text area; saving returns to the note's Edit button.
	const editOne = aino.page.getByRole('button', { name: acting('common.edit', 'One') });
	await editOne.click();
	const editField = aino.page.getByRole('textbox', { name: en('session.write.editLabel') });
	await expectFocused(aino.page, editField, 'Edit on the phone');
	await editField.fill('One, edited');
	await aino.page.getByRole('button', { name: en('common.save') }).click();
	const editEdited = aino.page.getByRole('button', { name: acting('common.edit', 'One, edited') });
	await expectFocused(aino.page, editEdited, 'saving an edited note on the phone');
	await expect(aino.page.getByText(en('session.write.saved'))).toHaveCount(3);

	// Phone: revealing a note when the turn passes focuses the heading that says whose turn it is.
	await console.getByRole('button', { name: en('console.next.write') }).click();
	const showThis = (page: Page, note: string) =>
		page
			.getByRole('listitem')
			.filter({ hasText: note })
			.getByRole('button', { name: en('session.phone.readThis') });
	await showThis(aino.page, 'One, edited').click();
	await expectFocused(
		aino.page,
		aino.page.getByRole('heading', { name: en('session.phone.turnOf', { name: 'Bo' }) }),
		'revealing a note, the turn passing on'
	);
	await showThis(bo.page, 'Bo one').click();
	await expectFocused(
		bo.page,
		bo.page.getByRole('heading', { name: en('session.phone.turnOf', { name: 'Aino' }) }),
		"revealing one's last note"
	);
	// Bo has no notes left, so the turn stays with Aino: focus goes to her next note's button.
	await expect(
		aino.page.getByRole('heading', { name: en('session.phone.yourTurn') })
	).toBeVisible();
	await showThis(aino.page, 'Two').click();
	await expect(showThis(aino.page, 'Two')).toHaveCount(0);
	await expectFocused(
		aino.page,
		showThis(aino.page, 'Three'),
		'revealing a note, still one’s turn'
	);

	// Console: clarify, with a heading over two notes.
	await console.getByRole('button', { name: /and clarify$/ }).click();
	for (const text of ['One, edited', 'Two'])
		await console.getByRole('checkbox', { name: en('console.clarify.select', { text }) }).check();
	await console.getByLabel(en('console.clarify.newHeading')).fill('RESOURCES');
	await console
		.getByRole('button', { name: en('console.clarify.createWith', { count: 2 }) })
		.click();
	await expect(console.getByRole('heading', { name: 'RESOURCES', level: 3 })).toBeVisible();

	// Renaming a heading focuses the name field, so that typing goes there.
	await console.getByRole('button', { name: acting('common.rename', 'RESOURCES') }).click();
	const renameField = console.getByRole('textbox', { name: en('console.clarify.renameLabel') });
	await expectFocused(console, renameField, 'Rename');
	await console.keyboard.press('End');
	await console.keyboard.type(' AND TIME');
	await expect(renameField).toHaveValue('RESOURCES AND TIME');
	// Saving returns to the heading's Rename button, under its new name.
	await console.keyboard.press('Enter');
	await expectFocused(
		console,
		console.getByRole('button', { name: acting('common.rename', 'RESOURCES AND TIME') }),
		'saving a rename'
	);

	// Editing a note focuses its text area; saving returns to the note's Edit button.
	await console.getByRole('button', { name: acting('common.edit', 'Bo one') }).click();
	// The note's own field, not the empty "add a note on behalf" field labelled alike.
	const loose = console.getByRole('region', {
		name: new RegExp(`^${en('session.board.ungrouped')}`)
	});
	const noteField = loose.getByRole('textbox', { name: en('console.editNote') });
	await expectFocused(console, noteField, 'Edit on the console');
	await expect(noteField).toHaveValue('Bo one');
	await console.keyboard.press('End');
	await console.keyboard.type('!');
	await loose.getByRole('button', { name: en('common.save'), exact: true }).click();
	await expectFocused(
		console,
		console.getByRole('button', { name: acting('common.edit', 'Bo one!') }),
		'saving an edited note on the console'
	);
	await expectNoAxeViolations(console, 'the console after the edits');
});
