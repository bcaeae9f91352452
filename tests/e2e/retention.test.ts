import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers/axe';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';
import { e2eRunDir } from './helpers/paths';

// The server runs with the default RETENTION_DAYS (365) and a real clock; a conference "last used
// N days ago" is made by moving its recorded last activity back, as a year of quiet would.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const day = 86_400_000;
const retentionDays = 365;

/** The calendar day (UTC) `days` from now, as the organiser pages write dates. */
function dateIn(days: number): string {
	return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(Date.now() + days * day)
	);
}

/** Records the conference's last activity as `days` ago, in the server's own database file. */
function lastUsedDaysAgo(conferenceId: string, days: number): void {
	const db = new Database(join(e2eRunDir(process.env.SAMRAD_E2E_RUN!), 'samrad.sqlite'));
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('UPDATE conferences SET last_activity_at = ? WHERE id = ?').run(
			Date.now() - days * day,
			conferenceId
		);
	} finally {
		db.close();
	}
}

/** Creates a conference through the form; answers with its id. */
async function newConference(page: Page, title: string, date: string): Promise<string> {
	await page.goto('/organiser/conferences/new');
	await page.waitForLoadState('networkidle');
	await page.locator('#conf-title').fill(title);
	await page.locator('#conf-start').fill(date);
	await page.locator('#conf-end').fill(date);
	await page.getByRole('button', { name: o('newConference.submit') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function openHome(page: Page): Promise<void> {
	await page.goto('/organiser');
	await page.waitForLoadState('networkidle');
}

test('retention counts from the last activity: the list shows each deletion date, the home page warns 14 days before, postpone and keep ask first', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	await signInAsOrganiser(page);

	// Dates from 2010 are accepted with a word, not a refusal: they no longer decide deletion.
	const title = `Sigtuna again ${randomBytes(3).toString('hex')}`;
	await page.goto('/organiser/conferences/new');
	await page.waitForLoadState('networkidle');
	await page.locator('#conf-start').fill('2010-05-06');
	await expect(page.getByRole('status').filter({ hasText: o('details.pastDates') })).toBeVisible();
	await expectNoAxeViolations(page, 'the new conference page with past dates');
	const id = await newConference(page, title, '2010-05-06');

	// Used today: deleted a full retention period from now.
	await openHome(page);
	const card = page.locator('.conferences > li').filter({ hasText: title });
	await expect(card).toContainText(o('home.retention.label'));
	await expect(card).toContainText(dateIn(retentionDays));
	const warning = page.getByRole('region', { name: o('home.retention.warningTitle') });
	await expect(warning.getByText(title)).toHaveCount(0);

	// Last used 355 days ago: ten days left, and the home page says so.
	lastUsedDaysAgo(id, retentionDays - 10);
	await openHome(page);
	await expect(warning).toBeVisible();
	await expect(warning).toContainText(o('home.retention.warningItem', { title, date: dateIn(10) }));
	await expect(card).toContainText(dateIn(10));
	await expectNoAxeViolations(page, 'the conference list with a deletion warning');

	// Postponing asks first, then counts a full period from today.
	await warning.getByRole('button', { name: o('home.retention.postponeFor', { title }) }).click();
	const postpone = page.getByRole('dialog', {
		name: o('home.retention.postponeTitle', { title })
	});
	await expect(postpone).toBeVisible();
	await expect(postpone).toContainText(
		o('home.retention.postponeText', { date: dateIn(retentionDays), days: retentionDays })
	);
	await expectNoAxeViolations(page, 'the postpone confirmation');
	await postpone.getByRole('button', { name: o('home.retention.postponeConfirm') }).click();
	await expect(
		page.getByRole('status').filter({
			hasText: o('home.retention.postponed', { title, date: dateIn(retentionDays) })
		})
	).toBeVisible();
	await expect(warning.getByText(title)).toHaveCount(0);
	await expect(card).toContainText(dateIn(retentionDays));

	// Another one five days before deletion: kept for good (this organiser set up the server).
	const kept = `Kept for the archive ${randomBytes(3).toString('hex')}`;
	const keptId = await newConference(page, kept, '2026-05-06');
	lastUsedDaysAgo(keptId, retentionDays - 5);
	await openHome(page);
	await expect(warning).toContainText(
		o('home.retention.warningItem', { title: kept, date: dateIn(5) })
	);
	await warning.getByRole('button', { name: o('home.retention.keepFor', { title: kept }) }).click();
	const keep = page.getByRole('dialog', { name: o('home.retention.keepTitle', { title: kept }) });
	await expect(keep).toBeVisible();
	await expectNoAxeViolations(page, 'the keep confirmation');
	await keep.getByRole('button', { name: o('home.retention.keepConfirm') }).click();
	await expect(
		page.getByRole('status').filter({ hasText: o('home.retention.keptDone', { title: kept }) })
	).toBeVisible();
	await expect(warning.getByText(kept)).toHaveCount(0);
	await expect(page.locator('.conferences > li').filter({ hasText: kept })).toContainText(
		o('home.retention.kept')
	);
	await expectNoAxeViolations(page, 'the conference list after keeping');

	// Its data-protection page lets automatic deletion apply again, after asking.
	await page.goto(`/organiser/conferences/${keptId}/privacy`);
	await page.waitForLoadState('networkidle');
	await expect(
		page.getByRole('button', { name: o('home.retention.keepFor', { title: kept }) })
	).toHaveCount(0);
	await page.getByRole('button', { name: o('home.retention.release') }).click();
	const release = page.getByRole('dialog', {
		name: o('home.retention.releaseTitle', { title: kept })
	});
	await expectNoAxeViolations(page, 'the release confirmation');
	await release.getByRole('button', { name: o('home.retention.releaseConfirm') }).click();
	await expect(
		page.getByRole('status').filter({ hasText: o('home.retention.released', { title: kept }) })
	).toBeVisible();
	await expect(
		page.getByRole('button', { name: o('home.retention.keepFor', { title: kept }) })
	).toBeVisible();
	await expectNoAxeViolations(page, 'the data-protection page');
	await context.close();
});
