import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ReportDocument } from '$lib/domain/report/model';
import { chromiumPath } from './chromium-path';
import { disableFeaturesSwitch } from './chromium-switches';
import { renderReportHtml } from './html';

const run = promisify(execFile);

/** Chromium could not be found or started, so no PDF can be made. */
export class ChromiumMissingError extends Error {
	readonly code = 'chromium_missing';
	/** The executable that was tried. */
	readonly executablePath: string;

	constructor(executablePath: string, cause?: unknown) {
		super(
			`Chromium is needed to make PDF reports but was not found at ${executablePath}. ` +
				'Install it with `apt-get install -y chromium-headless-shell` (or `chromium`), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
			{ cause }
		);
		this.name = 'ChromiumMissingError';
		this.executablePath = executablePath;
	}
}

export interface PdfOptions {
	/** Chromium to run; defaults to CHROMIUM_PATH, then the headless shell, then the browser. */
	executablePath?: string;
	/** Gives up after this long, in ms (launch, layout and printing each). */
	timeoutMs?: number;
	/**
	 * How long Chromium stays open after its last print, in ms (default 30 s): exports come in
	 * rows (an organiser downloads the PDF again after a change; the report prints twice for its
	 * page numbers), and starting Chromium costs more than a print.
	 */
	keepWarmMs?: number;
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
	'--hide-scrollbars',
	disableFeaturesSwitch
];

/** One Chromium kept open between prints: its pages are made and closed per print. */
interface Printer {
	browser: Promise<Browser>;
	/** Prints running or waiting for the browser. */
	jobs: number;
	/** Closes the browser when no print has come for keepWarmMs. */
	idle: ReturnType<typeof setTimeout> | null;
}

const defaultKeepWarmMs = 30_000;

/** The open printers, one per Chromium executable. */
const printers = new Map<string, Printer>();

async function launch(executablePath: string, timeout: number): Promise<Browser> {
	try {
		return await chromium.launch({ executablePath, args: chromiumArgs, timeout });
	} catch (error) {
		if (error instanceof Error && /doesn't exist|ENOENT|EACCES/i.test(error.message)) {
			throw new ChromiumMissingError(executablePath, error);
		}
		throw error;
	}
}

function forget(executablePath: string, printer: Printer): void {
	if (printers.get(executablePath) !== printer) return;
	printers.delete(executablePath);
	if (printer.idle) clearTimeout(printer.idle);
}

/** The open printer for this executable, or a new one; a printer whose Chromium died is replaced. */
function printerFor(executablePath: string, timeout: number): Printer {
	const open = printers.get(executablePath);
	if (open) return open;
	const printer: Printer = { browser: launch(executablePath, timeout), jobs: 0, idle: null };
	printers.set(executablePath, printer);
	printer.browser
		.then((browser) => browser.on('disconnected', () => forget(executablePath, printer)))
		.catch(() => forget(executablePath, printer));
	return printer;
}

function release(executablePath: string, printer: Printer, keepWarmMs: number): void {
	printer.jobs -= 1;
	if (printer.jobs > 0 || printers.get(executablePath) !== printer) return;
	printer.idle = setTimeout(() => {
		forget(executablePath, printer);
		void closeBrowser(printer);
	}, keepWarmMs);
	// An open printer does not keep a process (a script, a test run) from ending.
	printer.idle.unref();
}

async function closeBrowser(printer: Printer): Promise<void> {
	const browser = await printer.browser.catch(() => null);
	await browser?.close().catch(() => undefined);
}

/**
 * A new browser context for one print on the open printer, counted as busy until released. A
 * printer whose Chromium has died (its 'disconnected' event may still be on its way) cannot make
 * one: it is dropped and a new Chromium started, once.
 */
async function openContext(
	executablePath: string,
	timeout: number
): Promise<{ printer: Printer; context: BrowserContext }> {
	for (let attempt = 1; ; attempt++) {
		const printer = printerFor(executablePath, timeout);
		printer.jobs += 1;
		if (printer.idle) clearTimeout(printer.idle);
		printer.idle = null;
		try {
			const browser = await printer.browser;
			const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
			return { printer, context };
		} catch (error) {
			printer.jobs -= 1;
			if (error instanceof ChromiumMissingError || attempt > 1) throw error;
			forget(executablePath, printer);
			void closeBrowser(printer);
		}
	}
}

/** Closes every open printer's Chromium (at shutdown). */
export async function closePrinters(): Promise<void> {
	const open = [...printers.entries()];
	for (const [path, printer] of open) forget(path, printer);
	await Promise.all(open.map(([, printer]) => closeBrowser(printer)));
}

/**
 * Runs `job` with a fresh Chromium page that prints HTML to A4 PDFs. JavaScript is off and every
 * network request is aborted, so a document can only show what is inside it. Each job has its
 * own browser context (nothing of one print, no cookie, cache or storage, is seen by another) on
 * a Chromium kept open for a while after the last print.
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
	const { printer, context } = await openContext(executablePath, timeout);
	try {
		await context.route('**/*', (route) => route.abort());
		const page = await context.newPage();
		page.setDefaultTimeout(timeout);
		return await job((html) => printPage(page, html));
	} finally {
		await context.close().catch(() => undefined);
		release(executablePath, printer, options.keepWarmMs ?? defaultKeepWarmMs);
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
