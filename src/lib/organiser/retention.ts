/** What the page says after a postpone, keep or release action (translated there). */
export type RetentionOutcome =
	| { done: 'postponed'; title: string; date: string }
	| { done: 'kept' | 'released'; title: string }
	| { error: 'forbidden' | 'notFound' | 'off' };
