/**
 * Suggested headings in real Chromium, by keyboard alone: the facilitator asks for suggestions,
 * takes one as it is, changes another (new heading, one note unticked) and takes it, and drops
 * the third. A note another console placed after the suggestion came stays where it was put.
 * axe finds nothing on the console with suggestions open. Notes are seeded over socket.io.
 */
import { expect, test, type Page } from '@playwright/test';
import type { FacilitatorView } from '$lib/domain/session/views';
import { newId } from '../integration/helpers/client';
import { connectConsole, createSession, joinPhone } from '../integration/helpers/session';
import { expectNoAxeViolations } from './helpers/axe';
import { roomTracker } from './helpers/room';
import { translate as tr } from './helpers/i18n';

const en = (key: string, params: Record<string, string | number> = {}) => tr('en', key, params);
const { sockets, newPage } = roomTracker();

/** A suggestion's button by its accessible name ("Take : Lists, long": Chromium adds the space). */
const named = (action: 'take' | 'change' | 'drop', heading: string) =>
	new RegExp(
		`^${en(`console.suggest.${action}`)}\\s*:\\s*${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`
	);

async function ok(answer: Promise<unknown>, what: string): Promise<void> {
	const ack = (await answer) as { ok: boolean };
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack)}`);
}

/** Presses Tab until `target` has focus: it can be reached by keyboard, in tab order. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, what: string) {
	for (let presses = 0; presses < 150; presses++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`${what} was not reached with Tab`);
}

const waiting = [
	'Waiting lists for job coaching are too long',
	'The waiting list for a job coach is long',
	'Long waiting lists before coaching starts'
];
const paperwork = [
	'Employers fear the paperwork',
	'Too much paperwork for employers',
	'Paperwork scares small employers'
];
const colleagues = [
	'Colleagues at the workplace help new staff',
	'Helpful colleagues at the workplace'
];

test('a facilitator takes two suggestions and drops one, by keyboard', async ({
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(90_000);
	const server = { url: baseURL! };
	const session = await createSession(server, {
		title: 'Suggestions',
		questions: ['What stands in the way of work?'],
		language: 'en'
	});
	const socketConsole = await connectConsole(server, session);
	const writers = [
		await joinPhone(server, session.joinCode, 'Aino'),
		await joinPhone(server, session.joinCode, 'Bjørn', { transports: ['polling'] })
	];
	sockets.push(socketConsole, ...writers.map((w) => w.client));
	const questionId = socketConsole.view!.view.currentQuestionId;
	await ok(
		socketConsole.command('phase.advance', { id: newId(), questionId, from: 'lobby' }),
		'write'
	);
	for (const [i, text] of [...waiting, ...paperwork, ...colleagues].entries())
		await ok(
			writers[i % 2]!.client.command('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text
			}),
			'note.add'
		);
	for (const [command, from] of [
		['phase.advance', 'write'],
		['reveal.all', null],
		['phase.advance', 'reveal']
	] as const) {
		await ok(
			command === 'reveal.all'
				? socketConsole.command('reveal.all', { id: newId(), questionId })
				: socketConsole.command('phase.advance', { id: newId(), questionId, from: from! }),
			command
		);
	}
	const clarify = await socketConsole.waitForView((v) => v.view.runs[0]!.phase === 'clarify');
	const noteId = (text: string) => clarify.view.runs[0]!.notes.find((n) => n.text === text)!.id;

	const console = await newPage(browser, { width: 1280, height: 900 });
	await console.goto(session.consolePath);
	const ask = console.getByRole('button', { name: en('console.suggest.ask') });
	await expect(ask).toBeVisible();

	// Keyboard only from here on this console.
	await tabTo(console, ask, 'Suggest headings');
	await console.keyboard.press('Enter');
	const list = console.getByRole('list', { name: en('console.suggest.list') });
	const items = list.locator(':scope > li');
	await expect(items).toHaveCount(3);
	await expect(console.getByText(en('console.suggest.found', { count: 3 }))).toBeAttached();
	// Suggestions come in the engine's order (by note id): found by their notes, not by place.
	const takeOf = (heading: string) => console.getByRole('button', { name: named('take', heading) });
	const itemWith = (text: string) => items.filter({ hasText: text });
	const headingOf = async (text: string) =>
		((await itemWith(text).locator('h4').textContent()) ?? '').trim();
	const first = await headingOf(waiting[0]!);
	const second = await headingOf(paperwork[0]!);
	const third = await headingOf(colleagues[0]!);
	expect(new Set([first, second, third]).size).toBe(3);
	// Focus after a take or drop: the suggestion now in its place, else the one before, else asking.
	let remaining = (await items.locator('h4').allTextContents()).map((h) => h.trim());
	const focusAfter = (heading: string) => {
		const index = remaining.indexOf(heading);
		remaining = remaining.filter((h) => h !== heading);
		const next = remaining[index] ?? remaining[index - 1];
		return next
			? takeOf(next)
			: console.getByRole('button', { name: en('console.suggest.askAgain') });
	};
	await expectNoAxeViolations(console, 'the console with suggestions open');
	await list.scrollIntoViewIfNeeded();
	await console.screenshot({ path: testInfo.outputPath('suggestions-console.png') });

	// Meanwhile another console places one of the second suggestion's notes by hand.
	await ok(
		socketConsole.command('cluster.create', {
			id: newId(),
			questionId,
			clusterId: newId(),
			heading: 'BY HAND',
			noteIds: [noteId(paperwork[0]!)]
		}),
		'cluster.create'
	);
	await expect(console.getByRole('heading', { name: 'BY HAND', level: 3 })).toBeVisible();
	await expect(itemWith(paperwork[0]!)).toContainText(en('console.suggest.placed'));

	// Take the first as it is: focus moves on to the next suggestion's Take.
	await tabTo(console, takeOf(first), 'Take of the first suggestion');
	await console.keyboard.press('Enter');
	await expect(console.getByRole('heading', { name: first, level: 3 })).toBeVisible();
	await expect(focusAfter(first)).toBeFocused();
	await expect(
		console.getByText(en('console.suggest.taken', { heading: first, count: 3 }))
	).toBeAttached();

	// Change the second: a new heading, one note unticked; the one placed by hand stays put.
	const changeOf = console.getByRole('button', {
		name: named('change', second)
	});
	await tabTo(console, changeOf, 'Change of the second suggestion');
	await console.keyboard.press('Enter');
	const field = console.getByRole('textbox', { name: en('console.suggest.headingLabel') });
	await expect(field).toBeFocused();
	await console.keyboard.press('ControlOrMeta+a');
	await console.keyboard.type('PAPERWORK');
	const untick = console
		.getByRole('group', { name: en('console.suggest.notesLegend') })
		.getByRole('checkbox', { name: paperwork[2]! });
	await tabTo(console, untick, 'the checkbox of the third paperwork note');
	await console.keyboard.press('Space');
	await expect(untick).not.toBeChecked();
	await tabTo(console, takeOf('PAPERWORK'), 'Take of the changed suggestion');
	await console.keyboard.press('Enter');
	await expect(console.getByRole('heading', { name: 'PAPERWORK', level: 3 })).toBeVisible();
	await expect(focusAfter(second)).toBeFocused();
	await expect(
		console.getByText(
			`${en('console.suggest.taken', { heading: 'PAPERWORK', count: 1 })} ${en('console.suggest.keptPlaced', { count: 1 })}`
		)
	).toBeAttached();

	// Drop the third: nothing changes, and focus goes back to asking.
	const dropOf = console.getByRole('button', { name: named('drop', third) });
	await tabTo(console, dropOf, 'Drop of the third suggestion');
	await console.keyboard.press('Enter');
	await expect(items).toHaveCount(0);
	await expect(focusAfter(third)).toBeFocused();
	await expect(console.getByText(en('console.suggest.dropped', { heading: third }))).toBeAttached();
	await expectNoAxeViolations(console, 'the console after taking and dropping suggestions');

	// The server holds exactly what was taken: nothing moved that someone had placed.
	const done = await socketConsole.waitForView(
		(v) => (v.view as FacilitatorView).runs[0]!.clusters.length === 3
	);
	const clusters = (done.view as FacilitatorView).runs[0]!.clusters;
	const under = (heading: string) => clusters.find((c) => c.heading === heading)?.noteIds.sort();
	expect(under('BY HAND')).toEqual([noteId(paperwork[0]!)]);
	expect(under(first)).toEqual(waiting.map(noteId).sort());
	expect(under('PAPERWORK')).toEqual([noteId(paperwork[1]!)]);
	const grouped = clusters.flatMap((c) => c.noteIds);
	for (const text of [paperwork[2]!, ...colleagues]) expect(grouped).not.toContain(noteId(text));
});
