/**
 * RFC 4180 CSV, as people actually produce it: Excel in the Nordic countries writes semicolons
 * (the comma is the decimal separator there), "Unicode text" exports use tabs and UTF-16, and
 * older exports are Windows-1252. Pure: the caller reads the file, this module only turns text
 * into records and records into text.
 */

import { CsvError as CsvParseError, parse, type CastingContext } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** Field separators we read and write. */
export const csvDelimiters = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** Why a text is not valid CSV. */
export type CsvErrorCode = 'unterminated_quote' | 'text_after_quote';

/** A parse failure, with the 1-based line where the offending field starts. */
export interface CsvError {
	/** Machine-readable reason; translated by the caller. */
	code: CsvErrorCode;
	/** Values for the translated message: always the line number. */
	params: { line: number };
}

export interface CsvParseOptions {
	/** Separator to use; 'auto' (the default) picks comma, semicolon or tab from the first records. */
	delimiter?: CsvDelimiter | 'auto';
	/** Remove the apostrophe that writeCsv puts before formula characters (for round trips). */
	unprotectFormulas?: boolean;
}

/** Records read from a CSV text. */
export interface CsvTable {
	/** The separator that was used (detected or given). */
	delimiter: CsvDelimiter;
	/** Every record; an empty line is a record of one empty field (row numbers match a spreadsheet). */
	rows: string[][];
	/** For each record, the 1-based line where it starts (differs from the row after quoted newlines). */
	lines: number[];
}

export type CsvParseResult = { ok: true; table: CsvTable } | { ok: false; error: CsvError };

const BOM = '\uFEFF';

interface Scan {
	rows: string[][];
	lines: number[];
	error: CsvError | null;
}

/**
 * Reads records with one delimiter through csv-parse. Stops after `maxRecords` (used by
 * detection). Fields are NFC-normalised one by one, so that "Å" typed as A + combining ring
 * equals the precomposed "Å".
 */
function scan(text: string, delimiter: CsvDelimiter, maxRecords?: number): Scan {
	const rows: string[][] = [];
	const lines: number[] = [];
	let line = 1;
	let recordStart = 0;
	let bytes: Buffer | null = null;
	let error: CsvError | null = null;
	try {
		parse(text, {
			...readOptions(delimiter),
			to: maxRecords,
			on_record: (record, context) => {
				if (error) return null;
				// context.bytes is the UTF-8 offset just after this record and its line end.
				const recordEnd = context.bytes;
				if (record.some((field) => field.startsWith('"'))) {
					bytes ??= Buffer.from(text);
					const raw = bytes.subarray(recordStart, recordEnd).toString('utf8');
					const misquoted = textAfterQuote(record, raw, delimiter);
					if (misquoted !== null) {
						error = { code: 'text_after_quote', params: { line: line + misquoted } };
						return null;
					}
				}
				recordStart = recordEnd;
				rows.push(record.map((field) => field.normalize('NFC')));
				lines.push(line);
				// Line breaks only occur inside quoted fields or at the end of the record.
				line += 1 + record.reduce((sum, field) => sum + countLineBreaks(field), 0);
				return null;
			}
		});
	} catch (thrown) {
		if (!(thrown instanceof CsvParseError) || thrown.code !== 'CSV_QUOTE_NOT_CLOSED') throw thrown;
		error ??= { code: 'unterminated_quote', params: { line: unclosedQuoteLine(text) } };
	}
	return { rows, lines, error };
}

function readOptions(delimiter: CsvDelimiter) {
	return {
		delimiter,
		// CRLF, LF or a lone CR (old Mac exports) all end a record, even mixed in one file.
		record_delimiter: ['\r\n', '\n', '\r'],
		// A quote inside an unquoted field (5" screen, O"Brien) is kept as it is, like Excel does.
		relax_quotes: true,
		relax_column_count: true
	};
}

/**
 * csv-parse's relax_quotes also accepts text after a closing quote ("Smith" Jr), which we
 * refuse: it reads as a quote the writer forgot to double. Such a field comes back quoted and
 * starting with the quote, so it no longer re-encodes to its raw text. Only such a record is
 * read again, with a cast that marks quoted fields (too slow to run on every record).
 * Returns the line breaks before the offending field, or null when the record is sound.
 */
function textAfterQuote(
	record: readonly string[],
	raw: string,
	delimiter: CsvDelimiter
): number | null {
	if (!record.some((field) => field.startsWith('"'))) return null;
	const quoted: boolean[] = [];
	parse(raw, {
		...readOptions(delimiter),
		to: 1,
		cast: (value: string, context: CastingContext) => {
			quoted[context.index] = context.quoting;
			return value;
		}
	});
	let offset = 0;
	for (let k = 0; k < record.length; k++) {
		const field = record[k]!;
		const encoded = quoted[k] ? `"${field.replace(/"/g, '""')}"` : field;
		if (raw.slice(offset, offset + encoded.length) !== encoded) {
			return countLineBreaks(raw.slice(0, offset));
		}
		offset += encoded.length + delimiter.length;
	}
	return null;
}

/**
 * The line of the quote that never closes. Inside an open quoted field every quote is doubled
 * (a lone one would close it), so the opening quote starts the last run of quotes of odd length.
 */
function unclosedQuoteLine(text: string): number {
	let end = text.length;
	while (end > 0) {
		const last = text.lastIndexOf('"', end - 1);
		if (last === -1) break;
		let first = last;
		while (first > 0 && text[first - 1] === '"') first--;
		if ((last - first + 1) % 2 === 1) return 1 + countLineBreaks(text.slice(0, first));
		end = first;
	}
	return 1 + countLineBreaks(text);
}

/** Line breaks in a text, counting CRLF, LF and a lone CR as one each. */
function countLineBreaks(chunk: string): number {
	let count = 0;
	for (let k = 0; k < chunk.length; k++) {
		const c = chunk[k];
		if (c === '\n') count++;
		else if (c === '\r' && chunk[k + 1] !== '\n') count++;
	}
	return count;
}

/** How many records detection looks at: enough to see a pattern, cheap on a 1 MB file. */
const detectionRecords = 20;

/**
 * Picks the delimiter whose records agree best with the header: the most records with the
 * header's field count, then the most header fields, then comma before semicolon before tab.
 * A file with a single column reads the same with any of them, so it gets the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	let best: CsvDelimiter = ',';
	let bestScore = [0, 0];
	for (const delimiter of csvDelimiters) {
		const { rows } = scan(body, delimiter, detectionRecords);
		const records = rows.filter((r) => !isBlankRow(r));
		const header = records[0]?.length ?? 0;
		if (header < 2) continue;
		const agreeing = records.filter((r) => r.length === header).length;
		const [bestAgreeing = 0, bestHeader = 0] = bestScore;
		if (agreeing > bestAgreeing || (agreeing === bestAgreeing && header > bestHeader)) {
			best = delimiter;
			bestScore = [agreeing, header];
		}
	}
	return best;
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * Parses CSV text (RFC 4180 plus what spreadsheets write): a leading BOM is dropped, quoted
 * fields may hold delimiters, "" and line breaks, records end in CRLF, LF or CR. Values are not
 * trimmed: callers decide what surrounding spaces mean.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	const delimiter =
		options.delimiter === undefined || options.delimiter === 'auto'
			? detectDelimiter(body)
			: options.delimiter;
	const { rows, lines, error } = scan(body, delimiter);
	if (error) return { ok: false, error };
	if (options.unprotectFormulas) {
		for (const row of rows) {
			for (let k = 0; k < row.length; k++) {
				const cell = row[k]!;
				if (cell.startsWith("'") && formulaStart.test(cell.slice(1))) row[k] = cell.slice(1);
			}
		}
	}
	return { ok: true, table: { delimiter, rows, lines } };
}

/** True for a record with nothing in it (an empty line, or only delimiters and spaces). */
export function isBlankRow(row: readonly string[]): boolean {
	return row.every((cell) => cell.trim() === '');
}

/** A value written to a cell; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
	/** Field separator; comma by default, semicolon for Excel in Nordic locales. */
	delimiter?: CsvDelimiter;
	/** Start with a UTF-8 BOM, which Excel needs to read æ, ø, å, ð and þ correctly. */
	bom?: boolean;
	/** Guard text cells against formula injection (default true); see csvCell. */
	protectFormulas?: boolean;
}

/**
 * One cell as CSV text.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, - or @ as a formula (and
 * a leading tab or CR can hide such a character), so text written by participants could make an
 * organiser's Excel call out to the network or run commands (CWE-1236). When `protectFormulas`
 * is on, a string cell starting with one of =, +, -, @, tab or CR gets a leading apostrophe, the
 * OWASP advice: the spreadsheet then shows it as text. The apostrophe stays visible in the data
 * (also in "-5" given as a string); numbers passed as numbers are written as they are.
 * parseCsv's `unprotectFormulas` removes it again for round trips.
 *
 * The cell is quoted when it contains the delimiter, a quote, a line break, or starts or ends
 * with a space (which some readers would trim); quotes inside are doubled.
 */
export function csvCell(value: CsvCell, options: CsvWriteOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'string') {
		text = value.normalize('NFC');
		if ((options.protectFormulas ?? true) && formulaStart.test(text)) text = `'${text}`;
	} else {
		text = String(value);
	}
	const needsQuotes =
		text.includes(delimiter) ||
		text.includes('"') ||
		text.includes('\n') ||
		text.includes('\r') ||
		/^\s|\s$/.test(text);
	return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes records as CSV with CRLF after every record (RFC 4180), optionally behind a BOM. */
export function writeCsv(
	rows: readonly (readonly CsvCell[])[],
	options: CsvWriteOptions = {}
): string {
	const delimiter = options.delimiter ?? ',';
	const body = rows
		.map((row) => row.map((cell) => csvCell(cell, options)).join(delimiter) + '\r\n')
		.join('');
	return (options.bom ? BOM : '') + body;
}

/** Character encodings decodeCsvBytes recognises. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Text decoded from a file, with the encoding that was used. */
export interface DecodedText {
	/** The text, without a byte order mark. */
	text: string;
	/** How the bytes were read; windows-1252 means it was not valid UTF-8. */
	encoding: CsvEncoding;
}

/**
 * Decodes an uploaded file: a byte order mark decides (UTF-8, or UTF-16 from Excel's "Unicode
 * text"); otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252, which is what older
 * Nordic Excel and Notepad exports are (it has æ ø å ä ö ð þ, so names still come through).
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const b0 = bytes[0];
	const b1 = bytes[1];
	// iconv-lite drops the byte order mark it decodes behind.
	if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
		return { text: iconv.decode(buffer, 'utf-8'), encoding: 'utf-8' };
	}
	if (b0 === 0xff && b1 === 0xfe) {
		return { text: iconv.decode(buffer, 'utf-16le'), encoding: 'utf-16le' };
	}
	if (b0 === 0xfe && b1 === 0xff) {
		return { text: iconv.decode(buffer, 'utf-16be'), encoding: 'utf-16be' };
	}
	try {
		// iconv-lite replaces invalid UTF-8 instead of failing, so validity is checked here.
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		// iconv-lite maps 0x80–0x9F to € ‚ „ … ’ “ ” – —, which Node's TextDecoder reads as controls.
		return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
	}
}
