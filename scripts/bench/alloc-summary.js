// Prints where a .heapprofile's memory was allocated, by function: its own allocations (self)
// or with everything it called (total). node scripts/bench/alloc-summary.js FILE [self|total] [TOP]
import { readFileSync } from 'node:fs';

const [file, mode = 'self', top = '30'] = process.argv.slice(2);
if (!file) {
	process.stderr.write(
		'usage: node scripts/bench/alloc-summary.js FILE.heapprofile [self|total] [TOP]\n'
	);
	process.exit(2);
}
/** @typedef {{ callFrame: { functionName: string, url: string, lineNumber: number }, selfSize: number, children: Node[] }} Node */
/** @type {{ head: Node }} */
const profile = JSON.parse(readFileSync(file, 'utf8'));
/** @type {Map<string, number>} */
const self = new Map();
/** @type {Map<string, number>} */
const total = new Map();
let all = 0;
/** @param {Node} node @param {string[]} callers */
function walk(node, callers) {
	const { functionName, url, lineNumber } = node.callFrame;
	const key = `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
	all += node.selfSize;
	self.set(key, (self.get(key) ?? 0) + node.selfSize);
	// A recursive function counts once per stack.
	const stack = callers.includes(key) ? callers : [...callers, key];
	for (const caller of stack) total.set(caller, (total.get(caller) ?? 0) + node.selfSize);
	for (const child of node.children) walk(child, stack);
}
walk(profile.head, []);
const mb = (/** @type {number} */ bytes) => (bytes / 2 ** 20).toFixed(0).padStart(7);
process.stdout.write(`allocated (sampled) ${mb(all).trim()} MB\n`);
for (const [key, bytes] of [...(mode === 'total' ? total : self)]
	.sort((a, b) => b[1] - a[1])
	.slice(0, Number(top))) {
	process.stdout.write(
		`${mb(bytes)} MB  ${((100 * bytes) / all).toFixed(1).padStart(5)} %  ${key}\n`
	);
}
