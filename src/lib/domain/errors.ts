/** Machine-readable reasons a command is refused; each has a translated message under errors.*. */
export const errorCodes = [
	'invalid_payload',
	'unauthenticated',
	'forbidden',
	'not_found',
	'wrong_phase',
	'phase_changed',
	'not_your_turn',
	'too_long',
	'too_many',
	'empty',
	'conflict',
	'stays_anonymous',
	'already_voted',
	'group_without_questions',
	'split_needs_two',
	'split_leaves_empty',
	'plan_changed',
	'nothing_to_undo',
	'undo_conflict',
	'rate_limited',
	'unavailable',
	'internal',
	'question_full',
	'person_text_full',
	'one_level_only',
	'writing_started',
	'answered_together',
	'theme_split_empty'
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Values interpolated into the translated message (limits, counts). */
export type ErrorParams = Record<string, string | number>;

/** A refusal from the core: a code and the numbers its message needs. */
export interface DomainError {
	code: ErrorCode;
	params?: ErrorParams;
}

export function refuse(code: ErrorCode, params?: ErrorParams): DomainError {
	return params ? { code, params } : { code };
}
