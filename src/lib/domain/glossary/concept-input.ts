// A concept as an organiser types it (a form, a CSV row) and the checks before it is saved:
// limits, syntax, and terms two concepts share. Pure: the server reads and writes glossaries.
import { parseFlag } from '$lib/domain/conference/participants-csv';
import { foldText } from '$lib/domain/fold';
import { languages, type Language } from '$lib/domain/session/types';
import { slug, uniqueSlug } from '$lib/domain/slug';
import { charCount, cleanText } from '$lib/domain/text';
import { validateGlossary, type GlossaryProblem } from './glossary';
import { conceptName } from './reader';
import type { Glossary, GlossaryConcept, LocalisedText } from './types';

/** Every glossary input has a limit (DESIGN.md, "Bad input and limits"). */
export const glossaryLimits = {
	/** Concepts in one glossary. */
	concepts: 1000,
	/** Terms for one concept in one language. */
	termsPerLanguage: 12,
	/** Characters in one term. */
	termChars: 100,
	/** Characters in an explanation or a caveat, per language. */
	textChars: 1000,
	/** Largest CSV file, in bytes: well under the 4 MB a CSV import may send (http/body-limit.ts). */
	csvBytes: 500 * 1024
} as const;

/** Why a concept (a form, a CSV row) cannot be saved; each code has a translated message. */
export type ConceptErrorCode =
	| GlossaryProblem['code']
	| 'too_long'
	| 'too_many_terms'
	| 'bar_in_term'
	| 'bad_forms'
	| 'bad_flag'
	| 'reserved_id'
	| 'too_many_concepts';

/** A problem with one field of a concept ('terms.sv', 'explanation.en', 'differs', 'forms'…). */
export interface ConceptError {
	code: ConceptErrorCode;
	/** The field, or null for the concept as a whole. */
	field: string | null;
	/** Values for the message: term, max, other (the concept that already has a term). */
	params: Record<string, string | number>;
}

/** What an organiser types for a concept: raw strings, as the form or a CSV row has them. */
export interface ConceptInput {
	/** Terms per language: one per line (form) or separated by | (CSV). */
	terms: Partial<Record<Language, string>>;
	explanation: Partial<Record<Language, string>>;
	notes: Partial<Record<Language, string>>;
	/** yes/no in any of the languages; '' is no. */
	differs: string;
	/** Terms that are listed but not marked in notes (everyday words), separated by | or lines. */
	unmarked: string;
	/** Extra matching stems: "term: form, form | term: form". */
	forms: string;
}

/** Splits a list of terms on line breaks and |; blanks dropped, duplicates kept once. */
export function splitTerms(value: string, separators: RegExp = /[\n|]/): string[] {
	const out: string[] = [];
	for (const part of value.split(separators)) {
		const term = cleanText(part, { multiline: false });
		if (term && !out.includes(term)) out.push(term);
	}
	return out;
}

function formsToText(forms: GlossaryConcept['forms']): string {
	return Object.entries(forms ?? {})
		.map(([term, list]) => `${term}: ${list.join(', ')}`)
		.join(' | ');
}

function parseForms(value: string): Record<string, string[]> | null {
	const forms: Record<string, string[]> = {};
	for (const part of value.split(/[\n|]/)) {
		if (part.trim() === '') continue;
		const colon = part.indexOf(':');
		if (colon < 0) return null;
		const term = cleanText(part.slice(0, colon), { multiline: false });
		const list = part
			.slice(colon + 1)
			.split(',')
			.map((f) => cleanText(f, { multiline: false }))
			.filter(Boolean);
		if (!term || list.length === 0) return null;
		forms[term] = [...(forms[term] ?? []), ...list];
	}
	return forms;
}

/** The input a concept gives back in a form or a CSV row (terms separated as `separator` says). */
export function conceptToInput(concept: GlossaryConcept, separator = '\n'): ConceptInput {
	const input: ConceptInput = {
		terms: {},
		explanation: {},
		notes: {},
		differs: concept.differsByCountry ? 'yes' : '',
		unmarked: (concept.unmarked ?? []).join(separator),
		forms: formsToText(concept.forms)
	};
	for (const language of languages) {
		input.terms[language] = (concept.terms[language] ?? []).join(separator);
		input.explanation[language] = concept.explanation?.[language] ?? '';
		input.notes[language] = concept.notes?.[language] ?? '';
	}
	return input;
}

/** An id from the concept's English (else first) term: kebab-case ASCII, unique in `taken`. */
export function conceptId(
	concept: Pick<GlossaryConcept, 'terms'>,
	taken: ReadonlySet<string>
): string {
	const source =
		concept.terms.en?.[0] ?? languages.map((l) => concept.terms[l]?.[0]).find(Boolean) ?? '';
	const base = slug(source, { max: 60, fallback: 'concept' });
	const id = reservedIds.has(base) ? `${base}-concept` : base;
	return taken.has(id) ? uniqueSlug(base, new Set([...taken, base])) : id;
}

/** Ids the editor's own pages use (glossary/new, glossary/import). */
export const reservedIds: ReadonlySet<string> = new Set(['new', 'import']);

function localised(
	values: Partial<Record<Language, string>>,
	field: string,
	errors: ConceptError[]
): LocalisedText | undefined {
	const out: LocalisedText = {};
	for (const language of languages) {
		const text = cleanText(values[language] ?? '', { multiline: true });
		if (!text) continue;
		if (charCount(text) > glossaryLimits.textChars) {
			errors.push({
				code: 'too_long',
				field: `${field}.${language}`,
				params: { max: glossaryLimits.textChars }
			});
		}
		out[language] = text;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A concept from what an organiser typed, with every problem that concerns it alone (limits,
 * syntax). Problems that involve other concepts (a term two concepts share) come from
 * checkGlossary. Forms and unmarked terms that no longer belong to a term are dropped.
 */
export function conceptFromInput(
	input: ConceptInput,
	id: string
): { concept: GlossaryConcept; errors: ConceptError[] } {
	const errors: ConceptError[] = [];
	const terms: GlossaryConcept['terms'] = {};
	const all: string[] = [];
	for (const language of languages) {
		const raw = input.terms[language] ?? '';
		const list = splitTerms(raw, /\n/);
		if (list.some((term) => term.includes('|'))) {
			errors.push({ code: 'bar_in_term', field: `terms.${language}`, params: {} });
		}
		const split = list.flatMap((term) => splitTerms(term));
		if (split.length > glossaryLimits.termsPerLanguage) {
			errors.push({
				code: 'too_many_terms',
				field: `terms.${language}`,
				params: { max: glossaryLimits.termsPerLanguage }
			});
		}
		for (const term of split) {
			if (charCount(term) > glossaryLimits.termChars) {
				errors.push({
					code: 'too_long',
					field: `terms.${language}`,
					params: { max: glossaryLimits.termChars, term }
				});
			}
		}
		if (split.length > 0) {
			terms[language] = split;
			all.push(...split);
		}
	}
	const concept: GlossaryConcept = { id, terms };
	const explanation = localised(input.explanation, 'explanation', errors);
	if (explanation) concept.explanation = explanation;
	const notes = localised(input.notes, 'notes', errors);
	if (notes) concept.notes = notes;

	const differs = input.differs.trim() === '' ? false : parseFlag(input.differs);
	if (differs === null) errors.push({ code: 'bad_flag', field: 'differs', params: {} });
	else if (differs) concept.differsByCountry = true;

	const unmarked = splitTerms(input.unmarked).filter((term) => all.includes(term));
	if (unmarked.length > 0) concept.unmarked = unmarked;

	const forms = parseForms(input.forms);
	if (forms === null) errors.push({ code: 'bad_forms', field: 'forms', params: {} });
	else {
		const kept = Object.entries(forms).filter(([term]) => all.includes(term));
		if (kept.length > 0) concept.forms = Object.fromEntries(kept);
	}
	if (all.length === 0) errors.push({ code: 'no_terms', field: null, params: {} });
	return { concept, errors };
}

/**
 * Checks a whole glossary and answers per concept id: validateGlossary's problems and the size
 * limit. A term two concepts share is a problem of both (params.other names the other one),
 * so that whichever of them is being edited or imported hears about it.
 */
export function checkGlossary(glossary: Glossary): Map<string, ConceptError[]> {
	const byConcept = new Map<string, ConceptError[]>();
	const add = (id: string, error: ConceptError) => {
		const list = byConcept.get(id) ?? [];
		const same = (e: ConceptError) =>
			e.code === error.code && e.field === error.field && e.params.term === error.params.term;
		if (!list.some(same)) list.push(error);
		byConcept.set(id, list);
	};
	// Folded term → the concepts that have it, and how each of them writes it, in which language.
	const owners = new Map<string, { id: string; language: string; term: string }[]>();
	for (const concept of glossary) {
		for (const [language, terms] of Object.entries(concept.terms)) {
			for (const term of terms ?? []) {
				const folded = foldText(term);
				const list = owners.get(folded) ?? [];
				if (!list.some((o) => o.id === concept.id)) list.push({ id: concept.id, language, term });
				owners.set(folded, list);
			}
		}
	}
	for (const problem of validateGlossary(glossary)) {
		// conceptFromInput says so in the organiser's own terms.
		if (problem.code === 'no_terms') continue;
		if (problem.code === 'duplicate_term') {
			const sharing = owners.get(problem.detail ?? '') ?? [];
			for (const owner of sharing) {
				const other = sharing.find((o) => o.id !== owner.id);
				add(owner.id, {
					code: 'duplicate_term',
					field: `terms.${owner.language}`,
					params: { term: owner.term, other: other?.id ?? '' }
				});
			}
			continue;
		}
		const field =
			problem.code === 'form_without_term' || problem.code === 'form_word_count'
				? 'forms'
				: problem.code === 'missing_id' || problem.code === 'duplicate_id'
					? 'id'
					: problem.code === 'unknown_language' || problem.code === 'empty_term'
						? `terms.${problem.detail ?? ''}`
						: null;
		add(problem.concept, {
			code: problem.code,
			field,
			params: problem.detail ? { term: problem.detail } : {}
		});
	}
	if (glossary.length > glossaryLimits.concepts) {
		add(glossary[glossary.length - 1]!.id, {
			code: 'too_many_concepts',
			field: null,
			params: { max: glossaryLimits.concepts }
		});
	}
	return byConcept;
}

/** Error params for people: the other concept named by its term in the reader's language. */
export function nameErrors(
	errors: readonly ConceptError[],
	glossary: Glossary,
	lang: Language
): ConceptError[] {
	return errors.map((error) => {
		const other = typeof error.params.other === 'string' ? error.params.other : null;
		if (!other) return error;
		const concept = glossary.find((c) => c.id === other);
		let name = concept ? conceptName(concept, lang) : other;
		// "NAV is also a term of NAV" says nothing: name the other concept another way.
		if (concept && name.toLowerCase() === String(error.params.term).toLowerCase()) {
			name = concept.terms.en?.[0] ?? concept.id;
		}
		return { ...error, params: { ...error.params, other: name } };
	});
}

/** The form of a new concept: everything empty. */
export function emptyConceptInput(): ConceptInput {
	return conceptToInput({ id: 'new', terms: {} });
}
