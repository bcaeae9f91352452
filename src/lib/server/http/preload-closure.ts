import { clientBuildFile } from './locale-preloads';

/** Client chunk file → the chunk files it imports statically (written by vite.config.ts). */
type ChunkImports = Record<string, string[]>;
let chunkImports: ChunkImports | undefined;

const modulepreload = /<([^>]+\.js)>; rel="modulepreload"; nopush/g;

/**
 * Completes a page's Link header with every chunk its modulepreloaded chunks import statically.
 * SvelteKit leaves out a chunk it first met behind a dynamic import (e.g. the phone's limits,
 * imported by its writing view), and the browser then finds it only after parsing its importer:
 * a round trip more, on the critical path, on a slow network.
 */
export function withStaticImports(link: string): string {
	return completed(link);
}

/**
 * The phone's join page gives its join the way: its scripts are preloaded at low priority, so
 * that a name sent from the server-rendered form (src/lib/client/early-join.js) gets the next
 * free connection of the six instead of waiting behind every script (HTTP/1.1).
 */
export function yieldingToJoin(link: string): string {
	return link.replace(/; rel="modulepreload"/g, '; rel="modulepreload"; fetchpriority="low"');
}

function completed(link: string): string {
	chunkImports ??= clientBuildFile<ChunkImports>('chunk-imports.json') ?? {};
	const listed = [...link.matchAll(modulepreload)].map((match) => match[1]!);
	if (listed.length === 0) return link;
	// Paths in the header are relative to the page; chunk files to the client root.
	const prefix = listed[0]!.slice(0, listed[0]!.indexOf('_app/'));
	const present = new Set(listed.map((path) => path.slice(prefix.length)));
	const missing: string[] = [];
	const visit = (file: string) => {
		for (const imported of chunkImports![file] ?? []) {
			if (present.has(imported)) continue;
			present.add(imported);
			missing.push(imported);
			visit(imported);
		}
	};
	for (const file of [...present]) visit(file);
	if (missing.length === 0) return link;
	return [link, ...missing.map((file) => `<${prefix}${file}>; rel="modulepreload"; nopush`)].join(
		', '
	);
}
