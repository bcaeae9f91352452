// Makes sure the system programs the tests need are installed: Chromium's headless shell (what
// Playwright drives and the PDF printer runs; `npx playwright install` cannot be used here) and
// the full Chromium browser (its launch switches are tested too), poppler's pdftotext and pdfinfo (read
// exported PDFs; pdfinfo also numbers the PDF's contents) and Noto Color Emoji (emoji in PDFs).
// As root on Debian it installs what is missing; otherwise it says exactly what to install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

const allPackages = [
	'chromium',
	'chromium-headless-shell',
	'poppler-utils',
	'fonts-noto-color-emoji'
];

// As src/lib/server/report/chromium-path.ts names them.
const headlessShell = '/usr/lib/chromium/chromium-headless-shell';
const fullChromium = '/usr/bin/chromium';

/** @param {string} path */
export function executable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** @param {string} command */
export function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** @param {string} family */
function hasFont(family) {
	const result = spawnSync('fc-list', [family], { encoding: 'utf8' });
	return result.status === 0 && result.stdout.trim() !== '';
}

/** What is missing: a description and the Debian package that provides it. */
export function missingSystemDeps() {
	const missing = [];
	const custom = process.env.CHROMIUM_PATH;
	if (custom && !executable(custom)) {
		missing.push({ what: `Chromium (looked for ${custom})`, pkg: 'chromium' });
	}
	if (!custom && !executable(headlessShell)) {
		missing.push({
			what: `Chromium's headless shell (${headlessShell})`,
			pkg: 'chromium-headless-shell'
		});
	}
	if (!executable(fullChromium)) {
		missing.push({ what: `Chromium (${fullChromium})`, pkg: 'chromium' });
	}
	if (!onPath('pdftotext')) missing.push({ what: 'pdftotext', pkg: 'poppler-utils' });
	if (!hasFont('Noto Color Emoji')) {
		missing.push({ what: 'the Noto Color Emoji font', pkg: 'fonts-noto-color-emoji' });
	}
	return missing;
}

/**
 * Installs Debian packages with apt-get (run as root); whether both steps succeeded.
 * @param {string[]} packages
 */
export function install(packages) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	console.log(`Installing ${packages.join(' ')} with apt-get…`);
	for (const args of [['update'], ['install', '-y', ...packages]]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
		if (result.status !== 0) return false;
	}
	return true;
}

/** @param {{ what: string }[]} missing */
const describe = (missing) => missing.map((m) => m.what).join('; ');

/** Whether this process runs as root (then apt-get may install what is missing). */
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Checks (and as root installs) Chromium, poppler-utils and the emoji font; returns an exit code. */
export function ensureSystem() {
	let missing = missingSystemDeps();
	if (missing.length === 0) return 0;
	console.log(`Missing for the tests: ${describe(missing)}.`);
	// apt-get cannot fix a CHROMIUM_PATH that points somewhere else.
	const customChromium = process.env.CHROMIUM_PATH && !executable(process.env.CHROMIUM_PATH);
	if (isRoot() && !customChromium && onPath('apt-get')) {
		if (install(missing.map((m) => m.pkg))) missing = missingSystemDeps();
		if (missing.length === 0) return 0;
		console.error(`Still missing after apt-get: ${describe(missing)}.`);
		return 1;
	}
	if (customChromium) {
		console.error(
			`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which is not an executable file: ` +
				"point it at a Chromium or Chrome binary, or unset it to use Debian's chromium-headless-shell."
		);
	}
	console.error(
		[
			'Install what is missing with (Debian/Ubuntu, as root or with sudo):',
			'',
			`  apt-get update && apt-get install -y ${allPackages.join(' ')}`,
			'',
			'Do not use `npx playwright install`: the tests use the system Chromium.'
		].join('\n')
	);
	return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(ensureSystem());
}
