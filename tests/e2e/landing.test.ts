import {
	expect,
	test,
	type Browser,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { browserLocale, escapeHtml, languages, text, type Language } from './helpers/i18n';

/** A page in a fresh context: with the browser's language and, optionally, a lang cookie. */
async function openPage(
	browser: Browser,
	{ header, cookie, ...options }: { header: Language; cookie?: Language } & BrowserContextOptions
): Promise<Page> {
	// The browser's locale is what it sends as Accept-Language.
	const context = await browser.newContext({ locale: browserLocale[header], ...options });
	if (cookie) {
		const url = test.info().project.use.baseURL!;
		await context.addCookies([{ name: 'lang', value: cookie, url }]);
	}
	return context.newPage();
}

/** Loads a page and waits until the app has started (so event handlers are attached). */
async function load(page: Page, path = '/') {
	const response = await page.goto(path);
	await page.waitForLoadState('networkidle');
	return response!;
}

const other = (lang: Language): Language => (lang === 'en' ? 'sv' : 'en');

test.describe('the landing page renders on the server in the reader’s language', () => {
	for (const lang of languages) {
		for (const via of ['Accept-Language', 'the lang cookie'] as const) {
			test(`${lang} via ${via}`, async ({ browser }) => {
				// With the cookie, the browser asks for another language: the cookie must win.
				const page =
					via === 'Accept-Language'
						? await openPage(browser, { header: lang })
						: await openPage(browser, { header: other(lang), cookie: lang });
				const response = await page.goto('/');
				expect(response?.status()).toBe(200);

				// The very first HTML is already right: no flash of another language.
				const html = await response!.text();
				const title = text(lang, 'landing.title');
				expect(html).toContain(`<html lang="${lang}">`);
				expect(html).toMatch(new RegExp(`<h1[^>]*>${escapeHtml(title)}</h1>`));
				expect(html).toContain(`<title>${escapeHtml(text(lang, 'landing.pageTitle'))}</title>`);
				expect(html).not.toContain(escapeHtml(text(other(lang), 'landing.title')));

				// And it stays so once the app has started in the browser.
				await page.waitForLoadState('networkidle');
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
				await expect(
					page.getByRole('button', { name: text(lang, 'landing.join.submit') })
				).toBeVisible();
				await expect(page.getByLabel(text(lang, 'language.label'))).toHaveValue(lang);
				await page.context().close();
			});
		}
	}
});

test('the landing page ships no JavaScript: its language menu is a form with a button, and the choice persists', async ({
	browser
}) => {
	const page = await openPage(browser, { header: 'en' });
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	await load(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('en', 'landing.title'));
	expect(scripts, 'scripts the landing page loads').toEqual([]);

	await page.getByLabel(text('en', 'language.label')).selectOption('is');
	// Choosing alone changes nothing (WCAG 3.2.2): the button applies it.
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: text('en', 'language.apply') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('is', 'landing.title'));
	await expect(page.locator('html')).toHaveAttribute('lang', 'is');
	await expect(page).toHaveTitle(text('is', 'landing.pageTitle'));
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByLabel(text('is', 'language.label'))).toHaveValue('is');

	const cookies = await page.context().cookies();
	expect(cookies.find((c) => c.name === 'lang')).toMatchObject({
		value: 'is',
		httpOnly: true,
		sameSite: 'Lax'
	});

	// A reload (and the server's first HTML) keeps the choice, although the browser asks for English.
	const response = await page.reload();
	expect(await response!.text()).toContain('<html lang="is">');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('is', 'landing.title'));
	expect(scripts, 'scripts after the switch').toEqual([]);
	await page.context().close();
});

test.describe('the join form', () => {
	for (const lang of ['fi', 'en'] as const) {
		test(`shows a translated error for a bad code (${lang})`, async ({ browser }) => {
			const page = await openPage(browser, { header: lang });
			await load(page);
			const input = page.getByLabel(text(lang, 'landing.join.codeLabel'));
			await input.fill('bad!');
			await page.getByRole('button', { name: text(lang, 'landing.join.submit') }).click();

			const alert = page.getByRole('alert');
			await expect(alert).toHaveText(text(lang, 'landing.join.invalid', { length: 6 }));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(lang, 'landing.title'));
			// What was typed is kept, and the field says it is wrong.
			await expect(input).toHaveValue(/BAD/i);
			await expect(input).toHaveAttribute('aria-invalid', 'true');
			await expectNoAxeViolations(page, `the landing page with a join error (${lang})`);
			await page.context().close();
		});

		test(`says so when no session or conference has the code (${lang})`, async ({ browser }) => {
			const page = await openPage(browser, { header: lang });
			await load(page);
			const input = page.getByLabel(text(lang, 'landing.join.codeLabel'));
			await input.fill('zz zz zz');
			await page.getByRole('button', { name: text(lang, 'landing.join.submit') }).click();

			await expect(page.getByRole('alert')).toHaveText(text(lang, 'landing.join.unknown'));
			await expect(input).toHaveValue('zz zz zz');
			await expect(input).toHaveAttribute('aria-invalid', 'true');
			await expectNoAxeViolations(page, `the landing page with an unknown code (${lang})`);
			await page.context().close();
		});
	}
});

test('a crafted join address brings its code back as text, never as markup, and at most 12 characters', async ({
	browser
}) => {
	const page = await openPage(browser, { header: 'en' });
	const crafted = '"><b id=x>hi</b><script>window.hit=1</script>';
	await page.goto(`/join?code=${encodeURIComponent(crafted)}`);
	const input = page.getByLabel(text('en', 'landing.join.codeLabel'));
	await expect(input).toHaveValue(crafted.slice(0, 12));
	await expect(page.locator('#x')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { hit?: number }).hit)).toBeUndefined();
	await expect(page.getByRole('alert')).toHaveText(
		text('en', 'landing.join.invalid', { length: 6 })
	);
	await page.context().close();
});

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
	for (const lang of languages) {
		test(`no violations on the landing page in ${lang}`, async ({ browser }) => {
			const page = await openPage(browser, { header: lang });
			await load(page);
			await expectNoAxeViolations(page, `the landing page (${lang})`);
			await page.context().close();
		});

		test(`no violations at 360 px on a phone in ${lang}, with large touch targets`, async ({
			browser
		}) => {
			const page = await openPage(browser, {
				header: lang,
				viewport: { width: 360, height: 740 },
				deviceScaleFactor: 2,
				isMobile: true,
				hasTouch: true
			});
			await load(page);
			await expectNoAxeViolations(page, `the landing page at 360 px (${lang})`);

			const targets = [
				page.getByRole('button', { name: text(lang, 'landing.join.submit') }),
				page.getByLabel(text(lang, 'landing.join.codeLabel')),
				page.getByLabel(text(lang, 'language.label')),
				page.getByRole('button', { name: text(lang, 'language.apply') })
			];
			for (const target of targets) {
				const box = await target.boundingBox();
				expect(box, String(target)).not.toBeNull();
				expect(box!.height, `${String(target)} height`).toBeGreaterThanOrEqual(44);
			}
			// Nothing wider than the phone: no sideways scrolling.
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await page.context().close();
		});
	}
});
