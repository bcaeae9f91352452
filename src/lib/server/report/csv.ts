import { writeCsv, type CsvCell, type CsvDelimiter } from '$lib/domain/csv';
import {
	questionsAsked,
	type QuestionSection,
	type ReportDocument,
	type ReportNote
} from '$lib/domain/report/model';

export interface ReportCsvOptions {
	/**
	 * Field separator. By default a semicolon for the Nordic languages, whose Excel uses the
	 * comma as decimal separator and expects semicolons, and a comma for English.
	 */
	delimiter?: CsvDelimiter;
}

/** A question's notes as rows: prioritised ones first, best first, then the others in reveal order. */
function noteRows(
	q: QuestionSection,
	place: CsvCell[],
	groupMark: (note: ReportNote) => string,
	withTheme = false
): CsvCell[][] {
	const question = questionsAsked(q);
	const rows: CsvCell[][] = [];
	for (const item of q.prioritised) {
		for (const note of item.notes) {
			// Rank as a number, so spreadsheets sort it; tied items share it.
			rows.push([
				...place,
				question,
				item.heading ?? '',
				note.text,
				item.rank,
				item.points,
				item.voters,
				note.author ?? '',
				groupMark(note),
				note.subheading ?? '',
				...(withTheme ? [item.theme ?? ''] : [])
			]);
		}
	}
	for (const note of q.otherNotes ?? []) {
		rows.push([
			...place,
			question,
			note.heading ?? '',
			note.text,
			null,
			null,
			null,
			note.author ?? '',
			groupMark(note),
			note.subheading ?? '',
			...(withTheme ? [''] : [])
		]);
	}
	return rows;
}

/**
 * Every note of the report as one CSV row: round and group (a conference's only), question,
 * heading, text, rank, points, votes, author (named sessions only), "the group" for a note
 * entered for the group as a whole, sub-heading, and in a conference's report the round's
 * confirmed theme of the note's item (the columns added last, so that sheets reading columns by
 * position still work). UTF-8 with a BOM so that Excel reads æ, ø, å, ð
 * and þ; cells are guarded against formula injection by the shared
 * CSV writer.
 */
export function renderReportCsv(report: ReportDocument, options: ReportCsvOptions = {}): string {
	const { labels } = report;
	const columns = [
		labels.question,
		labels.heading,
		labels.text,
		labels.rank,
		labels.points,
		labels.voters,
		labels.author,
		labels.byGroup,
		labels.subheading
	];
	// Marked in anonymous sessions too: a note for the group names nobody.
	const groupMark = (note: ReportNote) => (note.byGroup ? labels.theGroup : '');
	const rows: CsvCell[][] =
		report.kind === 'conference'
			? [
					[labels.round, labels.group, ...columns, labels.theme],
					...report.rounds.flatMap((round) =>
						round.groups.flatMap((group) =>
							group.questions.flatMap((q) =>
								noteRows(q, [round.heading, group.heading], groupMark, true)
							)
						)
					)
				]
			: [columns, ...report.questions.flatMap((q) => noteRows(q, [], groupMark))];
	const delimiter = options.delimiter ?? (report.language === 'en' ? ',' : ';');
	return writeCsv(rows, { delimiter, bom: true });
}
