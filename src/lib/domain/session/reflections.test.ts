import { describe, expect, it } from 'vitest';
import { execute } from './commands';
import {
	Q1,
	Q2,
	T0,
	advanceTo,
	as,
	facilitator,
	join,
	newSession,
	refusal,
	run,
	runOf
} from './test-fixtures';
import type { SessionState } from './types';
import { facilitatorView, participantView, screenView, viewJson } from './views';

const ann = as('ann');
const ben = as('ben');

/** Ann, Ben and Cat in a session whose first question has reached the results. */
function afterResults(settings: { anonymous?: boolean } = {}): SessionState {
	const state = join(newSession({ questions: ['a?', 'b?'], settings }), ['ann', 'ben', 'cat']);
	return advanceTo(state, 'results');
}

function allowMembers(state: SessionState): SessionState {
	return run(state, { type: 'session.configure', settings: { membersReflect: true } });
}

describe('reflections by anyone in the group', () => {
	it('the facilitator writes several, each with an author from the group and an optional title', () => {
		let state = afterResults();
		state = run(state, {
			type: 'reflection.write',
			reflectionId: 'r1',
			authorId: 'ann',
			text: 'Vi ble enige\n\nom mye.',
			showName: true
		});
		state = run(state, {
			type: 'reflection.write',
			reflectionId: 'r2',
			authorId: 'ben',
			title: 'Etter dagen',
			text: 'Lærerikt.',
			showName: true
		});
		expect(state.reflections).toEqual([
			{
				id: 'r1',
				authorId: 'ann',
				title: '',
				text: 'Vi ble enige\n\nom mye.',
				showName: true,
				byAuthor: false,
				createdAt: T0
			},
			{
				id: 'r2',
				authorId: 'ben',
				title: 'Etter dagen',
				text: 'Lærerikt.',
				showName: true,
				byAuthor: false,
				createdAt: T0
			}
		]);
		// The old single reflection is untouched: it stays the leaders'.
		expect(state.reflection).toBe('');
	});

	it('refuses an author who is not in the group, a missing author, empty and too long text', () => {
		const state = afterResults();
		const write = (fields: Record<string, unknown>) =>
			refusal(state, {
				type: 'reflection.write',
				reflectionId: 'r1',
				text: 'x',
				...fields
			} as never);
		expect(write({ authorId: 'zed' })).toEqual({ code: 'not_found' });
		expect(write({})).toEqual({ code: 'invalid_payload', params: { field: 'authorId' } });
		expect(write({ authorId: 'ann', text: '  \n ' })).toEqual({ code: 'empty' });
		expect(write({ authorId: 'ann', text: 'r'.repeat(10_001) })).toEqual({
			code: 'too_long',
			params: { max: 10_000, length: 10_001 }
		});
		expect(write({ authorId: 'ann', title: 't'.repeat(121) })).toEqual({
			code: 'too_long',
			params: { max: 120, length: 121 }
		});
	});

	it('holds at most 30 reflections in a group', () => {
		let state = afterResults();
		for (let i = 0; i < 30; i++) {
			state = run(state, {
				type: 'reflection.write',
				reflectionId: `r${i}`,
				authorId: 'ann',
				text: 'x'
			});
		}
		expect(
			refusal(state, { type: 'reflection.write', reflectionId: 'r30', authorId: 'ann', text: 'x' })
		).toEqual({ code: 'too_many', params: { max: 30 } });
	});

	it('a member may not write one until the facilitator allows it, even with a crafted command', () => {
		const state = afterResults();
		expect(
			refusal(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Mine' }, ann)
		).toEqual({ code: 'forbidden' });
		const allowed = allowMembers(state);
		const written = run(
			allowed,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'Mine' },
			ann
		);
		expect(written.reflections).toEqual([
			expect.objectContaining({ authorId: 'ann', text: 'Mine', byAuthor: true })
		]);
		// Allowed once, closed again: no more.
		const closed = run(written, { type: 'session.configure', settings: { membersReflect: false } });
		expect(
			refusal(closed, { type: 'reflection.write', reflectionId: 'r2', text: 'More' }, ben)
		).toEqual({ code: 'forbidden' });
	});

	it('a member writes only as themselves and changes only their own', () => {
		let state = allowMembers(afterResults());
		expect(
			refusal(
				state,
				{ type: 'reflection.write', reflectionId: 'r1', text: 'As Ben', authorId: 'ben' },
				ann
			)
		).toEqual({ code: 'forbidden' });
		state = run(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Ann’s' }, ann);
		expect(
			refusal(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Taken over' }, ben)
		).toEqual({ code: 'forbidden' });
		expect(refusal(state, { type: 'reflection.delete', reflectionId: 'r1' }, ben)).toEqual({
			code: 'forbidden'
		});
		state = run(
			state,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'Ann’s, better' },
			ann
		);
		expect(state.reflections!.map((r) => r.text)).toEqual(['Ann’s, better']);
		state = run(state, { type: 'reflection.delete', reflectionId: 'r1' }, ann);
		expect(state.reflections).toEqual([]);
	});

	it('in an anonymous session a member’s name is not shown unless they choose; in a named one it is', () => {
		const anonymous = allowMembers(afterResults());
		const hidden = run(anonymous, { type: 'reflection.write', reflectionId: 'r1', text: 'x' }, ann);
		expect(hidden.reflections![0]!.showName).toBe(false);
		const chosen = run(
			anonymous,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'x', showName: true },
			ann
		);
		expect(chosen.reflections![0]!.showName).toBe(true);
		const named = allowMembers(afterResults({ anonymous: false }));
		const shown = run(named, { type: 'reflection.write', reflectionId: 'r1', text: 'x' }, ann);
		expect(shown.reflections![0]!.showName).toBe(true);
		const declined = run(
			named,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'x', showName: false },
			ann
		);
		expect(declined.reflections![0]!.showName).toBe(false);
	});

	it('erasing a person erases their reflections, and strikes their name from the others and the discussion', () => {
		for (const mode of ['delete', 'anonymise'] as const) {
			let state = allowMembers(afterResults());
			state = run(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Mine' }, ann);
			state = run(state, {
				type: 'reflection.write',
				reflectionId: 'r2',
				authorId: 'ben',
				title: 'Om ann',
				text: 'Ann sa mye klokt. ANN igjen; Annette er en annen.'
			});
			state = run(state, {
				type: 'discussion.write',
				questionId: Q1,
				text: 'Ann og Ben diskuterte.'
			});
			state = run(
				state,
				{ type: 'participant.erase', participantId: 'ann', mode },
				{ role: 'system' }
			);
			expect(
				state.reflections!.map((r) => r.id),
				mode
			).toEqual(['r2']);
			expect(state.reflections![0]!.title).toBe('Om […]');
			expect(state.reflections![0]!.text).toBe('[…] sa mye klokt. […] igjen; Annette er en annen.');
			expect(runOf(state).discussion).toBe('[…] og Ben diskuterte.');
			expect(JSON.stringify(state)).not.toContain('Mine');
		}
	});

	it('a person removed with their contributions loses their reflections; one who leaves keeps them', () => {
		let state = allowMembers(afterResults());
		state = run(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Mine' }, ann);
		const removed = run(state, {
			type: 'participant.remove',
			participantId: 'ann',
			deleteContributions: true
		});
		expect(removed.reflections).toEqual([]);
		const left = run(state, { type: 'participant.leave' }, ann);
		expect(left.reflections).toHaveLength(1);
	});

	it('a session stored before reflections had authors replays and takes them', () => {
		// A snapshot from before: no reflections list, the leaders' reflection in its old field.
		const { reflections, ...old } = run(afterResults(), { type: 'session.reflect', text: 'Old' });
		expect(reflections).toBeUndefined();
		const next = run(old as SessionState, {
			type: 'reflection.write',
			reflectionId: 'r1',
			authorId: 'ben',
			text: 'New'
		});
		expect(next.reflection).toBe('Old');
		expect(next.reflections).toHaveLength(1);
		expect(facilitatorView(old as SessionState).reflections).toEqual([]);
	});
});

describe('discussion per question', () => {
	it('the facilitator writes it in any phase, keeps lines, may empty it, within 10 000 characters', () => {
		let state = afterResults();
		state = run(state, { type: 'discussion.write', questionId: Q2, text: ' Først\n\nså ' });
		expect(runOf(state, Q2).discussion).toBe('Først\n\nså');
		expect(runOf(state, Q1).discussion).toBeUndefined();
		state = run(state, { type: 'discussion.write', questionId: Q2, text: '' });
		expect(runOf(state, Q2).discussion).toBe('');
		expect(
			refusal(state, { type: 'discussion.write', questionId: Q1, text: 'd'.repeat(10_001) })
		).toEqual({ code: 'too_long', params: { max: 10_000, length: 10_001 } });
	});

	it('members and guests may not write it', () => {
		const state = allowMembers(afterResults());
		expect(refusal(state, { type: 'discussion.write', questionId: Q1, text: 'x' }, ann)).toEqual({
			code: 'forbidden'
		});
	});
});

describe('views of reflections and discussion', () => {
	function written(): SessionState {
		let state = allowMembers(afterResults());
		state = run(state, { type: 'reflection.write', reflectionId: 'r1', text: 'Ann’s own' }, ann);
		state = run(state, {
			type: 'reflection.write',
			reflectionId: 'r2',
			authorId: 'ben',
			text: 'Ben’s',
			showName: true
		});
		return run(state, { type: 'discussion.write', questionId: Q1, text: 'We talked' });
	}

	it('the console sees every reflection and the discussion; a phone only its own reflection; the screen neither', () => {
		const state = written();
		const console = facilitatorView(state);
		expect(console.reflections.map((r) => [r.id, r.authorId, r.text])).toEqual([
			['r1', 'ann', 'Ann’s own'],
			['r2', 'ben', 'Ben’s']
		]);
		expect(console.runs[0]!.discussion).toBe('We talked');
		const phone = participantView(state, 'ann')!;
		expect(phone.myReflections).toEqual([
			{ id: 'r1', title: '', text: 'Ann’s own', showName: false }
		]);
		expect(JSON.stringify(participantView(state, 'ben'))).not.toContain('Ann’s own');
		expect(JSON.stringify(participantView(state, 'cat'))).not.toContain('We talked');
		expect(JSON.stringify(screenView(state))).not.toContain('Ann’s own');
		expect(JSON.stringify(screenView(state))).not.toContain('We talked');
	});

	it('viewJson is each view’s JSON', () => {
		const state = written();
		for (const viewer of [
			{ role: 'participant', participantId: 'ann' },
			{ role: 'participant', participantId: 'cat' },
			{ role: 'screen' },
			{ role: 'facilitator' }
		] as const) {
			const view =
				viewer.role === 'participant'
					? participantView(state, viewer.participantId)
					: viewer.role === 'screen'
						? screenView(state)
						: facilitatorView(state);
			expect(viewJson(state, viewer)).toBe(JSON.stringify(view));
		}
	});

	it('a phone’s view grows by its own reflection only (measured)', () => {
		const state = written();
		const before = JSON.stringify(participantView(state, 'cat')).length;
		const withOwn = JSON.stringify(participantView(state, 'ann')).length;
		expect(withOwn - before).toBeLessThan(120);
		expect(
			execute(state, { type: 'reflection.delete', reflectionId: 'nope' }, facilitator, T0)
		).toEqual({ ok: false, error: { code: 'not_found' } });
	});
});
