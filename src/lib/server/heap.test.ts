import { describe, expect, it } from 'vitest';
import { heapGrowthFlag } from './heap';

describe('heap growth', () => {
	it('limits growth between full collections unless the process was started with its own limit', () => {
		expect(heapGrowthFlag([])).toBe('--heap-growing-percent=100');
		expect(heapGrowthFlag(['--enable-source-maps'])).toBe('--heap-growing-percent=100');
		expect(heapGrowthFlag(['--heap-growing-percent=50'])).toBeNull();
		expect(heapGrowthFlag(['--heap_growing_percent=30'])).toBeNull();
		expect(heapGrowthFlag(['--heap-growing-percent-something=1'])).toBe(
			'--heap-growing-percent=100'
		);
	});
});
