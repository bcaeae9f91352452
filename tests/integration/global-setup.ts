/** Integration tests run the production build: build it first when it is missing or stale. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(): Promise<void> {
	const code = await new Promise<number>((resolve) => {
		const child = spawn(process.execPath, ['scripts/build-when-stale.js'], {
			cwd: root,
			stdio: 'inherit'
		});
		child.on('exit', (exitCode) => resolve(exitCode ?? 1));
		child.on('error', () => resolve(127));
	});
	if (code !== 0) throw new Error(`npm run build failed (exit ${code}); see the output above`);
}
