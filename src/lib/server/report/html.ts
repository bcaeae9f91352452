import {
	describedRole,
	type GroupSection,
	type LanguageHelpSection,
	type ParticipantsSection,
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
import { hyphenateIn } from './hyphenation';

export interface HtmlOptions {
	/**
	 * Page of each contents anchor, printed in the contents (the PDF's; a screen has no pages).
	 * Given at all, every contents line keeps room for a number, so a first print without numbers
	 * lays out exactly as the print with them.
	 */
	pages?: ReadonlyMap<string, number>;
}

/**
 * The one escape for user text in the HTML report, in text and in attribute values alike.
 * Everything a person typed passes through here, so "<script>" in a note prints as text.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Long words in what people wrote break with soft hyphens, set for each render (it is synchronous). */
let hyphenate = (text: string): string => text;

/** Escaped text with line breaks kept (and soft hyphens in long words). */
function lines(text: string): string {
	return escapeHtml(hyphenate(text)).replace(/\n/g, '<br>');
}

/**
 * A CSS string literal for the running header. Style elements are raw text, so HTML escaping
 * does not apply there: anything that is not a plain letter, digit or space becomes a CSS escape.
 */
function cssString(text: string): string {
	const escaped = [...text.replace(/\s+/g, ' ')]
		.map((c) => (/[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `))
		.join('');
	return `"${escaped}"`;
}

function blocks(items: TextBlock[]): string {
	return items
		.map((block) =>
			block.kind === 'paragraph'
				? `<p>${lines(block.text)}</p>`
				: `<ul>${block.items.map((item) => `<li>${lines(item)}</li>`).join('')}</ul>`
		)
		.join('\n');
}

function styles(report: ReportFrame): string {
	const header = cssString(report.titlePage.title);
	const page = cssString(`${report.labels.page} `);
	return `
@page {
	size: A4;
	margin: 24mm 20mm 22mm 22mm;
	@top-center { content: ${header}; font: 9pt var(--sans); color: #555; }
	@bottom-center { content: ${page} counter(page); font: 9pt var(--sans); color: #555; }
}
@page :first {
	@top-center { content: none; }
	@bottom-center { content: none; }
}
:root {
	/* Emoji in notes print in colour from Noto Color Emoji (fonts-noto-color-emoji), not as boxes. */
	--sans: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Liberation Sans', Arial, 'Noto Color Emoji', sans-serif;
	--accent: #1f3a5f;
	--rule: #c9d1db;
	--muted: #555;
}
* { box-sizing: border-box; }
html { font-family: var(--sans); font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; }
@media screen {
	html { background: #e8ebef; }
	body { background: #fff; max-width: 210mm; margin: 1.5rem auto; padding: clamp(1rem, 6vw, 20mm); box-shadow: 0 1px 4px rgb(0 0 0 / 0.18); }
	.title-page { min-height: 0; padding: 12mm 0 12mm 9mm; margin-bottom: 12mm; }
	.title-page .signature { margin-top: 3em; }
	nav.contents, .chapter, .round { margin-top: 14mm; }
	.chapter, .round, .group { scroll-margin-top: 1.5rem; }
}
@media print { body { max-width: none; padding: 0; } }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.2; break-after: avoid; }
h2 { font-size: 17pt; margin: 0 0 0.8em; padding-bottom: 0.25em; border-bottom: 1.5pt solid var(--accent); }
h3 { font-size: 13pt; margin: 1.6em 0 0.5em; }
h4 { font-size: 11pt; margin: 1.3em 0 0.4em; }
h5 { font-size: 10pt; margin: 1em 0 0.3em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p { margin: 0 0 0.6em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.8em; padding-left: 1.4em; }
li { margin: 0.15em 0; break-inside: avoid; }
a { color: inherit; text-decoration: none; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 1em; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; background: #eef2f6; }
th, td { border: 0.75pt solid var(--rule); padding: 0.35em 0.5em; vertical-align: top; }
/* A note may be one long word (a URL): it breaks anywhere rather than widen a table or the page. */
td, li, p, dd { overflow-wrap: anywhere; }
tr { break-inside: avoid; }
td.number, th.number { text-align: right; white-space: nowrap; width: 1%; }
.title-page { break-after: page; min-height: 246mm; display: flex; flex-direction: column; padding: 38mm 0 0 11mm; border-left: 5pt solid var(--accent); }
.title-page p { margin: 0; }
.title-page .organisation { text-transform: uppercase; letter-spacing: 0.12em; font-weight: 600; color: var(--muted); margin-bottom: 2.5em; }
.title-page .document-label { font-size: 11pt; text-transform: uppercase; letter-spacing: 0.06em; font-weight: 600; color: var(--accent); }
.title-page h1 { font-size: 30pt; line-height: 1.12; margin: 0.35em 0 0.4em; }
.title-page .subtitle { font-size: 15pt; color: #333; }
.title-page .place-date { font-size: 12.5pt; margin-top: 2.2em; padding-top: 0.9em; border-top: 0.75pt solid var(--rule); }
.title-page .signature { margin-top: auto; color: var(--muted); }
nav.contents { break-after: page; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents ol ol { padding-left: 1.5em; margin-bottom: 0.4em; }
nav.contents li { margin: 0; }
nav.contents a { display: inline-block; padding: 0.2em 0; }
nav.contents .level-1 > a { font-weight: 600; }
nav.contents.paged a { display: flex; align-items: baseline; gap: 0.4em; }
nav.contents.paged .leader { flex: 1 1 2em; border-bottom: 0.75pt dotted var(--rule); }
nav.contents.paged .page-number { flex: none; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.chapter, .round { break-before: page; }
.workshop .chapter { break-before: auto; margin-top: 2.2em; }
.byline, .theme, .vote-summary, .empty, .together { color: var(--muted); }
.theme { font-size: 12pt; font-weight: 600; }
.theme p:last-child, .instruction p:last-child { margin-bottom: 0.8em; }
.vote-summary { font-size: 9pt; }
dl.people { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 0.8em; }
dl.people dt { font-weight: 600; }
dl.people dd { margin: 0; }
.results td ul { margin: 0.2em 0 0; }
.results .heading { font-weight: 600; }
.results .subheading { font-weight: 600; font-style: italic; margin: 0.3em 0 0 1.2em; }
.results .subheading + ul { margin-left: 1.2em; }
.note-meta { color: var(--muted); }
.group { break-inside: auto; }
.reflection { border-left: 2pt solid var(--rule); padding-left: 0.9em; margin-top: 1.2em; }
.country ol { padding-left: 2em; }
.group-head { break-inside: avoid; }
.coordinator { font-weight: 600; }
table.glossary td { overflow-wrap: break-word; hyphens: auto; }
.across figure { margin: 0.6em 0 1em; break-inside: avoid; }
.across figcaption { color: var(--muted); font-size: 9pt; }
svg.across-map { max-width: 100%; height: auto; font: 13px var(--sans); }
svg.across-map .theme { fill: #1a1a1a; }
svg.across-map .group { fill: var(--accent); font-weight: 600; }
svg.across-map .raised { fill: var(--accent); }
svg.across-map .rank { fill: #fff; font-weight: 600; }
svg.across-map .none { fill: #767676; }
svg.across-map .rule { stroke: var(--rule); stroke-width: 0.75; }
table.glossary tbody { break-inside: avoid; }
table.glossary tr.terms:has(+ tr.explanation) td { border-bottom: none; }
table.glossary tr.explanation td { border-top: none; padding-top: 0; color: var(--muted); font-style: italic; }
`;
}

function titlePage(report: ReportFrame): string {
	const t = report.titlePage;
	const line = (cls: string, text: string) => (text ? `<p class="${cls}">${lines(text)}</p>` : '');
	const signature = line('author', t.author) + line('generated', t.generated);
	return `<header class="title-page">
${line('organisation', t.organisation)}
<p class="document-label">${escapeHtml(t.documentLabel)}</p>
<h1>${escapeHtml(t.title)}</h1>
${line('subtitle', t.subtitle)}
${line('place-date', t.placeAndDate)}
${signature ? `<div class="signature">${signature}</div>` : ''}
</header>`;
}

function contents(report: ReportFrame, pages: ReadonlyMap<string, number> | undefined): string {
	if (report.contents.length === 0) return '';
	let html = '';
	let open = false;
	for (const entry of report.contents) {
		const title = escapeHtml(entry.title);
		const page = pages?.get(entry.anchor);
		const body = pages
			? `<span class="entry">${title}</span><span class="leader"></span><span class="page-number">${page ?? ''}</span>`
			: title;
		const link = `<a href="#${escapeHtml(entry.anchor)}">${body}</a>`;
		if (entry.level === 1) {
			if (open) html += '</ol></li>';
			open = false;
			html += `<li class="level-1">${link}`;
			// A chapter's groups follow it as a nested list; close the item when they end.
			const next = report.contents[report.contents.indexOf(entry) + 1];
			if (next?.level === 2) {
				html += '<ol>';
				open = true;
			} else {
				html += '</li>';
			}
		} else {
			html += `<li class="level-2">${link}</li>`;
		}
	}
	if (open) html += '</ol></li>';
	return `<nav class="contents${pages ? ' paged' : ''}" aria-labelledby="contents-heading">
<h2 id="contents-heading">${escapeHtml(report.labels.contents)}</h2>
<ol>${html}</ol>
</nav>`;
}

function programme(report: Report): string {
	const section = report.programme;
	if (!section) return '';
	const { labels } = report;
	const days = section.days
		.map(
			(day) => `<h3>${escapeHtml(day.label)}</h3>
<table class="programme">
<thead><tr><th>${escapeHtml(labels.time)}</th><th>${escapeHtml(labels.item)}</th><th>${escapeHtml(labels.kind)}</th></tr></thead>
<tbody>${day.items
				.map(
					(item) =>
						`<tr class="kind-${escapeHtml(item.kind)}"><td class="number">${escapeHtml(item.time)}</td><td>${escapeHtml(item.title)}</td><td>${escapeHtml(item.kindLabel)}</td></tr>`
				)
				.join('')}</tbody>
</table>`
		)
		.join('\n');
	return `<section class="chapter" id="${escapeHtml(section.anchor)}">
<h2>${escapeHtml(section.heading)}</h2>
${days}
</section>`;
}

function participants(report: Report, section: ParticipantsSection): string {
	const { labels } = report;
	const countries = section.countries
		.map((country) => {
			const heading = `<h3>${escapeHtml(country.name)} <span class="note-meta">(${country.count})</span></h3>`;
			if (report.named) {
				const people = country.people
					.map((p) => {
						const role = [
							escapeHtml(describedRole(p)),
							p.coordinator ? `<span class="coordinator">${escapeHtml(p.coordinator)}</span>` : ''
						]
							.filter((s) => s !== '')
							.join(', ');
						const org = p.organisation
							? ` <span class="note-meta">– ${escapeHtml(p.organisation)}</span>`
							: '';
						return `<li>${escapeHtml(p.name)}${role ? `, ${role}` : ''}${org}</li>`;
					})
					.join('');
				return `<section class="country">${heading}<ol>${people}</ol></section>`;
			}
			const rows = country.roleCounts
				.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td class="number">${r.count}</td></tr>`)
				.join('');
			return `<section class="country">${heading}<table class="role-counts">
<thead><tr><th>${escapeHtml(labels.role)}</th><th class="number">${escapeHtml(labels.count)}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
		})
		.join('\n');
	const omitted = section.namesOmittedNote
		? `<p class="empty">${escapeHtml(section.namesOmittedNote)}</p>`
		: '';
	return `<section class="chapter" id="${escapeHtml(section.anchor)}">
<h2>${escapeHtml(section.heading)}</h2>
<p>${escapeHtml(section.totalLabel)}</p>
${omitted}
${countries}
</section>`;
}

function languageHelp(
	section: LanguageHelpSection | null,
	placement: 'front' | 'appendix'
): string {
	if (!section || section.placement !== placement) return '';
	const head = section.columns.map((c) => `<th lang="${c.language}">${escapeHtml(c.name)}</th>`);
	// One body per concept: its terms, then its explanation across the whole width (a column of
	// its own would leave six languages too little room on A4), kept together on a page.
	const concepts = section.rows
		.map((row) => {
			const cells = row.terms.map(
				(terms, index) =>
					`<td lang="${section.columns[index]!.language}">${terms.map(escapeHtml).join('<br>')}</td>`
			);
			const explanation = row.explanation
				? `<tr class="explanation"><td colspan="${section.columns.length}">${escapeHtml(row.explanation)}</td></tr>`
				: '';
			return `<tbody><tr class="terms">${cells.join('')}</tr>${explanation}</tbody>`;
		})
		.join('\n');
	return `<section class="chapter" id="${escapeHtml(section.anchor)}">
<h2>${escapeHtml(section.heading)}</h2>
<table class="glossary"><thead><tr>${head.join('')}</tr></thead>
${concepts}</table>
</section>`;
}

function textChapter(
	section: { anchor: string; heading: string; blocks: TextBlock[] } | null,
	byline = ''
): string {
	if (!section) return '';
	return `<section class="chapter" id="${escapeHtml(section.anchor)}">
<h2>${escapeHtml(section.heading)}</h2>
${byline ? `<p class="byline">${escapeHtml(byline)}</p>` : ''}
${blocks(section.blocks)}
</section>`;
}

function questionList(questions: { label: string; text: string }[]): string {
	return questions.map((q) => `<p>${escapeHtml(q.label)}) ${lines(q.text)}</p>`).join('');
}

function round(report: Report, section: RoundSection): string {
	const { labels } = report;
	const rows = section.table
		.map((row) => {
			const leaders = report.named ? `<td>${row.leaders.map(escapeHtml).join('<br>')}</td>` : '';
			return `<tr><td><a href="#${escapeHtml(row.anchor)}">${escapeHtml(row.heading)}</a> (${row.memberCount})</td>${leaders}<td>${questionList(row.questions)}</td></tr>`;
		})
		.join('\n');
	const leadersHead = report.named ? `<th>${escapeHtml(labels.leadersColumn)}</th>` : '';
	return `<section class="round" id="${escapeHtml(section.anchor)}">
<h2>${escapeHtml(section.heading)}</h2>
${section.theme.length > 0 ? `<div class="theme">${blocks(section.theme)}</div>` : ''}
${section.instruction.length > 0 ? `<div class="instruction">${blocks(section.instruction)}</div>` : ''}
<table class="groups">
<thead><tr><th>${escapeHtml(labels.groupColumn)}</th>${leadersHead}<th>${escapeHtml(labels.themeColumn)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${section.groups.map((g) => group(report, g)).join('\n')}
${across(report, section.across)}
</section>`;
}

/** A text cut to fit a figure's fixed width (the table next to it gives it whole). */
function clipped(text: string, max: number): string {
	const chars = [...text.replace(/\s+/g, ' ').trim()];
	return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The map as an SVG figure: a column per group, a row per theme, a circle where the group raised
 * it (larger for more points, its best rank inside). Named by its title and description.
 */
export function acrossSvg(section: AcrossSection): string {
	const labelWidth = 280;
	const column = 124;
	const row = 34;
	const top = 44;
	const width = labelWidth + column * Math.max(1, section.groups.length);
	const height = top + row * section.themes.length + 8;
	const most = Math.max(
		1,
		...section.themes.flatMap((t) =>
			t.cells.map((c) => c.entries.reduce((s, e) => s + e.points, 0))
		)
	);
	const id = escapeHtml(section.anchor);
	const heads = section.groups
		.map(
			(g, i) =>
				`<text x="${labelWidth + column * i + column / 2}" y="${top - 14}" text-anchor="middle" class="group">${escapeHtml(clipped(g.label, 17))}</text>`
		)
		.join('');
	const rows = section.themes
		.map((theme, r) => {
			const y = top + row * r + row / 2;
			const cells = theme.cells
				.map((cell, i) => {
					const x = labelWidth + column * i + column / 2;
					if (cell.entries.length === 0) return `<circle cx="${x}" cy="${y}" r="2" class="none"/>`;
					const points = cell.entries.reduce((sum, e) => sum + e.points, 0);
					const radius = (6 + 9 * Math.sqrt(points / most)).toFixed(1);
					const rank = Math.min(...cell.entries.map((e) => e.rank));
					return `<circle cx="${x}" cy="${y}" r="${radius}" class="raised"/><text x="${x}" y="${y + 4}" text-anchor="middle" class="rank">${rank}</text>`;
				})
				.join('');
			return `<line x1="0" x2="${width}" y1="${y + row / 2}" y2="${y + row / 2}" class="rule"/><text x="0" y="${y + 4}" class="theme">${escapeHtml(clipped(theme.heading, 34))}</text>${cells}`;
		})
		.join('');
	return `<svg class="across-map" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${escapeHtml(section.figure.title)}</title>
<desc id="${id}-desc">${escapeHtml(section.figure.description)}</desc>
${heads}${rows}
</svg>`;
}

function across(report: Report, section: AcrossSection): string {
	const { labels } = report;
	let html = `<section class="across" id="${escapeHtml(section.anchor)}">
<h3>${escapeHtml(section.heading)}</h3>
<p>${escapeHtml(section.intro)}</p>`;
	if (section.themes.length > 0) {
		const head = section.groups.map((g) => `<th scope="col">${escapeHtml(g.label)}</th>`).join('');
		const rows = section.themes
			.map((theme) => {
				const cells = theme.cells
					.map((c) => `<td>${c.entries.map((e) => lines(e.label)).join('<br>')}</td>`)
					.join('');
				return `<tr><th scope="row">${lines(theme.heading)}</th>${cells}<td>${escapeHtml(theme.raisedBy)}</td><td class="number">${theme.points}</td></tr>`;
			})
			.join('\n');
		html += `
<figure>${acrossSvg(section)}<figcaption>${escapeHtml(section.figure.title)}</figcaption></figure>
<table class="across-table">
<thead><tr><th scope="col">${escapeHtml(labels.theme)}</th>${head}<th scope="col">${escapeHtml(section.raisedByHeading)}</th><th scope="col" class="number">${escapeHtml(labels.points)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<h4>${escapeHtml(section.divergencesHeading)}</h4>
${
	section.divergences.length > 0
		? `<ul class="divergences">${section.divergences.map((d) => `<li>${lines(d)}</li>`).join('')}</ul>`
		: `<p>${escapeHtml(section.noDivergences)}</p>`
}`;
	}
	return `${html}
</section>`;
}

function group(report: Report, section: GroupSection): string {
	const people = report.named
		? `<dl class="people">
<dt>${escapeHtml(section.leadersHeading)}</dt><dd>${section.leaders.map(escapeHtml).join(', ') || '–'}</dd>
<dt>${escapeHtml(section.membersHeading)}</dt><dd>${section.members.map(escapeHtml).join(', ') || escapeHtml(report.labels.noMembers)}</dd>
</dl>`
		: `<p>${escapeHtml(section.memberCountLabel)}</p>`;
	const reflection = [...(section.reflection ? [section.reflection] : []), ...section.reflections]
		.map(
			(r) =>
				`<section class="reflection"><h4>${escapeHtml(r.heading)}</h4>${blocks(r.blocks)}</section>`
		)
		.join('\n');
	return `<section class="group" id="${escapeHtml(section.anchor)}">
<div class="group-head">
<h3>${escapeHtml(section.heading)}</h3>
${people}
</div>
${section.emptyNote ? `<p class="empty">${escapeHtml(section.emptyNote)}</p>` : ''}
${section.questions.map((q) => groupQuestion(report, q)).join('\n')}
${reflection}
</section>`;
}

function noteMeta(note: ReportNote, withHeading: boolean): string {
	const parts = [];
	if (note.author) parts.push(escapeHtml(note.author));
	const place = withHeading ? placeOf(note) : null;
	if (place) parts.push(escapeHtml(place));
	return parts.length > 0 ? ` <span class="note-meta">(${parts.join('; ')})</span>` : '';
}

function groupQuestion(report: Report, section: QuestionSection): string {
	return `<section class="question">
<h4>${lines(questionsAsked(section))}</h4>
${questionBody(report, section, 5)}
</section>`;
}

/** What a question yields: its vote, prioritised items and other notes, subheadings at `level`. */
function questionBody(report: ReportFrame, section: QuestionSection, level: number): string {
	const { labels } = report;
	const sub = `h${level}`;
	let html = '';
	if (section.emptyNote) html += `<p class="empty">${escapeHtml(section.emptyNote)}</p>`;
	if (section.togetherNote) html += `<p class="together">${escapeHtml(section.togetherNote)}</p>`;
	if (section.vote.summary)
		html += `<p class="vote-summary">${escapeHtml(section.vote.summary)}</p>`;
	if (section.prioritised.length > 0) {
		const rows = section.prioritised
			.map((item) => {
				const notes = item.notes.map((n) => `${lines(n.text)}${noteMeta(n, false)}`);
				const list = (part: ReportNote[]) =>
					`<ul>${part.map((n) => `<li>${lines(n.text)}${noteMeta(n, false)}</li>`).join('')}</ul>`;
				const body = item.heading
					? `<div class="heading">${escapeHtml(item.heading)}</div>${bySubheading(item.notes)
							.map(({ subheading, notes: part }) =>
								subheading === null
									? list(part)
									: `<div class="subheading">${escapeHtml(subheading)}</div>${list(part)}`
							)
							.join('')}`
					: notes.join('<br>');
				return `<tr><td class="number">${escapeHtml(item.rankLabel)}</td><td>${body}</td><td class="number">${item.points}</td><td class="number">${item.voters}</td></tr>`;
			})
			.join('\n');
		html += `<${sub}>${escapeHtml(labels.prioritised)}</${sub}>
<table class="results">
<thead><tr><th class="number">${escapeHtml(labels.rank)}</th><th>${escapeHtml(labels.heading)} / ${escapeHtml(labels.notes)}</th><th class="number">${escapeHtml(labels.points)}</th><th class="number">${escapeHtml(labels.voters)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
	}
	if (section.discussion) {
		html += `<section class="discussion"><${sub}>${escapeHtml(section.discussion.heading)}</${sub}>${blocks(section.discussion.blocks)}</section>`;
	}
	if (section.otherNotes && section.otherNotes.length > 0) {
		html += `<${sub}>${escapeHtml(section.otherNotesHeading)}</${sub}>
<ul class="notes">${section.otherNotes.map((n) => `<li>${lines(n.text)}${noteMeta(n, true)}</li>`).join('')}</ul>`;
	}
	return html;
}

function conferenceMain(report: Report): string {
	const participantsHtml = report.participants ? participants(report, report.participants) : '';
	const plenum = report.plenum
		? `<section class="chapter" id="${escapeHtml(report.plenum.anchor)}">
<h2>${escapeHtml(report.plenum.heading)}</h2>
${report.plenum.parts.map((part) => `<h3>${escapeHtml(part.heading)}</h3>${blocks(part.blocks)}`).join('\n')}
</section>`
		: '';
	return `${textChapter(report.about)}
${programme(report)}
${participantsHtml}
${languageHelp(report.languageHelp, 'front')}
${textChapter(report.introduction, report.introduction?.byline)}
${report.rounds.map((r) => round(report, r)).join('\n')}
${plenum}
${languageHelp(report.languageHelp, 'appendix')}`;
}

function workshopMain(report: WorkshopReport): string {
	const people = report.participants;
	const participantsHtml = people
		? `<section class="chapter" id="${escapeHtml(people.anchor)}">
<h2>${escapeHtml(people.heading)}</h2>
<p>${escapeHtml(people.totalLabel)}</p>
${people.names.length > 0 ? `<p>${people.names.map(escapeHtml).join(', ')}</p>` : ''}
</section>`
		: '';
	const questions = report.questions
		.map(
			(q) => `<section class="chapter question" id="${escapeHtml(q.anchor)}">
<h2>${lines(q.heading)}</h2>
${questionBody(report, q, 3)}
</section>`
		)
		.join('\n');
	return `${report.emptyNote ? `<p class="empty">${escapeHtml(report.emptyNote)}</p>` : ''}
${participantsHtml}
${questions}
${textChapter(report.reflection)}
${report.reflections.map((r) => textChapter(r)).join('\n')}`;
}

/**
 * The report as one self-contained, print-ready HTML document (A4, no scripts, no external
 * files): a conference's or a stand-alone workshop's, in the same frame and styles. Chromium
 * has no hyphenation dictionaries here: long words get soft hyphens by the report language's
 * patterns instead.
 */
export function renderReportHtml(report: ReportDocument, options: HtmlOptions = {}): string {
	hyphenate = hyphenateIn(report.language);
	try {
		return renderDocument(report, options);
	} finally {
		hyphenate = (text) => text;
	}
}

function renderDocument(report: ReportDocument, options: HtmlOptions): string {
	const title = [report.titlePage.title, report.titlePage.documentLabel]
		.filter(Boolean)
		.join(' – ');
	return `<!doctype html>
<html lang="${escapeHtml(report.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles(report)}</style>
</head>
<body class="${report.kind}">
${titlePage(report)}
${contents(report, options.pages)}
<main>
${report.kind === 'conference' ? conferenceMain(report) : workshopMain(report)}
</main>
</body>
</html>
`;
}
