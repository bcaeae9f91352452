import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '$lib/i18n';
import { pageNamespaces } from '$lib/i18n/pages';

/** Language/namespace → the client files that hold its texts (written by vite.config.ts). */
type LocaleChunks = Record<string, string[]>;
let chunks: LocaleChunks | undefined;

/** A JSON file the client build wrote under _app/, found beside the server code; none in development. */
export function clientBuildFile<T extends object>(name: string): T | null {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let level = 0; level < 5; level++, dir = dirname(dir)) {
		const file = join(dir, 'client', '_app', name);
		if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
	}
	return null;
}

/** The build's locale chunk list. */
function localeChunks(): LocaleChunks {
	chunks ??= clientBuildFile<LocaleChunks>('locale-chunks.json') ?? {};
	return chunks;
}

/**
 * Modulepreload links for the texts a page renders, so that the browser fetches them with the
 * app's own files instead of after the app has started (one round trip less on slow Wi-Fi).
 */
export function localePreloadLinks(lang: Language, routeId: string | null): string {
	const files = new Set(
		pageNamespaces(routeId).flatMap((namespace) => localeChunks()[`${lang}/${namespace}`] ?? [])
	);
	return [...files].map((file) => `<link rel="modulepreload" href="/${file}">`).join('');
}
