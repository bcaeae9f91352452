import type { Ack, AckError, CommandInput, CommandName } from '$lib/realtime/contract';
import { newId } from './ids';
import { safeStorage } from './storage';

/** A command waiting to be acknowledged; its id is reused on every attempt. */
export interface OutboxEntry {
	id: string;
	name: CommandName;
	payload: Record<string, unknown>;
	createdAt: number;
}

/** A command the server refused: kept until the person has seen why. */
export interface Refusal {
	entry: OutboxEntry;
	error: AckError;
}

/** Sends one entry; resolves with the ack, or null when no answer came (offline, timeout). */
export type Transport = (entry: OutboxEntry) => Promise<Ack | null>;

// Refusals worth retrying later rather than showing as final.
const transient = new Set(['unavailable', 'rate_limited', 'internal']);

/**
 * Unsent commands, in order, persisted in localStorage so they survive reloads and lost
 * connections. Entries leave only when the server has answered; the server's idempotency
 * makes resending the same id safe.
 */
export class Outbox {
	#entries = $state.raw<OutboxEntry[]>([]);
	#refusals = $state.raw<Refusal[]>([]);
	#key: string | null;
	#transport: Transport | null = null;
	#flushing = false;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	// Listeners are plumbing, not UI state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<(entry: OutboxEntry, ack: Ack) => void>();

	constructor(key: string | null) {
		this.#key = key;
		if (key) {
			this.#entries = safeStorage.read<OutboxEntry[]>(key) ?? [];
			if (typeof window !== 'undefined') {
				// Another tab of the same phone changed the outbox.
				window.addEventListener('storage', (event) => {
					if (event.key === key) this.#entries = safeStorage.read<OutboxEntry[]>(key) ?? [];
				});
			}
		}
	}

	/** Commands not yet acknowledged, oldest first. */
	get entries(): OutboxEntry[] {
		return this.#entries;
	}

	get refusals(): Refusal[] {
		return this.#refusals;
	}

	/** Whether an entry with this id is still waiting. */
	has(id: string): boolean {
		return this.#entries.some((e) => e.id === id);
	}

	/** Called with the answer to every entry (success or refusal). */
	onAnswer(listener: (entry: OutboxEntry, ack: Ack) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Queues a command and tries to send it at once; returns its id. With `replaces`, unsent
	 * entries it matches are dropped first: only the newest of them is worth sending.
	 */
	enqueue<N extends CommandName>(
		name: N,
		payload: CommandInput<N>,
		replaces?: (entry: OutboxEntry) => boolean
	): string {
		const entry: OutboxEntry = { id: newId(), name, payload, createdAt: Date.now() };
		const inFlight = this.#flushing ? this.#entries[0] : undefined;
		const kept = replaces
			? this.#entries.filter((e) => e === inFlight || !replaces(e))
			: this.#entries;
		this.#set([...kept, entry]);
		void this.flush();
		return entry.id;
	}

	/** What the person is typing but has not sent, kept with the outbox through reloads. */
	draft(field: string): string {
		return (this.#key && safeStorage.read<string>(`${this.#key}.draft.${field}`)) || '';
	}

	keepDraft(field: string, text: string): void {
		if (!this.#key) return;
		if (text === '') safeStorage.remove(`${this.#key}.draft.${field}`);
		else safeStorage.write(`${this.#key}.draft.${field}`, text);
	}

	dismiss(refusal: Refusal): void {
		this.#refusals = this.#refusals.filter((r) => r !== refusal);
	}

	/** Connects the outbox to a live connection (or null when offline) and drains it. */
	attach(transport: Transport | null): void {
		this.#transport = transport;
		if (transport) void this.flush();
	}

	#set(entries: OutboxEntry[]): void {
		this.#entries = entries;
		if (this.#key) {
			if (entries.length === 0) safeStorage.remove(this.#key);
			else safeStorage.write(this.#key, entries);
		}
	}

	/** Sends entries one at a time, in order, until empty or the connection fails. */
	async flush(): Promise<void> {
		if (this.#flushing || !this.#transport) return;
		this.#flushing = true;
		try {
			while (this.#entries.length > 0) {
				// The connection may have dropped while we awaited the previous answer.
				const transport = this.#transport;
				if (!transport) return;
				const entry = this.#entries[0]!;
				const ack = await transport(entry);
				if (ack === null) return this.#retryLater();
				if (!ack.ok && transient.has(ack.error.code)) return this.#retryLater();
				this.#set(this.#entries.filter((e) => e.id !== entry.id));
				if (!ack.ok) this.#refusals = [...this.#refusals, { entry, error: ack.error }];
				for (const listener of this.#listeners) listener(entry, ack);
			}
		} finally {
			this.#flushing = false;
		}
	}

	#retryLater(): void {
		if (this.#retryTimer) return;
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = null;
			void this.flush();
		}, 3000);
	}
}
