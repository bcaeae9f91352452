import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { Report } from '$lib/domain/report/model';
import { renderReportHtml } from './html';

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
 * Prints an HTML document to an A4 PDF with Chromium. JavaScript is off and every network
 * request is aborted, so the document can only show what is inside it.
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
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
		await page.setContent(html, { waitUntil: 'load' });
		const pdf = await page.pdf({
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
			tagged: true,
			outline: true
		});
		return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
	} finally {
		await browser.close();
	}
}

/** The report as a PDF: the HTML rendering, printed by Chromium. */
export async function renderReportPdf(
	report: Report,
	options: PdfOptions = {}
): Promise<Uint8Array> {
	return htmlToPdf(renderReportHtml(report), options);
}
