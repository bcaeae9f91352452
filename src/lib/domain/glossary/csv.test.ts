import { describe, expect, it } from 'vitest';
import { glossaryLimits } from './concept-input';
import { glossaryToCsv, previewGlossaryImport } from './csv';
import { defaultGlossary } from './default-glossary';

describe('glossary CSV export and import', () => {
	it('round-trips the default glossary exactly, with semicolons and a BOM', () => {
		const csv = glossaryToCsv(defaultGlossary, ';');
		expect(csv.startsWith('\uFEFFid;nb;sv;da;is;fi;en;explanation_nb')).toBe(true);
		const preview = previewGlossaryImport(csv, [], 'replace');
		expect(preview.fileErrors).toEqual([]);
		expect(preview.rows.filter((r) => r.errors.length > 0)).toEqual([]);
		expect(preview.ok).toBe(true);
		expect(preview.result).toEqual(defaultGlossary);
	});

	it('keeps text that looks like a formula as text, both ways', () => {
		const glossary = [{ id: 'x', terms: { en: ['x'] }, explanation: { en: '=HYPERLINK("evil")' } }];
		const csv = glossaryToCsv(glossary, ',');
		expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
		expect(previewGlossaryImport(csv, [], 'replace').result).toEqual(glossary);
	});

	it('says what is wrong with a file that is not a glossary', () => {
		const codes = (text: string | Uint8Array) =>
			previewGlossaryImport(text, [], 'replace').fileErrors.map((e) => e.code);
		expect(codes('name,country\nÅsa,SE')).toEqual(['no_language_column']);
		expect(codes('PK\u0003\u0004binary')).toEqual(['not_csv']);
		expect(codes('\n\n')).toEqual(['empty_file']);
		expect(codes('id,en\n')).toEqual(['no_rows']);
		expect(codes('en,en\nx,y')).toEqual(['duplicate_column']);
		expect(codes('en\n"open')).toEqual(['unterminated_quote']);
		expect(codes(new Uint8Array(glossaryLimits.csvBytes + 1))).toEqual(['file_too_large']);
	});

	it('reads Windows-1252 files from older Excel and says so', () => {
		const bytes = new Uint8Array([...Buffer.from('id;da\n;'), 0x73, 0x6b, 0xe5, 0x6e, 0x65]);
		const preview = previewGlossaryImport(bytes, [], 'replace');
		expect(preview.warnings.map((w) => w.code)).toEqual(['legacy_encoding']);
		expect(preview.result[0]?.terms).toEqual({ da: ['skåne'] });
	});
});
