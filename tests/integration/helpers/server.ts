/** Runs the production server (build/server.js) as a child process on a real port and database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const serverEntry = join(root, 'build', 'server.js');
const tmpRoot = join(root, 'tests', '.tmp', 'integration');

// Servers still running when the test process exits (a crash, a timeout) must not outlive it.
const live = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of live) child.kill('SIGKILL');
});

/** A fresh, empty directory under tests/.tmp (git-ignored). */
export function freshDir(label: string): string {
	const dir = join(tmpRoot, `${label}-${process.pid}-${randomBytes(4).toString('hex')}`);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** One structured log line of the server. */
export interface LogLine {
	time: string;
	level: string;
	event: string;
	[field: string]: unknown;
}

/** A minimal, predictable environment: nothing leaks in from the developer's shell. */
function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: process.env.HOME ?? '/tmp',
		NODE_ENV: 'production',
		...overrides
	};
}

function parseLines(text: string): LogLine[] {
	const lines: LogLine[] = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const parsed = JSON.parse(line) as LogLine;
			if (typeof parsed.event === 'string') lines.push(parsed);
		} catch {
			// not a log line
		}
	}
	return lines;
}

export interface StartOptions {
	/** Extra environment variables (override the defaults below). */
	env?: Record<string, string>;
	/** Defaults to a fresh file in a fresh directory. */
	databasePath?: string;
	/** How long to wait for "server.listening". */
	timeoutMs?: number;
}

/**
 * The production server on 127.0.0.1 with its own SQLite file. The port is chosen by the OS on
 * the first start and kept across restarts, so clients find the server where they left it.
 */
export class TestServer {
	readonly dir: string;
	readonly databasePath: string;
	readonly #env: Record<string, string>;
	readonly #timeoutMs: number;
	#child: ChildProcess | null = null;
	/** Processes this helper stopped on purpose (the others' exits are reported). */
	readonly #stopping = new WeakSet<ChildProcess>();
	/** Processes that started listening (one that never did is reported by start()). */
	readonly #listened = new WeakSet<ChildProcess>();
	#exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
	/** Everything the server wrote to stdout and stderr, across restarts. */
	output = '';
	/** The server script the next start runs: another build can replace it (a deploy). */
	entry = serverEntry;
	port = 0;

	constructor(options: StartOptions = {}) {
		this.dir = freshDir('server');
		this.databasePath = options.databasePath ?? join(this.dir, 'samrad.sqlite');
		this.#timeoutMs = options.timeoutMs ?? 20_000;
		this.#env = {
			HOST: '127.0.0.1',
			DATABASE_PATH: this.databasePath,
			// info, not warn: "server.listening" (how we know the port) is an info line.
			LOG_LEVEL: 'info',
			...options.env
		};
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get running(): boolean {
		return this.#child !== null;
	}

	/** The server's process id (to read its memory use), while it runs. */
	get pid(): number | undefined {
		return this.#child?.pid;
	}

	/** Parsed JSON log lines written so far. */
	logs(): LogLine[] {
		return parseLines(this.output);
	}

	/** Waits until a log line with this event has been written (logs arrive asynchronously). */
	async waitForLog(event: string, timeoutMs = 5_000): Promise<LogLine> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const line = this.logs().find((l) => l.event === event);
			if (line) return line;
			if (Date.now() > deadline) throw new Error(`no "${event}" log line:\n${this.output}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	/** Starts the server and waits for its "server.listening" line. */
	async start(): Promise<void> {
		if (this.#child) throw new Error('server already running');
		const child = spawn(process.execPath, [this.entry], {
			cwd: root,
			env: serverEnv({ ...this.#env, PORT: String(this.port) }),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child = child;
		live.add(child);
		this.#exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				live.delete(child);
				if (this.#child === child) this.#child = null;
				// A server that dies on its own mid-test would leave only "connection refused" behind.
				if (this.#listened.has(child) && !this.#stopping.has(child)) {
					process.stderr.write(
						`TestServer on port ${this.port} exited unexpectedly (${code ?? signal}); its last output:\n${this.output.slice(-4_000)}\n`
					);
				}
				resolve({ code, signal });
			});
		});
		const listening = new Promise<number>((resolve, reject) => {
			let pending = '';
			const timer = setTimeout(() => {
				this.#stopping.add(child);
				child.kill('SIGKILL');
				reject(new Error(`server did not listen within ${this.#timeoutMs} ms:\n${this.output}`));
			}, this.#timeoutMs);
			child.stdout!.on('data', (chunk: Buffer) => {
				const text = chunk.toString('utf8');
				this.output += text;
				pending += text;
				const lines = pending.split('\n');
				pending = lines.pop() ?? '';
				for (const line of parseLines(lines.join('\n'))) {
					if (line.event === 'server.listening') {
						clearTimeout(timer);
						this.#listened.add(child);
						resolve(Number(line.port));
					}
				}
			});
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				reject(new Error(`server exited (${code ?? signal}) before listening:\n${this.output}`));
			});
		});
		child.stderr!.on('data', (chunk: Buffer) => {
			this.output += chunk.toString('utf8');
		});
		this.port = await listening;
	}

	/** Graceful stop (SIGTERM); resolves with the exit code once the process is gone. */
	async stop(): Promise<number | null> {
		return (await this.#signal('SIGTERM')).code;
	}

	/** Hard stop (SIGKILL): a crash, without any shutdown code running. */
	async kill(): Promise<void> {
		await this.#signal('SIGKILL');
	}

	/** Stops (SIGTERM, or SIGKILL for a crash) and starts again on the same database and port. */
	async restart(how: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
		await this.#signal(how);
		await this.start();
	}

	async #signal(signal: NodeJS.Signals) {
		const child = this.#child;
		const exited = this.#exited;
		if (!child || !exited) throw new Error('server is not running');
		this.#stopping.add(child);
		child.kill(signal);
		const result = await exited;
		this.#child = null;
		return result;
	}

	/** Stops the server if it runs and deletes its directory. */
	async dispose(): Promise<void> {
		if (this.#child) {
			const child = this.#child;
			const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await this.#signal('SIGTERM');
			clearTimeout(force);
		}
		rmSync(this.dir, { recursive: true, force: true });
	}
}

/** Starts a server on a fresh database. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const server = new TestServer(options);
	try {
		await server.start();
	} catch (error) {
		await server.dispose();
		throw error;
	}
	return server;
}

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** The server got as far as listening (and was then stopped by us). */
	listened: boolean;
}

/**
 * Runs the server where it is expected to refuse to start; if it listens instead, it is stopped
 * and `listened` is true. `stopOn`: the log event (on either stream) after which it is stopped,
 * for a server whose LOG_LEVEL hides "server.listening".
 */
export async function runUntilExit(
	env: Record<string, string>,
	timeoutMs = 20_000,
	/** Another system user to run as (only root may ask). */
	user?: { uid: number; gid: number },
	stopOn = 'server.listening'
): Promise<Exit> {
	const child = spawn(process.execPath, [serverEntry], {
		cwd: root,
		env: serverEnv({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
		...user
	});
	live.add(child);
	child.once('exit', () => live.delete(child));
	let stdout = '';
	let stderr = '';
	let listened = false;
	let stopped = false;
	const stopWhenSeen = () => {
		listened ||= parseLines(stdout).some((l) => l.event === 'server.listening');
		if (stopped || !parseLines(stdout + stderr).some((l) => l.event === stopOn)) return;
		stopped = true;
		child.kill('SIGTERM');
	};
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
		stopWhenSeen();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
		stopWhenSeen();
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
		child.once('exit', (c, s) => resolve([c, s]))
	);
	clearTimeout(timer);
	return { code, signal, stdout, stderr, listened };
}
