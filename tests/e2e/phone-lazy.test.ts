/**
 * The phone loads the views of later phases (reveal board, vote, results, glossary search) as
 * chunks of their own, only after it is usable: a phone in a crowded hall fetches the writing
 * view first. The vote view then appears with its heading at once (no empty flash), the phase
 * change is announced, and a vote view that is still on its way arrives without losing either.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { roomTracker } from './helpers/room';
import { createSessionOnPage } from './helpers/new-session';

const room = roomTracker();

// The views a phone needs only after writing, by source file in the Vite manifest.
const laterViews = [
	'src/lib/components/session/NoteBoard.svelte',
	'src/lib/components/session/RankingPicker.svelte',
	'src/lib/components/session/ResultsList.svelte',
	'src/lib/components/glossary/GlossarySearch.svelte'
];

// The console's panels of phases after writing.
const laterPanels = [
	'src/lib/components/console/RevealPanel.svelte',
	'src/lib/components/console/ClarifyPanel.svelte',
	'src/lib/components/console/VotePanel.svelte',
	'src/lib/components/console/ResultsPanel.svelte',
	'src/lib/components/console/ScreenControls.svelte'
];

// The console's panels beside the session and its phase controls, and the texts only they use.
const sidePanels = [
	'src/lib/components/console/DiscussionPanel.svelte',
	'src/lib/components/console/ReflectionPanel.svelte',
	'src/lib/components/console/ReflectionsPanel.svelte',
	'src/lib/components/console/ReportDownload.svelte',
	'src/lib/components/console/ShareLinks.svelte',
	'src/lib/components/console/ParticipantsPanel.svelte',
	'src/lib/components/console/SettingsPanel.svelte',
	'src/lib/components/console/OneListSetting.svelte',
	'src/lib/components/console/DeviceRequests.svelte'
];
const sidePanelTexts = [
	'src/lib/i18n/locales/en/conference.json',
	'src/lib/i18n/locales/en/download.json'
];

/** The built file of each later view: each must be a chunk of its own to be loaded later. */
function laterViewFiles(sources = laterViews): Record<string, string> {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string; isDynamicEntry?: boolean }>;
	return Object.fromEntries(
		sources.map((source) => {
			const entry = manifest[source];
			expect(entry?.isDynamicEntry, `${source} is a chunk loaded on demand`).toBe(true);
			return [source, entry!.file];
		})
	);
}

/** Records when the usable view (the element with this id) first appears, and any vote view without its picker. */
async function watchPage(page: Page, usableId: string) {
	await page.addInitScript((usableId) => {
		const w = window as unknown as { usableAt?: number; voteFlash?: boolean };
		new MutationObserver(() => {
			if (w.usableAt === undefined && document.getElementById(usableId))
				w.usableAt = performance.now();
			const vote = document.getElementById('vote-title');
			if (vote && !vote.closest('section')?.querySelector('.picker')) w.voteFlash = true;
		}).observe(document, { childList: true, subtree: true });
	}, usableId);
}

/** Start times of the later views' chunks, as Chromium fetched them, next to the usable time. */
async function loadTimes(page: Page, files: string[]) {
	return page.evaluate((files) => {
		const w = window as unknown as { usableAt?: number };
		const starts = Object.fromEntries(
			files.map((file) => [
				file,
				performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/${file}`))
					?.startTime ?? null
			])
		);
		return { usableAt: w.usableAt ?? null, starts };
	}, files);
}

test('the phone fetches later views only after the writing view, and the vote view neither flashes nor loses its announcement', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const files = laterViewFiles();
	const console = await room.newPage(browser, { width: 1440, height: 900 });
	const { code } = await createSessionOnPage(console, 'Light phones');
	await console.getByRole('button', { name: 'Start silent writing' }).click();

	const phone = await room.newPage(browser, { width: 390, height: 844 }, true);
	await watchPage(phone, 'note-draft');
	await phone.goto(`/j/${code}`);
	await phone.getByLabel('Your name').fill('Ada');
	await phone.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(phone.getByLabel('New note')).toBeVisible();

	// Every later view is fetched, but only once the writing view is there.
	await expect
		.poll(async () => Object.values((await loadTimes(phone, Object.values(files))).starts))
		.not.toContain(null);
	const { usableAt, starts } = await loadTimes(phone, Object.values(files));
	expect(usableAt).not.toBeNull();
	for (const [source, file] of Object.entries(files))
		expect(starts[file]!, `${source} fetched after the writing view`).toBeGreaterThan(usableAt!);

	await phone.getByLabel('New note').fill('Shorter meetings');
	await phone.getByRole('button', { name: 'Add note' }).click();
	await expect(phone.getByText('Saved', { exact: true })).toBeVisible();
	await console.getByRole('button', { name: 'Start the round-robin' }).click();
	await expect(phone.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
	await console.getByRole('button', { name: /and clarify$/ }).click();
	await expect(phone.getByText('Shorter meetings')).toBeVisible();

	// A second phone whose vote view is still on its way when the vote opens.
	const bo = await room.newPage(browser, { width: 390, height: 844 }, true);
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await bo.route(
		`**/${files['src/lib/components/session/RankingPicker.svelte']}`,
		async (route) => {
			await held;
			await route.continue();
		}
	);
	await bo.goto(`/j/${code}`);
	await bo.getByLabel('Your name').fill('Bo');
	await bo.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(bo.getByRole('heading', { name: "The group's notes" })).toBeVisible();

	await console.getByRole('button', { name: 'Start the vote' }).click();
	await expect(phone.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
	await expect(phone.getByRole('button', { name: /as number 1$/ }).first()).toBeVisible();
	expect(await phone.evaluate(() => (window as { voteFlash?: boolean }).voteFlash)).toBeUndefined();
	await expect(phone.locator('.session-phone > [aria-live="polite"]')).toHaveText('Now: Vote');

	// Bo's phone says the vote is open before its picker arrives, and keeps saying it after.
	await expect(bo.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
	await expect(bo.locator('.session-phone > [aria-live="polite"]')).toHaveText('Now: Vote');
	release();
	await expect(bo.getByRole('button', { name: /as number 1$/ }).first()).toBeVisible();
	await expect(bo.locator('.session-phone > [aria-live="polite"]')).toHaveText('Now: Vote');
	await bo
		.getByRole('button', { name: /as number 1$/ })
		.first()
		.click();
	await expect(bo.getByText('Your ranking is saved.')).toBeVisible();
	await expectNoAxeViolations(bo, 'phone, vote view loaded late');
	await expectNoAxeViolations(phone, 'phone, vote view');
});

test('the console fetches the panels of later phases, its side panels and their texts only after it is usable, and shows the reveal panel at once', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const files = laterViewFiles([...laterPanels, ...sidePanels, ...sidePanelTexts]);
	const console = await room.newPage(browser, { width: 1440, height: 900 });
	// Usable: the session's phase controls show.
	await watchPage(console, 'phase-title');
	await createSessionOnPage(console, 'Light consoles');

	await expect
		.poll(async () => Object.values((await loadTimes(console, Object.values(files))).starts))
		.not.toContain(null);
	const { usableAt, starts } = await loadTimes(console, Object.values(files));
	expect(usableAt).not.toBeNull();
	for (const [source, file] of Object.entries(files))
		expect(starts[file]!, `${source} fetched after the console is usable`).toBeGreaterThan(
			usableAt!
		);

	await console.getByRole('button', { name: 'Start silent writing' }).click();
	await console.getByRole('button', { name: 'Start the round-robin' }).click();
	await expect(console.getByRole('heading', { name: 'Round-robin', level: 2 })).toBeVisible();
	await expectNoAxeViolations(console, 'console, reveal panel');
});

test('a console side panel still on its way keeps its heading and place, the phase runs without it, and focus stays where it was when it comes', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const held = new Set(Object.values(laterViewFiles(sidePanels)).map((file) => `/${file}`));
	const console = await room.newPage(browser, { width: 1440, height: 900 });
	await createSessionOnPage(console, 'Panels on their way');
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await console.route(
		(url) => held.has(url.pathname),
		async (route) => {
			await released;
			await route.continue();
		}
	);
	await console.reload();

	const sideHeadings = [
		'Joining',
		'People (0)',
		'Settings',
		"The group's discussion of question a",
		"Group leader's reflection",
		'Reflections from the group',
		'Workshop report'
	];
	const heading = (name: string) => console.getByRole('heading', { name, level: 2, exact: true });
	const order = () => console.locator('main h2:visible').allTextContents();
	for (const name of sideHeadings)
		await expect(heading(name), `${name} while on its way`).toBeVisible();
	await expect(console.locator('[aria-busy="true"]')).toHaveCount(sideHeadings.length);
	await expectNoAxeViolations(console, 'console, side panels on their way');

	// The phase runs without the side panels; focus stays on what was pressed.
	await console.getByRole('button', { name: 'Start silent writing' }).click();
	const next = console.getByRole('button', { name: 'Start the round-robin' });
	await next.focus();
	const orderBefore = await order();
	const placeBefore = await next.boundingBox();

	release();
	await expect(console.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect(console.getByRole('button', { name: /^Download / })).toBeVisible();
	expect(await order(), 'every panel in its place, under its heading').toEqual(orderBefore);
	await expect(next).toBeFocused();
	expect(await next.boundingBox(), 'what has focus does not move').toEqual(placeBefore);
	await expectNoAxeViolations(console, 'console, side panels here');
});
