import { describe, expect, it } from 'vitest';
import type { SessionCommand } from './commands';
import { execute } from './commands';
import { noteItemId } from './tally';
import {
	Q1,
	Q2,
	T0,
	advance,
	advanceTo,
	as,
	facilitator,
	join,
	nameOf,
	newSession,
	refusal,
	run,
	runOf,
	write
} from './test-fixtures';
import { facilitatorView, participantView, screenView, viewJson } from './views';
import type { SessionSettings, SessionState } from './types';

const oneList: SessionCommand = { type: 'session.configure', settings: { oneList: true } };

/** Two questions, Ann and Ben in the room, "one list for all questions" chosen in the lobby. */
function oneListSession(): SessionState {
	let state = newSession({ questions: ['What works?', 'What is needed?'] });
	state = join(state, ['ann', 'ben']);
	return run(state, oneList);
}

describe('one list for all questions', () => {
	it('is off in a new session and in one stored before the setting existed', () => {
		expect(newSession().settings.oneList).toBeUndefined();
		// A stored snapshot has no such field: it loads as questions answered each on their own.
		const stored = JSON.parse(JSON.stringify(newSession({ questions: ['a', 'b'] })));
		const state = advance(join(stored, ['ann']), 'q2');
		expect(runOf(state, 'q2').phase).toBe('write');
	});

	it('is chosen in the lobby and brings the room to the first question', () => {
		let state = newSession({ questions: ['What works?', 'What is needed?'] });
		state = run(state, { type: 'question.select', questionId: Q2 });
		state = run(state, oneList);
		expect(state.settings.oneList).toBe(true);
		expect(state.currentQuestionId).toBe(Q1);
	});

	it('is refused once any question has left the lobby, either way', () => {
		const started = advance(oneListSession());
		expect(refusal(started, { type: 'session.configure', settings: { oneList: false } }).code).toBe(
			'writing_started'
		);
		// Sending the same value again (the console sends its settings whole) changes nothing.
		expect(run(started, oneList)).toEqual(started);
		expect(run(started, { type: 'session.configure', settings: { topN: 3 } }).settings).toEqual({
			...started.settings,
			topN: 3
		});
		let apart = newSession({ questions: ['a', 'b'] });
		apart = advance(apart, Q2);
		expect(refusal(apart, oneList).code).toBe('writing_started');
	});

	it('refuses every command that would run a later question on its own', () => {
		let state = advance(oneListSession());
		state = write(state, { ann: [['a1', 'Job coaches']] });
		const attempts: SessionCommand[] = [
			{ type: 'phase.advance', questionId: Q2, from: 'lobby' },
			{ type: 'question.select', questionId: Q2 },
			{ type: 'note.add', questionId: Q2, noteId: 'x', text: 'Apart', authorId: 'ann' },
			{ type: 'discussion.write', questionId: Q2, text: 'Apart' }
		];
		for (const command of attempts) {
			expect(refusal(state, command).code, command.type).toBe('answered_together');
		}
		expect(
			refusal(state, { type: 'note.add', questionId: Q2, noteId: 'y', text: 'Mine' }, as('ben'))
				.code
		).toBe('answered_together');
		// Its wording can still be corrected: it stands above the list.
		const edited = run(state, { type: 'question.edit', questionId: Q2, text: 'What is lacking?' });
		expect(runOf(edited, Q2).text).toBe('What is lacking?');
	});

	it('runs writing, reveal, vote and results once, on the first question', () => {
		let state = advance(oneListSession());
		state = write(state, { ann: [['a1', 'Job coaches']], ben: [['b1', 'More time']] });
		state = advanceTo(state, 'vote');
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: [noteItemId('a1')] },
			as('ann')
		);
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: [noteItemId('b1')] },
			as('ben')
		);
		state = advance(state);
		expect(runOf(state).phase).toBe('results');
		expect(runOf(state, Q2)).toMatchObject({ phase: 'lobby', notes: [], clusters: [] });
	});

	it('replays to the same state from the same commands', () => {
		const commands: SessionCommand[] = [
			oneList,
			{ type: 'phase.advance', questionId: Q1, from: 'lobby' }
		];
		const replay = () => {
			let state = join(newSession({ questions: ['a', 'b'] }), ['ann']);
			for (const command of commands) {
				const outcome = execute(state, command, facilitator, T0);
				if (!outcome.ok) throw new Error(outcome.error.code);
				state = outcome.state;
			}
			return state;
		};
		expect(replay()).toEqual(replay());
		expect(replay().settings.oneList).toBe(true);
	});

	it('every view carries the setting, so each device shows the questions together', () => {
		const state = advance(oneListSession());
		expect(screenView(state).settings.oneList).toBe(true);
		expect(participantView(state, 'ann')!.settings.oneList).toBe(true);
		expect(facilitatorView(state).settings.oneList).toBe(true);
		expect(screenView(state).questions.map((q) => q.text)).toEqual([
			'What works?',
			'What is needed?'
		]);
	});

	it('adds only the setting to each view: the phone view of a real group, measured', () => {
		// A Sigtuna-sized group: eight people, three notes each, revealed and voted, two questions.
		const people = ['ann', 'ben', 'cat', 'dan', 'eva', 'finn', 'gro', 'hans'];
		const play = (settings: Partial<SessionSettings>) => {
			let state = newSession({ questions: ['What works well today?', 'What is needed next?'] });
			state = join(state, people);
			state = run(state, { type: 'session.configure', settings });
			state = advance(state);
			state = write(
				state,
				Object.fromEntries(
					people.map((p) => [
						p,
						[1, 2, 3].map((n): [string, string] => [
							`${p}${n}`,
							`${nameOf(p)}'s note ${n}: support that lasts as long as it is needed`
						])
					])
				)
			);
			return advanceTo(state, 'vote');
		};
		const apart = play({ oneList: false });
		const together = play({ oneList: true });
		const sizes = (state: SessionState) => ({
			phone: viewJson(state, { role: 'participant', participantId: 'ann' })!.length,
			screen: viewJson(state, { role: 'screen' })!.length,
			console: viewJson(state, { role: 'facilitator' })!.length
		});
		const [before, after] = [sizes(apart), sizes(together)];
		// `,"oneList":true` in the settings (15 bytes), nothing else: b's empty run was there before.
		for (const role of ['phone', 'screen', 'console'] as const)
			expect(after[role] - before[role], role).toBe(15);
		// Measured: 7,266 bytes on the phone, 6,785 on the screen, 7,900 on the console.
		expect(after.phone).toBeLessThan(8_000);
	});
});
