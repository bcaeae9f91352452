import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** axe's best practices too (landmarks, headings, regions): what a screen-reader user relies on. */
export const axeTags = [...wcagTags, 'best-practice'];

/**
 * axe with our rules, run in the page itself (axe.run, @axe-core/playwright's "legacy mode").
 * The default mode opens a new blank page for every check to merge the frames' results: a
 * renderer process started and axe loaded twice, some seconds a check on a loaded machine,
 * for the same rules and results. Same-origin frames are still checked; our pages embed none
 * from another origin.
 *
 * Every rule still runs on every element; only violations are reported with all their elements
 * (axe's resultTypes). The passes, incomplete and inapplicable results keep one element each:
 * nothing here reads them, and describing each passing element (its selector and HTML) was
 * much of axe's work on the large organiser pages.
 */
export function axeBuilder(page: Page): AxeBuilder {
	return new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(axeTags)
		.setLegacyMode();
}

/**
 * Waits (at most 3 s) for the page's running animations that have an end (a page fading in) to
 * end. They run on the browser's own clock, so this works under a paused page clock too, where
 * polling the page (timers, frames) would not.
 */
async function untilAnimationsEnd(page: Page): Promise<void> {
	const ended = page.evaluate(() =>
		Promise.all(
			document
				.getAnimations()
				.filter((a) => a.playState === 'running')
				.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
				.map((a) => a.finished.catch(() => undefined))
		).then(() => undefined)
	);
	let timer: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, 3_000)))]);
	clearTimeout(timer);
}

/**
 * Runs axe on the page as it is now and fails with a readable list of violations: rule,
 * impact, what it means, and each offending element with axe's explanation. `exclude` leaves
 * out what axe cannot enter (a sandboxed frame without scripts), checked on its own instead.
 * It also fails on any text the page asked for but had not loaded (a raw key on screen).
 */
export async function expectNoAxeViolations(
	page: Page,
	label: string,
	{ exclude }: { exclude?: string } = {}
): Promise<void> {
	await expectNoMissingTexts(page, label);
	// Contrast is judged on the page at rest: no page turn may start fading in while axe reads it
	// (the screens fade a new page in from 15 % opacity), and one that has started ends first.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await untilAnimationsEnd(page);
	const builder = axeBuilder(page);
	const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
	await page.emulateMedia({ reducedMotion: null });
	const violations = results.violations.map((violation) => {
		const nodes = violation.nodes.map((node) => {
			const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
			return `    ${node.target.join(' ')}: ${summary}`;
		});
		return [
			`${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
			`    ${violation.helpUrl}`,
			...nodes
		].join('\n');
	});
	expect(violations, `axe found ${violations.length} violation(s) on ${label}`).toEqual([]);
}

/** Fails if the page reported a key it has no text for (i18n/translator.ts logs each one). */
export async function expectNoMissingTexts(page: Page, label: string): Promise<void> {
	const missing = (await page.consoleMessages({ filter: 'all' }))
		.map((message) => message.text())
		.filter((text) => text.startsWith('i18n: missing text'));
	expect(missing, `texts missing on ${label}`).toEqual([]);
}
