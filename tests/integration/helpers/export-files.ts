/** Reading exported files back: a DOCX's paragraphs and a PDF's text, as a reader would see them. */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

const run = promisify(execFile);

export interface DocxParagraph {
	/** Paragraph style id, e.g. Heading1; null for body text. */
	style: string | null;
	text: string;
}

function unescapeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Unzips a DOCX and reads word/document.xml into paragraphs (style and the text of its runs). */
export function docxParagraphs(docx: Uint8Array): DocxParagraph[] {
	const files = unzipSync(docx);
	const part = files['word/document.xml'];
	if (!part) throw new Error(`no word/document.xml in ${Object.keys(files).join(', ')}`);
	const xml = strFromU8(part);
	return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
		const body = m[1] ?? '';
		const text = [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
		return { style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null, text: unescapeXml(text) };
	});
}

/** A PDF's text (pdftotext, UTF-8) and page count (pdfinfo). */
export async function pdfText(
	pdf: Uint8Array,
	dir: string
): Promise<{ text: string; pages: number }> {
	const file = join(dir, 'report.pdf');
	await writeFile(file, pdf);
	const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
	const { stdout: info } = await run('pdfinfo', [file]);
	return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
}

/**
 * Text with every run of white space as one space: line breaks in a PDF fall anywhere, and a
 * long word broken at a soft hyphen is one word again.
 */
export function flat(text: string): string {
	return text
		.replace(/\u00AD\s*/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
