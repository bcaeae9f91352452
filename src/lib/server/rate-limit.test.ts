import { describe, expect, it } from 'vitest';
import { BackOff, Limit, backOffMs, firstRefusal, memoryLimiterStore } from './rate-limit';

describe('backOffMs', () => {
	const policy = { free: 3, firstMs: 2_000, maxMs: 60_000 };

	it('waits nothing for the free failures, then doubles up to the cap', () => {
		expect([1, 2, 3].map((n) => backOffMs(n, policy))).toEqual([0, 0, 0]);
		expect([4, 5, 6, 7, 8, 9].map((n) => backOffMs(n, policy))).toEqual([
			2_000, 4_000, 8_000, 16_000, 32_000, 60_000
		]);
		expect(backOffMs(1_000_000, policy)).toBe(60_000);
	});
});

describe('BackOff', () => {
	it('makes a key wait after its free failures, and no other key', async () => {
		const backOff = new BackOff(memoryLimiterStore, 'test', {
			free: 2,
			firstMs: 5_000,
			maxMs: 60_000,
			forgetMs: 60_000
		});
		await backOff.fail('a');
		await backOff.fail('a');
		expect(await backOff.wait('a')).toEqual({ ok: true });
		await backOff.fail('a');
		const wait = await backOff.wait('a');
		expect(wait.ok).toBe(false);
		expect(!wait.ok && wait.retryAfterMs).toBeGreaterThan(4_000);
		expect(await backOff.wait('b')).toEqual({ ok: true });
		expect(await backOff.hasFailed('a')).toBe(true);
		expect(await backOff.hasFailed('b')).toBe(false);
		await backOff.forgive('a');
		expect(await backOff.wait('a')).toEqual({ ok: true });
		expect(await backOff.hasFailed('a')).toBe(false);
	});
});

describe('Limit and firstRefusal', () => {
	it('refuses past the limit, and a refused check spends nothing of the next', async () => {
		const first = new Limit(memoryLimiterStore, 'first', 1, 10_000);
		const second = new Limit(memoryLimiterStore, 'second', 2, 10_000);
		const both = () => firstRefusal([() => first.take('k'), () => second.take('k')]);
		expect(await both()).toEqual({ ok: true });
		const refused = await both();
		expect(refused.ok).toBe(false);
		// The second was counted once only: it still has room.
		expect(await second.peek('k')).toEqual({ ok: true });
		expect(await first.peek('other')).toEqual({ ok: true });
	});
});
