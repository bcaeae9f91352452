import type { DomainError } from '$lib/domain/errors';

/**
 * A translatable problem with a form: the i18n key and its values, and the field it belongs
 * to (null for the form as a whole). Translated in the page, so a language switch applies.
 */
export interface FormError {
	field: string | null;
	key: string;
	params?: Record<string, string | number>;
}

/** Fields whose malformed values have their own, more helpful message. */
const invalidMessages = new Set([
	'startDate',
	'endDate',
	'language',
	'day',
	'start',
	'end',
	'kind',
	'country',
	'role',
	'rule',
	'maxGroupSize'
]);

/** Fields that say what is missing better than "please write something". */
const emptyMessages = new Set(['title', 'name', 'label', 'groups', 'questions']);

/**
 * A service refusal as a form error: field-specific words where they help (a date, a group
 * size), else the shared errors.<code> message with its numbers.
 */
export function formError(error: DomainError, fieldMap: Record<string, string> = {}): FormError {
	const raw = error.params?.field;
	const source = typeof raw === 'string' ? raw : null;
	const field = source ? (fieldMap[source] ?? source) : null;
	const params = { ...error.params };
	if (error.code === 'invalid_payload' && source && invalidMessages.has(source)) {
		return { field, key: `organiser.invalid.${source}`, params };
	}
	if (error.code === 'empty' && source && emptyMessages.has(source)) {
		return { field, key: `organiser.required.${source}`, params };
	}
	return { field, key: `errors.${error.code}`, params };
}

/** The error for one field, if any. */
export function errorFor(
	errors: readonly FormError[] | undefined,
	field: string
): FormError | null {
	return errors?.find((e) => e.field === field) ?? null;
}

/** Errors that belong to no field of the form (shown at its top). */
export function generalErrors(
	errors: readonly FormError[] | undefined,
	fields: readonly string[]
): FormError[] {
	return (errors ?? []).filter((e) => e.field === null || !fields.includes(e.field));
}
