// npm run bench:phone: what each page makes a browser load (JS and CSS, raw, gzip -9 and on the
// wire) until usable and for a whole session, and how long a phone takes to join on emulated
// slow networks, cold and warm cache. Prints Markdown for BENCHMARKS.md.
//
//   npm run bench:phone                      5 repetitions per network and cache
//   npm run bench:phone -- --runs 9 --no-build
//
// The bytes come from tests/e2e/helpers/page-weight.ts, the module the budget test uses.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TestServer } from '../../tests/integration/helpers/server';
import {
	joinByName,
	kb,
	loadUntilUsable,
	loadWholeMemberSession,
	loadWholeSession,
	pageCases,
	pageCss,
	pageHtml,
	pageJs,
	phoneContext,
	seedConference,
	totals,
	workerFiles,
	writingSession,
	type LoadedFile
} from '../../tests/e2e/helpers/page-weight';
import { buildWhenStale } from '../build-when-stale.js';
import { machine, summarise } from './stats.js';

const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
		'no-build': { type: 'boolean', default: false }
	}
});
const runs = Number(options.runs);

/** Emulated networks (Network.emulateNetworkConditions): throughput in bytes per second. */
const networks = [
	{ name: 'venue Wi-Fi', detail: '1.5 Mbit/s down and up, 150 ms RTT', kbit: 1500, rttMs: 150 },
	{ name: 'slow 3G', detail: '400 kbit/s down and up, 400 ms RTT', kbit: 400, rttMs: 400 }
];

const log = (line: string) => process.stderr.write(`[bench:phone] ${line}\n`);

async function throttle(page: Page, network: (typeof networks)[number]) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const bytesPerSecond = (network.kbit * 1000) / 8;
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: network.rttMs,
		downloadThroughput: bytesPerSecond,
		uploadThroughput: bytesPerSecond
	});
}

/** A phone context that has been to the page before: its HTTP cache full, no identity left. */
async function forget(context: BrowserContext, origin: string) {
	await context.clearCookies();
	const page = await context.newPage();
	await page.goto(`${origin}/healthz`);
	await page.evaluate(() => {
		localStorage.clear();
		sessionStorage.clear();
	});
	await page.close();
}

interface Timing {
	typableMs: number;
	joinedMs: number;
}

/** Runs that did not reach the writing view within a minute are counted, not timed. */
const patienceMs = 60_000;

async function timeJoin(page: Page, url: string, name: string): Promise<Timing | null> {
	try {
		return await joinByName(page, url, name, patienceMs);
	} catch (error) {
		const shown = await page
			.locator('body')
			.innerText({ timeout: 5_000 })
			.catch(() => '(nothing)');
		log(`${name}: ${String(error).split('\n')[0]}; the page shows: ${shown.slice(0, 300)}`);
		return null;
	}
}

async function timeJoins(browser: Browser, url: string, origin: string) {
	const results: { network: string; cache: 'cold' | 'warm'; timings: (Timing | null)[] }[] = [];
	let person = 0;
	for (const network of networks) {
		const cold: (Timing | null)[] = [];
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext(phoneContext);
			const page = await context.newPage();
			await throttle(page, network);
			cold.push(await timeJoin(page, url, `Cold ${++person}`));
			await context.close();
		}
		results.push({ network: network.name, cache: 'cold', timings: cold });
		log(`${network.name}, cold: done`);

		const warm: (Timing | null)[] = [];
		const context = await browser.newContext(phoneContext);
		await joinByName(await context.newPage(), url, `Primer ${++person}`);
		for (let run = 0; run < runs; run++) {
			await forget(context, origin);
			const page = await context.newPage();
			await throttle(page, network);
			warm.push(await timeJoin(page, url, `Warm ${++person}`));
			await page.close();
		}
		await context.close();
		results.push({ network: network.name, cache: 'warm', timings: warm });
		log(`${network.name}, warm: done`);
	}
	return results;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function spread(timings: (Timing | null)[], pick: (timing: Timing) => number) {
	const values = timings.filter((t) => t !== null).map(pick);
	const failed = timings.length - values.length;
	const note = failed > 0 ? `; ${failed} of ${timings.length} runs not within 60 s` : '';
	if (values.length === 0) return `–${note}`;
	const s = summarise(values);
	return `${seconds(s.p50)} (${seconds(Math.min(...values))}–${seconds(s.max)})${note}`;
}

function bytesRow(route: string, files: LoadedFile[], whole?: LoadedFile[]) {
	const js = totals(pageJs(files));
	const css = totals(pageCss(files));
	const html = totals(pageHtml(files));
	const session = whole ? `**${kb(totals(pageJs(whole)).gzip)}**` : '–';
	const worker = totals(workerFiles(files));
	return `| \`${route}\` | ${kb(js.raw)} | **${kb(js.gzip)}** | ${kb(js.wire)} | ${js.files} | ${kb(css.raw)} | ${kb(css.gzip)} | ${kb(html.raw)} | ${session} | ${worker.files ? kb(worker.gzip) : '–'} |`;
}

async function main() {
	if (!options['no-build'] && (await buildWhenStale()) !== 0) throw new Error('build failed');
	const server = new TestServer();
	const seed = await seedConference(server.databasePath);
	await server.start();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const writing = await writingSession(server);
	try {
		const loadBefore = loadavg();
		const loads: Awaited<ReturnType<typeof loadUntilUsable>>[] = [];
		for (const pageCase of pageCases(server.url, seed, writing)) {
			loads.push(await loadUntilUsable(browser, pageCase));
			log(`${pageCase.route}: loaded`);
		}
		const wholePhone = await loadWholeSession(browser, server);
		const wholeMember = await loadWholeMemberSession(browser, server, seed, seed.members[2]!);
		log('whole sessions: done');
		const joins = await timeJoins(
			browser,
			`${server.url}/j/${writing.session.joinCode}`,
			server.url
		);
		const loadAfter = loadavg();

		const floor = totals(pageJs(loads.find((l) => l.case.label === 'floor')!.files)).gzip;
		const encodings = (pick: (files: LoadedFile[]) => LoadedFile[]) =>
			[...new Set(loads.flatMap((l) => pick(l.files).map((f) => f.encoding)))].join(', ');
		const { model, cores } = machine();
		const lines = [
			`### Page weight and phone join time (${new Date().toISOString().slice(0, 10)})`,
			'',
			`Chromium ${browser.version()}, ${model}, ${cores} cores; load average ${loadBefore
				.map((n) => n.toFixed(2))
				.join(' ')} before, ${loadAfter.map((n) => n.toFixed(2)).join(' ')} after.`,
			`The floor (\`/bench/floor\`) loads **${kb(floor)}** gzip of JavaScript.`,
			`Until usable: every file a page started to fetch before it was usable, stamped in the page:`,
			'a phone once it had joined and its note field took text (`/c`: its group and session',
			'showed), the projector its phase view, the console its session and controls, the plenum',
			'its group; the landing page until its form showed.',
			`Whole session: a phone joined during writing, then reveal, clarify, vote and results.`,
			`The server sends JavaScript with Content-Encoding ${encodings(pageJs)} ` +
				`(adapter-node \`precompress\`), pages (HTML, raw bytes below) with ${encodings(pageHtml)};`,
			'"wire" is the body bytes Chromium received.',
			'',
			'| page | JS raw | JS gzip -9 | JS wire | JS files | CSS raw | CSS gzip -9 | HTML | JS gzip, whole session | service worker |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
			...loads.map((l) => {
				const whole =
					l.case.label === 'phone'
						? wholePhone
						: l.case.label === 'member badge link'
							? wholeMember
							: undefined;
				return bytesRow(l.case.route, l.files, whole);
			}),
			'',
			`Phone \`/j/<code>\`: time from navigation to a name field that takes typing, and to the`,
			`writing view after the name was sent and the join acknowledged; median (min–max) of ${runs}`,
			'runs. Cold: a fresh browser context. Warm: the same context after one visit, its cookies',
			'and storage cleared so that it joins again.',
			'',
			'| network | cache | name field typable | joined, writing view shows |',
			'|---|---|---:|---:|',
			...joins.map((j) => {
				const network = networks.find((n) => n.name === j.network)!;
				return `| ${j.network} (${network.detail}) | ${j.cache} | ${spread(j.timings, (t) => t.typableMs)} | ${spread(j.timings, (t) => t.joinedMs)} |`;
			})
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		writing.facilitator.close();
		for (const voter of writing.voters) voter.close();
		await browser.close();
		await server.dispose();
	}
}

await main();
