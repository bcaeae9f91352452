/**
 * The projector and the console show the join QR code without carrying a QR encoder in their
 * JavaScript (about 10 KB gzip each): the server draws the code, and the code still encodes
 * exactly the address its label names.
 */
import QRCode from 'qrcode';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { roomTracker } from './helpers/room';
import { createSessionOnPage } from './helpers/new-session';

const room = roomTracker();

// A message only the QR encoder's code holds.
const encoderSignature = 'The amount of data is too big to be stored in a QR Code';

/** Every script the page loaded, fetched again to read. */
async function loadedScripts(page: Page): Promise<string[]> {
	const urls = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((entry) => entry.name)
			.filter((name) => name.endsWith('.js'))
	);
	expect(urls.length).toBeGreaterThan(0);
	return Promise.all(urls.map(async (url) => (await page.request.get(url)).text()));
}

/** The dark modules an SVG QR code draws, as "x,y" strings. */
function drawnModules(svg: string): Set<string> {
	return new Set(
		[...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${+x! - 4},${+y! - 4}`)
	);
}

function expectedModules(text: string): Set<string> {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const dark = new Set<string>();
	for (let y = 0; y < qr.modules.size; y++)
		for (let x = 0; x < qr.modules.size; x++) if (qr.modules.get(y, x)) dark.add(`${x},${y}`);
	return dark;
}

/** The QR image named for an address is drawn, loaded, and encodes that address. */
async function expectQrFor(page: Page, name: RegExp) {
	const image = page.getByRole('img', { name });
	await expect(image).toBeVisible();
	const url = /QR code that opens (\S+)/.exec((await image.getAttribute('alt')) ?? '')?.[1];
	expect(url).toMatch(/^http:\/\//);
	const src = await image.getAttribute('src');
	expect(src, 'the server draws the code').toBeTruthy();
	await expect
		.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
		.toBeGreaterThan(0);
	const response = await page.request.get(src!);
	expect(response.headers()['content-type']).toContain('image/svg+xml');
	expect(drawnModules(await response.text())).toEqual(expectedModules(url!));
}

test('the screen and the console draw the join QR code without a QR encoder in their scripts', async ({
	browser
}) => {
	const console = await room.newPage(browser, { width: 1440, height: 900 });
	const { code, screenHref } = await createSessionOnPage(console, 'Light screens');
	const screen = await room.newPage(browser, { width: 1920, height: 1080 });
	await screen.goto(screenHref!);
	await expect(screen.locator('.code')).toHaveText(code);

	await expectQrFor(screen, new RegExp(`QR code that opens http://\\S+/j/${code}$`));
	await expectQrFor(console, new RegExp(`QR code that opens http://\\S+/j/${code}$`));
	for (const [label, page] of Object.entries({ screen, console })) {
		for (const script of await loadedScripts(page))
			expect(script.includes(encoderSignature), `${label} carries no QR encoder`).toBe(false);
		await expectNoAxeViolations(page, `${label} with its QR code`);
	}
});
