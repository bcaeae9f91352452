/**
 * A page's Link header lists every JavaScript file its code imports statically, so that a phone
 * on a slow network asks for all of them at once, not for some only after parsing their importer.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server';
import { createSession } from './helpers/session';

type Manifest = Record<string, { file: string; imports?: string[] }>;

let server: TestServer;

beforeAll(async () => {
	server = new TestServer();
	await server.start();
});

afterAll(async () => {
	await server.dispose();
});

/** Every file the listed files import statically, by the build's own manifest. */
function staticClosure(files: string[]): Set<string> {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Manifest;
	const byFile = new Map(Object.values(manifest).map((entry) => [entry.file, entry]));
	const closure = new Set<string>();
	const visit = (file: string) => {
		if (closure.has(file)) return;
		closure.add(file);
		for (const key of byFile.get(file)?.imports ?? []) visit(manifest[key]!.file);
	};
	files.forEach(visit);
	return closure;
}

describe("a phone page's modulepreload header", () => {
	it('lists every file the listed files import statically', async () => {
		const session = await createSession(server, { title: 'Preloads' });
		const response = await fetch(`${server.url}/j/${session.joinCode}`);
		expect(response.status).toBe(200);
		const link = response.headers.get('link') ?? '';
		const listed = [...link.matchAll(/<[./]*(_app\/[^>]+\.js)>; rel="modulepreload"/g)].map(
			(match) => match[1]!
		);
		expect(listed.length).toBeGreaterThan(5);
		const missing = [...staticClosure(listed)].filter((file) => !listed.includes(file));
		expect(missing, 'imported statically but not preloaded').toEqual([]);
	});
});
