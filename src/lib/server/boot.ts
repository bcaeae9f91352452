import type { Server as HttpServer } from 'node:http';
import { createServerApp, databaseFile, registerApp, unregisterApp, type ServerApp } from './app';
import { ConfigError, readConfig, type Config } from './config';
import { DatabaseFileError, MigrationError } from './db/database';
import { lockDatabase, unlockDatabase } from './db/lock';
import { describeError, flushRepeated, log, setLogLevel } from './log';
import { phoneOrigin } from './network';
import { scheduleRetention } from './retention';
import { attachRealtime, type Realtime } from './realtime/io';
import { currentSetupCode, proxyTrusted } from './setup-code';
import { isWorker } from './workers';

let stopRetention: () => Promise<void> = async () => {};

/** Reads the configuration or stops the process with a message that names the bad variable. */
export function configOrExit(): Config {
	try {
		const config = readConfig();
		setLogLevel(config.logLevel);
		return config;
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`Samråd cannot start: configuration error in ${error.message}\n`);
			process.exit(78);
		}
		throw error;
	}
}

/**
 * Creates the app or stops the process with a clear message (another server on the same file,
 * a read-only file, a failed migration, an unreadable file).
 */
export async function appOrExit(config: Config, root: string): Promise<ServerApp> {
	try {
		// One SQLite file, one process; PostgreSQL is made for several.
		if (config.databaseUrl === null) lockDatabase(databaseFile(root, config.databasePath));
		return await createServerApp(config, root);
	} catch (error) {
		const reason =
			error instanceof MigrationError || error instanceof DatabaseFileError
				? error.message
				: describeError(error);
		log.error('startup.failed', { reason, databasePath: config.databasePath });
		process.stderr.write(`Samråd cannot start: ${reason}\n`);
		process.exit(1);
	}
}

/** Attaches socket.io and registers the app once the HTTP server listens. */
export function start(app: ServerApp, httpServer: HttpServer): Realtime {
	registerApp(app);
	app.storage.started();
	stopRetention = scheduleRetention(app);
	const realtime = attachRealtime(httpServer, app);
	const announce = () => {
		const address = httpServer.address();
		const port = typeof address === 'object' && address ? address.port : app.config.port;
		app.joinOrigin = phoneOrigin(app.config.publicOrigin, app.config.host, port);
		// A worker of WORKERS=N never listens: its primary does, and says so once all are ready.
		log.info(isWorker() ? 'worker.ready' : 'server.listening', {
			host: app.config.host,
			port,
			pid: process.pid,
			phones: app.joinOrigin ?? 'no network address found: set PUBLIC_ORIGIN'
		});
		announceSetupCode(app, port).catch((error: unknown) =>
			log.error('organiser.setup_code_failed', { reason: describeError(error) })
		);
	};
	if (httpServer.listening || isWorker()) announce();
	else httpServer.once('listening', announce);
	return realtime;
}

/** While there is no organiser account: the one-time code the setup page asks for, one line. */
async function announceSetupCode(app: ServerApp, port: number): Promise<void> {
	const code = await currentSetupCode(app.stores);
	if (!code) return;
	// A warning, so that it shows at LOG_LEVEL=warn too: someone has to act on it.
	log.warn('organiser.setup_code', {
		code,
		setup: `${app.config.publicOrigin ?? app.joinOrigin ?? `http://localhost:${port}`}/organiser/setup`,
		message: proxyTrusted(app.config.trustProxy)
			? 'Create the first organiser account there with this code'
			: 'Create the first organiser account there with this code (not needed in a browser on this machine)'
	});
}

/** Closes sockets, the HTTP server and the database, in that order. */
export async function stop(app: ServerApp, realtime: Realtime): Promise<void> {
	log.info('server.stopping');
	realtime.stopListening();
	// io.close() disconnects every socket and closes the HTTP server it is attached to.
	await new Promise<void>((resolve) => {
		void realtime.io.close(() => resolve());
	});
	await stopRetention();
	await app.bus.close();
	await app.sessions.snapshotAll();
	await app.storage.close();
	if (app.config.databaseUrl === null)
		unlockDatabase(databaseFile(app.root, app.config.databasePath));
	unregisterApp();
	flushRepeated();
	log.info('server.stopped');
}
