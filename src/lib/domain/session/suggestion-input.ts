// What the suggestion engine reads of a session: the revealed notes of a question in clarify that
// nobody has placed under a heading yet, each with its author's language where it is known.
import { refuse, type DomainError } from '../errors';
import type { SynthesisNote } from '../synthesis/suggest';
import { answeredWithFirst } from './commands';
import type { Language, SessionState } from './types';

/** The notes to suggest headings for, or why not: unknown question, wrong phase, one list. */
export function suggestionNotes(
	state: SessionState,
	questionId: string,
	languageOf: (authorId: string) => Language | undefined
): { ok: true; notes: SynthesisNote[] } | { ok: false; error: DomainError } {
	const run = state.questions.find((q) => q.id === questionId);
	if (!run) return { ok: false, error: refuse('not_found') };
	if (answeredWithFirst(state, run)) return { ok: false, error: refuse('answered_together') };
	if (run.phase !== 'clarify') {
		return { ok: false, error: refuse('wrong_phase', { phase: run.phase }) };
	}
	// A note someone already placed stays where it is: only loose notes are suggested.
	const placed = new Set(run.clusters.flatMap((c) => c.noteIds));
	const notes = run.notes
		.filter((note) => note.revealIndex !== null && !placed.has(note.id))
		.map((note): SynthesisNote => {
			const language = note.authorId === null ? undefined : languageOf(note.authorId);
			return language
				? { id: note.id, text: note.text, language }
				: { id: note.id, text: note.text };
		});
	return { ok: true, notes };
}
