// Which of the six languages a note is written in, when its author's language is not known.
import type { eld as Eld } from 'eld/small';
import { languages, type Language } from '../session/types';

let detector: typeof Eld | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the detector's n-gram tables, once. They hold about 46 MB for as long as the process
 * runs, and only suggested groupings read them: a server that never suggests never loads them.
 * Await it before detectLanguage (and so before suggestClusters and perspectiveMap).
 */
export function loadLanguageDetector(): Promise<void> {
	loading ??= (async () => {
		detector = (await import('eld/small')).eld;
	})();
	return loading;
}

// eld names Norwegian "no"; its other codes are ours.
const fromEld: Readonly<Record<string, Language>> = {
	no: 'nb',
	nb: 'nb',
	sv: 'sv',
	da: 'da',
	is: 'is',
	fi: 'fi',
	en: 'en'
};

/** Characters of a note the detector reads. */
export const detectionChars = 300;

/**
 * Detects a note's language among `candidates` (the group's languages, else all six) with the
 * eld n-gram detector, reading its scores rather than its single answer so that a short
 * Norwegian note is not called German. Falls back to the first candidate. Deterministic.
 */
export function detectLanguage(
	text: string,
	candidates: readonly Language[] = languages
): Language {
	if (!detector) throw new Error('detectLanguage before loadLanguageDetector()');
	const allowed = candidates.length > 0 ? candidates : languages;
	// The first few sentences tell the language as well as the whole note, at a fraction of the cost.
	const scores = detector.detect(text.slice(0, detectionChars)).getScores();
	let best: Language = allowed[0]!;
	let bestScore = 0;
	for (const [code, score] of Object.entries(scores).sort(([a], [b]) => (a < b ? -1 : 1))) {
		const language = fromEld[code];
		if (language && allowed.includes(language) && score > bestScore) {
			best = language;
			bestScore = score;
		}
	}
	return best;
}
