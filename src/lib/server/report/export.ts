import {
	buildReport,
	glossaryPlacements,
	type GlossaryPlacement,
	type ReportDocument,
	type ReportOptions
} from '$lib/domain/report/model';
import { buildWorkshopReport, workshopStartedAt } from '$lib/domain/report/workshop';
import type { SessionState } from '$lib/domain/session/types';
import { fixedT, isLanguage, type Language } from '$lib/i18n';
import type { App } from '../app';
import { archiveJson } from '$lib/domain/archive/schema';
import { exportConference } from '../archive';
import { renderReportCsv } from './csv';
import { renderReportDocx } from './docx';
import { contentDisposition } from './filename';
import { renderReportHtml } from './html';
import { renderReportMarkdown } from './markdown';
import { renderReportPdf, type PdfOptions } from './pdf';
import { reportSourceFromDb } from './source-from-db';

/** What the organiser can download: the report in five formats, and the conference archive. */
export const exportFormats = ['html', 'pdf', 'docx', 'markdown', 'csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const types: Record<ExportFormat, { contentType: string; extension: string }> = {
	html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
	pdf: { contentType: 'application/pdf', extension: 'pdf' },
	docx: {
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		extension: 'docx'
	},
	markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
	csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
	// The archive, not the report: it must say so in its name.
	json: { contentType: 'application/json; charset=utf-8', extension: 'samrad.json' }
};

/** The organiser's choices, as the export page sends them. */
export interface ExportChoices {
	format: ExportFormat;
	/** Language of headings and dates; the conference's when not given. */
	language: Language | null;
	includeNames: boolean;
	includeUnvotedNotes: boolean;
	includeReflections: boolean;
	/** Where the language help goes (a conference's report only). */
	glossary: GlossaryPlacement;
	/** The organiser's time zone: the report is dated with their day, not the server's. */
	timeZone: string | null;
}

/**
 * A yes/no field as a form sends it: a hidden "0" and a checkbox "1", so that "left out" and
 * "never asked" differ. Absent: the default.
 */
function flag(params: URLSearchParams, name: string, fallback: boolean): boolean {
	const values = params.getAll(name);
	return values.length === 0 ? fallback : values.includes('1');
}

/** Reads the export page's query string; anything unknown falls back to the defaults. */
export function readChoices(params: URLSearchParams): ExportChoices {
	const format = params.get('format');
	const language = params.get('lang');
	const timeZone = params.get('tz');
	const glossary = params.get('glossary');
	return {
		format: (exportFormats as readonly string[]).includes(format ?? '')
			? (format as ExportFormat)
			: 'html',
		language: isLanguage(language) ? language : null,
		includeNames: flag(params, 'names', true),
		includeUnvotedNotes: flag(params, 'unvoted', true),
		includeReflections: flag(params, 'reflections', true),
		glossary: (glossaryPlacements as readonly string[]).includes(glossary ?? '')
			? (glossary as GlossaryPlacement)
			: 'appendix',
		timeZone: timeZone && timeZone.length <= 64 ? timeZone : null
	};
}

/**
 * The calendar day (yyyy-mm-dd) at `now` in a time zone; the server's own day when the zone
 * is unknown. Never UTC's day: just after midnight in Oslo it is still yesterday in UTC.
 */
export function localDay(now: Date, timeZone: string | null): string {
	if (timeZone) {
		try {
			const parts = new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			}).formatToParts(now);
			const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
			return `${part('year')}-${part('month')}-${part('day')}`;
		} catch {
			// Not a time zone this runtime knows: use the server's day below.
		}
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The report formats, each with its renderer. */
export type ReportFormat = Exclude<ExportFormat, 'json'>;

// One PDF at a time: each print lays out a whole report in a page of the printer's Chromium,
// a few hundred MB at once for a large one, too many for a small machine together; a second
// request waits for the first.
let printing: Promise<unknown> = Promise.resolve();

function printOneAtATime(report: ReportDocument, pdf: PdfOptions): Promise<Uint8Array> {
	const next = printing.then(() => renderReportPdf(report, pdf));
	// A failed print must not stop the ones waiting behind it.
	printing = next.catch(() => undefined);
	return next;
}

const renderers: Record<
	ReportFormat,
	(report: ReportDocument, pdf: PdfOptions) => string | Uint8Array | Promise<Uint8Array>
> = {
	html: (report) => renderReportHtml(report),
	pdf: printOneAtATime,
	docx: renderReportDocx,
	markdown: renderReportMarkdown,
	csv: (report) => renderReportCsv(report)
};

/** The report rendered in one of the report formats. */
export async function renderReport(
	report: ReportDocument,
	format: ReportFormat,
	pdf: PdfOptions = {}
): Promise<string | Uint8Array> {
	return renderers[format](report, pdf);
}

/** A file ready to send. */
export interface ExportFile {
	body: string | Uint8Array;
	contentType: string;
	/** Content-Disposition: attachment, named after the conference title. */
	disposition: string;
}

/** The report options the choices stand for, dated today in the organiser's time zone. */
export function reportOptions(choices: ExportChoices, now: Date): ReportOptions {
	return {
		...(choices.language ? { language: choices.language } : {}),
		includeNames: choices.includeNames,
		includeUnvotedNotes: choices.includeUnvotedNotes,
		includeReflections: choices.includeReflections,
		glossary: choices.glossary,
		generatedAt: localDay(now, choices.timeZone)
	};
}

/**
 * The conference in the chosen format, built from what is stored right now: before, during or
 * after the day (an open vote shows as provisional). Null when there is no such conference.
 * PDF throws ChromiumMissingError when Chromium cannot be started.
 */
export async function exportFile(
	app: Pick<App, 'stores' | 'conferences' | 'sessions'>,
	conferenceId: string,
	choices: ExportChoices,
	{ now = new Date(), pdf = {} }: { now?: Date; pdf?: PdfOptions } = {}
): Promise<ExportFile | null> {
	const { contentType, extension } = types[choices.format];
	if (choices.format === 'json') {
		const archive = await exportConference(app, conferenceId);
		if (!archive) return null;
		return {
			body: archiveJson(archive),
			contentType,
			disposition: contentDisposition(archive.conference.title, extension)
		};
	}
	const source = await reportSourceFromDb(app, conferenceId, {
		language: choices.language ?? undefined
	});
	if (!source) return null;
	const report = buildReport(source, reportOptions(choices, now), fixedT);
	const body = await renderReport(report, choices.format, pdf);
	return {
		body,
		contentType,
		disposition: contentDisposition(source.conference.title, extension)
	};
}

/**
 * A stand-alone workshop's report in one of the report formats, from its session as it stands,
 * dated the day it was held in the facilitator's time zone. Null for the archive (a workshop
 * has none). PDF throws ChromiumMissingError when Chromium cannot be started.
 */
export async function workshopExportFile(
	session: SessionState,
	choices: ExportChoices,
	{ now = new Date(), pdf = {} }: { now?: Date; pdf?: PdfOptions } = {}
): Promise<ExportFile | null> {
	if (choices.format === 'json') return null;
	const { contentType, extension } = types[choices.format];
	const date = localDay(new Date(workshopStartedAt(session)), choices.timeZone);
	const report = buildWorkshopReport({ session, date }, reportOptions(choices, now), fixedT);
	return {
		body: await renderReport(report, choices.format, pdf),
		contentType,
		disposition: contentDisposition(session.title, extension)
	};
}
