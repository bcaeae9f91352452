/**
 * A whole NGT session in real Chromium: a facilitator console, a projector screen and three
 * phones (separate browser contexts) run two questions through every phase. Each view is
 * checked at each step. axe runs on the console in every phase of question a and once both are
 * done (a console of two questions: its question list is not in axe.test.ts's one-question
 * session), and on the phone whose turn it is; axe.test.ts checks the screen and the phones in
 * every phase, and question b's views are question a's with other notes.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial' });

interface Phone {
	name: string;
	page: Page;
	context: BrowserContext;
}

async function openPhone(browser: Browser, name: string, code: string): Promise<Phone> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('Code from the screen').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Join the session' })).toBeVisible();
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
	return { name, page, context };
}

async function axeAll(pages: Record<string, Page>, phase: string) {
	for (const [label, page] of Object.entries(pages))
		await expectNoAxeViolations(page, `${label} (${phase})`);
}

test('a facilitator, a screen and three phones run two questions through every phase', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-GB'
	});
	const console = await consoleContext.newPage();

	// The facilitator creates a stand-alone session from the landing page.
	await console.goto('/');
	await console.getByRole('link', { name: 'Create a session' }).click();
	await console.getByRole('textbox', { name: 'Title' }).fill('Job coaches II');
	await console.getByRole('textbox', { name: 'Question a' }).fill('What is hard or missing?');
	await console.getByRole('textbox', { name: 'Question b' }).fill('What should we do first?');
	await expectNoAxeViolations(console, 'create session');
	await console.getByRole('button', { name: 'Create session' }).click();
	await expect(console.getByRole('heading', { name: 'Job coaches II', level: 1 })).toBeVisible();
	await expect(console.getByText('Your session is ready.')).toBeVisible();

	const code = (await console.locator('.share .code').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	const screenHref = await console
		.getByRole('link', { name: 'Open the screen' })
		.getAttribute('href');
	const screenContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'en-GB'
	});
	const screen = await screenContext.newPage();
	await screen.goto(screenHref!);
	await expect(screen.locator('.code')).toHaveText(code);
	// The QR code encodes an address phones can reach: never localhost.
	await expect(
		screen.getByRole('img', { name: /QR code that opens http:\/\/(?!localhost|127\.)/ })
	).toBeVisible();

	const phones: Phone[] = [];
	for (const name of ['Liv-Anne', 'Johanne', 'Ingibjörg'])
		phones.push(await openPhone(browser, name, code));
	await expect(screen.getByRole('heading', { name: '3 people here' })).toBeVisible();
	await expect(console.getByRole('heading', { name: 'People (3)' })).toBeVisible();
	const [liv, johanne, ingibjorg] = phones as [Phone, Phone, Phone];
	// axe on the console; the screen and the phones are checked in every phase by axe.test.ts.
	const pages = { console };
	await axeAll(pages, 'lobby');

	const notesA: Record<string, string[]> = {
		'Liv-Anne': ['More job coaches', 'Better marketing of supported employment'],
		Johanne: ['Right education', 'Time as a resource'],
		Ingibjörg: ['Understanding among employers']
	};

	// axe runs in question a's phases; question b shows the same views with other notes, so only
	// the console's end state (both questions done) is checked again.
	for (const [q, question] of ['What is hard or missing?', 'What should we do first?'].entries()) {
		const label = q === 0 ? 'a' : 'b';
		if (q === 1) {
			await console.getByRole('button', { name: /^b\s/ }).click();
			await console
				.getByRole('button', { name: 'Show this question on the screen and phones' })
				.click();
			await expect(screen.getByRole('heading', { name: question })).toBeVisible();
		}
		// Silent writing.
		await console.getByRole('button', { name: 'Start silent writing' }).click();
		for (const phone of phones) {
			await expect(phone.page.getByRole('heading', { name: question })).toBeVisible();
			const texts = q === 0 ? notesA[phone.name]! : [`${phone.name} first step`];
			for (const text of texts) {
				await phone.page.getByLabel('New note').fill(text);
				await phone.page.getByRole('button', { name: 'Add note' }).click();
			}
			await expect(phone.page.getByText('Saved')).toHaveCount(texts.length);
		}
		const total = q === 0 ? 5 : 3;
		await expect(screen.getByRole('heading', { name: `${total} notes written` })).toBeVisible();
		// Nobody else's note is visible anywhere before the reveal.
		await expect(screen.getByText('More job coaches')).toHaveCount(0);
		await expect(console.getByText('More job coaches')).toHaveCount(0);
		await expect(johanne.page.getByText('More job coaches')).toHaveCount(0);
		if (q === 0) await axeAll(pages, `write ${label}`);

		// Round-robin: Liv-Anne reads, Johanne passes, the facilitator reveals for Ingibjörg.
		await console.getByRole('button', { name: 'Start the round-robin' }).click();
		await expect(liv.page.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
		await expect(screen.getByText('Liv-Anne is reading')).toBeVisible();
		// The phone whose turn it is: axe.test.ts's phones in the reveal are not.
		if (q === 0) await axeAll({ ...pages, phone: liv.page }, `reveal ${label}`);
		const first = q === 0 ? 'More job coaches' : 'Liv-Anne first step';
		await liv.page
			.getByRole('listitem')
			.filter({ hasText: first })
			.getByRole('button', { name: 'Show this note' })
			.click();
		await expect(screen.locator('.card-note', { hasText: first })).toBeVisible();
		await expect(johanne.page.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
		await johanne.page.getByRole('button', { name: 'Pass my turn' }).click();
		await expect(screen.getByText('Ingibjörg is reading')).toBeVisible();
		await console.getByRole('button', { name: "Reveal Ingibjörg's next note" }).click();
		const ingibjorgNote = q === 0 ? 'Understanding among employers' : 'Ingibjörg first step';
		await expect(screen.locator('.card-note', { hasText: ingibjorgNote })).toBeVisible();
		await expect(ingibjorg.page.getByText(ingibjorgNote)).toBeVisible();

		// Clarify: the rest is revealed; two notes go under a heading, by keyboard-operable controls.
		await console.getByRole('button', { name: /and clarify$/ }).click();
		await expect(
			console.getByRole('heading', { name: 'Clarify and group', level: 2 })
		).toBeVisible();
		const heading = q === 0 ? 'RESOURCES' : 'FIRST STEPS';
		const grouped =
			q === 0
				? ['More job coaches', 'Time as a resource']
				: ['Liv-Anne first step', 'Johanne first step'];
		for (const text of grouped)
			await console.getByRole('checkbox', { name: `Select note: ${text}` }).check();
		await console.getByLabel('New heading').fill(heading);
		await console.getByRole('button', { name: 'Create heading with 2 notes' }).click();
		await expect(screen.getByRole('heading', { name: heading })).toBeVisible();
		await expect(liv.page.getByRole('heading', { name: heading })).toBeVisible();
		if (q === 0) await axeAll(pages, `clarify ${label}`);

		// Vote: each phone ranks; the screen counts; ballots can be changed.
		await console.getByRole('button', { name: 'Start the vote' }).click();
		for (const phone of phones) {
			await expect(phone.page.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
			await expect(phone.page.getByText(/Your first choice gets \d points/)).toBeVisible();
		}
		if (q === 0) await axeAll(pages, `vote ${label}`);
		for (const phone of phones) {
			await phone.page
				.getByRole('button', { name: new RegExp(`^Add ${heading} as number 1`) })
				.click();
			await phone.page
				.getByRole('button', { name: /as number 2$/ })
				.first()
				.click();
			await expect(phone.page.getByText('Your ranking is saved.')).toBeVisible();
		}
		await expect(screen.getByText('Votes cast: 3 of 3')).toBeVisible();
		// Johanne changes her mind: the heading moves down, and the change is saved as she makes it.
		await johanne.page.getByRole('button', { name: `Move down: ${heading}` }).click();
		await expect(johanne.page.getByText('Your ranking is saved.')).toBeVisible();

		// Results on every view, ranked with points.
		await console.getByRole('button', { name: 'Close the vote and show results' }).click();
		for (const page of [screen, liv.page, console]) {
			await expect(page.locator('.results .row').first()).toContainText(heading);
		}
		await expect(screen.locator('.results .row').first()).toContainText(/\d+ points · 3 voters/);
		if (q === 0) await axeAll(pages, `results ${label}`);
		// The console with both questions played: its question list has a second done question.
		else await expectNoAxeViolations(console, `console (results ${label})`);
	}

	// Notes of question a and b are kept apart.
	await console.getByRole('button', { name: /^a\s/ }).click();
	await expect(console.locator('.results .row').first()).toContainText('RESOURCES');

	for (const context of [consoleContext, screenContext, ...phones.map((p) => p.context)])
		await context.close();
});
