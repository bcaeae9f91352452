// npm run bench: a whole conference under load against the production server, then the same
// clients against a bare socket.io relay (the floor). See BENCHMARKS.md for how to read it.
//
//   npm run bench                                  2,000 participants, both targets
//   npm run bench -- --participants 3000 --write 45 --target samrad
//   npm run bench -- --steps 2000,3000,4000        step both targets up to their ceilings
//   npm run bench -- --conference 0                no conference, stand-alone groups only
//   npm run bench -- --profile                     also write a CPU profile of the server
//   npm run bench -- --heap-snapshot 600 --target samrad   one heap snapshot of the server, into
//                                                  --out, once its RSS passes 600 MB (diagnosis only)
//   npm run bench -- --server-flags=--max-semi-space-size=32   node options for Samråd's server only
//   npm run bench -- --alloc-profile --target samrad   where the server's memory is allocated (garbage
//                                                  included), into --out; scripts/bench/alloc-summary.js
//   npm run bench -- --workers-server 3 --target samrad   Samråd as WORKERS=3 on a throw-away
//                                                  PostgreSQL and Redis instead of one process on SQLite
//
// Every option has an environment twin: BENCH_PARTICIPANTS, BENCH_WRITE, … (upper-case, _).
import Database from 'better-sqlite3';
import pg from 'pg';
import { build as esbuild } from 'esbuild';
import { fork, spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
	cpuPressureMicros,
	loadAverage,
	machine,
	ms,
	processUsage,
	summarise
} from './bench/stats.js';
import { componentCpu, postmasterPid, treeUsage } from './bench/components.js';
import { startPostgres } from './engines/postgres.js';
import { startRedis } from './engines/redis.js';
import { root, run } from './lib.js';

const defaults = {
	participants: '2000',
	'group-size': '10',
	conference: '20',
	workers: '2',
	write: '60',
	'note-interval': '4',
	'reveal-steps': '5',
	vote: '20',
	target: 'both',
	steps: '',
	profile: false,
	'alloc-profile': false,
	'heap-snapshot': '0',
	'server-flags': '',
	'workers-server': '0',
	build: true,
	out: join(root, 'bench-results')
};

const { values: options } = parseArgs({
	options: {
		participants: { type: 'string' },
		'group-size': { type: 'string' },
		conference: { type: 'string' },
		workers: { type: 'string' },
		write: { type: 'string' },
		'note-interval': { type: 'string' },
		'reveal-steps': { type: 'string' },
		vote: { type: 'string' },
		target: { type: 'string' },
		steps: { type: 'string' },
		profile: { type: 'boolean' },
		'alloc-profile': { type: 'boolean' },
		'heap-snapshot': { type: 'string' },
		'server-flags': { type: 'string' },
		'workers-server': { type: 'string' },
		build: { type: 'boolean' },
		'no-build': { type: 'boolean' },
		out: { type: 'string' }
	}
});

/** @param {keyof typeof defaults} name */
function option(name) {
	const env = process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
	const value = options[name] ?? env ?? defaults[name];
	if (typeof defaults[name] === 'boolean')
		return value === true || value === 'true' || value === '1';
	return value;
}

const config = {
	participants: Number(option('participants')),
	groupSize: Number(option('group-size')),
	/** Share of the participants (%) who are members of one conference instead of stand-alone groups. */
	conferenceShare: Number(option('conference')) / 100,
	workers: Number(option('workers')),
	target: String(option('target')),
	steps: String(option('steps')).split(',').filter(Boolean).map(Number),
	profile: Boolean(option('profile')),
	/** A sampling allocation profile of Samråd's server, collected objects included. */
	allocProfile: Boolean(option('alloc-profile')),
	/** Writes one heap snapshot of Samråd's server into `out` once its RSS passes this many MB (0: none). */
	heapSnapshotMb: Number(option('heap-snapshot')),
	/** Node options for Samråd's server process only (an experiment, e.g. V8's heap sizes). */
	serverFlags: String(option('server-flags')).split(' ').filter(Boolean),
	/** Samråd processes on PostgreSQL and Redis (WORKERS=N); 0 for today's one process on SQLite. */
	serverWorkers: Number(option('workers-server')),
	build: !options['no-build'] && Boolean(option('build')),
	out: String(option('out')),
	pace: {
		writeMs: Number(option('write')) * 1000,
		noteIntervalMs: Number(option('note-interval')) * 1000,
		maxNotes: 28,
		revealSteps: Number(option('reveal-steps')),
		revealStepMs: 1000,
		clarifyMs: 3000,
		voteMs: Number(option('vote')) * 1000,
		startJitterMs: 2000,
		ackTimeoutMs: 30_000,
		presentStepMs: 1000,
		presentGroups: 10
	}
};

const log = (/** @type {string} */ line) => process.stdout.write(`[bench] ${line}\n`);

/**
 * A private copy of the build (others may rebuild build/ meanwhile), with migrations beside.
 * The server entry (socket.io, sessions, views) is bundled afresh from src/ like
 * scripts/build-server.js does, so the bench always measures the current server code.
 */
async function privateBuild() {
	const dir = mkdtempSync(join(tmpdir(), 'samrad-bench-'));
	cpSync(join(root, 'build'), join(dir, 'build'), { recursive: true });
	await esbuild({
		entryPoints: {
			server: join(root, 'src/lib/server/main.ts'),
			'conference-seed': join(root, 'scripts/bench/conference-seed.ts')
		},
		outdir: join(dir, 'build'),
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'esm',
		packages: 'external',
		alias: { $lib: join(root, 'src/lib') },
		sourcemap: true,
		logLevel: 'warning'
	});
	mkdirSync(join(dir, 'db'));
	for (const migrations of ['migrations', 'migrations-postgres'])
		cpSync(join(root, 'db', migrations), join(dir, 'db', migrations), { recursive: true });
	cpSync(join(root, 'package.json'), join(dir, 'package.json'));
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

/**
 * The clients' patch code, bundled from src/ as the browser gets it, for the load generator's
 * phones, screens and consoles to apply patches with (both targets get it; the relay sends none).
 * @param {string} dir
 */
async function bundleViewPatch(dir) {
	await esbuild({
		stdin: {
			contents:
				"export { PatchedView } from './patched-view';\nexport { applyPatch } from './view-patch';\n",
			resolveDir: join(root, 'src/lib/realtime'),
			loader: 'ts',
			sourcefile: 'bench-view-patch.ts'
		},
		outfile: join(dir, 'view-patch.mjs'),
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'esm',
		logLevel: 'warning'
	});
	return join(dir, 'view-patch.mjs');
}

/** Group sizes between 8 and 12 that add up to n (deterministic). */
function groupSizes(/** @type {number} */ n, /** @type {number} */ mean) {
	const count = Math.max(1, Math.round(n / mean));
	const sizes = Array.from(
		{ length: count },
		(_, i) => Math.floor(n / count) + (i < n % count ? 1 : 0)
	);
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let i = 0; i + 1 < count; i += 2) {
		const shift = Math.floor(random() * 3);
		const [a = 0, b = 0] = [sizes[i], sizes[i + 1]];
		if (a - shift >= 8 && b + shift <= 12) {
			sizes[i] = a - shift;
			sizes[i + 1] = b + shift;
		}
	}
	return sizes;
}

/**
 * Starts the server (or the relay) with the loop-lag probe; resolves once it listens. With
 * engines, Samråd runs as WORKERS=config.serverWorkers on them instead of on the SQLite file.
 * @param {'samrad' | 'relay'} kind
 * @param {string} dir
 * @param {string} databasePath
 * @param {Engines | null} engines
 */
async function startServer(kind, dir, databasePath, engines) {
	const args = ['--import', pathToFileURL(join(root, 'scripts', 'bench', 'loop-lag.js')).href];
	if (config.profile) args.push('--cpu-prof', '--cpu-prof-dir', join(dir, 'profile'));
	if (kind === 'samrad') args.push(...config.serverFlags);
	const allocProfile = config.allocProfile && kind === 'samrad';
	if (allocProfile)
		args.push('--import', pathToFileURL(join(root, 'scripts', 'bench', 'alloc-profile.js')).href);
	if (config.heapSnapshotMb > 0 && kind === 'samrad') {
		mkdirSync(config.out, { recursive: true });
		args.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${config.out}`);
	}
	const entry =
		kind === 'samrad' ? join(dir, 'build', 'server.js') : join(root, 'scripts/bench/relay.js');
	const child = spawn(process.execPath, [...args, entry], {
		cwd: dir,
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: '0',
			DATABASE_PATH: databasePath,
			...(engines
				? {
						DATABASE_URL: engines.postgres.url,
						REDIS_URL: engines.redis.url,
						WORKERS: String(config.serverWorkers)
					}
				: {}),
			LOG_LEVEL: 'info',
			// Every simulated phone shares 127.0.0.1: lift the per-address limits (per socket stay).
			RATE_LIMIT_COMMANDS_PER_ADDRESS: '1000000000',
			RATE_LIMIT_JOINS_PER_ADDRESS: '1000000000',
			RATE_LIMIT_SESSIONS_PER_ADDRESS: '1000000000',
			...(allocProfile ? { BENCH_ALLOC_PROFILE_DIR: join(dir, 'profile') } : {})
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	shield(/** @type {number} */ (child.pid));
	const server = {
		child,
		pid: /** @type {number} */ (child.pid),
		port: 0,
		/** @type {{ at: number, p99: number, max: number, utilisation: number, memory?: NodeJS.MemoryUsage, gc?: { ms: number, max: number, major: number } }[]} */
		lag: [],
		warnings: 0,
		stderr: '',
		exited: new Promise((resolve) => child.once('exit', resolve))
	};
	let pending = '';
	const listening = new Promise((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			pending += chunk.toString('utf8');
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				if (!line.startsWith('{')) continue;
				const parsed = JSON.parse(line);
				if (parsed.event === 'server.listening') resolve(parsed.port);
				else if (parsed.event === 'bench.loop_lag') server.lag.push(parsed);
			}
		});
		child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
			const text = chunk.toString('utf8');
			server.warnings += text.split('\n').filter((l) => l.startsWith('{')).length;
			if (server.stderr.length < 20_000) server.stderr += text;
		});
		child.once('exit', (code) => reject(new Error(`${kind} exited (${code}):\n${server.stderr}`)));
	});
	server.port = /** @type {number} */ (await listening);
	return server;
}

/** Bench processes still running, ended if the bench itself is stopped. */
const children = new Set();
/** Throw-away engines still running, stopped with them. */
const engineStops = new Set();
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		for (const stop of engineStops) stop();
		for (const pid of children) killGroup(pid);
		process.exit(130);
	});
}

/**
 * Runs a bench process ahead of other work on a shared machine. Each one is started in its own
 * session (detached), so Linux gives it its own scheduling group; that group and the process get
 * nice -10. Without this, other people's test runs on the same two cores decide the figures.
 * Needs root; otherwise the process runs as it is. Server and load generator are treated alike.
 * @param {number} pid
 */
function shield(pid) {
	children.add(pid);
	try {
		setPriority(pid, -10);
		writeFileSync(`/proc/${pid}/autogroup`, '-10');
	} catch {
		// not allowed: measure as we are
	}
}

/** Creates the groups' sessions over HTTP, as the landing page does. */
async function createSessions(/** @type {string} */ url, /** @type {number[]} */ sizes) {
	/** @type {any[]} */
	const groups = [];
	let next = 0;
	const create = async () => {
		while (next < sizes.length) {
			const index = next++;
			const response = await fetch(`${url}/api/sessions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					title: `Gruppe ${index + 1}: Hva hindrer folk i å beholde jobben?`,
					questions: ['Hva hindrer folk i å beholde jobben?', 'Hva hjelper?'],
					language: 'nb'
				})
			});
			const body = /** @type {any} */ (await response.json());
			if (response.status !== 201) throw new Error(`POST /api/sessions: ${response.status}`);
			groups[index] = { ...body, size: sizes[index] };
		}
	};
	await Promise.all(Array.from({ length: 8 }, create));
	return groups;
}

/** Conference members for a run of n participants (none below one group's worth). */
function conferenceMembers(/** @type {number} */ n) {
	const members = Math.min(2000, Math.round(n * config.conferenceShare));
	return members >= 8 ? members : 0;
}

/**
 * Seeds the conference on the database file before the server opens it (scripts/bench/
 * conference-seed.ts, bundled with the server): what the load generator needs to reach it.
 * @param {string} dir
 * @param {string} databasePath
 * @param {number} members
 */
async function seedConference(dir, databasePath, members) {
	const seed = join(dir, 'build', 'conference-seed.js');
	const output = await new Promise((resolve, reject) => {
		let stdout = '';
		let stderr = '';
		const child = spawn(process.execPath, [seed, dir, databasePath, String(members)], {
			cwd: dir,
			env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.once('exit', (code) =>
			code === 0 ? resolve(stdout) : reject(new Error(`conference seed (${code}): ${stderr}`))
		);
	});
	const line = String(output).trim().split('\n').at(-1) ?? '';
	return JSON.parse(line);
}

/**
 * Shares the groups out so that each worker carries about as many people; the conference (all
 * of it, so that its phones, overview and plenum screen share one clock) goes to the first.
 * @param {any[]} groups
 * @param {any} conference
 * @returns {any[][]}
 */
function shareOut(groups, conference) {
	const shares = Array.from({ length: config.workers }, () => /** @type {any[]} */ ([]));
	const people = shares.map(() => 0);
	if (conference) people[0] = conference.members.length;
	for (const group of groups) {
		const w = people.indexOf(Math.min(...people));
		shares[w]?.push(group);
		people[w] += group.size;
	}
	return shares;
}

/** The relay's "sessions": tokens and codes are just the room id. */
function relayGroups(/** @type {number[]} */ sizes) {
	return sizes.map((size, i) => {
		const id = `room${String(i).padStart(5, '0')}`;
		return { sessionId: id, joinCode: id, facilitatorToken: id, screenToken: id, size };
	});
}

/**
 * Waits for one message of a type from every worker.
 * @param {import('node:child_process').ChildProcess[]} workers
 * @param {string} type
 */
function fromAll(workers, type) {
	return Promise.all(
		workers.map(
			(worker) =>
				new Promise((resolve, reject) => {
					const exited = (/** @type {number | null} */ code) =>
						reject(new Error(`worker exited (${code})`));
					const listener = (/** @type {any} */ message) => {
						if (message.type === type) {
							worker.off('message', listener);
							worker.off('exit', exited);
							resolve(message);
						} else if (message.type === 'failed') {
							reject(new Error(`worker failed: ${message.error}`));
						}
					};
					worker.on('message', listener);
					worker.once('exit', exited);
				})
		)
	);
}

/** @typedef {{ postgres: Awaited<ReturnType<typeof startPostgres>>, redis: Awaited<ReturnType<typeof startRedis>>, postmaster: number, stop: () => void }} Engines */

/** A throw-away PostgreSQL cluster and Redis for --workers-server (scripts/engines/). */
async function startEngines() {
	const postgres = await startPostgres();
	try {
		const redis = await startRedis();
		const stop = () => {
			engineStops.delete(stop);
			redis.stop();
			postgres.stop();
		};
		engineStops.add(stop);
		return { postgres, redis, postmaster: postmasterPid(postgres.folder), stop };
	} catch (error) {
		postgres.stop();
		throw error;
	}
}

const storedSessionsQuery = `SELECT s.id, n.state AS snapshot, s.seq, n.seq AS snapshot_seq
	FROM sessions s JOIN session_snapshots n ON n.session_id = s.id`;

/**
 * Commands stored so far: the participant-actions the server carried out.
 * @param {string} databasePath
 * @param {Engines | null} engines
 */
async function storedCommands(databasePath, engines) {
	if (engines) {
		const client = new pg.Client({ connectionString: engines.postgres.url });
		await client.connect();
		try {
			const { rows } = await client.query('SELECT count(*)::int AS n FROM processed_commands');
			return Number(rows[0].n);
		} finally {
			await client.end();
		}
	}
	// WAL: a reader beside the server's writer sees the last commit and blocks nobody.
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		return Number(db.prepare('SELECT count(*) FROM processed_commands').pluck().get());
	} finally {
		db.close();
	}
}

/**
 * What the server stored, read after a clean stop: command ids, sessions with their snapshots.
 * @param {string} databasePath
 * @param {Engines | null} engines
 * @returns {Promise<{ ids: string[], sessions: { id: string, snapshot: string, seq: number, snapshot_seq: number }[] }>}
 */
async function readStored(databasePath, engines) {
	if (engines) {
		const client = new pg.Client({ connectionString: engines.postgres.url });
		await client.connect();
		try {
			const ids = (await client.query('SELECT id FROM processed_commands')).rows.map((r) =>
				String(r.id)
			);
			const sessions = (await client.query(storedSessionsQuery)).rows;
			return { ids, sessions };
		} finally {
			await client.end();
		}
	}
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const ids = db
			.prepare('SELECT id FROM processed_commands')
			.pluck()
			.all()
			.map((id) => String(id));
		return { ids, sessions: /** @type {any[]} */ (db.prepare(storedSessionsQuery).all()) };
	} finally {
		db.close();
	}
}

/**
 * Checks what was stored: every acknowledged command id was stored once, every acknowledged
 * note exists exactly once, nothing else was stored.
 * @param {Awaited<ReturnType<typeof readStored>>} stored
 * @param {any[]} results
 */
function verifyStored({ ids, sessions }, results) {
	const okIds = results.flatMap((r) => r.okCommandIds);
	const lostIds = results.flatMap((r) => r.lostIds);
	const stored = new Set(ids);
	const ackedNotStored = okIds.filter((id) => !stored.has(id)).length;
	const unansweredButStored = lostIds.filter((id) => stored.has(id)).length;
	const unsnapshotted = sessions.filter((s) => s.seq !== s.snapshot_seq).length;
	/** @type {Map<string, number>} */
	const noteIds = new Map();
	/** @type {Map<string, number>} */
	const texts = new Map();
	for (const session of sessions) {
		const state = JSON.parse(session.snapshot);
		for (const q of state.questions) {
			for (const note of q.notes) {
				const key = `${session.id}/${note.id}`;
				noteIds.set(key, (noteIds.get(key) ?? 0) + 1);
				texts.set(note.text, (texts.get(note.text) ?? 0) + 1);
			}
		}
	}
	const expected = results.flatMap((r) => r.okNotes);
	let notesMissing = 0;
	for (const note of expected) if (!noteIds.has(`${note.sessionId}/${note.noteId}`)) notesMissing++;
	const expectedKeys = new Set(expected.map((n) => `${n.sessionId}/${n.noteId}`));
	let notesUnexpected = 0;
	for (const key of noteIds.keys()) if (!expectedKeys.has(key)) notesUnexpected++;
	let notesDuplicated = 0;
	for (const n of noteIds.values()) if (n > 1) notesDuplicated += n - 1;
	for (const n of texts.values()) if (n > 1) notesDuplicated += n - 1;
	return {
		commandsAcked: okIds.length,
		commandsStored: stored.size,
		ackedNotStored,
		unansweredButStored,
		notesAcked: expected.length,
		notesStored: [...noteIds.values()].reduce((a, b) => a + b, 0),
		notesMissing,
		notesUnexpected,
		notesDuplicated,
		unsnapshotted
	};
}

/**
 * One full run against one target.
 * @param {'samrad' | 'relay'} kind
 * @param {number} participants
 */
async function runTarget(kind, participants) {
	const dir =
		kind === 'samrad' ? await privateBuild() : mkdtempSync(join(tmpdir(), 'samrad-relay-'));
	const databasePath = join(dir, `bench-${Date.now()}.sqlite`);
	const engines = kind === 'samrad' && config.serverWorkers > 0 ? await startEngines() : null;
	try {
		return await runOn(kind, participants, dir, databasePath, engines);
	} finally {
		engines?.stop();
		// Profiles, if any, were copied to the output folder.
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * One full run against one target in its private folder (on engines, with --workers-server).
 * @param {'samrad' | 'relay'} kind
 * @param {number} participants
 * @param {string} dir
 * @param {string} databasePath
 * @param {Engines | null} engines
 */
async function runOn(kind, participants, dir, databasePath, engines) {
	// The relay has no conferences: the same people sit in stand-alone groups there.
	const members = kind === 'samrad' ? conferenceMembers(participants) : 0;
	const database = engines ? engines.postgres.url : databasePath;
	const conference = members > 0 ? await seedConference(dir, database, members) : null;
	const sizes = groupSizes(participants - members, config.groupSize);
	log(
		`${kind}: ${participants} participants: ${sizes.length} stand-alone groups (${Math.min(...sizes)}–${Math.max(...sizes)})${conference ? `, a conference of ${members} in ${conference.groups.length} groups` : ''}`
	);
	const server = await startServer(kind, dir, databasePath, engines);
	// With WORKERS the Node side is the primary and its workers: read them together.
	const serverUsage = () => (engines ? treeUsage(server.pid) : processUsage(server.pid));
	const componentPids = {
		node: server.pid,
		postgres: engines?.postmaster,
		redis: engines?.redis.pid
	};
	const url = `http://127.0.0.1:${server.port}`;
	/** @type {import('node:child_process').ChildProcess[]} */
	let workers = [];
	try {
		const groups = kind === 'samrad' ? await createSessions(url, sizes) : relayGroups(sizes);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const idle = serverUsage();
		const viewPatch = await bundleViewPatch(dir);
		workers = Array.from({ length: config.workers }, () =>
			fork(join(root, 'scripts', 'bench', 'worker.js'), [], {
				stdio: 'inherit',
				detached: true,
				env: { ...process.env, SAMRAD_VIEW_PATCH: viewPatch }
			})
		);
		for (const worker of workers) shield(/** @type {number} */ (worker.pid));
		const connectStart = Date.now();
		const ready = fromAll(workers, 'ready');
		const shares = shareOut(groups, conference);
		workers.forEach((worker, w) => {
			worker.send({
				type: 'setup',
				url,
				mode: kind,
				groups: shares[w],
				conference: w === 0 ? conference : null,
				pace: config.pace
			});
		});
		// A connection or join that is never answered would otherwise hold the bench forever.
		const connectLimitMs = 120_000;
		/** @type {NodeJS.Timeout | undefined} */
		let connectTimer;
		const stalled = new Promise((_resolve, reject) => {
			connectTimer = setTimeout(
				() => reject(new Error(`not every client connected within ${connectLimitMs / 1000} s`)),
				connectLimitMs
			);
		});
		const readies = /** @type {any[]} */ (
			await Promise.race([ready, stalled]).finally(() => clearTimeout(connectTimer))
		);
		const connections = readies.reduce((n, r) => n + r.connections, 0);
		const connectSeconds = (Date.now() - connectStart) / 1000;
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const connected = serverUsage();
		log(`${kind}: ${connections} sockets connected in ${connectSeconds.toFixed(1)} s; running`);

		/** @type {{ at: number, cpu: number, rss: number, workersCpu: number }[]} */
		const timeline = [];
		const usageOf = () => ({
			server: serverUsage(),
			workers: workers.map((w) => processUsage(/** @type {number} */ (w.pid))?.cpuSeconds ?? 0)
		});
		let last = { at: Date.now(), ...usageOf() };
		const first = last;
		let snapshotTaken = !(config.heapSnapshotMb > 0 && kind === 'samrad');
		const componentsAtStart = componentCpu(componentPids);
		const commandsAtStart = kind === 'samrad' ? await storedCommands(databasePath, engines) : 0;
		const sampler = setInterval(() => {
			const current = { at: Date.now(), ...usageOf() };
			const seconds = (current.at - last.at) / 1000;
			if (current.server && last.server) {
				timeline.push({
					at: current.at,
					cpu: (current.server.cpuSeconds - last.server.cpuSeconds) / seconds,
					rss: current.server.rssBytes,
					workersCpu:
						(current.workers.reduce((a, b) => a + b, 0) - last.workers.reduce((a, b) => a + b, 0)) /
						seconds
				});
				if (!snapshotTaken && current.server.rssBytes > config.heapSnapshotMb * 2 ** 20) {
					snapshotTaken = true;
					log(`${kind}: heap snapshot at RSS ${mb(current.server.rssBytes)} MB into ${config.out}`);
					process.kill(server.pid, 'SIGUSR2');
				}
			}
			last = current;
		}, 1000);
		const startAt = Date.now() + 500;
		const loadBefore = loadAverage();
		const pressureAtStart = cpuPressureMicros();
		/** When every group had its results, and the server's usage then. */
		const groupsDone = {
			at: 0,
			server: /** @type {ReturnType<typeof serverUsage>} */ (null),
			components: componentsAtStart,
			commands: commandsAtStart
		};
		const groupsDoneAll = fromAll(workers, 'groups-done').then(async () => {
			groupsDone.at = Date.now();
			groupsDone.server = serverUsage();
			groupsDone.components = componentCpu(componentPids);
			if (kind === 'samrad') groupsDone.commands = await storedCommands(databasePath, engines);
			return groupsDone;
		});
		// A failed worker fails `done` below; this one must not also throw unhandled.
		groupsDoneAll.catch(() => null);
		const done = fromAll(workers, 'done');
		const progress = setInterval(() => {
			fromAll(workers, 'status')
				.then((replies) => {
					/** @type {Record<string, number>} */
					const stages = {};
					let acked = 0;
					let lost = 0;
					/** @type {Record<string, number>} */
					const dropped = {};
					for (const reply of /** @type {any[]} */ (replies)) {
						for (const [k, v] of Object.entries(reply.disconnects))
							dropped[k] = (dropped[k] ?? 0) + Number(v);
						for (const [k, v] of Object.entries(reply.stages))
							stages[k] = (stages[k] ?? 0) + Number(v);
						acked += reply.acked;
						lost += reply.lost;
					}
					const cpu = timeline.at(-1)?.cpu ?? 0;
					return log(
						`${kind}: ${Math.round((Date.now() - startAt) / 1000)} s, groups ${JSON.stringify(stages)}, acks ${acked}, missing ${lost}, disconnects ${JSON.stringify(dropped)}, server CPU ${(cpu * 100).toFixed(0)} %`
					);
				})
				.catch(() => {});
			for (const worker of workers) worker.send({ type: 'status' });
		}, 15_000);
		for (const worker of workers) worker.send({ type: 'go', startAt });
		const results = /** @type {any[]} */ (await done);
		await groupsDoneAll.catch(() => null);
		clearInterval(sampler);
		clearInterval(progress);
		const end = { at: Date.now(), ...usageOf() };
		const runSeconds = (end.at - startAt) / 1000;
		const pressureAtEnd = cpuPressureMicros();
		const lag = server.lag.filter((l) => l.at >= startAt && l.at <= end.at);

		for (const worker of workers) worker.send({ type: 'close' });
		await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
		workers = [];
		server.child.kill('SIGTERM');
		await server.exited;

		const merged = mergeResults(results);
		const databaseFile = readdirSync(dir).find(
			(f) => f.startsWith('bench-') && f.endsWith('.sqlite')
		);
		const verification =
			kind !== 'samrad'
				? null
				: engines
					? verifyStored(await readStored(databasePath, engines), results)
					: databaseFile
						? verifyStored(await readStored(join(dir, databaseFile), null), results)
						: null;
		const profiles =
			config.profile || config.allocProfile ? saveProfiles(dir, kind, participants) : [];
		const usage = {
			cpuMean:
				end.server && first.server
					? (end.server.cpuSeconds - first.server.cpuSeconds) / runSeconds
					: NaN,
			cpuPeak: Math.max(...timeline.map((t) => t.cpu)),
			waitMean:
				end.server && first.server
					? (end.server.waitSeconds - first.server.waitSeconds) / runSeconds
					: NaN,
			// Share of the run in which something on the machine waited for a core (PSI "some").
			machineWait:
				pressureAtStart !== null && pressureAtEnd !== null
					? (pressureAtEnd - pressureAtStart) / 1e6 / runSeconds
					: NaN,
			loadBefore,
			loadAfter: loadAverage(),
			// Server CPU-seconds per participant-minute, comparable whoever saturates first: over
			// the part both targets run alike (every group's NGT run), not the conference's tail.
			cpuPerParticipantMinute:
				groupsDone.server && first.server
					? (groupsDone.server.cpuSeconds - first.server.cpuSeconds) /
						(participants * ((groupsDone.at - startAt) / 60_000))
					: NaN,
			// CPU-seconds per participant-action (a command stored) for each component, over the
			// same window: Node (every Samråd process), PostgreSQL (cluster), Redis.
			actions: groupsDone.commands - commandsAtStart,
			perAction: perAction(
				componentsAtStart,
				groupsDone.components,
				groupsDone.commands - commandsAtStart
			),
			workersCpuMean:
				(end.workers.reduce((a, b) => a + b, 0) - first.workers.reduce((a, b) => a + b, 0)) /
				runSeconds,
			rssIdle: idle?.rssBytes ?? NaN,
			rssConnected: connected?.rssBytes ?? NaN,
			rssPeak: Math.max(...timeline.map((t) => t.rss)),
			perConnection: ((connected?.rssBytes ?? NaN) - (idle?.rssBytes ?? NaN)) / connections
		};
		return {
			kind,
			setup:
				kind === 'relay'
					? 'one process'
					: engines
						? `WORKERS=${config.serverWorkers} (a primary and ${config.serverWorkers} workers) on PostgreSQL and Redis`
						: 'one process on SQLite',
			participants,
			groups: sizes.length + (conference?.groups.length ?? 0),
			conferenceMembers: members,
			connections,
			connectSeconds,
			runSeconds,
			...merged,
			usage,
			/** The server's own account of its memory in the second its RSS was highest. */
			memoryAtPeak: lag.reduce(
				(/** @type {any} */ top, l) =>
					l.memory && (!top || l.memory.rss > top.rss) ? l.memory : top,
				null
			),
			loopLag: {
				p99Worst: Math.max(...lag.map((l) => l.p99)),
				p99Median: summarise(lag.map((l) => l.p99)).p50,
				max: Math.max(...lag.map((l) => l.max)),
				utilisationMean: lag.reduce((a, l) => a + l.utilisation, 0) / Math.max(1, lag.length)
			},
			/** The server's garbage collection pauses (main thread), over the run. */
			gc: {
				ms: lag.reduce((a, l) => a + (l.gc?.ms ?? 0), 0),
				max: Math.max(0, ...lag.map((l) => l.gc?.max ?? 0)),
				major: lag.reduce((a, l) => a + (l.gc?.major ?? 0), 0)
			},
			serverLogWarnings: server.warnings,
			verification,
			profiles,
			timeline
		};
	} catch (error) {
		// What the server logged as warnings or errors is often why a run failed.
		if (server.stderr) log(`${kind} server's warnings and errors:\n${server.stderr.slice(-4000)}`);
		throw error;
	} finally {
		for (const worker of workers) worker.kill('SIGKILL');
		// The whole process group (started detached): WORKERS' workers go with their primary.
		if (server.child.exitCode === null) killGroup(server.pid);
	}
}

/** @param {number} pid a process started detached, so leader of its own group */
function killGroup(pid) {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

/**
 * CPU-seconds per action of each component between two readings.
 * @param {ReturnType<typeof componentCpu>} from
 * @param {ReturnType<typeof componentCpu>} to
 * @param {number} actions
 */
function perAction(from, to, actions) {
	const per = (/** @type {number | null} */ a, /** @type {number | null} */ b) =>
		a === null || b === null || actions <= 0 ? null : (b - a) / actions;
	return {
		node: per(from.node, to.node),
		postgres: per(from.postgres, to.postgres),
		redis: per(from.redis, to.redis)
	};
}

/** Keeps the server's CPU and allocation profiles in the output folder. */
function saveProfiles(
	/** @type {string} */ dir,
	/** @type {string} */ kind,
	/** @type {number} */ n
) {
	const from = join(dir, 'profile');
	if (!existsSync(from)) return [];
	mkdirSync(config.out, { recursive: true });
	return readdirSync(from).map((file) => {
		const to = join(config.out, `${kind}-${n}-${file}`);
		cpSync(join(from, file), to);
		return to;
	});
}

/** Adds up what the workers measured. */
function mergeResults(/** @type {any[]} */ results) {
	/** @type {Record<string, number[]>} */
	const ackByName = {};
	for (const r of results) {
		for (const [name, values] of Object.entries(r.samples.ack)) {
			(ackByName[name] ??= []).push(.../** @type {number[]} */ (values));
		}
	}
	const allAcks = Object.values(ackByName).flat();
	/** @type {Record<string, number>} */
	const counts = {};
	/** @type {Record<string, number>} */
	const errors = {};
	for (const r of results) {
		for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + Number(v);
		for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + Number(v);
	}
	return {
		ack: summarise(allAcks),
		ackByName: Object.fromEntries(Object.entries(ackByName).map(([k, v]) => [k, summarise(v)])),
		noteToScreen: summarise(results.flatMap((r) => r.samples.noteToScreen)),
		noteToOverview: summarise(results.flatMap((r) => r.samples.noteToOverview)),
		roundToPhone: summarise(results.flatMap((r) => r.samples.roundToPhone)),
		roundToOverview: summarise(results.flatMap((r) => r.samples.roundToOverview)),
		presentToPlenum: summarise(results.flatMap((r) => r.samples.presentToPlenum)),
		noteToScreenBySecond: bySecond(
			results.flatMap((r) => r.samples.noteSentAt),
			results.flatMap((r) => r.samples.noteToScreen)
		),
		commands: allAcks.length,
		counts,
		errors,
		clientLoopLag: {
			p99: Math.max(...results.map((r) => r.loopLag.p99)),
			max: Math.max(...results.map((r) => r.loopLag.max))
		}
	};
}

/**
 * p95 and max of latencies by the second they were sent in, to see when the slow ones happen.
 * @param {number[]} at
 * @param {number[]} values
 */
function bySecond(at, values) {
	/** @type {number[][]} */
	const seconds = [];
	at.forEach((t, i) => (seconds[Math.floor(t / 1000)] ??= []).push(values[i] ?? NaN));
	return Array.from(seconds, (list) => {
		const s = summarise(list ?? []);
		return [Math.round(s.p95), Math.round(s.max)];
	});
}

const mb = (/** @type {number} */ bytes) => (bytes / 1024 / 1024).toFixed(0);

/** One step of a --steps run as a table row. */
function stepRow(/** @type {any} */ r) {
	const v = r.verification;
	const u = r.usage;
	const lost =
		r.counts.lost +
		r.counts.duplicateAcks +
		r.counts.notesNotSeen +
		r.counts.textsNotShown +
		(v ? v.ackedNotStored + v.notesMissing + v.notesDuplicated + v.notesUnexpected : 0);
	return `| ${r.kind} | ${r.participants} | ${ms(r.noteToScreen.p50)} / ${ms(r.noteToScreen.p95)} / ${ms(r.noteToScreen.p99)} / ${ms(r.noteToScreen.max)} | ${ms(r.ack.p95)} | ${(r.commands / r.runSeconds).toFixed(0)} | ${(u.cpuMean * 100).toFixed(0)} % / ${(u.cpuPeak * 100).toFixed(0)} % | ${cpuMinute(u.cpuPerParticipantMinute)} | ${(u.workersCpuMean * 100).toFixed(0)} % | ${ms(r.loopLag.p99Worst)} | ${mb(u.rssPeak)} | ${(u.waitMean * 100).toFixed(0)} % / ${(u.machineWait * 100).toFixed(0)} % | ${lost} | ${Object.values(r.errors).reduce((a, b) => a + b, 0)} |`;
}

/** A result as Markdown lines. */
function describe(/** @type {any} */ r) {
	const row = (/** @type {string} */ label, /** @type {any} */ s) =>
		`| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.count} |`;
	const u = r.usage;
	const v = r.verification;
	const lostOrDup =
		r.counts.lost +
		r.counts.duplicateAcks +
		(v ? v.ackedNotStored + v.notesMissing + v.notesDuplicated + v.notesUnexpected : 0);
	const lines = [
		`**${r.kind}** (${r.setup}): ${r.participants} participants in ${r.groups} groups${r.conferenceMembers ? ` (${r.conferenceMembers} of them members of a conference)` : ''}, ${r.connections} sockets (connected in ${r.connectSeconds.toFixed(1)} s), run ${r.runSeconds.toFixed(0)} s`,
		'',
		'| latency (ms) | p50 | p95 | p99 | max | n |',
		'| --- | ---: | ---: | ---: | ---: | ---: |',
		row('note → screen', r.noteToScreen),
		...(r.noteToOverview.count > 0
			? [
					row('conference note → overview count', r.noteToOverview),
					row('present → plenum screen', r.presentToPlenum),
					row('round 2 start → member phone in new group', r.roundToPhone),
					row('round 2 start → overview shows it', r.roundToOverview)
				]
			: []),
		row('command → ack (all)', r.ack),
		...Object.entries(r.ackByName)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([name, s]) => row(`  ${name} → ack`, s)),
		'',
		`- commands: ${r.commands} in ${r.runSeconds.toFixed(0)} s = ${(r.commands / r.runSeconds).toFixed(0)}/s; views received ${r.counts.viewsReceived} (${(r.counts.viewsReceived / r.runSeconds).toFixed(0)}/s, ${mb(r.counts.bytesReceived)} MB: phones ${mb(r.counts.bytesPhones ?? 0)}, consoles ${mb(r.counts.bytesConsoles ?? 0)}, screens ${mb(r.counts.bytesScreens ?? 0)}, overview ${mb(r.counts.bytesOverview ?? 0)}, plenum screen ${mb(r.counts.bytesPlenum ?? 0)} MB)`,
		`- server CPU: mean ${(u.cpuMean * 100).toFixed(0)} % of one core, peak ${(u.cpuPeak * 100).toFixed(0)} % (1 s samples); **${cpuMinute(u.cpuPerParticipantMinute)} CPU-ms per participant-minute**; load generator ${(u.workersCpuMean * 100).toFixed(0)} % (of ${config.workers} processes)`,
		// The relay stores nothing: no actions to divide by.
		...(r.kind === 'samrad'
			? [
					`- **CPU-ms per participant-action** (${u.actions} commands stored while every group ran, the window of the participant-minute figure): ${perActionText(u.perAction)}`
				]
			: []),
		`- machine: load average ${u.loadBefore} before, ${u.loadAfter} after; server waiting for a core ${(u.waitMean * 100).toFixed(0)} % of the run (schedstat run queue); something on the machine waiting for a core ${(u.machineWait * 100).toFixed(0)} % of it (/proc/pressure/cpu)`,
		`- limited by: ${limitOf(r)}`,
		`- server RSS: idle ${mb(u.rssIdle)} MB, connected ${mb(u.rssConnected)} MB, peak ${mb(u.rssPeak)} MB; ${(u.perConnection / 1024).toFixed(1)} KB per connection${r.memoryAtPeak ? `; at its highest: V8 heap ${mb(r.memoryAtPeak.heapTotal)} MB reserved, ${mb(r.memoryAtPeak.heapUsed)} MB in use (live and garbage), outside it ${mb(r.memoryAtPeak.external)} MB (buffers ${mb(r.memoryAtPeak.arrayBuffers)} MB)` : ''}`,
		`- server event loop: delay p99 per second median ${ms(r.loopLag.p99Median)} ms, worst ${ms(r.loopLag.p99Worst)} ms, max ${ms(r.loopLag.max)} ms; utilisation mean ${(r.loopLag.utilisationMean * 100).toFixed(0)} %${r.gc ? `; garbage collection paused it ${(r.gc.ms / 1000).toFixed(1)} s in all, longest ${ms(r.gc.max)} ms, ${r.gc.major} major` : ''}`,
		`- load generator event loop: p99 ${ms(r.clientLoopLag.p99)} ms, max ${ms(r.clientLoopLag.max)} ms`,
		`- lost or duplicated: ${lostOrDup} (acks missing ${r.counts.lost}, late ${r.counts.late}, duplicate acks ${r.counts.duplicateAcks}${v ? `; acked but not stored ${v.ackedNotStored}, notes missing ${v.notesMissing}, duplicated ${v.notesDuplicated}, unexpected ${v.notesUnexpected}` : ''})`,
		v
			? `- database: ${v.commandsAcked} commands acked ok, ${v.commandsStored} stored; ${v.notesAcked} notes acked, ${v.notesStored} stored${v.unsnapshotted ? `; ${v.unsnapshotted} sessions without a final snapshot` : ''}`
			: '- database: none (relay)',
		`- errors: ${Object.keys(r.errors).length === 0 ? 'none' : JSON.stringify(r.errors)}; disconnects ${r.counts.disconnects}; acked notes never seen on their screen ${r.counts.notesNotSeen}, their text never shown there ${r.counts.textsNotShown}; screens without results ${r.counts.resultsMissing}; full views asked for again (a missed version) ${r.counts.resyncs ?? 0}; conference notes never counted on the overview ${r.counts.notesNotOnOverview}, phones that did not move to round 2 ${r.counts.phonesNotMoved}, presented groups not shown on the plenum screen ${r.counts.presentsNotShown}; server warning lines ${r.serverLogWarnings}`
	];
	return lines.join('\n');
}

/** Each component's CPU per participant-action, in ms. */
function perActionText(/** @type {ReturnType<typeof perAction>} */ per) {
	const part = (/** @type {string} */ name, /** @type {number | null} */ seconds) =>
		seconds === null ? [] : [`${name} ${(seconds * 1000).toFixed(3)}`];
	return [
		...part('Node', per.node),
		...part('PostgreSQL', per.postgres),
		...part('Redis', per.redis)
	].join(', ');
}

/** Server CPU-seconds per participant-minute, written in ms for reading. */
const cpuMinute = (/** @type {number} */ seconds) => ms(seconds * 1000);

/**
 * What held a run back, from what was measured: the server's event loop, the load generator,
 * the machine's two cores, or nothing yet; and what failed, if anything.
 * @param {any} r
 */
function limitOf(r) {
	const u = r.usage;
	const failures = [];
	if (r.noteToScreen.p95 > 250) failures.push(`p95 note → screen ${ms(r.noteToScreen.p95)} ms`);
	const c = r.counts;
	const v = r.verification;
	const unseen = c.notesNotSeen + c.textsNotShown + c.notesNotOnOverview;
	if (c.lost + c.duplicateAcks > 0)
		failures.push(`${c.lost} acks missing, ${c.duplicateAcks} twice`);
	if (v && v.ackedNotStored + v.notesMissing + v.notesDuplicated > 0)
		failures.push(
			`${v.ackedNotStored + v.notesMissing + v.notesDuplicated} not stored or stored twice`
		);
	if (unseen + c.phonesNotMoved + c.presentsNotShown > 0)
		failures.push(
			`${unseen} acked notes not shown, ${c.phonesNotMoved} phones not moved, ${c.presentsNotShown} presents not shown`
		);
	if (Object.keys(r.errors).length > 0) failures.push(`errors ${JSON.stringify(r.errors)}`);
	const busy = [];
	if (r.loopLag.utilisationMean >= 0.9 || u.cpuMean >= 0.9) busy.push('the server’s event loop');
	if (u.workersCpuMean / config.workers >= 0.9 || r.clientLoopLag.p99 >= 100)
		busy.push('the load generator');
	if (u.cpuMean + u.workersCpuMean >= 0.9 * machine().cores) busy.push('the machine’s cores');
	else if (u.machineWait >= 0.5) busy.push('other work on the machine (cores contended)');
	const saturated = busy.length > 0 ? busy.join(', ') : 'nothing saturated';
	return `${saturated} (server ${(u.cpuMean * 100).toFixed(0)} % CPU, event loop busy ${(r.loopLag.utilisationMean * 100).toFixed(0)} %; load generator ${(u.workersCpuMean * 100).toFixed(0)} % CPU, loop delay p99 ${ms(r.clientLoopLag.p99)} ms)${failures.length > 0 ? `; fails: ${failures.join(', ')}` : ''}`;
}

/** @param {any} r */
function passed(r) {
	const v = r.verification;
	return (
		r.noteToScreen.p95 <= 250 &&
		r.counts.lost === 0 &&
		r.counts.duplicateAcks === 0 &&
		r.counts.notesNotSeen === 0 &&
		r.counts.textsNotShown === 0 &&
		r.counts.notesNotOnOverview === 0 &&
		r.counts.phonesNotMoved === 0 &&
		r.counts.presentsNotShown === 0 &&
		Object.keys(r.errors).length === 0 &&
		(!v || v.ackedNotStored + v.notesMissing + v.notesDuplicated === 0)
	);
}

async function main() {
	if (config.build && !existsSync(join(root, 'build', 'handler.js'))) {
		log('building (build/ is missing)…');
		if ((await run('npm', ['run', 'build'])) !== 0) process.exit(1);
	}
	const m = machine();
	// Other work on the machine skews every figure: say how busy it was.
	const load = loadAverage();
	const started = new Date();
	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	const header = [
		`### ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC — \`${command}\``,
		'',
		`Machine: ${m.model}, ${m.cores} cores, ${m.memGiB} GiB RAM, Node ${process.version}; load generator on the same machine (${config.workers} worker processes); load average before the run ${load}. Pace: a note every ${config.pace.noteIntervalMs / 1000} s (±50 %) per writer for ${config.pace.writeMs / 1000} s, ${config.pace.revealSteps} reveals, clarify, ${config.pace.voteMs / 1000} s vote; notes 70 % one line, 20 % 150–500, 10 % 500–2,000 characters; ${Math.round(config.conferenceShare * 100)} % of the people in a conference (Samråd only: overview, plenum screen, round 2).`,
		''
	];
	const sections = [];
	/** @type {any[]} */
	const all = [];
	if (config.steps.length > 0) {
		// Both targets step up the same way; each stops after its first failing step.
		const kinds = /** @type {('samrad' | 'relay')[]} */ (
			config.target === 'both' ? ['samrad', 'relay'] : [config.target]
		);
		const rows = [
			'| target | participants | note→screen p50 / p95 / p99 / max (ms) | ack p95 (ms) | cmd/s | server CPU mean / peak | CPU-ms per participant-minute | load generator CPU | loop delay p99 worst (ms) | RSS peak (MB) | server / machine waiting for a core | lost/dup/unseen | errors |',
			'| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |'
		];
		const ceilings = [];
		for (const kind of kinds) {
			/** @type {any} */
			let last = null;
			/** @type {any} */
			let failing = null;
			for (const n of config.steps) {
				const r = await runTarget(kind, n);
				all.push(r);
				sections.push(describe(r));
				rows.push(stepRow(r));
				log(`${kind} N=${n}: note→screen p95 ${ms(r.noteToScreen.p95)} ms`);
				if (!passed(r)) {
					failing = r;
					break;
				}
				last = r;
			}
			ceilings.push(
				failing
					? `- **${kind}**: ceiling ${last ? `**${last.participants}** participants` : `below ${config.steps[0]}`}; fails at ${failing.participants}: ${limitOf(failing)}`
					: `- **${kind}**: ceiling at least **${last?.participants}** participants (passed every step); at the last: ${limitOf(last)}`
			);
		}
		sections.unshift(['**Ceilings**', '', ...ceilings, '', rows.join('\n')].join('\n'));
	} else {
		const n = config.participants;
		const ours = config.target === 'relay' ? null : await runTarget('samrad', n);
		const floor = config.target === 'samrad' ? null : await runTarget('relay', n);
		for (const r of [ours, floor]) {
			if (!r) continue;
			all.push(r);
			sections.push(describe(r));
		}
		if (ours && floor) {
			const ratio = ours.noteToScreen.p95 / floor.noteToScreen.p95;
			sections.push(
				`**Ratio to the bare relay** (p95 note → screen): ${ms(ours.noteToScreen.p95)} / ${ms(floor.noteToScreen.p95)} = **${ratio.toFixed(2)}** (p50: ${(ours.noteToScreen.p50 / floor.noteToScreen.p50).toFixed(2)}; p95 command → ack: ${(ours.ack.p95 / floor.ack.p95).toFixed(2)}; server CPU-seconds per participant-minute: ${(ours.usage.cpuPerParticipantMinute / floor.usage.cpuPerParticipantMinute).toFixed(2)}; bytes of views: ${((ours.counts.bytesReceived ?? NaN) / (floor.counts.bytesReceived ?? NaN)).toFixed(2)})`
			);
		}
	}
	const report = [...header, sections.join('\n\n'), ''].join('\n');
	process.stdout.write(`\n${report}\n`);
	mkdirSync(config.out, { recursive: true });
	const stamp = started.toISOString().replace(/[:.]/g, '-');
	writeFileSync(join(config.out, `bench-${stamp}.md`), report);
	writeFileSync(
		join(config.out, `bench-${stamp}.json`),
		JSON.stringify({ config, machine: m, results: all }, null, 1)
	);
	log(`written to ${join(config.out, `bench-${stamp}.md`)} (and .json)`);
	const failed = all.some((r) => r.participants === config.participants && !passed(r));
	process.exitCode = config.steps.length === 0 && failed ? 1 : 0;
}

main().catch((error) => {
	process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
	process.exit(1);
});
