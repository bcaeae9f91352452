/** A component fetched on first use, or earlier by preload(); once fetched it renders at once. */
export class LazyComponent<C> {
	#component = $state.raw<C | null>(null);
	#loading: Promise<void> | null = null;
	readonly #load: () => Promise<{ default: C }>;

	constructor(load: () => Promise<{ default: C }>) {
		this.#load = load;
	}

	/** The component, or null while it is on its way (asking starts the fetch). */
	get component(): C | null {
		if (!this.#component) void this.preload();
		return this.#component;
	}

	/** The component once fetched, without asking for it (for parts fetched when idle). */
	get fetched(): C | null {
		return this.#component;
	}

	preload(): Promise<void> {
		this.#loading ??= this.#fetch();
		return this.#loading;
	}

	async #fetch(): Promise<void> {
		try {
			this.#component = (await this.#load()).default;
		} catch {
			// A failed fetch (the connection dropped) is tried again the next time it is asked for.
			this.#loading = null;
		}
	}
}

/**
 * Runs work once the browser is idle after drawing the next frame, so that it never delays what
 * is shown and never starts before the view that asked for it is on screen.
 */
export function whenIdle(work: () => void): () => void {
	let cancelIdle = () => {};
	const afterFrame = () => {
		if (typeof requestIdleCallback === 'function') {
			const handle = requestIdleCallback(work, { timeout: 2000 });
			cancelIdle = () => cancelIdleCallback(handle);
		} else {
			const timer = setTimeout(work, 500);
			cancelIdle = () => clearTimeout(timer);
		}
	};
	// A hidden tab draws no frames: there, the work waits only for idle time.
	if (document.hidden) {
		afterFrame();
		return () => cancelIdle();
	}
	const frame = requestAnimationFrame(afterFrame);
	return () => {
		cancelAnimationFrame(frame);
		cancelIdle();
	};
}

/** Fetches every component of a set, so that none has to be waited for when it is first shown. */
export function preloadAll(components: Record<string, LazyComponent<unknown>>): Promise<void[]> {
	return Promise.all(Object.values(components).map((component) => component.preload()));
}
