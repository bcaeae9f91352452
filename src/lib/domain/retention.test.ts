import { describe, expect, it } from 'vitest';
import {
	datesWellInPast,
	dayMs,
	deletionTime,
	dueForDeletion,
	isDue,
	isoDay,
	isWarned,
	postponedUntil,
	type RetentionFacts
} from './retention';

const now = Date.parse('2026-11-23T12:00:00Z');
const usedDaysAgo = (days: number, more: Partial<RetentionFacts> = {}): RetentionFacts => ({
	lastActivity: now - days * dayMs,
	postponedUntil: null,
	kept: false,
	...more
});

describe('deletionTime', () => {
	it('is RETENTION_DAYS after the last activity', () => {
		expect(deletionTime(usedDaysAgo(10), 365)).toBe(now + 355 * dayMs);
	});

	it('is never for a conference kept for good, or with retention off', () => {
		expect(deletionTime(usedDaysAgo(400, { kept: true }), 365)).toBeNull();
		expect(deletionTime(usedDaysAgo(4000), null)).toBeNull();
	});

	it('waits for a postponement that ends later, and ignores one that ends earlier', () => {
		const later = now + 100 * dayMs;
		expect(deletionTime(usedDaysAgo(400, { postponedUntil: later }), 365)).toBe(later);
		const earlier = now - 100 * dayMs;
		expect(deletionTime(usedDaysAgo(10, { postponedUntil: earlier }), 365)).toBe(now + 355 * dayMs);
	});
});

describe('isDue and dueForDeletion', () => {
	it('deletes exactly when the time has come', () => {
		expect(isDue(usedDaysAgo(365), 365, now)).toBe(true);
		expect(isDue(usedDaysAgo(364.9), 365, now)).toBe(false);
		const items = [
			{ id: 'old', ...usedDaysAgo(400) },
			{ id: 'new', ...usedDaysAgo(1) },
			{ id: 'kept', ...usedDaysAgo(4000, { kept: true }) },
			{ id: 'postponed', ...usedDaysAgo(400, { postponedUntil: postponedUntil(365, now) }) }
		];
		expect(dueForDeletion(items, 365, now).map((i) => i.id)).toEqual(['old']);
		expect(dueForDeletion(items, null, now)).toEqual([]);
	});
});

describe('isWarned', () => {
	it('warns from 14 days before the deletion, not earlier', () => {
		expect(isWarned(usedDaysAgo(365 - 15), 365, now)).toBe(false);
		expect(isWarned(usedDaysAgo(365 - 14), 365, now)).toBe(true);
		expect(isWarned(usedDaysAgo(365 - 1), 365, now)).toBe(true);
	});

	it('never warns about a conference kept for good, or with retention off', () => {
		expect(isWarned(usedDaysAgo(360, { kept: true }), 365, now)).toBe(false);
		expect(isWarned(usedDaysAgo(360), null, now)).toBe(false);
	});

	it('stops warning once postponed', () => {
		const facts = usedDaysAgo(360, { postponedUntil: postponedUntil(365, now) });
		expect(isWarned(facts, 365, now)).toBe(false);
		expect(deletionTime(facts, 365)).toBe(now + 365 * dayMs);
	});
});

describe('datesWellInPast', () => {
	it('flags a last day more than 30 days ago, whether typed as the first or the last day', () => {
		expect(datesWellInPast('2010-05-06', '2010-05-06', '2026-11-23')).toBe(true);
		expect(datesWellInPast('2010-05-06', '', '2026-11-23')).toBe(true);
		expect(datesWellInPast('2026-10-20', '2026-10-24', '2026-11-23')).toBe(false);
		expect(datesWellInPast('2026-10-01', '2026-10-24', '2026-11-23')).toBe(false);
		expect(datesWellInPast('2026-10-01', '2026-10-23', '2026-11-23')).toBe(true);
	});

	it('says nothing without a date, or about dates to come', () => {
		expect(datesWellInPast('', '', '2026-11-23')).toBe(false);
		expect(datesWellInPast('2027-05-06', '', '2026-11-23')).toBe(false);
		expect(datesWellInPast('not a date', '', '2026-11-23')).toBe(false);
	});
});

describe('isoDay', () => {
	it('is the UTC calendar day', () => {
		expect(isoDay(Date.parse('2026-11-23T23:59:59Z'))).toBe('2026-11-23');
	});
});
