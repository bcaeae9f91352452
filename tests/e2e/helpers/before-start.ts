import type { Page } from '@playwright/test';

/**
 * Holds the app's scripts back: the page is on screen, server-rendered, but has not started
 * (a slow laptop or network). Returns what lets them through.
 */
export async function holdScripts(page: Page): Promise<() => void> {
	await page.unrouteAll({ behavior: 'ignoreErrors' });
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

/** Lets the held scripts through and waits until the app has started. */
export async function started(page: Page, release: () => void): Promise<void> {
	release();
	await page.waitForFunction(() => history.state?.['sveltekit:history'] !== undefined);
	await page.waitForLoadState('networkidle');
}
