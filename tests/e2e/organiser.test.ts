import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { expectTouchTargets } from './helpers/touch';
import { text, translate } from './helpers/i18n';
import { e2eOrganiser, organiserText as o, signInAsOrganiser } from './helpers/organiser';

// One organiser working through a conference from the first run to starting round 1: each
// step builds on the one before, so the steps run in order in one browser context.
// Every page state is checked for touch targets; axe runs on each state axe.test.ts does not
// already check the same way (English, signed in): a blank form or a listing it checks on the
// demo conference (the new conference page, the participant import page, the roles, badges
// and accounts pages) is left to it.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let context: BrowserContext;
let page: Page;
let conferenceUrl = '';
let round1Url = '';

test.beforeAll(async ({ browser }) => {
	context = await browser.newContext({ locale: 'en-GB' });
	page = await context.newPage();
});

test.afterAll(async () => {
	await context.close();
});

/** Loads a page and waits until the app has started (event handlers attached). */
async function open(path: string) {
	const response = await page.goto(path);
	await page.waitForLoadState('networkidle');
	return response;
}

/** The page is checked by axe (unless axe.test.ts checks it the same way) and for touch targets. */
async function checkPage(label: string, { axe = true }: { axe?: boolean } = {}) {
	if (axe) await expectNoAxeViolations(page, label);
	await expectTouchTargets(page, label);
}

/** A page state axe.test.ts already checks with axe: the same form or listing, in English. */
const inAxeTest = { axe: false };

/** Allocates a round from its page: the preview first, then applying it. */
async function allocate() {
	await page.getByRole('button', { name: o('roundDetail.allocation.preview') }).click();
	await page.getByRole('button', { name: o('roundDetail.allocation.apply') }).click();
	await expect(page.getByText(o('roundDetail.allocated')).first()).toBeVisible();
}

const participantsCsv = (badCountry: string) =>
	[
		'Navn;Land;Rolle;Organisasjon;Språk;Nasjonal koordinator',
		'Åse Ødegård;Norge;Arbeidsgiver;Bakeriet AS;nb;',
		'Bjørn Haugland;Norge;Arbeidsgiver;;nb;',
		'Dagný Sigurðardóttir;Ísland;Arbeidsgiver;;is;',
		'Frida Nyström;Sverige;Arbetsgivare;;sv;',
		'Henrik Møller;Danmark;Arbejdsgiver;;da;',
		`Jóhann Ólafsson;${badCountry};Arbeidstaker;;is;`,
		'Karin Åberg;Sverige;Arbetstagare;;sv;',
		'Lars Bæk;Danmark;Arbejdstager;;da;',
		'Mette Kjær;Danmark;Jobcoach;;da;ja',
		'Päivi Mäkinen;Suomi;Työvalmentaja;;fi;',
		'Þóra Sigurðardóttir;Ísland;jobbcoach;;is;ja',
		'Nils Ødegård;Norge;Saksbehandler;NAV;nb;ja'
	].join('\n');

test('first run: the setup page creates the first organiser, with errors next to the fields', async () => {
	// Any organiser page leads to the setup while there is no organiser.
	await open('/organiser/accounts');
	if (new URL(page.url()).pathname !== '/organiser/setup') {
		// Another test created the run's organiser first: sign in instead.
		await signInAsOrganiser(page);
		return;
	}
	await expect(page).toHaveTitle(o('setup.pageTitle'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(o('setup.title'));
	await checkPage('the first-run setup page');

	// Too short a password: the message sits by the field, and what was typed stays.
	await page.getByLabel(o('account.username')).fill(e2eOrganiser.username);
	await page.getByLabel(o('account.displayName')).fill(e2eOrganiser.displayName);
	await page.getByLabel(o('account.password'), { exact: true }).fill('kort');
	await page.getByLabel(o('account.confirm')).fill('kort');
	await page.getByRole('button', { name: o('setup.submit') }).click();
	const password = page.getByLabel(o('account.password'), { exact: true });
	await expect(password).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#password-error')).toHaveText(o('account.passwordShort', { min: 10 }));
	await expect(password).toHaveAttribute('aria-describedby', /password-error/);
	await expect(page.getByLabel(o('account.username'))).toHaveValue(e2eOrganiser.username);
	await checkPage('the setup page with an error');

	// Passwords that differ.
	await password.fill(e2eOrganiser.password);
	await page.getByLabel(o('account.confirm')).fill(`${e2eOrganiser.password}!`);
	await page.getByRole('button', { name: o('setup.submit') }).click();
	await expect(page.locator('#confirm-error')).toHaveText(o('account.confirmMismatch'));

	await page.getByLabel(o('account.confirm')).fill(e2eOrganiser.password);
	await page.getByRole('button', { name: o('setup.submit') }).click();
	await expect(page).toHaveURL(/\/organiser$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(o('home.title'));
	await expect(page.getByText(e2eOrganiser.displayName).first()).toBeVisible();

	// The setup page is gone once an organiser exists.
	await open('/organiser/setup');
	await expect(page).toHaveURL(/\/organiser$/);
});

test('sign-in: translated errors, a rate limit, a safe next page and an HttpOnly cookie', async ({
	browser
}) => {
	const guest = await browser.newContext({ locale: 'en-GB' });
	const login = await guest.newPage();
	await login.goto('/organiser/accounts?x=1');
	await expect(login).toHaveURL(/\/organiser\/login\?next=/);
	await login.waitForLoadState('networkidle');
	await expect(login).toHaveTitle(o('login.pageTitle'));
	await expectNoAxeViolations(login, 'the login page');
	await expectTouchTargets(login, 'the login page');

	await login.getByLabel(o('account.username')).fill(e2eOrganiser.username);
	await login.getByLabel(o('account.password')).fill('not the password');
	await login.getByRole('button', { name: o('login.submit') }).click();
	await expect(login.getByRole('alert')).toHaveText(o('login.wrong'));
	await expect(login.getByLabel(o('account.username'))).toHaveValue(e2eOrganiser.username);
	await expect(login.getByLabel(o('account.password'))).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(login, 'the login page with an error');

	// Guessing one user name's password is slowed down, with a message that says how long.
	for (let attempt = 0; attempt < 9; attempt++) {
		await login.getByLabel(o('account.username')).fill('nobody.here');
		await login.getByLabel(o('account.password')).fill(`guess number ${attempt}`);
		await login.getByRole('button', { name: o('login.submit') }).click();
		await expect(login.getByRole('alert')).toBeVisible();
	}
	const [waitBefore, waitAfter] = text('en', 'errors.rate_limited', { seconds: '<n>' }).split(
		'<n>'
	);
	const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await expect(login.getByRole('alert')).toHaveText(
		new RegExp(`^${escape(waitBefore!)}\\d+${escape(waitAfter!)}$`)
	);

	// Another site as the next page is ignored.
	await login.goto('/organiser/login?next=//evil.example/steal');
	await login.waitForLoadState('networkidle');
	await login.getByLabel(o('account.username')).fill(e2eOrganiser.username);
	await login.getByLabel(o('account.password')).fill(e2eOrganiser.password);
	await login.getByRole('button', { name: o('login.submit') }).click();
	await expect(login).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/organiser$/);
	const cookie = (await guest.cookies()).find((c) => c.name === 'samrad_organiser');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });

	// Signing out is a POST and ends the session.
	await login
		.getByRole('button', { name: o('nav.signOut') })
		.first()
		.click();
	await expect(login).toHaveURL(/\/organiser\/login/);
	await login.goto('/organiser');
	await expect(login).toHaveURL(/\/organiser\/login/);
	await guest.close();
});

test('the conference list, a new conference and its setup', async () => {
	await signInAsOrganiser(page);
	await checkPage('the conference list');
	await page
		.getByRole('link', { name: o('home.new') })
		.first()
		.click();
	await expect(page).toHaveURL(/\/organiser\/conferences\/new$/);
	await page.waitForLoadState('networkidle');
	await expect(page).toHaveTitle(o('newConference.pageTitle'));
	await checkPage('the new conference page', inAxeTest);

	// A last day before the first: the error is by the field and what was typed stays.
	await page.locator('#conf-title').fill('Nordisk dialog om supported employment');
	await page.locator('#conf-venue').fill('Sigtunastiftelsen, Sigtuna');
	await page.locator('#conf-start').fill('2026-05-06');
	await page.locator('#conf-end').fill('2026-05-05');
	await page.getByRole('button', { name: o('newConference.submit') }).click();
	await expect(page.locator('#conf-end-error')).toHaveText(o('invalid.endDate'));
	await expect(page.locator('#conf-end')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#conf-title')).toHaveValue('Nordisk dialog om supported employment');

	await page.locator('#conf-end').fill('2026-05-06');
	await page.getByRole('button', { name: o('newConference.submit') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/(?!new$)[\w-]+$/.test(url.pathname));
	conferenceUrl = new URL(page.url()).pathname;
	await page.waitForLoadState('networkidle');
	await expect(page).toHaveTitle(
		o('conferenceHome.pageTitle', { title: 'Nordisk dialog om supported employment' })
	);
	await expect(page.locator('.join-code .code')).toHaveText(/^[2-9A-HJKMNP-Z]{6}$/);
	await checkPage('the conference home');

	// Setup: the about text and the report's sign-off are saved and shown again.
	await page
		.getByRole('navigation', { name: o('sections.label') })
		.getByRole('link', { name: o('sections.setup') })
		.click();
	await expect(page).toHaveURL(`${conferenceUrl}/setup`);
	await page.waitForLoadState('networkidle');
	await page
		.locator('#conf-about')
		.fill('Dialog mellom arbeidsgivere, arbeidstakere og jobbspesialister.');
	await page
		.getByRole('textbox', { name: o('details.introductionBy') })
		.fill('Øystein Spjelkavik (prosjektleder)');
	await page
		.getByRole('group', { name: o('details.titlePage') })
		.getByRole('textbox', { name: o('details.organisation') })
		.fill('Prosjekt SE-Norden');
	await page.getByRole('button', { name: o('setupPage.submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: o('setupPage.saved') })).toBeVisible();
	await expect(page.locator('#conf-about')).toHaveValue(
		'Dialog mellom arbeidsgivere, arbeidstakere og jobbspesialister.'
	);
	// Reloaded from the server, not what the browser kept.
	await page.reload();
	await expect(page.locator('#conf-introduction-by')).toHaveValue(
		'Øystein Spjelkavik (prosjektleder)'
	);
	await expect(page.locator('#conf-organisation')).toHaveValue('Prosjekt SE-Norden');
	await expect(page.locator('#conf-author')).toHaveValue('');
	await checkPage('the setup page');

	// Deleting asks first; cancelling keeps everything.
	await page.getByRole('button', { name: o('setupPage.delete') }).click();
	const dialog = page.getByRole('dialog', { name: o('setupPage.deleteConfirmTitle') });
	await expect(dialog).toBeVisible();
	await expectNoAxeViolations(page, 'the delete confirmation');
	await dialog.getByRole('button', { name: text('en', 'common.cancel') }).click();
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL(`${conferenceUrl}/setup`);
});

test('the programme: an item with a bad time is refused, then listed by day and time', async () => {
	await open(`${conferenceUrl}/programme`);
	await expect(page.getByText(o('programme.emptyTitle'))).toBeVisible();
	await checkPage('the empty programme');

	await page.locator('#item-day').fill('2026-05-06');
	await page.locator('#item-start').fill('10:15');
	await page.locator('#item-end').fill('09:00');
	await page.locator('#item-title').fill('Gruppe 1');
	await page.getByRole('radio', { name: o('programme.kinds.group') }).check();
	await page.getByRole('button', { name: o('programme.add') }).click();
	await expect(page.locator('#item-end-error')).toHaveText(o('invalid.end'));
	await expect(page.locator('#item-title')).toHaveValue('Gruppe 1');

	await page.locator('#item-end').fill('11:30');
	await page.getByRole('button', { name: o('programme.add') }).click();
	await expect(page.getByRole('status')).toHaveText(o('programme.added', { title: 'Gruppe 1' }));
	await page.locator('#item-start').fill('09:00');
	await page.locator('#item-end').fill('10:00');
	await page.locator('#item-title').fill('Innledning');
	await page.getByRole('button', { name: o('programme.add') }).click();
	await expect(page.getByRole('status')).toHaveText(o('programme.added', { title: 'Innledning' }));

	const items = page.locator('.items li .item-title');
	await expect(items).toHaveText(['Innledning', 'Gruppe 1']);
	await expect(page.locator('.day h3')).toHaveText(['Wednesday 6 May']);
	await checkPage('the programme');
});

test('CSV import: a bad row is shown and nothing is saved, then the fixed file imports', async () => {
	await open(`${conferenceUrl}/participants`);
	await expect(page.getByText(o('participants.emptyTitle'))).toBeVisible();
	await checkPage('the empty participant list');

	await page
		.getByRole('link', { name: o('participants.import') })
		.first()
		.click();
	await expect(page).toHaveURL(`${conferenceUrl}/participants/import`);
	await page.waitForLoadState('networkidle');
	await checkPage('the import page', inAxeTest);

	const upload = async (csv: string) => {
		await page.getByLabel(o('import.file')).setInputFiles({
			name: 'deltakere.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv, 'utf8')
		});
		await page.getByRole('button', { name: o('import.check') }).click();
	};

	await upload(participantsCsv('Atlantis'));
	await expect(page.getByRole('alert')).toContainText(
		o('import.rowProblems', { count: 1, total: 12 })
	);
	await expect(page.getByRole('alert')).toContainText(o('import.nothingSaved'));
	const problems = page.getByRole('table', { name: o('import.badRowsTitle') });
	await expect(problems.locator('tbody tr')).toHaveCount(1);
	await expect(problems.locator('tbody tr')).toContainText(
		o('import.fieldErrors.unknown_country', { value: 'Atlantis' })
	);
	await expect(page.getByRole('button', { name: /^Import \d+ participants?$/ })).toHaveCount(0);
	await checkPage('the import preview with an error');

	// Nothing was saved.
	await open(`${conferenceUrl}/participants`);
	await expect(page.getByText(o('participants.emptyTitle'))).toBeVisible();

	await open(`${conferenceUrl}/participants/import`);
	await upload(participantsCsv('Ísland'));
	await expect(page.getByRole('status')).toContainText(o('import.ready', { count: 12 }));
	await checkPage('the import preview, ready');
	await page.getByRole('button', { name: o('import.confirm', { count: 12 }) }).click();

	await expect(page).toHaveURL(new RegExp(`${conferenceUrl}/participants\\?imported=12`));
	await expect(page.getByRole('status').first()).toHaveText(
		o('participants.imported', { count: 12 })
	);
	// By country as in the report, the national coordinator first.
	await expect(page.locator('.country h3')).toHaveText([
		'Denmark (3)',
		'Finland (1)',
		'Iceland (3)',
		'Norway (3)',
		'Sweden (2)'
	]);
	await expect(page.locator('#country-NO').locator('..').locator('tbody th')).toHaveText([
		/^Nils Ødegård/,
		/^Åse Ødegård/,
		/^Bjørn Haugland/
	]);
	await checkPage('the participant list');

	await open(`${conferenceUrl}/participants/roles`);
	await checkPage('the roles page', inAxeTest);
});

test('rounds: by role with a size limit, and by country', async () => {
	await open(`${conferenceUrl}/rounds`);
	await expect(page.getByText(o('rounds.emptyTitle'))).toBeVisible();
	await checkPage('the empty rounds page');

	// A size outside the limits is refused by the field.
	await page.locator('#new-round-title').fill('Første gruppearbeid');
	await page.getByRole('radio', { name: new RegExp(`^${o('rounds.rules.role')}`) }).check();
	await page.locator('#new-round-size').fill('1');
	await page
		.locator('#new-round-questions')
		.fill('Hva slags støtte er viktig for å beholde jobben?\nHva mangler?');
	await page.getByRole('button', { name: o('rounds.create') }).click();
	await expect(page.locator('#new-round-size-error')).toHaveText(
		o('invalid.maxGroupSize', { min: 2, max: 60 })
	);
	await expect(page.locator('#new-round-title')).toHaveValue('Første gruppearbeid');

	await page.locator('#new-round-size').fill('4');
	await page.getByRole('button', { name: o('rounds.create') }).click();
	await page.waitForURL(new RegExp(`${conferenceUrl}/rounds/[\\w-]+$`));
	round1Url = new URL(page.url()).pathname;
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(o('roundDetail.emptyTitle'))).toBeVisible();
	await checkPage('a round before allocation');

	await allocate();
	await expect(page.locator('article.group h3')).toHaveText([
		'Workers',
		'Employers I',
		'Employers II',
		'Job coaches',
		'Caseworkers'
	]);
	// Five employers with at most four per group: split in two, nobody over the limit.
	for (const group of await page.locator('article.group').all()) {
		expect(await group.locator('.people li').count()).toBeLessThanOrEqual(4);
	}
	await expect(
		page.getByRole('article', { name: 'Employers I', exact: true }).locator('.people li')
	).toHaveCount(3);
	await expect(
		page.getByRole('article', { name: 'Employers II', exact: true }).locator('.people li')
	).toHaveCount(2);
	await checkPage('round 1 allocated by role');

	// Round 2 by country, without questions yet.
	await open(`${conferenceUrl}/rounds`);
	await page.locator('#new-round-title').fill('Andre gruppearbeid');
	await page.getByRole('radio', { name: new RegExp(`^${o('rounds.rules.country')}`) }).check();
	await page.locator('#new-round-size').fill('12');
	await page.getByRole('button', { name: o('rounds.create') }).click();
	await expect(page).toHaveURL(new RegExp(`${conferenceUrl}/rounds/[\\w-]+$`));
	await page.waitForLoadState('networkidle');
	await allocate();
	await expect(page.locator('article.group h3')).toHaveText([
		'Denmark',
		'Finland',
		'Iceland',
		'Norway',
		'Sweden'
	]);

	// Starting a round without questions says what is missing.
	await page.getByRole('button', { name: o('roundDetail.start') }).click();
	await page
		.getByRole('dialog', { name: o('roundDetail.startTitle') })
		.getByRole('button', { name: o('roundDetail.startConfirm') })
		.click();
	await expect(page.getByRole('alert')).toHaveText(
		text('en', 'errors.group_without_questions', { group: 'Denmark' })
	);
	await checkPage('round 2 allocated by country');

	await open(`${conferenceUrl}/rounds`);
	await expect(page.locator('ol.rounds h3')).toHaveText([
		o('rounds.numbered', { number: 1, title: 'Første gruppearbeid' }),
		o('rounds.numbered', { number: 2, title: 'Andre gruppearbeid' })
	]);
	await checkPage('the rounds page');
});

test('moving a person to another group with the keyboard only', async () => {
	await open(round1Url);
	const workers = page.getByRole('article', { name: 'Workers' });
	const coaches = page.getByRole('article', { name: 'Job coaches' });
	const person = workers.getByRole('checkbox', { name: 'Lars Bæk', exact: true });

	// Keyboard only: tick with Space, choose the group with the arrow keys, Tab to Move, Enter.
	await person.focus();
	await page.keyboard.press('Space');
	await expect(person).toBeChecked();
	const bar = page.locator('#selection');
	await expect(bar.getByRole('heading')).toHaveText(o('roundDetail.bulk.selected', { count: 1 }));
	const select = bar.getByLabel(o('roundDetail.bulk.group'));
	await select.focus();
	const options = await select.locator('option').allTextContents();
	const current = options.indexOf(await select.locator('option:checked').innerText());
	for (let i = current; i < options.indexOf('Job coaches'); i++)
		await page.keyboard.press('ArrowDown');
	await expect(select.locator('option:checked')).toHaveText('Job coaches');
	await page.keyboard.press('Tab');
	await expect(bar.getByRole('button', { name: o('roundDetail.bulk.move') })).toBeFocused();
	await page.keyboard.press('Enter');

	const moved = coaches.locator('.people li', { hasText: 'Lars Bæk' });
	await expect(moved).toBeVisible();
	await expect(moved.getByText(o('roundDetail.pinned'))).toBeVisible();
	await expect(workers.locator('.people li', { hasText: 'Lars Bæk' })).toHaveCount(0);
	await expect(page.locator('[role="status"][aria-live="polite"]').first()).toHaveText(
		o('roundDetail.bulk.moved', { count: 1, group: 'Job coaches' })
	);
	// Focus follows the person to the new group, ready for another move.
	await expect(coaches.getByRole('checkbox', { name: 'Lars Bæk', exact: true })).toBeFocused();

	// Re-allocating keeps the hand move: with everyone placed there is nothing to change.
	await page.getByRole('button', { name: o('roundDetail.allocation.preview') }).click();
	await expect(page.getByText(o('roundDetail.allocation.nothing'))).toBeVisible();
	await expect(coaches.locator('.people li', { hasText: 'Lars Bæk' })).toBeVisible();
	await checkPage('round 1 after a move');
});

test('leaders and own questions per group, then starting round 1 creates each group’s session', async () => {
	await open(round1Url);
	const employers = page.getByRole('article', { name: 'Employers I', exact: true });
	await employers.getByText(o('roundDetail.group.edit')).click();
	const firstMember = (await employers.locator('.people li .name').first().textContent())!.trim();
	const leaders = employers.getByRole('group', { name: o('roundDetail.leaders') });
	await leaders.getByRole('checkbox', { name: firstMember }).check();
	await employers.getByRole('button', { name: o('roundDetail.group.saveLeaders') }).click();
	await expect(employers.getByText(o('roundDetail.leader'), { exact: true })).toBeVisible();
	await employers
		.getByLabel(o('roundDetail.groupQuestions'))
		.fill(
			'Hva slags støtte er viktig for at arbeidstakeren får og holder jobben hos deg?\nHva mangler?'
		);
	await employers.getByRole('button', { name: o('roundDetail.group.saveQuestions') }).click();
	await expect(employers.getByText(o('roundDetail.ownQuestions', { count: 2 }))).toBeVisible();

	await page.getByRole('button', { name: o('roundDetail.start') }).click();
	const dialog = page.getByRole('dialog', { name: o('roundDetail.startTitle') });
	await expect(dialog).toBeVisible();
	await expectNoAxeViolations(page, 'the start confirmation');
	await dialog.getByRole('button', { name: o('roundDetail.startConfirm') }).click();
	await expect(
		page.getByRole('status').filter({ hasText: o('roundDetail.started') })
	).toBeVisible();
	await expect(page.locator('.page-head .pill')).toHaveText(o('rounds.status.running'));
	await checkPage('round 1 running');

	// The conference home lists each group's leader links.
	await open(conferenceUrl);
	const rows = page.locator('table tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.first().locator('th')).toHaveText('Workers');
	const consoleLinks = page.locator('table a[href*="/console/"]');
	const screenLinks = page.locator('table a[href*="/screen/"]');
	await expect(consoleLinks).toHaveCount(5);
	await expect(screenLinks).toHaveCount(5);
	const consoleHref = (await consoleLinks.first().getAttribute('href'))!;
	expect((await page.request.get(new URL(consoleHref).pathname)).status()).toBe(200);
	await checkPage('the conference home with a running round');

	// A message to every screen and phone, then cleared.
	await page
		.getByRole('textbox', { name: o('notice.label'), exact: true })
		.fill('Vi samles i plenumssalen kl. 13.30');
	await page.getByRole('button', { name: o('notice.send') }).click();
	await expect(page.locator('.notice-text')).toHaveText('Vi samles i plenumssalen kl. 13.30');
	await page.getByRole('button', { name: o('notice.clear') }).click();
	await expect(page.locator('.notice-text')).toHaveCount(0);
});

test('two groups run in parallel on their own phones while the overview follows live; the plenum shows both', async ({
	browser
}) => {
	test.setTimeout(240_000);
	// Who sits in the two employer groups, from the round page.
	await open(round1Url);
	const membersOf = async (name: string) =>
		(
			await page
				.getByRole('article', { name, exact: true })
				.locator('.people li .name')
				.allTextContents()
		).map((n) => n.trim());
	const groups = {
		'Employers I': await membersOf('Employers I'),
		'Employers II': await membersOf('Employers II')
	};
	expect(groups['Employers I']).toHaveLength(3);
	expect(groups['Employers II']).toHaveLength(2);

	await open(conferenceUrl);
	const overview = page.getByRole('region', { name: /^Live: Første gruppearbeid/ });
	await expect(overview).toBeVisible();
	const joinPath = new URL((await page.locator('a[href*="/k/"]').first().getAttribute('href'))!)
		.pathname;
	const plenumPath = new URL(
		(await page.locator('a[href*="/plenum/"]').first().getAttribute('href'))!
	).pathname;
	const consoleOf = async (group: string) =>
		new URL(
			(await page
				.locator('table tbody tr', {
					has: page.locator('th', { hasText: new RegExp(`^${group}$`) })
				})
				.locator('a[href*="/console/"]')
				.getAttribute('href'))!
		).pathname;

	const contexts: BrowserContext[] = [];
	const newPage = async (options: Parameters<typeof browser.newContext>[0]) => {
		const created = await browser.newContext({ locale: 'en-GB', ...options });
		contexts.push(created);
		return created.newPage();
	};

	// Each person picks their name from the roster and lands in their group's session.
	const phones = new Map<string, Page>();
	for (const [group, names] of Object.entries(groups)) {
		for (const name of names) {
			const phone = await newPage({
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true
			});
			await phone.goto(joinPath);
			await phone.getByRole('button', { name: new RegExp(`^${name}`) }).click();
			await expect(phone.getByText(`Your group: ${group}`)).toBeVisible();
			phones.set(name, phone);
		}
	}
	await expectNoAxeViolations(phones.values().next().value!, 'a conference phone in its group');

	const consoles = new Map<string, Page>();
	for (const group of Object.keys(groups)) {
		const facilitator = await newPage({ viewport: { width: 1280, height: 900 } });
		await facilitator.goto(await consoleOf(group));
		await expect(
			facilitator.getByRole('heading', {
				name: 'People (' + groups[group as keyof typeof groups].length + ')'
			})
		).toBeVisible();
		consoles.set(group, facilitator);
	}

	// Both groups write at the same time; the overview shows both progressing.
	for (const facilitator of consoles.values())
		await facilitator.getByRole('button', { name: 'Start silent writing' }).click();
	for (const [group, names] of Object.entries(groups)) {
		for (const name of names) {
			const phone = phones.get(name)!;
			await phone.getByLabel('New note').fill(`${group}: ${name} says fast contact person`);
			await phone.getByRole('button', { name: 'Add note' }).click();
			await expect(phone.getByText('Saved')).toHaveCount(1);
		}
	}
	for (const [group, names] of Object.entries(groups)) {
		const card = overview
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: group, exact: true }) });
		await expect(card.getByText('Silent writing')).toBeVisible();
		await expect(card.locator('dd').nth(1)).toHaveText(String(names.length));
	}
	await expectNoAxeViolations(page, 'the live overview while two groups write');

	// A term added to the glossary now reaches the open phones without a reload.
	await open(`${conferenceUrl}/glossary/new`);
	await page.locator('#terms_en').fill('contact person');
	await page.locator('#terms_nb').fill('kontaktperson');
	await page.getByRole('button', { name: 'Add to the glossary' }).click();
	await expect(page).toHaveURL(/\/glossary\?saved=/);
	await open(conferenceUrl);

	// Round-robin, then the vote: every phone ranks its group's notes.
	for (const facilitator of consoles.values()) {
		await facilitator.getByRole('button', { name: 'Start the round-robin' }).click();
		await facilitator.getByRole('button', { name: /and clarify$/ }).click();
		await facilitator.getByRole('button', { name: 'Start the vote' }).click();
	}
	for (const names of Object.values(groups)) {
		for (const name of names) {
			const phone = phones.get(name)!;
			await expect(phone.getByRole('heading', { name: 'Your private vote' })).toBeVisible();
			await expect(
				phone.getByRole('button', { name: 'contact person', exact: true }).first()
			).toBeVisible();
			await phone
				.getByRole('button', { name: /as number 1$/ })
				.first()
				.click();
			await expect(phone.getByText('Your ranking is saved.')).toBeVisible();
		}
	}
	for (const [group, names] of Object.entries(groups)) {
		const card = overview
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: group, exact: true }) });
		await expect(card.locator('dd').nth(2)).toHaveText(`${names.length} / ${names.length}`);
	}
	for (const facilitator of consoles.values()) {
		await facilitator.getByRole('button', { name: 'Close the vote and show results' }).click();
	}
	for (const group of Object.keys(groups)) {
		const card = overview
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: group, exact: true }) });
		await expect(card.getByText('Results', { exact: true })).toBeVisible();
	}

	// The plenum screen: the round at a glance with both groups' top items, then group by group.
	const plenum = await newPage({ viewport: { width: 1920, height: 1080 } });
	await plenum.goto(plenumPath);
	await open(`${conferenceUrl}/plenum`);
	await page.getByRole('button', { name: o('plenum.next') }).click();
	for (const [group, names] of Object.entries(groups)) {
		// A tally of two ballots would tell each voter the other's: Employers II (two people) has none.
		const shown = names.length >= 3 ? 1 : 0;
		await expect(plenum.locator('.tile .top-item', { hasText: `${group}:` })).toHaveCount(shown);
	}
	await expectNoAxeViolations(plenum, 'the plenum screen, round at a glance');
	const headings: string[] = [];
	for (let i = 0; i < 5; i++) {
		await page.getByRole('button', { name: o('plenum.next') }).click();
		const heading = plenum.locator('.group-head h1');
		await expect(heading).toBeVisible();
		// The screen follows the organiser over the socket: wait until it has moved on.
		if (headings.length > 0) await expect(heading).not.toHaveText(headings.at(-1)!);
		headings.push((await heading.textContent())!.trim());
		const text = await plenum.locator('.pages').textContent();
		if (/Employers II$/.test(headings.at(-1)!) || text?.includes('Employers II:')) {
			// Two voters: the plenum says why there are no results and shows the grouped notes.
			await expect(plenum.locator('.pages')).toContainText(
				translate('en', 'session.results.withheld.title')
			);
			await expect(plenum.locator('.results .row')).toHaveCount(0);
		} else if (/Employers I$/.test(headings.at(-1)!) || text?.includes('Employers')) {
			// The plenum puts soft hyphens into long words; the words are read without them.
			const first = plenum.locator('.results .row').first();
			await expect
				.poll(async () => (await first.textContent())?.replaceAll('\u00AD', ''))
				.toMatch(/Employers I:/);
			await expect(plenum.locator('.results .row').first()).toContainText(/\d+ points?/);
		}
	}
	expect(new Set(headings).size).toBe(5);
	await expectNoAxeViolations(plenum, 'the plenum screen presenting a group');
	// Back to the start, as the next step expects the plenum to present nothing yet.
	for (let i = 0; i < 6; i++)
		await page.getByRole('button', { name: o('plenum.previous') }).click();
	await expect(page.locator('.showing')).toHaveText(o('plenum.nothing'));
	for (const created of contexts) await created.close();
});

test('badges, plenum and accounts', async () => {
	await open(`${conferenceUrl}/badges`);
	await expect(page.locator('.badge')).toHaveCount(12);
	await expect(page.locator('.badge').first().getByRole('img')).toBeVisible();
	await expect(page.locator('.badge .name').first()).toHaveText('Henrik Møller');
	await checkPage('the badges page', inAxeTest);

	await open(`${conferenceUrl}/plenum`);
	await expect(page.locator('.showing')).toHaveText(o('plenum.nothing'));
	await checkPage('the plenum page');
	await page.getByRole('button', { name: o('plenum.next') }).click();
	await expect(page.locator('.showing')).toHaveText(
		o('plenum.overviewOf', { title: 'Første gruppearbeid' })
	);
	await page.getByRole('button', { name: o('plenum.next') }).click();
	await expect(page.locator('.showing')).toHaveText(
		o('plenum.groupOf', { group: 'Workers', title: 'Første gruppearbeid' })
	);
	await page.getByRole('button', { name: o('plenum.previous') }).click();
	await expect(page.locator('.showing')).toHaveText(
		o('plenum.overviewOf', { title: 'Første gruppearbeid' })
	);
	const summary = page.getByLabel(o('plenum.summary')).first();
	await summary.fill('Felles funn: fast kontaktperson og langsiktig støtte.');
	await page
		.getByRole('button', { name: o('plenum.saveSummary') })
		.first()
		.click();
	await expect(page.getByText(o('plenum.summarySaved'))).toBeVisible();
	await open(`${conferenceUrl}/plenum`);
	await expect(page.getByLabel(o('plenum.summary')).first()).toHaveValue(
		'Felles funn: fast kontaktperson og langsiktig støtte.'
	);

	await open('/organiser/accounts');
	await checkPage('the organiser accounts page', inAxeTest);
	// The first account administers the others: it adds a colleague's.
	const add = page.getByRole('region', { name: o('accounts.addTitle') });
	await add.getByLabel(o('account.username')).fill('kollega');
	await add.getByLabel(o('accounts.displayName')).fill('Guðrún Jónsdóttir');
	await add.getByLabel(o('account.password'), { exact: true }).fill('et annet langt passord');
	await add.getByLabel(o('account.confirm')).fill('et annet langt passord');
	await add.getByRole('button', { name: o('accounts.add') }).click();
	await expect(add.getByRole('status')).toHaveText(
		o('accounts.added', { name: 'Guðrún Jónsdóttir' })
	);
	const accounts = page.getByRole('region', { name: o('accounts.listTitle'), exact: true });
	await expect(accounts.getByRole('listitem')).toHaveCount(2);
});

test('on a 360 px phone the organiser pages fit and keep large targets', async ({ browser }) => {
	const phone = await browser.newContext({
		locale: 'en-GB',
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		storageState: await context.storageState()
	});
	const small = await phone.newPage();
	for (const path of [conferenceUrl, round1Url, `${conferenceUrl}/participants`]) {
		await small.goto(path);
		await small.waitForLoadState('networkidle');
		await expectNoAxeViolations(small, `${path} at 360 px`);
		await expectTouchTargets(small, `${path} at 360 px`);
		const overflow = await small.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
	}
	await phone.close();
});

test('the demo conference: forty participants and two allocated rounds', async () => {
	await open('/organiser');
	await page.getByRole('button', { name: o('home.demo') }).click();
	await page.waitForURL((url) => /^\/organiser\/conferences\/[\w-]+$/.test(url.pathname));
	await page.waitForLoadState('networkidle');
	const demo = new URL(page.url()).pathname;
	await open(`${demo}/rounds`);
	await expect(page.locator('ol.rounds > li')).toHaveCount(2);
	await expect(page.locator('ol.rounds > li').first().locator('.groups .pill')).toHaveCount(7);
	await open(`${demo}/participants`);
	await expect(page.locator('.page-head .lead')).toHaveText(o('participants.count', { count: 40 }));
});
