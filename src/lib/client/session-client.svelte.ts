import { io, type Socket } from 'socket.io-client';
import type { GlossaryData } from '$lib/domain/glossary/types';
import type { SessionView } from '$lib/domain/session/views';
import { shownView, type SentView } from '$lib/domain/session/sent-views';
import type { ConferenceView, DeviceRequest, Notice } from '$lib/realtime/conference-views';
import type { Language } from '$lib/domain/session/types';
import type {
	Ack,
	ClientToServerEvents,
	CommandInput,
	CommandName,
	ResultOf,
	ServerToClientEvents,
	PatchEnvelope,
	SuggestionView,
	ViewEnvelope
} from '$lib/realtime/contract';
import type { PatchReceiver } from './patch-receiver';
import { newId } from './ids';
import { Outbox, type OutboxEntry } from './outbox.svelte';
import { safeStorage } from './storage';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How a socket identifies itself when it (re)connects. */
export interface ClientAuth {
	role: 'guest' | 'participant' | 'screen' | 'facilitator' | 'member' | 'organiser' | 'plenum';
	token?: string;
	/** The conference an organiser's overview watches. */
	conferenceId?: string;
	lang?: Language;
}

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface SessionClientOptions {
	/** Read at every (re)connect, so a token obtained by joining is used from then on. */
	auth: () => ClientAuth;
	/** localStorage key of the outbox; null keeps it in memory only. */
	outboxKey: string | null;
	/** The server no longer accepts this identity (removed, session gone, bad token, signed out). */
	onRejected?: (reason: 'removed' | 'not_found' | 'unauthenticated' | 'released') => void;
	/** A waiting device's request was decided, or (organiser) devices changed. */
	onIdentityChanged?: () => void;
	/** Every (re)connect: what changed while there was no connection is not pushed again. */
	onConnect?: () => void;
	/** The page's glossary, kept current when the organiser edits it during the day. */
	glossary?: { set(data: GlossaryData): void } | null;
}

const ackTimeoutMs = 10_000;

/** A ranking (or a blank vote) for one question; voterId when a facilitator enters it. */
export type BallotPayload = {
	questionId: string;
	ranking: string[];
	blank?: boolean;
	voterId?: string;
};

function sameBallot(entry: OutboxEntry, ballot: Pick<BallotPayload, 'questionId' | 'voterId'>) {
	return (
		entry.name === 'ballot.cast' &&
		entry.payload.questionId === ballot.questionId &&
		entry.payload.voterId === ballot.voterId
	);
}

/**
 * A live connection to one session: the latest view for this viewer, connection status,
 * the server clock offset for timers, and the outbox of commands.
 */
export class SessionClient {
	#view = $state.raw<SessionView | null>(null);
	#joinCode = $state<string | null>(null);
	#joinUrl = $state<string | null>(null);
	#online = $state.raw<string[]>([]);
	#notice = $state.raw<Notice | null>(null);
	#conference = $state.raw<ConferenceView | null>(null);
	#claims = $state.raw<DeviceRequest[]>([]);
	/** The last whole view (or one made by a patch), which the next patch starts from. */
	#full: ViewEnvelope | null = null;
	/** The patch code, loaded when the first patch comes, after the page is usable. */
	#receiving: Promise<PatchReceiver> | null = null;
	#status = $state<ConnectionStatus>('connecting');
	#offset = 0;
	#socket: ClientSocket | null = null;
	/** Who the current connection's handshake said it was (read when it was sent). */
	#handshakeRole: ClientAuth['role'] | null = null;
	/** The language the server makes this socket's views in. */
	#lang: Language | null = null;
	#options: SessionClientOptions;
	readonly outbox: Outbox;

	constructor(options: SessionClientOptions) {
		this.#options = options;
		this.outbox = new Outbox(options.outboxKey);
		// A phone reloaded without a connection shows what it last knew, with its unsent notes.
		const cached = this.#viewKey ? safeStorage.read<SentView>(this.#viewKey) : null;
		if (cached?.role === 'participant') this.#view = shownView(cached);
	}

	/** Where a participant's last view is kept (only for clients with a persistent outbox). */
	get #viewKey(): string | null {
		return this.#options.outboxKey ? `${this.#options.outboxKey}.view` : null;
	}

	/** Forgets what this device kept (the person left or was removed). */
	forget(): void {
		if (this.#viewKey) safeStorage.remove(this.#viewKey);
		this.#view = null;
	}

	get view(): SessionView | null {
		return this.#view;
	}
	get joinCode(): string | null {
		return this.#joinCode;
	}
	get joinUrl(): string | null {
		return this.#joinUrl;
	}
	/** Participant ids with a phone connected. */
	get online(): string[] {
		return this.#online;
	}
	get status(): ConnectionStatus {
		return this.#status;
	}
	/** The conference's message to every screen and phone, if any. */
	get notice(): Notice | null {
		return this.#conference && 'notice' in this.#conference
			? this.#conference.notice
			: this.#notice;
	}
	/** Conference-wide view (member phone, organiser overview, plenum screen). */
	get conference(): ConferenceView | null {
		return this.#conference;
	}
	/** A console: devices asking for the name of someone in its group. */
	get claims(): DeviceRequest[] {
		return this.#claims;
	}

	/** The role the current connection's handshake carried (null before the first). */
	get handshakeRole(): ClientAuth['role'] | null {
		return this.#handshakeRole;
	}

	/** Server time now (ms), for advisory timers. */
	now(): number {
		return Date.now() + this.#offset;
	}

	connect(): void {
		if (this.#socket) return;
		const socket: ClientSocket = io({
			auth: (cb) => {
				const auth = this.#options.auth();
				this.#lang = auth.lang ?? null;
				this.#handshakeRole = auth.role;
				cb({ ...auth });
			},
			reconnectionDelay: 500,
			reconnectionDelayMax: 5000
		});
		this.#socket = socket;
		socket.on('connect', () => {
			this.#status = 'online';
			this.outbox.attach((entry) => this.#emit(entry));
			this.#options.onConnect?.();
		});
		socket.on('disconnect', (reason) => {
			this.#status = 'offline';
			this.outbox.attach(null);
			// The server closed us on purpose (e.g. removal): don't hammer it.
			if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 3000);
		});
		socket.on('connect_error', (error) => {
			this.#status = 'offline';
			if (error.message === 'unauthenticated') {
				this.forget();
				socket.disconnect();
				this.#options.onRejected?.('unauthenticated');
			}
		});
		socket.on('session.view', (envelope) => this.#onView(envelope));
		socket.on('session.patch', (patch) => void this.#onPatch(patch));
		socket.on('conference.view', ({ view, serverTime }) => {
			this.#offset = serverTime - Date.now();
			this.#conference = view;
			// A member moved out of every group no longer has a session to show.
			if (view.kind === 'member' && view.group === null) this.#view = null;
		});
		socket.on('glossary', (glossary) => this.#options.glossary?.set(glossary));
		socket.on('identity.claims', ({ claims }) => (this.#claims = claims));
		socket.on('identity.changed', () => this.#options.onIdentityChanged?.());
		socket.on('session.closed', ({ code }) => {
			this.forget();
			// A deleted conference leaves nothing of it on a projector, an overview or a phone.
			if (code === 'not_found') this.#conference = null;
			this.#options.onRejected?.(code);
		});
	}

	#onView(envelope: ViewEnvelope): void {
		this.#offset = envelope.serverTime - Date.now();
		this.#joinCode = envelope.joinCode;
		this.#joinUrl = envelope.joinUrl;
		this.#online = envelope.online;
		this.#notice = envelope.notice;
		this.#full = envelope;
		// Sent with each note's text once: shown with every item's and row's label back.
		this.#view = shownView(envelope.view);
		if (this.#viewKey && envelope.view.role === 'participant') {
			safeStorage.write(this.#viewKey, envelope.view);
		}
	}

	/**
	 * A change to the view held, applied in arrival order (also those that come while the patch
	 * code loads); a missed version or one that does not fit asks for the whole view.
	 */
	async #onPatch(patch: PatchEnvelope): Promise<void> {
		this.#receiving ??= import('./patch-receiver').then(
			({ PatchReceiver }) => new PatchReceiver(() => this.#socket?.emit('session.resync'))
		);
		let receiver: PatchReceiver;
		try {
			receiver = await this.#receiving;
		} catch {
			// Not loaded (offline): the next patch tries again, and finds the version it missed.
			this.#receiving = null;
			return;
		}
		const envelope = receiver.patch(patch, this.#full);
		if (envelope) this.#onView(envelope);
	}

	/** Reconnects with fresh auth (after joining, the token changes who we are). */
	reconnect(): void {
		const socket = this.#socket;
		if (!socket) return this.connect();
		socket.disconnect();
		socket.connect();
	}

	disconnect(): void {
		this.#socket?.disconnect();
		this.#socket = null;
		this.outbox.attach(null);
	}

	/**
	 * The page switched language: the server makes its per-language views (group names) again,
	 * on the same connection. Offline, the next connection's handshake carries the language.
	 */
	setLanguage(lang: Language): void {
		if (lang === this.#lang) return;
		const socket = this.#socket;
		if (!socket?.connected) return;
		this.#lang = lang;
		socket.timeout(ackTimeoutMs).emit('language.set', { lang }, () => {});
	}

	/** Queues a command (kept until the server answers); returns its id. */
	send<N extends CommandName>(name: N, payload: CommandInput<N>): string {
		return this.outbox.enqueue(name, payload);
	}

	/** Queues a ballot; an unsent one for the same question and voter is replaced, not sent as well. */
	sendBallot(payload: BallotPayload): string {
		return this.outbox.enqueue('ballot.cast', payload, (e) => sameBallot(e, payload));
	}

	/** The newest ballot queued on this device and not yet answered, for a question (and voter). */
	unsentBallot(questionId: string, voterId?: string): { ranking: string[]; blank: boolean } | null {
		const entry = this.outbox.entries.findLast((e) => sameBallot(e, { questionId, voterId }));
		if (!entry) return null;
		return { ranking: entry.payload.ranking as string[], blank: entry.payload.blank === true };
	}

	/** Sends one command now, outside the outbox, with a given id (used for joining). */
	request<N extends CommandName>(
		name: N,
		payload: CommandInput<N>,
		id: string = newId()
	): Promise<Ack<ResultOf<N>> | null> {
		return this.#emit<N>({ id, name, payload, createdAt: Date.now() });
	}

	/**
	 * Asks for suggested headings over a question's unplaced notes (console only): answered in
	 * the ack alone, never queued, since a suggestion is only worth having now; null when offline.
	 */
	suggest(questionId: string): Promise<Ack<{ suggestions: SuggestionView[] }> | null> {
		const socket = this.#socket;
		if (!socket?.connected) return Promise.resolve(null);
		return new Promise((resolve) => {
			socket
				.timeout(ackTimeoutMs)
				.emit('cluster.suggest', { id: newId(), questionId }, (error, ack) =>
					resolve(error ? null : ack)
				);
		});
	}

	#emit<N extends CommandName>(entry: OutboxEntry & { name: N }): Promise<Ack<ResultOf<N>> | null> {
		const socket = this.#socket;
		if (!socket || !socket.connected) return Promise.resolve(null);
		// The typed emit cannot take a command name chosen at run time; the schema checks it.
		const timed = socket.timeout(ackTimeoutMs) as unknown as {
			emit(
				event: string,
				payload: unknown,
				callback: (error: Error | null, ack: Ack<ResultOf<N>>) => void
			): void;
		};
		return new Promise((resolve) => {
			timed.emit(entry.name, { ...entry.payload, id: entry.id }, (error, ack) =>
				resolve(error ? null : ack)
			);
		});
	}
}
