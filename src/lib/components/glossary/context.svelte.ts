import { getContext, setContext } from 'svelte';
import {
	compileGlossary,
	segmentText,
	type GlossaryMatcher,
	type GlossarySegment
} from '$lib/domain/glossary/match';
import type { Glossary, GlossaryConcept, GlossaryData } from '$lib/domain/glossary/types';

export type { GlossaryData };
import type { Language } from '$lib/domain/session/types';

// Notes are re-rendered whenever a view arrives; matching each text once is enough.
const cacheLimit = 2000;

interface Compiled {
	matcher: GlossaryMatcher;
	byId: Map<string, GlossaryConcept>;
	segments: Map<string, GlossarySegment[]>;
}

/** A page's glossary: compiled once, and again only when its content changes. */
export class GlossaryContext {
	#data = $state.raw<GlossaryData>({ concepts: [], languages: [] });
	#key = '';
	// Plain maps on purpose: a lookup table and a cache, rebuilt with the matcher, never state.
	#compiled = $derived.by<Compiled>(() => ({
		matcher: compileGlossary(this.#data.concepts),
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		byId: new Map(this.#data.concepts.map((c) => [c.id, c])),
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		segments: new Map()
	}));

	constructor(data: GlossaryData) {
		this.set(data);
	}

	/** Takes new data from a load; a glossary with the same content keeps its compiled matcher. */
	set(data: GlossaryData): void {
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
		const compiled = this.#compiled;
		let segments = compiled.segments.get(text);
		if (!segments) {
			if (compiled.segments.size >= cacheLimit) compiled.segments.clear();
			segments = segmentText(compiled.matcher, text);
			compiled.segments.set(text, segments);
		}
		return segments;
	}
}

const key = Symbol('glossary');

/** Makes a glossary available to every component below (NoteText, the search, the legend). */
export function provideGlossary(data: GlossaryData): GlossaryContext {
	return setContext(key, new GlossaryContext(data));
}

/** The page's glossary, or null on pages without one (notes are then shown unmarked). */
export function useGlossary(): GlossaryContext | null {
	return getContext<GlossaryContext | undefined>(key) ?? null;
}
