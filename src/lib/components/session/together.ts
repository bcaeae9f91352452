import type { SessionSettings } from '$lib/domain/session/types';
import type { QuestionSummary } from '$lib/domain/session/views';

/** The later questions answered in the first one's list ("one list for all questions"); none otherwise. */
export function answeredTogether(view: {
	settings: SessionSettings;
	questions: QuestionSummary[];
}): QuestionSummary[] {
	return view.settings.oneList ? view.questions.slice(1) : [];
}

/** "a, b": the labels of every question in the one list. */
export function togetherLabels(view: { questions: QuestionSummary[] }): string {
	return view.questions.map((q) => q.label).join(', ');
}
