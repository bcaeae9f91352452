import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumMissingError, closePrinters, htmlToPdf, renderReportPdf } from './pdf';
import { chromiumPath, fullChromiumPath, headlessShellPath } from './chromium-path';
import { smallReport } from './test-report';

const run = promisify(execFile);

// These tests print with the real system Chromium (CHROMIUM_PATH, else the headless shell).
describe('PDF report', () => {
	let dir: string;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'samrad-report-'));
	});

	afterAll(async () => {
		await closePrinters();
		await rm(dir, { recursive: true, force: true });
	});

	/** The Chromium processes this test process started (each printer's browser). */
	async function chromiumChildren(): Promise<number[]> {
		const { stdout } = await run('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).catch(
			(error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })
		);
		return stdout
			.split('\n')
			.map((line) => line.trim().split(/\s+/))
			.filter(([pid, name]) => pid && name && /chrom/i.test(name))
			.map(([pid]) => Number(pid));
	}

	async function until(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
		const end = Date.now() + ms;
		while (Date.now() < end) {
			if (await condition()) return true;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return condition();
	}

	it('keeps one Chromium open for prints in a row, and closes it when no print comes', async () => {
		await closePrinters();
		expect(await chromiumChildren()).toEqual([]);
		const first = await htmlToPdf('<p>Første</p>', { keepWarmMs: 2_000 });
		const open = await chromiumChildren();
		expect(open).toHaveLength(1);
		const [second] = await Promise.all([
			htmlToPdf('<p>Andre</p>', { keepWarmMs: 2_000 }),
			htmlToPdf('<p>Tredje</p>', { keepWarmMs: 2_000 })
		]);
		expect(await chromiumChildren()).toEqual(open);
		expect((await pdfText(first, 'first.pdf')).text).toContain('Første');
		expect((await pdfText(second, 'second.pdf')).text).toContain('Andre');
		expect(await until(async () => (await chromiumChildren()).length === 0, 15_000)).toBe(true);
	}, 60_000);

	it('starts another Chromium when the open one has died', async () => {
		await htmlToPdf('<p>Før</p>');
		const [pid] = await chromiumChildren();
		expect(pid).toBeGreaterThan(0);
		process.kill(pid!, 'SIGKILL');
		const after = await htmlToPdf('<p>Etter</p>');
		expect((await pdfText(after, 'after.pdf')).text).toContain('Etter');
		const now = await chromiumChildren();
		expect(now).toHaveLength(1);
		expect(now).not.toContain(pid);
	}, 60_000);

	async function pdfText(pdf: Uint8Array, name: string): Promise<{ text: string; pages: number }> {
		const file = join(dir, name);
		await writeFile(file, pdf);
		const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
		const { stdout: info } = await run('pdfinfo', [file]);
		return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
	}

	it('prints the report to an A4 PDF with its title, headings and Nordic names', async () => {
		const report = smallReport();
		const pdf = await renderReportPdf(report);
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
		const { text, pages } = await pdfText(pdf, 'report.pdf');
		expect(pages).toBeGreaterThan(5);
		expect(text).toContain('Nordisk dialog om arbeid med bistand');
		for (const heading of ['Innhold', 'Deltakere', 'Språkhjelp', 'Gruppe 1: Arbeidstakere']) {
			expect(text).toContain(heading);
		}
		for (const name of ['Guðrún Jónsdóttir', 'Øystein Sørmark', 'Árni Már Björnsson']) {
			expect(text).toContain(name);
		}
		// The running header repeats the title on every page but the title page (where the
		// large title may wrap).
		const titles =
			text.replace(/\s+/g, ' ').split('Nordisk dialog om arbeid med bistand').length - 1;
		expect(titles).toBeGreaterThanOrEqual(pages);
		expect(text).toContain(`Side ${pages}`);
	}, 60_000);

	describe('isolation', () => {
		let server: Server;
		let requests = 0;
		let origin = '';

		beforeAll(async () => {
			server = createServer((_req, res) => {
				requests++;
				res.end('body { color: red }');
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});

		afterAll(async () => {
			await new Promise((resolve) => server.close(resolve));
		});

		it('runs no script and fetches nothing', async () => {
			const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${origin}/style.css"></head><body>
<p>Ingen skript her</p>
<img src="${origin}/image.png" alt="">
<iframe src="${origin}/frame"></iframe>
<script>document.body.textContent = 'SKRIPTET KJØRTE';</script>
</body></html>`;
			const { text } = await pdfText(await htmlToPdf(html), 'isolated.pdf');
			expect(text).toContain('Ingen skript her');
			expect(text).not.toContain('SKRIPTET KJØRTE');
			expect(requests).toBe(0);
		}, 60_000);
	});

	it('says how to install Chromium when it is missing', async () => {
		const missing = join(dir, 'no-such-chromium');
		const error = await htmlToPdf('<p>x</p>', { executablePath: missing }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChromiumMissingError);
		expect((error as ChromiumMissingError).code).toBe('chromium_missing');
		expect((error as Error).message).toContain('apt-get install -y chromium-headless-shell');
		expect((error as Error).message).toContain('CHROMIUM_PATH');
		expect((error as Error).message).toContain(missing);
	});

	it('finds Chromium through CHROMIUM_PATH, else the headless shell, else the browser', () => {
		const installed = (paths: string[]) => (path: string) => paths.includes(path);
		const both = installed([headlessShellPath, fullChromiumPath]);
		expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' }, both)).toBe('/opt/chrome/chrome');
		expect(chromiumPath({}, both)).toBe('/usr/lib/chromium/chromium-headless-shell');
		expect(chromiumPath({}, installed([fullChromiumPath]))).toBe('/usr/bin/chromium');
		expect(chromiumPath({}, installed([]))).toBe('/usr/bin/chromium');
	});
});
