// npm test: every check in order, stopping at the first failure, with a timing summary at the end.
import { join } from 'node:path';
import { buildWhenStale } from './build-when-stale.js';
import { ensureSystem } from './ensure-system.js';
import { root, run, runQuietly } from './lib.js';

const bin = (/** @type {string} */ name) => join(root, 'node_modules', '.bin', name);

/** @type {{ name: string, run: () => number | Promise<number> }[]} */
const steps = [
	{ name: 'system dependencies', run: () => ensureSystem() },
	{ name: 'svelte-check and lint', run: () => checkAndLint() },
	{ name: 'build (when stale)', run: () => buildWhenStale() },
	{
		name: 'unit tests',
		run: () => run(bin('vitest'), ['run', '--project', 'unit', '--project', 'domain'])
	},
	{
		name: 'PostgreSQL and Redis tests',
		run: () => run(bin('vitest'), ['run', '--project', 'postgres'])
	},
	{
		name: 'integration tests',
		run: () => run(bin('vitest'), ['run', '--project', 'integration'])
	},
	{ name: 'end-to-end tests', run: () => run(bin('playwright'), ['test']) }
];

/**
 * svelte-check, prettier and eslint on two cores (each only reads the sources; the generated
 * types are written once before): eslint, the longest, on one; svelte-check then prettier on the
 * other. Each one's output is shown whole when it ends. (npm run lint runs prettier, then
 * eslint: one after the other, they took far longer than svelte-check beside them.)
 */
async function checkAndLint() {
	const synced = await run(bin('svelte-kit'), ['sync']);
	if (synced !== 0) return synced;
	const report = (/** @type {{ code: number, output: string }} */ { code, output }) => {
		process.stdout.write(output);
		return code;
	};
	const codes = await Promise.all([
		runQuietly('npm', ['run', 'lint:code']).then(report),
		runQuietly('npm', ['run', 'check:types'])
			.then(report)
			.then(async (code) => [code, report(await runQuietly('npm', ['run', 'lint:format']))])
	]);
	return codes.flat().find((code) => code !== 0) ?? 0;
}

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const started = Date.now();
let failed = null;

for (const step of steps) {
	console.log(`\n▶ ${step.name}`);
	const stepStart = Date.now();
	const code = await step.run();
	results.push({ name: step.name, code, ms: Date.now() - stepStart });
	if (code !== 0) {
		failed = step.name;
		break;
	}
}

const width = Math.max(...steps.map((s) => s.name.length));
console.log('\nSummary');
for (const step of steps) {
	const result = results.find((r) => r.name === step.name);
	const status = !result ? 'not run' : result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`;
	const time = result ? seconds(result.ms).padStart(8) : ''.padStart(8);
	console.log(`  ${step.name.padEnd(width)}  ${time}  ${status}`);
}
console.log(`  ${'total'.padEnd(width)}  ${seconds(Date.now() - started).padStart(8)}`);

if (failed) {
	console.error(`\nnpm test failed at: ${failed}`);
	process.exit(1);
}
console.log('\nnpm test passed.');
