// Prints the functions with the most self time in a .cpuprofile (node --cpu-prof), as a
// by-hand stand-in for a flame graph: node scripts/bench/profile-summary.js FILE [TOP]
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node scripts/bench/profile-summary.js FILE.cpuprofile [TOP]\n');
	process.exit(2);
}
/** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
/** @type {Map<number, number>} */
const selfTime = new Map();
profile.samples.forEach((id, i) => {
	selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
/** @type {Map<string, number>} */
const byFunction = new Map();
let total = 0;
for (const [id, time] of selfTime) {
	const frame = byId.get(id)?.callFrame;
	if (!frame) continue;
	const where = frame.url.replace(/^.*\/(node_modules|build)\//, '$1/');
	const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
	byFunction.set(key, (byFunction.get(key) ?? 0) + time);
	total += time;
}
const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
process.stdout.write(`total sampled ${(total / 1e6).toFixed(1)} s\n`);
for (const [key, time] of rows) {
	process.stdout.write(
		`${((time / total) * 100).toFixed(1).padStart(5)} %  ${(time / 1e3).toFixed(0).padStart(7)} ms  ${key}\n`
	);
}
