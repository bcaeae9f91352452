/**
 * Grouping a real conference on the round page, in real Chromium: the 40 people of the Sigtuna
 * 2010 conference are imported from a CSV, then grouped by role into the six groups the report
 * lists in at most five commands. Late arrivals are placed without a hand move changing; an empty
 * group is shown nowhere (plenum screen, live overview, every report format) and then deleted;
 * the overview counts the phone of the project leader, who sits in no group.
 */
import * as devalue from 'devalue';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { sigtunaParticipants } from '../../src/lib/domain/conference/fixtures/sigtuna-2010';
import { docxParagraphs, pdfText } from '../integration/helpers/export-files';
import { expectNoAxeViolations } from './helpers/axe';
import { translate } from './helpers/i18n';
import { expectTouchTargets } from './helpers/touch';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let context: BrowserContext;
let page: Page;
let conferenceUrl = '';
let roundUrl = '';
/** Every form the round page posted, by action (?/move …), in order. */
const posted: string[] = [];

const title = 'Nordisk dialog om supported employment';
const roundTitle = 'Første gruppearbeid';
const projectLeader = 'Øystein Spjelkavik';
const lateArrivals = [
	{ name: 'Sanna Virtanen', country: 'FI', role: 'worker' },
	{ name: 'Erik Lindqvist', country: 'SE', role: 'employer' }
] as const;
const spareGroup = 'Reservegruppe Ø';

const people = sigtunaParticipants;
const named = (predicate: (p: (typeof people)[number]) => boolean) =>
	people
		.filter(predicate)
		.map((p) => p.name)
		.sort();
const ofRole = (role: string) => named((p) => p.role === role && p.name !== projectLeader);
const coordinators = ofRole('coordinator');
const sixGroups = [
	'Workers',
	'Employers I',
	'Employers II',
	'Job coaches I',
	'Job coaches II',
	'Caseworkers'
];

/** The CSV an organiser would make of the report's participant list. */
function sigtunaCsv(): string {
	const rows = people.map((p) => [p.name, p.country, p.role, p.coordinator ? 'yes' : ''].join(';'));
	return ['Name;Country;Role;National coordinator', ...rows].join('\n');
}

interface Group {
	name: string;
	leaders: string[];
	members: string[];
}

/** The groups as the round page shows them, in order, names sorted within each. */
async function groups(): Promise<Group[]> {
	return page.locator('article.group').evaluateAll((articles) =>
		articles.map((article) => {
			const names = (selector: string) =>
				[...article.querySelectorAll(selector)]
					.map((n) => n.textContent!.trim())
					.sort((a, b) => a.localeCompare(b));
			return {
				name: article.querySelector('h3')!.textContent!.trim(),
				leaders: names('.people li.leader .name'),
				members: names('.people li:not(.leader) .name')
			};
		})
	);
}

/** The names listed in a section of the round page (no group, not placed). */
async function listed(heading: RegExp): Promise<string[]> {
	const section = page.getByRole('region', { name: heading });
	return (await section.locator('.people .name').allTextContents()).map((n) => n.trim()).sort();
}

async function open(path: string) {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

const status = () => page.locator('[role="status"][aria-live="polite"]').first();
const bar = () => page.locator('#selection');

/** Ticks people by name anywhere on the round page. */
async function tick(...names: string[]) {
	for (const name of names) await page.getByRole('checkbox', { name, exact: true }).first().check();
}

test.beforeAll(async ({ browser }) => {
	context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (request.method() === 'POST' && roundUrl && url.pathname === roundUrl)
			posted.push(url.search);
	});
});

test.afterAll(async () => {
	await context.close();
});

test('the organiser imports the 40 participants of the Sigtuna conference', async () => {
	await signInAsOrganiser(page);
	await open('/organiser/conferences/new');
	await page.locator('#conf-title').fill(title);
	await page.locator('#conf-venue').fill('Sigtunastiftelsen, Sigtuna');
	await page.locator('#conf-start').fill('2026-05-06');
	await page.locator('#conf-end').fill('2026-05-06');
	await page.getByRole('button', { name: o('newConference.submit') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	conferenceUrl = new URL(page.url()).pathname;

	await open(`${conferenceUrl}/participants/import`);
	await page.getByLabel(o('import.file')).setInputFiles({
		name: 'sigtuna.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(sigtunaCsv(), 'utf8')
	});
	await page.getByRole('button', { name: o('import.check') }).click();
	await expect(page.getByRole('status')).toContainText(o('import.ready', { count: 40 }));
	await page.getByRole('button', { name: o('import.confirm', { count: 40 }) }).click();
	await expect(page).toHaveURL(new RegExp(`${conferenceUrl}/participants\\?imported=40`));

	await open(`${conferenceUrl}/rounds`);
	await page.locator('#new-round-title').fill(roundTitle);
	await page.getByRole('radio', { name: new RegExp(`^${o('rounds.rules.role')}`) }).check();
	await page.locator('#new-round-size').fill('8');
	await page
		.locator('#new-round-questions')
		.fill('Hva slags støtte er viktig for å få og beholde jobben?\nHva mangler?');
	await page.getByRole('button', { name: o('rounds.create') }).click();
	await page.waitForURL(new RegExp(`${conferenceUrl}/rounds/[\\w-]+$`));
	roundUrl = new URL(page.url()).pathname;
	await page.waitForLoadState('networkidle');
	expect(await listed(/^Not placed yet/)).toEqual(people.map((p) => p.name).sort());
});

test('six groups by role in at most five commands, each group exactly as the rules say', async () => {
	// 1. The project leader sits in no group: a choice, kept by every re-allocation.
	await tick(projectLeader);
	await expect(bar().getByRole('heading')).toHaveText(o('roundDetail.bulk.selected', { count: 1 }));
	await bar()
		.getByRole('button', { name: o('roundDetail.bulk.noGroup'), exact: true })
		.click();
	await expect(status()).toHaveText(o('roundDetail.bulk.noGrouped', { count: 1 }));
	expect(await listed(/^In no group this round/)).toEqual([projectLeader]);

	// 2. Per role: employers and job coaches in two groups each, researchers and others with the
	// job coaches, policy with the caseworkers, coordinators spread as leaders. Preview, then apply.
	const allocation = page.getByRole('region', { name: o('roundDetail.allocation.title') });
	const roleRow = (group: string) =>
		allocation.getByRole('row', { name: new RegExp(`^${group} \\d+`) });
	await roleRow('Employers').getByRole('spinbutton').fill('2');
	await roleRow('Job coaches').getByRole('spinbutton').fill('2');
	const withRole = (role: string) => o('roundDetail.allocation.with', { role });
	await roleRow('Researchers')
		.getByRole('combobox')
		.selectOption({ label: withRole('Job coaches') });
	await roleRow('Others')
		.getByRole('combobox')
		.selectOption({ label: withRole('Job coaches') });
	await roleRow('Policy makers')
		.getByRole('combobox')
		.selectOption({ label: withRole('Caseworkers') });
	await roleRow('Coordinators')
		.getByRole('combobox')
		.selectOption({ label: o('roundDetail.allocation.lead') });
	await allocation.getByRole('button', { name: o('roundDetail.allocation.preview') }).click();
	const preview = page.getByRole('region', { name: o('roundDetail.allocation.previewTitle') });
	await expect(preview.getByRole('heading')).toBeFocused();
	await expect(preview).toContainText(o('roundDetail.allocation.summary', { count: 39 }));
	await expect(preview).toContainText(
		`${o('roundDetail.allocation.created')} ${sixGroups.join(', ')}`
	);
	// Nothing is changed by looking.
	await expect(page.locator('article.group')).toHaveCount(0);
	await preview.getByRole('button', { name: o('roundDetail.allocation.apply') }).click();
	await expect(status()).toHaveText(o('roundDetail.allocated'));
	await expect(page.locator('article.group h3')).toHaveText(sixGroups);

	// 3. The one group no coordinator leads is led by a researcher, as in the report.
	await tick('Angelika Schafft');
	await bar().getByLabel(o('roundDetail.bulk.group')).selectOption({ label: 'Caseworkers' });
	const lead = bar().getByRole('button', { name: o('roundDetail.bulk.lead') });
	await lead.focus();
	await page.keyboard.press('Enter');
	await expect(status()).toHaveText(
		o('roundDetail.bulk.led', { names: 'Angelika Schafft', group: 'Caseworkers' })
	);

	const commands = posted.filter((action) => action !== '?/preview');
	expect(commands).toEqual(['?/noGroup', '?/reallocate', '?/lead']);
	expect(commands.length).toBeLessThanOrEqual(5);

	// Read back from the server, not from what the page kept.
	await open(roundUrl);
	const layout = await groups();
	expect(layout.map((g) => g.name)).toEqual(sixGroups);
	const [workers, employers1, employers2, coaches1, coaches2, caseworkers] = layout as [
		Group,
		Group,
		Group,
		Group,
		Group,
		Group
	];
	expect(workers.members).toEqual(ofRole('worker'));
	expect([...employers1.members, ...employers2.members].sort()).toEqual(ofRole('employer'));
	expect([employers1.members.length, employers2.members.length]).toEqual([5, 4]);
	// Researchers (but the project leader, and the one who leads the caseworkers) and the one
	// "other" sit with the job coaches.
	expect([...coaches1.members, ...coaches2.members].sort()).toEqual(
		[
			...ofRole('job-coach'),
			...ofRole('researcher').filter((n) => n !== 'Angelika Schafft'),
			...ofRole('other')
		].sort()
	);
	// Six and five: the researcher who moved to lead the caseworkers came from either half.
	expect([coaches1.members.length, coaches2.members.length].sort()).toEqual([5, 6]);
	expect(caseworkers.members).toEqual([...ofRole('caseworker'), ...ofRole('policy')].sort());
	expect(caseworkers.leaders).toEqual(['Angelika Schafft']);
	// Coordinators lead the other five groups, one each.
	for (const group of [workers, employers1, employers2, coaches1, coaches2])
		expect(group.leaders).toHaveLength(1);
	expect(
		layout
			.flatMap((g) => g.leaders)
			.filter((n) => n !== 'Angelika Schafft')
			.sort()
	).toEqual(coordinators);
	expect(await listed(/^In no group this round/)).toEqual([projectLeader]);
	expect(await listed(/^Not placed yet/)).toEqual([]);
});

test('two late arrivals are placed by re-allocating, and nobody else moves', async () => {
	const before = await groups();
	await open(`${conferenceUrl}/participants`);
	for (const person of lateArrivals) {
		await page.locator('#person-name').fill(person.name);
		await page.locator('#person-country').selectOption(person.country);
		await page.locator('#person-role').selectOption(person.role);
		await page.getByRole('button', { name: o('participants.add') }).click();
		await expect(page.getByRole('status').first()).toHaveText(
			o('participants.added', { name: person.name })
		);
	}

	await open(roundUrl);
	expect(await listed(/^Not placed yet/)).toEqual(lateArrivals.map((p) => p.name).sort());
	const allocation = page.getByRole('region', { name: o('roundDetail.allocation.titleAgain') });
	await expect(
		allocation.getByRole('radio', {
			name: o('roundDetail.allocation.modeUnplaced', { count: 2 })
		})
	).toBeChecked();
	await allocation.getByRole('button', { name: o('roundDetail.allocation.preview') }).click();
	const preview = page.getByRole('region', { name: o('roundDetail.allocation.previewTitle') });
	await expect(preview).toContainText(o('roundDetail.allocation.summary', { count: 2 }));
	const moves = preview.locator('tbody tr');
	await expect(moves).toHaveCount(2);
	await expect(moves.nth(0)).toHaveText(/^Erik Lindqvist\s*Not placed\s*Employers I{1,2}\s*$/);
	await expect(moves.nth(1)).toHaveText(/^Sanna Virtanen\s*Not placed\s*Workers\s*$/);
	await expectNoAxeViolations(page, 'the round page with groups and a re-allocation preview');
	await expectTouchTargets(page, 'the round page with groups and a re-allocation preview');
	await preview.getByRole('button', { name: o('roundDetail.allocation.apply') }).click();
	await expect(status()).toHaveText(o('roundDetail.allocated'));

	await open(roundUrl);
	const after = await groups();
	const without = (layout: Group[]) =>
		layout.map((g) => ({
			...g,
			members: g.members.filter((n) => !lateArrivals.some((p) => p.name === n))
		}));
	expect(without(after)).toEqual(before);
	expect(after[0]!.members).toContain('Sanna Virtanen');
	expect([...after[1]!.members, ...after[2]!.members]).toContain('Erik Lindqvist');
	expect(await listed(/^Not placed yet/)).toEqual([]);
	expect(await listed(/^In no group this round/)).toEqual([projectLeader]);

	// Several people in one command, and undone in one: the groups are as they were.
	await tick('Emma Martelin', 'George Erdinc');
	await bar().getByLabel(o('roundDetail.bulk.group')).selectOption({ label: 'Caseworkers' });
	await bar()
		.getByRole('button', { name: o('roundDetail.bulk.move') })
		.click();
	await expect(status()).toHaveText(
		o('roundDetail.bulk.moved', { count: 2, group: 'Caseworkers' })
	);
	const caseworkers = page.getByRole('article', { name: 'Caseworkers' });
	await expect(caseworkers.getByRole('checkbox', { name: 'Emma Martelin' })).toBeVisible();
	await expect(caseworkers.getByRole('checkbox', { name: 'George Erdinc' })).toBeVisible();
	await page.getByRole('button', { name: o('roundDetail.undo') }).click();
	await expect(status()).toHaveText(o('roundDetail.undone'));
	await open(roundUrl);
	expect(await groups()).toEqual(after);
});

test('an empty group is shown on no screen, overview or report, and is deleted', async ({
	browser
}) => {
	// A spare group, added and named by hand, with nobody in it.
	await page.getByRole('button', { name: o('roundDetail.addGroup') }).click();
	await expect(status()).toHaveText(o('roundDetail.groupAdded'));
	const spare = page.locator('article.group').last();
	await spare.getByText(o('roundDetail.group.edit')).click();
	await spare.getByLabel(o('roundDetail.groupName')).fill(spareGroup);
	await spare.getByRole('button', { name: o('roundDetail.group.rename') }).click();
	await expect(status()).toHaveText(o('roundDetail.group.renamed', { group: spareGroup }));
	await expect(page.locator('article.group h3')).toHaveText([...sixGroups, spareGroup]);

	await page.getByRole('button', { name: o('roundDetail.start') }).click();
	await page
		.getByRole('dialog', { name: o('roundDetail.startTitle') })
		.getByRole('button', { name: o('roundDetail.startConfirm') })
		.click();
	await expect(
		page.getByRole('status').filter({ hasText: o('roundDetail.started') })
	).toBeVisible();

	// The live overview lists the six groups only.
	await open(conferenceUrl);
	const overview = page.getByRole('region', { name: new RegExp(`^Live: ${roundTitle}`) });
	await expect(overview.getByRole('heading', { level: 3 })).toHaveText(sixGroups);
	const plenumPath = new URL(
		(await page.locator('a[href*="/plenum/"]').first().getAttribute('href'))!
	).pathname;

	// The plenum screen shows the round at a glance: six tiles.
	const projector = await browser.newContext({
		locale: 'en-GB',
		viewport: { width: 1920, height: 1080 }
	});
	try {
		const screen = await projector.newPage();
		await screen.goto(plenumPath);
		await open(`${conferenceUrl}/plenum`);
		await page.getByRole('button', { name: o('plenum.next') }).click();
		await expect(screen.locator('.tile h2')).toHaveText(sixGroups);
		await expect(screen.getByText(spareGroup)).toHaveCount(0);
	} finally {
		await projector.close();
	}

	// Every format of the report, and the archive, leaves it out.
	const scratch = mkdtempSync(join(tmpdir(), 'samrad-grouping-'));
	try {
		for (const format of ['html', 'pdf', 'docx', 'markdown', 'csv', 'json']) {
			const response = await page.request.get(
				`${conferenceUrl}/export/download?format=${format}&lang=en`
			);
			expect(response.status(), format).toBe(200);
			const body = new Uint8Array(await response.body());
			const text =
				format === 'pdf'
					? (await pdfText(body, scratch)).text
					: format === 'docx'
						? docxParagraphs(body)
								.map((p) => p.text)
								.join('\n')
						: new TextDecoder().decode(body);
			// The CSV lists notes only, and nobody has written one yet: its header must still be there.
			expect(text, format).toContain(format === 'csv' ? 'Round,Group' : 'Angelika Schafft');
			expect(text, format).not.toContain(spareGroup);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}

	// Deleted from the round page.
	await open(roundUrl);
	const empty = page.getByRole('article', { name: spareGroup });
	await empty
		.getByRole('button', { name: o('roundDetail.group.deleteNamed', { group: spareGroup }) })
		.click();
	await expect(status()).toHaveText(o('roundDetail.group.deleted', { group: spareGroup }));
	await expect(page.locator('article.group h3')).toHaveText(sixGroups);

	// The organiser's own last change can be undone: the group comes back, then goes for good.
	await page.getByRole('button', { name: o('roundDetail.undo') }).click();
	await expect(status()).toHaveText(o('roundDetail.undone'));
	await expect(page.locator('article.group h3')).toHaveText([...sixGroups, spareGroup]);
	await page
		.getByRole('article', { name: spareGroup })
		.getByRole('button', { name: o('roundDetail.group.deleteNamed', { group: spareGroup }) })
		.click();
	await expect(page.locator('article.group h3')).toHaveText(sixGroups);
});

test('the live overview counts the phone of the project leader, who is in no group', async ({
	browser
}) => {
	// The personal link on the project leader's badge.
	const response = await page.request.get(`${conferenceUrl}/badges/__data.json`);
	const nodes = ((await response.json()) as { nodes: ({ data: unknown[] } | null)[] }).nodes;
	const badges = (
		devalue.unflatten(nodes.at(-1)!.data) as {
			badges: { name: string; link: string }[];
		}
	).badges;
	const link = new URL(badges.find((b) => b.name === projectLeader)!.link).pathname;

	await open(conferenceUrl);
	const total = people.length + lateArrivals.length;
	const overview = page.getByRole('region', { name: new RegExp(`^Live: ${roundTitle}`) });
	await expect(overview).toContainText(
		translate('en', 'conference.overview.connected', { connected: 0, count: total })
	);
	const phone = await browser.newContext({
		locale: 'en-GB',
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	try {
		const leader = await phone.newPage();
		await leader.goto(link);
		await expect(overview).toContainText(
			translate('en', 'conference.overview.connected', { connected: 1, count: total })
		);
	} finally {
		await phone.close();
	}
});
