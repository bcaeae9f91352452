// A conference's glossary on the server: which glossary a page marks notes with, the
// organiser's edits (one concept at a time) and CSV export and import (checked before saving).
import { decodeCsvBytes, isBlankRow, parseCsv, writeCsv, type CsvDelimiter } from '$lib/domain/csv';
import { parseFlag } from '$lib/domain/conference/participants-csv';
import { defaultGlossary } from '$lib/domain/glossary/default-glossary';
import { foldText } from '$lib/domain/fold';
import { validateGlossary, type GlossaryProblem } from '$lib/domain/glossary/glossary';
import type {
	Glossary,
	GlossaryConcept,
	GlossaryData,
	LocalisedText
} from '$lib/domain/glossary/types';
import { languages, type Language } from '$lib/domain/session/types';
import { charCount, cleanText } from '$lib/domain/text';
import { conceptName } from '$lib/components/glossary/terms';
import type { App } from './app';
import { findConference } from './db/conferences';
import { readGlossary, writeGlossary } from './db/glossary';
import { randomToken } from './tokens';

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

/** The glossary a page marks notes with, and the languages of the room. */
export type GlossaryDelivery = GlossaryData;

/** A conference's glossary and languages; the default glossary when the conference is gone. */
export function glossaryForConference(app: App, conferenceId: string): GlossaryDelivery {
	const conference = findConference(app.db, conferenceId);
	if (!conference) return { concepts: defaultGlossary, languages: [] };
	return { concepts: readGlossary(app.db, conferenceId), languages: conference.languages };
}

/** What a session's notes are matched against: its conference's glossary, else the default. */
export function glossaryForSession(app: App, conferenceId: string | null): GlossaryDelivery {
	return conferenceId
		? glossaryForConference(app, conferenceId)
		: { concepts: defaultGlossary, languages: [] };
}

// --- problems ---------------------------------------------------------------------------------

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

// --- concepts from text -------------------------------------------------------------------------

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
	const base =
		source
			.toLowerCase()
			.replace(/æ/g, 'ae')
			.replace(/[øö]/g, 'o')
			.replace(/þ/g, 'th')
			.replace(/ð/g, 'd')
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'concept';
	let id = reservedIds.has(base) ? `${base}-concept` : base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
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

// --- organiser edits ------------------------------------------------------------------------------

/** The form of a new concept: everything empty. */
export function emptyConceptInput(): ConceptInput {
	return conceptToInput({ id: 'new', terms: {} });
}

/** Reads the editor's form: terms_<lang>, explanation_<lang>, notes_<lang>, differs, unmarked, forms. */
export function readConceptForm(form: FormData): ConceptInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const input: ConceptInput = {
		terms: {},
		explanation: {},
		notes: {},
		differs: form.get('differs') === 'on' ? 'yes' : '',
		unmarked: text('unmarked'),
		forms: text('forms')
	};
	for (const language of languages) {
		input.terms[language] = text(`terms_${language}`);
		input.explanation[language] = text(`explanation_${language}`);
		input.notes[language] = text(`notes_${language}`);
	}
	return input;
}

export type SaveResult =
	{ ok: true; id: string } | { ok: false; errors: ConceptError[]; notFound?: boolean };

/**
 * Reads, changes and writes a conference's glossary in one transaction, so that a concurrent
 * edit of another concept is not lost. `apply` answers the new glossary (or null to keep it)
 * and what to tell the caller.
 */
function change<T>(
	app: App,
	conferenceId: string,
	apply: (glossary: GlossaryConcept[]) => { next: GlossaryConcept[] | null; answer: T }
): T {
	const { changed, answer } = app.db.transaction(() => {
		const { next, answer } = apply(readGlossary(app.db, conferenceId));
		if (next !== null) writeGlossary(app.db, conferenceId, next);
		return { changed: next !== null, answer };
	})();
	// Phones, screens and consoles that are open mark notes with the new glossary.
	if (changed) app.conferences.changed(conferenceId, 'glossary');
	return answer;
}

/**
 * Saves one concept: a new one (id null, added at the end) or an edit of an existing one
 * (same place, same id). Nothing is saved when anything is wrong.
 */
export function saveConcept(
	app: App,
	conferenceId: string,
	id: string | null,
	input: ConceptInput
): SaveResult {
	return change<SaveResult>(app, conferenceId, (glossary) => {
		const index = id === null ? -1 : glossary.findIndex((c) => c.id === id);
		if (id !== null && index < 0) {
			return { next: null, answer: { ok: false, errors: [], notFound: true } };
		}
		const newId =
			index >= 0
				? glossary[index]!.id
				: conceptId(conceptFromInput(input, 'x').concept, new Set(glossary.map((c) => c.id)));
		const { concept, errors } = conceptFromInput(input, newId);
		const next = [...glossary];
		if (index >= 0) next[index] = concept;
		else next.push(concept);
		const all = [...errors, ...(checkGlossary(next).get(newId) ?? [])];
		if (all.length > 0) return { next: null, answer: { ok: false, errors: all } };
		return { next, answer: { ok: true, id: newId } };
	});
}

/** Deletes a concept; false when it was not there. */
export function deleteConcept(app: App, conferenceId: string, id: string): boolean {
	return change(app, conferenceId, (glossary) => {
		const next = glossary.filter((c) => c.id !== id);
		return next.length === glossary.length ? { next: null, answer: false } : { next, answer: true };
	});
}

// --- CSV ----------------------------------------------------------------------------------------------

/** The CSV columns, in the order export writes them. Terms in a cell are separated by |. */
export const glossaryCsvColumns = [
	'id',
	...languages,
	...languages.map((l) => `explanation_${l}` as const),
	...languages.map((l) => `notes_${l}` as const),
	'differs_by_country',
	'unmarked',
	'forms'
] as const;

type CsvColumn = (typeof glossaryCsvColumns)[number];

/** A glossary as CSV: a header of column codes, one concept per row, BOM for Excel. */
export function glossaryToCsv(glossary: Glossary, delimiter: CsvDelimiter = ';'): string {
	const rows: string[][] = [[...glossaryCsvColumns]];
	for (const concept of glossary) {
		const input = conceptToInput(concept, ' | ');
		rows.push(
			glossaryCsvColumns.map((column) => {
				if (column === 'id') return concept.id;
				if (column === 'differs_by_country') return input.differs;
				if (column === 'unmarked') return input.unmarked;
				if (column === 'forms') return input.forms;
				const [kind, language] = column.includes('_')
					? (column.split('_') as ['explanation' | 'notes', Language])
					: (['terms', column as Language] as const);
				return input[kind][language] ?? '';
			})
		);
	}
	return writeCsv(rows, { delimiter, bom: true });
}

/** Header words a column may have besides its code: the language names (and "no" for nb). */
const headerAliases: Record<string, CsvColumn> = {
	no: 'nb',
	nn: 'nb',
	norsk: 'nb',
	'norsk bokmål': 'nb',
	svenska: 'sv',
	dansk: 'da',
	íslenska: 'is',
	suomi: 'fi',
	english: 'en',
	differs: 'differs_by_country',
	notes: 'notes_en',
	explanation: 'explanation_en'
};

function csvColumn(header: string): CsvColumn | null {
	const key = header
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	if ((glossaryCsvColumns as readonly string[]).includes(key)) return key as CsvColumn;
	return headerAliases[header.trim().toLowerCase()] ?? null;
}

/** Problems with a whole file; each has a translated message. */
export type GlossaryFileErrorCode =
	| 'file_too_large'
	| 'not_csv'
	| 'empty_file'
	| 'unterminated_quote'
	| 'text_after_quote'
	| 'no_language_column'
	| 'duplicate_column'
	| 'no_rows'
	| 'too_many_concepts';

export interface GlossaryFileIssue {
	code: GlossaryFileErrorCode | 'ignored_column' | 'legacy_encoding';
	params: Record<string, string | number>;
}

/** One row of an import: the concept it makes, or what is wrong with it. */
export interface GlossaryImportRow {
	/** Line in the file (as a spreadsheet numbers it). */
	line: number;
	/** The concept's id (given, or made from its terms). */
	id: string;
	/** Its name for the preview: the first term there is. */
	name: string;
	/** Whether the row adds a concept or replaces one with the same id. */
	action: 'add' | 'update';
	concept: GlossaryConcept;
	errors: ConceptError[];
}

/** What an import would do, before anything is saved. */
export interface GlossaryImportPreview {
	ok: boolean;
	mode: ImportMode;
	fileErrors: GlossaryFileIssue[];
	warnings: GlossaryFileIssue[];
	rows: GlossaryImportRow[];
	/** Concepts of the current glossary that replace mode would drop. */
	removed: number;
	/** The glossary after the import (only meaningful when ok). */
	result: GlossaryConcept[];
	/** The file as text (decoded), to keep for saving after the check. */
	text: string;
}

/** Replace the whole glossary, or add new concepts and update those with the same id. */
export type ImportMode = 'replace' | 'merge';

/**
 * Reads a glossary CSV and says what importing it would do, row by row. Nothing is saved; the
 * preview is ok only when the file and every row are fine.
 */
export function previewGlossaryImport(
	input: string | Uint8Array,
	existing: Glossary,
	mode: ImportMode
): GlossaryImportPreview {
	const preview: GlossaryImportPreview = {
		ok: false,
		mode,
		fileErrors: [],
		warnings: [],
		rows: [],
		removed: 0,
		result: [],
		text: ''
	};
	const fail = (code: GlossaryFileErrorCode, params: Record<string, string | number> = {}) => {
		preview.fileErrors.push({ code, params });
		return preview;
	};
	const size =
		typeof input === 'string' ? new TextEncoder().encode(input).byteLength : input.byteLength;
	if (size > glossaryLimits.csvBytes)
		return fail('file_too_large', { max: glossaryLimits.csvBytes, size });
	let text: string;
	if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
	else {
		const decoded = decodeCsvBytes(input);
		text = decoded.text;
		if (decoded.encoding === 'windows-1252') {
			preview.warnings.push({ code: 'legacy_encoding', params: { encoding: decoded.encoding } });
		}
	}
	if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) return fail('not_csv');
	preview.text = text;
	const parsed = parseCsv(text, { unprotectFormulas: true });
	if (!parsed.ok) return fail(parsed.error.code, parsed.error.params);
	const { rows, lines } = parsed.table;
	const headerIndex = rows.findIndex((r) => !isBlankRow(r));
	if (headerIndex < 0) return fail('empty_file');

	const columns = new Map<CsvColumn, number>();
	rows[headerIndex]!.forEach((cell, index) => {
		const column = csvColumn(cell);
		if (column === null) {
			if (cell.trim())
				preview.warnings.push({ code: 'ignored_column', params: { column: cell.trim() } });
		} else if (columns.has(column)) fail('duplicate_column', { column: cell.trim() });
		else columns.set(column, index);
	});
	if (!languages.some((l) => columns.has(l))) fail('no_language_column');
	if (preview.fileErrors.length > 0) return preview;

	const existingIds = new Set(existing.map((c) => c.id));
	const idColumn = columns.get('id');
	// Ids made from terms stay clear of ids the file gives (and, when merging, of existing ones).
	const taken = new Set([
		...(mode === 'merge' ? existingIds : []),
		...(idColumn === undefined ? [] : rows.map((row) => (row[idColumn] ?? '').trim()))
	]);
	const given = new Set<string>();
	for (let r = headerIndex + 1; r < rows.length; r++) {
		const row = rows[r]!;
		if (isBlankRow(row)) continue;
		const cell = (column: CsvColumn) => row[columns.get(column) ?? -1] ?? '';
		const input: ConceptInput = {
			terms: {},
			explanation: {},
			notes: {},
			differs: cell('differs_by_country'),
			unmarked: cell('unmarked'),
			forms: cell('forms')
		};
		for (const language of languages) {
			// In a cell, terms are separated by | or by line breaks (Alt+Enter in Excel).
			input.terms[language] = splitTerms(cell(language)).join('\n');
			input.explanation[language] = cell(`explanation_${language}`);
			input.notes[language] = cell(`notes_${language}`);
		}
		const errors: ConceptError[] = [];
		let id = cell('id').trim();
		if (id && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
			errors.push({ code: 'missing_id', field: 'id', params: { term: id } });
		} else if (reservedIds.has(id)) {
			errors.push({ code: 'reserved_id', field: 'id', params: { term: id } });
		} else if (id && given.has(id)) {
			errors.push({ code: 'duplicate_id', field: 'id', params: { term: id } });
		}
		const made = conceptFromInput(input, id || 'x');
		if (!id) id = conceptId(made.concept, new Set([...taken, ...given]));
		given.add(id);
		made.concept.id = id;
		errors.push(...made.errors);
		preview.rows.push({
			line: lines[r]!,
			id,
			name: languages.map((l) => made.concept.terms[l]?.[0]).find(Boolean) ?? id,
			action: existingIds.has(id) ? 'update' : 'add',
			concept: made.concept,
			errors
		});
	}
	if (preview.rows.length === 0) return fail('no_rows');

	const imported = preview.rows.map((r) => r.concept);
	let result: GlossaryConcept[];
	if (mode === 'replace') {
		result = imported;
		const kept = new Set(imported.map((c) => c.id));
		preview.removed = existing.filter((c) => !kept.has(c.id)).length;
	} else {
		const byId = new Map(imported.map((c) => [c.id, c]));
		result = existing.map((c) => byId.get(c.id) ?? c);
		const present = new Set(existing.map((c) => c.id));
		result.push(...imported.filter((c) => !present.has(c.id)));
	}
	if (result.length > glossaryLimits.concepts) {
		fail('too_many_concepts', { max: glossaryLimits.concepts, count: result.length });
	}
	// Problems between concepts (a term in two of them) are shown on the imported rows. Id
	// problems were found row by row; a term problem belongs to the row that has the term.
	const problems = checkGlossary(result);
	for (const row of preview.rows) {
		const own = new Set(Object.values(row.concept.terms).flatMap((t) => (t ?? []).map(foldText)));
		for (const error of problems.get(row.id) ?? []) {
			if (['too_many_concepts', 'missing_id', 'duplicate_id'].includes(error.code)) continue;
			if (error.code === 'duplicate_term' && !own.has(foldText(String(error.params.term)))) {
				continue;
			}
			const same = (e: ConceptError) =>
				e.code === error.code && e.field === error.field && e.params.term === error.params.term;
			if (!row.errors.some(same)) row.errors.push(error);
		}
	}
	preview.result = result;
	preview.ok = preview.fileErrors.length === 0 && preview.rows.every((r) => r.errors.length === 0);
	return preview;
}

/** Checks the file again and, only when all is well, saves the result in one transaction. */
export function importGlossary(
	app: App,
	conferenceId: string,
	input: string | Uint8Array,
	mode: ImportMode
): GlossaryImportPreview {
	return change(app, conferenceId, (glossary) => {
		const preview = previewGlossaryImport(input, glossary, mode);
		return { next: preview.ok ? preview.result : null, answer: preview };
	});
}

// --- checked imports waiting for "save" ------------------------------------------------------

interface PendingImport {
	conferenceId: string;
	text: string;
	mode: ImportMode;
	expires: number;
}

const pendingImports = new Map<string, PendingImport>();
/** A checked file is kept this long for its "save"; the organiser checks again after that. */
const pendingMs = 30 * 60_000;
const pendingMax = 50;

/** Keeps a checked file until it is saved (or expires); answers the token the form sends back. */
export function rememberImport(
	conferenceId: string,
	text: string,
	mode: ImportMode,
	now = Date.now()
): string {
	for (const [token, entry] of pendingImports) {
		if (entry.expires <= now) pendingImports.delete(token);
	}
	while (pendingImports.size >= pendingMax) {
		pendingImports.delete(pendingImports.keys().next().value!);
	}
	const token = randomToken(18);
	pendingImports.set(token, { conferenceId, text, mode, expires: now + pendingMs });
	return token;
}

/** The checked file for a token, once (null when unknown, expired or another conference's). */
export function takeImport(
	conferenceId: string,
	token: string,
	now = Date.now()
): { text: string; mode: ImportMode } | null {
	const entry = pendingImports.get(token);
	if (!entry || entry.conferenceId !== conferenceId || entry.expires <= now) return null;
	pendingImports.delete(token);
	return { text: entry.text, mode: entry.mode };
}
