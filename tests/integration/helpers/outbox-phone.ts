/**
 * A phone as the browser client behaves: commands wait in an outbox with their ids, are sent
 * one at a time in order, leave only when answered, and are resent with the same ids after a
 * lost connection. Used to prove exactly-once delivery across server crashes.
 *
 * With `chaos`, it also misbehaves the way real networks and clients do: a later command is
 * sent before an earlier one, and answered commands are sent again with the same id.
 */
import type { Ack, CommandName, Handshake } from '$lib/realtime/contract';
import { connect, newId, type TestClient } from './client';
import type { Random } from './random';

export interface OutboxEntry {
	id: string;
	name: CommandName;
	payload: Record<string, unknown>;
}

/** Deliberate misbehaviour, drawn from a seeded generator. */
export interface Chaos {
	random: Random;
	/** Chance that the second waiting command is sent before the first. */
	swap: number;
	/** Chance that an answered command is sent once more with the same id. */
	repeat: number;
}

export interface OutboxOptions {
	/** Handshake role; a phone by default, 'facilitator' for a console's outbox. */
	role?: Handshake['role'];
	chaos?: Chaos;
}

// Answers worth retrying later rather than final, as the browser's outbox treats them.
const transient = new Set(['unavailable', 'rate_limited', 'internal']);

export class OutboxPhone {
	readonly token: string;
	/** Commands not yet answered, oldest first. */
	readonly pending: OutboxEntry[] = [];
	/** Every command ever queued, by id. */
	readonly queued = new Map<string, OutboxEntry>();
	/** Every answer received, by command id (a repeat answer is recorded too). */
	readonly answers = new Map<string, Ack[]>();
	/** How often a command went out before the one queued ahead of it. */
	swapped = 0;
	/** How often an answered command was sent again. */
	repeated = 0;
	/** Sends that got no answer (the connection or the server went away) and were retried. */
	unanswered = 0;
	/** Misbehaviour in effect (may be switched on and off between drains). */
	chaos: Chaos | null;
	client: TestClient | null = null;
	#server: { url: string };
	#role: Handshake['role'];
	#draining: Promise<void> | null = null;

	constructor(server: { url: string }, token: string, options: OutboxOptions = {}) {
		this.#server = server;
		this.token = token;
		this.#role = options.role ?? 'participant';
		this.chaos = options.chaos ?? null;
	}

	/** Queues a command; it is sent when a connection allows. */
	enqueue(name: CommandName, payload: Record<string, unknown>): string {
		const id = newId();
		const entry = { id, name, payload };
		this.pending.push(entry);
		this.queued.set(id, entry);
		return id;
	}

	/** The first answer to a command, if it has one. */
	answer(id: string): Ack | undefined {
		return this.answers.get(id)?.[0];
	}

	/** (Re)connects with the phone's token; false while the server is down. */
	async connect(): Promise<boolean> {
		if (this.client?.socket.connected) return true;
		this.client?.close();
		try {
			this.client = await connect(this.#server, {
				auth: { role: this.#role, token: this.token },
				timeoutMs: 2_000
			});
			return true;
		} catch {
			this.client = null;
			return false;
		}
	}

	/** Sends pending commands in order until empty or the connection fails. */
	drain(): Promise<void> {
		// A second caller waits for the drain already running instead of racing it.
		this.#draining ??= this.#drain().finally(() => {
			this.#draining = null;
		});
		return this.#draining;
	}

	async #drain(): Promise<void> {
		while (this.pending.length > 0) {
			if (!(await this.connect())) return;
			const chaos = this.chaos;
			const swap = chaos !== null && this.pending.length >= 2 && chaos.random.chance(chaos.swap);
			const batch = swap ? [this.pending[1]!, this.pending[0]!] : [this.pending[0]!];
			if (swap) this.swapped++;
			for (const entry of batch) {
				const ack = await this.#send(entry);
				if (!ack) return;
				if (!ack.ok && transient.has(ack.error.code)) return;
				this.#record(entry, ack);
				this.pending.splice(this.pending.indexOf(entry), 1);
				if (chaos?.random.chance(chaos.repeat)) {
					this.repeated++;
					const again = await this.#send(entry);
					if (again) this.#record(entry, again);
				}
			}
		}
	}

	/** One attempt; null when no answer came (the connection or the server went away). */
	async #send(entry: OutboxEntry): Promise<Ack | null> {
		const client = this.client;
		if (!client?.socket.connected) return null;
		try {
			return (await client.send(entry.name, { ...entry.payload, id: entry.id }, 2_000)) as Ack;
		} catch {
			// Keep the command and resend it later with the same id.
			this.unanswered++;
			client.close();
			if (this.client === client) this.client = null;
			return null;
		}
	}

	#record(entry: OutboxEntry, ack: Ack): void {
		this.answers.set(entry.id, [...(this.answers.get(entry.id) ?? []), ack]);
	}

	close(): void {
		this.client?.close();
		this.client = null;
	}
}
