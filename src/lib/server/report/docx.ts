import {
	AlignmentType,
	Bookmark,
	BookmarkEnd,
	BookmarkStart,
	Document,
	Footer,
	Header,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableLayoutType,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type FileChild,
	type IRunOptions
} from 'docx';
import {
	describedRole,
	type GroupSection,
	type LanguageHelpSection,
	type QuestionSection,
	type Report,
	type ReportDocument,
	type ReportFrame,
	type ReportNote,
	type RoundSection,
	type AcrossSection,
	type TextBlock
} from '$lib/domain/report/model';
import { bySubheading, placeOf, questionsAsked } from '$lib/domain/report/model';
import type { WorkshopReport } from '$lib/domain/report/workshop';

// A4 in twentieths of a point, with 2 cm margins.
const pageWidth = 11906;
const pageHeight = 16838;
const margin = 1134;
const textWidth = pageWidth - 2 * margin;
const accent = '1F3A5F';
const muted = '555555';
const headerFill = 'EEF2F6';

// Characters XML 1.0 cannot carry: a stray one would make Word refuse the whole file.
const invalidXml =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
	return text.replace(invalidXml, '');
}

/** Runs for text that may hold line breaks. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
	return clean(text)
		.split('\n')
		.map((line, index) => new TextRun({ ...options, text: line, break: index > 0 ? 1 : 0 }));
}

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40. */
export function bookmarkName(anchor: string): string {
	return `r_${anchor.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
}

/** A bookmark named after a contents anchor, numbered by its place in the contents. */
function bookmark(report: ReportFrame, anchor: string, children: TextRun[]): Bookmark {
	const mark = new Bookmark({ id: bookmarkName(anchor), children });
	// docx numbers every bookmark 1; Word wants a distinct id per bookmark.
	const id = report.contents.findIndex((e) => e.anchor === anchor) + 1;
	return Object.assign(mark, {
		start: new BookmarkStart(bookmarkName(anchor), id),
		end: new BookmarkEnd(id)
	});
}

function heading(
	text: string,
	level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
	target?: { report: ReportFrame; anchor: string },
	pageBreakBefore = false
): Paragraph {
	const children = runs(text);
	return new Paragraph({
		heading: level,
		pageBreakBefore,
		keepNext: true,
		children: target ? [bookmark(target.report, target.anchor, children)] : children
	});
}

function paragraph(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): Paragraph {
	return new Paragraph({ children: runs(text, options) });
}

function bullet(children: TextRun[]): Paragraph {
	return new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children });
}

function blocks(
	items: TextBlock[],
	options: Omit<IRunOptions, 'text' | 'break'> = {}
): Paragraph[] {
	return items.flatMap((block) =>
		block.kind === 'paragraph'
			? [paragraph(block.text, options)]
			: block.items.map((item) => bullet(runs(item, options)))
	);
}

function cell(children: Paragraph[], width: number, header = false): TableCell {
	return new TableCell({
		children: children.length > 0 ? children : [new Paragraph('')],
		width: { size: width, type: WidthType.DXA },
		shading: header ? { type: ShadingType.CLEAR, fill: headerFill, color: 'auto' } : undefined,
		margins: { top: 60, bottom: 60, left: 100, right: 100 }
	});
}

function textCell(text: string, width: number, header = false, right = false): TableCell {
	return cell(
		[
			new Paragraph({
				alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
				children: runs(text, { bold: header })
			})
		],
		width,
		header
	);
}

/** A table whose first row repeats on every page; widths are fractions of the text width. */
function table(head: string[], rows: TableCell[][], fractions: number[], numeric: boolean[] = []) {
	const widths = fractions.map((f) => Math.round(f * textWidth));
	return new Table({
		width: { size: textWidth, type: WidthType.DXA },
		columnWidths: widths,
		// Fixed widths: a note that is one long word (a URL) breaks in its cell, never widens it.
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: head.map((h, i) => textCell(h, widths[i]!, true, numeric[i]))
			}),
			...rows.map((cells) => new TableRow({ cantSplit: true, children: cells }))
		]
	});
}

function spacer(): Paragraph {
	return new Paragraph({ children: [], spacing: { after: 120 } });
}

function titlePage(report: ReportFrame): FileChild[] {
	const t = report.titlePage;
	const out: FileChild[] = [new Paragraph({ children: [], spacing: { before: 3600 } })];
	if (t.organisation) {
		out.push(
			new Paragraph({
				children: runs(t.organisation.toLocaleUpperCase(report.locale), {
					bold: true,
					color: muted,
					characterSpacing: 40
				}),
				spacing: { after: 600 }
			})
		);
	}
	out.push(paragraph(t.documentLabel, { size: 28 }));
	out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(t.title) }));
	if (t.subtitle) out.push(paragraph(t.subtitle, { size: 30 }));
	if (t.placeAndDate) {
		out.push(
			new Paragraph({ children: runs(t.placeAndDate, { size: 26 }), spacing: { before: 400 } })
		);
	}
	if (t.author) {
		out.push(
			new Paragraph({ children: runs(t.author, { color: muted }), spacing: { before: 1200 } })
		);
	}
	if (t.generated) out.push(paragraph(t.generated, { color: muted }));
	return out;
}

function contents(report: ReportFrame): FileChild[] {
	if (report.contents.length === 0) return [];
	return [
		new Paragraph({
			pageBreakBefore: true,
			children: runs(report.labels.contents, { bold: true, size: 34, color: accent }),
			spacing: { after: 240 }
		}),
		new TableOfContents(report.labels.contents, {
			hyperlink: true,
			headingStyleRange: '1-2',
			// Shown until Word updates the field (it asks on opening, and fills in page numbers).
			cachedEntries: report.contents.map((entry) => ({
				title: clean(entry.title),
				level: entry.level,
				href: bookmarkName(entry.anchor)
			}))
		})
	];
}

function textChapter(
	report: ReportFrame,
	section: { anchor: string; heading: string; blocks: TextBlock[] } | null,
	byline = ''
): FileChild[] {
	if (!section) return [];
	return [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true),
		...(byline ? [paragraph(byline, { italics: true, color: muted })] : []),
		...blocks(section.blocks)
	];
}

function programme(report: Report): FileChild[] {
	const section = report.programme;
	if (!section) return [];
	const { labels } = report;
	const out: FileChild[] = [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true)
	];
	for (const day of section.days) {
		out.push(heading(day.label, HeadingLevel.HEADING_3));
		const widths = [0.2, 0.58, 0.22];
		out.push(
			table(
				[labels.time, labels.item, labels.kind],
				day.items.map((item) => [
					textCell(item.time, widths[0]! * textWidth),
					textCell(item.title, widths[1]! * textWidth),
					textCell(item.kindLabel, widths[2]! * textWidth)
				]),
				widths
			),
			spacer()
		);
	}
	return out;
}

function participants(report: Report): FileChild[] {
	const section = report.participants;
	if (!section) return [];
	const { labels } = report;
	const out: FileChild[] = [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true),
		paragraph(section.totalLabel)
	];
	if (section.namesOmittedNote) out.push(paragraph(section.namesOmittedNote, { color: muted }));
	section.countries.forEach((country, index) => {
		out.push(heading(`${country.name} (${country.count})`, HeadingLevel.HEADING_3));
		if (report.named) {
			for (const p of country.people) {
				const children = [new TextRun({ text: clean(p.name) })];
				const role = describedRole(p);
				if (role) children.push(new TextRun({ text: clean(`, ${role}`) }));
				if (p.coordinator)
					children.push(new TextRun({ text: clean(`, ${p.coordinator}`), bold: true }));
				if (p.organisation) {
					children.push(new TextRun({ text: clean(` – ${p.organisation}`), color: muted }));
				}
				// One numbering instance per country, so each list starts again at 1.
				out.push(
					new Paragraph({
						numbering: { reference: 'numbers', level: 0, instance: index + 1 },
						children
					})
				);
			}
		} else {
			const widths = [0.75, 0.25];
			out.push(
				table(
					[labels.role, labels.count],
					country.roleCounts.map((r) => [
						textCell(r.label, widths[0]! * textWidth),
						textCell(String(r.count), widths[1]! * textWidth, false, true)
					]),
					widths,
					[false, true]
				),
				spacer()
			);
		}
	});
	return out;
}

function languageHelp(report: Report, placement: LanguageHelpSection['placement']): FileChild[] {
	const section = report.languageHelp;
	if (!section || section.placement !== placement) return [];
	const columns = section.columns.length;
	const widths = Array.from({ length: columns }, () => 1 / columns);
	const head = section.columns.map((c) => c.name);
	// The explanation goes in a row of its own across the table: as a seventh column it would
	// leave the six languages too little room on A4.
	const rows = section.rows.flatMap((row) => {
		const terms = row.terms.map((list, i) =>
			cell(
				list.map((term) => paragraph(term)),
				widths[i]! * textWidth
			)
		);
		if (!row.explanation) return [terms];
		const explanation = new TableCell({
			columnSpan: columns,
			children: [
				new Paragraph({
					children: runs(row.explanation, { color: muted, italics: true })
				})
			],
			width: { size: textWidth, type: WidthType.DXA },
			margins: { top: 0, bottom: 60, left: 100, right: 100 }
		});
		return [terms, [explanation]];
	});
	return [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true),
		table(head, rows, widths)
	];
}

function round(report: Report, section: RoundSection): FileChild[] {
	const { labels } = report;
	const widths = report.named ? [0.26, 0.2, 0.54] : [0.3, 0.7];
	const head = report.named
		? [labels.groupColumn, labels.leadersColumn, labels.themeColumn]
		: [labels.groupColumn, labels.themeColumn];
	const rows = section.table.map((row) => {
		const questions = row.questions.map((q) => paragraph(`${q.label}) ${q.text}`));
		const cells = [textCell(`${row.heading} (${row.memberCount})`, widths[0]! * textWidth)];
		if (report.named) {
			cells.push(
				cell(
					row.leaders.map((name) => paragraph(name)),
					widths[1]! * textWidth
				)
			);
		}
		cells.push(cell(questions, widths.at(-1)! * textWidth));
		return cells;
	});
	const out: FileChild[] = [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true)
	];
	out.push(...blocks(section.theme, { bold: true, color: muted }), ...blocks(section.instruction));
	out.push(table(head, rows, widths), spacer());
	for (const group of section.groups) out.push(...groupChildren(report, group));
	out.push(...across(report, section.across));
	return out;
}

/** The themes across the groups as a table (the figure of the HTML and PDF), then the divergences. */
function across(report: Report, section: AcrossSection): FileChild[] {
	const out: FileChild[] = [
		heading(section.heading, HeadingLevel.HEADING_2, { report, anchor: section.anchor }),
		paragraph(section.intro)
	];
	if (section.themes.length === 0) return out;
	const groupShare = 0.62 / Math.max(1, section.groups.length);
	const widths = [0.2, ...section.groups.map(() => groupShare), 0.1, 0.08];
	const head = [
		report.labels.theme,
		...section.groups.map((g) => g.label),
		section.raisedByHeading,
		report.labels.points
	];
	const rows = section.themes.map((theme) => [
		textCell(theme.heading, widths[0]! * textWidth),
		...theme.cells.map((c, i) =>
			cell(
				c.entries.map((e) => paragraph(e.label)),
				widths[i + 1]! * textWidth
			)
		),
		textCell(theme.raisedBy, widths.at(-2)! * textWidth),
		textCell(String(theme.points), widths.at(-1)! * textWidth, false, true)
	]);
	const numeric = head.map((_, i) => i === head.length - 1);
	out.push(paragraph(section.figure.title, { italics: true, color: muted }));
	out.push(table(head, rows, widths, numeric), spacer());
	out.push(heading(section.divergencesHeading, HeadingLevel.HEADING_4));
	if (section.divergences.length > 0) out.push(...section.divergences.map((d) => bullet(runs(d))));
	else out.push(paragraph(section.noDivergences));
	return out;
}

function groupChildren(report: Report, section: GroupSection): FileChild[] {
	const out: FileChild[] = [
		heading(section.heading, HeadingLevel.HEADING_2, { report, anchor: section.anchor })
	];
	if (report.named) {
		const line = (label: string, names: string[], empty: string) =>
			new Paragraph({
				children: [
					new TextRun({ text: clean(`${label}: `), bold: true }),
					new TextRun({ text: clean(names.join(', ') || empty) })
				]
			});
		out.push(line(section.leadersHeading, section.leaders, '–'));
		out.push(line(section.membersHeading, section.members, report.labels.noMembers));
	} else {
		out.push(paragraph(section.memberCountLabel));
	}
	if (section.emptyNote) out.push(paragraph(section.emptyNote, { italics: true, color: muted }));
	for (const q of section.questions) out.push(...question(report, q));
	for (const reflection of [
		...(section.reflection ? [section.reflection] : []),
		...section.reflections
	]) {
		out.push(heading(reflection.heading, HeadingLevel.HEADING_4));
		out.push(...blocks(reflection.blocks));
	}
	return out;
}

function noteRuns(note: ReportNote, withHeading: boolean): TextRun[] {
	const meta = [note.author, withHeading ? placeOf(note) : null].filter((s): s is string => !!s);
	const out = runs(note.text);
	if (meta.length > 0)
		out.push(new TextRun({ text: clean(` (${meta.join('; ')})`), color: muted }));
	return out;
}

function question(report: Report, section: QuestionSection): FileChild[] {
	return [
		heading(questionsAsked(section), HeadingLevel.HEADING_3),
		...questionBody(report, section)
	];
}

/** What a question yields: its vote, prioritised items and other notes. */
function questionBody(report: ReportFrame, section: QuestionSection): FileChild[] {
	const { labels } = report;
	const out: FileChild[] = [];
	if (section.emptyNote) out.push(paragraph(section.emptyNote, { italics: true, color: muted }));
	if (section.togetherNote) out.push(paragraph(section.togetherNote, { italics: true }));
	if (section.vote.summary) out.push(paragraph(section.vote.summary, { color: muted, size: 18 }));
	if (section.prioritised.length > 0) {
		const widths = [0.12, 0.64, 0.12, 0.12];
		const rows = section.prioritised.map((item) => {
			const body = item.heading
				? [
						new Paragraph({ children: runs(item.heading, { bold: true }) }),
						...bySubheading(item.notes).flatMap(({ subheading, notes }) => [
							...(subheading === null
								? []
								: [
										new Paragraph({
											children: runs(subheading, { bold: true, italics: true }),
											indent: { left: 240 }
										})
									]),
							...notes.map((n) => bullet(noteRuns(n, false)))
						])
					]
				: item.notes.map((n) => new Paragraph({ children: noteRuns(n, false) }));
			return [
				textCell(item.rankLabel, widths[0]! * textWidth, false, true),
				cell(body, widths[1]! * textWidth),
				textCell(String(item.points), widths[2]! * textWidth, false, true),
				textCell(String(item.voters), widths[3]! * textWidth, false, true)
			];
		});
		out.push(
			heading(labels.prioritised, HeadingLevel.HEADING_4),
			table(
				[labels.rank, `${labels.heading} / ${labels.notes}`, labels.points, labels.voters],
				rows,
				widths,
				[true, false, true, true]
			)
		);
	}
	if (section.discussion) {
		out.push(heading(section.discussion.heading, HeadingLevel.HEADING_4));
		out.push(...blocks(section.discussion.blocks));
	}
	if (section.otherNotes && section.otherNotes.length > 0) {
		out.push(heading(section.otherNotesHeading, HeadingLevel.HEADING_4));
		for (const note of section.otherNotes) out.push(bullet(noteRuns(note, true)));
	}
	return out;
}

function plenum(report: Report): FileChild[] {
	const section = report.plenum;
	if (!section) return [];
	return [
		heading(section.heading, HeadingLevel.HEADING_1, { report, anchor: section.anchor }, true),
		...section.parts.flatMap((part) => [
			heading(part.heading, HeadingLevel.HEADING_3),
			...blocks(part.blocks)
		])
	];
}

function workshopChildren(report: WorkshopReport): FileChild[] {
	const out: FileChild[] = [];
	if (report.emptyNote) out.push(paragraph(report.emptyNote, { italics: true, color: muted }));
	const people = report.participants;
	if (people) {
		out.push(heading(people.heading, HeadingLevel.HEADING_1, { report, anchor: people.anchor }));
		out.push(paragraph(people.totalLabel));
		if (people.names.length > 0) out.push(paragraph(people.names.join(', ')));
	}
	for (const q of report.questions) {
		out.push(heading(q.heading, HeadingLevel.HEADING_1, { report, anchor: q.anchor }));
		out.push(...questionBody(report, q));
	}
	out.push(...textChapter(report, report.reflection));
	for (const r of report.reflections) out.push(...textChapter(report, r));
	return out;
}

function conferenceChildren(report: Report): FileChild[] {
	return [
		...textChapter(report, report.about),
		...programme(report),
		...participants(report),
		...languageHelp(report, 'front'),
		...textChapter(report, report.introduction, report.introduction?.byline),
		...report.rounds.flatMap((r) => round(report, r)),
		...plenum(report),
		...languageHelp(report, 'appendix')
	];
}

const font = 'Calibri';

/**
 * The report as a Word document: real heading styles, a TOC field, tables and lists, in the
 * report's language (Word spell-checks and reads aloud in it): a conference's or a workshop's.
 */
export async function renderReportDocx(report: ReportDocument): Promise<Uint8Array> {
	const headingStyle = (size: number, before: number) => ({
		run: { font, size, bold: true, color: accent },
		paragraph: { spacing: { before, after: 120 }, keepNext: true }
	});
	const doc = new Document({
		title: clean(report.titlePage.title),
		subject: clean(report.titlePage.documentLabel),
		creator: clean(report.titlePage.author || report.titlePage.organisation || 'Samråd'),
		description: clean(report.titlePage.subtitle),
		features: { updateFields: true },
		styles: {
			default: {
				document: {
					run: { font, size: 21, language: { value: report.locale } },
					paragraph: { spacing: { after: 100, line: 276 } }
				},
				title: {
					run: { font, size: 52, bold: true, color: accent },
					paragraph: { spacing: { after: 200 } }
				},
				heading1: headingStyle(34, 0),
				heading2: headingStyle(28, 360),
				heading3: headingStyle(23, 240),
				heading4: {
					run: { font, size: 19, bold: true, color: muted, allCaps: true },
					paragraph: { spacing: { before: 200, after: 80 }, keepNext: true }
				}
			}
		},
		numbering: {
			config: [
				{
					reference: 'bullets',
					levels: [
						{
							level: 0,
							format: LevelFormat.BULLET,
							text: '•',
							alignment: AlignmentType.LEFT,
							style: { paragraph: { indent: { left: 360, hanging: 260 } } }
						}
					]
				},
				{
					reference: 'numbers',
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.LEFT,
							style: { paragraph: { indent: { left: 480, hanging: 380 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				properties: {
					titlePage: true,
					page: {
						size: { width: pageWidth, height: pageHeight },
						margin: { top: margin, bottom: margin, left: margin, right: margin }
					}
				},
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: runs(report.titlePage.title, { size: 17, color: muted })
							})
						]
					}),
					first: new Header({ children: [new Paragraph('')] })
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										children: [`${clean(report.labels.page)} `, PageNumber.CURRENT],
										size: 17,
										color: muted
									})
								]
							})
						]
					}),
					first: new Footer({ children: [new Paragraph('')] })
				},
				children: [
					...titlePage(report),
					...contents(report),
					...(report.kind === 'conference' ? conferenceChildren(report) : workshopChildren(report))
				]
			}
		]
	});
	const buffer = await Packer.toBuffer(doc);
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
