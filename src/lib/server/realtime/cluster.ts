import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import {
	InProcessChangeBus,
	type Change,
	type ChangeBus,
	type ChangeListener
} from '../change-bus';
import { describeError, log } from '../log';

/** Which phones are online in a session on the other processes (each process knows its own). */
export interface Presence {
	/** Participants with a phone connected to another process. */
	elsewhere(sessionId: string): readonly string[];
	/** The participants with a phone on this process in a session changed. */
	announce(sessionId: string, online: readonly string[]): void;
}

/** One process alone: nobody is online elsewhere. */
export const presenceHere: Presence = {
	elsewhere: () => [],
	announce: () => undefined
};

/** What another process did: a committed change, its phones online, or a greeting. */
type Signal =
	| { node: string; change: Change }
	| { node: string; presence: { sessionId: string; online: readonly string[] } }
	| { node: string; hello: true };

/** Brings this process's cached copy up to date before its sockets get their views again. */
export type Freshen = (change: Change) => Promise<void>;

/** Every process re-announces its phones this often; an announcement older than 3 times is gone. */
const presenceBeatMs = 10_000;
const presenceExpiresMs = 3 * presenceBeatMs;

/**
 * The change bus between processes, over Redis pub/sub: a change committed here is announced
 * to every other process, which first brings its cached copy up to date (`freshen`), then
 * recomputes the views of its own sockets. It also carries presence, and gives socket.io its
 * Redis Streams adapter. Listeners of this process hear its own changes at once, as in one process.
 */
export class RedisChangeBus implements ChangeBus, Presence {
	/** This process, in signals. */
	readonly node = randomBytes(8).toString('hex');
	readonly #url: string;
	readonly #local = new InProcessChangeBus();
	readonly #publisher: Redis;
	readonly #freshen: Freshen;
	/** This installation's namespace on Redis: its channel and stream. */
	readonly #channel: string;
	readonly #streamName: string;
	#subscriber: Redis | null = null;
	#adapterClient: Redis | null = null;
	/** Phones online here, by session: what the next beat announces. */
	readonly #here = new Map<string, readonly string[]>();
	/** Phones online elsewhere: session → process → participants and when they were announced. */
	readonly #there = new Map<string, Map<string, { online: readonly string[]; at: number }>>();
	#beat: ReturnType<typeof setInterval> | null = null;
	#closed = false;

	constructor(url: string, freshen: Freshen, namespace: string) {
		this.#url = url;
		this.#channel = `${namespace}:changes`;
		this.#streamName = `${namespace}:socket.io`;
		this.#publisher = new Redis(url, { maxRetriesPerRequest: null });
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
		this.#adapterClient ??= new Redis(this.#url, { maxRetriesPerRequest: null });
		this.#adapterClient.on('error', (error: Error) =>
			log.warn('redis.adapter_error', { message: error.message })
		);
		return createAdapter(this.#adapterClient, { streamName: this.#streamName });
	}

	elsewhere(sessionId: string): readonly string[] {
		const there = this.#there.get(sessionId);
		if (!there) return [];
		const now = Date.now();
		const online = new Set<string>();
		for (const announced of there.values()) {
			if (now - announced.at <= presenceExpiresMs)
				for (const id of announced.online) online.add(id);
		}
		return [...online];
	}

	announce(sessionId: string, online: readonly string[]): void {
		if (online.length === 0) this.#here.delete(sessionId);
		else this.#here.set(sessionId, online);
		this.#signal({ node: this.node, presence: { sessionId, online } });
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		if (this.#beat) clearInterval(this.#beat);
		// Phones here are no longer online anywhere: the others say so at once, not in 30 s.
		for (const sessionId of this.#here.keys())
			this.#signal({ node: this.node, presence: { sessionId, online: [] } });
		await this.#local.close();
		const clients = [this.#subscriber, this.#adapterClient, this.#publisher];
		await Promise.all(clients.map((client) => client?.quit().catch(() => client.disconnect())));
	}

	#signal(signal: Signal): void {
		if (this.#closed && !('presence' in signal)) return;
		this.#publisher.publish(this.#channel, JSON.stringify(signal)).catch((error: unknown) => {
			log.warn('changes.signal_failed', { error: describeError(error) });
		});
	}

	#listen(): void {
		const subscriber = new Redis(this.#url, { maxRetriesPerRequest: null });
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
		this.#beat = setInterval(() => this.#heartbeat(), presenceBeatMs);
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
		if ('presence' in signal) return this.#heard(signal.node, signal.presence);
		const { change } = signal;
		this.#freshen(change)
			.then(() => this.#local.publish(change))
			.catch((error: unknown) =>
				log.error('changes.freshen_failed', { error: describeError(error) })
			);
	}

	#heard(node: string, { sessionId, online }: { sessionId: string; online: readonly string[] }) {
		let there = this.#there.get(sessionId);
		if (!there) this.#there.set(sessionId, (there = new Map()));
		if (online.length === 0) there.delete(node);
		else there.set(node, { online, at: Date.now() });
		if (there.size === 0) this.#there.delete(sessionId);
		this.#local.publish({ type: 'session', sessionId });
	}

	#announceAll(): void {
		for (const [sessionId, online] of this.#here)
			this.#signal({ node: this.node, presence: { sessionId, online } });
	}

	/** Announces again, and forgets what a process that stopped answering announced. */
	#heartbeat(): void {
		this.#announceAll();
		const now = Date.now();
		for (const [sessionId, there] of this.#there) {
			const before = there.size;
			for (const [node, announced] of there) {
				if (now - announced.at > presenceExpiresMs) there.delete(node);
			}
			if (there.size === 0) this.#there.delete(sessionId);
			if (there.size !== before) this.#local.publish({ type: 'session', sessionId });
		}
	}
}
