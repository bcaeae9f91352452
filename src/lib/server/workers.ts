import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server as HttpServer } from 'node:http';
import { Socket } from 'node:net';
import type { Config } from './config';
import { log } from './log';
import type { Realtime } from './realtime/io';

/** A worker tells the primary it serves requests. */
const readyMessage = 'samrad:ready';

/** @socket.io/sticky keeps each worker's number of connections on the worker object. */
type Counted = { clientsCount?: number };

/**
 * Makes the primary stop reading a connection before it hands the connection's socket to a
 * worker. Node sends a socket's handle and closes the primary's copy only when the worker's
 * acknowledgement comes back; until then both processes watch the same connection, and
 * whatever the primary reads meanwhile it throws away (nodejs/node#8353). sticky reads a
 * request's first bytes to choose the worker, then sends the socket still reading: a WebSocket
 * client that answered the worker's upgrade at once (socket.io's CONNECT) lost that frame now
 * and then to the primary, and its socket waited for ever without connecting or failing. The
 * worker reads the socket afresh, so nothing sent after the first bytes is lost.
 */
function stopReadingBeforeHandOver(worker: Worker): void {
	const send = worker.send.bind(worker) as (...args: unknown[]) => boolean;
	worker.send = ((...args: unknown[]) => {
		const handle = args[1];
		// A worker that has died but is not yet replaced (sticky still lists it): its connection is
		// closed, so that its client tries again at once and reaches a living worker.
		if (!worker.isConnected()) {
			if (handle instanceof Socket) handle.destroy();
			return false;
		}
		if (handle instanceof Socket) {
			// Not public API: net.Socket has no way to stop the underlying reads (pause() only stops
			// emitting data, and the primary's reads carry on into a buffer no one reads).
			(handle as Socket & { _handle?: { readStop?: () => number } | null })._handle?.readStop?.();
		}
		return send(...args);
	}) as Worker['send'];
	// A worker that dies while a message to it is on its way: the send fails with this error, which
	// would otherwise stop the primary and every other worker with it.
	worker.on('error', (error: Error) => {
		log.warn('worker.send_failed', { pid: worker.process.pid, message: error.message });
	});
}

/** Whether this process is the primary of WORKERS=N, which only hands connections on. */
export function isPrimaryOfWorkers(config: Config): boolean {
	return config.workers > 1 && cluster.isPrimary;
}

/** Whether this process is one of the workers behind the primary's port. */
export const isWorker = (): boolean => cluster.isWorker;

/**
 * WORKERS=N: the primary listens on the port and hands each connection to a worker; a
 * long-polling client's requests all go to the worker that holds its connection
 * (@socket.io/sticky, by its engine.io session id). A worker that dies is replaced; its
 * phones reconnect through the primary to another. "server.listening" once every worker is ready.
 */
export async function runPrimary(config: Config): Promise<void> {
	// Loaded only with WORKERS above 1.
	const { setupMaster } = await import('@socket.io/sticky');
	// sticky sends each request's first bytes over IPC: JSON would turn them into a plain object.
	cluster.setupPrimary({ serialization: 'advanced' });
	const httpServer = createServer();
	setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
	let port = config.port;
	let stopping = false;
	const ready = new Set<number>();

	const fork = () => {
		const worker = cluster.fork({ PORT: String(port) });
		stopReadingBeforeHandOver(worker);
		// sticky's least-connection picks the worker with the lowest clientsCount, and a worker just
		// forked has none: every newcomer went to it while its app was still opening (a replaced
		// worker, under load). Counted as full until it says it is ready; if none is ready yet (the
		// first start), one is still chosen and holds what it gets until then (holdConnections).
		(worker as Counted).clientsCount = Number.POSITIVE_INFINITY;
		log.info('worker.started', { pid: worker.process.pid });
	};
	cluster.on('message', (worker, message: unknown) => {
		if ((message as { type?: string } | null)?.type !== readyMessage) return;
		(worker as Counted).clientsCount = 0;
		const first = ready.size < config.workers;
		ready.add(worker.id);
		if (first && ready.size === config.workers) {
			log.info('server.listening', { host: config.host, port, workers: config.workers });
		}
	});
	cluster.on('exit', (worker, code, signal) => {
		ready.delete(worker.id);
		log[stopping ? 'info' : 'warn']('worker.exited', { pid: worker.process.pid, code, signal });
		if (!stopping) fork();
		else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
	});

	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info('signal.received', { signal });
		const force = setTimeout(() => process.exit(1), 15_000);
		force.unref();
		httpServer.close();
		const workers = Object.values(cluster.workers ?? {});
		if (workers.length === 0) process.exit(0);
		for (const worker of workers) worker?.process.kill('SIGTERM');
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	httpServer.listen(config.port, config.host, () => {
		const address = httpServer.address();
		if (typeof address === 'object' && address) port = address.port;
		for (let i = 0; i < config.workers; i++) fork();
	});
}

/** Connections the primary handed on before this worker took any (see holdConnections). */
let held: { message: unknown; handle: unknown }[] | null = null;
const holdOne = (message: unknown, handle: unknown) => {
	if (String((message as { type?: unknown } | null)?.type).startsWith('sticky:'))
		held?.push({ message, handle });
};

/**
 * Called first thing in a worker: whatever the primary hands on before the app is open (a
 * connection with its socket, a request's chunks) is kept, not dropped for want of a listener,
 * and served once serveFromPrimary takes connections.
 */
export function holdConnections(): void {
	if (!cluster.isWorker || held) return;
	held = [];
	process.on('message', holdOne);
}

/** A worker takes its connections from the primary instead of listening, then says it is ready. */
export async function serveFromPrimary(httpServer: HttpServer, realtime: Realtime): Promise<void> {
	if (httpServer.listening) return;
	const { setupWorker } = await import('@socket.io/sticky');
	setupWorker(realtime.io);
	process.off('message', holdOne);
	for (const { message, handle } of held ?? []) process.emit('message', message, handle as never);
	held = null;
	process.send?.({ type: readyMessage });
}
