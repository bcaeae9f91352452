import { SvelteSet } from 'svelte/reactivity';

/** The people the organiser has ticked on the round page, to act on them at once. */
export class PeopleSelection {
	#ids = new SvelteSet<string>();

	get ids(): string[] {
		return [...this.#ids];
	}

	get size(): number {
		return this.#ids.size;
	}

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	toggle(id: string, on: boolean): void {
		if (on) this.#ids.add(id);
		else this.#ids.delete(id);
	}

	/** Keeps only people still on the page (someone deleted meanwhile drops out). */
	keep(present: ReadonlySet<string>): void {
		for (const id of this.#ids) if (!present.has(id)) this.#ids.delete(id);
	}

	clear(): void {
		this.#ids.clear();
	}
}
