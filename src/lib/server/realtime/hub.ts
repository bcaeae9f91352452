import type { Server, Socket } from 'socket.io';
import type { Actor } from '$lib/domain/session/commands';
import { viewFor, type Viewer } from '$lib/domain/session/views';
import type {
	ClientToServerEvents,
	ServerToClientEvents,
	SocketData as ContractSocketData,
	ViewEnvelope
} from '$lib/realtime/contract';
import type { App } from '../app';

/** What a socket is to a session: the viewer it sees as, the actor it commands as. */
export interface Binding {
	sessionId: string;
	viewer: Viewer;
	actor: Actor;
	/** Commands from this socket are stored under this scope (idempotency key owner). */
	scope: string;
}

export interface SocketData extends ContractSocketData {
	binding: Binding | null;
	/** The last view sent, serialised: identical views are not sent again. */
	lastView: string | null;
}

export type SamradServer = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;
export type SamradSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;

/** Views computed during one broadcast, by viewer; null when the viewer is gone. */
type ViewCache = Map<string, { envelope: Omit<ViewEnvelope, 'serverTime'>; json: string } | null>;

function room(sessionId: string): string {
	return `session:${sessionId}`;
}

function viewerKey(viewer: Viewer): string {
	return viewer.role === 'participant' ? `p:${viewer.participantId}` : viewer.role;
}

/**
 * Keeps track of which sockets watch which session and sends each its own view. Views are
 * computed per recipient (once per distinct viewer per change) and never shared across roles.
 */
export class Hub {
	readonly #app: App;
	readonly #io: SamradServer;
	/** Connected phones per session: participant id → number of sockets. */
	readonly #online = new Map<string, Map<string, number>>();

	constructor(app: App, io: SamradServer) {
		this.#app = app;
		this.#io = io;
	}

	/** Attaches a socket to a session and sends it the current view. */
	bind(socket: SamradSocket, binding: Binding): void {
		const previous = socket.data.binding;
		if (
			previous &&
			previous.sessionId === binding.sessionId &&
			viewerKey(previous.viewer) === viewerKey(binding.viewer)
		) {
			return;
		}
		if (previous) this.unbind(socket);
		socket.data.binding = binding;
		socket.data.lastView = null;
		void socket.join(room(binding.sessionId));
		if (binding.viewer.role === 'participant') {
			const online = this.#onlineOf(binding.sessionId);
			online.set(binding.viewer.participantId, (online.get(binding.viewer.participantId) ?? 0) + 1);
			this.broadcast(binding.sessionId);
		} else {
			this.#send(socket, new Map());
		}
	}

	/** Detaches a socket (disconnect or removal); presence changes are broadcast. */
	unbind(socket: SamradSocket): void {
		const binding = socket.data.binding;
		if (!binding) return;
		socket.data.binding = null;
		socket.data.lastView = null;
		void socket.leave(room(binding.sessionId));
		if (binding.viewer.role === 'participant') {
			const online = this.#onlineOf(binding.sessionId);
			const count = (online.get(binding.viewer.participantId) ?? 1) - 1;
			if (count <= 0) online.delete(binding.viewer.participantId);
			else online.set(binding.viewer.participantId, count);
			this.broadcast(binding.sessionId);
		}
	}

	#onlineOf(sessionId: string): Map<string, number> {
		let online = this.#online.get(sessionId);
		if (!online) this.#online.set(sessionId, (online = new Map()));
		return online;
	}

	/** Ids of participants with at least one connected phone. */
	online(sessionId: string): string[] {
		return [...(this.#online.get(sessionId)?.keys() ?? [])];
	}

	/** Sends every socket of a session its view, if it changed. */
	broadcast(sessionId: string): void {
		const ids = this.#io.sockets.adapter.rooms.get(room(sessionId));
		if (!ids) return;
		const cache: ViewCache = new Map();
		for (const id of ids) {
			const socket = this.#io.sockets.sockets.get(id);
			if (socket) this.#send(socket, cache);
		}
	}

	/** Sends one socket its view; `cache` shares computed views between sockets of one viewer. */
	#send(socket: SamradSocket, cache: ViewCache): void {
		const binding = socket.data.binding;
		if (!binding) return;
		const key = viewerKey(binding.viewer);
		let computed = cache.get(key);
		if (computed === undefined) {
			const envelope = this.#envelope(binding);
			computed = envelope ? { envelope, json: JSON.stringify(envelope) } : null;
			cache.set(key, computed);
		}
		if (computed === null) {
			socket.emit('session.closed', {
				code: binding.viewer.role === 'participant' ? 'removed' : 'not_found'
			});
			this.unbind(socket);
			return;
		}
		if (computed.json === socket.data.lastView) return;
		socket.data.lastView = computed.json;
		socket.emit('session.view', { ...computed.envelope, serverTime: Date.now() });
	}

	#envelope(binding: Binding): Omit<ViewEnvelope, 'serverTime'> | null {
		const session = this.#app.sessions.get(binding.sessionId);
		if (!session) return null;
		const view = viewFor(session.state, binding.viewer);
		if (!view) return null;
		const showJoin = binding.viewer.role !== 'participant';
		const code = session.access.joinCode;
		const envelope: Omit<ViewEnvelope, 'serverTime'> = {
			view,
			joinCode: showJoin ? code : null,
			joinUrl: showJoin && this.#app.joinOrigin ? `${this.#app.joinOrigin}/j/${code}` : null,
			online: this.online(binding.sessionId)
		};
		return envelope;
	}
}
