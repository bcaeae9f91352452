// A conference's glossary on the server: which glossary a page marks notes with, the
// organiser's edits (one concept at a time) and CSV imports saved after their check. The
// concept input and the CSV format are pure and live in domain/glossary.
import {
	checkGlossary,
	conceptFromInput,
	conceptId,
	type ConceptError,
	type ConceptInput
} from '$lib/domain/glossary/concept-input';
import {
	previewGlossaryImport,
	type GlossaryImportPreview,
	type ImportMode
} from '$lib/domain/glossary/csv';
import { defaultGlossary } from '$lib/domain/glossary/default-glossary';
import type { GlossaryConcept, GlossaryData } from '$lib/domain/glossary/types';
import { languages } from '$lib/domain/session/types';
import type { ServerApp } from './app';
import { randomToken } from './tokens';

/** What this module uses of the app: handed in by its caller. */
type Uses = Pick<ServerApp, 'stores' | 'conferences'>;

/** The glossary a page marks notes with, and the languages of the room. */
export type GlossaryDelivery = GlossaryData;

/** A conference's glossary and languages; the default glossary when the conference is gone. */
export async function glossaryForConference(
	app: Uses,
	conferenceId: string
): Promise<GlossaryDelivery> {
	const conference = await app.stores.conferences.find(conferenceId);
	if (!conference) return { concepts: defaultGlossary, languages: [] };
	return {
		concepts: await app.stores.glossary.read(conferenceId),
		languages: conference.languages
	};
}

/** What a session's notes are matched against: its conference's glossary, else the default. */
export async function glossaryForSession(
	app: Uses,
	conferenceId: string | null
): Promise<GlossaryDelivery> {
	return conferenceId
		? glossaryForConference(app, conferenceId)
		: { concepts: defaultGlossary, languages: [] };
}

/**
 * A phone's glossary as its page fetches it once usable: JSON (compressed on the way out), kept by
 * no cache, since the organiser may edit it any minute.
 */
export function glossaryAnswer(delivery: GlossaryDelivery): Response {
	return new Response(JSON.stringify(delivery), {
		headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' }
	});
}

// --- organiser edits ------------------------------------------------------------------------------

/** Reads the editor's form: terms_<lang>, explanation_<lang>, notes_<lang>, differs, unmarked, forms. */
export function readConceptForm(form: FormData): ConceptInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const input: ConceptInput = {
		terms: {},
		explanation: {},
		notes: {},
		differs: form.get('differs') === 'on' ? 'yes' : '',
		unmarked: text('unmarked'),
		forms: text('forms')
	};
	for (const language of languages) {
		input.terms[language] = text(`terms_${language}`);
		input.explanation[language] = text(`explanation_${language}`);
		input.notes[language] = text(`notes_${language}`);
	}
	return input;
}

export type SaveResult =
	{ ok: true; id: string } | { ok: false; errors: ConceptError[]; notFound?: boolean };

/**
 * Reads, changes and writes a conference's glossary in one transaction, so that a concurrent
 * edit of another concept is not lost. `apply` answers the new glossary (or null to keep it)
 * and what to tell the caller.
 */
async function change<T>(
	app: Pick<ServerApp, 'stores' | 'conferences'>,
	conferenceId: string,
	apply: (glossary: GlossaryConcept[]) => { next: GlossaryConcept[] | null; answer: T }
): Promise<T> {
	const { changed, answer } = await app.stores.transaction(async (tx) => {
		const { next, answer } = apply(await tx.glossary.read(conferenceId));
		if (next !== null) await tx.glossary.write(conferenceId, next);
		return { changed: next !== null, answer };
	});
	// Phones, screens and consoles that are open mark notes with the new glossary.
	if (changed) await app.conferences.changed(conferenceId, 'glossary');
	return answer;
}

/**
 * Saves one concept: a new one (id null, added at the end) or an edit of an existing one
 * (same place, same id). Nothing is saved when anything is wrong.
 */
export function saveConcept(
	app: Uses,
	conferenceId: string,
	id: string | null,
	input: ConceptInput
): Promise<SaveResult> {
	return change<SaveResult>(app, conferenceId, (glossary) => {
		const index = id === null ? -1 : glossary.findIndex((c) => c.id === id);
		if (id !== null && index < 0) {
			return { next: null, answer: { ok: false, errors: [], notFound: true } };
		}
		const newId =
			index >= 0
				? glossary[index]!.id
				: conceptId(conceptFromInput(input, 'x').concept, new Set(glossary.map((c) => c.id)));
		const { concept, errors } = conceptFromInput(input, newId);
		const next = [...glossary];
		if (index >= 0) next[index] = concept;
		else next.push(concept);
		const all = [...errors, ...(checkGlossary(next).get(newId) ?? [])];
		if (all.length > 0) return { next: null, answer: { ok: false, errors: all } };
		return { next, answer: { ok: true, id: newId } };
	});
}

/** Deletes a concept; false when it was not there. */
export function deleteConcept(app: ServerApp, conferenceId: string, id: string): Promise<boolean> {
	return change(app, conferenceId, (glossary) => {
		const next = glossary.filter((c) => c.id !== id);
		return next.length === glossary.length ? { next: null, answer: false } : { next, answer: true };
	});
}

/** Checks the file again and, only when all is well, saves the result in one transaction. */
export function importGlossary(
	app: Uses,
	conferenceId: string,
	input: string | Uint8Array,
	mode: ImportMode
): Promise<GlossaryImportPreview> {
	return change(app, conferenceId, (glossary) => {
		const preview = previewGlossaryImport(input, glossary, mode);
		return { next: preview.ok ? preview.result : null, answer: preview };
	});
}

// --- checked imports waiting for "save" ------------------------------------------------------

interface PendingImport {
	conferenceId: string;
	text: string;
	mode: ImportMode;
	expires: number;
}

const pendingImports = new Map<string, PendingImport>();
/** A checked file is kept this long for its "save"; the organiser checks again after that. */
const pendingMs = 30 * 60_000;
const pendingMax = 50;

/** Keeps a checked file until it is saved (or expires); answers the token the form sends back. */
export function rememberImport(
	conferenceId: string,
	text: string,
	mode: ImportMode,
	now = Date.now()
): string {
	for (const [token, entry] of pendingImports) {
		if (entry.expires <= now) pendingImports.delete(token);
	}
	while (pendingImports.size >= pendingMax) {
		pendingImports.delete(pendingImports.keys().next().value!);
	}
	const token = randomToken(18);
	pendingImports.set(token, { conferenceId, text, mode, expires: now + pendingMs });
	return token;
}

/** The checked file for a token, once (null when unknown, expired or another conference's). */
export function takeImport(
	conferenceId: string,
	token: string,
	now = Date.now()
): { text: string; mode: ImportMode } | null {
	const entry = pendingImports.get(token);
	if (!entry || entry.conferenceId !== conferenceId || entry.expires <= now) return null;
	pendingImports.delete(token);
	return { text: entry.text, mode: entry.mode };
}
