import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { ReportDocument } from '$lib/domain/report/model';
import { renderReportHtml } from './html';

const run = promisify(execFile);

/** Where Chromium is looked for when CHROMIUM_PATH is not set (Debian's chromium package). */
export const defaultChromiumPath = '/usr/bin/chromium';

/** Chromium could not be found or started, so no PDF can be made. */
export class ChromiumMissingError extends Error {
	readonly code = 'chromium_missing';
	/** The executable that was tried. */
	readonly executablePath: string;

	constructor(executablePath: string, cause?: unknown) {
		super(
			`Chromium is needed to make PDF reports but was not found at ${executablePath}. ` +
				'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.',
			{ cause }
		);
		this.name = 'ChromiumMissingError';
		this.executablePath = executablePath;
	}
}

export interface PdfOptions {
	/** Chromium to run; defaults to CHROMIUM_PATH, then /usr/bin/chromium. */
	executablePath?: string;
	/** Gives up after this long, in ms (launch, layout and printing each). */
	timeoutMs?: number;
}

/** The Chromium executable this process would use. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
	return env.CHROMIUM_PATH || defaultChromiumPath;
}

/** Whether PDF reports can be made here: the Chromium executable exists and may be run. */
export async function chromiumAvailable(executablePath: string = chromiumPath()): Promise<boolean> {
	try {
		await access(executablePath, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

// A headless print job: no sandbox (containers), no GPU, nothing that phones home.
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-extensions',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-default-apps',
	'--disable-sync',
	'--no-first-run',
	'--mute-audio',
	'--hide-scrollbars'
];

/**
 * Runs `job` with a fresh Chromium page that prints HTML to A4 PDFs. JavaScript is off and every
 * network request is aborted, so a document can only show what is inside it.
 */
async function withPrinter<T>(
	options: PdfOptions,
	job: (print: (html: string) => Promise<Uint8Array>) => Promise<T>
): Promise<T> {
	const executablePath = options.executablePath ?? chromiumPath();
	const timeout = options.timeoutMs ?? 60_000;
	try {
		await access(executablePath, constants.X_OK);
	} catch (error) {
		throw new ChromiumMissingError(executablePath, error);
	}
	let browser;
	try {
		browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout });
	} catch (error) {
		if (error instanceof Error && /doesn't exist|ENOENT|EACCES/i.test(error.message)) {
			throw new ChromiumMissingError(executablePath, error);
		}
		throw error;
	}
	try {
		const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
		await context.route('**/*', (route) => route.abort());
		const page = await context.newPage();
		page.setDefaultTimeout(timeout);
		return await job((html) => printPage(page, html));
	} finally {
		await browser.close();
	}
}

async function printPage(page: Page, html: string): Promise<Uint8Array> {
	await page.setContent(html, { waitUntil: 'load' });
	const pdf = await page.pdf({
		format: 'A4',
		printBackground: true,
		preferCSSPageSize: true,
		tagged: true,
		outline: true
	});
	return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** Prints an HTML document to an A4 PDF with Chromium (no scripts, no network). */
export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
	return withPrinter(options, (print) => print(html));
}

/**
 * The page each named destination of a PDF is on, read by poppler's pdfinfo: Chromium names a
 * destination for every element an internal link points to, such as each contents entry's
 * chapter. Null when pdfinfo cannot be run.
 */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number> | null> {
	const dir = await mkdtemp(join(tmpdir(), 'samrad-pdf-'));
	try {
		const file = join(dir, 'first.pdf');
		await writeFile(file, pdf);
		const { stdout } = await run('pdfinfo', ['-dests', file], { maxBuffer: 16 * 1024 * 1024 });
		const pages = new Map<string, number>();
		for (const match of stdout.matchAll(/^\s*(\d+)\s+\[.*\]\s+"(.*)"$/gm)) {
			pages.set(match[2]!, Number(match[1]));
		}
		return pages;
	} catch {
		return null;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * The report as a PDF: the HTML rendering, printed by Chromium. Chromium cannot print page
 * numbers into the contents (no target-counter), so it prints twice: once with room kept for
 * the numbers, then, with the pages each chapter landed on, with them. The room kept makes both
 * prints lay out alike. Without pdfinfo the contents go without numbers.
 */
export async function renderReportPdf(
	report: ReportDocument,
	options: PdfOptions = {}
): Promise<Uint8Array> {
	return withPrinter(options, async (print) => {
		if (report.contents.length === 0) return print(renderReportHtml(report));
		const first = await print(renderReportHtml(report, { pages: new Map() }));
		const pages = await destinationPages(first);
		if (!pages) return print(renderReportHtml(report));
		return print(renderReportHtml(report, { pages }));
	});
}
