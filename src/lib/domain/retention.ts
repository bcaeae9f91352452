/**
 * Automatic deletion (RETENTION_DAYS): when a conference or a stand-alone session is due.
 * It counts from the last activity, never from the dates an organiser typed, so a conference
 * entered with last year's dates (or a mistyped year) is safe while anyone works in it.
 */

export const dayMs = 86_400_000;
/** Organisers are warned this many days before a conference is deleted. */
export const retentionWarningDays = 14;
/** Dates this many days before today are "well in the past" on the conference form. */
export const pastDatesDays = 30;

/** What retention needs to know about a conference or stand-alone session. */
export interface RetentionFacts {
	/** The last change by an organiser or in any of its sessions (ms). */
	lastActivity: number;
	/** An organiser postponed the deletion until this time (ms), or null. */
	postponedUntil: number | null;
	/** Kept for good: never deleted automatically. */
	kept: boolean;
}

/** When it is deleted: `days` after the last activity or at the end of a postponement, whichever is later; null for never. */
export function deletionTime(facts: RetentionFacts, days: number | null): number | null {
	if (days === null || facts.kept) return null;
	return Math.max(facts.lastActivity + days * dayMs, facts.postponedUntil ?? 0);
}

/** Whether retention deletes it now. */
export function isDue(facts: RetentionFacts, days: number | null, now: number): boolean {
	const at = deletionTime(facts, days);
	return at !== null && at <= now;
}

/** Whether the organiser must be warned: deletion within the warning period. */
export function isWarned(facts: RetentionFacts, days: number | null, now: number): boolean {
	const at = deletionTime(facts, days);
	return at !== null && at - now <= retentionWarningDays * dayMs;
}

/** Postponing counts a whole retention period from now, as if the conference were used today. */
export function postponedUntil(days: number, now: number): number {
	return now + days * dayMs;
}

/** The items due now, in the order given. */
export function dueForDeletion<T extends RetentionFacts>(
	items: readonly T[],
	days: number | null,
	now: number
): T[] {
	return items.filter((item) => isDue(item, days, now));
}

/** The calendar day (UTC, yyyy-mm-dd) of a time. */
export function isoDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/**
 * Whether a conference's typed dates lie well in the past (its last day, or its first when it
 * has one day), so that the form can say that this is fine: retention does not use them.
 */
export function datesWellInPast(startDate: string, endDate: string, today: string): boolean {
	const last = endDate || startDate;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(last) || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return false;
	const gap = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last}T00:00:00Z`);
	return gap > pastDatesDays * dayMs;
}
