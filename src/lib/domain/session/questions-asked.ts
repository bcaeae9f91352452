/** A question with the later questions answered in its list ("one list for all questions"). */
export interface AskedTogether {
	label: string;
	text: string;
	together?: readonly { label: string; text: string }[];
}

/** "a) … / b) …": every question one list answers, on one line (headings, CSV, contents). */
export function questionsAsked(question: AskedTogether): string {
	return [question, ...(question.together ?? [])].map((q) => `${q.label}) ${q.text}`).join(' / ');
}
