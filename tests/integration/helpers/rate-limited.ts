import { expect } from 'vitest';
import { fixedT, type Language } from '$lib/i18n';
import type { Ack } from '$lib/realtime/contract';

/**
 * Checks a rate_limited refusal: the seconds to wait lie within the limit's window, and the
 * message is the one of the socket's language (not another's). Answers the seconds.
 */
export function expectRateLimited(answer: unknown, lang: Language, windowSeconds: number): number {
	expect(answer).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
	const { message, params } = (answer as Extract<Ack, { ok: false }>).error;
	const seconds = Number(params?.seconds);
	expect(Number.isInteger(seconds)).toBe(true);
	expect(seconds).toBeGreaterThanOrEqual(1);
	expect(seconds).toBeLessThanOrEqual(windowSeconds);
	expect(message).toBe(fixedT(lang)('errors.rate_limited', { seconds }));
	expect(message).not.toBe(fixedT(lang === 'en' ? 'sv' : 'en')('errors.rate_limited'));
	return seconds;
}
