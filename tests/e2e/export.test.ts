/**
 * The organiser's export page in real Chromium: choices, the live preview in its sandboxed
 * frame, downloads in every format, and the import page; axe finds nothing on either. Runs
 * its own server on a database seeded with a played conference, so the shared e2e server's
 * first-run setup is left to the tests that need it.
 */
import { expect, test, type Page } from '@playwright/test';
import { seedExport, type ExportSeed } from '../integration/helpers/export-seed';
import { TestServer } from '../integration/helpers/server';
import { axeBuilder, expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let seed: ExportSeed;

test.beforeAll(async () => {
	server = new TestServer();
	seed = await seedExport(server.databasePath);
	await server.start();
});

test.afterAll(async () => {
	await server?.dispose();
});

async function signedIn(page: Page): Promise<void> {
	const [name, value] = seed.organiserCookie.split('=') as [string, string];
	await page.context().addCookies([{ name, value, url: server.url }]);
	await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
}

/**
 * axe on the export page around its preview frame: scripts are off inside the sandboxed frame
 * by design, so axe cannot run there; the report document is checked on its own instead.
 */
async function expectExportPageAccessible(page: Page, label: string): Promise<void> {
	const results = await axeBuilder(page).exclude('iframe').analyze();
	const violations = results.violations.map(
		(v) =>
			`${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(violations, `axe found ${violations.length} violation(s) on ${label}`).toEqual([]);
}

/**
 * Errors the page logs to its console from now on. The sandboxed preview refuses Playwright's
 * own helper scripts (and says so): that frame holds no script of ours, so it is not listened to.
 */
function consoleErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const text = message.text();
		if (text.startsWith(`Blocked script execution in '${exportPage()}/preview?`)) return;
		errors.push(text);
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** The body's font size and the smallest text in table cells and anywhere, in CSS px. */
function textSizes(page: Page) {
	return page.evaluate(() => {
		const size = (element: Element) => parseFloat(getComputedStyle(element).fontSize);
		const holdsText = (element: Element) =>
			[...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
		const smallest = (elements: Element[]) =>
			elements.reduce<{ size: number; text: string }>(
				(min, element) =>
					size(element) < min.size
						? { size: size(element), text: element.textContent!.trim().slice(0, 60) }
						: min,
				{ size: Infinity, text: '' }
			);
		const cells = [...document.querySelectorAll('td, th, td *, th *')].filter(holdsText);
		const texts = [...document.querySelectorAll('body *')].filter(holdsText);
		const cell = smallest(cells);
		const text = smallest(texts);
		return {
			body: size(document.body),
			smallestCell: cell.size,
			smallestCellText: cell.text,
			smallestText: text.size,
			smallestTextText: text.text
		};
	});
}

const exportPage = () => `${server.url}/organiser/conferences/${seed.conferenceId}/export`;

test('the export page previews the report live and downloads every format', async ({ page }) => {
	test.setTimeout(120_000);
	await signedIn(page);
	await page.setViewportSize({ width: 1440, height: 1000 });
	await page.goto(exportPage());
	await expect(
		page.getByRole('heading', { name: 'Export the conference', level: 1 })
	).toBeVisible();

	// The preview frame shows the report in the conference's language (Norwegian).
	const preview = page.frameLocator('iframe[title="Preview of the conference report"]');
	await expect(preview.getByRole('heading', { name: 'Innhold' })).toBeVisible();
	await expect(preview.getByRole('heading', { name: 'Gruppe 1: Arbeidstakere' })).toBeVisible();
	await expectExportPageAccessible(page, 'export page');

	// The report document in the frame, checked on a page of its own.
	const src = await page.locator('iframe').getAttribute('src');
	const report = await page.request.get(`${server.url}${src}`);
	expect(report.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
	const reportPage = await page.context().newPage();
	await reportPage.setContent(await report.text());
	await expectNoAxeViolations(reportPage, 'the report (HTML)');
	for (const media of ['screen', 'print'] as const) {
		await reportPage.emulateMedia({ media });
		const sizes = await textSizes(reportPage);
		// Tables are read as closely as the text around them: never smaller, never under 12 px.
		expect(sizes.smallestCell, `${media}: ${sizes.smallestCellText}`).toBeGreaterThanOrEqual(
			sizes.body
		);
		expect(sizes.smallestText, `${media}: ${sizes.smallestTextText}`).toBeGreaterThanOrEqual(12);
	}
	await reportPage.close();

	// The glossary closes the report by default; it can also be left out.
	await expect(preview.getByRole('heading', { name: 'Vedlegg: Språkhjelp' })).toBeAttached();
	const glossaryChoice = page.getByRole('radiogroup', { name: 'Language help' });
	await expect(glossaryChoice.getByRole('radio', { name: 'In an appendix' })).toBeChecked();
	await glossaryChoice.getByRole('radio', { name: 'Leave out' }).check();
	await expect(preview.getByRole('heading', { name: 'Gruppe 1: Arbeidstakere' })).toBeAttached();
	await expect(preview.getByRole('heading', { name: /Språkhjelp/ })).toHaveCount(0);
	await glossaryChoice.getByRole('radio', { name: 'In an appendix' }).check();
	await expect(preview.getByRole('heading', { name: 'Vedlegg: Språkhjelp' })).toBeAttached();

	// Headings in English, and without names: the preview follows at once.
	await page.getByLabel('Language of headings').selectOption('en');
	await expect(preview.getByRole('heading', { name: 'Contents' })).toBeVisible();
	await page.getByLabel('Participant names').uncheck();
	await expect(
		preview.getByText('Names are left out of this edition of the report.')
	).toBeVisible();
	await page.getByLabel('Participant names').check();

	const formats = [
		['Web page (HTML)', 'Nordisk dialog om supported employment.html'],
		['PDF', 'Nordisk dialog om supported employment.pdf'],
		['Word (DOCX)', 'Nordisk dialog om supported employment.docx'],
		['Markdown', 'Nordisk dialog om supported employment.md'],
		['Spreadsheet (CSV)', 'Nordisk dialog om supported employment.csv'],
		['Archive (JSON)', 'Nordisk dialog om supported employment.samrad.json']
	] as const;
	const errors = consoleErrors(page);
	for (const [label, file] of formats) {
		await page.getByRole('radio', { name: label }).check();
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: `Download ${label}` }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(file);
		expect(await download.failure()).toBeNull();
	}
	// A download is a plain request: the page's router does not first try it as a page of its own.
	expect(errors).toEqual([]);
	// The archive ignores the report's choices, and says so.
	await expect(page.getByText('The archive always contains the whole conference.')).toBeVisible();
	await expectExportPageAccessible(page, 'export page, archive chosen');
});

/** Every preview the page asks the server for, from now on. */
function previewRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => {
		if (request.url().startsWith(`${exportPage()}/preview?`)) urls.push(request.url());
	});
	return urls;
}

test('the export page works on a phone-sized screen', async ({ page }) => {
	await signedIn(page);
	await page.setViewportSize({ width: 390, height: 844 });
	const previews = previewRequests(page);
	await page.goto(exportPage());
	await expect(page.getByRole('button', { name: 'Download Web page (HTML)' })).toBeVisible();
	const preview = page.frameLocator('iframe[title="Preview of the conference report"]');
	await expect(preview.getByRole('heading', { name: 'Innhold' })).toBeAttached();
	// The browser is in the server's time zone: the report is not rendered again as the page starts.
	await page.waitForLoadState('networkidle');
	expect(previews).toHaveLength(1);
	expect(previews[0]).not.toContain('tz=');
	await expectExportPageAccessible(page, 'export page on a phone');
});

test('an organiser in another time zone gets the report dated in theirs', async ({ browser }) => {
	const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	const timezoneId = serverZone === 'Pacific/Auckland' ? 'America/Los_Angeles' : 'Pacific/Auckland';
	const context = await browser.newContext({ timezoneId });
	try {
		const page = await context.newPage();
		await signedIn(page);
		const previews = previewRequests(page);
		await page.goto(exportPage());
		const preview = page.frameLocator('iframe[title="Preview of the conference report"]');
		await expect(preview.getByRole('heading', { name: 'Innhold' })).toBeAttached();
		await expect.poll(() => previews.at(-1)).toContain(`tz=${encodeURIComponent(timezoneId)}`);
		await expect(page.locator('input[type="hidden"][name="tz"]')).toHaveValue(timezoneId);
	} finally {
		await context.close();
	}
});

test('the import page explains a refused file and imports an archive', async ({ page }) => {
	test.setTimeout(60_000);
	await signedIn(page);
	await page.goto(`${server.url}/organiser/import`);
	await expect(page.getByRole('heading', { name: 'Import a conference', level: 1 })).toBeVisible();
	await expectNoAxeViolations(page, 'import page');

	await page.getByLabel('Archive file').setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"title": "Not an archive"}')
	});
	await page.getByRole('button', { name: 'Import conference' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'This JSON file is not a Samråd conference archive.'
	);
	await expect(page.getByLabel('Archive file')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page, 'import page with a problem');

	const archive = await page.request.get(`${exportPage()}/download?format=json`);
	expect(archive.status()).toBe(200);
	await page.getByLabel('Archive file').setInputFiles({
		name: 'conference.samrad.json',
		mimeType: 'application/json',
		buffer: await archive.body()
	});
	await page.getByRole('button', { name: 'Import conference' }).click();
	await expect(page).toHaveURL(/\/organiser\/conferences\/[A-Za-z0-9_-]+$/);
	expect(page.url()).not.toContain(seed.conferenceId!);
});
