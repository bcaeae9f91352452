import { describe, expect, it } from 'vitest';
import { sameElements } from './arrays';

describe('sameElements', () => {
	it('compares by identity, in order', () => {
		const note = { id: 'a' };
		expect(sameElements([], [])).toBe(true);
		expect(sameElements([note, 'b'], [note, 'b'])).toBe(true);
		expect(sameElements([note], [{ id: 'a' }])).toBe(false);
		expect(sameElements(['a', 'b'], ['b', 'a'])).toBe(false);
		expect(sameElements(['a'], ['a', 'a'])).toBe(false);
	});
});
