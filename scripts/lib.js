// Small helpers shared by the project's scripts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a command with inherited output; resolves with its exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function run(command, args, options = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options });
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
		child.on('error', () => resolve(127));
	});
}

/**
 * Runs a command with its output (stdout and stderr, in order) collected instead of shown;
 * resolves with its exit code and that output, for steps that run side by side.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runQuietly(command, args) {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }
		});
		/** @type {Buffer[]} */
		const chunks = [];
		child.stdout?.on('data', (chunk) => chunks.push(chunk));
		child.stderr?.on('data', (chunk) => chunks.push(chunk));
		const output = () => Buffer.concat(chunks).toString('utf8');
		child.on('close', (code, signal) =>
			resolve({ code: code ?? (signal ? 1 : 0), output: output() })
		);
		child.on('error', (error) => resolve({ code: 127, output: `${output()}${error.message}\n` }));
	});
}

/**
 * Newest modification time under the given paths (files and folders, recursively).
 * @param {string[]} paths
 */
export function newestMtime(paths) {
	let newest = 0;
	/** @param {string} path */
	const visit = (path) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path)) visit(join(path, entry));
		} else if (stat.mtimeMs > newest) {
			newest = stat.mtimeMs;
		}
	};
	for (const path of paths) visit(join(root, path));
	return newest;
}

/** Sources the production build is made from. */
export const buildInputs = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'scripts/build-server.js'
];

/** Whether build/ is missing or older than its sources. */
export function buildIsStale() {
	const marker = join(root, 'build', 'server.js');
	if (!existsSync(marker) || !existsSync(join(root, 'build', 'handler.js'))) return true;
	return newestMtime(buildInputs) > statSync(marker).mtimeMs;
}
