import type { Server, Socket } from 'socket.io';
import type { Actor } from '$lib/domain/session/commands';
import type { SessionState } from '$lib/domain/session/types';
import {
	phoneOwnView,
	phoneSharedView,
	sentViewFor,
	viewJson,
	type PhoneOwnView,
	type Viewer
} from '$lib/domain/session/views';
import { sentView, type SentView } from '$lib/domain/session/sent-views';
import { diff, type DiffMemo, type PatchOp } from '$lib/realtime/view-patch';
import type { ConferenceView, DeviceRequest, Notice } from '$lib/realtime/conference-views';
import type {
	ClientToServerEvents,
	ServerToClientEvents,
	SocketData as ContractSocketData
} from '$lib/realtime/contract';
import type { App } from '../app';
import { sessionMayRead } from '../conference-access';
import type { Change } from '../change-bus';
import { glossaryForConference } from '../glossary';
import { waitingDevices } from '../identity';
import { describeError, log } from '../log';
import type { LoadedSession } from '../sessions';
import {
	memberSessionId,
	memberView,
	noticeOf,
	overview,
	plenumView,
	WatchedConferences
} from './conference-live';

/** What a socket is to a session: the viewer it sees as, the actor it commands as. */
export interface Binding {
	sessionId: string;
	viewer: Viewer;
	actor: Actor;
	/** Commands from this socket are stored under this scope (idempotency key owner). */
	scope: string;
}

/** A conference participant's phone: it follows its owner into their group. */
export interface Member {
	conferenceId: string;
	participantId: string;
	/** The device binding it uses; null for a badge link opened without a device cookie. */
	bindingId: string | null;
}

/** A device waiting to be let in under someone's name: it only hears when that is decided. */
export interface Claimant {
	conferenceId: string;
	/** Whose name it asked for. */
	participantId: string;
	/** Its (pending) device binding. */
	claim: string;
}

/** An organiser's overview or a plenum screen, watching a whole conference. */
export interface Watcher {
	conferenceId: string;
	kind: 'organiser' | 'plenum';
	/** An overview's sign-in (the session token's hash): checked again whenever it is sent to. */
	organiserSession?: string;
}

export interface SocketData extends ContractSocketData {
	/** The hash of the browser's device cookie; null when the handshake carried none. */
	device: string | null;
	binding: Binding | null;
	member: Member | null;
	watch: Watcher | null;
	claim: Claimant | null;
	/** The last waiting devices sent to this console, serialised. */
	lastClaims: string | null;
	/** The state and envelope fields last made for this socket: nothing changed, nothing to do. */
	lastState: SessionState | null;
	lastRest: string | null;
	/** The view version the client holds once what is on its way arrives; null: send it whole. */
	version: number | null;
	/** The envelope fields the client holds once what is on its way arrives. */
	restSent: string | null;
	/** A view or patch is on its way to this socket (handed to the transport, not yet written). */
	sending: boolean;
	/** Its viewer's views moved on meanwhile: what changed since `version` goes next. */
	pendingEntry: ViewerEntry | null;
	/** When this socket was last sent a full view it asked for, and the one it waits for. */
	resyncAt?: number;
	resyncTimer?: ReturnType<typeof setTimeout> | null;
	/** The last conference view sent, serialised. */
	lastConference: string | null;
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

/**
 * One viewer's view of a session as this process last made it, shared by that viewer's sockets:
 * kept per viewer, not per socket, and each change is diffed once per viewer.
 */
export interface ViewerEntry {
	state: SessionState;
	/** The session's event sequence number at which this view last changed. */
	version: number;
	/**
	 * The view, for screens and consoles. A phone keeps only its own part: the part every phone
	 * shares is diffed once per change for all of them (and made again from `state` on need).
	 */
	view: SentView | null;
	own: PhoneOwnView | null;
	/** The view serialised, made when a socket needs it whole. */
	json: string | null;
	/**
	 * The latest changes, oldest first, each from the version before it (RFC 6902 ops as JSON):
	 * the newest, and the older ones only while a socket waiting for its write still needs them.
	 */
	patches: { from: number; to: number; ops: string }[];
	/** This viewer's sockets whose next write waits for the one on its way, by version held. */
	behind: Map<SamradSocket, number>;
}

/**
 * What one broadcast sends, shared by the sockets of a session: the envelope's other fields once
 * per kind of viewer, and one memo of diffs of the parts viewers share.
 */
interface Frame {
	session: LoadedSession | null;
	/** Envelope fields after the view (`,"joinCode":…,"notice":…`), for phones and for others. */
	rest: { participant: string; other: string } | null;
	memo: DiffMemo;
	/** The change of the phones' shared part, by the state the phones held before. */
	phones: Map<SessionState, SharedChange>;
}

/** How the part every phone shares changed, once for all phones of a session. */
interface SharedChange {
	/** The operations serialised without their brackets ('' for none). */
	ops: string;
	/** A run came or went (its own fields would go with it): each phone is diffed whole. */
	whole: boolean;
}

/** An operation that adds, removes or replaces a whole run, the runs or the view. */
const wholeRun = (op: PatchOp) => /^(\/runs(\/\d+)?)?$/.test(op.path);

/**
 * The most time, and the most sessions, one turn of the event loop spends sending due sessions'
 * views before it lets waiting I/O (commands, acks) through: a burst across many sessions goes
 * out in slices. Thin slices: a whole group's command (a phase change, the next note, a heading)
 * that arrives while 200 groups' views are due is answered after at most three sessions' views,
 * not eight (in two pairs of bench runs at 2,000, 3 against 8 took the p95 of `cluster.create`
 * → ack from 157 and 368 ms to 45 and 61, and `phase.advance` from 116 and 199 to 83 and 74).
 */
const broadcastSliceMs = 3;
const broadcastSliceSessions = 3;

/**
 * The most changes kept per viewer for sockets a few versions behind (a slow phone, a polling
 * socket in a burst). Only changes such a socket still needs are kept: with every socket up to
 * date, the newest alone (at 2,000 participants, eight changes per viewer held 57 MB, a third of
 * the live heap, that no socket used).
 */
const patchesKept = 8;

/** A socket that asks for its full view again and again gets at most one per this interval. */
const resyncIntervalMs = 1000;

/**
 * Sends an event whose one argument is already JSON. The bytes are what socket.emit would send
 * (a socket.io EVENT packet on the main namespace), without serialising the payload again.
 */
function emitJson(socket: SamradSocket, event: string, json: string, written: () => void): boolean {
	if (socket.conn.readyState !== 'open') return false;
	socket.conn.write(`2[${JSON.stringify(event)},${json}]`, { compress: true }, written);
	return true;
}

/** A view or patch to write to a socket. */
type Written = { socket: SamradSocket; event: string; json: string };

const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const membersRoom = (conferenceId: string) => `conference:${conferenceId}:members`;
const watchersRoom = (conferenceId: string, kind: Watcher['kind']) =>
	`conference:${conferenceId}:${kind}`;
/** Every device of one person: their phones, and devices waiting to use their name. */
const personRoom = (conferenceId: string, participantId: string) =>
	`conference:${conferenceId}:person:${participantId}`;

function viewerKey(viewer: Viewer): string {
	return viewer.role === 'participant' ? `p:${viewer.participantId}` : viewer.role;
}

export function participantBinding(sessionId: string, participantId: string): Binding {
	return {
		sessionId,
		viewer: { role: 'participant', participantId },
		actor: { role: 'participant', participantId },
		scope: `s:${sessionId}:p:${participantId}`
	};
}

/** Live overviews are coalesced: at most one refresh per conference in this window. */
const liveThrottleMs = 150;

/** Glossary edits come one concept at a time: a burst of them reaches the room once, after this. */
const glossaryDelayMs = 1000;

/** A room of phones arriving binds many devices at once: devices pages reload once per burst. */
const devicesPageDelayMs = 500;

/**
 * Keeps track of which sockets watch which session or conference and sends each its own
 * view. Views are computed per recipient (once per distinct viewer per change) and never
 * shared across roles.
 */
/** What the hub uses: storage to read, the services whose state it shows, the phones' origin. */
export type HubDependencies = Pick<
	App,
	'stores' | 'conferences' | 'sessions' | 'joinOrigin' | 'presence'
>;

export class Hub {
	readonly #app: HubDependencies;
	readonly #io: SamradServer;
	/** Connected phones per session: participant id → number of sockets. */
	readonly #online = new Map<string, Map<string, number>>();
	/** Conference notices by conference id (null: none), read once and kept fresh on change. */
	readonly #notices = new Map<string, Notice | null>();
	/** Conference join codes by conference id (a code never changes), read once. */
	readonly #conferenceCodes = new Map<string, string | null>();
	readonly #liveTimers = new Map<string, ReturnType<typeof setTimeout>>();
	readonly #glossaryTimers = new Map<string, ReturnType<typeof setTimeout>>();
	readonly #identityTimers = new Map<string, ReturnType<typeof setTimeout>>();
	/** The conferences that overviews and plenum screens here watch, kept between refreshes. */
	readonly #watched: WatchedConferences;
	/** Each socket's last conference view on its way, so that the next one waits for it. */
	readonly #conferenceSends = new WeakMap<SamradSocket, Promise<void>>();
	/** Sessions whose views are to be sent once the current I/O is handled. */
	readonly #due = new Set<string>();
	#dueTimer: ReturnType<typeof setImmediate> | null = null;
	/**
	 * Views and patches of the slice being sent, written together once the slice's views are
	 * made: a socket write costs about the same whatever its size, and less when the writes
	 * follow each other than when each waits for the next viewer's view to be made (in a pair of
	 * profiled bench runs at 2,000, the writes of views took 4.3 s instead of 6.7).
	 */
	#slice: Written[] | null = null;
	/** Each session's views by viewer key, for the sockets of this process. */
	readonly #viewers = new Map<string, Map<string, ViewerEntry>>();

	constructor(app: HubDependencies, io: SamradServer) {
		this.#app = app;
		this.#io = io;
		// Members connected to another process changed: the overviews here count them again.
		app.presence.onMembers((conferenceId) => this.#scheduleLive(conferenceId));
		this.#watched = new WatchedConferences(app);
	}

	#sockets(room: string): SamradSocket[] {
		const ids = this.#io.sockets.adapter.rooms.get(room);
		if (!ids) return [];
		const sockets: SamradSocket[] = [];
		for (const id of ids) {
			const socket = this.#io.sockets.sockets.get(id);
			if (socket) sockets.push(socket);
		}
		return sockets;
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
		this.#forget(socket);
		void socket.join(sessionRoom(binding.sessionId));
		if (binding.viewer.role === 'participant') {
			const online = this.#onlineOf(binding.sessionId);
			online.set(binding.viewer.participantId, (online.get(binding.viewer.participantId) ?? 0) + 1);
			this.#app.presence.announce(binding.sessionId, [...online.keys()]);
			this.broadcast(binding.sessionId);
		} else {
			this.#withConference(binding.sessionId, () => {
				if (socket.data.binding !== binding) return;
				this.#send(socket, this.#frame(binding.sessionId));
				if (binding.viewer.role === 'facilitator') void this.#sendClaims(socket);
			});
		}
	}

	#forget(socket: SamradSocket): void {
		const data = socket.data;
		data.pendingEntry?.behind.delete(socket);
		data.lastState = null;
		data.lastRest = null;
		data.version = null;
		data.restSent = null;
		data.pendingEntry = null;
	}

	/**
	 * The client missed a version or could not apply a patch: its full view again, at most once
	 * per interval (a later ask in the interval is answered once, at its end).
	 */
	resync(socket: SamradSocket): void {
		const data = socket.data;
		const binding = data.binding;
		if (!binding || data.resyncTimer) return;
		const wait = (data.resyncAt ?? 0) + resyncIntervalMs - Date.now();
		if (wait > 0) {
			data.resyncTimer = setTimeout(() => {
				data.resyncTimer = null;
				if (socket.connected) this.resync(socket);
			}, wait);
			return;
		}
		data.resyncAt = Date.now();
		this.#forget(socket);
		this.#send(socket, this.#frame(binding.sessionId));
	}

	/** Detaches a socket from its session (disconnect, removal, moved group). */
	unbind(socket: SamradSocket): void {
		const binding = socket.data.binding;
		if (!binding) return;
		socket.data.binding = null;
		this.#forget(socket);
		void socket.leave(sessionRoom(binding.sessionId));
		if (!this.#io.sockets.adapter.rooms.get(sessionRoom(binding.sessionId))?.size)
			this.#viewers.delete(binding.sessionId);
		if (binding.viewer.role === 'participant') {
			const online = this.#onlineOf(binding.sessionId);
			const count = (online.get(binding.viewer.participantId) ?? 1) - 1;
			if (count <= 0) online.delete(binding.viewer.participantId);
			else online.set(binding.viewer.participantId, count);
			this.#app.presence.announce(binding.sessionId, [...online.keys()]);
			this.broadcast(binding.sessionId);
		}
	}

	/** Everything a socket is attached to goes when it disconnects. */
	disconnect(socket: SamradSocket): void {
		if (socket.data.resyncTimer) clearTimeout(socket.data.resyncTimer);
		this.unbind(socket);
		const member = socket.data.member;
		if (member) this.#membersChanged(member.conferenceId);
	}

	#onlineOf(sessionId: string): Map<string, number> {
		let online = this.#online.get(sessionId);
		if (!online) this.#online.set(sessionId, (online = new Map()));
		return online;
	}

	/** Ids of participants with at least one connected phone. */
	online(sessionId: string): string[] {
		const here = this.#online.get(sessionId)?.keys() ?? [];
		return [...new Set([...here, ...this.#app.presence.elsewhere(sessionId)])];
	}

	/**
	 * Sends every socket of a session its view, if it changed. Changes are coalesced: the views
	 * go out once the current batch of I/O is handled (right after the commands' acks), so
	 * commands that arrive together cost one view per socket, not one each.
	 */
	broadcast(sessionId: string): void {
		this.#due.add(sessionId);
		this.#dueTimer ??= setImmediate(() => this.#broadcastDue());
	}

	/**
	 * Sends the due sessions' views in slices of at most `broadcastSliceMs` and
	 * `broadcastSliceSessions` (at least one session each), oldest first, yielding to I/O between slices: acks and other sessions' notes are not
	 * held up behind a burst (one phase change across every group). A session made due again
	 * meanwhile stays in line once; each is sent its state at the time of its turn, so every
	 * socket ends with its final view.
	 */
	#broadcastDue(): void {
		this.#dueTimer = null;
		const deadline = performance.now() + broadcastSliceMs;
		let sent = 0;
		const slice: Written[] = (this.#slice = []);
		for (const sessionId of this.#due) {
			this.#due.delete(sessionId);
			this.#withConference(sessionId, () => {
				try {
					this.#broadcastNow(sessionId);
				} catch (error) {
					log.error('session.broadcast_failed', { sessionId, error: describeError(error) });
				}
			});
			if (++sent >= broadcastSliceSessions || performance.now() >= deadline) break;
		}
		// Written outside the slice: long-polling may call back inside a write, and what that
		// sends goes out at once.
		this.#slice = null;
		for (const { socket, event, json } of slice) this.#write(socket, event, json);
		if (this.#due.size > 0) this.#dueTimer ??= setImmediate(() => this.#broadcastDue());
	}

	/** Runs `then` once the notice and join code of the session's conference are known here. */
	#withConference(sessionId: string, then: () => void): void {
		const conferenceId = this.#app.sessions.loaded(sessionId)?.access.conferenceId;
		if (
			!conferenceId ||
			(this.#notices.has(conferenceId) && this.#conferenceCodes.has(conferenceId))
		)
			return then();
		void this.#loadConference(conferenceId).then(then, (error: unknown) =>
			log.error('session.broadcast_failed', { sessionId, error: describeError(error) })
		);
	}

	/** Reads a conference's notice and join code once; a changed notice is read again. */
	async #loadConference(conferenceId: string): Promise<void> {
		const conference = await this.#app.stores.conferences.find(conferenceId);
		this.#conferenceCodes.set(conferenceId, conference?.joinCode ?? null);
		this.#notices.set(conferenceId, conference ? noticeOf(conference) : null);
	}

	#broadcastNow(sessionId: string): void {
		const frame = this.#frame(sessionId);
		for (const socket of this.#sockets(sessionRoom(sessionId))) this.#send(socket, frame);
		const conferenceId = frame.session?.access.conferenceId;
		if (conferenceId) this.#scheduleLive(conferenceId);
	}

	#frame(sessionId: string): Frame {
		const session = this.#app.sessions.loaded(sessionId);
		if (!session) return { session, rest: null, memo: new WeakMap(), phones: new Map() };
		const { conferenceId } = session.access;
		const shared =
			`,"online":${JSON.stringify(this.online(sessionId))}` +
			`,"notice":${JSON.stringify(conferenceId ? this.#notice(conferenceId) : null)}`;
		// Screens and consoles show how to join; phones never do. A conference group's members
		// join through the conference's roster: its code, never the group session's own.
		const joinCode = conferenceId ? this.#conferenceCode(conferenceId) : session.access.joinCode;
		const joinPath = joinCode && `/${conferenceId ? 'k' : 'j'}/${joinCode}`;
		const joinUrl = joinPath && this.#app.joinOrigin ? `${this.#app.joinOrigin}${joinPath}` : null;
		return {
			session,
			memo: new WeakMap(),
			phones: new Map(),
			rest: {
				participant: `,"joinCode":null,"joinUrl":null${shared}`,
				other: `,"joinCode":${JSON.stringify(joinCode)},"joinUrl":${JSON.stringify(joinUrl)}${shared}`
			}
		};
	}

	/** Sends one socket what changed in its view; sockets of one viewer share the computed change. */
	#send(socket: SamradSocket, frame: Frame): void {
		const binding = socket.data.binding;
		if (!binding) return;
		const { session, rest } = frame;
		const fields = binding.viewer.role === 'participant' ? rest?.participant : rest?.other;
		// Same state, same envelope: this socket already has this view.
		if (session && session.state === socket.data.lastState && fields === socket.data.lastRest)
			return;
		const entry = session && fields !== undefined ? this.#entry(session, binding, frame) : null;
		if (!entry || !session || fields === undefined) {
			// A conference member moved out of a group simply waits for the next one.
			if (!socket.data.member) {
				// The session gone (deleted) for everyone; a person taken out of one still there.
				socket.emit('session.closed', {
					code: session && binding.viewer.role === 'participant' ? 'removed' : 'not_found'
				});
			}
			this.unbind(socket);
			return;
		}
		socket.data.lastState = session.state;
		socket.data.lastRest = fields;
		this.#deliver(socket, entry);
	}

	/**
	 * The viewer's view of the session's current state; on a change, its diff from the viewer's
	 * previous view, made once for all the viewer's sockets. Null when the viewer left.
	 */
	#entry(session: LoadedSession, binding: Binding, frame: Frame): ViewerEntry | null {
		let viewers = this.#viewers.get(binding.sessionId);
		if (!viewers) this.#viewers.set(binding.sessionId, (viewers = new Map()));
		const key = viewerKey(binding.viewer);
		const entry = viewers.get(key);
		if (entry?.state === session.state) return entry;
		const viewer = binding.viewer;
		if (viewer.role === 'participant') {
			const own = phoneOwnView(session.state, viewer.participantId);
			if (!own) {
				viewers.delete(key);
				return null;
			}
			if (!entry) return this.#created(viewers, key, session, null, own);
			const ops = this.#phoneOps(entry, viewer, own, session.state, frame);
			entry.state = session.state;
			entry.own = own;
			return this.#changed(entry, session, ops);
		}
		const view = sentViewFor(session.state, viewer);
		if (!view) {
			viewers.delete(key);
			return null;
		}
		if (!entry) return this.#created(viewers, key, session, view, null);
		const ops = diff(entry.view, view, frame.memo);
		entry.state = session.state;
		// Unchanged for this viewer: the view it holds stays (the equal new one dies young).
		if (ops.length > 0) entry.view = view;
		return this.#changed(entry, session, ops.length === 0 ? '' : JSON.stringify(ops).slice(1, -1));
	}

	#created(
		viewers: Map<string, ViewerEntry>,
		key: string,
		session: LoadedSession,
		view: SentView | null,
		own: PhoneOwnView | null
	): ViewerEntry {
		const created = {
			state: session.state,
			version: session.seq,
			view,
			own,
			json: null,
			patches: [],
			behind: new Map()
		};
		viewers.set(key, created);
		return created;
	}

	/** Records a change of the entry's view (operations without brackets; '' for none). */
	#changed(entry: ViewerEntry, session: LoadedSession, ops: string): ViewerEntry {
		// Unchanged for this viewer (another phone's note): its sockets are sent nothing.
		if (ops === '') return entry;
		// A socket holding the version before this change gets this patch; one waiting behind an
		// earlier write gets the changes since the version it holds. Older ones serve nobody.
		let oldest = entry.version;
		for (const version of entry.behind.values()) oldest = Math.min(oldest, version);
		const kept = entry.patches.filter((p) => p.from >= oldest);
		kept.push({ from: entry.version, to: session.seq, ops: `[${ops}]` });
		entry.patches = kept.length > patchesKept ? kept.slice(-patchesKept) : kept;
		entry.version = session.seq;
		entry.json = null;
		return entry;
	}

	/**
	 * What changed in a phone's view from the entry's state to `state`: the change of the part
	 * every phone shares (diffed and serialised once for the session's phones) and of its own
	 * part. When a run came or went, its view is diffed whole, made again from both states.
	 */
	#phoneOps(
		entry: ViewerEntry,
		viewer: Extract<Viewer, { role: 'participant' }>,
		own: PhoneOwnView,
		state: SessionState,
		frame: Frame
	): string {
		let shared = frame.phones.get(entry.state);
		if (!shared) {
			const ops = diff(
				sentView(phoneSharedView(entry.state)),
				sentView(phoneSharedView(state)),
				frame.memo
			);
			shared = { ops: JSON.stringify(ops).slice(1, -1), whole: ops.some(wholeRun) };
			frame.phones.set(entry.state, shared);
		}
		const ownOps = entry.own ? diff(entry.own, own) : null;
		if (shared.whole || !ownOps || ownOps.some(wholeRun)) {
			const ops = diff(sentViewFor(entry.state, viewer), sentViewFor(state, viewer), frame.memo);
			return ops.length === 0 ? '' : JSON.stringify(ops).slice(1, -1);
		}
		if (ownOps.length === 0) return shared.ops;
		const mine = JSON.stringify(ownOps).slice(1, -1);
		return shared.ops === '' ? mine : `${shared.ops},${mine}`;
	}

	/**
	 * What turns the view at `version` into the entry's current one: the changes since, composed
	 * (RFC 6902 operations concatenate); null when they are not kept or outweigh the whole view.
	 */
	#opsSince(entry: ViewerEntry, viewer: Viewer, version: number): string | null {
		if (version === entry.version) return '[]';
		const start = entry.patches.findIndex((p) => p.from === version);
		if (start < 0) return null;
		const chain = entry.patches.slice(start);
		if (chain.length === 1) return chain[0]!.ops;
		const parts = chain.map((p) => p.ops.slice(1, -1)).filter((ops) => ops !== '');
		const size = parts.reduce((sum, ops) => sum + ops.length, 0);
		if (size > this.#fullJson(entry, viewer).length / 2) return null;
		return `[${parts.join(',')}]`;
	}

	#fullJson(entry: ViewerEntry, viewer: Viewer): string {
		return (entry.json ??= viewJson(entry.state, viewer) ?? JSON.stringify(entry.view));
	}

	/**
	 * Writes what changed since the version the client holds: a patch, or the whole view when
	 * it holds none (just bound, asked again) or one too old. While a write is still on its way
	 * (a slow phone), later changes wait and then go as one composed patch: nothing is skipped,
	 * and a slow reader can neither fill the server's memory nor starve its own heartbeat.
	 */
	#deliver(socket: SamradSocket, entry: ViewerEntry): void {
		const data = socket.data;
		const binding = data.binding;
		const fields = data.lastRest;
		if (!binding || fields === null) return;
		if (data.sending) {
			if (data.pendingEntry !== entry) data.pendingEntry?.behind.delete(socket);
			data.pendingEntry = entry;
			if (data.version !== null) entry.behind.set(socket, data.version);
			return;
		}
		if (data.version === entry.version && fields === data.restSent) return;
		const ops = data.version === null ? null : this.#opsSince(entry, binding.viewer, data.version);
		const now = Date.now();
		const [event, json] =
			ops === null
				? [
						'session.view',
						`{"view":${this.#fullJson(entry, binding.viewer)},"version":${entry.version}${fields},"serverTime":${now}}`
					]
				: [
						'session.patch',
						`{"from":${data.version},"to":${entry.version},"ops":${ops}${fields === data.restSent ? '' : fields},"serverTime":${now}}`
					];
		// Marked before the write: long-polling calls back inside it when a poll is waiting.
		data.sending = true;
		data.version = entry.version;
		data.restSent = fields;
		if (this.#slice) this.#slice.push({ socket, event, json });
		else this.#write(socket, event, json);
	}

	#write(socket: SamradSocket, event: string, json: string): void {
		if (emitJson(socket, event, json, () => this.#written(socket))) return;
		const data = socket.data;
		data.sending = false;
		data.version = null;
		data.restSent = null;
	}

	/** A view or patch left for the client: what changed meanwhile, if anything, goes next. */
	#written(socket: SamradSocket): void {
		const data = socket.data;
		data.sending = false;
		const pending = data.pendingEntry;
		data.pendingEntry = null;
		pending?.behind.delete(socket);
		if (pending !== null) this.#deliver(socket, pending);
	}

	#conferenceCode(conferenceId: string): string | null {
		return this.#conferenceCodes.get(conferenceId) ?? null;
	}

	#notice(conferenceId: string): Notice | null {
		return this.#notices.get(conferenceId) ?? null;
	}

	// --- conferences ---------------------------------------------------------------------

	/** A member's phone: watch the conference and sit in their group's session. */
	attachMember(socket: SamradSocket, member: Member): void {
		socket.data.member = member;
		void socket.join([
			membersRoom(member.conferenceId),
			personRoom(member.conferenceId, member.participantId)
		]);
		void this.#placeMember(socket).then(() => this.#sendConference(socket));
		this.#membersChanged(member.conferenceId);
	}

	/** An organiser overview or plenum screen. */
	attachWatcher(socket: SamradSocket, watch: Watcher): void {
		socket.data.watch = watch;
		void socket.join(watchersRoom(watch.conferenceId, watch.kind));
		void this.#sendConference(socket);
	}

	/** Puts a member's socket into the session of their current group (or none). */
	async #placeMember(socket: SamradSocket): Promise<void> {
		const member = socket.data.member;
		if (!member) return;
		try {
			// The conference as kept for this process's views: a round's start moves every member
			// here, and one load serves them all (a change forgets it before anyone is placed).
			const sessionId = await memberSessionId(
				{ conferences: this.#watched, sessions: this.#app.sessions },
				member.conferenceId,
				member.participantId
			);
			if (socket.data.member !== member || socket.disconnected) return;
			if (!sessionId) return this.unbind(socket);
			this.bind(socket, participantBinding(sessionId, member.participantId));
		} catch (error) {
			log.error('conference.place_failed', { error: describeError(error) });
		}
	}

	/** A device waiting for a name: attached until someone decides. */
	attachClaimant(socket: SamradSocket, claimant: Claimant): void {
		socket.data.claim = claimant;
		void socket.join(personRoom(claimant.conferenceId, claimant.participantId));
	}

	async #conferenceView(socket: SamradSocket): Promise<ConferenceView | null> {
		const app = this.#app;
		if (socket.data.member) {
			const { conferenceId, participantId, bindingId } = socket.data.member;
			return await memberView(
				app,
				this.#watched,
				conferenceId,
				participantId,
				socket.data.lang,
				bindingId
			);
		}
		const watch = socket.data.watch;
		if (!watch) return null;
		if (watch.kind === 'plenum') return await plenumView(app, this.#watched, watch.conferenceId);
		return await overview(app, this.#watched, watch.conferenceId, socket.data.lang, {
			online: (id) => this.online(id),
			connected: this.#connectedPeople(watch.conferenceId)
		});
	}

	/**
	 * People with a phone connected to the conference, whether or not they sit in a group, on
	 * any process.
	 */
	#connectedPeople(conferenceId: string): number {
		const people = new Set(this.#membersHere(conferenceId));
		for (const id of this.#app.presence.membersElsewhere(conferenceId)) people.add(id);
		return people.size;
	}

	/** People with a phone connected to the conference on this process. */
	#membersHere(conferenceId: string): string[] {
		const people = new Set<string>();
		for (const socket of this.#sockets(membersRoom(conferenceId))) {
			if (socket.data.member) people.add(socket.data.member.participantId);
		}
		return [...people];
	}

	/** A member's phone came or went here: overviews here and on the other processes count again. */
	#membersChanged(conferenceId: string): void {
		this.#scheduleLive(conferenceId);
		this.#app.presence.announceMembers(conferenceId, () => this.#membersHere(conferenceId));
	}

	/** A socket's language changed: its conference view (group names are per language) again. */
	languageChanged(socket: SamradSocket): void {
		void this.#sendConference(socket);
	}

	/** Sends a socket its conference view; one socket's views go out in the order asked. */
	#sendConference(socket: SamradSocket): Promise<void> {
		const before = this.#conferenceSends.get(socket) ?? Promise.resolve();
		const sent = before.then(() => this.#sendConferenceNow(socket));
		this.#conferenceSends.set(socket, sent);
		return sent;
	}

	/**
	 * A socket has no conference view: the conference it watches (overview, plenum) or belongs to
	 * (a member's phone) was deleted, or the member is no longer in it (erased from the roster).
	 * The device is told, clears what it shows and keeps (its page, its last view), and is closed.
	 */
	async #closeIfGone(socket: SamradSocket): Promise<void> {
		const conferenceId = socket.data.member?.conferenceId ?? socket.data.watch?.conferenceId;
		if (!conferenceId) return;
		const conference = await this.#app.stores.conferences.find(conferenceId);
		if ((conference && !socket.data.member) || socket.disconnected) return;
		socket.emit('session.closed', { code: conference ? 'removed' : 'not_found' });
		socket.disconnect(true);
	}

	/** A deleted conference: every device of it here (members, overviews, plenum) is closed. */
	#closeConference(conferenceId: string): void {
		this.#watched.forget(conferenceId);
		const rooms = [
			membersRoom(conferenceId),
			watchersRoom(conferenceId, 'organiser'),
			watchersRoom(conferenceId, 'plenum')
		];
		for (const socket of rooms.flatMap((room) => this.#sockets(room))) {
			socket.emit('session.closed', { code: 'not_found' });
			socket.disconnect(true);
		}
	}

	async #sendConferenceNow(socket: SamradSocket): Promise<void> {
		try {
			const watch = socket.data.watch;
			// Signed out, disabled, or no longer sharing the conference: the overview closes.
			if (
				watch?.organiserSession !== undefined &&
				!(await sessionMayRead(
					this.#app.stores.organisers,
					watch.organiserSession,
					watch.conferenceId,
					Date.now()
				))
			) {
				socket.disconnect(true);
				return;
			}
			const view = await this.#conferenceView(socket);
			if (socket.disconnected) return;
			if (!view) return await this.#closeIfGone(socket);
			const json = JSON.stringify(view);
			// Nothing it shows changed (a ballot in a group, say): nothing is sent.
			if (json === socket.data.lastConference) return;
			socket.data.lastConference = json;
			const envelope = `{"view":${json},"serverTime":${Date.now()}}`;
			if (!emitJson(socket, 'conference.view', envelope, () => {}))
				socket.data.lastConference = null;
		} catch (error) {
			log.error('conference.view_failed', { error: describeError(error) });
		}
	}

	/** A change published on the app's bus: the views it concerns are made and sent again. */
	refresh(change: Change): void {
		// Before anything else: no view is made from a kept copy older than this change.
		if (change.type !== 'session') this.#watched.forget(change.conferenceId);
		switch (change.type) {
			case 'session':
				return this.broadcast(change.sessionId);
			case 'identity':
				return void this.#refreshIdentity(change.conferenceId, change);
			case 'conference':
				if (change.what === 'glossary') return this.#refreshGlossary(change.conferenceId);
				return void this.#refreshConference(change.conferenceId, change.what);
		}
	}

	/**
	 * A conference changed: its structure (rounds, groups, people — phones may move to another
	 * session), its notice (every screen and phone shows it), what the plenum presents, or who
	 * may watch it (overviews are checked again and closed when no longer allowed).
	 */
	async #refreshConference(
		conferenceId: string,
		what: 'structure' | 'notice' | 'plenum' | 'access'
	): Promise<void> {
		try {
			if (what === 'structure' && !(await this.#app.stores.conferences.find(conferenceId)))
				return this.#closeConference(conferenceId);
			if (what === 'notice') this.#notices.delete(conferenceId);
			if (what !== 'plenum' && what !== 'access') {
				await Promise.all(
					this.#sockets(membersRoom(conferenceId)).map(async (socket) => {
						if (what === 'structure') await this.#placeMember(socket);
						await this.#sendConference(socket);
					})
				);
				const sessionIds = await this.#app.stores.sessions.listConferenceSessionIds(conferenceId);
				for (const sessionId of sessionIds) this.broadcast(sessionId);
			}
			// People moved between groups: another console now decides about their devices.
			if (what === 'structure') await this.#refreshClaims(conferenceId);
			await this.#refreshWatchers(conferenceId);
		} catch (error) {
			log.error('conference.refresh_failed', { conferenceId, error: describeError(error) });
		}
	}

	/**
	 * Which device may use one person's name changed: a device no longer allowed is signed out
	 * at once and told why; their phones show who asks for the name; a waiting device hears the
	 * decision; consoles see the requests of their group; organiser pages follow.
	 */
	async #refreshIdentity(
		conferenceId: string,
		change: Extract<Change, { type: 'identity' }>
	): Promise<void> {
		try {
			const bindings = new Map(
				(await this.#app.stores.deviceBindings.listOf(change.participantId)).map((b) => [b.id, b])
			);
			for (const socket of this.#sockets(personRoom(conferenceId, change.participantId))) {
				const bindingId = socket.data.member?.bindingId;
				const claim = socket.data.claim?.claim;
				if (bindingId && bindings.get(bindingId)?.status !== 'active') {
					socket.emit('session.closed', { code: 'released' });
					socket.disconnect(true);
				} else if (claim) {
					if (bindings.get(claim)?.status !== 'pending') socket.emit('identity.changed');
				} else {
					void this.#sendConference(socket);
				}
			}
			// Only requests reach consoles and the overview; a device simply bound changes neither.
			if (change.waiting) {
				await this.#refreshClaims(conferenceId);
				this.#scheduleLive(conferenceId);
			}
			this.#scheduleDevicesPages(conferenceId);
		} catch (error) {
			log.error('conference.identity_failed', { conferenceId, error: describeError(error) });
		}
	}

	/** Organisers' devices pages load again, once for a burst of changes (a room arriving). */
	#scheduleDevicesPages(conferenceId: string): void {
		if (this.#identityTimers.has(conferenceId)) return;
		this.#identityTimers.set(
			conferenceId,
			setTimeout(() => {
				this.#identityTimers.delete(conferenceId);
				for (const socket of this.#sockets(watchersRoom(conferenceId, 'organiser')))
					socket.emit('identity.changed');
			}, devicesPageDelayMs)
		);
	}

	/** Sends every console of the conference the devices waiting in its group. */
	async #refreshClaims(conferenceId: string): Promise<void> {
		const [waiting, sessionIds] = await Promise.all([
			this.#waiting(conferenceId),
			this.#app.stores.sessions.listConferenceSessionIds(conferenceId)
		]);
		for (const sessionId of sessionIds) {
			for (const socket of this.#sockets(sessionRoom(sessionId))) {
				if (socket.data.binding?.viewer.role === 'facilitator')
					void this.#sendClaims(socket, waiting);
			}
		}
	}

	async #waiting(conferenceId: string): Promise<(DeviceRequest & { sessionId: string | null })[]> {
		const participants = await this.#app.stores.conferences.participants(conferenceId);
		const names = new Map(participants.map((p) => [p.id, p.name]));
		return (await waitingDevices(this.#app, conferenceId)).map((w) => ({
			id: w.id,
			name: names.get(w.participantId) ?? '',
			device: w.device,
			checkCode: w.checkCode,
			at: w.at,
			sessionId: w.sessionId
		}));
	}

	/** A console's devices waiting for a name of its group (sent when they change). */
	async #sendClaims(
		socket: SamradSocket,
		waiting?: (DeviceRequest & { sessionId: string | null })[]
	): Promise<void> {
		const sessionId = socket.data.binding?.sessionId;
		const conferenceId = sessionId
			? this.#app.sessions.loaded(sessionId)?.access.conferenceId
			: null;
		if (!sessionId || !conferenceId) return;
		const claims: DeviceRequest[] = (waiting ?? (await this.#waiting(conferenceId)))
			.filter((w) => w.sessionId === sessionId)
			.map(({ id, name, device, checkCode, at }) => ({ id, name, device, checkCode, at }));
		const json = JSON.stringify(claims);
		if (json === socket.data.lastClaims) return;
		socket.data.lastClaims = json;
		socket.emit('identity.claims', { claims });
	}

	async #refreshWatchers(conferenceId: string): Promise<void> {
		let watchers = 0;
		for (const kind of ['organiser', 'plenum'] as const) {
			for (const socket of this.#sockets(watchersRoom(conferenceId, kind))) {
				watchers++;
				void this.#sendConference(socket);
			}
		}
		// Nobody here shows it any more (no overview, plenum screen or member's phone, whose
		// leaving schedules this): nothing of it is kept.
		if (watchers === 0 && this.#sockets(membersRoom(conferenceId)).length === 0)
			this.#watched.forget(conferenceId);
	}

	/** Runs one asynchronous refresh: a failure is logged, never thrown at an event handler. */
	async #logged(event: string, conferenceId: string, work: () => Promise<void>): Promise<void> {
		try {
			await work();
		} catch (error) {
			log.error(event, { conferenceId, error: describeError(error) });
		}
	}

	/** Refreshes overviews and plenum screens soon, once for a burst of changes. */
	#scheduleLive(conferenceId: string): void {
		if (this.#liveTimers.has(conferenceId)) return;
		this.#liveTimers.set(
			conferenceId,
			setTimeout(() => {
				this.#liveTimers.delete(conferenceId);
				void this.#logged('conference.live_failed', conferenceId, () =>
					this.#refreshWatchers(conferenceId)
				);
			}, liveThrottleMs)
		);
	}

	/**
	 * The organiser edited the glossary: every phone, screen, console and plenum screen of the
	 * conference gets it (it holds nothing private), once for a burst of edits.
	 */
	#refreshGlossary(conferenceId: string): void {
		if (this.#glossaryTimers.has(conferenceId)) return;
		this.#glossaryTimers.set(
			conferenceId,
			setTimeout(() => {
				this.#glossaryTimers.delete(conferenceId);
				void this.#sendGlossary(conferenceId);
			}, glossaryDelayMs)
		);
	}

	async #sendGlossary(conferenceId: string): Promise<void> {
		try {
			if (!(await this.#app.stores.conferences.find(conferenceId))) return;
			const sessionIds = await this.#app.stores.sessions.listConferenceSessionIds(conferenceId);
			const rooms = [
				membersRoom(conferenceId),
				watchersRoom(conferenceId, 'plenum'),
				...sessionIds.map(sessionRoom)
			];
			// Every process hears the change and tells its own sockets.
			this.#io.local
				.to(rooms)
				.emit('glossary', await glossaryForConference(this.#app, conferenceId));
		} catch (error) {
			log.error('conference.glossary_failed', { conferenceId, error: describeError(error) });
		}
	}

	/** Stops pending refreshes (shutdown). */
	close(): void {
		if (this.#dueTimer) clearImmediate(this.#dueTimer);
		this.#dueTimer = null;
		this.#due.clear();
		const timers = [this.#liveTimers, this.#glossaryTimers, this.#identityTimers];
		for (const map of timers) {
			for (const timer of map.values()) clearTimeout(timer);
			map.clear();
		}
	}
}
