// Bundles the production server entry (src/lib/server/main.ts) into build/server.js.
// Packages stay external (node_modules); SvelteKit's handler is imported at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
	entryPoints: [`${root}src/lib/server/main.ts`],
	outfile: `${root}build/server.js`,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'external',
	alias: { $lib: `${root}src/lib` },
	sourcemap: true,
	logLevel: 'warning',
	banner: { js: '// Samråd production server, built by scripts/build-server.js' }
});
