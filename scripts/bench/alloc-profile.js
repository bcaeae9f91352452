// Preloaded into Samråd's server by `npm run bench -- --alloc-profile` (node --import): V8's
// sampling heap profiler, keeping the samples of objects already collected, so the profile says
// where all the memory a run allocates comes from (garbage included), not only what is live at
// the end. Written as a .heapprofile into BENCH_ALLOC_PROFILE_DIR when the server exits; read it
// with scripts/bench/alloc-summary.js or Chrome's DevTools (Memory tab, Load).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_ALLOC_PROFILE_DIR;
if (dir) {
	const session = new Session();
	session.connect();
	session.post('HeapProfiler.startSampling', {
		samplingInterval: 256 * 1024,
		includeObjectsCollectedByMajorGC: true,
		includeObjectsCollectedByMinorGC: true
	});
	// The inspector answers a session of its own thread synchronously, so this runs within 'exit'.
	process.once('exit', () => {
		session.post('HeapProfiler.stopSampling', (error, result) => {
			if (error) return;
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, `alloc-${process.pid}.heapprofile`), JSON.stringify(result.profile));
		});
	});
}
