import type { SessionCommand } from './commands';
import type { SessionState } from './types';

/**
 * Whether an accepted command removed text or identity that must not outlive it in the event
 * log: a deleted note, a draft replaced without history, a removed person's notes and name, a
 * changed name, or ballots linked to their voters once the vote closes or is thrown away.
 * The caller then stores the state after the command as the snapshot and drops every event up
 * to it, so that the log never holds what the state no longer does.
 */
export function mustForget(
	before: SessionState,
	command: SessionCommand,
	after: SessionState
): boolean {
	switch (command.type) {
		case 'note.delete':
		case 'participant.erase':
			return true;
		case 'note.edit':
			return editedAwayText(before, after, command.noteId);
		case 'participant.remove':
			return command.deleteContributions;
		case 'participant.rename':
		case 'participant.enrol': {
			const previous = nameOf(before, command.participantId);
			return previous !== undefined && previous !== nameOf(after, command.participantId);
		}
		case 'phase.advance':
		case 'phase.back':
			// Closing a vote (→ results) or stepping back out of one (ballots thrown away), or
			// reopening a vote whose results were shown (a new vote: who voted goes too).
			return (
				command.from === 'vote' ||
				command.from === 'revote' ||
				(command.from === 'results' &&
					closedVoteOf(before, command.questionId) !== null &&
					closedVoteOf(after, command.questionId) === null)
			);
		case 'reflection.delete':
			return true;
		case 'reflection.write': {
			const old = before.reflections?.find((r) => r.id === command.reflectionId);
			const now = after.reflections?.find((r) => r.id === command.reflectionId);
			return (
				!!old && !!now && (old.text !== now.text || (old.title !== '' && old.title !== now.title))
			);
		}
		case 'discussion.write': {
			const old = discussionOf(before, command.questionId);
			return old !== '' && old !== discussionOf(after, command.questionId);
		}
		default:
			return false;
	}
}

function discussionOf(state: SessionState, questionId: string): string {
	return state.questions.find((q) => q.id === questionId)?.discussion ?? '';
}

/** The note's text changed and its earlier text is kept nowhere in the new state. */
function editedAwayText(before: SessionState, after: SessionState, noteId: string): boolean {
	const old = findNote(before, noteId);
	const now = findNote(after, noteId);
	if (!old || !now || old.text === now.text) return false;
	return !now.history.some((edit) => edit.previous === old.text);
}

function findNote(state: SessionState, noteId: string) {
	for (const run of state.questions) {
		const note = run.notes.find((n) => n.id === noteId);
		if (note) return note;
	}
	return undefined;
}

/** A participant's name, or undefined for someone the session does not know (yet). */
function nameOf(state: SessionState, participantId: string): string | undefined {
	return state.participants.find((p) => p.id === participantId)?.name;
}

function closedVoteOf(state: SessionState, questionId: string) {
	return state.questions.find((q) => q.id === questionId)?.closedVote ?? null;
}

/** Every text of a session's notes, with their earlier versions. */
function noteTexts(state: SessionState): Set<string> {
	return new Set(
		state.questions.flatMap((q) =>
			q.notes.flatMap((n) => [n.text, ...n.history.map((h) => h.previous)])
		)
	);
}

/**
 * The note texts `before` held that `after` holds nowhere (deleted, erased or edited away):
 * what must not outlive them elsewhere, such as a theme heading taken from a note.
 */
export function textsForgotten(before: SessionState, after: SessionState): string[] {
	const kept = noteTexts(after);
	return [...noteTexts(before)].filter((text) => !kept.has(text));
}
