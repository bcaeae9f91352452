/**
 * The perspective map in real Chromium: the organiser renames a proposed theme by keyboard,
 * merges two by pointer and confirms them, then walks the plenum screen (another browser
 * context, its secret link) through them theme by theme; axe finds nothing on either page. The
 * report then carries the confirmed themes in its chapter "Across the groups" in every format.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { seedExport, type ExportSeed } from '../integration/helpers/export-seed';
import { readDb } from '../integration/helpers/session';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let seed: ExportSeed;
let roundId: string;
let plenumToken: string;

test.beforeAll(async () => {
	server = new TestServer();
	seed = await seedExport(server.databasePath, { openVote: false });
	roundId = readDb(
		server.databasePath,
		(db) =>
			db
				.prepare('SELECT id FROM rounds WHERE conference_id = ? ORDER BY position')
				.get(seed.conferenceId) as { id: string }
	).id;
	plenumToken = readDb(
		server.databasePath,
		(db) =>
			db.prepare('SELECT plenum_token FROM conferences WHERE id = ?').get(seed.conferenceId) as {
				plenum_token: string;
			}
	).plenum_token;
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

test('the organiser confirms the themes of a round and the plenum walks through them', async ({
	page,
	browser
}, testInfo) => {
	test.setTimeout(120_000);
	await signedIn(page);
	await page.setViewportSize({ width: 1440, height: 1000 });
	await page.goto(
		`${server.url}/organiser/conferences/${seed.conferenceId}/rounds/${roundId}/themes`
	);
	await expect(
		page.getByRole('heading', { name: 'Themes across the groups', level: 1 })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Proposed themes, not confirmed yet' })
	).toBeVisible();
	const table = page.getByRole('table');
	await expect(table).toBeVisible();
	const groups = await table.locator('thead th').count();
	expect(groups - 1, 'one column per group').toBeGreaterThanOrEqual(2);
	await expectNoAxeViolations(page, 'themes page, proposed');

	const themes = page.locator('ol.themes > li');
	const before = await themes.count();
	expect(before).toBeGreaterThanOrEqual(3);
	const secondHeading = (await themes.nth(1).locator('h3').textContent())!.trim();

	// Rename the first theme by keyboard: its heading field, typed over, Enter sends it.
	const heading = themes.first().getByLabel('Heading', { exact: true });
	await heading.focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Fast kontaktperson');
	await page.keyboard.press('Enter');
	await expect(themes.first().locator('h3')).toHaveText('Fast kontaktperson');
	await expect(
		page.getByRole('heading', { name: 'Your changes, not confirmed yet' })
	).toBeVisible();

	// Merge the second into the first by pointer.
	const second = themes.nth(1);
	await second.getByLabel('Merge into').selectOption({ label: 'Fast kontaktperson' });
	await second.getByRole('button', { name: 'Merge', exact: true }).click();
	await expect(themes).toHaveCount(before - 1);
	await expect(page.locator('ol.themes h3', { hasText: secondHeading })).toHaveCount(0);
	await expect(table.getByRole('rowheader', { name: /Fast kontaktperson/ })).toBeVisible();

	await page.getByRole('button', { name: 'Confirm the themes' }).click();
	await expect(page.getByRole('heading', { name: 'Confirmed themes' })).toBeVisible();
	await expectNoAxeViolations(page, 'themes page, confirmed');

	// The plenum screen, on the projector's own browser, in the conference's language.
	const projector = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	const plenum = await projector.newPage();
	await plenum.goto(`${server.url}/plenum/${plenumToken}`);

	// Whoever drives the plenum starts the walk by keyboard.
	await page.getByRole('button', { name: 'Show the first theme' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('On the plenum screen now: Fast kontaktperson')).toBeVisible();
	await expect(plenum.getByRole('heading', { level: 1 })).toHaveText('Fast kontaktperson');
	await expect(plenum.getByText('Tema 1 av')).toBeVisible();
	// Readable from the back of the room: the projector's fit rules, 24 px at 1280 px wide.
	const size = await plenum
		.locator('.pages')
		.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
	expect(size).toBeGreaterThanOrEqual(24);
	await expectNoAxeViolations(plenum, 'plenum screen, a theme');
	await plenum.screenshot({ path: testInfo.outputPath('perspective-plenum.png') });

	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(plenum.getByText('Tema 2 av')).toBeVisible();
	await expect(plenum.getByRole('heading', { level: 1 })).not.toHaveText('Fast kontaktperson');
	await page.getByRole('button', { name: '← Previous' }).click();
	await expect(plenum.getByRole('heading', { level: 1 })).toHaveText('Fast kontaktperson');
	await projector.close();
});

test('the report shows the “Across the groups” chapter in every format', async ({ page }) => {
	test.setTimeout(120_000);
	await signedIn(page);
	await page.setViewportSize({ width: 1440, height: 1000 });
	await page.goto(`${server.url}/organiser/conferences/${seed.conferenceId}/export`);
	// The preview, in the conference's language: the chapter after the round's groups, its figure named.
	const preview = page.frameLocator('iframe[title="Preview of the conference report"]');
	const chapter = preview.locator('section.across').first();
	await expect(chapter.getByRole('heading', { name: 'På tvers av gruppene' })).toBeVisible();
	await expect(chapter.getByRole('img', { name: /^Kart over temaene/ })).toBeVisible();
	await expect(chapter.getByRole('rowheader', { name: /Fast kontaktperson/ })).toBeVisible();

	// The report document on a page of its own: axe finds nothing, the chapter included.
	const src = await page.locator('iframe').getAttribute('src');
	const reportPage = await page.context().newPage();
	await reportPage.setContent(await (await page.request.get(`${server.url}${src}`)).text());
	await expectNoAxeViolations(reportPage, 'the report with its chapter across the groups');
	// The figure's words are no smaller than the report's other small print (12 px).
	const smallest = await reportPage
		.locator('svg.across-map text')
		.evaluateAll((texts) =>
			Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize)))
		);
	expect(smallest).toBeGreaterThanOrEqual(12);
	await reportPage.close();

	const read = async (label: string): Promise<string> => {
		await page.getByRole('radio', { name: label }).check();
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: `Download ${label}` }).click();
		const download = await downloading;
		expect(await download.failure()).toBeNull();
		const bytes = readFileSync((await download.path())!);
		if (label === 'PDF')
			return execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-']).toString();
		if (label === 'Word (DOCX)') return strFromU8(unzipSync(bytes)['word/document.xml']!);
		return bytes.toString('utf8');
	};
	// Soft hyphens break long words in HTML and PDF: the text is read without them.
	const text = async (label: string) => (await read(label)).replace(/\u00ad(‐\n)?/g, '');
	const html = await text('Web page (HTML)');
	expect(html).toMatch(/<svg class="across-map"[^>]*role="img"/);
	expect(html.slice(html.indexOf('class="across"'))).toContain('Fast kontaktperson');
	for (const label of ['PDF', 'Word (DOCX)', 'Markdown']) {
		const body = await text(label);
		expect(body, label).toContain('På tvers av gruppene');
		// The confirmed round's chapter opens so (the other round's says its themes are unconfirmed).
		const from = body.indexOf('Temaene nedenfor');
		expect(from, `${label}: the confirmed chapter`).toBeGreaterThan(-1);
		expect(body.slice(from), label).toContain('Fast kontaktperson');
	}
	// The CSV's last column is each note's theme; the archive carries the confirmed themes.
	const csv = await text('Spreadsheet (CSV)');
	expect(csv.split(/\r?\n/)[0]).toMatch(/;Tema$/);
	expect(csv).toMatch(/;Fast kontaktperson\r?\n/);
	const archive = JSON.parse(await text('Archive (JSON)')) as {
		rounds: { themes: { confirmedAt: number | null; themes: { heading: string }[] } | null }[];
	};
	expect(archive.rounds[0]!.themes!.confirmedAt).not.toBeNull();
	expect(archive.rounds[0]!.themes!.themes.map((t) => t.heading)).toContain('Fast kontaktperson');
});
