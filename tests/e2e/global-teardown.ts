import { rmSync } from 'node:fs';
import { e2eRunDir } from './helpers/paths';

/** Removes this run's database. */
export default function teardown(): void {
	const runId = process.env.SAMRAD_E2E_RUN;
	if (runId) rmSync(e2eRunDir(runId), { recursive: true, force: true });
}
