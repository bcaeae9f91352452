import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { disabledFeatures, disableFeaturesSwitch } from './chromium-switches';
import { fullChromiumPath } from './chromium-path';

const args = ['--no-sandbox', '--disable-gpu'];

/** The features a Chromium process was started without: its last --disable-features. */
function disabledIn(pid: number): string[] {
	const switches = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	const last = switches.filter((s) => s.startsWith('--disable-features=')).at(-1) ?? '';
	return last.slice('--disable-features='.length).split(',').filter(Boolean);
}

// With Debian's full browser (the headless shell has no address bar to preload), as the printer
// and the end-to-end tests run it when CHROMIUM_PATH names it.
describe('the --disable-features Samråd gives Chromium', () => {
	it('keeps every feature Playwright itself turns off', async () => {
		const server = await chromium.launchServer({ executablePath: fullChromiumPath, args });
		try {
			const playwrights = disabledIn(server.process().pid!);
			expect(playwrights).toContain('PaintHolding');
			for (const feature of playwrights) expect(disabledFeatures).toContain(feature);
		} finally {
			await server.close();
		}
	}, 60_000);

	it('is the one Chromium reads, and it opens no address-bar popup for a new context', async () => {
		const popups = async (extra: string[]): Promise<string[]> => {
			const server = await chromium.launchServer({
				executablePath: fullChromiumPath,
				args: [...args, ...extra]
			});
			const browser = await chromium.connect(server.wsEndpoint());
			try {
				if (extra.length > 0) expect(disabledIn(server.process().pid!)).toEqual(disabledFeatures);
				const context = await browser.newContext();
				await (await context.newPage()).setContent('<p>Hei</p>');
				const cdp = await browser.newBrowserCDPSession();
				const { targetInfos } = (await cdp.send('Target.getTargets')) as {
					targetInfos: { type: string; url: string }[];
				};
				return targetInfos.filter((t) => t.url.includes('omnibox')).map((t) => t.url);
			} finally {
				await browser.close();
				await server.close();
			}
		};
		// Without the switch this Chromium does open them (else the check below proves nothing).
		expect(await popups([])).not.toEqual([]);
		expect(await popups([disableFeaturesSwitch])).toEqual([]);
	}, 60_000);
});
