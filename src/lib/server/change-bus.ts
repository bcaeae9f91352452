import type { ConferenceChange } from '$lib/domain/conference/state';
import { describeError, log } from './log';

/**
 * What changed, for the live views. A change says "recompute the views of this", never what
 * the views hold: plain JSON, so that a bus between processes carries it as it is, and two
 * equal changes mean the same as one.
 */
export type Change =
	/**
	 * A session's state changed: its sockets get their views again. `seq` is its event number
	 * once committed (other processes read a copy older than that again); absent when only
	 * who is online changed. `deleted`: the session is gone (automatic deletion): every process
	 * forgets its copy, and its devices are told.
	 */
	| { type: 'session'; sessionId: string; seq?: number; deleted?: true }
	/**
	 * A conference changed: its structure (rounds, groups, people), its notice, what the plenum
	 * presents, its glossary, or who may watch it (overviews are checked again).
	 */
	| { type: 'conference'; conferenceId: string; what: ConferenceChange }
	/** Which devices use one person's name changed; `waiting` when a request to use it did too. */
	| { type: 'identity'; conferenceId: string; participantId: string; waiting: boolean };

export type { ConferenceChange };

/** Hears changes; may be asynchronous (a failure is logged, never the publisher's problem). */
export type ChangeListener = (change: Change) => void | Promise<void>;

/**
 * Services publish committed changes; realtime subscribes. The in-process bus below is the
 * embedded default; a bus between processes (Redis) implements the same three methods.
 */
export interface ChangeBus {
	/** Announces a committed change. Never throws and never waits for listeners. */
	publish(change: Change): void;
	/**
	 * Hears every change from now on; the first listener also hears what was published before
	 * anyone listened. Returns the way to stop listening.
	 */
	subscribe(listener: ChangeListener): () => void;
	/** Stops delivering (a bus between processes disconnects here). */
	close(): Promise<void>;
}

/** Changes kept for a listener that has not come yet; older ones go first past this. */
const backlogLimit = 10_000;

function changeKey(change: Change): string {
	switch (change.type) {
		case 'session':
			return `s:${change.sessionId}`;
		case 'conference':
			return `c:${change.conferenceId}:${change.what}`;
		case 'identity':
			return `i:${change.conferenceId}:${change.participantId}:${change.waiting}`;
	}
}

/**
 * The bus of one process. Listeners are called in the order they subscribed, as the change is
 * published. Until the first listener comes (realtime attaches after the app is built), changes
 * wait in a backlog where equal changes are kept once, at their latest place.
 */
export class InProcessChangeBus implements ChangeBus {
	readonly #listeners = new Set<ChangeListener>();
	readonly #backlog = new Map<string, Change>();
	#dropped = 0;
	#closed = false;

	publish(change: Change): void {
		if (this.#closed) return;
		if (this.#listeners.size === 0) return this.#keep(change);
		for (const listener of this.#listeners) deliver(listener, change);
	}

	subscribe(listener: ChangeListener): () => void {
		this.#listeners.add(listener);
		if (this.#dropped > 0) {
			log.warn('changes.backlog_dropped', { count: this.#dropped });
			this.#dropped = 0;
		}
		const backlog = [...this.#backlog.values()];
		this.#backlog.clear();
		for (const change of backlog) deliver(listener, change);
		return () => this.#listeners.delete(listener);
	}

	close(): Promise<void> {
		this.#closed = true;
		this.#listeners.clear();
		this.#backlog.clear();
		return Promise.resolve();
	}

	#keep(change: Change): void {
		const key = changeKey(change);
		this.#backlog.delete(key);
		this.#backlog.set(key, change);
		if (this.#backlog.size <= backlogLimit) return;
		const oldest = this.#backlog.keys().next().value as string;
		this.#backlog.delete(oldest);
		this.#dropped++;
	}
}

function deliver(listener: ChangeListener, change: Change): void {
	try {
		const done = listener(change);
		if (done) done.catch((error: unknown) => failed(change, error));
	} catch (error) {
		failed(change, error);
	}
}

function failed(change: Change, error: unknown): void {
	log.error('changes.listener_failed', { change: change.type, error: describeError(error) });
}
