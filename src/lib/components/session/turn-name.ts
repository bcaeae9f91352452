import { groupTurnId } from '$lib/domain/session/round-robin';
import type { PersonView } from '$lib/domain/session/views';

/** Whose turn a reveal order names: a person, or the group (its notes, read by the facilitator). */
export function turnName(person: PersonView, t: (key: string) => string): string {
	return person.id === groupTurnId ? t('session.groupNotes.turn') : person.name;
}

/** The author shown under a revealed note: a name, "the group", or nobody. */
export function noteAuthor(
	note: { author: string | null; byGroup?: true },
	t: (key: string) => string
): string | null {
	return note.byGroup ? t('session.groupNotes.theGroup') : note.author;
}
