import { languages } from '../session/types';
import { foldText, wordPattern } from '../fold';
import type { Glossary, GlossaryConcept, Language } from './types';

/** A concept's preferred term in a language, or undefined when the language has none. */
export function preferredTerm(concept: GlossaryConcept, language: Language): string | undefined {
	return concept.terms[language]?.[0];
}

/** Looks a concept up by id. */
export function conceptById(glossary: Glossary, id: string): GlossaryConcept | undefined {
	return glossary.find((c) => c.id === id);
}

/** A problem in a glossary, in words an organiser's import screen can show. */
export interface GlossaryProblem {
	/** The concept concerned (its id, or its position when the id is missing). */
	concept: string;
	/** Machine-readable kind of problem. */
	code:
		| 'missing_id'
		| 'duplicate_id'
		| 'no_terms'
		| 'empty_term'
		| 'duplicate_term'
		| 'unknown_language'
		| 'form_without_term'
		| 'form_word_count';
	/** The term, language or id concerned. */
	detail?: string;
}

const hasLetter = /[\p{L}\p{N}]/u;
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a glossary: unique kebab-case ids, at least one term, no blank terms, no term used by
 * two concepts (the matcher would have to guess), and forms that fit their terms.
 */
export function validateGlossary(glossary: Glossary): GlossaryProblem[] {
	const problems: GlossaryProblem[] = [];
	const ids = new Set<string>();
	const owners = new Map<string, string>();
	glossary.forEach((concept, index) => {
		const name = concept.id || `#${index}`;
		if (!idPattern.test(concept.id)) problems.push({ concept: name, code: 'missing_id' });
		else if (ids.has(concept.id)) problems.push({ concept: name, code: 'duplicate_id' });
		ids.add(concept.id);

		const all: string[] = [];
		for (const [language, terms] of Object.entries(concept.terms)) {
			if (!(languages as readonly string[]).includes(language)) {
				problems.push({ concept: name, code: 'unknown_language', detail: language });
			}
			for (const term of terms ?? []) {
				if (!hasLetter.test(term)) {
					problems.push({ concept: name, code: 'empty_term', detail: language });
				}
				all.push(term);
			}
		}
		if (all.length === 0) problems.push({ concept: name, code: 'no_terms' });
		for (const folded of new Set(all.map(foldText))) {
			const owner = owners.get(folded);
			if (owner !== undefined && owner !== name) {
				problems.push({ concept: name, code: 'duplicate_term', detail: folded });
			} else owners.set(folded, name);
		}
		for (const [term, forms] of Object.entries(concept.forms ?? {})) {
			if (!all.includes(term)) {
				problems.push({ concept: name, code: 'form_without_term', detail: term });
				continue;
			}
			const count = term.match(wordPattern)?.length ?? 0;
			for (const form of forms) {
				if ((form.match(wordPattern)?.length ?? 0) !== count) {
					problems.push({ concept: name, code: 'form_word_count', detail: form });
				}
			}
		}
	});
	return problems;
}
