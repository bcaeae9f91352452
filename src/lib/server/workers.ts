import cluster, { type Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
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

/** How long a request naming a session the primary does not know waits to learn it. */
const unknownSessionWaitMs = 2_000;
/**
 * How many connections wait for one unknown session (a client has at most two requests on their
 * way: its poll and a send), and for all of them together (a client's CONNECT overtakes the
 * IPC message for a moment only; the phones of a worker that died wait in vain). Beyond, a
 * request goes on at once, as before the wait: session ids anyone can make up must not hold the
 * primary's sockets by the thousand, nor keep it busy sorting them, while it is the only door to
 * every worker.
 */
const unknownSessionWaitersEach = 4;
const unknownSessionWaitersAll = 256;
/** How sticky finds the engine.io session a request names. */
const sessionInRequest = /sid=([\w-]{20})/;

/**
 * Gives sticky each connection once the primary knows the worker of the session its first
 * request names. The worker that opens a long-polling session tells the primary so over IPC
 * while its answer goes to the client over TCP, and the client's next request (its CONNECT, at
 * once) can reach the primary first: sticky then chose a worker by load, one that did not hold
 * the session answered 400 "Session ID unknown", and the client's transport failed and started
 * again (2 of 300 such pairs on an idle machine). Such a request now waits until the session's
 * worker is known, at most unknownSessionWaitMs: a session that no worker holds any longer (its
 * worker died) is then refused as before, and its client opens another.
 */
function routeOnceSessionKnown(httpServer: HttpServer, sticky: EventEmitter): void {
	// Called after sticky's setupMaster: when this listener hears of a session, sticky has too.
	const sessions = new Map<string, number>();
	const waiting = new Map<string, Set<() => void>>();
	let waiters = 0;
	cluster.on('message', (worker, message: { type?: unknown; data?: unknown } | null) => {
		const sid = message?.data;
		if (typeof sid !== 'string') return;
		if (message?.type === 'sticky:connection') {
			sessions.set(sid, worker.id);
			for (const go of waiting.get(sid) ?? []) go();
		} else if (message?.type === 'sticky:disconnection') sessions.delete(sid);
	});
	cluster.on('exit', (worker) => {
		for (const [sid, id] of sessions) if (id === worker.id) sessions.delete(sid);
	});
	httpServer.on('connection', (socket: Socket) => {
		// Node's HTTP parser reads nothing here: sticky forwards the bytes, the worker parses them.
		socket.removeAllListeners('data');
		socket.once('data', (chunk: Buffer) => {
			socket.pause();
			const head = chunk.subarray(0, Math.max(0, chunk.indexOf('\r\n'))).toString('latin1');
			const sid = sessionInRequest.exec(head)?.[1];
			const others =
				sid === undefined || sessions.has(sid) ? null : (waiting.get(sid) ?? new Set());
			const waits =
				others !== null &&
				others.size < unknownSessionWaitersEach &&
				waiters < unknownSessionWaitersAll;
			const stopWaiting = () => {
				clearTimeout(timer);
				if (!others?.delete(go)) return;
				waiters--;
				if (others.size === 0) waiting.delete(sid!);
			};
			let handed = false;
			const go = () => {
				if (handed) return;
				handed = true;
				stopWaiting();
				socket.unshift(chunk);
				sticky.emit('connection', socket);
				socket.resume();
			};
			const timer = waits ? setTimeout(go, unknownSessionWaitMs) : undefined;
			if (!waits) return go();
			others.add(go);
			waiting.set(sid!, others);
			waiters++;
			socket.once('close', stopWaiting);
		});
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
	// sticky only listens for the connections routeOnceSessionKnown gives it.
	const sticky = new EventEmitter();
	setupMaster(sticky as HttpServer, { loadBalancingMethod: 'least-connection' });
	routeOnceSessionKnown(httpServer, sticky);
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
