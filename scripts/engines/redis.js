// A throw-away Redis for tests: redis-server on a free loopback port, without persistence, its
// folder removed afterwards. As root on Debian it installs redis-server when it is missing;
// otherwise it says what to install.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { install, isRoot, onPath } from '../ensure-system.js';
import { freePort } from './postgres.js';

/** The redis-server program on PATH (Valkey's redis-server compatible name counts), or null. */
export function findRedisServer() {
	for (const name of ['redis-server', 'valkey-server']) {
		const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
		if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
	}
	return null;
}

/** redis-server, installed with apt-get as root on Debian when missing; throws saying what to install. */
export function ensureRedis() {
	let server = findRedisServer();
	if (server) return server;
	if (isRoot() && onPath('apt-get')) {
		console.log('Redis (redis-server) is missing for the tests: installing it with apt-get…');
		install(['redis-server']);
		server = findRedisServer();
		if (server) return server;
	}
	throw new Error(
		[
			'The shared-state tests need Redis’s server program (redis-server, or valkey-server),',
			'which was not found on PATH. Install it with (Debian/Ubuntu, as root):',
			'',
			'  apt-get update && apt-get install -y redis-server',
			'',
			'or put the folder holding redis-server on PATH.'
		].join('\n')
	);
}

/**
 * Whether a Redis answers PING on the port.
 * @param {number} port
 */
function answers(port) {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.setTimeout(500);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * Starts an empty Redis. Answers its address (redis://127.0.0.1:<port>) and stop(), which ends
 * the server and removes its folder.
 * @returns {Promise<{ url: string, port: number, pid: number, stop: () => void }>}
 */
export async function startRedis() {
	const program = ensureRedis();
	const folder = mkdtempSync(join(tmpdir(), 'samrad-redis-'));
	const port = await freePort();
	// No RDB snapshots, no append-only file: nothing of the tests' counters reaches the disk.
	const child = spawn(
		program,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
			'--protected-mode',
			'yes'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const stop = () => {
		if (child.exitCode === null) child.kill('SIGKILL');
		rmSync(folder, { recursive: true, force: true });
	};
	for (let tries = 0; tries < 100; tries++) {
		if (child.exitCode !== null) break;
		if (await answers(port))
			return {
				url: `redis://127.0.0.1:${port}`,
				port,
				pid: /** @type {number} */ (child.pid),
				stop
			};
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	stop();
	throw new Error(`redis-server did not start on port ${port}:\n${stderr}`);
}

// `node scripts/engines/redis.js`: starts a Redis, prints its URL, stops it on Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const redis = await startRedis();
	console.log(redis.url);
	const stop = () => {
		redis.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	setInterval(() => undefined, 1 << 30);
}
