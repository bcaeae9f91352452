/**
 * A stand-alone workshop's report from its console in real Chromium: the report card offers
 * the five report formats, each downloads with the workshop's title as its name, the HTML holds
 * what the group prioritised, and the reflection box says where the reflection goes. A
 * conference group's console offers no workshop report: its work goes into the conference's.
 * Runs its own server on a database with a played workshop and a started conference.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { SessionAccess } from '$lib/server/db/sessions';
import { seedPlayedWorkshop } from '$lib/server/report/test-workshop';
import { seedConference, withApp } from '../integration/helpers/conference';
import { TestServer } from '../integration/helpers/server';
import { expectNoAxeViolations } from './helpers/axe';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
let workshop: SessionAccess;
let groupConsoleToken: string;

const notes = [
	'Too many forms',
	'Nobody answers the phone',
	'Celebrate every new job 🎉',
	'Employers do not know whom to call'
];

test.beforeAll(async () => {
	server = new TestServer();
	groupConsoleToken = (await seedConference(server.databasePath)).groups[0]!.facilitatorToken;
	workshop = await withApp(server.databasePath, (app) =>
		seedPlayedWorkshop(app, {
			title: 'Planning day',
			language: 'en',
			topN: 3,
			people: [
				{ id: 'p1', name: 'Åse' },
				{ id: 'p2', name: 'Jón' },
				{ id: 'p3', name: 'Liisa' }
			],
			questions: [
				{
					text: 'What stands in the way?',
					notes: [
						['p1', notes[0]!],
						['p2', notes[1]!],
						['p3', notes[2]!],
						['p1', notes[3]!]
					],
					clusters: [{ heading: 'BUREAUCRACY', notes: [0, 1] }],
					ballots: [
						{ voter: 'p1', ranking: ['c0', 'n2'] },
						{ voter: 'p2', ranking: ['c0', 'n3'] },
						{ voter: 'p3', ranking: ['n2', 'c0'] }
					]
				}
			],
			reflection: 'A good morning.'
		})
	);
	await server.start();
});

test.afterAll(async () => {
	await server?.dispose();
});

async function openConsole(page: Page, token: string): Promise<string[]> {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
	await page.setViewportSize({ width: 1440, height: 1000 });
	await page.goto(`${server.url}/console/${token}`);
	await expect(page.getByRole('heading', { name: "Group leader's reflection" })).toBeVisible();
	return errors;
}

test("a stand-alone workshop's console downloads its report in five formats", async ({ page }) => {
	test.setTimeout(120_000);
	const errors = await openConsole(page, workshop.facilitatorToken);
	await expect(
		page.getByText("Your reflection on the group's work. It goes into the workshop report.")
	).toBeVisible();
	const card = page.getByRole('region', { name: 'Workshop report' });
	await expect(card).toBeVisible();
	await expectNoAxeViolations(page, 'workshop console with its report card');

	const formats = [
		['Web page (HTML)', 'Planning day.html'],
		['PDF', 'Planning day.pdf'],
		['Word (DOCX)', 'Planning day.docx'],
		['Markdown', 'Planning day.md'],
		['Spreadsheet (CSV)', 'Planning day.csv']
	] as const;
	await expect(card.getByRole('radio')).toHaveCount(formats.length);
	for (const [label, file] of formats) {
		await card.getByRole('radio', { name: label }).check();
		const downloading = page.waitForEvent('download');
		await card.getByRole('button', { name: `Download ${label}` }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(file);
		expect(await download.failure()).toBeNull();
		if (file.endsWith('.html')) {
			// Long words carry soft hyphens for print; the words are compared without them.
			const html = (await readFile((await download.path())!, 'utf8')).replaceAll('\u00AD', '');
			expect(html).toContain('Workshop report');
			for (const note of notes) expect(html).toContain(note);
			expect(html).toContain('BUREAUCRACY');
			expect(html).toContain('A good morning.');
		}
	}
	// The console is still there, and nothing went wrong on the way.
	await expect(page.getByRole('heading', { name: 'Planning day', level: 1 })).toBeVisible();
	expect(errors).toEqual([]);
});

test("a conference group's console has no workshop report: its work goes into the conference report", async ({
	page
}) => {
	await openConsole(page, groupConsoleToken);
	await expect(
		page.getByText("Your reflection on the group's work. It goes into the conference report.")
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Workshop report' })).toHaveCount(0);
});
