import { writeCsv, type CsvCell, type CsvDelimiter } from '$lib/domain/csv';
import type { Report } from '$lib/domain/report/model';

export interface ReportCsvOptions {
	/**
	 * Field separator. By default a semicolon for the Nordic languages, whose Excel uses the
	 * comma as decimal separator and expects semicolons, and a comma for English.
	 */
	delimiter?: CsvDelimiter;
}

/**
 * Every note of the report as one CSV row: round, group, question, heading, text, rank, points,
 * votes and author (named sessions only). Prioritised notes come first, best first, then the
 * other notes in reveal order. UTF-8 with a BOM so that Excel reads æ, ø, å, ð and þ; cells are
 * guarded against formula injection by the shared CSV writer.
 */
export function renderReportCsv(report: Report, options: ReportCsvOptions = {}): string {
	const { labels } = report;
	const rows: CsvCell[][] = [
		[
			labels.round,
			labels.group,
			labels.question,
			labels.heading,
			labels.text,
			labels.rank,
			labels.points,
			labels.voters,
			labels.author
		]
	];
	for (const round of report.rounds) {
		for (const group of round.groups) {
			for (const q of group.questions) {
				const question = `${q.label}) ${q.text}`;
				for (const item of q.prioritised) {
					for (const note of item.notes) {
						rows.push([
							round.heading,
							group.heading,
							question,
							item.heading ?? '',
							note.text,
							// A number, so spreadsheets sort it; tied items share it.
							item.rank,
							item.points,
							item.voters,
							note.author ?? ''
						]);
					}
				}
				for (const note of q.otherNotes ?? []) {
					rows.push([
						round.heading,
						group.heading,
						question,
						note.heading ?? '',
						note.text,
						null,
						null,
						null,
						note.author ?? ''
					]);
				}
			}
		}
	}
	const delimiter = options.delimiter ?? (report.language === 'en' ? ',' : ';');
	return writeCsv(rows, { delimiter, bom: true });
}
