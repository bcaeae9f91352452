/**
 * The organiser's participant list and the room's languages in real Chromium: a CSV re-import
 * offers update or skip, role words come from the role list and the glossary in six languages,
 * the roster search folds Nordic letters, glossary explanations are read in the reader's own
 * language, and the phone's group name follows a language switch without a reload.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { browserLocale, translate as tr, type Language } from './helpers/i18n';
import { organiserText as o, signInAsOrganiser } from './helpers/organiser';

/** A signed-in organiser's page in English at laptop size. */
async function organiserPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await signInAsOrganiser(page);
	return page;
}

/** A phone in a language, as a person brings it to the conference. */
async function phonePage(browser: Browser, lang: Language): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		locale: browserLocale[lang]
	});
	return context.newPage();
}

/** The demo conference (forty people, two allocated rounds); answers its page's path. */
async function demoConference(page: Page): Promise<string> {
	await page.goto('/organiser');
	await page.getByRole('button', { name: o('home.demo') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/[\w-]+$/.test(url.pathname));
	await page.waitForLoadState('networkidle');
	return new URL(page.url()).pathname;
}

/** Where people pick their name: the conference's /k/ link on its page. */
async function rosterPath(page: Page, conferencePath: string): Promise<string> {
	await page.goto(conferencePath);
	const href = await page.locator('a[href*="/k/"]').first().getAttribute('href');
	return new URL(href!, page.url()).pathname;
}

test('"ode" finds Ødegård on the roster, which ships no script, and a search without a match says so', async ({
	browser
}) => {
	const organiser = await organiserPage(browser);
	const roster = await rosterPath(organiser, await demoConference(organiser));
	await organiser.context().close();

	const phone = await phonePage(browser, 'nb');
	const scripts: string[] = [];
	phone.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await phone.goto(roster);
	const search = phone.getByRole('searchbox', { name: tr('nb', 'conference.roster.search') });
	const names = phone.locator('main li button');
	const status = phone.getByRole('main').getByRole('status');
	await expect(names).toHaveCount(40);
	// Searched on the server: the form sends the query, the page comes back with the names found.
	const found = async (query: string, expected: string[]) => {
		await search.fill(query);
		await search.press('Enter');
		await phone.waitForURL((url) => url.searchParams.get('q') === query);
		await expect(names, `search "${query}"`).toHaveText(expected.map((n) => new RegExp(`^${n}`)));
		await expect(search).toHaveValue(query.trim());
		await expect(status).toHaveText(
			tr('nb', 'conference.roster.found', { count: expected.length })
		);
	};
	// As people type on a phone without Nordic keys, or with another Nordic language's letters.
	await found('ode', ['Bjørn Ødegård']);
	await found('Ödegård', ['Bjørn Ødegård']);
	await found('odegaard', ['Bjørn Ødegård']);
	// Countries in Norwegian order: Danmark, Finland, Island, Norge, Sverige.
	await found('bjorn', ['Ragnheiður Björnsdóttir', 'Bjørn Ødegård', 'Björn Nordström']);
	await phone.screenshot({ path: test.info().outputPath('roster-search-nb.png') });
	await found('saether', ['Ingrid Sæther']);
	await found('säther', ['Ingrid Sæther']);
	await found('thord', ['Þórður Ásgeirsson']);
	await found('gudrun', ['Guðrún Sæmundsdóttir']);
	await found('asheim', ['Siri Åsheim']);
	await found('aasheim', ['Siri Åsheim']);
	await found('kjaergaard', ['Mette Kjærgaard']);
	await found('lofgren', ['Göran Löfgren']);
	await found('ødegård bjørn', ['Bjørn Ødegård']);

	// No match: the page says so in its status, and the search stays as typed.
	await search.fill('Xylofon');
	await search.press('Enter');
	await phone.waitForURL((url) => url.searchParams.get('q') === 'Xylofon');
	await expect(names).toHaveCount(0);
	await expect(status).toHaveText(tr('nb', 'conference.roster.noMatch', { query: 'Xylofon' }));
	await expect(search).toHaveValue('Xylofon');
	await expectNoAxeViolations(phone, 'the roster with no match');
	await phone
		.getByRole('link', { name: tr('nb', 'conference.roster.showAll', { count: 40 }) })
		.click();
	await expect(names).toHaveCount(40);
	await expect(status).toHaveText('');
	// A crowded venue Wi-Fi carries no app code for this page: the HTML alone does it.
	expect(scripts).toEqual([]);
	await phone.context().close();
});

/** A new, empty conference; answers its page's path. */
async function newConference(page: Page, title: string): Promise<string> {
	await page.goto('/organiser/conferences/new');
	await page.locator('#conf-title').fill(title);
	await page.locator('main button[type="submit"]').click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	return new URL(page.url()).pathname;
}

const header = 'Navn;Land;Rolle;Organisasjon;Språk;Nasjonal koordinator';
/** Role words as the organisers of five countries write them: labels, aliases, glossary terms. */
const firstList = [
	'Åse Ødegård;Norge;Arbeidsgiver;Bakeriet AS;nb;',
	'Guðrún Jónsdóttir;Ísland;ráðgjafi;Vinnumálastofnun;is;',
	'Ola Nordmann;Norge;veileder;NAV Fjordvik;nb;',
	'Karin Åberg;Sverige;Arbetstagare;;sv;',
	'Mette Kjær;Danmark;Jobcoach;;da;ja',
	'Päivi Mäkinen;Suomi;työvalmentaja;;fi;',
	'Lars Bæk;Danmark;case manager;;da;',
	'Satu Väänänen;Suomi;työvoimaneuvoja;;fi;',
	'Lena Öberg;Sverige;arbetsförmedlare;;sv;'
];

test('a CSV re-import offers update or skip, and role words from the glossary count in six languages', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const page = await organiserPage(browser);
	const conference = await newConference(page, 'Nordisk dialog – deltakerliste');
	const list = `${conference}/participants`;
	const upload = async (rows: string[]) => {
		await page.goto(`${list}/import`);
		await page.waitForLoadState('networkidle');
		await page.getByLabel(o('import.file')).setInputFiles({
			name: 'deltakere.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([header, ...rows].join('\n'), 'utf8')
		});
		await page.getByRole('button', { name: o('import.check') }).click();
		await expect(page.getByRole('heading', { name: /^Checked: / })).toBeVisible();
	};
	const preview = page.getByRole('table', { name: o('import.allRowsCaption') });
	const previewRow = (name: string) => preview.locator('tbody tr', { hasText: name });
	const listRow = (name: string) => page.locator('tbody tr', { hasText: name });

	// First import: every role word is understood; "veileder" fits two roles, so the preview asks.
	await upload(firstList);
	await expect(
		page.getByRole('status').filter({ hasText: o('import.ready', { count: 9 }) })
	).toBeVisible();
	await expect(previewRow('Guðrún Jónsdóttir')).toContainText('Caseworker');
	await expect(previewRow('Lars Bæk')).toContainText('Caseworker');
	await expect(previewRow('Satu Väänänen')).toContainText('Caseworker');
	await expect(previewRow('Lena Öberg')).toContainText('Caseworker');
	await expect(previewRow('Päivi Mäkinen')).toContainText('Job coach');
	const which = page.getByRole('combobox', {
		name: o('import.roleChoice', { value: 'veileder', row: 4 })
	});
	await expect(which.locator('option:not([value=""])')).toHaveText(['Job coach', 'Caseworker']);
	await expectNoAxeViolations(page, 'the import preview asking for a role');
	// Importing before answering is stopped by the field itself.
	await page.getByRole('button', { name: o('import.confirm', { count: 9 }) }).click();
	await expect(page).toHaveURL(new RegExp(`${list}/import`));
	expect(await which.evaluate((select: HTMLSelectElement) => select.validity.valid)).toBe(false);
	await which.selectOption({ label: 'Caseworker' });
	await page.getByRole('button', { name: o('import.confirm', { count: 9 }) }).click();
	await expect(page).toHaveURL(new RegExp(`${list}\\?imported=9`));
	await expect(listRow('Guðrún Jónsdóttir')).toContainText('Caseworker');
	await expect(listRow('Ola Nordmann')).toContainText('Caseworker');
	await expect(listRow('Lena Öberg')).toContainText('Caseworker');

	// The same file again: nothing to add, nothing to ask (Ola's role is already known).
	await upload(firstList);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expect(
		page.getByRole('status').filter({ hasText: o('import.nothingToImport') })
	).toBeVisible();
	await expect(preview.getByRole('combobox')).toHaveCount(0);
	await expect(previewRow('Ola Nordmann')).toContainText(o('import.rowSame'));
	await expectNoAxeViolations(page, 'the import preview with nothing to import');

	// A corrected file: one new person, two with other details, the rest as they are.
	await upload([
		'Åse Ødegård;Norge;Jobbspesialist;Bakeriet AS;nb;',
		'Guðrún Jónsdóttir;Ísland;ráðgjafi;Vinnumálastofnun Akureyri;is;',
		'Ola Nordmann;Norge;veileder;NAV Fjordvik;nb;',
		'Karin Aberg;Sverige;Arbetstagare;;sv;',
		'Mette Kjær;Danmark;Jobcoach;;da;ja',
		'Päivi Mäkinen;Suomi;työvalmentaja;;fi;',
		'Lars Bæk;Danmark;case manager;;da;',
		'Satu Väänänen;Suomi;työvoimaneuvoja;;fi;',
		'Lena Öberg;Sverige;arbetsförmedlare;;sv;',
		'Sami Virtanen;Suomi;Työnantaja;;fi;'
	]);
	const summary = page.locator('.import-summary');
	await expect(summary).toContainText(o('import.newRows', { count: 1 }));
	await expect(summary).toContainText(o('import.changedRows', { count: 2 }));
	await expect(summary).toContainText(o('import.sameRows', { count: 7 }));
	await expect(previewRow('Karin Aberg')).toContainText(o('import.rowSame'));
	await expect(previewRow('Åse Ødegård')).toContainText('Employer → Job coach');
	await expect(previewRow('Guðrún Jónsdóttir')).toContainText(
		'Vinnumálastofnun → Vinnumálastofnun Akureyri'
	);
	// Update or skip: for the whole import, and row by row where the details differ.
	const choice = page.getByRole('group', { name: o('import.existingLegend', { count: 2 }) });
	await choice.getByRole('radio', { name: o('import.existingUpdate') }).check();
	await page
		.getByRole('combobox', { name: o('import.rowChoice', { row: 2, name: 'Åse Ødegård' }) })
		.selectOption({ label: o('import.choiceSkip') });
	await expectNoAxeViolations(page, 'the import preview with people already on the list');
	await page.getByRole('button', { name: o('import.confirmBoth', { add: 1, update: 1 }) }).click();
	await expect(page).toHaveURL(new RegExp(`${list}\\?imported=1&updated=1`));
	await expect(page.getByRole('status').first()).toContainText(
		o('participants.updated', { count: 1 })
	);
	await expect(page.locator('.page-head .lead')).toHaveText(o('participants.count', { count: 10 }));
	await expect(listRow('Guðrún Jónsdóttir')).toContainText('Vinnumálastofnun Akureyri');
	await expect(listRow('Åse Ødegård')).toContainText('Employer');
	await expect(listRow('Karin Åberg')).toHaveCount(1);
	await expect(listRow('Sami Virtanen')).toContainText('Employer');
	await page.context().close();
});

test('glossary explanations are read in Swedish, Danish, Icelandic and Finnish, not in a neighbour’s language', async ({
	browser
}) => {
	// Four phones, and axe on a dialog that lists the whole glossary.
	test.setTimeout(120_000);
	const creator = await browser.newContext();
	const response = await creator.request.post('/api/sessions', {
		data: { title: 'Saksbehandlere', questions: ['Hva mangler i samarbeidet?'], language: 'nb' }
	});
	expect(response.status()).toBe(201);
	const { joinCode } = (await response.json()) as { joinCode: string };
	await creator.close();

	for (const lang of ['sv', 'da', 'is', 'fi'] as const) {
		const phone = await phonePage(browser, lang);
		await phone.goto(`/j/${joinCode}`);
		await phone.locator('#join-name').fill(`Lesar ${lang}`);
		await phone.getByRole('button', { name: tr(lang, 'session.phone.join'), exact: true }).click();
		await phone.getByRole('button', { name: tr(lang, 'glossary.open') }).click();
		const glossary = phone.getByRole('dialog', { name: tr(lang, 'glossary.title') });
		const search = glossary.getByRole('searchbox', { name: tr(lang, 'glossary.search.label') });
		const results = glossary.getByRole('list', { name: tr(lang, 'glossary.search.results') });
		for (const term of ['saksbehandler', 'arbeid med bistand', 'lønnstilskudd']) {
			await search.fill(term);
			const first = results.locator(':scope > li').first();
			// The explanation is in the reader's language, so no "(Norsk)" or "(English)" after it.
			await expect(first.locator('.explanation > span[lang]'), `${lang}: ${term}`).toHaveAttribute(
				'lang',
				lang
			);
			await expect(first.locator('.in-language')).toHaveCount(0);
		}
		await expectNoAxeViolations(phone, `the ${lang} phone's glossary`);
		await phone.context().close();
	}
});

test('the phone’s group name follows a switch from Icelandic to Finnish without a reload', async ({
	browser
}) => {
	const organiser = await organiserPage(browser);
	const conference = await demoConference(organiser);
	await organiser.goto(`${conference}/rounds`);
	await organiser.locator('ol.rounds > li').first().getByRole('link').first().click();
	await organiser.waitForLoadState('networkidle');
	await organiser.getByRole('button', { name: o('roundDetail.start') }).click();
	await organiser
		.getByRole('dialog', { name: o('roundDetail.startTitle') })
		.getByRole('button', { name: o('roundDetail.startConfirm') })
		.click();
	await expect(
		organiser.getByRole('status').filter({ hasText: o('roundDetail.started') })
	).toBeVisible();
	const roster = await rosterPath(organiser, conference);

	const phone = await phonePage(browser, 'is');
	await phone.goto(roster);
	await phone.getByRole('button', { name: /^Birgitte Frølund/ }).click();
	const groupLine = phone.locator('.group-line');
	await expect(groupLine).toContainText(/^Hópurinn þinn: Atvinnurekendur I{1,2}\b/);
	await phone.evaluate(() => {
		(window as unknown as { samePage: boolean }).samePage = true;
	});

	await phone.getByLabel(tr('is', 'language.label'), { exact: true }).selectOption('fi');
	await expect(phone.locator('html')).toHaveAttribute('lang', 'fi');
	await expect(groupLine).toContainText(/^Ryhmäsi: Työnantajat I{1,2}\b/);
	// Back to Icelandic: the name follows again, still on the same page.
	await phone.getByLabel(tr('fi', 'language.label'), { exact: true }).selectOption('is');
	await expect(groupLine).toContainText(/^Hópurinn þinn: Atvinnurekendur I{1,2}\b/);
	expect(await phone.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(
		true
	);
	await expectNoAxeViolations(phone, 'the Icelandic phone in its group');
	await phone.context().close();
	await organiser.context().close();
});
