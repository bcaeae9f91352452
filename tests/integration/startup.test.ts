/** Start-up refuses bad configuration and databases it cannot safely use, with clear messages. */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScreenView } from '$lib/domain/session/views';
import { connect, newId, type TestClient } from './helpers/client';
import { freshDir, root, runUntilExit, startServer, TestServer } from './helpers/server';
import { createSession, joinPhone, startWriting, connectConsole } from './helpers/session';

const dir = freshDir('startup');
const latestVersion = readdirSync(join(root, 'db', 'migrations')).filter((f) =>
	f.endsWith('.sql')
).length;

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	// The server started on the folder itself put its lock file next to it.
	rmSync(`${dir}-lock`, { force: true });
});

describe('configuration', () => {
	it('starts with a good configuration (the control for the cases below)', async () => {
		const exit = await runUntilExit({
			DATABASE_PATH: join(dir, 'good.sqlite'),
			PUBLIC_ORIGIN: 'https://samrad.example.org/',
			SESSION_SECRET: 's'.repeat(32),
			LOG_LEVEL: 'INFO',
			TRUST_PROXY: 'yes'
		});
		expect(exit.listened, exit.stdout + exit.stderr).toBe(true);
		expect(exit.code).toBe(0);
	});

	const bad: [variable: string, value: string][] = [
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '-1'],
		['HOST', 'bad host!'],
		['PUBLIC_ORIGIN', 'ftp://x'],
		['PUBLIC_ORIGIN', 'not a url'],
		['PUBLIC_ORIGIN', 'https://samrad.example.org/path'],
		['SESSION_SECRET', 'too-short'],
		['LOG_LEVEL', 'loud'],
		['TRUST_PROXY', 'maybe']
	];

	it.each(bad)('stops on %s=%s with a message naming the variable', async (variable, value) => {
		const databasePath = join(dir, `${variable}-${value.replace(/\W/g, '_')}.sqlite`);
		const exit = await runUntilExit({ DATABASE_PATH: databasePath, [variable]: value });
		expect(exit.listened).toBe(false);
		expect(exit.code).not.toBe(0);
		expect(exit.code).toBe(78);
		expect(exit.stderr).toContain(`Samråd cannot start: configuration error in ${variable}:`);
		// Nothing is touched before the configuration is known to be good.
		expect(existsSync(databasePath)).toBe(false);
	});
});

describe('what a server loads', () => {
	it('on its SQLite default, without REDIS_URL or WORKERS, loads no PostgreSQL, Redis or cluster driver', async () => {
		// Every package the server's modules import, written down by a module resolution hook.
		const hooks = join(dir, 'hooks');
		mkdirSync(hooks, { recursive: true });
		const imported = join(hooks, 'imported.txt');
		writeFileSync(
			join(hooks, 'resolve.mjs'),
			`import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
	appendFileSync(${JSON.stringify(imported)}, specifier + '\\n');
	return next(specifier, context);
}`
		);
		writeFileSync(
			join(hooks, 'register.mjs'),
			`import { register } from 'node:module';\nregister('./resolve.mjs', import.meta.url);`
		);
		const server = new TestServer({
			env: { NODE_OPTIONS: `--import=${join(hooks, 'register.mjs')}` }
		});
		await server.start();
		try {
			// A session with a console and a phone: sockets, limiters and the change bus all used.
			const session = await createSession(server);
			const facilitator = await connectConsole(server, session);
			const phone = await joinPhone(server, session.joinCode, 'Åsa');
			const questionId = await startWriting(facilitator);
			const ack = await phone.client.send('note.add', {
				id: newId(),
				questionId,
				noteId: newId(),
				text: 'Ein lapp'
			});
			expect(ack).toMatchObject({ ok: true });
			facilitator.close();
			phone.client.close();
		} finally {
			await server.dispose();
		}
		const packages = new Set(readFileSync(imported, 'utf8').split('\n'));
		// The hook saw the server's own imports (else the absences below would prove nothing).
		for (const used of ['better-sqlite3', 'socket.io', 'rate-limiter-flexible'])
			expect(packages, used).toContain(used);
		for (const unused of ['pg', 'ioredis', '@socket.io/redis-streams-adapter', '@socket.io/sticky'])
			expect(packages, unused).not.toContain(unused);
	});
});

describe('database', () => {
	it('refuses a database from a newer Samråd, and leaves it alone', async () => {
		const path = join(dir, 'newer.sqlite');
		const db = new Database(path);
		db.exec('CREATE TABLE from_the_future (x TEXT)');
		db.pragma(`user_version = ${latestVersion + 7}`);
		db.close();

		const exit = await runUntilExit({ DATABASE_PATH: path });
		expect(exit.listened).toBe(false);
		expect(exit.code).toBe(1);
		expect(exit.stderr).toContain(
			`Samråd cannot start: the database is at schema version ${latestVersion + 7}, newer than this version of Samråd knows (${latestVersion})`
		);

		const after = new Database(path, { readonly: true });
		expect(after.pragma('user_version', { simple: true })).toBe(latestVersion + 7);
		const tables = after
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.all() as { name: string }[];
		after.close();
		expect(tables.map((t) => t.name)).toEqual(['from_the_future']);
	});

	it('migrates a database from an older Samråd on start', async () => {
		const path = join(dir, 'older.sqlite');
		const db = new Database(path);
		db.exec(readFileSync(join(root, 'db', 'migrations', '0001_foundation.sql'), 'utf8'));
		db.pragma('user_version = 1');
		db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('kept', 'yes');
		db.close();

		const server = await startServer({ databasePath: path });
		try {
			const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
				schemaVersion: number;
			};
			expect(health.schemaVersion).toBe(latestVersion);
			expect(server.logs().find((l) => l.event === 'db.migrated')).toMatchObject({
				from: 1,
				to: latestVersion
			});
		} finally {
			await server.dispose();
		}
		const after = new Database(path, { readonly: true });
		expect(after.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({
			value: 'yes'
		});
		after.close();
	});

	it('stops with a clear message when the database path is not a file', async () => {
		const exit = await runUntilExit({ DATABASE_PATH: dir });
		expect(exit.listened).toBe(false);
		expect(exit.code).toBe(1);
		expect(exit.stderr).toContain('Samråd cannot start:');
	});
});

/** As root, file modes do not stop writes: run the server as `nobody` instead. */
const asRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

/** chattr +i stops even root from writing to a file, through descriptors already open too. */
function canMakeImmutable(): boolean {
	if (!asRoot) return false;
	const probe = join(dir, 'immutable-probe');
	writeFileSync(probe, '');
	try {
		execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
		execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	} finally {
		rmSync(probe, { force: true });
	}
}

/** A stand-alone session on the server with one phone writing `count` notes, each acknowledged. */
async function writeNotes(server: TestServer, count: number) {
	const session = await createSession(server);
	const console = await connectConsole(server, session);
	const questionId = await startWriting(console);
	const phone = await joinPhone(server, session.joinCode, 'Aino');
	for (let i = 0; i < count; i++) {
		const ack = await phone.client.command('note.add', {
			id: newId(),
			questionId,
			noteId: newId(),
			text: `acknowledged note ${i}`
		});
		expect(ack.ok).toBe(true);
	}
	console.close();
	phone.client.close();
	return session;
}

/** Notes the server holds for a session now, as its screen counts them (none: session lost). */
async function storedNotes(server: TestServer, screenToken: string): Promise<number> {
	let screen: TestClient;
	try {
		screen = await connect(server, { auth: { role: 'screen', token: screenToken } });
	} catch (error) {
		if ((error as Error).message === 'unauthenticated') return 0;
		throw error;
	}
	try {
		const view = (await screen.waitForView()).view as ScreenView;
		return view.runs[0]!.progress.reduce((sum, n) => sum + n, 0);
	} finally {
		screen.close();
	}
}

describe('database faults', () => {
	it('refuses a database file it may not write to, naming the file, instead of failing every write', async () => {
		const path = join(dir, 'read-only', 'samrad.sqlite');
		const server = new TestServer({ databasePath: path });
		await server.start();
		await writeNotes(server, 3);
		// Killed: the WAL still holds commits a checkpoint would have to write to the file.
		await server.kill();
		await server.dispose();
		chmodSync(path, 0o444);
		if (asRoot) {
			// Only the database file is read-only for the server, as after `chmod 444` by its owner.
			chmodSync(dirname(path), 0o777);
			for (const side of ['-wal', '-shm']) chmodSync(`${path}${side}`, 0o666);
		}
		const before = readFileSync(path);

		const exit = await runUntilExit({ DATABASE_PATH: path }, 20_000, asRoot ? nobody : undefined);
		expect(exit.listened, exit.stdout + exit.stderr).toBe(false);
		expect(exit.code).toBe(1);
		expect(exit.stderr).toContain(
			`Samråd cannot start: the database file ${path} is read-only for this process`
		);
		expect(readFileSync(path).equals(before)).toBe(true);
	});

	it('refuses to start a second server on the same database file, and starts again after a crash', async () => {
		const server = await startServer();
		try {
			const second = await runUntilExit({ DATABASE_PATH: server.databasePath });
			expect(second.listened, second.stdout + second.stderr).toBe(false);
			expect(second.code).toBe(1);
			expect(second.stderr).toContain(
				`Samråd cannot start: another Samråd process is using the database ${server.databasePath}`
			);
			// The first one never noticed.
			expect((await createSession(server)).joinCode).toMatch(/^\w{6}$/);

			// A crash leaves no lock behind: the kernel releases it with the process.
			await server.restart('SIGKILL');
			const health = await fetch(`${server.url}/healthz`);
			expect(health.status).toBe(200);
		} finally {
			await server.dispose();
		}
	});

	it('says so in the log when the database file is empty (0 bytes) and starts a new database', async () => {
		const path = join(dir, 'empty', 'samrad.sqlite');
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, '');
		const server = await startServer({ databasePath: path });
		try {
			expect(await server.waitForLog('db.empty_file')).toMatchObject({
				level: 'warn',
				databasePath: path
			});
			expect(server.logs().some((l) => l.event === 'db.created')).toBe(false);
		} finally {
			await server.dispose();
		}
		const fresh = await startServer();
		try {
			expect(await fresh.waitForLog('db.created')).toMatchObject({
				databasePath: fresh.databasePath
			});
			expect(fresh.logs().some((l) => l.event === 'db.empty_file')).toBe(false);
		} finally {
			await fresh.dispose();
		}
	});

	it('logs the WAL before and after opening, and how many commits a damaged WAL dropped', async () => {
		const server = new TestServer();
		await server.start();
		try {
			// Damage a frame the checkpointer had not yet copied into the database file: from there
			// on, SQLite drops the rest of the WAL. (Rarely, the kill came after a checkpoint that
			// copied every note: then nothing is lost, and the test writes and kills again.)
			for (let attempt = 0; ; attempt++) {
				expect(attempt, 'every kill came right after a full checkpoint').toBeLessThan(5);
				const session = await writeNotes(server, 25);
				await server.kill();
				const damaged = damageUncopiedFrame(server.databasePath);
				const walBytes = statSync(`${server.databasePath}-wal`).size;
				const seen = server.logs().length;
				await server.start();
				if (!damaged) continue;
				const stored = await storedNotes(server, session.screenToken);
				if (stored === 25) continue;

				// The loss itself is SQLite's behaviour; what matters is that it is not silent.
				const opened = await waitForLogSince(server, seen, 'db.wal');
				expect(opened).toMatchObject({ level: 'info', walBytesBefore: walBytes });
				expect(typeof opened.walBytesAfter).toBe('number');
				const report = await waitForLogSince(server, seen, 'db.wal_damaged');
				expect(report.level).toBe('error');
				expect(report.commitsDropped).toBeGreaterThanOrEqual(25 - stored);
				break;
			}
		} finally {
			await server.dispose();
		}
	});

	it.runIf(canMakeImmutable())(
		'keeps running, and logs, when checkpoints cannot write to the database file',
		async () => {
			const server = await startServer();
			try {
				execFileSync('chattr', ['+i', server.databasePath]);
				// Commits still reach the WAL; copying them into the file fails from now on.
				const session = await writeNotes(server, 5);
				await server.waitForLog('db.checkpoint_failed', 10_000);
				expect(server.running).toBe(true);
				expect(await storedNotes(server, session.screenToken)).toBe(5);
			} finally {
				execFileSync('chattr', ['-i', server.databasePath]);
				await server.dispose();
			}
		}
	);
});

describe('backups', () => {
	it('are taken while the server runs, and keep what is deleted afterwards until they are deleted', async () => {
		const server = await startServer();
		try {
			const session = await createSession(server);
			const console = await connectConsole(server, session);
			const questionId = await startWriting(console);
			const phone = await joinPhone(server, session.joinCode, 'Aino');
			const noteId = newId();
			const secret = `SECRET-IN-BACKUP-${newId()}`;
			const add = { id: newId(), questionId, noteId, text: secret };
			expect((await phone.client.command('note.add', add)).ok).toBe(true);

			const target = join(server.dir, 'backups', 'copy.sqlite');
			execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/backup.ts', target], {
				cwd: root,
				env: { ...process.env, DATABASE_PATH: server.databasePath },
				stdio: 'pipe'
			});
			const remove = { id: newId(), questionId, noteId };
			expect((await phone.client.command('note.delete', remove)).ok).toBe(true);
			// The privacy page tells participants so.
			const privacy = await fetch(`${server.url}/privacy`, {
				headers: { 'accept-language': 'en' }
			});
			expect(await privacy.text()).toContain('until the copies themselves are deleted');
			console.close();
			phone.client.close();
			await server.stop();

			expect(readFileSync(target).includes(secret)).toBe(true);
			const copy = new Database(target, { readonly: true });
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			copy.close();
		} finally {
			await server.dispose();
		}
	});
});

/** A log line with this event written after the first `seen` lines. */
async function waitForLogSince(server: TestServer, seen: number, event: string) {
	await expect
		.poll(
			() =>
				server
					.logs()
					.slice(seen)
					.some((l) => l.event === event),
			{ message: event }
		)
		.toBe(true);
	return server
		.logs()
		.slice(seen)
		.find((l) => l.event === event)!;
}

/**
 * Flips a byte in the first frame of the WAL's current generation that is not yet in the
 * database file (nBackfill in the -shm says how far the checkpoint got), if any commit follows.
 */
function damageUncopiedFrame(databasePath: string): boolean {
	const wal = readFileSync(`${databasePath}-wal`);
	const shm = readFileSync(`${databasePath}-shm`);
	// The wal-index: two 48-byte headers, then the checkpoint info (native byte order).
	const backfilled = shm.readUInt32LE(96);
	const pageSize = wal.readUInt32BE(8);
	const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
	const frameSize = 24 + pageSize;
	let target: number | null = null;
	for (let frame = 0, offset = 32; offset + frameSize <= wal.length; frame++, offset += frameSize) {
		const current =
			wal.readUInt32BE(offset + 8) === salts[0] && wal.readUInt32BE(offset + 12) === salts[1];
		if (!current) break;
		if (frame >= backfilled && target === null) target = offset;
		const commit = wal.readUInt32BE(offset + 4) !== 0;
		if (commit && target !== null) {
			const at = target + 24 + 100;
			wal.writeUInt8(wal.readUInt8(at) ^ 0xff, at);
			writeFileSync(`${databasePath}-wal`, wal);
			return true;
		}
	}
	return false;
}
