/** Touch target sizes (WCAG 2.5.8, and our own 44 px rule for phones). */
import { expect, type Page } from '@playwright/test';

/**
 * Every control a finger or a shaky hand uses is at least 44 px high: buttons, fields,
 * selects, disclosure summaries, button-like links, navigation links, and the labels that
 * carry checkboxes and radio buttons. (Links inside running text are exempt.)
 */
export async function expectTouchTargets(target: Page, label: string) {
	const small = await target.evaluate(() => {
		const problems: string[] = [];
		const selector =
			'main button, main select, main textarea, main input, main summary, main a.button, nav a, header button, header select';
		for (const element of document.querySelectorAll(selector)) {
			if (element.closest('.visually-hidden, dialog:not([open])')) continue;
			if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			let measured: Element = element;
			if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)) {
				measured = element.closest('label') ?? element;
			}
			const height = measured.getBoundingClientRect().height;
			if (height < 43.5) {
				const name = (element.getAttribute('aria-label') ?? element.textContent ?? '')
					.trim()
					.slice(0, 40);
				problems.push(`${element.tagName.toLowerCase()} "${name}" is ${Math.round(height)} px`);
			}
		}
		return problems;
	});
	expect(small, `touch targets under 44 px on ${label}`).toEqual([]);
}
