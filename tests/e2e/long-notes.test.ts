/**
 * Long notes and notes by the group, in real Chromium: a 2,000-character note and a
 * 2,000-character draft survive an offline reload on the phone; a 2,000-character URL (no
 * spaces) overflows neither the phone, the console nor the projector, and the projector shows
 * it whole within the screen; the console enters a note for "the group", which is read out in
 * its own turn after the people's. Sessions are real, over socket.io on the test server.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newId, type TestClient } from '../integration/helpers/client';
import { connectConsole, createSession, joinPhone } from '../integration/helpers/session';
import { expectNoAxeViolations } from './helpers/axe';

/** A 2,000-character URL: one "word" a layout cannot break at spaces. */
const url2000 = `https://example.org/report?ref=${'Arbeidsmarkedstiltak'.repeat(100)}`.slice(
	0,
	2_000
);
const draft2000 = `Utkast ${'ordlangtsomaldriordeles'.repeat(100)}`.slice(0, 2_000);

async function ok(ack: Promise<{ ok: boolean; error?: unknown }>, what: string) {
	const answer = await ack;
	if (!answer.ok) throw new Error(`${what} refused: ${JSON.stringify(answer.error)}`);
}

async function openPhone(browser: Browser, baseURL: string, joinCode: string, name: string) {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB',
		baseURL
	});
	const phone = await context.newPage();
	await phone.goto(`/j/${joinCode}`);
	await phone.getByLabel('Your name').fill(name);
	await phone.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(phone.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
	return { context, phone };
}

/** Nothing on the page is wider than the viewport, and no element spills out of its own box. */
async function expectNoOverflow(page: Page, selector: string, label: string) {
	const result = await page.evaluate((selector) => {
		const root = document.scrollingElement!;
		const spilled = [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((el) => el.scrollWidth > el.clientWidth + 1)
			.map((el) => el.className);
		return { page: root.scrollWidth - root.clientWidth, spilled };
	}, selector);
	expect(result, label).toEqual({ page: 0, spilled: [] });
}

test('a 2,000-character note that survives an offline reload', async ({ browser, baseURL }) => {
	test.setTimeout(90_000);
	expect(url2000).toHaveLength(2_000);
	const session = await createSession({ url: baseURL! }, { questions: ['What did you find?'] });
	const console = await connectConsole({ url: baseURL! }, session);
	const { context, phone } = await openPhone(browser, baseURL!, session.joinCode, 'Aino');
	try {
		const questionId = console.view!.view.currentQuestionId;
		await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
		const field = phone.getByLabel('New note');
		await expect(field).toBeVisible();

		// Short notes need no counter; from 400 characters on it shows, with the word on reading aloud.
		await field.fill('A short note');
		await expect(phone.locator('#note-count')).toHaveCount(0);
		await field.fill('x'.repeat(400));
		await expect(phone.getByText('400 / 2000 characters')).toBeVisible();
		await expect(phone.getByText('A shorter note is easier to read aloud')).toBeVisible();
		await expectNoAxeViolations(phone, 'the phone counting a long note');

		// Offline: the 2,000-character note waits in the outbox, a second one stays a draft.
		await phone.route('**/socket.io/**', (route) => route.abort());
		await phone.context().setOffline(true);
		await expect(phone.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible({
			timeout: 30_000
		});
		await field.fill(url2000);
		await expect(phone.getByText('2000 / 2000 characters')).toBeVisible();
		await phone.getByRole('button', { name: 'Add note' }).click();
		await expect(phone.getByText('Waiting to send')).toHaveCount(1);
		await field.fill(draft2000);

		// A reload while offline (the page itself comes back from the server, the socket does not).
		await phone.context().setOffline(false);
		await phone.reload();
		await expect(phone.getByText('Waiting to send')).toHaveCount(1);
		await expect(phone.getByText(url2000, { exact: true })).toBeVisible();
		await expect(phone.getByLabel('New note')).toHaveValue(draft2000);
		await expectNoOverflow(phone, '.note, .text, .editor', 'the phone with a 2,000-character URL');
		await expectNoAxeViolations(phone, 'the phone with a long note waiting to be sent');

		// Back online: the note arrives whole, once.
		await phone.unroute('**/socket.io/**');
		await expect(phone.getByText('Saved')).toHaveCount(1, { timeout: 30_000 });
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'write' }),
			'reveal'
		);
		await ok(console.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
		const view = await console.waitForView(
			(v) => (v.view as { runs: { notes: unknown[] }[] }).runs[0]!.notes.length > 0
		);
		const notes = (view.view as { runs: { notes: { text: string }[] }[] }).runs[0]!.notes;
		expect(notes.map((n) => n.text)).toEqual([url2000]);
	} finally {
		console.close();
		await context.close();
	}
});

test('a 2,000-character URL overflows neither the console nor the projector, which shows it whole', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const session = await createSession({ url: baseURL! }, { questions: ['What did you find?'] });
	const console = await connectConsole({ url: baseURL! }, session);
	const phone = await joinPhone({ url: baseURL! }, session.joinCode, 'Bjørn');
	const questionId = console.view!.view.currentQuestionId;
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
	await ok(
		phone.client.command('note.add', { id: newId(), questionId, noteId: newId(), text: url2000 }),
		'note.add'
	);
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'write' }), 'reveal');
	await ok(console.command('reveal.all', { id: newId(), questionId }), 'reveal.all');
	const screenContext = await browser.newContext({
		viewport: { width: 1280, height: 720 },
		locale: 'en-GB'
	});
	const consoleContext = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		locale: 'en-GB'
	});
	try {
		const screen = await screenContext.newPage();
		await screen.goto(`${baseURL}${session.screenPath}`);
		await expect(screen.getByText('shortened').first()).toBeVisible();
		await expectNoOverflow(screen, '.card-note', 'the projector with a 2,000-character URL');

		const consolePage = await consoleContext.newPage();
		await consolePage.goto(`${baseURL}${session.consolePath}`);
		await expect(consolePage.getByText(url2000.slice(0, 100))).not.toHaveCount(0);
		await expectNoOverflow(consolePage, 'li, p, .note', 'the console with a 2,000-character URL');
		await expectNoAxeViolations(consolePage, 'the console with a 2,000-character note');

		// Shown whole, all of it lies inside the projector's screen.
		const card = consolePage.getByRole('region', { name: 'On the screen' });
		await card.getByRole('button', { name: /^Show whole on the screen/ }).click();
		const whole = screen.getByRole('region', { name: 'The whole note' });
		await expect(whole).toContainText(url2000.slice(-100));
		const fits = await whole.evaluate((section) => {
			const text = section.querySelector<HTMLElement>('.whole-text')!;
			const box = text.getBoundingClientRect();
			return {
				inside: box.bottom <= window.innerHeight && box.right <= window.innerWidth,
				notClipped: section.scrollHeight <= section.clientHeight + 1,
				fontSize: parseFloat(getComputedStyle(text).fontSize)
			};
		});
		expect(fits).toEqual({ inside: true, notClipped: true, fontSize: fits.fontSize });
		// Readable from the back: 22 px at 720 p (the paged notes' smallest is 24 px).
		expect(fits.fontSize).toBeGreaterThanOrEqual(22);
		await expectNoAxeViolations(screen, 'the projector showing a 2,000-character note whole');

		// The report, as HTML (and so the PDF printed from it): the URL breaks, nothing widens.
		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'reveal' }),
			'clarify'
		);
		const report = await consoleContext.newPage();
		// The console downloads it as a file: the browser lays out the same HTML.
		const html = await consoleContext.request.get(
			`${baseURL}${session.consolePath}/report?format=html&lang=en`
		);
		expect(html.ok()).toBe(true);
		await report.setViewportSize({ width: 794, height: 1123 });
		await report.setContent(await html.text());
		await expect(report.getByText(url2000.slice(0, 100))).not.toHaveCount(0);
		await expectNoOverflow(report, 'td, li, p', 'the HTML report with a 2,000-character URL');
	} finally {
		phone.client.close();
		console.close();
		await screenContext.close();
		await consoleContext.close();
	}
});

test('the console writes a note for the group, read out in its own turn after the people’s', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const session = await createSession({ url: baseURL! }, { questions: ['What did you find?'] });
	const console: TestClient = await connectConsole({ url: baseURL! }, session);
	await ok(
		console.command('session.configure', { id: newId(), settings: { anonymous: false } }),
		'named'
	);
	const phone = await joinPhone({ url: baseURL! }, session.joinCode, 'Cecilie');
	const questionId = console.view!.view.currentQuestionId;
	await ok(console.command('phase.advance', { id: newId(), questionId, from: 'lobby' }), 'write');
	await ok(
		phone.client.command('note.add', {
			id: newId(),
			questionId,
			noteId: newId(),
			text: 'Cecilie’s own'
		}),
		'note.add'
	);
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB'
	});
	try {
		const page = await context.newPage();
		await page.goto(`${baseURL}${session.consolePath}`);
		// The group is a choice of its own, reached by keyboard like every other.
		const who = page.getByLabel('Person', { exact: true });
		await who.selectOption({ label: 'The group (a note for the whole group)' });
		await page.getByLabel('Note text').fill('From the flip chart');
		await page.getByLabel('Note text').press('Tab');
		await page.keyboard.press('Enter');
		await expect(page.getByText('From the flip chart', { exact: true })).toBeVisible();
		await expect(page.locator('.who', { hasText: 'The group' })).toBeVisible();
		await expectNoAxeViolations(page, 'the console with a note for the group');

		await ok(
			console.command('phase.advance', { id: newId(), questionId, from: 'write' }),
			'reveal'
		);
		const order = page.getByRole('list').filter({ hasText: 'Cecilie' }).first();
		await expect(order).toContainText(/Cecilie\s*The group/);
		await ok(phone.client.command('reveal.next', { id: newId(), questionId }), 'Cecilie reads');
		await expect(page.getByText("The group's turn")).toBeVisible();
		await page.getByRole('button', { name: "Reveal The group's next note" }).click();
		await expect(page.getByText('Every note has been revealed.')).toBeVisible();
		// Named session: the screen gives the note "the group" as its author.
		const screen = await context.newPage();
		await screen.goto(`${baseURL}${session.screenPath}`);
		await expect(screen.getByText('— the group')).toBeVisible();
		await expectNoAxeViolations(screen, 'the projector with a note by the group');
		await expectNoAxeViolations(page, 'the console after the group’s turn');
	} finally {
		phone.client.close();
		console.close();
		await context.close();
	}
});
