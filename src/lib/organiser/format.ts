/** Dates are stored as yyyy-mm-dd and shown as calendar days: formatted in UTC, never shifted. */
function day(iso: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
	const date = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** "6 May 2026", or "5–6 May 2026" for a range; '' without a date. */
export function formatDateRange(start: string, end: string, locale: string): string {
	const from = day(start);
	if (!from) return '';
	const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const to = day(end);
	if (!to || end === start) return format.format(from);
	return format.formatRange(from, to);
}

/** "Wednesday 6 May" for programme headings. */
export function formatWeekday(iso: string, locale: string): string {
	const date = day(iso);
	if (!date) return iso;
	return new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(date);
}

/** "09.00–10.00" in the locale's own way of writing times. */
export function formatTimeRange(start: string, end: string, locale: string): string {
	const time = (hhmm: string) => {
		const [h, m] = hhmm.split(':').map(Number);
		return new Intl.DateTimeFormat(locale, {
			hour: '2-digit',
			minute: '2-digit',
			timeZone: 'UTC'
		}).format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)));
	};
	return end ? `${time(start)}–${time(end)}` : time(start);
}
