import { randomBytes } from 'node:crypto';
import type { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import {
	InProcessChangeBus,
	type Change,
	type ChangeBus,
	type ChangeListener
} from '../change-bus';
import { describeError, log } from '../log';

/**
 * Who is connected on the other processes (each process knows its own): the phones online in
 * a session, and the members of a conference with a phone connected (for the organiser's count).
 */
export interface Presence {
	/** Participants with a phone connected to another process. */
	elsewhere(sessionId: string): readonly string[];
	/** The participants with a phone on this process in a session changed. */
	announce(sessionId: string, online: readonly string[]): void;
	/** Members of a conference with a phone connected to another process. */
	membersElsewhere(conferenceId: string): readonly string[];
	/**
	 * The members connected here to a conference may have changed: `connected` answers who they
	 * are now, asked once a burst of changes is over (a room of phones arriving is one message).
	 */
	announceMembers(conferenceId: string, connected: () => readonly string[]): void;
	/** Hears that another process's members of a conference changed (or expired). */
	onMembers(listener: (conferenceId: string) => void): void;
}

/** One process alone: nobody is online elsewhere. */
export const presenceHere: Presence = {
	elsewhere: () => [],
	announce: () => undefined,
	membersElsewhere: () => [],
	announceMembers: () => undefined,
	onMembers: () => undefined
};

/** What another process did: a committed change, who is connected there, or a greeting. */
type Signal =
	| { node: string; change: Change }
	| { node: string; presence: { sessionId: string; online: readonly string[] } }
	| { node: string; members: { conferenceId: string; online: readonly string[] } }
	| { node: string; hello: true };

/** Brings this process's cached copy up to date before its sockets get their views again. */
export type Freshen = (change: Change) => Promise<void>;

/** The Redis driver and socket.io's Redis Streams adapter: loaded only when REDIS_URL is set. */
export interface RedisModules {
	Redis: typeof Redis;
	createAdapter: typeof createAdapter;
}

export async function loadRedisModules(): Promise<RedisModules> {
	const [{ Redis }, { createAdapter }] = await Promise.all([
		import('ioredis'),
		import('@socket.io/redis-streams-adapter')
	]);
	return { Redis, createAdapter };
}

/** An announcement older than this many beats is gone: its process has stopped (PRESENCE_BEAT_SECONDS). */
const beatsToExpire = 3;
/** A conference's members connected here are announced this long after the first change. */
const membersDelayMs = 200;

/** Whether two lists of distinct ids hold the same ids, in any order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	const inA = new Set(a);
	return b.every((id) => inA.has(id));
}

/**
 * Who is connected, by key (a session, a conference): here, as last announced, and as each
 * other process last announced it, until that announcement expires.
 */
class Roster {
	readonly here = new Map<string, readonly string[]>();
	readonly #there = new Map<string, Map<string, { online: readonly string[]; at: number }>>();
	readonly #changed: (key: string) => void;
	readonly #expiresMs: number;

	constructor(expiresMs: number, changed: (key: string) => void) {
		this.#expiresMs = expiresMs;
		this.#changed = changed;
	}

	elsewhere(key: string): readonly string[] {
		const there = this.#there.get(key);
		if (!there) return [];
		const now = Date.now();
		const online = new Set<string>();
		for (const announced of there.values()) {
			if (now - announced.at <= this.#expiresMs) for (const id of announced.online) online.add(id);
		}
		return [...online];
	}

	setHere(key: string, online: readonly string[]): void {
		if (online.length === 0) this.here.delete(key);
		else this.here.set(key, online);
	}

	heard(node: string, key: string, online: readonly string[]): void {
		const now = Date.now();
		let there = this.#there.get(key);
		if (!there) this.#there.set(key, (there = new Map()));
		const before = there.get(node);
		// The beat repeats what is known: views and overviews are recomputed only on news.
		const known =
			before !== undefined && now - before.at <= this.#expiresMs && sameIds(before.online, online);
		if (online.length === 0) there.delete(node);
		else there.set(node, { online, at: now });
		if (there.size === 0) this.#there.delete(key);
		if (!known) this.#changed(key);
	}

	/** Forgets what a process that stopped answering announced. */
	expire(): void {
		const now = Date.now();
		for (const [key, there] of this.#there) {
			const before = there.size;
			for (const [node, announced] of there) {
				if (now - announced.at > this.#expiresMs) there.delete(node);
			}
			if (there.size === 0) this.#there.delete(key);
			if (there.size !== before) this.#changed(key);
		}
	}
}

/**
 * The change bus between processes, over Redis pub/sub: a change committed here is announced
 * to every other process, which first brings its cached copy up to date (`freshen`), then
 * recomputes the views of its own sockets. It also carries presence, and gives socket.io its
 * Redis Streams adapter. Listeners of this process hear its own changes at once, as in one process.
 */
export class RedisChangeBus implements ChangeBus, Presence {
	/** This process, in signals. */
	readonly node = randomBytes(8).toString('hex');
	readonly #modules: RedisModules;
	readonly #url: string;
	readonly #local = new InProcessChangeBus();
	readonly #publisher: Redis;
	readonly #freshen: Freshen;
	/** This installation's namespace on Redis: its channel and stream. */
	readonly #channel: string;
	readonly #streamName: string;
	#subscriber: Redis | null = null;
	#adapterClient: Redis | null = null;
	/** Phones online in each session: a change elsewhere sends its views again. */
	readonly #phones: Roster;
	/** Members connected to each conference: a change elsewhere updates the overviews. */
	readonly #members: Roster;
	readonly #membersListeners: ((conferenceId: string) => void)[] = [];
	/** Conferences whose members here are to be announced, and how to list them. */
	readonly #membersDue = new Map<string, () => readonly string[]>();
	#membersTimer: ReturnType<typeof setTimeout> | null = null;
	#beat: ReturnType<typeof setInterval> | null = null;
	readonly #beatMs: number;
	#closed = false;

	/** `beatMs`: how often this process announces who is connected to it (PRESENCE_BEAT_SECONDS). */
	constructor(
		modules: RedisModules,
		url: string,
		freshen: Freshen,
		namespace: string,
		beatMs: number
	) {
		this.#modules = modules;
		this.#url = url;
		this.#beatMs = beatMs;
		const expiresMs = beatsToExpire * beatMs;
		this.#phones = new Roster(expiresMs, (sessionId) =>
			this.#local.publish({ type: 'session', sessionId })
		);
		this.#members = new Roster(expiresMs, (conferenceId) => {
			for (const listener of this.#membersListeners) listener(conferenceId);
		});
		this.#channel = `${namespace}:changes`;
		this.#streamName = `${namespace}:socket.io`;
		this.#publisher = new modules.Redis(url, { maxRetriesPerRequest: null });
		this.#publisher.on('error', (error: Error) =>
			log.warn('redis.publisher_error', { message: error.message })
		);
		this.#freshen = freshen;
	}

	publish(change: Change): void {
		this.#local.publish(change);
		this.#signal({ node: this.node, change });
	}

	subscribe(listener: ChangeListener): () => void {
		if (!this.#subscriber) this.#listen();
		return this.#local.subscribe(listener);
	}

	/** socket.io's Redis Streams adapter, on its own connection (it blocks reading the stream). */
	adapter(): ReturnType<typeof createAdapter> {
		this.#adapterClient ??= new this.#modules.Redis(this.#url, { maxRetriesPerRequest: null });
		this.#adapterClient.on('error', (error: Error) =>
			log.warn('redis.adapter_error', { message: error.message })
		);
		// Its stream, its pub/sub channels (answers between processes) and its session keys, all
		// under this installation's prefix: another installation on the same Redis hears none.
		return this.#modules.createAdapter(this.#adapterClient, {
			streamName: this.#streamName,
			channelPrefix: this.#streamName,
			sessionKeyPrefix: `${this.#streamName}:session:`
		});
	}

	elsewhere(sessionId: string): readonly string[] {
		return this.#phones.elsewhere(sessionId);
	}

	announce(sessionId: string, online: readonly string[]): void {
		this.#phones.setHere(sessionId, online);
		this.#signal({ node: this.node, presence: { sessionId, online } });
	}

	membersElsewhere(conferenceId: string): readonly string[] {
		return this.#members.elsewhere(conferenceId);
	}

	announceMembers(conferenceId: string, connected: () => readonly string[]): void {
		this.#membersDue.set(conferenceId, connected);
		this.#membersTimer ??= setTimeout(() => {
			this.#membersTimer = null;
			const due = [...this.#membersDue];
			this.#membersDue.clear();
			for (const [id, list] of due) {
				const online = list();
				const before = this.#members.here.get(id) ?? [];
				this.#members.setHere(id, online);
				// Unchanged (a phone reconnected): the others already know, and the beat repeats it.
				if (sameIds(before, online)) continue;
				this.#signal({ node: this.node, members: { conferenceId: id, online } });
			}
		}, membersDelayMs);
	}

	onMembers(listener: (conferenceId: string) => void): void {
		this.#membersListeners.push(listener);
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		if (this.#beat) clearInterval(this.#beat);
		if (this.#membersTimer) clearTimeout(this.#membersTimer);
		// Phones here are no longer online anywhere: the others say so at once, not in 30 s.
		for (const sessionId of this.#phones.here.keys())
			this.#signal({ node: this.node, presence: { sessionId, online: [] } });
		for (const conferenceId of this.#members.here.keys())
			this.#signal({ node: this.node, members: { conferenceId, online: [] } });
		await this.#local.close();
		const clients = [this.#subscriber, this.#adapterClient, this.#publisher];
		await Promise.all(clients.map((client) => client?.quit().catch(() => client.disconnect())));
	}

	#signal(signal: Signal): void {
		if (this.#closed && !('presence' in signal) && !('members' in signal)) return;
		this.#publisher.publish(this.#channel, JSON.stringify(signal)).catch((error: unknown) => {
			log.warn('changes.signal_failed', { error: describeError(error) });
		});
	}

	#listen(): void {
		const subscriber = new this.#modules.Redis(this.#url, { maxRetriesPerRequest: null });
		this.#subscriber = subscriber;
		subscriber.on('error', (error: Error) =>
			log.warn('redis.subscriber_error', { message: error.message })
		);
		subscriber.on('message', (_channel: string, message: string) => this.#received(message));
		subscriber
			.subscribe(this.#channel)
			// Whoever is already running tells this process who is online there.
			.then(() => this.#signal({ node: this.node, hello: true }))
			.catch((error: unknown) =>
				log.error('changes.subscribe_failed', { error: describeError(error) })
			);
		this.#beat = setInterval(() => this.#heartbeat(), this.#beatMs);
		this.#beat.unref();
	}

	#received(message: string): void {
		let signal: Signal;
		try {
			signal = JSON.parse(message) as Signal;
		} catch {
			return;
		}
		if (signal.node === this.node || this.#closed) return;
		if ('hello' in signal) return this.#announceAll();
		if ('presence' in signal) {
			const { sessionId, online } = signal.presence;
			return this.#phones.heard(signal.node, sessionId, online);
		}
		if ('members' in signal) {
			const { conferenceId, online } = signal.members;
			return this.#members.heard(signal.node, conferenceId, online);
		}
		const { change } = signal;
		this.#freshen(change)
			.then(() => this.#local.publish(change))
			.catch((error: unknown) =>
				log.error('changes.freshen_failed', { error: describeError(error) })
			);
	}

	#announceAll(): void {
		for (const [sessionId, online] of this.#phones.here)
			this.#signal({ node: this.node, presence: { sessionId, online } });
		for (const [conferenceId, online] of this.#members.here)
			this.#signal({ node: this.node, members: { conferenceId, online } });
	}

	/** Announces again, and forgets what a process that stopped answering announced. */
	#heartbeat(): void {
		this.#announceAll();
		this.#phones.expire();
		this.#members.expire();
	}
}
