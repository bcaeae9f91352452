/**
 * One list for all questions in real Chromium: the facilitator ticks the setting on the
 * console before writing; the screen and two phones (separate browser contexts) show both
 * questions above one list; the phones write into it, the round-robin, the vote and the results
 * run once; nothing offers question b on its own; axe finds nothing in each new state.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newId } from '../integration/helpers/client';
import { createSession, joinPhone } from '../integration/helpers/session';
import type { ParticipantView } from '$lib/domain/session/views';
import { expectNoAxeViolations } from './helpers/axe';
import { roomTracker } from './helpers/room';

const { sockets, newPage } = roomTracker();

async function joinAs(browser: Browser, joinCode: string, name: string): Promise<Page> {
	const page = await newPage(browser, { width: 390, height: 844 }, true);
	await page.goto(`/j/${joinCode}`);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Welcome, ${name}!` })).toBeVisible();
	return page;
}

async function axeAll(pages: Record<string, Page>, state: string) {
	for (const [label, page] of Object.entries(pages))
		await expectNoAxeViolations(page, `${label} (${state})`);
}

test('a one-list session run through reveal, vote and results', async ({
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(120_000);
	const a = 'What works well today?';
	let b = 'What is needed next?';
	const session = await createSession({ url: baseURL! }, { title: 'Sigtuna 3', questions: [a, b] });

	const console = await newPage(browser, { width: 1280, height: 900 });
	await console.goto(session.consolePath);
	const screen = await newPage(browser, { width: 1920, height: 1080 });
	await screen.goto(session.screenPath);
	const aino = await joinAs(browser, session.joinCode, 'Aino');
	const bjorn = await joinAs(browser, session.joinCode, 'Bjørn');
	const pages = { console, screen, aino, bjorn };
	// A third voter over socket.io: a tally is shown only from three ballots (ballot secrecy).
	const camilla = await joinPhone({ url: baseURL! }, session.joinCode, 'Camilla');
	sockets.push(camilla.client);

	// Before writing: the facilitator chooses one list; every view shows both questions together.
	const setting = console.getByRole('checkbox', { name: 'One list for all questions' });
	await setting.check();
	for (const page of [console, screen, aino, bjorn]) {
		await expect(page.getByText('Questions a, b in one list').first()).toBeVisible();
		const heading = page.getByRole('heading', { level: page === console ? 2 : 1 }).filter({
			hasText: a
		});
		await expect(heading).toContainText(`a) ${a}`);
		await expect(heading).toContainText(`b) ${b}`);
	}
	// The console no longer offers to switch to question b.
	await expect(console.getByRole('navigation', { name: 'Questions' })).toHaveCount(0);
	await axeAll(pages, 'one list chosen, lobby');
	await console.screenshot({
		path: testInfo.outputPath('one-list-console-en.png'),
		fullPage: true
	});

	// Silent writing into the one list; the setting is locked from now on.
	await console.getByRole('button', { name: 'Start silent writing' }).click();
	await expect(setting).toBeDisabled();
	await expect(
		console.getByText('Writing has started, so this can no longer be changed.')
	).toBeVisible();
	// Question b's wording can still be fixed: it stands above the list on every phone.
	await console.getByRole('button', { name: `Edit b) : ${b}` }).click();
	b = 'What is needed next year?';
	await console.getByLabel('Question text').fill(b);
	await console
		.locator('form.edit-question')
		.getByRole('button', { name: 'Save', exact: true })
		.click();
	await expect(aino.getByRole('heading', { level: 1 })).toContainText(`b) ${b}`);
	const notes: Record<string, Page> = {
		'A fixed contact person': aino,
		'More time for follow-up': bjorn,
		'One shared form': bjorn
	};
	for (const [text, phone] of Object.entries(notes)) {
		await expect(phone.getByRole('heading', { level: 1 })).toContainText(`b) ${b}`);
		await phone.getByLabel('New note').fill(text);
		await phone.getByRole('button', { name: 'Add note' }).click();
	}
	await expect(aino.getByText('Saved')).toHaveCount(1);
	await expect(bjorn.getByText('Saved')).toHaveCount(2);
	await expect(screen.getByRole('heading', { name: '3 notes written' })).toBeVisible();
	await axeAll(pages, 'one list, write');
	await aino.screenshot({ path: testInfo.outputPath('one-list-phone-en.png') });

	// The round-robin runs once over the list.
	await console.getByRole('button', { name: 'Start the round-robin' }).click();
	await expect(aino.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
	await axeAll(pages, 'one list, reveal');
	await aino.getByRole('button', { name: 'Show this note' }).click();
	await expect(screen.locator('.card-note', { hasText: 'A fixed contact person' })).toBeVisible();
	await expect(bjorn.getByRole('heading', { name: 'It is your turn' })).toBeVisible();
	await console.getByRole('button', { name: /and clarify$/ }).click();
	await expect(console.getByRole('heading', { name: 'Clarify and group', level: 2 })).toBeVisible();

	// One vote over the list: each phone ranks its first choice.
	await console.getByRole('button', { name: 'Start the vote' }).click();
	for (const phone of [aino, bjorn])
		await expect(phone.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
	await axeAll(pages, 'one list, vote');
	for (const phone of [aino, bjorn]) {
		await phone.getByRole('button', { name: /^Add A fixed contact person as number 1/ }).click();
		await expect(phone.getByText('Your ranking is saved.')).toBeVisible();
	}
	const voting = (
		await camilla.client.waitForView(
			(v) => (v.view as ParticipantView).runs[0]!.vote?.items.length === 3
		)
	).view as ParticipantView;
	const item = voting.runs[0]!.vote!.items.find((i) => i.label === 'One shared form')!;
	const cast = (await camilla.client.command('ballot.cast', {
		id: newId(),
		questionId: voting.runs[0]!.id,
		ranking: [item.id]
	})) as { ok: boolean };
	expect(cast.ok).toBe(true);
	await expect(screen.getByText('Votes cast: 3 of 3')).toBeVisible();

	// Results once, with both questions still above them on every view.
	await console.getByRole('button', { name: 'Close the vote and show results' }).click();
	for (const page of [screen, aino, bjorn, console]) {
		await expect(page.locator('.results .row').first()).toContainText('A fixed contact person');
		await expect(page.getByText(`b) ${b}`).first()).toBeVisible();
	}
	await axeAll(pages, 'one list, results');
	await screen.screenshot({ path: testInfo.outputPath('one-list-screen-en.png') });
});
