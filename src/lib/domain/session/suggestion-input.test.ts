import { describe, expect, it } from 'vitest';
import { suggestionNotes } from './suggestion-input';
import {
	Q1,
	Q2,
	advance,
	clarifySession,
	newSession,
	run,
	runOf,
	writtenSession
} from './test-fixtures';
import type { Language } from './types';

const languages: Record<string, Language> = { ann: 'sv', ben: 'nb' };
const languageOf = (id: string) => languages[id];

describe('suggestionNotes', () => {
	it('gives the revealed notes nobody placed, with their authors’ languages where known', () => {
		const state = clarifySession();
		const notes = runOf(state).notes;
		const placed = notes.find((n) => n.authorId === 'ann')!;
		const grouped = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'placed-by-hand',
			heading: 'BY HAND',
			noteIds: [placed.id]
		});
		const input = suggestionNotes(grouped, Q1, languageOf);
		if (!input.ok) throw new Error(JSON.stringify(input.error));
		expect(input.notes.map((n) => n.id).sort()).toEqual(
			notes
				.filter((n) => n.id !== placed.id)
				.map((n) => n.id)
				.sort()
		);
		for (const note of input.notes) {
			const author = notes.find((n) => n.id === note.id)!.authorId!;
			expect(note.language).toBe(languages[author]);
			if (!(author in languages)) expect('language' in note).toBe(false);
		}
	});

	it('refuses outside clarify, for an unknown question and for a later question of one list', () => {
		expect(suggestionNotes(writtenSession(), Q1, languageOf)).toEqual({
			ok: false,
			error: { code: 'wrong_phase', params: { phase: 'write' } }
		});
		expect(suggestionNotes(advance(writtenSession()), Q1, languageOf)).toMatchObject({
			ok: false,
			error: { code: 'wrong_phase' }
		});
		expect(suggestionNotes(clarifySession(), 'nope', languageOf)).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		const oneList = newSession({ questions: ['a', 'b'], settings: { oneList: true } });
		expect(suggestionNotes(oneList, Q2, languageOf)).toMatchObject({
			ok: false,
			error: { code: 'answered_together' }
		});
	});
});

describe('a suggestion taken after a note was placed elsewhere', () => {
	it('puts only the notes still unplaced under the new heading; the placed note stays', () => {
		const state = clarifySession();
		const [placed, loose] = runOf(state).notes;
		const byHand = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'placed-by-hand',
			heading: 'BY HAND',
			noteIds: [placed!.id]
		});
		// The console sent the suggestion before it saw the note placed (queued while offline).
		const taken = run(byHand, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'suggested',
			heading: 'SUGGESTED',
			noteIds: [placed!.id, loose!.id],
			onlyLoose: true
		});
		const clusters = runOf(taken).clusters;
		expect(clusters.find((c) => c.id === 'placed-by-hand')!.noteIds).toEqual([placed!.id]);
		expect(clusters.find((c) => c.id === 'suggested')!.noteIds).toEqual([loose!.id]);
	});
});
