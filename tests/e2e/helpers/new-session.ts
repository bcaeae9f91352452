import { expect, type Page } from '@playwright/test';

/**
 * Creates a stand-alone session on /new as a facilitator would (English page) and answers its
 * join code and the screen's link; the page stays on the new session's console.
 */
export async function createSessionOnPage(
	page: Page,
	title: string,
	questions: string[] = ['What helps?']
): Promise<{ code: string; screenHref: string }> {
	await page.goto('/new');
	await page.getByRole('textbox', { name: 'Title' }).fill(title);
	for (const [index, question] of questions.entries()) {
		const letter = String.fromCharCode(97 + index);
		await page.getByRole('textbox', { name: `Question ${letter}` }).fill(question);
	}
	await page.getByRole('button', { name: 'Create session' }).click();
	await expect(page.getByText('Your session is ready.')).toBeVisible();
	const code = (await page.locator('.share .code').textContent())!.trim();
	const screenHref = await page.getByRole('link', { name: 'Open the screen' }).getAttribute('href');
	return { code, screenHref: screenHref! };
}
