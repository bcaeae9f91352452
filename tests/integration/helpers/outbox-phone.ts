/**
 * A phone as the browser client behaves: commands wait in an outbox with their ids, are sent
 * one at a time in order, leave only when answered, and are resent with the same ids after a
 * lost connection. Used to prove exactly-once delivery across server crashes.
 */
import type { Ack, CommandName } from '$lib/realtime/contract';
import { connect, newId, type TestClient } from './client';

interface Entry {
	id: string;
	name: CommandName;
	payload: Record<string, unknown>;
}

export class OutboxPhone {
	readonly token: string;
	/** Commands not yet answered, oldest first. */
	readonly pending: Entry[] = [];
	/** Every answer received, by command id (a repeat answer is recorded too). */
	readonly answers = new Map<string, Ack[]>();
	client: TestClient | null = null;
	#server: { url: string };
	#draining = false;

	constructor(server: { url: string }, token: string) {
		this.#server = server;
		this.token = token;
	}

	/** Queues a command; it is sent when a connection allows. */
	enqueue(name: CommandName, payload: Record<string, unknown>): string {
		const id = newId();
		this.pending.push({ id, name, payload });
		return id;
	}

	/** (Re)connects with the phone's token; false while the server is down. */
	async connect(): Promise<boolean> {
		if (this.client?.socket.connected) return true;
		try {
			this.client = await connect(this.#server, {
				auth: { role: 'participant', token: this.token },
				timeoutMs: 2_000
			});
			return true;
		} catch {
			this.client = null;
			return false;
		}
	}

	/** Sends pending commands in order until empty or the connection fails. */
	async drain(): Promise<void> {
		if (this.#draining) return;
		this.#draining = true;
		try {
			while (this.pending.length > 0) {
				if (!(await this.connect())) return;
				const entry = this.pending[0]!;
				let ack: Ack;
				try {
					ack = (await this.client!.send(
						entry.name,
						{ ...entry.payload, id: entry.id },
						2_000
					)) as Ack;
				} catch {
					// No answer (the server died mid-command): keep it and resend later with the same id.
					this.client?.close();
					this.client = null;
					return;
				}
				this.answers.set(entry.id, [...(this.answers.get(entry.id) ?? []), ack]);
				this.pending.shift();
			}
		} finally {
			this.#draining = false;
		}
	}

	close(): void {
		this.client?.close();
		this.client = null;
	}
}
