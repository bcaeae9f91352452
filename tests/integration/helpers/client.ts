/** socket.io-client helpers: real sockets against a TestServer, recording all they receive. */
import type { ConferenceView } from '$lib/realtime/conference-views';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
	Ack,
	ClientToServerEvents,
	CommandName,
	CommandPayload,
	Handshake,
	ResultOf,
	PatchEnvelope,
	ServerToClientEvents,
	ViewEnvelope
} from '$lib/realtime/contract';
import { PatchedView, type PatchOutcome } from '$lib/realtime/patched-view';
import { shownView } from '$lib/domain/session/sent-views';
import type { SessionView } from '$lib/domain/session/views';
import { applyPatch } from '$lib/realtime/view-patch';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Client-made ids, as the contract requires. */
export const clientIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh client-made id (24 URL-safe characters). */
export function newId(): string {
	return randomBytes(18).toString('base64url');
}

/** Something this socket received: a server event, an ack, or a raw transport message. */
export interface Frame {
	kind: 'event' | 'ack';
	/** Event name, or the command name an ack answers. */
	name: string;
	args: unknown[];
}

export interface ConnectOptions {
	/** Handshake auth; omitted means an anonymous guest. */
	auth?: Partial<Handshake>;
	/** Origin header to send; undefined sends none (as Node clients do). */
	origin?: string;
	/** Extra request headers (cookie, accept-language …). */
	headers?: Record<string, string>;
	/** Defaults to websocket only: fast and deterministic. */
	transports?: ('websocket' | 'polling')[];
	timeoutMs?: number;
	/**
	 * Reconnect by itself after a lost connection, as the browser client does (the same socket
	 * object for the whole test; the server sends a full view on every reconnect).
	 */
	reconnect?: boolean;
}

/** A connected socket with a log of everything it received. */
/** A view envelope as the client shows it (see sent-views.ts). */
export type ShownEnvelope = Omit<ViewEnvelope, 'view'> & { view: SessionView };

export class TestClient {
	readonly socket: ClientSocket;
	/** Server events and acks, in order of arrival. */
	readonly frames: Frame[] = [];
	/** Every view this socket held: each full 'session.view', and each view a patch made, in order. */
	readonly views: ShownEnvelope[] = [];
	/** Every 'session.patch' received, and what applying it did. */
	readonly patches: { patch: PatchEnvelope; outcome: PatchOutcome | 'dropped' }[] = [];
	/** How many full views this socket asked for (a missed version, a patch that did not fit). */
	resyncs = 0;
	/** Makes the client lose a patch before it is applied (a missed version). */
	dropPatch: ((patch: PatchEnvelope) => boolean) | null = null;
	readonly #held = new PatchedView<ViewEnvelope>();
	/** Raw engine.io messages (the actual bytes on the wire, as text). */
	readonly raw: string[] = [];
	#viewWaiters: {
		predicate: (v: ShownEnvelope) => boolean;
		resolve: (v: ShownEnvelope) => void;
	}[] = [];

	constructor(socket: ClientSocket) {
		this.socket = socket;
		socket.onAny((name: string, ...args: unknown[]) => {
			this.frames.push({ kind: 'event', name, args });
		});
		socket.on('session.view', (envelope) => {
			this.#held.full(envelope, envelope.version);
			this.#received(envelope);
		});
		socket.on('session.patch', (patch) => this.#patched(patch));
	}

	/** Applies a patch as the browser client does: to the whole envelope, asking again on a gap. */
	#patched(patch: PatchEnvelope): void {
		if (this.dropPatch?.(patch)) {
			this.patches.push({ patch, outcome: 'dropped' });
			return;
		}
		const { from, to, ops, serverTime, ...fields } = patch;
		const inEnvelope = ops.map((op) => ({ ...op, path: `/view${op.path}` }));
		const outcome = this.#held.patch({ from, to, ops: inEnvelope }, applyPatch);
		this.patches.push({ patch, outcome });
		if (outcome === 'gap' || outcome === 'broken') {
			this.resyncs++;
			this.socket.emit('session.resync');
			return;
		}
		if (outcome !== 'applied') return;
		const envelope: ViewEnvelope = { ...this.#held.view!, ...fields, version: to, serverTime };
		this.#held.full(envelope, to);
		this.#received(envelope);
	}

	#received(sent: ViewEnvelope): void {
		// As the browser client shows it: every item's and row's label back from the notes.
		const envelope: ShownEnvelope = { ...sent, view: shownView(sent.view) };
		this.views.push(envelope);
		this.#viewWaiters = this.#viewWaiters.filter((waiter) => {
			if (!waiter.predicate(envelope)) return true;
			waiter.resolve(envelope);
			return false;
		});
	}

	/** The latest view received. */
	get view(): ShownEnvelope | undefined {
		return this.views.at(-1);
	}

	/** Everything received as one text, for "this secret never reached this socket" checks. */
	receivedText(): string {
		return [...this.raw, ...this.frames.map((f) => JSON.stringify(f.args))].join('\n');
	}

	/** Sends a command and waits for its ack. */
	async command<N extends CommandName>(
		name: N,
		payload: CommandPayload<N>,
		timeoutMs = 5_000
	): Promise<Ack<ResultOf<N>>> {
		return (await this.send(name, payload, timeoutMs)) as Ack<ResultOf<N>>;
	}

	/** Sends any event with any payload (malformed ones too) and waits for the ack. */
	async send(name: string, payload: unknown, timeoutMs = 5_000): Promise<unknown> {
		const socket = this.socket as unknown as Socket;
		const answer: unknown = await socket.timeout(timeoutMs).emitWithAck(name, payload);
		this.frames.push({ kind: 'ack', name, args: [answer] });
		return answer;
	}

	/** The first view (already received or still to come) that satisfies the predicate. */
	waitForView(
		predicate: (envelope: ShownEnvelope) => boolean = () => true,
		timeoutMs = 5_000
	): Promise<ShownEnvelope> {
		const seen = this.views.find(predicate);
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#viewWaiters = this.#viewWaiters.filter((w) => w.resolve !== done);
				reject(new Error(`no matching session.view within ${timeoutMs} ms`));
			}, timeoutMs);
			const done = (envelope: ShownEnvelope) => {
				clearTimeout(timer);
				resolve(envelope);
			};
			this.#viewWaiters.push({ predicate, resolve: done });
		});
	}

	/** Resolves with the disconnect reason (or at once if already disconnected). */
	disconnected(timeoutMs = 5_000): Promise<string> {
		if (!this.socket.connected) return Promise.resolve('already disconnected');
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`still connected after ${timeoutMs} ms`)),
				timeoutMs
			);
			this.socket.once('disconnect', (reason) => {
				clearTimeout(timer);
				resolve(reason);
			});
		});
	}

	/** Drops the connection from the client's side (the transport closes, as on a lost network). */
	dropConnection(): void {
		this.socket.io.engine?.close();
	}

	close(): void {
		this.socket.disconnect();
	}
}

function createSocket(url: string, options: ConnectOptions): ClientSocket {
	const headers: Record<string, string> = { ...options.headers };
	if (options.origin !== undefined) headers.origin = options.origin;
	return io(url, {
		auth: options.auth ?? {},
		transports: options.transports ?? ['websocket'],
		extraHeaders: headers,
		reconnection: options.reconnect ?? false,
		reconnectionDelay: 50,
		reconnectionDelayMax: 250,
		forceNew: true,
		timeout: options.timeoutMs ?? 5_000
	});
}

/** Connects and resolves once connected; rejects with the server's reason if refused. */
export function connect(
	server: { url: string },
	options: ConnectOptions = {}
): Promise<TestClient> {
	const socket = createSocket(server.url, options);
	const client = new TestClient(socket);
	// Record raw engine.io messages of every transport this manager opens.
	socket.io.on('open', () => {
		socket.io.engine.on('data', (data: unknown) => {
			client.raw.push(
				typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString()
			);
		});
	});
	const timeoutMs = options.timeoutMs ?? 5_000;
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (error: Error) => {
			if (settled) return;
			settle();
			socket.disconnect();
			reject(error);
		};
		// A server that dies mid-handshake sends neither connect nor connect_error. (A refusal
		// closes the manager just before connect_error is emitted: let that error win.)
		const closed = (reason: string) => {
			setImmediate(() => fail(new Error(`connection closed: ${reason}`)));
		};
		const timer = setTimeout(
			() => fail(new Error(`not connected after ${timeoutMs} ms`)),
			timeoutMs
		);
		const settle = () => {
			settled = true;
			clearTimeout(timer);
			socket.io.off('close', closed);
			socket.off('connect', connected);
			socket.off('connect_error', fail);
		};
		const connected = () => {
			if (settled) return;
			settle();
			resolve(client);
		};
		socket.io.on('close', closed);
		socket.on('connect', connected);
		socket.on('connect_error', fail);
	});
}

/** Connects where a refusal is expected; resolves with the error, rejects if it connected. */
export async function connectRefused(
	server: { url: string },
	options: ConnectOptions = {}
): Promise<Error> {
	let client: TestClient;
	try {
		client = await connect(server, options);
	} catch (error) {
		return error as Error;
	}
	client.close();
	throw new Error('the connection was accepted');
}

/** The conference views a socket received, oldest first. */
export function conferenceViews<T extends ConferenceView>(client: TestClient): T[] {
	return client.frames
		.filter((f) => f.kind === 'event' && f.name === 'conference.view')
		.map((f) => (f.args[0] as { view: T }).view);
}
