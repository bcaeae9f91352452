import { describe, expect, it } from 'vitest';
import {
	csvCell,
	decodeCsvBytes,
	detectDelimiter,
	isBlankRow,
	parseCsv,
	writeCsv,
	type CsvParseResult,
	type CsvTable
} from './csv';

function table(result: CsvParseResult): CsvTable {
	if (!result.ok) throw new Error(`expected a table, got ${result.error.code}`);
	return result.table;
}

function rows(text: string): string[][] {
	return table(parseCsv(text)).rows;
}

describe('parseCsv', () => {
	it('reads simple records with CRLF, LF and lone CR line ends', () => {
		expect(rows('a,b\r\nc,d\r\n')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(rows('a,b\nc,d')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(rows('a,b\rc,d\r')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
	});

	it('reads nothing from an empty text or a lone BOM', () => {
		expect(rows('')).toEqual([]);
		expect(rows('\uFEFF')).toEqual([]);
	});

	it('strips a UTF-8 BOM so that the first header is not "\\uFEFFname"', () => {
		expect(rows('\uFEFFname,country\r\nÅsa Bergelin,SE\r\n')).toEqual([
			['name', 'country'],
			['Åsa Bergelin', 'SE']
		]);
	});

	it('keeps empty fields, including a trailing one', () => {
		expect(rows('a,,c\r\n,\r\nx,')).toEqual([
			['a', '', 'c'],
			['', ''],
			['x', '']
		]);
	});

	it('keeps an empty line as a record with one empty field, so row numbers match a spreadsheet', () => {
		const t = table(parseCsv('h1,h2\r\n\r\nv1,v2\r\n'));
		expect(t.rows).toEqual([['h1', 'h2'], [''], ['v1', 'v2']]);
		expect(t.lines).toEqual([1, 2, 3]);
	});

	it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
		const text =
			'name,note\r\n' +
			'"Bergelin, Åsa","She said ""hei"""\r\n' +
			'"Guðrún","line one\r\nline two\nline three"\r\n' +
			'"",""\r\n';
		expect(rows(text)).toEqual([
			['name', 'note'],
			['Bergelin, Åsa', 'She said "hei"'],
			['Guðrún', 'line one\r\nline two\nline three'],
			['', '']
		]);
	});

	it('gives the line where each record starts, counting line breaks inside quotes', () => {
		const t = table(parseCsv('a,b\n"x\ny\r\nz",1\nlast,2\n'));
		expect(t.rows).toEqual([
			['a', 'b'],
			['x\ny\r\nz', '1'],
			['last', '2']
		]);
		expect(t.lines).toEqual([1, 2, 5]);
	});

	it('ends records at CRLF, LF and a lone CR mixed in one file', () => {
		const t = table(parseCsv('a,b\r\nc,d\ne,f\rg,h'));
		expect(t.rows).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
			['g', 'h']
		]);
		expect(t.lines).toEqual([1, 2, 3, 4]);
	});

	it('keeps a quote inside an unquoted field as it is, like Excel', () => {
		expect(rows('5" screen,O"Brien')).toEqual([['5" screen', 'O"Brien']]);
	});

	it('does not trim spaces: callers decide what they mean', () => {
		expect(rows(' a , b ')).toEqual([[' a ', ' b ']]);
	});

	it('reports an unterminated quote with the line where the quote opened', () => {
		const result = parseCsv('name,country\nÅsa,SE\n"Guðrún,IS\nÁrni,IS\n');
		expect(result).toEqual({
			ok: false,
			error: { code: 'unterminated_quote', params: { line: 3 } }
		});
	});

	it('counts lines inside an earlier quoted field when reporting an unterminated quote', () => {
		const result = parseCsv('a,"one\ntwo"\nb,"open\n');
		expect(result).toEqual({
			ok: false,
			error: { code: 'unterminated_quote', params: { line: 3 } }
		});
	});

	it('finds the opening quote of an unterminated field behind doubled quotes', () => {
		expect(parseCsv('a,"b ""c"""\nx,"say ""hei""\nmore\n')).toEqual({
			ok: false,
			error: { code: 'unterminated_quote', params: { line: 2 } }
		});
	});

	it('reports text after a closing quote on the line where its field starts', () => {
		expect(parseCsv('a,b\n"one\ntwo","x\ny" z\nO"Brien,1\n')).toEqual({
			ok: false,
			error: { code: 'text_after_quote', params: { line: 3 } }
		});
		expect(rows('"""quoted"" first",x\n')).toEqual([['"quoted" first', 'x']]);
	});

	it('reports text after a closing quote with its line', () => {
		expect(parseCsv('a,b\n"Smith" Jr,NO\n')).toEqual({
			ok: false,
			error: { code: 'text_after_quote', params: { line: 2 } }
		});
	});

	it('normalises fields to NFC, so decomposed letters equal the precomposed ones', () => {
		const decomposed = 'Árni Már Björnsson;Åsa Bergelin;Þórunn'.normalize('NFD');
		expect(decomposed).toHaveLength(43);
		expect(rows(`${decomposed}\n`)).toEqual([['Árni Már Björnsson', 'Åsa Bergelin', 'Þórunn']]);
	});

	it('uses a given delimiter instead of detecting one', () => {
		expect(table(parseCsv('a;b,c', { delimiter: ',' })).rows).toEqual([['a;b', 'c']]);
	});

	it('removes the formula guard on request, and only before formula characters', () => {
		const text = "'=1+1,'-5,'@x,'plain,=raw\r\n";
		expect(rows(text)).toEqual([["'=1+1", "'-5", "'@x", "'plain", '=raw']]);
		expect(table(parseCsv(text, { unprotectFormulas: true })).rows).toEqual([
			['=1+1', '-5', '@x', "'plain", '=raw']
		]);
	});
});

describe('detectDelimiter', () => {
	it('finds semicolons in a Nordic Excel export, even with commas inside names', () => {
		const text =
			'Navn;Land;Rolle\r\nBergelin, Åsa;SE;jobbcoach\r\nØstli, Tommy;NO;arbeidsgiver\r\n';
		expect(detectDelimiter(text)).toBe(';');
		expect(table(parseCsv(text)).rows[1]).toEqual(['Bergelin, Åsa', 'SE', 'jobbcoach']);
	});

	it('finds commas even when fields contain semicolons', () => {
		expect(detectDelimiter('name,note\n"a","x;y;z"\n"b","p;q"\n')).toBe(',');
	});

	it('finds tabs in a "Unicode text" export', () => {
		expect(detectDelimiter('name\tcountry\trole\nÁrni Már Björnsson\tIS\tcoordinator\n')).toBe(
			'\t'
		);
	});

	it('ignores delimiters inside quoted fields', () => {
		expect(detectDelimiter('"a;b;c;d",x\n"e;f;g;h",y\n')).toBe(',');
	});

	it('prefers the delimiter whose rows agree with the header', () => {
		// Two semicolons per row agree; the commas in the header are a one-off.
		expect(detectDelimiter('a,b;c;d\n1;2;3\n4;5;6\n')).toBe(';');
	});

	it('falls back to the comma for a single column and for empty text', () => {
		expect(detectDelimiter('name\nÅsa\nGuðrún\n')).toBe(',');
		expect(detectDelimiter('')).toBe(',');
	});
});

describe('isBlankRow', () => {
	it('is true for empty lines and rows of empty or space-only cells', () => {
		expect(isBlankRow([''])).toBe(true);
		expect(isBlankRow(['', ' ', '\t'])).toBe(true);
		expect(isBlankRow(['', 'x'])).toBe(false);
	});
});

describe('csvCell', () => {
	it('leaves plain text, numbers and booleans alone and writes null as empty', () => {
		expect(csvCell('Guðrún Jónsdóttir')).toBe('Guðrún Jónsdóttir');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(true)).toBe('true');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('quotes cells with the delimiter, quotes, line breaks or edge spaces', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('a;b')).toBe('a;b');
		expect(csvCell('a;b', { delimiter: ';' })).toBe('"a;b"');
		expect(csvCell('tab\there', { delimiter: '\t' })).toBe('"tab\there"');
		expect(csvCell('say "hei"')).toBe('"say ""hei"""');
		expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
		expect(csvCell(' padded')).toBe('" padded"');
		expect(csvCell('padded ')).toBe('"padded "');
	});

	it('puts an apostrophe before text starting with =, +, -, @, tab or CR', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+47 22 00 00 00')).toBe("'+47 22 00 00 00");
		expect(csvCell('- mangler oppfølging')).toBe("'- mangler oppfølging");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('\r=1')).toBe(`"'\r=1"`);
		expect(csvCell('-5')).toBe("'-5");
	});

	it('does not guard text with formula characters later on, or when told not to', () => {
		expect(csvCell('a=b')).toBe('a=b');
		expect(csvCell('=1', { protectFormulas: false })).toBe('=1');
	});

	it('normalises text to NFC', () => {
		expect(csvCell('A\u030Asa')).toBe('Åsa');
	});
});

describe('writeCsv', () => {
	it('ends every record with CRLF', () => {
		expect(
			writeCsv([
				['name', 'country'],
				['Åsa Bergelin', 'SE']
			])
		).toBe('name,country\r\nÅsa Bergelin,SE\r\n');
	});

	it('writes an empty table as an empty text', () => {
		expect(writeCsv([])).toBe('');
	});

	it('writes a BOM and semicolons for Excel on request', () => {
		expect(writeCsv([['a;b', 'c']], { delimiter: ';', bom: true })).toBe('\uFEFF"a;b";c\r\n');
	});

	it('round-trips awkward values through parseCsv', () => {
		const data = [
			['name', 'note', 'country'],
			['Guðrún Jónsdóttir', 'line one\nline "two"', 'IS'],
			['Øystein Sørmark', 'a, b; c\tdone', 'NO'],
			['Árni Már Björnsson', '', 'IS'],
			['=cmd|calc', '-5', '@x']
		];
		for (const delimiter of [',', ';', '\t'] as const) {
			const text = writeCsv(data, { delimiter, bom: true });
			const back = table(parseCsv(text, { unprotectFormulas: true }));
			expect(back.delimiter).toBe(delimiter);
			expect(back.rows).toEqual(data);
		}
	});
});

describe('decodeCsvBytes', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);

	it('reads UTF-8 with and without a BOM', () => {
		expect(decodeCsvBytes(utf8('Þórunn'))).toEqual({ text: 'Þórunn', encoding: 'utf-8' });
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Þórunn')]);
		expect(decodeCsvBytes(withBom)).toEqual({ text: 'Þórunn', encoding: 'utf-8' });
	});

	it('reads UTF-16 LE and BE behind their BOMs (Excel "Unicode text")', () => {
		const le = new Uint8Array([0xff, 0xfe, 0xd8, 0x00, 0x0a, 0x00]);
		expect(decodeCsvBytes(le)).toEqual({ text: 'Ø\n', encoding: 'utf-16le' });
		const be = new Uint8Array([0xfe, 0xff, 0x00, 0xf0]);
		expect(decodeCsvBytes(be)).toEqual({ text: 'ð', encoding: 'utf-16be' });
	});

	it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
		// "Øystein;Guðrún;Þór;€ ’x”" as an old Nordic Excel export writes it.
		const bytes = new Uint8Array([
			0xd8, 0x79, 0x73, 0x74, 0x65, 0x69, 0x6e, 0x3b, 0x47, 0x75, 0xf0, 0x72, 0xfa, 0x6e, 0x3b,
			0xde, 0xf3, 0x72, 0x3b, 0x80, 0x20, 0x92, 0x78, 0x94
		]);
		expect(decodeCsvBytes(bytes)).toEqual({
			text: 'Øystein;Guðrún;Þór;€ ’x”',
			encoding: 'windows-1252'
		});
	});
});
