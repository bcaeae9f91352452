// Preloaded into the server under test (node --import): once a second, one JSON line with the
// event loop's delay and utilisation, and where its memory is (V8's heap, used and reserved,
// and memory outside it), so the bench sees lag and memory from inside without server changes.
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

// The histogram holds whole timer intervals: the delay is what exceeds the resolution.
const resolution = 10;
const delay = monitorEventLoopDelay({ resolution });
delay.enable();
let last = performance.eventLoopUtilization();

// Garbage collection pauses of the main thread in this second: their sum and the longest, and
// how many were major (mark-compact): the pauses every command and view waits behind.
let gc = { ms: 0, max: 0, major: 0 };
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		gc.ms += entry.duration;
		gc.max = Math.max(gc.max, entry.duration);
		// NODE_PERFORMANCE_GC_MAJOR
		if (/** @type {any} */ (entry).detail?.kind === 4) gc.major++;
	}
}).observe({ entryTypes: ['gc'] });

setInterval(() => {
	const elu = performance.eventLoopUtilization(last);
	last = performance.eventLoopUtilization();
	const line = {
		event: 'bench.loop_lag',
		at: Date.now(),
		p50: Math.max(0, delay.percentile(50) / 1e6 - resolution),
		p99: Math.max(0, delay.percentile(99) / 1e6 - resolution),
		max: Math.max(0, delay.max / 1e6 - resolution),
		utilisation: elu.utilization,
		memory: process.memoryUsage(),
		gc
	};
	gc = { ms: 0, max: 0, major: 0 };
	delay.reset();
	process.stdout.write(JSON.stringify(line) + '\n');
}, 1000).unref();
