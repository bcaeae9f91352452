// Builds the production app (npm run build) only when build/ is missing or older than its sources.
import { pathToFileURL } from 'node:url';
import { buildIsStale, run } from './lib.js';

/** Resolves with the build's exit code, or 0 when the build is up to date. */
export async function buildWhenStale() {
	if (!buildIsStale()) return 0;
	console.log('Samråd: building the app (changed sources)…');
	return run('npm', ['run', 'build']);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(await buildWhenStale());
}
