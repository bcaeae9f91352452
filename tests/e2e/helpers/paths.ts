import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/** This run's scratch directory (database) under tests/.tmp, by run id. */
export function e2eRunDir(runId: string): string {
	return join(root, 'tests', '.tmp', 'e2e', runId);
}
