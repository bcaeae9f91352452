// Where one cold join of /j spends its time: every request and WebSocket frame of the phone, in
// the order they started, on an emulated network, with the moments the name field took typing
// and the writing view showed. A tool for finding the critical path, not a benchmark.
//
//   npx tsx scripts/bench/phone-waterfall.ts                 slow 3G, one cold join
//   npx tsx scripts/bench/phone-waterfall.ts --network wifi --runs 3
//   npx tsx scripts/bench/phone-waterfall.ts --ws-delay   WebSocket frames held half an RTT each way
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { TestServer } from '../../tests/integration/helpers/server';
import {
	joinByName,
	phoneContext,
	seedConference,
	writingSession
} from '../../tests/e2e/helpers/page-weight';
import { websocketDelayProxy } from './websocket-delay';

const { values: options } = parseArgs({
	options: {
		network: { type: 'string', default: 'slow3g' },
		runs: { type: 'string', default: '1' },
		'ws-delay': { type: 'boolean', default: false }
	}
});
const network = options.network === 'wifi' ? { kbit: 1500, rttMs: 150 } : { kbit: 400, rttMs: 400 };

interface Row {
	start: number;
	end: number | null;
	what: string;
}

async function main() {
	const server = new TestServer();
	await seedConference(server.databasePath);
	await server.start();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const writing = await writingSession(server);
	const proxy = options['ws-delay'] ? await websocketDelayProxy(server.url, network.rttMs) : null;
	const pageOrigin = proxy?.url ?? server.url;
	const joins: number[] = [];
	try {
		for (let run = 0; run < Number(options.runs); run++) {
			const context = await browser.newContext(phoneContext);
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: network.rttMs,
				downloadThroughput: (network.kbit * 1000) / 8,
				uploadThroughput: (network.kbit * 1000) / 8
			});
			const rows = new Map<string, Row>();
			const frames: Row[] = [];
			let origin = 0;
			const at = (timestamp: number) => Math.round(timestamp * 1000 - origin);
			cdp.on('Network.requestWillBeSent', (event) => {
				if (origin === 0) origin = event.timestamp * 1000;
				const url = new URL(event.request.url);
				const path = url.pathname.replace(/^\/_app\/immutable\//, '') + url.search;
				rows.set(event.requestId, {
					start: at(event.timestamp),
					end: null,
					what: `${event.request.method} ${path.slice(0, 90)}`
				});
			});
			cdp.on('Network.loadingFinished', (event) => {
				const row = rows.get(event.requestId);
				if (row) row.end = at(event.timestamp);
			});
			cdp.on('Network.webSocketCreated', (event) => {
				frames.push({ start: Date.now(), end: null, what: `ws created ${event.url.slice(-40)}` });
			});
			cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
				frames.push({
					start: Date.now(),
					end: null,
					what: `ws handshake ${event.response.status}`
				});
			});
			const wall = () => Date.now();
			cdp.on('Network.webSocketFrameSent', (event) => {
				frames.push({
					start: wall(),
					end: null,
					what: `ws → ${event.response.payloadData.slice(0, 60)}`
				});
			});
			cdp.on('Network.webSocketFrameReceived', (event) => {
				frames.push({
					start: wall(),
					end: null,
					what: `ws ← ${event.response.payloadData.slice(0, 60)}`
				});
			});
			const startedWall = Date.now();
			const timing = await joinByName(
				page,
				`${pageOrigin}/j/${writing.session.joinCode}`,
				`Waterfall ${run}`,
				60_000
			);
			const list = [
				...rows.values(),
				...frames.map((f) => ({ ...f, start: f.start - startedWall, what: `${f.what} (wall)` }))
			].sort((a, b) => a.start - b.start);
			joins.push(timing.joinedMs);
			console.log(
				`run ${run}: typable ${Math.round(timing.typableMs)} ms, joined ${Math.round(timing.joinedMs)} ms`
			);
			for (const row of list) {
				console.log(
					`${String(row.start).padStart(6)} ${row.end === null ? '     ' : String(row.end).padStart(6)}  ${row.what}`
				);
			}
			await context.close();
		}
		const sorted = joins.toSorted((a, b) => a - b);
		console.log(
			`joined, median of ${sorted.length}: ${Math.round(sorted[sorted.length >> 1]!)} ms`
		);
	} finally {
		await proxy?.close();
		writing.facilitator.close();
		for (const voter of writing.voters) voter.close();
		await browser.close();
		await server.dispose();
	}
}

await main();
