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
	type TextBlock,
	type AcrossSection
} from '$lib/domain/report/model';
import { bySubheading, placeOf, questionsAsked } from '$lib/domain/report/model';
import type { WorkshopReport } from '$lib/domain/report/workshop';

/**
 * Escapes user text for Markdown (CommonMark + GitHub tables): inline markup characters
 * anywhere, block markers at the start of a line, so a note prints exactly as it was typed and
 * raw HTML such as "<script>" stays text.
 */
export function escapeMarkdown(text: string): string {
	return text
		.split('\n')
		.map((line) =>
			line
				.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
				.replace(/^(\s*)([#>+=-])/, '$1\\$2')
				.replace(/^(\s*\d+)([.)])/, '$1\\$2')
		)
		.join('\n');
}

/** Escaped text; line breaks become hard breaks. */
function inline(text: string): string {
	return escapeMarkdown(text).replace(/\n/g, '\\\n');
}

/** Escaped text for one table cell or heading: neither may hold a line break of its own. */
function cellText(text: string): string {
	return escapeMarkdown(text).replace(/\n/g, '<br>');
}

function blocks(items: TextBlock[]): string {
	return items
		.map((block) =>
			block.kind === 'paragraph'
				? inline(block.text)
				: block.items.map((item) => `- ${inline(item).replace(/\n/g, '\n  ')}`).join('\n')
		)
		.join('\n\n');
}

/** Blocks in bold, each paragraph and item on its own: bold never spans a blank line. */
function strongBlocks(items: TextBlock[]): string {
	const strong = (text: string) => `**${inline(text).replace(/\n/g, '\n  ')}**`;
	return items
		.map((block) =>
			block.kind === 'paragraph'
				? `**${inline(block.text)}**`
				: block.items.map((item) => `- ${strong(item)}`).join('\n')
		)
		.join('\n\n');
}

function anchored(level: number, anchor: string, text: string): string {
	return `<a id="${anchor}"></a>\n\n${'#'.repeat(level)} ${cellText(text)}`;
}

function tableMd(head: string[], rows: string[][], right: boolean[] = []): string {
	const align = head.map((_, i) => (right[i] ? '---:' : '---'));
	return [
		`| ${head.map(cellText).join(' | ')} |`,
		`| ${align.join(' | ')} |`,
		...rows.map((row) => `| ${row.join(' | ')} |`)
	].join('\n');
}

function noteMeta(note: ReportNote, withHeading: boolean): string {
	const meta = [note.author, withHeading ? placeOf(note) : null].filter((s): s is string => !!s);
	return meta.length > 0 ? ` (${meta.map(escapeMarkdown).join('; ')})` : '';
}

/** What a question yields: its vote, prioritised items and other notes, subheadings at `level`. */
function questionBody(report: ReportFrame, section: QuestionSection, level: number): string[] {
	const { labels } = report;
	const sub = '#'.repeat(level);
	const parts: string[] = [];
	if (section.emptyNote) parts.push(`*${escapeMarkdown(section.emptyNote)}*`);
	if (section.togetherNote) parts.push(`*${escapeMarkdown(section.togetherNote)}*`);
	if (section.vote.summary) parts.push(`*${escapeMarkdown(section.vote.summary)}*`);
	if (section.prioritised.length > 0) {
		const rows = section.prioritised.map((item) => {
			const notes = item.notes.map((n) => `${cellText(n.text)}${noteMeta(n, false)}`);
			const bullets = (part: ReportNote[], mark: string) =>
				part.map((n) => `${mark} ${cellText(n.text)}${noteMeta(n, false)}`);
			const body = item.heading
				? [
						`**${cellText(item.heading)}**`,
						...bySubheading(item.notes).flatMap(({ subheading, notes: part }) =>
							subheading === null
								? bullets(part, '•')
								: [`  *${cellText(subheading)}*`, ...bullets(part, '  ◦')]
						)
					].join('<br>')
				: notes.join('<br>');
			return [escapeMarkdown(item.rankLabel), body, String(item.points), String(item.voters)];
		});
		parts.push(
			`${sub} ${escapeMarkdown(labels.prioritised)}`,
			tableMd(
				[labels.rank, `${labels.heading} / ${labels.notes}`, labels.points, labels.voters],
				rows,
				[true, false, true, true]
			)
		);
	}
	if (section.discussion) {
		parts.push(
			`${sub} ${escapeMarkdown(section.discussion.heading)}`,
			blocks(section.discussion.blocks)
		);
	}
	if (section.otherNotes && section.otherNotes.length > 0) {
		parts.push(
			`${sub} ${escapeMarkdown(section.otherNotesHeading)}`,
			section.otherNotes
				.map((n) => `- ${inline(n.text).replace(/\n/g, '\n  ')}${noteMeta(n, true)}`)
				.join('\n')
		);
	}
	return parts;
}

function question(report: Report, section: QuestionSection): string {
	return [`#### ${cellText(questionsAsked(section))}`, ...questionBody(report, section, 5)].join(
		'\n\n'
	);
}

function group(report: Report, section: GroupSection): string {
	const parts = [anchored(3, section.anchor, section.heading)];
	if (report.named) {
		const leaders = section.leaders.map(escapeMarkdown).join(', ') || '–';
		const members =
			section.members.map(escapeMarkdown).join(', ') || escapeMarkdown(report.labels.noMembers);
		parts.push(
			`**${escapeMarkdown(section.leadersHeading)}:** ${leaders}\\\n**${escapeMarkdown(section.membersHeading)}:** ${members}`
		);
	} else {
		parts.push(escapeMarkdown(section.memberCountLabel));
	}
	if (section.emptyNote) parts.push(`*${escapeMarkdown(section.emptyNote)}*`);
	for (const q of section.questions) parts.push(question(report, q));
	for (const reflection of [
		...(section.reflection ? [section.reflection] : []),
		...section.reflections
	]) {
		parts.push(`#### ${escapeMarkdown(reflection.heading)}`, blocks(reflection.blocks));
	}
	return parts.join('\n\n');
}

function round(report: Report, section: RoundSection): string {
	const { labels } = report;
	const head = report.named
		? [labels.groupColumn, labels.leadersColumn, labels.themeColumn]
		: [labels.groupColumn, labels.themeColumn];
	const rows = section.table.map((row) => {
		const cells = [`[${cellText(row.heading)}](#${row.anchor}) (${row.memberCount})`];
		if (report.named) cells.push(row.leaders.map(cellText).join('<br>'));
		cells.push(row.questions.map((q) => cellText(`${q.label}) ${q.text}`)).join('<br>'));
		return cells;
	});
	const parts = [anchored(2, section.anchor, section.heading)];
	if (section.theme.length > 0) parts.push(strongBlocks(section.theme));
	if (section.instruction.length > 0) parts.push(blocks(section.instruction));
	parts.push(tableMd(head, rows));
	for (const g of section.groups) parts.push(group(report, g));
	parts.push(across(report, section.across));
	return parts.join('\n\n');
}

/** The themes across the groups as a table (Markdown has no figures), then the divergences. */
function across(report: Report, section: AcrossSection): string {
	const parts = [anchored(3, section.anchor, section.heading), inline(section.intro)];
	if (section.themes.length === 0) return parts.join('\n\n');
	const head = [
		report.labels.theme,
		...section.groups.map((g) => g.label),
		section.raisedByHeading,
		report.labels.points
	];
	const rows = section.themes.map((theme) => [
		cellText(theme.heading),
		...theme.cells.map((c) => c.entries.map((e) => cellText(e.label)).join('<br>')),
		cellText(theme.raisedBy),
		String(theme.points)
	]);
	const right = head.map((_, i) => i === head.length - 1);
	parts.push(tableMd(head, rows, right), `#### ${escapeMarkdown(section.divergencesHeading)}`);
	parts.push(
		section.divergences.length > 0
			? section.divergences.map((d) => `- ${inline(d)}`).join('\n')
			: inline(section.noDivergences)
	);
	return parts.join('\n\n');
}

function participants(report: Report): string {
	const section = report.participants;
	if (!section) return '';
	const parts = [anchored(2, section.anchor, section.heading), escapeMarkdown(section.totalLabel)];
	if (section.namesOmittedNote) parts.push(`*${escapeMarkdown(section.namesOmittedNote)}*`);
	for (const country of section.countries) {
		parts.push(`### ${escapeMarkdown(country.name)} (${country.count})`);
		if (report.named) {
			parts.push(
				country.people
					.map((p, index) => {
						const role = [
							escapeMarkdown(describedRole(p)),
							p.coordinator ? `**${escapeMarkdown(p.coordinator)}**` : ''
						]
							.filter((s) => s !== '')
							.join(', ');
						const org = p.organisation ? ` – ${escapeMarkdown(p.organisation)}` : '';
						return `${index + 1}. ${escapeMarkdown(p.name)}${role ? `, ${role}` : ''}${org}`;
					})
					.join('\n')
			);
		} else {
			parts.push(
				tableMd(
					[report.labels.role, report.labels.count],
					country.roleCounts.map((r) => [cellText(r.label), String(r.count)]),
					[false, true]
				)
			);
		}
	}
	return parts.join('\n\n');
}

function languageHelp(report: Report, placement: LanguageHelpSection['placement']): string {
	const section = report.languageHelp;
	if (!section || section.placement !== placement) return '';
	const head = section.columns.map((c) => c.name);
	if (section.hasExplanations) head.push(report.labels.explanation);
	const rows = section.rows.map((row) => {
		const cells = row.terms.map((terms) => terms.map(cellText).join(', '));
		if (section.hasExplanations) cells.push(cellText(row.explanation));
		return cells;
	});
	return [anchored(2, section.anchor, section.heading), tableMd(head, rows)].join('\n\n');
}

/** Title page and contents, the same for every report. */
function frontMatter(report: ReportFrame): string[] {
	const { titlePage: t, labels } = report;
	const parts: string[] = [];
	if (t.organisation) parts.push(`**${escapeMarkdown(t.organisation)}**`);
	parts.push(`# ${inline(t.title)}`);
	parts.push(
		[t.documentLabel, t.subtitle, t.placeAndDate]
			.filter((s) => s !== '')
			.map(escapeMarkdown)
			.join('\\\n')
	);
	const signature = [t.author, t.generated].filter((s) => s !== '').map(escapeMarkdown);
	if (signature.length > 0) parts.push(`*${signature.join(' · ')}*`);

	if (report.contents.length > 0) {
		parts.push(`## ${escapeMarkdown(labels.contents)}`);
		parts.push(
			report.contents
				.map((e) => `${e.level === 2 ? '  ' : ''}- [${cellText(e.title)}](#${e.anchor})`)
				.join('\n')
		);
	}
	return parts;
}

function conferenceParts(report: Report): string[] {
	const { labels } = report;
	const parts: string[] = [];
	if (report.about) {
		parts.push(anchored(2, report.about.anchor, report.about.heading), blocks(report.about.blocks));
	}
	if (report.programme) {
		parts.push(anchored(2, report.programme.anchor, report.programme.heading));
		for (const day of report.programme.days) {
			parts.push(
				`### ${escapeMarkdown(day.label)}`,
				tableMd(
					[labels.time, labels.item, labels.kind],
					day.items.map((i) => [cellText(i.time), cellText(i.title), cellText(i.kindLabel)])
				)
			);
		}
	}
	const people = participants(report);
	if (people) parts.push(people);
	parts.push(languageHelp(report, 'front'));
	if (report.introduction) {
		const intro = report.introduction;
		parts.push(anchored(2, intro.anchor, intro.heading));
		if (intro.byline) parts.push(`*${escapeMarkdown(intro.byline)}*`);
		parts.push(blocks(intro.blocks));
	}
	for (const r of report.rounds) parts.push(round(report, r));
	if (report.plenum) {
		parts.push(anchored(2, report.plenum.anchor, report.plenum.heading));
		for (const part of report.plenum.parts) {
			parts.push(`### ${escapeMarkdown(part.heading)}`, blocks(part.blocks));
		}
	}
	parts.push(languageHelp(report, 'appendix'));
	return parts;
}

function workshopParts(report: WorkshopReport): string[] {
	const parts: string[] = [];
	if (report.emptyNote) parts.push(`*${escapeMarkdown(report.emptyNote)}*`);
	const people = report.participants;
	if (people) {
		parts.push(anchored(2, people.anchor, people.heading), escapeMarkdown(people.totalLabel));
		if (people.names.length > 0) parts.push(people.names.map(escapeMarkdown).join(', '));
	}
	for (const q of report.questions) {
		parts.push(anchored(2, q.anchor, q.heading), ...questionBody(report, q, 3));
	}
	for (const r of [...(report.reflection ? [report.reflection] : []), ...report.reflections]) {
		parts.push(anchored(2, r.anchor, r.heading), blocks(r.blocks));
	}
	return parts;
}

/**
 * The report as Markdown (CommonMark with GitHub tables), with explicit anchors for the
 * contents: a conference's or a stand-alone workshop's.
 */
export function renderReportMarkdown(report: ReportDocument): string {
	const parts = [
		...frontMatter(report),
		...(report.kind === 'conference' ? conferenceParts(report) : workshopParts(report))
	];
	return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
