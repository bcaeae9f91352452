import { describe, expect, it } from 'vitest';
import { placePopover } from './placement';

describe('placePopover', () => {
	it('opens under the term when it fits', () => {
		expect(placePopover({ top: 100, bottom: 124, left: 40 }, 300, 1440, 900)).toEqual({
			top: 130,
			left: 40,
			width: 384,
			maxHeight: 900 - 124 - 6 - 8
		});
	});

	it('spans a 360 px phone less its margins, whatever the term', () => {
		const placed = placePopover({ top: 100, bottom: 124, left: 300 }, 300, 360, 780);
		expect(placed.width).toBe(344);
		expect(placed.left).toBe(8);
	});

	it('stays inside the right edge on a wide screen', () => {
		const placed = placePopover({ top: 100, bottom: 124, left: 1400 }, 300, 1440, 900);
		expect(placed.left + placed.width).toBe(1440 - 8);
	});

	it('opens above a term near the bottom when there is more room there', () => {
		const placed = placePopover({ top: 700, bottom: 724, left: 20 }, 400, 390, 780);
		expect(placed.top).toBe(700 - 6 - 400);
		expect(placed.maxHeight).toBe(700 - 6 - 8);
	});

	it('never starts above the viewport', () => {
		const placed = placePopover({ top: 500, bottom: 524, left: 20 }, 2000, 390, 780);
		expect(placed.top).toBe(8);
	});
});
