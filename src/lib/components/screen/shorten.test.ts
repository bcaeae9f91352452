import { describe, expect, it } from 'vitest';
import { screenText } from './shorten';

describe('screenText', () => {
	it('keeps a note of 280 characters whole', () => {
		const text = 'å'.repeat(280);
		expect(screenText(text)).toEqual({ text, shortened: false });
	});

	it('shows the first 280 characters of a longer note, counted as the limits count', () => {
		const text = `${'ø'.repeat(279)}😀 and more`;
		const shown = screenText(text);
		expect(shown.shortened).toBe(true);
		expect([...shown.text]).toHaveLength(280);
		expect(text.startsWith(shown.text)).toBe(true);
	});

	it('shows at most eight lines', () => {
		const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
		const shown = screenText(text);
		expect(shown).toEqual({
			text: Array.from({ length: 8 }, (_, i) => `line ${i + 1}`).join('\n'),
			shortened: true
		});
	});
});
