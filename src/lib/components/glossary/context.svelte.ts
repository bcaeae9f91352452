import { getContext, setContext } from 'svelte';
import type { GlossaryMatcher, GlossarySegment } from '$lib/domain/glossary/match';
import type { Glossary, GlossaryConcept, GlossaryData } from '$lib/domain/glossary/types';

export type { GlossaryData };
import type { Language } from '$lib/domain/session/types';

// Notes are re-rendered whenever a view arrives; matching each text once is enough.
const cacheLimit = 2000;

type Matching = typeof import('$lib/domain/glossary/match');

// The matcher is fetched on first use, so that a phone's first load does not carry it: until it
// is here, notes show unmarked, then marked in place.
let matching = $state.raw<Matching | null>(null);
let matchingLoad: Promise<void> | null = null;

/** Fetches the glossary matcher (again after a failure); notes are marked once it is here. */
export function loadMatching(): Promise<void> {
	matchingLoad ??= import('$lib/domain/glossary/match').then(
		(module) => void (matching = module),
		() => void (matchingLoad = null)
	);
	return matchingLoad;
}

interface Compiled {
	matcher: GlossaryMatcher | null;
	byId: Map<string, GlossaryConcept>;
	segments: Map<string, GlossarySegment[]>;
}

/** A page's glossary: compiled once, and again only when its content changes. */
export class GlossaryContext {
	#data = $state.raw<GlossaryData>({ concepts: [], languages: [] });
	#key = '';
	// Plain maps on purpose: a lookup table and a cache, rebuilt with the matcher, never state.
	#compiled = $derived.by<Compiled>(() => ({
		matcher: matching?.compileGlossary(this.#data.concepts) ?? null,
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		byId: new Map(this.#data.concepts.map((c) => [c.id, c])),
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		segments: new Map()
	}));

	/** False while the page's glossary texts (the popover's) are on their way: notes stay unmarked. */
	readonly #marking: () => boolean;
	/** Where a phone fetches its glossary once usable (it is not in the page); null elsewhere. */
	readonly #source: string | null;
	#fetching: Promise<void> | null = null;
	/** Whether a glossary came from a load or the socket: newer than any fetch still on its way. */
	#given = false;

	constructor(
		data: GlossaryData,
		marking: () => boolean = () => true,
		source: string | null = null
	) {
		this.#marking = marking;
		this.#source = source;
		this.#take(data);
	}

	/** Takes new data from a load or the socket; a glossary with the same content keeps its matcher. */
	set(data: GlossaryData): void {
		this.#given = true;
		this.#take(data);
	}

	/**
	 * Fetches the page's glossary from its source, once (again after a failure). Every edit is
	 * pushed over the socket, so a glossary pushed while the fetch was on its way is the newer one.
	 */
	load(): Promise<void> {
		const source = this.#source;
		if (source === null) return Promise.resolve();
		this.#fetching ??= this.#fetch(source).catch(() => void (this.#fetching = null));
		return this.#fetching;
	}

	async #fetch(source: string): Promise<void> {
		const response = await fetch(source, { credentials: 'same-origin' });
		if (!response.ok) throw new Error(`glossary: HTTP ${response.status}`);
		const data = (await response.json()) as GlossaryData;
		if (!this.#given) this.#take(data);
	}

	#take(data: GlossaryData): void {
		const key = JSON.stringify(data);
		if (key === this.#key) return;
		this.#key = key;
		this.#data = data;
	}

	get concepts(): Glossary {
		return this.#data.concepts;
	}

	get languages(): readonly Language[] {
		return this.#data.languages;
	}

	concept(id: string): GlossaryConcept | undefined {
		return this.#compiled.byId.get(id);
	}

	/** A text cut into plain and term segments (cached per text). */
	segments(text: string): GlossarySegment[] {
		if (!this.#marking()) return [{ kind: 'text', text }];
		const compiled = this.#compiled;
		if (!compiled.matcher) {
			if (this.#data.concepts.length > 0) void loadMatching();
			return [{ kind: 'text', text }];
		}
		let segments = compiled.segments.get(text);
		if (!segments) {
			if (compiled.segments.size >= cacheLimit) compiled.segments.clear();
			segments = matching!.segmentText(compiled.matcher, text);
			compiled.segments.set(text, segments);
		}
		return segments;
	}
}

/** No concepts yet: a phone's glossary until its fetch is here. */
export const emptyGlossary: GlossaryData = { concepts: [], languages: [] };

const key = Symbol('glossary');

/**
 * Makes a glossary available to every component below (NoteText, the search, the legend); with
 * `marking`, terms are marked only while it holds; with `source`, fetched from there by load().
 */
export function provideGlossary(
	data: GlossaryData,
	marking?: () => boolean,
	source?: string | null
): GlossaryContext {
	return setContext(key, new GlossaryContext(data, marking, source));
}

/** The page's glossary, or null on pages without one (notes are then shown unmarked). */
export function useGlossary(): GlossaryContext | null {
	return getContext<GlossaryContext | undefined>(key) ?? null;
}
