import { test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { TestClient } from '../../integration/helpers/client';

/**
 * The browser contexts and sockets one test file opens for a room (console, screen, phones),
 * all closed after the file's tests. Call once, at the top of the file.
 */
export function roomTracker(): {
	sockets: TestClient[];
	newPage: (
		browser: Browser,
		viewport: { width: number; height: number },
		phone?: boolean
	) => Promise<Page>;
} {
	const contexts: BrowserContext[] = [];
	const sockets: TestClient[] = [];
	test.afterAll(async () => {
		for (const socket of sockets) socket.close();
		for (const context of contexts) await context.close();
	});
	return {
		sockets,
		async newPage(browser, viewport, phone = false) {
			const context = await browser.newContext({
				locale: 'en-GB',
				viewport,
				...(phone ? { isMobile: true, hasTouch: true } : {})
			});
			contexts.push(context);
			return context.newPage();
		}
	};
}
