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
 * Where each named destination of a PDF lands (pdfinfo -dests): Chromium names one for every
 * element an internal link points to, so this is the page each contents entry really is on.
 */
export async function pdfDestinations(pdf: Uint8Array, dir: string): Promise<Map<string, number>> {
	const file = join(dir, 'destinations.pdf');
	await writeFile(file, pdf);
	const { stdout } = await run('pdfinfo', ['-dests', file]);
	const pages = new Map<string, number>();
	for (const match of stdout.matchAll(/^\s*(\d+)\s+\[.*\]\s+"(.*)"$/gm)) {
		pages.set(match[2]!, Number(match[1]));
	}
	return pages;
}

/** The fonts a PDF embeds (pdffonts): name, e.g. "AAAAAB+DejaVuSans" or "[none]", and type. */
export async function pdfFonts(
	pdf: Uint8Array,
	dir: string
): Promise<{ name: string; type: string }[]> {
	const file = join(dir, 'fonts.pdf');
	await writeFile(file, pdf);
	const { stdout } = await run('pdffonts', [file]);
	// A header line, then a rule whose dashes give each column's width, then one font a line.
	const [, rule = '', ...rows] = stdout.split('\n');
	const widths = rule.split(' ').map((dashes) => dashes.length + 1);
	const column = (line: string, index: number) => {
		const start = widths.slice(0, index).reduce((sum, w) => sum + w, 0);
		return line.slice(start, start + widths[index]!).trim();
	};
	return rows
		.filter((line) => line.trim() !== '')
		.map((line) => ({ name: column(line, 0), type: column(line, 1) }));
}

/** One part of a DOCX (an OOXML zip) as text, e.g. word/styles.xml. */
export function docxPart(docx: Uint8Array, name: string): string {
	const part = unzipSync(docx)[name];
	if (!part) throw new Error(`no ${name} in the DOCX`);
	return strFromU8(part);
}

/**
 * Text with every run of white space as one space: line breaks in a PDF fall anywhere, and a
 * long word broken at a soft hyphen is one word again.
 */
export function flat(text: string): string {
	return (
		text
			.replace(/\u00AD\s*/g, '')
			// A word the PDF hyphenated at a line's end (Chromium draws U+2010 there): joined again.
			.replace(/(\p{L})\u2010\s+(\p{L})/gu, '$1$2')
			.replace(/\s+/g, ' ')
			.trim()
	);
}
