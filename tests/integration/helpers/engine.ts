/**
 * The store a test server runs on: SQLite (a file, the default) or PostgreSQL (DATABASE_URL).
 * Suites that must hold on both take an Engine; tests/integration runs them on SQLite and
 * tests/postgres on a throw-away PostgreSQL cluster.
 */
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServerApp, type ServerApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { freshDir, root, startServer, TestServer, type StartOptions } from './server';

/** One fresh, empty database of an engine. */
export interface Store {
	engine: 'sqlite' | 'postgres';
	/** What points a server, a script or an app at this database. */
	env: Record<string, string>;
	/** Rows of a read-only query written with `?` placeholders (the same SQL on both engines). */
	rows<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
	/**
	 * Where the database holds this text. SQLite: which of its files (db, wal, shm) hold the
	 * bytes. PostgreSQL: which tables have a live row holding it; it has no secure_delete, so a
	 * deleted row's bytes stay in the table's pages until VACUUM frees the space and a later
	 * write reuses it, and in WAL segments, archives and base backups until they expire.
	 */
	holding(text: string): Promise<string[]>;
	/** Another process in the middle of a read-only transaction (a backup, say) until released. */
	reader(): Promise<{
		rows<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
		release(): Promise<void>;
	}>;
	/** Removes the database (its file, or the PostgreSQL database). */
	dispose(): Promise<void>;
}

export interface Engine {
	/** "SQLite" or "PostgreSQL", for test names. */
	name: string;
	fresh(): Promise<Store>;
}

/** The options of a server on this store; its own env comes after the store's. */
function on(store: Store, options: StartOptions): StartOptions {
	return {
		...options,
		...(store.engine === 'sqlite' ? { databasePath: store.env.DATABASE_PATH } : {}),
		env: { ...store.env, ...options.env }
	};
}

/** A server on this store, started. */
export function startOn(store: Store, options: StartOptions = {}): Promise<TestServer> {
	return startServer(on(store, options));
}

/** A server on this store, not started yet. */
export function serverOn(store: Store, options: StartOptions = {}): TestServer {
	return new TestServer(on(store, options));
}

/** The app on this store, in this process (for SQLite, while no server runs on the file). */
export async function withStoreApp<T>(
	store: Store,
	fn: (app: ServerApp) => Promise<T> | T,
	clock?: () => number
): Promise<T> {
	const app = await createServerApp(readConfig({ ...store.env, LOG_LEVEL: 'warn' }), root, {
		clock
	});
	try {
		return await fn(app);
	} finally {
		await app.storage.close();
	}
}

/** A SQLite file in a fresh directory, as startServer uses by default. */
export function sqliteAt(databasePath: string, remove = () => {}): Store {
	return {
		engine: 'sqlite',
		env: { DATABASE_PATH: databasePath },
		async rows<Row>(sql: string, params: unknown[] = []) {
			const db = new Database(databasePath, { readonly: true, fileMustExist: true });
			try {
				return db.prepare(sql).all(...params) as Row[];
			} finally {
				db.close();
			}
		},
		async holding(text) {
			const needle = Buffer.from(text, 'utf8');
			const read = (suffix: string) => {
				try {
					return readFileSync(`${databasePath}${suffix}`);
				} catch {
					return Buffer.alloc(0);
				}
			};
			return ['db', 'wal', 'shm'].filter((name) =>
				read(name === 'db' ? '' : `-${name}`).includes(needle)
			);
		},
		async reader() {
			const db = new Database(databasePath, { readonly: true, fileMustExist: true });
			db.exec('BEGIN');
			db.prepare('SELECT count(*) FROM sessions').get();
			return {
				async rows<Row>(sql: string, params: unknown[] = []) {
					return db.prepare(sql).all(...params) as Row[];
				},
				async release() {
					db.exec('COMMIT');
					db.close();
				}
			};
		},
		async dispose() {
			remove();
		}
	};
}

export const sqlite: Engine = {
	name: 'SQLite',
	async fresh() {
		const dir = freshDir('store');
		return sqliteAt(join(dir, 'samrad.sqlite'), () =>
			rmSync(dir, { recursive: true, force: true })
		);
	}
};
