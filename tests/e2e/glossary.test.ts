/**
 * Språkhjelp in real Chromium: phones in Icelandic and Swedish read a Norwegian note and open
 * its marked terms in their own language; the phone's glossary search; the projector's legend
 * at 1920×1080 and 1280×720; the console; the organiser's glossary editor with CSV import.
 * axe runs on the term popover, the whole glossary and the screen's legend in all six languages;
 * on the search results (the whole glossary's list, filtered) in Icelandic and Swedish.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { browserLocale, languages, translate as tr, type Language } from './helpers/i18n';
import { signInAsOrganiser } from './helpers/organiser';
import type { CreatedSession } from '$lib/server/http/new-session';
import { newId } from '../integration/helpers/client';
import {
	connectConsole,
	joinPhone as joinSocketPhone,
	startWriting
} from '../integration/helpers/session';

test.describe.configure({ mode: 'serial' });

const note = 'Saksbehandleren i NAV har for lite tid til oppfølging';

interface Created {
	joinCode: string;
	consolePath: string;
	screenPath: string;
}

async function createSession(page: Page, language: Language): Promise<Created> {
	const response = await page.request.post('/api/sessions', {
		data: { title: 'Saksbehandlere', questions: ['Hva mangler i samarbeidet med NAV?'], language }
	});
	expect(response.status()).toBe(201);
	return (await response.json()) as Created;
}

interface Phone {
	page: Page;
	context: BrowserContext;
	lang: Language;
}

/** A phone that joins in its browser's language, or switches with the language menu first. */
async function joinPhone(
	browser: Browser,
	code: string,
	name: string,
	lang: Language,
	{ width = 390, switchFrom }: { width?: number; switchFrom?: Language } = {}
): Promise<Phone> {
	const context = await browser.newContext({
		viewport: { width, height: 780 },
		isMobile: true,
		hasTouch: true,
		locale: browserLocale[switchFrom ?? lang]
	});
	const page = await context.newPage();
	await page.goto(`/j/${code}`);
	if (switchFrom) {
		await expect(
			page.getByRole('heading', { name: tr(switchFrom, 'session.phone.joinTitle') })
		).toBeVisible();
		// The join form is on screen before the app starts; the menu switches in place once it has.
		await expect(page.locator('form.join[data-started]')).toHaveCount(1);
		await page.getByLabel(tr(switchFrom, 'language.label'), { exact: true }).selectOption(lang);
	}
	await expect(
		page.getByRole('heading', { name: tr(lang, 'session.phone.joinTitle') })
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await page.locator('#join-name').fill(name);
	await page.getByRole('button', { name: tr(lang, 'session.phone.join'), exact: true }).click();
	await expect(
		page.getByRole('heading', { name: tr(lang, 'session.phone.welcome', { name }) })
	).toBeVisible();
	return { page, context, lang };
}

/** Liv writes the Norwegian note and the facilitator reveals it. */
async function revealNorwegianNote(console: Page, liv: Phone) {
	await console.getByRole('button', { name: tr('en', 'console.next.lobby') }).click();
	await liv.page.locator('#note-draft').fill(note);
	await liv.page.getByRole('button', { name: tr('nb', 'session.write.add') }).click();
	await expect(liv.page.getByText(tr('nb', 'session.write.saved'))).toBeVisible();
	await console.getByRole('button', { name: tr('en', 'console.next.write') }).click();
	await console
		.getByRole('button', { name: tr('en', 'console.revealFor', { name: 'Liv' }) })
		.click();
}

/** Opens a term's popover with the mouse (or a key) and answers the dialog. */
async function openTerm(
	page: Page,
	lang: Language,
	term: string,
	how: 'click' | 'Enter' | ' ' = 'click'
) {
	const button = page.getByRole('button', { name: term, exact: true }).first();
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	if (how === 'click') await button.click();
	else {
		await button.focus();
		await page.keyboard.press(how);
	}
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	const dialog = page.getByRole('dialog', {
		name: `${tr(lang, 'glossary.popover.label')} ${term}`
	});
	await expect(dialog).toBeVisible();
	await expect(dialog).toBeFocused();
	return { button, dialog };
}

/** The projector shows everything without scrollbars; the legend is inside the viewport. */
async function expectScreenFits(screen: Page, label: string) {
	const box = await screen.evaluate(() => {
		const doc = document.documentElement;
		const legend = document.querySelector('aside.legend')?.getBoundingClientRect();
		return {
			scrollHeight: doc.scrollHeight,
			scrollWidth: doc.scrollWidth,
			height: window.innerHeight,
			width: window.innerWidth,
			legendBottom: legend?.bottom ?? 0,
			legendRight: legend?.right ?? 0
		};
	});
	expect(box.scrollHeight, `${label}: page height`).toBeLessThanOrEqual(box.height);
	expect(box.scrollWidth, `${label}: page width`).toBeLessThanOrEqual(box.width);
	expect(box.legendBottom, `${label}: legend bottom`).toBeLessThanOrEqual(box.height);
	expect(box.legendRight, `${label}: legend right`).toBeLessThanOrEqual(box.width);
}

test('an Icelandic and a Swedish phone open the terms of a Norwegian note in their own language', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const consoleContext = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		locale: 'en-GB'
	});
	const console = await consoleContext.newPage();
	const created = await createSession(console, 'sv');
	await console.goto(created.consolePath);
	const screenContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'en-GB'
	});
	const screen = await screenContext.newPage();
	await screen.goto(created.screenPath);

	const liv = await joinPhone(browser, created.joinCode, 'Liv', 'nb');
	// Icelandic from the browser's Accept-Language, on a 360 px phone.
	const ingibjorg = await joinPhone(browser, created.joinCode, 'Ingibjörg', 'is', { width: 360 });
	// Swedish chosen in the language menu of an English phone.
	const asa = await joinPhone(browser, created.joinCode, 'Åsa', 'sv', { switchFrom: 'en' });
	await revealNorwegianNote(console, liv);

	for (const phone of [ingibjorg, asa]) {
		await expect(phone.page.locator('.note', { hasText: 'har for lite tid' })).toBeVisible();
		await expect(
			phone.page.getByRole('heading', {
				name: tr(phone.lang, 'session.phone.revealedNotes', { count: 1 })
			})
		).toBeVisible();
		// Terms are real buttons with 44 px targets, also at 360 px.
		for (const term of ['Saksbehandleren', 'NAV']) {
			const box = await phone.page.getByRole('button', { name: term, exact: true }).boundingBox();
			expect(box!.height, `${term} height on ${phone.lang}`).toBeGreaterThanOrEqual(44);
			expect(box!.width, `${term} width on ${phone.lang}`).toBeGreaterThanOrEqual(44);
			expect(box!.x + box!.width).toBeLessThanOrEqual(phone.lang === 'is' ? 360 : 390);
		}
	}

	// Icelandic: the reader's own language comes first in the popover.
	{
		const page = ingibjorg.page;
		const { button, dialog } = await openTerm(page, 'is', 'Saksbehandleren');
		await expect(dialog.locator('.own .language')).toHaveText('Íslenska');
		await expect(dialog.locator('.own .preferred')).toHaveText('ráðgjafi');
		await expect(dialog.getByRole('listitem').first()).toContainText('saksbehandler');
		const within = await dialog.boundingBox();
		expect(within!.x).toBeGreaterThanOrEqual(0);
		expect(within!.x + within!.width).toBeLessThanOrEqual(360);
		// axe checks this popover (Icelandic, 360 px, this note) in the six-language test below.
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(button).toBeFocused();
		await expect(button).toHaveAttribute('aria-expanded', 'false');

		const nav = await openTerm(page, 'is', 'NAV', 'Enter');
		await expect(nav.dialog.locator('.own .preferred')).toHaveText('Vinnumálastofnun');
		await nav.dialog.getByRole('button', { name: tr('is', 'glossary.popover.close') }).click();
		await expect(nav.dialog).toBeHidden();
		await expect(nav.button).toBeFocused();
	}

	// Swedish: the same note, Swedish terms first; Space opens too.
	{
		const page = asa.page;
		const { dialog } = await openTerm(page, 'sv', 'Saksbehandleren', ' ');
		await expect(dialog.locator('.own .language')).toHaveText('Svenska');
		await expect(dialog.locator('.own .preferred')).toHaveText('handläggare');
		await page.keyboard.press('Escape');
		const nav = await openTerm(page, 'sv', 'NAV');
		await expect(nav.dialog.locator('.own .preferred')).toHaveText('Arbetsförmedlingen');
		// A tap elsewhere closes it.
		await page.getByText(tr('sv', 'session.phone.signedInAs', { name: 'Åsa' })).click();
		await expect(nav.dialog).toBeHidden();

		// The glossary search: any language in, Swedish out, the count announced.
		const opener = page.getByRole('button', { name: tr('sv', 'glossary.open') });
		await opener.click();
		const glossary = page.getByRole('dialog', { name: tr('sv', 'glossary.title') });
		await expect(glossary).toBeVisible();
		const search = glossary.getByRole('searchbox', { name: tr('sv', 'glossary.search.label') });
		await search.fill('saksbehandler');
		const results = glossary.getByRole('list', { name: tr('sv', 'glossary.search.results') });
		await expect(results.getByRole('heading').first()).toHaveText('handläggare');
		const count = await results.locator(':scope > li').count();
		await expect(glossary.getByRole('status')).toHaveText(
			tr('sv', 'glossary.search.found', { count })
		);
		await search.fill('Vinnumálastofnun');
		await expect(results.getByRole('heading').first()).toHaveText('Arbetsförmedlingen');
		await expectNoAxeViolations(page, 'Swedish phone glossary search');
		// In a search field the first Escape clears it (the browser's own behaviour), the next one closes.
		await page.keyboard.press('Escape');
		await expect(search).toHaveValue('');
		await page.keyboard.press('Escape');
		await expect(glossary).toBeHidden();
		await expect(opener).toBeFocused();
	}

	// The projector (Swedish) marks the terms and lists them with their Swedish equivalents.
	const legend = screen.getByRole('complementary', { name: tr('sv', 'glossary.legend.title') });
	await expect(legend).toContainText('Saksbehandleren');
	await expect(legend).toContainText('handläggare');
	await expect(legend).toContainText('Arbetsförmedlingen');
	await expect(screen.locator('.card-note .term-mark')).toHaveCount(3);
	await expect(screen.getByRole('button')).toHaveCount(0);
	await expectScreenFits(screen, '1920×1080');
	await expectNoAxeViolations(screen, 'screen with the legend');
	await screen.setViewportSize({ width: 1280, height: 720 });
	await expect(legend).toBeVisible();
	await expectScreenFits(screen, '1280×720');

	// The console marks terms in notes too.
	const consoleTerm = await openTerm(console, 'en', 'NAV');
	await expect(consoleTerm.dialog.locator('.own .preferred')).toHaveText(
		'public employment service'
	);
	await expectNoAxeViolations(console, 'console with a term popover open');
	await console.keyboard.press('Escape');

	for (const context of [
		consoleContext,
		screenContext,
		liv.context,
		ingibjorg.context,
		asa.context
	])
		await context.close();
});

test('axe finds nothing on the glossary views of phone and screen in any of the six languages', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	const server = { url: baseURL! };
	for (const lang of languages) {
		// The session, Liv's note and its reveal go over socket.io: only the views under test
		// (the reader's phone and the screen) are opened in Chromium.
		const response = await fetch(`${server.url}/api/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				title: 'Saksbehandlere',
				questions: ['Hva mangler i samarbeidet med NAV?'],
				language: lang
			})
		});
		expect(response.status).toBe(201);
		const created = (await response.json()) as CreatedSession;
		const facilitator = await connectConsole(server, created);
		const liv = await joinSocketPhone(server, created.joinCode, 'Liv');
		const reader = await joinPhone(browser, created.joinCode, 'Eir', lang, { width: 360 });
		const questionId = await startWriting(facilitator);
		const noteId = newId();
		expect(
			await liv.client.command('note.add', { id: newId(), questionId, noteId, text: note })
		).toMatchObject({ ok: true });
		for (const [name, payload] of [
			['phase.advance', { from: 'write' }],
			['reveal.next', {}]
		] as const) {
			const ack = await facilitator.command(name, { id: newId(), questionId, ...payload });
			expect(ack, name).toMatchObject({ ok: true });
		}

		const page = reader.page;
		await expect(page.locator('.note', { hasText: 'har for lite tid' })).toBeVisible();
		const { dialog } = await openTerm(page, lang, 'NAV');
		await expect(dialog.locator('.own .language')).toHaveAttribute('lang', lang);
		await expectNoAxeViolations(page, `${lang} phone, term popover`);
		await page.keyboard.press('Escape');

		await page.getByRole('button', { name: tr(lang, 'glossary.open') }).click();
		const glossary = page.getByRole('dialog', { name: tr(lang, 'glossary.title') });
		await expect(glossary.getByRole('status')).toHaveText(/\d/);
		await expectNoAxeViolations(page, `${lang} phone, whole glossary`);
		await glossary.getByRole('searchbox').fill('NAV');
		const list = glossary.getByRole('list', { name: tr(lang, 'glossary.search.results') });
		await expect(list.getByRole('heading').first()).toHaveText(lang === 'nb' ? 'NAV' : /\S/);
		const found = await list.locator(':scope > li').count();
		await expect(glossary.getByRole('status')).toHaveText(
			tr(lang, 'glossary.search.found', { count: found })
		);
		// The whole glossary's list, filtered: axe checks it once at 360 px (Swedish at 390 above).
		if (lang === 'is') await expectNoAxeViolations(page, `${lang} phone, glossary search`);

		const screenContext = await browser.newContext({
			viewport: { width: 1280, height: 720 },
			locale: 'en-GB'
		});
		const screen = await screenContext.newPage();
		await screen.goto(created.screenPath);
		await expect(screen.locator('.card-note .term-mark').first()).toBeVisible();
		const legend = screen.getByRole('complementary', { name: tr(lang, 'glossary.legend.title') });
		// A Norwegian screen has nothing to add to a Norwegian note in a stand-alone session.
		if (lang === 'nb') await expect(legend).toHaveCount(0);
		else await expect(legend).toContainText('NAV');
		await expectScreenFits(screen, `${lang} screen`);
		await expectNoAxeViolations(screen, `${lang} screen with the legend`);

		for (const context of [screenContext, reader.context]) await context.close();
		for (const client of [facilitator, liv.client]) client.close();
	}
});

test('the organiser edits the glossary and imports a CSV file checked row by row', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await signInAsOrganiser(page);
	await page.goto('/organiser/conferences/new');
	await page.locator('#conf-title').fill('Språkhjelp i praksis');
	await page.locator('main button[type="submit"]').click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	const base = `${new URL(page.url()).pathname}/glossary`;

	// The default glossary, one row per concept, the organiser's language first.
	await page.goto(base);
	await expect(
		page.getByRole('heading', { level: 1, name: tr('en', 'glossary.editor.title') })
	).toBeVisible();
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /caseworker/ })).toContainText('saksbehandler');
	await page
		.getByRole('searchbox', { name: tr('en', 'glossary.editor.filter') })
		.fill('arbetsförmedlare');
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: /of/ })).toHaveText(
		/^1 of \d+ concepts shown$/
	);

	// A new concept whose term another concept already has: refused, with the reason by the field.
	await page.getByRole('link', { name: tr('en', 'glossary.editor.add') }).click();
	await expect(page).toHaveURL(`${base}/new`);
	await page.locator('#terms_en').fill('peer support worker');
	await page.locator('#terms_nb').fill('likeperson\nNAV');
	await page.getByRole('button', { name: tr('en', 'glossary.editor.create') }).click();
	const problems = page.getByRole('alert');
	await expect(problems).toContainText(tr('en', 'glossary.editor.problems', { count: 1 }));
	await expect(problems).toContainText('“NAV” is also a term of “public employment service”');
	await expect(page.locator('#terms_nb')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#terms_nb')).toHaveValue('likeperson\nNAV');
	await expectNoAxeViolations(page, 'new concept with an error');
	await page.locator('#terms_nb').fill('likeperson');
	await page.getByRole('button', { name: tr('en', 'glossary.editor.create') }).click();
	await expect(page).toHaveURL(new RegExp(`${base}\\?saved=peer-support-worker`));
	await expect(page.getByRole('status').first()).toHaveText('Saved: peer support worker.');

	// Edit: one more Icelandic term, preferred first.
	await page
		.getByRole('link', { name: tr('en', 'glossary.editor.editConcept', { name: 'caseworker' }) })
		.click();
	await expect(page.locator('#terms_is')).toHaveValue('ráðgjafi');
	await page.locator('#terms_is').fill('ráðgjafi\nfulltrúi');
	await page.getByRole('button', { name: tr('en', 'common.save') }).click();
	await expect(page.getByRole('row', { name: /caseworker/ })).toContainText('fulltrúi');

	// Delete asks first.
	await page
		.getByRole('button', {
			name: tr('en', 'glossary.editor.deleteConcept', { name: 'peer support worker' })
		})
		.click();
	const confirm = page.getByRole('dialog', { name: tr('en', 'glossary.editor.deleteTitle') });
	await expectNoAxeViolations(page, 'delete confirmation');
	await confirm.getByRole('button', { name: tr('en', 'common.delete') }).click();
	await expect(page.getByRole('status').first()).toHaveText('Deleted: peer support worker.');

	// Export: the CSV has every concept and the edit.
	const csv = await (await page.request.get(`${base}/glossary.csv`)).text();
	expect(csv.split('\r\n')[0]!.replace(/;/g, ',')).toBe(
		'\uFEFFid,nb,sv,da,is,fi,en,explanation_nb,explanation_sv,explanation_da,explanation_is,explanation_fi,explanation_en,notes_nb,notes_sv,notes_da,notes_is,notes_fi,notes_en,differs_by_country,unmarked,forms'
	);
	expect(csv).toContain('ráðgjafi | fulltrúi');

	// Import: a bad row is shown and nothing is saved; the corrected file is imported.
	await page.goto(`${base}/import`);
	const file = (rows: string[]) => ({
		name: 'ordliste.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['id;nb;sv;en', ...rows].join('\r\n'))
	});
	await page.getByLabel(tr('en', 'glossary.import.merge')).check();
	await page
		.getByLabel(tr('en', 'glossary.import.file'))
		.setInputFiles(
			file([
				';kompetansebevis;kompetensbevis;certificate of competence',
				';arbeidsveileder;handläggare;work adviser'
			])
		);
	await page.getByRole('button', { name: tr('en', 'glossary.import.check') }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Nothing has been saved' })).toHaveText(
		tr('en', 'glossary.import.rowsWithErrors', { count: 1 })
	);
	await expect(page.getByRole('row', { name: /arbeidsveileder/ })).toContainText(
		'“handläggare” is also a term of “caseworker”'
	);
	await expectNoAxeViolations(page, 'import check with a bad row');
	await page
		.getByLabel(tr('en', 'glossary.import.file'))
		.setInputFiles(
			file([
				';kompetansebevis;kompetensbevis;certificate of competence',
				';likeperson;stödperson;peer worker'
			])
		);
	await page.getByRole('button', { name: tr('en', 'glossary.import.check') }).click();
	await page.getByRole('button', { name: tr('en', 'glossary.import.save', { count: 2 }) }).click();
	await expect(page).toHaveURL(new RegExp(`${base}\\?imported=2`));
	await expect(page.getByRole('row', { name: /peer worker/ })).toContainText('stödperson');

	// Every language titles the list; axe checks list, form and import page in one language (the
	// organiser's pages in English are in axe.test.ts), as the suite's time allows.
	for (const lang of languages) {
		await context.addCookies([{ name: 'lang', value: lang, url: new URL('/', page.url()).href }]);
		await page.goto(base);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			tr(lang, 'glossary.editor.title')
		);
		if (lang === 'nb') await expectNoAxeViolations(page, `${lang} glossary list`);
		await page.goto(`${base}/caseworker`);
		await expect(page.locator('#terms_is')).toBeVisible();
		if (lang === 'nb') await expectNoAxeViolations(page, `${lang} concept form`);
		await page.goto(`${base}/import`);
		if (lang === 'nb') await expectNoAxeViolations(page, `${lang} import page`);
	}
	await context.close();
});
