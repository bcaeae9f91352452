// A throw-away PostgreSQL cluster for tests: initdb in a temporary folder, started on a free
// loopback port with its socket in that folder, stopped and removed afterwards. As root on
// Debian it installs PostgreSQL when it is missing; otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { executable, install, isRoot, onPath } from '../ensure-system.js';

/** The cluster's superuser: tests connect as this name, without a password, over loopback only. */
export const postgresUser = 'samrad';

/** The folder holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/<version>/bin, or PATH. */
export function findPostgresBin() {
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const bin = join(debian, version, 'bin');
			if (executable(join(bin, 'initdb')) && executable(join(bin, 'pg_ctl'))) return bin;
		}
	}
	const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	const initdb = found.status === 0 ? found.stdout.trim() : '';
	if (initdb) {
		const bin = initdb.slice(0, initdb.lastIndexOf('/'));
		if (executable(join(bin, 'pg_ctl'))) return bin;
	}
	return null;
}

/** initdb and pg_ctl, installed with apt-get as root on Debian when missing; throws saying what to install. */
export function ensurePostgres() {
	let bin = findPostgresBin();
	if (bin) return bin;
	if (isRoot() && onPath('apt-get')) {
		console.log(
			'PostgreSQL (initdb, pg_ctl) is missing for the tests: installing it with apt-get…'
		);
		install(['postgresql']);
		bin = findPostgresBin();
		if (bin) return bin;
	}
	throw new Error(
		[
			'The PostgreSQL store tests need PostgreSQL’s server programs (initdb, pg_ctl), which were not found',
			'under /usr/lib/postgresql/<version>/bin or on PATH. Install them with (Debian/Ubuntu, as root):',
			'',
			'  apt-get update && apt-get install -y postgresql',
			'',
			'or put the folder holding initdb and pg_ctl on PATH.'
		].join('\n')
	);
}

/** initdb refuses root: as root the cluster belongs to an unprivileged user (postgres, else nobody). */
function clusterOwner() {
	if (!isRoot()) return null;
	for (const user of ['postgres', 'nobody']) {
		if (spawnSync('id', ['-u', user], { stdio: 'ignore' }).status === 0) return user;
	}
	throw new Error(
		'running as root, but there is no postgres or nobody user to own a PostgreSQL cluster'
	);
}

/** Runs a PostgreSQL program, as the cluster's owner when we are root; throws with its output on failure. */
/**
 * @param {string | null} owner
 * @param {string} program
 * @param {string[]} args
 */
function runAs(owner, program, args) {
	const [command, argv] = owner
		? ['runuser', ['-u', owner, '--', program, ...args]]
		: [program, args];
	const result = spawnSync(command, argv, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(
			`${program} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`
		);
	}
}

/**
 * A port nothing listens on right now, on loopback.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts a new, empty cluster. Answers its address (a postgres:// URL to the "postgres"
 * database, which tests use to create their own) and stop(), which removes every file.
 * @returns {Promise<{ url: string, port: number, folder: string, stop: () => void }>}
 */
export async function startPostgres() {
	const bin = ensurePostgres();
	const owner = clusterOwner();
	const folder = mkdtempSync(join(tmpdir(), 'samrad-pg-'));
	const data = join(folder, 'data');
	if (owner) {
		chmodSync(folder, 0o700);
		spawnSync('chown', [owner, folder]);
	}
	const stop = () => {
		if (existsSync(join(data, 'postmaster.pid'))) {
			try {
				runAs(owner, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} catch {
				// already gone: the folder goes anyway
			}
		}
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		runAs(owner, join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			postgresUser,
			'--auth=trust',
			'--encoding=UTF8',
			'--no-locale',
			'--no-sync'
		]);
		const port = await freePort();
		// fsync off: a throw-away cluster outlives no power cut; a killed process loses nothing either way.
		const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		runAs(owner, join(bin, 'pg_ctl'), [
			'-D',
			data,
			'-o',
			options,
			'-l',
			join(folder, 'log'),
			'-w',
			'start'
		]);
		return { url: `postgres://${postgresUser}@127.0.0.1:${port}/postgres`, port, folder, stop };
	} catch (error) {
		stop();
		throw error;
	}
}

// `node scripts/engines/postgres.js`: starts a cluster, prints its URL, stops it on Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const cluster = await startPostgres();
	console.log(cluster.url);
	const stop = () => {
		cluster.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	setInterval(() => undefined, 1 << 30);
}
