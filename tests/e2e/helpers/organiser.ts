/** Organiser texts and sign-in for end-to-end tests (one shared organiser per run). */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths';
import type { Language } from './i18n';

type Tree = { [key: string]: string | Tree };

const cache = new Map<Language, Tree>();

function organiserTexts(lang: Language): Tree {
	let tree = cache.get(lang);
	if (!tree) {
		const file = join(root, 'src', 'lib', 'i18n', 'locales', lang, 'organiser.json');
		tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
		cache.set(lang, tree);
	}
	return tree;
}

/**
 * A text from organiser.json by dotted key (without the organiser. prefix), with {{name}}
 * placeholders filled in; with `count`, the _one/_other form English uses.
 */
export function organiserText(
	key: string,
	params: Record<string, string | number> = {},
	lang: Language = 'en'
): string {
	const parts = key.split('.');
	if (typeof params.count === 'number') {
		parts[parts.length - 1] += params.count === 1 ? '_one' : '_other';
	}
	let node: string | Tree | undefined = organiserTexts(lang);
	for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
	if (typeof node !== 'string') throw new Error(`no organiser text ${key} in ${lang}`);
	return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
		String(params[name] ?? `{{${name}}}`)
	);
}

/** The run's organiser account (the database is fresh for every run). */
export const e2eOrganiser = {
	username: 'e2e.organiser',
	displayName: 'Åsa Þórsdóttir',
	password: 'lang nok passord for testene'
} as const;

/**
 * Signs in as the run's organiser, creating the account on the first-run setup page if no
 * organiser exists yet. Ends on /organiser.
 */
export async function signInAsOrganiser(page: Page): Promise<void> {
	// Twice: a test in another worker may create the organiser while this one is on the setup page.
	for (let attempt = 0; attempt < 2; attempt++) {
		await page.goto('/organiser');
		await page.waitForLoadState('networkidle');
		const path = new URL(page.url()).pathname;
		if (path === '/organiser/setup') {
			await page.locator('#username').fill(e2eOrganiser.username);
			await page.locator('#displayName').fill(e2eOrganiser.displayName);
			await page.locator('#password').fill(e2eOrganiser.password);
			await page.locator('#confirm').fill(e2eOrganiser.password);
			await page.locator('main button[type="submit"]').click();
		} else if (path === '/organiser/login') {
			await page.locator('#username').fill(e2eOrganiser.username);
			await page.locator('#password').fill(e2eOrganiser.password);
			await page.locator('main button[type="submit"]').click();
		}
		await page.waitForURL((url) => url.pathname !== path || path === '/organiser');
		await page.waitForLoadState('networkidle');
		if (new URL(page.url()).pathname === '/organiser') return;
	}
	await expect(page).toHaveURL(/\/organiser$/);
}
