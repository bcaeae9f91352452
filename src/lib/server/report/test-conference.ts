/**
 * Test helpers: a fresh app on a temporary database, and the played demo conference
 * (src/lib/server/demo-played.ts) re-exported for tests, screenshots and benchmarks. Nothing
 * here is imported by the running app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../app';
import { readConfig } from '../config';

/** The project root (db/migrations lives under it). */
export const projectRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** A fresh app on a new SQLite file in a temporary directory; close() removes it all. */
export async function tempApp(
	label = 'samrad'
): Promise<{ app: App; path: string; close: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), `${label}-`));
	const path = join(dir, 'samrad.sqlite');
	const app = await createApp(
		readConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' }),
		projectRoot
	);
	return {
		app,
		path,
		close: () => {
			if (app.db.open) app.db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export * from '../demo-played';
