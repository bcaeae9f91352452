/**
 * Hyphenation is the screens' alone, and it comes after they are usable: no phone page ever
 * loads code that can fetch the hyphen library or its patterns, and the projector, plenum screen
 * and console fetch none of it, nor texts their live view does not show, before it shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	kb,
	loadUntilUsable,
	pageCases,
	pageJs,
	totals,
	type LoadedFile
} from './helpers/page-weight';
import { startWeighedApp, wholePhoneSessions, type WeighedApp } from './helpers/weighed-app';

test.describe.configure({ mode: 'default' });

const client = join(process.cwd(), '.svelte-kit/output/client');
const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8')) as Record<
	string,
	{ file: string; name?: string; dynamicImports?: string[] }
>;
/**
 * The hyphen library's chunk and its pattern chunks: what the hyphenation loader imports on
 * demand (found by the library's chunk, since small chunks merged into others take their names).
 */
const loader = Object.values(manifest).find((entry) =>
	entry.dynamicImports?.some((key) => manifest[key]?.name === 'hyphen')
);
const hyphenFiles = (loader?.dynamicImports ?? []).map((key) => `/${manifest[key]!.file}`);

/** Files among these that are hyphenation, or that could import it. */
function hyphenationIn(files: LoadedFile[]): string[] {
	const names = hyphenFiles.map((file) => file.split('/').at(-1)!);
	return pageJs(files)
		.filter((file) => {
			if (hyphenFiles.includes(file.path)) return true;
			const text = readFileSync(join(client, file.path), 'utf8');
			return names.some((name) => text.includes(name));
		})
		.map((file) => file.path);
}

let app: WeighedApp;

test.beforeAll(async () => {
	expect(hyphenFiles.length, 'the build has the hyphen library and six pattern chunks').toBe(7);
	app = await startWeighedApp();
});

test.afterAll(async () => {
	await app?.dispose();
});

test('no phone page loads code that can fetch hyphenation, in a whole session', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const loads = await wholePhoneSessions(browser, app);
	for (const pageCase of pageCases(app.server.url, app.seed, app.writing).filter(
		(c) => c.context === 'phone' && c.label !== 'floor'
	))
		loads.push({ label: pageCase.route, files: (await loadUntilUsable(browser, pageCase)).files });
	for (const { label, files } of loads) expect(hyphenationIn(files), label).toEqual([]);
});

/** Per room, the namespaces its live view does not show: fetched only after it is usable. */
const textsAfterUsable: Record<string, string[]> = {
	projector: ['conference'],
	console: ['conference', 'download', 'glossary'],
	plenum: []
};
/** The built file of a namespace's English texts (the rooms are opened in English). */
const localeFile = (namespace: string) =>
	`/${manifest[`src/lib/i18n/locales/en/${namespace}.json`]!.file}`;

test('the projector, plenum screen and console start fetching no hyphenation, nor texts their live view does not show, until usable', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const roomCases = pageCases(app.server.url, app.seed, app.writing).filter(
		(c) => c.label in textsAfterUsable
	);
	expect(roomCases).toHaveLength(3);
	for (const pageCase of roomCases) {
		expect(pageCase.usable, `${pageCase.route} has a usable moment`).toBeDefined();
		const { files } = await loadUntilUsable(browser, pageCase);
		const fetched = pageJs(files).filter((file) => hyphenFiles.includes(file.path));
		console.log(`${pageCase.route.padEnd(28)} ${kb(totals(pageJs(files)).gzip)} gzip until usable`);
		expect(
			fetched.map((file) => file.path),
			pageCase.route
		).toEqual([]);
		const later = textsAfterUsable[pageCase.label]!.map(localeFile);
		const early = pageJs(files).filter((file) => later.includes(file.path));
		expect(
			early.map((file) => file.path),
			`${pageCase.route}: texts its live view does not show`
		).toEqual([]);
	}
});
