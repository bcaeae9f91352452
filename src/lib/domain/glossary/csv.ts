// A glossary as CSV: export with a BOM for Excel, and an import that is checked row by row
// before anything is saved. Pure: the server keeps the checked file and writes the result.
import { decodeCsvBytes, isBlankRow, parseCsv, writeCsv, type CsvDelimiter } from '$lib/domain/csv';
import { foldText } from '$lib/domain/fold';
import { findLanguage } from '$lib/domain/languages';
import { languages, type Language } from '$lib/domain/session/types';
import {
	checkGlossary,
	conceptFromInput,
	conceptId,
	conceptToInput,
	glossaryLimits,
	reservedIds,
	splitTerms,
	type ConceptError,
	type ConceptInput
} from './concept-input';
import type { Glossary, GlossaryConcept } from './types';

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

/** Header words a column may have besides its code and a language's code or name. */
const headerAliases: Record<string, CsvColumn> = {
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
	const word = header.trim().toLowerCase();
	return (Object.hasOwn(headerAliases, word) ? headerAliases[word] : findLanguage(header)) ?? null;
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
