import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { earlyJoinScript } from './src/lib/client/early-join.js';

/** The phone's inline join script (src/lib/client/early-join.js) may run, and only its text. */
const earlyJoinHash = `sha256-${createHash('sha256').update(earlyJoinScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Only the phone pages install the offline shell's worker (src/lib/client/offline-shell.ts).
		serviceWorker: { register: false },
		// A phone page's stylesheets (its later views' too) come inside its HTML, compressed with
		// it: one request instead of twenty on a crowded Wi-Fi with six connections per host.
		inlineStyleThreshold: 8192,
		// SvelteKit adds hashes or nonces for its own inline scripts; besides them only the phone's
		// early join script may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyJoinHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
