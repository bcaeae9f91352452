// Where a .cpuprofile's time went, with everything each function called (inclusive time), for
// the questions the self-time list (profile-summary.js) cannot answer:
//   node scripts/bench/profile-inclusive.js FILE NAME…              inclusive seconds of each NAME
//   node scripts/bench/profile-inclusive.js FILE --under NAME [--depth N]   what NAME's time went to,
//                                                                   by the N calls below it
//   node scripts/bench/profile-inclusive.js FILE --over NAME [--depth N]    who NAME's time came from,
//                                                                   by the N callers above it
//   --from S --to S                                                 only the samples in that window
//                                                                   (seconds from the profile's start)
// A sample counts once for a name even when the function is on its stack more than once.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		under: { type: 'string' },
		over: { type: 'string' },
		depth: { type: 'string', default: '2' },
		from: { type: 'string', default: '0' },
		to: { type: 'string', default: 'Infinity' }
	}
});
const [file, ...names] = positionals;
if (!file || (names.length === 0 && !values.under && !values.over)) {
	process.stderr.write(
		'usage: node scripts/bench/profile-inclusive.js FILE.cpuprofile (NAME… | --under NAME | --over NAME) [--depth N] [--from S] [--to S]\n'
	);
	process.exit(2);
}
/** @type {{ startTime: number, nodes: { id: number, callFrame: { functionName: string }, children?: number[] }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(file, 'utf8'));
/** @type {Map<number, string>} */
const nameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName || '(anonymous)']));
/** @type {Map<number, number>} */
const parentOf = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);

/** The stack of a sample's node, outermost first. @param {number} id */
function stackOf(id) {
	/** @type {string[]} */
	const stack = [];
	for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at))
		stack.push(nameOf.get(at) ?? '?');
	return stack.reverse();
}

const from = Number(values.from) * 1e6;
const to = Number(values.to) * 1e6;
/** @type {Map<string, number>} */
const totals = new Map();
let busy = 0;
let clock = 0;
profile.samples.forEach((id, i) => {
	clock += profile.timeDeltas[i] ?? 0;
	if (clock < from || clock > to) return;
	const time = profile.timeDeltas[i + 1] ?? 0;
	const stack = stackOf(id);
	if (stack.at(-1) !== '(idle)') busy += time;
	if (values.under) {
		const at = stack.indexOf(values.under);
		if (at < 0) return;
		const below = stack.slice(at + 1, at + 1 + Number(values.depth)).join(' > ') || '(self)';
		totals.set(below, (totals.get(below) ?? 0) + time);
		return;
	}
	if (values.over) {
		// The outermost call of NAME on the stack, so that recursion counts once.
		const at = stack.indexOf(values.over);
		if (at < 0) return;
		const above =
			stack
				.slice(Math.max(0, at - Number(values.depth)), at)
				.reverse()
				.join(' < ') || '(root)';
		totals.set(above, (totals.get(above) ?? 0) + time);
		return;
	}
	for (const name of new Set(stack)) {
		if (names.includes(name)) totals.set(name, (totals.get(name) ?? 0) + time);
	}
});
const seconds = (/** @type {number} */ us) => `${(us / 1e6).toFixed(2)} s`;
process.stdout.write(`busy ${seconds(busy)} in the window\n`);
// A reader that stops early (| head) is not an error.
process.stdout.on('error', () => process.exit(0));
const rows =
	values.under || values.over
		? [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)
		: names.map((name) => /** @type {[string, number]} */ ([name, totals.get(name) ?? 0]));
for (const [name, time] of rows) process.stdout.write(`${seconds(time).padStart(9)}  ${name}\n`);
