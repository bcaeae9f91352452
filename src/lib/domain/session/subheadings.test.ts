import { describe, expect, it } from 'vitest';
import { limits } from '../limits';
import type { SessionCommand } from './commands';
import { closedResults } from './ballots';
import { voteItems } from './tally';
import {
	Q1,
	advance,
	advanceTo,
	as,
	clarifySession,
	facilitator,
	join,
	newSession,
	refusal,
	run,
	runOf,
	write
} from './test-fixtures';
import { facilitatorView, participantView, screenView } from './views';
import type { SessionState } from './types';

const heading = (clusterId: string, text: string, noteIds: string[] = []): SessionCommand => ({
	type: 'cluster.create',
	questionId: Q1,
	clusterId,
	heading: text,
	noteIds
});

const subheading = (
	clusterId: string,
	parentId: string,
	text: string,
	noteIds: string[] = []
): SessionCommand => ({
	type: 'cluster.create',
	questionId: Q1,
	clusterId,
	heading: text,
	noteIds,
	parentId
});

/** Clarify with the theme "Support" holding a1 and a sub-heading "What support is needed?" holding b1, c1. */
function withSubheading(): SessionState {
	let state = clarifySession();
	state = run(state, heading('support', 'Support', ['a1']));
	return run(state, subheading('needed', 'support', 'What support is needed?', ['b1', 'c1']));
}

describe('sub-headings (one level under a heading)', () => {
	it('a sub-heading sits under its heading, holding the notes it was made with', () => {
		const clusters = runOf(withSubheading()).clusters;
		expect(clusters).toEqual([
			{ id: 'support', heading: 'Support', noteIds: ['a1'] },
			{
				id: 'needed',
				heading: 'What support is needed?',
				noteIds: ['b1', 'c1'],
				parentId: 'support'
			}
		]);
	});

	it('a sub-heading of a sub-heading is refused with its own error', () => {
		expect(refusal(withSubheading(), subheading('deeper', 'needed', 'Deeper'))).toEqual({
			code: 'one_level_only'
		});
	});

	it('a sub-heading under a heading that does not exist (or of another question) is refused', () => {
		expect(refusal(withSubheading(), subheading('orphan', 'nowhere', 'Orphan')).code).toBe(
			'not_found'
		);
	});

	it('notes move into and out of a sub-heading with the heading controls', () => {
		let state = withSubheading();
		state = run(state, {
			type: 'cluster.assign',
			questionId: Q1,
			noteIds: ['a2'],
			clusterId: 'needed'
		});
		expect(runOf(state).clusters.find((c) => c.id === 'needed')!.noteIds).toEqual([
			'b1',
			'c1',
			'a2'
		]);
		state = run(state, {
			type: 'cluster.assign',
			questionId: Q1,
			noteIds: ['b1'],
			clusterId: 'support'
		});
		state = run(state, {
			type: 'cluster.assign',
			questionId: Q1,
			noteIds: ['c1'],
			clusterId: null
		});
		const clusters = runOf(state).clusters;
		expect(clusters.find((c) => c.id === 'support')!.noteIds).toEqual(['a1', 'b1']);
		expect(clusters.find((c) => c.id === 'needed')!.noteIds).toEqual(['a2']);
		state = run(state, {
			type: 'cluster.rename',
			questionId: Q1,
			clusterId: 'needed',
			heading: 'Vad behövs för stöd?'
		});
		expect(runOf(state).clusters.find((c) => c.id === 'needed')!.heading).toBe(
			'Vad behövs för stöd?'
		);
	});

	it('deleting a heading keeps every note: its sub-headings become headings with their notes, its own notes go ungrouped', () => {
		const state = run(withSubheading(), {
			type: 'cluster.dissolve',
			questionId: Q1,
			clusterId: 'support'
		});
		const r = runOf(state);
		expect(r.clusters).toEqual([
			{ id: 'needed', heading: 'What support is needed?', noteIds: ['b1', 'c1'] }
		]);
		expect(r.notes.map((n) => n.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
		expect(voteItems(r).map((i) => i.id)).toContain('n:a1');
	});

	it('a heading with sub-headings merged into a sub-heading is refused (it would nest two levels)', () => {
		let state = withSubheading();
		state = run(state, heading('other', 'Other'));
		state = run(state, subheading('other-sub', 'other', 'Other sub'));
		expect(
			refusal(state, {
				type: 'cluster.merge',
				questionId: Q1,
				sourceId: 'support',
				targetId: 'other-sub'
			})
		).toEqual({ code: 'one_level_only' });
		// Into a heading: its sub-headings come along under the target.
		state = run(state, {
			type: 'cluster.merge',
			questionId: Q1,
			sourceId: 'support',
			targetId: 'other'
		});
		const clusters = runOf(state).clusters;
		expect(clusters.find((c) => c.id === 'needed')!.parentId).toBe('other');
		expect(clusters.find((c) => c.id === 'other')!.noteIds).toEqual(['a1']);
	});

	it('sub-headings per heading are limited, and count toward the headings per question', () => {
		let state = run(clarifySession(), heading('h', 'H'));
		for (let i = 0; i < limits.subheadingsPerHeading; i++) {
			state = run(state, subheading(`sub-${i}`, 'h', `Sub ${i}`));
		}
		expect(refusal(state, subheading('one-more', 'h', 'One more'))).toEqual({
			code: 'too_many',
			params: { max: limits.subheadingsPerHeading }
		});
		expect(runOf(state).clusters).toHaveLength(1 + limits.subheadingsPerHeading);
	});

	it('sub-headings count in the 60 headings a question may have: a mix of 60 refuses both kinds', () => {
		// 10 headings with 5 sub-headings each: 60 in all, with no heading near its 12 sub-headings.
		const perHeading = 5;
		const headingCount = limits.clustersPerQuestion / (1 + perHeading);
		/** Headings h0, h1, … each followed by its sub-headings, until `count` are made. */
		const filled = (count: number): SessionState => {
			let state = clarifySession();
			for (let h = 0; h < headingCount; h++) {
				for (let s = -1; s < perHeading; s++) {
					if (runOf(state).clusters.length === count) return state;
					state = run(
						state,
						s < 0 ? heading(`h${h}`, `H${h}`) : subheading(`h${h}-s${s}`, `h${h}`, `H${h} sub ${s}`)
					);
				}
			}
			return state;
		};
		const tooMany = { code: 'too_many', params: { max: limits.clustersPerQuestion } };

		const full = filled(limits.clustersPerQuestion);
		const clusters = runOf(full).clusters;
		expect(clusters).toHaveLength(limits.clustersPerQuestion);
		expect(clusters.filter((c) => c.parentId === undefined)).toHaveLength(headingCount);
		expect(clusters.filter((c) => c.parentId !== undefined)).toHaveLength(
			headingCount * perHeading
		);
		expect(refusal(full, heading('one-more', 'One more'))).toEqual(tooMany);
		expect(refusal(full, subheading('one-more-sub', 'h0', 'One more sub'))).toEqual(tooMany);

		// One fewer (the last heading has 4 sub-headings): a sub-heading is taken, making 60.
		const almost = filled(limits.clustersPerQuestion - 1);
		expect(runOf(almost).clusters).toHaveLength(limits.clustersPerQuestion - 1);
		const after = run(almost, subheading('last-sub', 'h0', 'Last sub'));
		expect(runOf(after).clusters).toHaveLength(limits.clustersPerQuestion);
		expect(runOf(after).clusters.at(-1)).toMatchObject({ id: 'last-sub', parentId: 'h0' });
		expect(refusal(after, subheading('and-another', 'h1', 'And another'))).toEqual(tooMany);
	});

	it('votes stay on headings and ungrouped notes: a note under a sub-heading counts for its heading', () => {
		let state = advance(withSubheading());
		const items = voteItems(runOf(state));
		expect(items.map((i) => i.id)).toEqual(['c:support', 'n:a2', 'n:c2', 'n:a3']);
		expect(items[0]!.noteIds).toEqual(['a1', 'b1', 'c1']);
		expect(
			refusal(state, { type: 'ballot.cast', questionId: Q1, ranking: ['c:needed'] }, as('ann')).code
		).toBe('not_found');
		for (const voter of ['ann', 'ben', 'cat']) {
			state = run(
				state,
				{ type: 'ballot.cast', questionId: Q1, ranking: ['c:support'] },
				as(voter)
			);
		}
		state = advance(state);
		const results = closedResults(runOf(state), runOf(state).closedVote)!;
		expect(results[0]).toMatchObject({
			itemId: 'c:support',
			points: 12,
			noteIds: ['a1', 'b1', 'c1']
		});
		expect(results.some((r) => r.itemId === 'c:needed')).toBe(false);
	});

	it('a heading whose notes are all under its sub-headings is still a vote item', () => {
		let state = run(clarifySession(), heading('support', 'Support'));
		state = run(state, subheading('needed', 'support', 'Needed', ['b1']));
		expect(voteItems(runOf(state)).map((i) => i.id)).toContain('c:support');
	});

	it('every view carries the sub-heading with its heading; top-level headings carry no parent', () => {
		const state = withSubheading();
		for (const view of [
			screenView(state),
			participantView(state, 'ann')!,
			facilitatorView(state)
		]) {
			const clusters = view.runs.find((r) => r.id === Q1)!.clusters;
			expect(clusters.find((c) => c.id === 'needed')).toMatchObject({ parentId: 'support' });
			expect(clusters.find((c) => c.id === 'support')).not.toHaveProperty('parentId');
		}
	});

	it('events from before sub-headings replay to the same state (no parentId field appears)', () => {
		const state = run(clarifySession(), heading('h', 'H', ['a1']), facilitator);
		expect(Object.keys(runOf(state).clusters[0]!)).toEqual(['id', 'heading', 'noteIds']);
	});

	it('the phone view grows only by each sub-heading’s id, name and parent (measured)', () => {
		// A big group: 10 people, 6 notes each, 12 headings of 4 notes; then 12 sub-headings of 2.
		const people = Array.from({ length: 10 }, (_, i) => `person${i}`);
		let state = join(newSession(), people);
		state = advance(state);
		state = write(
			state,
			Object.fromEntries(
				people.map((p) => [
					p,
					Array.from({ length: 6 }, (_, n): [string, string] => [
						`${p}-note-${n}`,
						`A realistic note of about sixty characters, number ${n} by ${p}`
					])
				])
			)
		);
		state = advanceTo(state, 'clarify');
		const ids = runOf(state).notes.map((n) => n.id);
		for (let h = 0; h < 12; h++)
			state = run(
				state,
				heading(`heading-${h}`, `HEADING NUMBER ${h}`, ids.slice(h * 4, h * 4 + 4))
			);
		const before = JSON.stringify(participantView(state, 'person0')).length;
		let withSubs = state;
		for (let h = 0; h < 12; h++)
			withSubs = run(
				withSubs,
				subheading(
					`sub-${h}`,
					`heading-${h}`,
					`What is needed, part ${h}?`,
					ids.slice(h * 4 + 2, h * 4 + 4)
				)
			);
		const after = JSON.stringify(participantView(withSubs, 'person0')).length;
		const perSubheading = (after - before) / 12;
		// {"id":…,"heading":…,"noteIds":[],"parentId":…}: the moved note ids only change place.
		expect(perSubheading).toBeLessThan(100);
		expect(before).toBeGreaterThan(0);
	});
});
