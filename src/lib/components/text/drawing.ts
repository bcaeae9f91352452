/**
 * How a page draws the texts it shows. Screens provide a drawing (they hyphenate); every other
 * page draws text as written, and carries none of the screens' code for it.
 */
import { getContext, setContext } from 'svelte';
import type { Language } from '$lib/domain/session/types';

export interface TextDrawing {
	/** The text as drawn: in the page's language, or a glossary term in one of its own. */
	draw(text: string, termLanguages?: readonly Language[]): string;
	/** Every text drawn so far is in its final form (nothing it needs is still on its way). */
	readonly settled: boolean;
}

const key = Symbol('text drawing');

export function provideTextDrawing(drawing: TextDrawing): TextDrawing {
	return setContext(key, drawing);
}

/** The page's drawing, or null where text is drawn as written (phones, consoles). */
export function useTextDrawing(): TextDrawing | null {
	return getContext<TextDrawing | undefined>(key) ?? null;
}
