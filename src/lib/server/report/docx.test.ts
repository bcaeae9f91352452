import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookmarkName, renderReportDocx } from './docx';
import { hostile, hostileReport } from './test-report';

interface DocParagraph {
	style: string | null;
	text: string;
	numbered: boolean;
}

function unescapeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The paragraphs of a WordprocessingML part: style, text of its w:t runs, list membership. */
function paragraphs(xml: string): DocParagraph[] {
	return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
		const body = m[1] ?? '';
		const text = [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
		return {
			style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null,
			text: unescapeXml(text),
			numbered: body.includes('<w:numPr>')
		};
	});
}

/** Throws unless every tag is closed in order and no text holds a bare < or &. */
function assertWellFormed(xml: string, part: string) {
	const stack: string[] = [];
	for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)\b[^>]*?(\/?)>/g)) {
		const [, closing, name, selfClosing] = m;
		if (selfClosing) continue;
		if (closing) {
			const open = stack.pop();
			if (open !== name) throw new Error(`${part}: </${name}> closes <${open}>`);
		} else {
			stack.push(name!);
		}
	}
	expect(stack, part).toEqual([]);
	const text = xml.replace(/<\?[^>]*\?>/g, '').replace(/<[^>]*>/g, '');
	expect(text, part).not.toMatch(/</);
	expect(text, part).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
}

describe('DOCX report', () => {
	const report = hostileReport();
	let files: Record<string, Uint8Array>;
	let xml: string;
	let paras: DocParagraph[];

	beforeAll(async () => {
		const docx = await renderReportDocx(report);
		files = unzipSync(docx);
		xml = strFromU8(files['word/document.xml']!);
		paras = paragraphs(xml);
	});

	it('is a zip with the parts Word needs, all well-formed XML', () => {
		for (const part of [
			'[Content_Types].xml',
			'word/document.xml',
			'word/styles.xml',
			'word/numbering.xml'
		]) {
			expect(files[part], part).toBeDefined();
		}
		for (const [name, data] of Object.entries(files)) {
			if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormed(strFromU8(data), name);
		}
	});

	it('uses Word heading styles for chapters, rounds and groups', () => {
		const byStyle = (style: string) => paras.filter((p) => p.style === style).map((p) => p.text);
		expect(byStyle('Title')).toEqual([hostile.title]);
		expect(byStyle('Heading1')).toEqual(
			report.contents.filter((e) => e.level === 1).map((e) => e.title)
		);
		expect(byStyle('Heading2')).toEqual(
			report.contents.filter((e) => e.level === 2).map((e) => e.title)
		);
		expect(byStyle('Heading3')).toContain(
			'a) Hva slags støtte er viktig for at du skal beholde jobben?'
		);
		expect(byStyle('Heading4')).toContain('Gruppens prioriteringer');
		const styles = strFromU8(files['word/styles.xml']!);
		expect(styles).toContain('w:styleId="Heading1"');
		expect(styles).toContain('w:styleId="Heading2"');
	});

	it('has a TOC field over headings 1–2, with cached entries linked to bookmarks', () => {
		expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
		expect(strFromU8(files['word/settings.xml']!)).toContain('<w:updateFields/>');
		const toc = paras
			.filter((p) => p.style === 'TOC1' || p.style === 'TOC2')
			.map((p) => p.text.trim());
		expect(toc).toEqual(report.contents.map((e) => e.title));
		const ids = new Set<string>();
		for (const entry of report.contents) {
			const name = bookmarkName(entry.anchor);
			expect(xml).toContain(`w:anchor="${name}"`);
			const start = new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>`).exec(xml);
			expect(start, name).not.toBeNull();
			ids.add(start![1]!);
		}
		// Word pairs bookmark starts and ends by id, so every id must be its own.
		expect(ids.size).toBe(report.contents.length);
	});

	it('puts the programme, groups, results and language help in tables', () => {
		const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
		const resultTables = report.rounds
			.flatMap((r) => r.groups.flatMap((g) => g.questions))
			.filter((q) => q.prioritised.length > 0).length;
		const expected = report.programme!.days.length + 1 + report.rounds.length + resultTables;
		expect(tables).toBe(expected);
		expect(xml).toContain('<w:tblHeader/>');
		const header = paras.findIndex((p) => p.text === 'Gruppe (antall)');
		expect(paras.slice(header, header + 3).map((p) => p.text)).toEqual([
			'Gruppe (antall)',
			'Gruppeleder',
			'Tema'
		]);
	});

	it('lists notes and participants as Word lists', () => {
		const numbering = strFromU8(files['word/numbering.xml']!);
		expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
		expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
		const note = paras.find((p) => p.text.startsWith('Job coach bør også undervise kollegerne'));
		expect(note?.numbered).toBe(true);
		const person = paras.find((p) => p.text.startsWith('Guðrún Jónsdóttir'));
		expect(person).toMatchObject({
			numbered: true,
			text: 'Guðrún Jónsdóttir, jobbkonsulent – Ás vinnustofa'
		});
	});

	it('keeps Nordic letters and user text exactly as typed', () => {
		const text = paras.map((p) => p.text).join('\n');
		for (const name of [
			'Guðrún Jónsdóttir',
			'Øystein Sørmark',
			'Árni Már Björnsson',
			'Þórdís Ásgeirsdóttir'
		]) {
			expect(text).toContain(name);
		}
		expect(text).toContain(hostile.script);
		expect(text).toContain(hostile.heading);
		expect(xml).not.toContain('<script>');
		expect(xml).toContain('&lt;script&gt;');
	});

	it('has a running header with the title and page numbers in the footer', () => {
		const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
		const headerText = headers
			.map((f) =>
				paragraphs(strFromU8(files[f]!))
					.map((p) => p.text)
					.join('')
			)
			.join('|');
		expect(headerText).toContain(hostile.title);
		const footers = Object.keys(files)
			.filter((f) => /^word\/footer\d+\.xml$/.test(f))
			.map((f) => strFromU8(files[f]!))
			.join('');
		expect(footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
		expect(footers).toContain('Side ');
	});

	it('leaves names out when asked', async () => {
		const docx = await renderReportDocx(hostileReport({ includeNames: false }));
		const text = paragraphs(strFromU8(unzipSync(docx)['word/document.xml']!))
			.map((p) => p.text)
			.join('\n');
		expect(text).not.toContain('Guðrún Jónsdóttir');
		expect(text).toContain('jobbkonsulenter');
	});
});

describe('bookmarkName', () => {
	it('makes Word-safe names from anchors', () => {
		expect(bookmarkName('round-1-group-2')).toBe('r_round_1_group_2');
		expect(bookmarkName('language-help')).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
	});
});
