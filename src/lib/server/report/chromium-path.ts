import { accessSync, constants } from 'node:fs';

/**
 * Debian's `chromium-headless-shell`: the same Chromium without a browser's window, address bar
 * or profile machinery, made for printing and tests. Its /usr/bin wrapper does not `exec`, so the
 * binary itself is named: a signal to the printer's process then reaches Chromium.
 */
export const headlessShellPath = '/usr/lib/chromium/chromium-headless-shell';

/** Debian's full `chromium` browser, used when the headless shell is not installed. */
export const fullChromiumPath = '/usr/bin/chromium';

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * The Chromium executable to run, for PDF reports and the end-to-end tests: CHROMIUM_PATH, else
 * the headless shell when installed, else the full browser.
 */
export function chromiumPath(
	env: NodeJS.ProcessEnv = process.env,
	executable: (path: string) => boolean = isExecutable
): string {
	if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
	return executable(headlessShellPath) ? headlessShellPath : fullChromiumPath;
}
