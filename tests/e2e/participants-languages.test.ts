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

test('"ode" finds Ødegård on the roster, and a search without a match says so', async ({
	browser
}) => {
	const organiser = await organiserPage(browser);
	const roster = await rosterPath(organiser, await demoConference(organiser));
	await organiser.context().close();

	const phone = await phonePage(browser, 'nb');
	await phone.goto(roster);
	await phone.waitForLoadState('networkidle');
	const search = phone.getByRole('searchbox', { name: tr('nb', 'conference.roster.search') });
	const names = phone.locator('main li button');
	await expect(names).toHaveCount(40);
	const found = async (query: string, expected: string[]) => {
		await search.fill(query);
		await expect(names, `search "${query}"`).toHaveText(expected.map((n) => new RegExp(`^${n}`)));
	};
	// As people type on a phone without Nordic keys, or with another Nordic language's letters.
	await found('ode', ['Bjørn Ødegård']);
	await found('Ödegård', ['Bjørn Ødegård']);
	await found('odegaard', ['Bjørn Ødegård']);
	// Countries in Norwegian order: Danmark, Finland, Island, Norge, Sverige.
	await found('bjorn', ['Ragnheiður Björnsdóttir', 'Bjørn Ødegård', 'Björn Nordström']);
	await found('saether', ['Ingrid Sæther']);
	await found('säther', ['Ingrid Sæther']);
	await found('thord', ['Þórður Ásgeirsson']);
	await found('gudrun', ['Guðrún Sæmundsdóttir']);
	await found('asheim', ['Siri Åsheim']);
	await found('aasheim', ['Siri Åsheim']);
	await found('kjaergaard', ['Mette Kjærgaard']);
	await found('lofgren', ['Göran Löfgren']);
	await found('ødegård bjørn', ['Bjørn Ødegård']);

	// No match: the list says so in a live region, and the search stays as typed.
	const status = phone.getByRole('main').getByRole('status');
	await search.fill('Xylofon');
	await expect(names).toHaveCount(0);
	await expect(status).toHaveText(tr('nb', 'conference.roster.noMatch', { query: 'Xylofon' }));
	await expect(search).toHaveValue('Xylofon');
	await expectNoAxeViolations(phone, 'the roster with no match');
	await search.fill('');
	await expect(names).toHaveCount(40);
	await expect(status).toHaveText('');
	await phone.context().close();
});
