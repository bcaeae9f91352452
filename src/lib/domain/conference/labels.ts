import type { Language } from '../session/types';

/** A text in some of Samråd's languages; organiser-made entries may lack some. */
export type Labels = Partial<Record<Language, string>>;

/**
 * Folds a label or typed value for comparison: NFC, lower case, and spaces, hyphens and
 * underscores treated alike, so "Job-coach", "job_coach" and "JOB COACH" are one key.
 */
export function matchKey(value: string): string {
	return value
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\s_\-\u2010-\u2015]+/g, ' ')
		.trim();
}

/**
 * Picks the label for a language: the language itself, else English (the language every
 * organiser shares), else the first language that has one, else the fallback.
 */
export function pickLabel(labels: Labels, lang: Language, fallback: string): string {
	const own = labels[lang];
	if (own) return own;
	if (labels.en) return labels.en;
	for (const value of Object.values(labels)) if (value) return value;
	return fallback;
}
