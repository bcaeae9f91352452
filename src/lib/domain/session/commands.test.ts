import { describe, expect, it } from 'vitest';
import {
	authorise,
	commandQuestionId,
	createSession,
	execute,
	permissions,
	questionLabel,
	type Actor,
	type SessionCommand,
	type SessionCommandType
} from './commands';
import { limits } from '../limits';
import { phases, type Phase } from './phases';
import {
	Q1,
	Q2,
	T0,
	advance,
	advanceTo,
	as,
	back,
	clarifySession,
	deepFreeze,
	facilitator,
	guest,
	join,
	newSession,
	noteOf,
	refusal,
	revealed,
	run,
	runOf,
	tryRun,
	turnOf,
	write,
	writtenSession
} from './test-fixtures';
import type { SessionState } from './types';
import { facilitatorView } from './views';

const ann = as('ann');
const ben = as('ben');

describe('createSession', () => {
	it('starts in the lobby of the first question with default settings', () => {
		const created = createSession(
			{
				id: 's1',
				title: '  Gruppe 5 ',
				language: 'sv',
				questions: [
					{ id: 'q1', text: 'Hva hindrer?' },
					{ id: 'q2', text: 'Hva hjelper?' }
				]
			},
			T0
		);
		expect(created).toEqual({
			ok: true,
			value: {
				id: 's1',
				title: 'Gruppe 5',
				language: 'sv',
				createdAt: T0,
				settings: { anonymous: true, topN: 5, facilitatorSeesNotes: false },
				participants: [],
				questions: [
					{
						id: 'q1',
						label: 'a',
						text: 'Hva hindrer?',
						phase: 'lobby',
						notes: [],
						clusters: [],
						reveal: null,
						ballots: [],
						closedVote: null,
						previousVote: null
					},
					{
						id: 'q2',
						label: 'b',
						text: 'Hva hjelper?',
						phase: 'lobby',
						notes: [],
						clusters: [],
						reveal: null,
						ballots: [],
						closedVote: null,
						previousVote: null
					}
				],
				currentQuestionId: 'q1',
				timer: null,
				reflection: ''
			}
		});
	});

	it('takes given settings over the defaults', () => {
		const state = newSession({ settings: { anonymous: false, topN: 3 } });
		expect(state.settings).toEqual({ anonymous: false, topN: 3, facilitatorSeesNotes: false });
	});

	const input = (over: Partial<Parameters<typeof createSession>[0]>) =>
		createSession(
			{ id: 's', title: 'T', language: 'en', questions: [{ id: 'q', text: 'Q?' }], ...over },
			T0
		);

	it('refuses bad titles, questions and settings with clear codes', () => {
		expect(input({ title: ' ' })).toEqual({ ok: false, error: { code: 'empty' } });
		expect(input({ title: 'x'.repeat(121) })).toEqual({
			ok: false,
			error: { code: 'too_long', params: { max: 120, length: 121 } }
		});
		expect(input({ title: 'x'.repeat(120) }).ok).toBe(true);
		expect(input({ questions: [] })).toEqual({ ok: false, error: { code: 'empty' } });
		const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, text: `Q${i}?` }));
		expect(input({ questions: eleven })).toEqual({
			ok: false,
			error: { code: 'too_many', params: { max: 10 } }
		});
		expect(input({ questions: eleven.slice(0, 10) }).ok).toBe(true);
		expect(input({ questions: [{ id: 'q', text: 'x'.repeat(501) }] })).toEqual({
			ok: false,
			error: { code: 'too_long', params: { max: 500, length: 501 } }
		});
		expect(input({ questions: [{ id: 'q', text: '\n' }] })).toEqual({
			ok: false,
			error: { code: 'empty' }
		});
		for (const topN of [0, 11, 2.5]) {
			expect(input({ settings: { topN } })).toEqual({
				ok: false,
				error: { code: 'invalid_payload', params: { field: 'topN', max: 10 } }
			});
		}
	});

	it('labels questions a, b, c …', () => {
		expect([0, 1, 2, 9].map(questionLabel)).toEqual(['a', 'b', 'c', 'j']);
	});
});

describe('commandQuestionId', () => {
	it('names the question a command is about, and none for session-wide commands', () => {
		expect(commandQuestionId({ type: 'note.add', questionId: 'q9', noteId: 'n', text: 't' })).toBe(
			'q9'
		);
		expect(commandQuestionId({ type: 'question.select', questionId: 'q9' })).toBe('q9');
		// question.add names a question that does not exist yet.
		expect(commandQuestionId({ type: 'question.add', questionId: 'q9', text: 't' })).toBeNull();
		expect(commandQuestionId({ type: 'timer.clear' })).toBeNull();
		expect(commandQuestionId({ type: 'participant.leave' })).toBeNull();
	});
});

describe('permissions', () => {
	const writing = ['write'] as const;
	const afterReveal = ['write', 'reveal', 'clarify', 'discuss'] as const;
	const clustering = ['clarify', 'discuss'] as const;
	const voting = ['vote', 'revote'] as const;
	type Rule = readonly Phase[] | 'any';
	const expected: Record<SessionCommandType, Partial<Record<Actor['role'], Rule>>> = {
		'session.configure': { facilitator: 'any' },
		'session.retitle': { facilitator: 'any', system: 'any' },
		'session.reflect': { facilitator: 'any' },
		'question.add': { facilitator: 'any', system: 'any' },
		'question.edit': { facilitator: 'any', system: 'any' },
		'question.select': { facilitator: 'any' },
		'phase.advance': { facilitator: 'any' },
		'phase.back': { facilitator: 'any' },
		'timer.start': { facilitator: 'any' },
		'timer.pause': { facilitator: 'any' },
		'timer.resume': { facilitator: 'any' },
		'timer.add': { facilitator: 'any' },
		'timer.clear': { facilitator: 'any' },
		'participant.join': { guest: 'any' },
		'participant.add': { facilitator: 'any' },
		'participant.rename': { participant: 'any', facilitator: 'any' },
		'participant.remove': { facilitator: 'any', system: 'any' },
		'participant.enrol': { system: 'any' },
		'participant.erase': { system: 'any' },
		'participant.leave': { participant: 'any' },
		'note.add': { participant: writing, facilitator: afterReveal },
		'note.edit': { participant: writing, facilitator: afterReveal },
		'note.delete': { participant: writing, facilitator: writing },
		'reveal.next': { participant: ['reveal'], facilitator: ['reveal'] },
		'reveal.pass': { participant: ['reveal'], facilitator: ['reveal'] },
		'reveal.all': { facilitator: ['reveal'] },
		'cluster.create': { facilitator: clustering },
		'cluster.rename': { facilitator: clustering },
		'cluster.assign': { facilitator: clustering },
		'cluster.merge': { facilitator: clustering },
		'cluster.move': { facilitator: clustering },
		'cluster.dissolve': { facilitator: clustering },
		'ballot.cast': { participant: voting, facilitator: voting },
		'screen.page': { facilitator: 'any' },
		'screen.focus': { facilitator: 'any' },
		'reflection.write': { participant: 'any', facilitator: 'any' },
		'reflection.delete': { participant: 'any', facilitator: 'any' },
		'discussion.write': { facilitator: 'any' }
	};

	it('is exactly the agreed table', () => {
		expect(permissions).toEqual(expected);
	});

	/**
	 * Ann, Ben, Cat and Dan; a running timer; notes a1, b1, c1 and d1 (entered by the
	 * facilitator for Dan); in clarify and later, headings k1 [a1] and k2 [b1].
	 */
	function stateIn(phase: Phase): SessionState {
		// A timer times one phase: it runs in the phase reached, not from the lobby on.
		return run(reach(phase), { type: 'timer.start', seconds: 600 });
	}

	function reach(phase: Phase): SessionState {
		let state = join(newSession(), ['ann', 'ben', 'cat', 'dan']);
		// Members may reflect (reflections.test.ts covers the refusal when they may not); Ann has one.
		state = run(state, { type: 'session.configure', settings: { membersReflect: true } });
		state = run(state, { type: 'reflection.write', reflectionId: 'r1', text: 'R' }, ann);
		if (phase === 'lobby') return state;
		state = advance(state);
		state = write(state, { ann: [['a1', 'A']], ben: [['b1', 'B']], cat: [['c1', 'C']] });
		state = run(state, {
			type: 'note.add',
			questionId: Q1,
			noteId: 'd1',
			text: 'D',
			authorId: 'dan'
		});
		if (phase === 'write') return state;
		state = advance(state);
		if (phase === 'reveal') return state;
		state = advance(state);
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'K1',
			noteIds: ['a1']
		});
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k2',
			heading: 'K2',
			noteIds: ['b1']
		});
		return advanceTo(state, phase);
	}

	/** A command of each type that succeeds whenever the table allows it (phase.back in the lobby aside). */
	function sample(type: SessionCommandType, role: Actor['role'], phase: Phase): SessionCommand {
		const byFacilitator = role === 'facilitator';
		switch (type) {
			case 'session.configure':
				return { type, settings: { topN: 3 } };
			case 'session.retitle':
				return { type, title: 'New title' };
			case 'session.reflect':
				return { type, text: 'Good day' };
			case 'question.add':
				return { type, questionId: 'qx', text: 'Another?' };
			case 'question.edit':
				return { type, questionId: Q1, text: 'Better?' };
			case 'question.select':
				return { type, questionId: Q1 };
			case 'phase.advance':
			case 'phase.back':
				return { type, questionId: Q1, from: phase };
			case 'timer.start':
			case 'timer.add':
				return { type, seconds: 60 };
			case 'timer.pause':
			case 'timer.resume':
			case 'timer.clear':
			case 'participant.leave':
				return { type };
			case 'participant.join':
			case 'participant.add':
				return { type, participantId: 'eve', name: 'Eve' };
			case 'participant.rename':
				return { type, participantId: 'ann', name: 'Anna' };
			case 'participant.remove':
				return { type, participantId: 'dan', deleteContributions: false };
			case 'participant.enrol':
				return { type, participantId: 'eve', name: 'Eve' };
			case 'participant.erase':
				return { type, participantId: 'dan', mode: 'anonymise' };
			case 'note.add':
				return byFacilitator
					? { type, questionId: Q1, noteId: 'new', text: 'N', authorId: 'dan' }
					: { type, questionId: Q1, noteId: 'new', text: 'N' };
			case 'note.edit':
				return { type, questionId: Q1, noteId: byFacilitator ? 'd1' : 'a1', text: 'Edited' };
			case 'note.delete':
				return { type, questionId: Q1, noteId: byFacilitator ? 'd1' : 'a1' };
			case 'reveal.next':
			case 'reveal.pass':
			case 'reveal.all':
				return { type, questionId: Q1 };
			case 'cluster.create':
				return { type, questionId: Q1, clusterId: 'k9', heading: 'New', noteIds: [] };
			case 'cluster.rename':
				return { type, questionId: Q1, clusterId: 'k1', heading: 'Renamed' };
			case 'cluster.assign':
				return { type, questionId: Q1, noteIds: ['c1'], clusterId: 'k1' };
			case 'cluster.merge':
				return { type, questionId: Q1, sourceId: 'k2', targetId: 'k1' };
			case 'cluster.move':
				return { type, questionId: Q1, clusterId: 'k2', toIndex: 0 };
			case 'screen.page':
				return { type, step: 1 };
			case 'screen.focus':
				return { type, questionId: Q1, noteId: null };
			case 'cluster.dissolve':
				return { type, questionId: Q1, clusterId: 'k1' };
			case 'ballot.cast':
				return byFacilitator
					? { type, questionId: Q1, ranking: ['n:c1'], voterId: 'dan' }
					: { type, questionId: Q1, ranking: ['n:c1'] };
			case 'reflection.write':
				return byFacilitator
					? { type, reflectionId: 'r2', text: 'Dan’s', authorId: 'dan' }
					: { type, reflectionId: 'r1', text: 'Ann’s again' };
			case 'reflection.delete':
				return { type, reflectionId: 'r1' };
			case 'discussion.write':
				return { type, questionId: Q1, text: 'We talked' };
		}
	}

	const actors: Record<Actor['role'], Actor> = {
		participant: ann,
		facilitator,
		guest,
		system: { role: 'system' }
	};
	const states = new Map(phases.map((p) => [p, deepFreeze(stateIn(p))]));
	const cells = (Object.keys(expected) as SessionCommandType[]).flatMap((type) =>
		(Object.keys(actors) as Actor['role'][]).map((role) => ({ type, role }))
	);

	it.each(cells)('$type by $role: allowed in exactly the listed phases', ({ type, role }) => {
		const rule = expected[type][role];
		for (const phase of phases) {
			const state = states.get(phase)!;
			const snapshot = structuredClone(state);
			const command = sample(type, role, phase);
			const outcome = execute(state, command, actors[role], T0 + 1);
			const allowed = rule !== undefined && (rule === 'any' || rule.includes(phase));
			if (allowed) {
				expect(authorise(state, command, actors[role]), phase).toBeNull();
				if (type === 'phase.back' && phase === 'lobby') {
					expect(outcome).toEqual({ ok: false, error: { code: 'wrong_phase', params: { phase } } });
				} else {
					expect(outcome.ok ? 'ok' : outcome.error, `${type} by ${role} in ${phase}`).toBe('ok');
				}
			} else {
				const error =
					rule === undefined ? { code: 'forbidden' } : { code: 'wrong_phase', params: { phase } };
				expect(outcome, `${type} by ${role} in ${phase}`).toEqual({ ok: false, error });
				expect(authorise(state, command, actors[role])).toEqual(error);
			}
			expect(state, 'input unchanged').toEqual(snapshot);
		}
	});

	it('refuses everything from someone who left or was never there', () => {
		const state = deepFreeze(run(stateIn('write'), { type: 'participant.leave' }, ben));
		for (const participantId of ['ben', 'zed']) {
			const actor = as(participantId);
			for (const command of [
				{ type: 'note.add', questionId: Q1, noteId: 'x', text: 'x' },
				{ type: 'participant.rename', participantId, name: 'Back' },
				{ type: 'participant.leave' }
			] satisfies SessionCommand[]) {
				expect(refusal(state, command, actor), `${command.type} by ${participantId}`).toEqual({
					code: 'forbidden'
				});
			}
		}
	});

	it('answers not_found for a question that does not exist, before looking at the phase', () => {
		const state = deepFreeze(stateIn('write'));
		expect(refusal(state, { type: 'reveal.all', questionId: 'nope' })).toEqual({
			code: 'not_found'
		});
		expect(
			refusal(state, { type: 'note.add', questionId: 'nope', noteId: 'x', text: 'x' }, ann)
		).toEqual({
			code: 'not_found'
		});
		expect(refusal(state, { type: 'question.select', questionId: 'nope' })).toEqual({
			code: 'not_found'
		});
	});

	it('checks the phase of the question named, not of the current question', () => {
		let state = stateIn('write');
		state = run(state, { type: 'question.add', questionId: Q2, text: 'Second?' });
		state = run(state, { type: 'question.select', questionId: Q2 });
		expect(state.currentQuestionId).toBe(Q2);
		expect(
			refusal(state, { type: 'note.add', questionId: Q2, noteId: 'x', text: 'x' }, ann)
		).toEqual({
			code: 'wrong_phase',
			params: { phase: 'lobby' }
		});
		run(state, { type: 'note.add', questionId: Q1, noteId: 'x', text: 'x' }, ann);
	});
});

describe('session and question commands', () => {
	it('configure changes only the settings given', () => {
		let state = newSession();
		state = run(state, { type: 'session.configure', settings: { facilitatorSeesNotes: true } });
		expect(state.settings).toEqual({ anonymous: true, topN: 5, facilitatorSeesNotes: true });
		state = run(state, { type: 'session.configure', settings: { anonymous: false, topN: 10 } });
		expect(state.settings).toEqual({ anonymous: false, topN: 10, facilitatorSeesNotes: true });
		for (const topN of [0, 11, 1.5, -1]) {
			expect(refusal(state, { type: 'session.configure', settings: { topN } })).toEqual({
				code: 'invalid_payload',
				params: { field: 'topN', max: 10 }
			});
		}
	});

	it('retitle cleans the title and holds it to 120 characters', () => {
		const state = deepFreeze(newSession());
		expect(run(state, { type: 'session.retitle', title: ' Gruppe\n 5 ' }).title).toBe('Gruppe 5');
		expect(run(state, { type: 'session.retitle', title: 'ø'.repeat(120) }).title).toBe(
			'ø'.repeat(120)
		);
		expect(refusal(state, { type: 'session.retitle', title: 'ø'.repeat(121) })).toEqual({
			code: 'too_long',
			params: { max: 120, length: 121 }
		});
		expect(refusal(state, { type: 'session.retitle', title: '\u0000 ' })).toEqual({
			code: 'empty'
		});
	});

	it('reflect keeps lines, may be emptied, and holds 10 000 characters', () => {
		const state = deepFreeze(newSession());
		const reflected = run(state, {
			type: 'session.reflect',
			text: 'Line one  \r\nLine two\n\n\n\nEnd'
		});
		expect(reflected.reflection).toBe('Line one\nLine two\n\nEnd');
		expect(run(reflected, { type: 'session.reflect', text: '   ' }).reflection).toBe('');
		expect(
			run(state, { type: 'session.reflect', text: 'r'.repeat(10_000) }).reflection
		).toHaveLength(10_000);
		expect(refusal(state, { type: 'session.reflect', text: 'r'.repeat(10_001) })).toEqual({
			code: 'too_long',
			params: { max: 10_000, length: 10_001 }
		});
	});

	it('adds questions with the next label, up to ten', () => {
		let state = newSession();
		state = run(state, { type: 'question.add', questionId: Q2, text: ' Second?\n\n\n\nReally? ' });
		expect(runOf(state, Q2)).toMatchObject({
			label: 'b',
			text: 'Second?\n\nReally?',
			phase: 'lobby'
		});
		expect(refusal(state, { type: 'question.add', questionId: Q2, text: 'Again' })).toEqual({
			code: 'conflict'
		});
		expect(
			refusal(state, { type: 'question.add', questionId: 'q3', text: 'x'.repeat(501) })
		).toEqual({
			code: 'too_long',
			params: { max: 500, length: 501 }
		});
		for (let i = 3; i <= 10; i++)
			state = run(state, { type: 'question.add', questionId: `q${i}`, text: `Q${i}` });
		expect(state.questions.map((q) => q.label).join('')).toBe('abcdefghij');
		expect(refusal(state, { type: 'question.add', questionId: 'q11', text: 'One more' })).toEqual({
			code: 'too_many',
			params: { max: 10 }
		});
	});

	it('edits and selects questions', () => {
		let state = newSession({ questions: ['First?', 'Second?'] });
		state = run(state, { type: 'question.edit', questionId: Q2, text: 'Second, better?' });
		expect(runOf(state, Q2).text).toBe('Second, better?');
		expect(refusal(state, { type: 'question.edit', questionId: Q2, text: ' ' })).toEqual({
			code: 'empty'
		});
		state = run(state, { type: 'question.select', questionId: Q2 });
		expect(state.currentQuestionId).toBe(Q2);
	});

	it('moves the room to a question when a phase starts or steps back on it', () => {
		let state = join(newSession({ questions: ['First?', 'Second?'] }), ['ann']);
		state = advanceTo(state, 'results');
		expect(state.currentQuestionId).toBe(Q1);
		// The facilitator opens tab b and starts writing: the screen and phones go with it.
		state = advance(state, Q2);
		expect(state.currentQuestionId).toBe(Q2);
		expect(runOf(state, Q2).phase).toBe('write');
		// Stepping back on question a brings the room back to a.
		state = back(state, Q1);
		expect(state.currentQuestionId).toBe(Q1);
		expect(runOf(state, Q1).phase).toBe('vote');
	});
});

describe('participants', () => {
	it('join and add record who, when and how', () => {
		let state = newSession();
		const joined = tryRun(
			state,
			{ type: 'participant.join', participantId: 'ann', name: ' Ann ' },
			guest,
			T0 + 5
		);
		expect(joined.result).toEqual({ participantId: 'ann' });
		state = run(
			joined.state,
			{ type: 'participant.add', participantId: 'ola', name: 'Ola' },
			facilitator,
			T0 + 9
		);
		expect(state.participants).toEqual([
			{ id: 'ann', name: 'Ann', joinedAt: T0 + 5, viaFacilitator: false, removed: false },
			{ id: 'ola', name: 'Ola', joinedAt: T0 + 9, viaFacilitator: true, removed: false }
		]);
	});

	it('holds names to 60 characters on one line', () => {
		const state = deepFreeze(join(newSession(), ['ann']));
		const joinAs = (name: string) =>
			({ type: 'participant.join', participantId: 'new', name }) as const;
		expect(run(state, joinAs('Å'.repeat(60)), guest).participants[1]?.name).toBe('Å'.repeat(60));
		expect(refusal(state, joinAs('Å'.repeat(61)), guest)).toEqual({
			code: 'too_long',
			params: { max: 60, length: 61 }
		});
		expect(refusal(state, joinAs(' \t '), guest)).toEqual({ code: 'empty' });
		expect(run(state, joinAs('Kari\nNordmann'), guest).participants[1]?.name).toBe('Kari Nordmann');
		expect(
			refusal(state, { type: 'participant.add', participantId: 'x', name: 'n'.repeat(61) })
		).toEqual({ code: 'too_long', params: { max: 60, length: 61 } });
		expect(
			refusal(
				state,
				{ type: 'participant.rename', participantId: 'ann', name: 'n'.repeat(61) },
				as('ann')
			)
		).toEqual({ code: 'too_long', params: { max: 60, length: 61 } });
	});

	it('takes 80 people in a session; someone leaving makes room', () => {
		const ids = Array.from({ length: 80 }, (_, i) => `p${i}`);
		let state = join(newSession(), ids);
		expect(state.participants).toHaveLength(80);
		expect(
			refusal(state, { type: 'participant.join', participantId: 'late', name: 'Late' }, guest)
		).toEqual({
			code: 'too_many',
			params: { max: 80 }
		});
		expect(
			refusal(state, { type: 'participant.add', participantId: 'late', name: 'Late' })
		).toEqual({
			code: 'too_many',
			params: { max: 80 }
		});
		state = run(state, { type: 'participant.leave' }, as('p3'));
		state = run(state, { type: 'participant.join', participantId: 'late', name: 'Late' }, guest);
		expect(state.participants.filter((p) => !p.removed)).toHaveLength(80);
	});

	it('refuses an id that is taken, even by someone who left', () => {
		let state = join(newSession(), ['ann']);
		state = run(state, { type: 'participant.leave' }, ann);
		expect(
			refusal(state, { type: 'participant.join', participantId: 'ann', name: 'Ann' }, guest)
		).toEqual({
			code: 'conflict'
		});
	});

	it('lets people rename themselves only; the facilitator renames anyone still here', () => {
		let state = join(newSession(), ['ann', 'ben']);
		state = run(state, { type: 'participant.rename', participantId: 'ann', name: 'Anna' }, ann);
		expect(
			refusal(state, { type: 'participant.rename', participantId: 'ann', name: 'X' }, ben)
		).toEqual({
			code: 'forbidden'
		});
		state = run(state, { type: 'participant.rename', participantId: 'ben', name: 'Benedikt' });
		expect(state.participants.map((p) => p.name)).toEqual(['Anna', 'Benedikt']);
		state = run(state, { type: 'participant.leave' }, ben);
		expect(refusal(state, { type: 'participant.rename', participantId: 'ben', name: 'B' })).toEqual(
			{
				code: 'not_found'
			}
		);
	});

	it('leaving keeps notes and ballots', () => {
		let state = advanceTo(clarifySession(), 'vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, ann);
		state = run(state, { type: 'participant.leave' }, ann);
		expect(state.participants.find((p) => p.id === 'ann')?.removed).toBe(true);
		expect(runOf(state).notes.filter((n) => n.authorId === 'ann')).toHaveLength(3);
		expect(runOf(state).ballots.map((b) => b.voterId)).toEqual(['ann']);
	});

	it('removing without deleting keeps contributions; removing twice or a stranger is not_found', () => {
		let state = writtenSession();
		state = run(state, {
			type: 'participant.remove',
			participantId: 'ann',
			deleteContributions: false
		});
		expect(runOf(state).notes.filter((n) => n.authorId === 'ann')).toHaveLength(3);
		expect(
			refusal(state, {
				type: 'participant.remove',
				participantId: 'ann',
				deleteContributions: true
			})
		).toEqual({ code: 'not_found' });
		expect(
			refusal(state, {
				type: 'participant.remove',
				participantId: 'zed',
				deleteContributions: false
			})
		).toEqual({ code: 'not_found' });
	});

	it('removing with deleting drops the person’s notes, places under headings and ballots in every question', () => {
		let state = newSession({ questions: ['First?', 'Second?'] });
		state = join(state, ['ann', 'ben']);
		state = advance(state, Q1);
		state = advance(state, Q2);
		state = write(
			state,
			{
				ann: [
					['a1', 'A1'],
					['a2', 'A2']
				],
				ben: [['b1', 'B1']]
			},
			Q1
		);
		state = write(state, { ann: [['x1', 'X1']], ben: [['y1', 'Y1']] }, Q2);
		state = advanceTo(state, 'clarify', Q1);
		state = run(state, {
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'K',
			noteIds: ['a1', 'b1']
		});
		state = advance(state, Q1);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, ann);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a2'] }, ben);
		state = run(state, {
			type: 'participant.remove',
			participantId: 'ann',
			deleteContributions: true
		});
		expect(runOf(state, Q1).notes.map((n) => n.id)).toEqual(['b1']);
		expect(runOf(state, Q2).notes.map((n) => n.id)).toEqual(['y1']);
		expect(runOf(state, Q1).clusters).toEqual([{ id: 'k1', heading: 'K', noteIds: ['b1'] }]);
		// Ben's ballot was cast on a list that lost an item (a2): void, so that he votes again.
		expect(runOf(state, Q1).ballots).toEqual([]);
		// Nothing of theirs is left to name: their name goes too.
		expect(state.participants.find((p) => p.id === 'ann')).toMatchObject({
			name: '',
			removed: true
		});
	});

	it('removing with deleting leaves a closed vote alone: its ballots have no voter any more', () => {
		let state = advanceTo(clarifySession(), 'vote');
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, ann);
		state = run(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, ben);
		state = advanceTo(state, 'revote');
		state = run(state, {
			type: 'participant.remove',
			participantId: 'ben',
			deleteContributions: true
		});
		expect(runOf(state).previousVote?.rankings).toEqual([['n:a1'], ['n:b1']]);
		state = back(state);
		expect(runOf(state).closedVote?.rankings).toEqual([['n:a1'], ['n:b1']]);
	});
});

describe('note limits', () => {
	const add = (text: string, noteId = 'n1') =>
		({ type: 'note.add', questionId: Q1, noteId, text }) as const;
	const writing = () => deepFreeze(advance(join(newSession(), ['ann', 'ben'])));

	it('counts the note limit in characters by code point after NFC', () => {
		const max = limits.noteChars;
		const state = writing();
		// max × e + combining acute: twice as many code points typed, max letters after NFC.
		const decomposed = 'e\u0301'.repeat(max);
		const stored = run(state, add(decomposed), ann);
		expect(noteOf(stored, 'n1').text).toBe('\u00e9'.repeat(max));
		expect(refusal(state, add(decomposed + 'e\u0301'), ann)).toEqual({
			code: 'too_long',
			params: { max, length: max + 1 }
		});
		// Emoji are two UTF-16 units but one code point.
		expect(noteOf(run(state, add('😀'.repeat(max)), ann), 'n1').text).toBe('😀'.repeat(max));
		expect(refusal(state, add('😀'.repeat(max + 1)), ann)).toEqual({
			code: 'too_long',
			params: { max, length: max + 1 }
		});
		expect(refusal(state, add('a'.repeat(max + 1)), ann)).toEqual({
			code: 'too_long',
			params: { max, length: max + 1 }
		});
	});

	it('does not count surrounding white space, and refuses a note of only white space', () => {
		const max = limits.noteChars;
		const state = writing();
		const stored = run(state, add(`  \n${'a'.repeat(max)}\n\n  `), ann);
		expect(noteOf(stored, 'n1').text).toBe('a'.repeat(max));
		expect(refusal(state, add(' \n\t \r\n'), ann)).toEqual({ code: 'empty' });
		expect(refusal(state, add('\u0007\u202e'), ann)).toEqual({ code: 'empty' });
	});

	it('takes the most notes per person per question, and not one more', () => {
		const max = limits.notesPerPersonPerQuestion;
		let state = advance(join(newSession({ questions: ['First?', 'Second?'] }), ['ann', 'ben']));
		for (let i = 0; i < max - 1; i++) state = run(state, add(`Note ${i}`, `a${i}`), ann);
		// The facilitator's on-behalf notes count towards the person's limit.
		state = run(state, { ...add('On behalf', 'f1'), authorId: 'ann' });
		expect(runOf(state).notes).toHaveLength(max);
		expect(refusal(state, add('One more', `a${max}`), ann)).toEqual({
			code: 'too_many',
			params: { max }
		});
		expect(refusal(state, { ...add('One more', 'f2'), authorId: 'ann' })).toEqual({
			code: 'too_many',
			params: { max }
		});
		// Others, and the same person in another question, are not affected.
		state = run(state, add('Ben too', 'b1'), ben);
		state = advance(state, Q2);
		state = run(state, { type: 'note.add', questionId: Q2, noteId: 'q2a', text: 'Second' }, ann);
		expect(runOf(state, Q2).notes).toHaveLength(1);
		// Deleting one makes room again.
		state = run(state, { type: 'note.delete', questionId: Q1, noteId: 'a0' }, ann);
		run(state, add('Now it fits', `a${max}`), ann);
	});

	it('refuses a note id that is taken, in any question', () => {
		let state = advance(join(newSession({ questions: ['First?', 'Second?'] }), ['ann']));
		state = advance(state, Q2);
		state = run(state, add('x', 'dup'), ann);
		expect(refusal(state, add('y', 'dup'), ann)).toEqual({ code: 'conflict' });
		expect(
			refusal(state, { type: 'note.add', questionId: Q2, noteId: 'dup', text: 'y' }, ann)
		).toEqual({
			code: 'conflict'
		});
	});

	it('stores the cleaned text and answers with the note id', () => {
		const state = writing();
		const step = tryRun(state, add('Line 1   \r\n\tLine 2\u0000'), ann, T0 + 42);
		expect(step.result).toEqual({ noteId: 'n1' });
		expect(noteOf(step.state, 'n1')).toEqual({
			id: 'n1',
			authorId: 'ann',
			text: 'Line 1\n Line 2',
			createdAt: T0 + 42,
			byFacilitator: false,
			revealIndex: null,
			readableByFacilitator: false,
			history: []
		});
	});
});

describe('timers', () => {
	const start = (seconds: number) => ({ type: 'timer.start', seconds }) as const;
	const s = (seconds: number) => T0 + seconds * 1000;

	it('starts, pauses, resumes and adds time with exact arithmetic', () => {
		let state = newSession();
		state = run(state, start(600), facilitator, s(0));
		expect(state.timer).toEqual({ durationMs: 600_000, startedAt: s(0), elapsedMs: 0 });
		state = run(state, { type: 'timer.pause' }, facilitator, s(90));
		expect(state.timer).toEqual({ durationMs: 600_000, startedAt: null, elapsedMs: 90_000 });
		state = run(state, { type: 'timer.resume' }, facilitator, s(200));
		expect(state.timer).toEqual({ durationMs: 600_000, startedAt: s(200), elapsedMs: 90_000 });
		state = run(state, { type: 'timer.add', seconds: 60 }, facilitator, s(210));
		expect(state.timer).toEqual({ durationMs: 660_000, startedAt: s(200), elapsedMs: 90_000 });
		state = run(state, { type: 'timer.pause' }, facilitator, s(300));
		expect(state.timer).toEqual({ durationMs: 660_000, startedAt: null, elapsedMs: 190_000 });
		state = run(state, { type: 'timer.add', seconds: 30 }, facilitator, s(400));
		expect(state.timer).toEqual({ durationMs: 690_000, startedAt: null, elapsedMs: 190_000 });
	});

	it('ignores pausing a paused timer and resuming a running one', () => {
		let state = run(newSession(), start(60), facilitator, s(0));
		expect(run(state, { type: 'timer.resume' }, facilitator, s(5))).toBe(state);
		state = run(state, { type: 'timer.pause' }, facilitator, s(10));
		expect(run(state, { type: 'timer.pause' }, facilitator, s(20))).toBe(state);
		const none = newSession();
		expect(run(none, { type: 'timer.pause' })).toBe(none);
		expect(run(none, { type: 'timer.resume' })).toBe(none);
	});

	it('starting again restarts from zero; clear removes the timer', () => {
		let state = run(newSession(), start(60), facilitator, s(0));
		state = run(state, { type: 'timer.pause' }, facilitator, s(30));
		state = run(state, start(120), facilitator, s(40));
		expect(state.timer).toEqual({ durationMs: 120_000, startedAt: s(40), elapsedMs: 0 });
		state = run(state, { type: 'timer.clear' });
		expect(state.timer).toBeNull();
		expect(run(state, { type: 'timer.clear' }).timer).toBeNull();
	});

	it('holds a timer to 1–10 800 whole seconds and caps added time at 3 hours', () => {
		const state = deepFreeze(newSession());
		expect(run(state, start(10_800)).timer?.durationMs).toBe(10_800_000);
		for (const seconds of [0, -5, 1.5, 10_801, Number.NaN]) {
			expect(refusal(state, start(seconds)), String(seconds)).toEqual({
				code: 'invalid_payload',
				params: { max: 10_800 }
			});
		}
		const running = run(state, start(10_700));
		expect(run(running, { type: 'timer.add', seconds: 600 }).timer?.durationMs).toBe(10_800_000);
		expect(refusal(running, { type: 'timer.add', seconds: 0 })).toEqual({
			code: 'invalid_payload',
			params: { max: 10_800 }
		});
		expect(refusal(state, { type: 'timer.add', seconds: 60 })).toEqual({ code: 'not_found' });
	});

	it('a timer times one phase: it is gone once the room moves on, back, or to another question', () => {
		const q2 = newSession({ questions: ['First?', 'Second?'] });
		let state = advance(join(q2, ['ann']));
		state = run(state, start(60), facilitator, s(0));
		// Writing ended: "+1:31 time is up" must not follow the room into the round-robin.
		expect(advance(state).timer).toBeNull();
		state = advance(state);
		state = run(state, start(120), facilitator, s(10));
		expect(back(state).timer).toBeNull();
		expect(run(state, { type: 'question.select', questionId: Q2 }).timer).toBeNull();
		expect(advance(state, Q2).timer).toBeNull();
		// Selecting the question already on screen changes nothing.
		expect(run(state, { type: 'question.select', questionId: Q1 }).timer).toEqual(state.timer);
	});

	it('never locks input when time is up (advisory timers)', () => {
		let state = advance(join(newSession(), ['ann']));
		state = run(state, start(60), facilitator, s(0));
		state = run(
			state,
			{ type: 'note.add', questionId: Q1, noteId: 'late', text: 'After time' },
			ann,
			s(3600)
		);
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['late']);
	});
});

describe('notes entered by the facilitator on someone’s behalf', () => {
	const onBehalf = (noteId: string, authorId?: string) =>
		({ type: 'note.add', questionId: Q1, noteId, text: 'Said aloud', authorId }) as const;

	it('are private while writing, and marked as entered by the facilitator', () => {
		const step = tryRun(writtenSession(), onBehalf('d1', 'dan'), facilitator, T0 + 7);
		expect(step.result).toEqual({ noteId: 'd1' });
		expect(noteOf(step.state, 'd1')).toEqual({
			id: 'd1',
			authorId: 'dan',
			text: 'Said aloud',
			createdAt: T0 + 7,
			byFacilitator: true,
			revealIndex: null,
			readableByFacilitator: true,
			history: []
		});
	});

	it('take part in the round-robin when entered before the reveal', () => {
		let state = run(writtenSession(), onBehalf('d1', 'dan'));
		state = advance(state);
		expect(runOf(state).reveal?.order).toEqual(['ann', 'ben', 'cat', 'dan']);
	});

	it('are revealed at once when entered after the reveal began', () => {
		let state = advance(writtenSession());
		state = run(state, onBehalf('d1', 'dan'));
		expect(noteOf(state, 'd1').revealIndex).toBe(0);
		state = advance(state);
		state = run(state, onBehalf('d2', 'dan'));
		expect(noteOf(state, 'd2').revealIndex).toBe(7);
		state = advanceTo(state, 'discuss');
		state = run(state, onBehalf('d3', 'ben'));
		expect(noteOf(state, 'd3').revealIndex).toBe(8);
		expect(revealed(state).slice(-2)).toEqual(['d2', 'd3']);
	});

	it('need an author who is still taking part', () => {
		const state = deepFreeze(run(writtenSession(), { type: 'participant.leave' }, as('dan')));
		expect(refusal(state, onBehalf('x'))).toEqual({
			code: 'invalid_payload',
			params: { field: 'authorId' }
		});
		expect(refusal(state, onBehalf('x', 'zed'))).toEqual({ code: 'not_found' });
		expect(refusal(state, onBehalf('x', 'dan'))).toEqual({ code: 'not_found' });
	});

	it('cannot be imitated by a participant', () => {
		const state = deepFreeze(writtenSession());
		expect(refusal(state, onBehalf('x', 'ben'), ann)).toEqual({ code: 'forbidden' });
		const own = run(state, onBehalf('x', 'ann'), ann);
		expect(noteOf(own, 'x')).toMatchObject({ authorId: 'ann', byFacilitator: false });
	});
});

describe('editing and deleting notes', () => {
	const edit = (noteId: string, text: string) =>
		({ type: 'note.edit', questionId: Q1, noteId, text }) as const;
	const del = (noteId: string) => ({ type: 'note.delete', questionId: Q1, noteId }) as const;

	it('keeps no earlier drafts of a note its author edits before the reveal', () => {
		let state = writtenSession();
		state = run(state, edit('a1', 'Too much paper work'), ann, T0 + 1);
		const step = tryRun(state, edit('a1', 'Too much paperwork!'), ann, T0 + 2);
		expect(step.result).toEqual({ noteId: 'a1' });
		expect(noteOf(step.state, 'a1')).toMatchObject({ text: 'Too much paperwork!', history: [] });
		expect(JSON.stringify(step.state)).not.toContain('paper work');
	});

	it('treats an edit to the same (cleaned) text as no change', () => {
		const state = writtenSession();
		const step = tryRun(state, edit('a1', '  Too much paperwork \n'), ann);
		expect(step.state).toBe(state);
		expect(step.result).toEqual({ noteId: 'a1' });
	});

	it('holds edits to the same limits as new notes', () => {
		const state = deepFreeze(writtenSession());
		const max = limits.noteChars;
		expect(refusal(state, edit('a1', 'x'.repeat(max + 1)), ann)).toEqual({
			code: 'too_long',
			params: { max, length: max + 1 }
		});
		expect(refusal(state, edit('a1', '   '), ann)).toEqual({ code: 'empty' });
	});

	it('lets the facilitator correct revealed notes, recorded as theirs', () => {
		let state = clarifySession();
		state = run(state, edit('b1', 'No job coach in rural areas (north)'), facilitator, T0 + 3);
		expect(noteOf(state, 'b1')).toMatchObject({
			text: 'No job coach in rural areas (north)',
			history: [{ previous: 'No job coach in rural areas', at: T0 + 3, by: 'facilitator' }]
		});
	});

	it('keeps private notes away from the facilitator unless they wrote them or may read notes', () => {
		let state = writtenSession();
		expect(refusal(state, edit('a1', 'x'))).toEqual({ code: 'forbidden' });
		expect(refusal(state, del('a1'))).toEqual({ code: 'forbidden' });
		state = run(state, {
			type: 'note.add',
			questionId: Q1,
			noteId: 'd1',
			text: 'Dan',
			authorId: 'dan'
		});
		state = run(state, edit('d1', 'Dan, corrected'));
		// Not yet revealed: a correction replaces the draft, as the author's own edit does.
		expect(noteOf(state, 'd1')).toMatchObject({ text: 'Dan, corrected', history: [] });
		state = run(state, del('d1'));
		expect(runOf(state).notes.map((n) => n.id)).not.toContain('d1');
		let open = run(state, {
			type: 'session.configure',
			settings: { facilitatorSeesNotes: true }
		});
		// Only notes written after the setting was turned on: Ann wrote a1 believing it private.
		expect(refusal(open, edit('a1', 'Fixed'))).toEqual({ code: 'forbidden' });
		open = run(open, { type: 'note.add', questionId: Q1, noteId: 'a9', text: 'Later' }, ann);
		expect(noteOf(run(open, edit('a9', 'Fixed')), 'a9').text).toBe('Fixed');
		expect(runOf(run(open, del('a9'))).notes.map((n) => n.id)).not.toContain('a9');
	});

	it('lets people touch only their own notes, and only while writing', () => {
		const state = deepFreeze(writtenSession());
		expect(refusal(state, edit('a1', 'mine now'), ben)).toEqual({ code: 'forbidden' });
		expect(refusal(state, del('a1'), ben)).toEqual({ code: 'forbidden' });
		expect(refusal(state, edit('zz', 'x'), ann)).toEqual({ code: 'not_found' });
		expect(refusal(state, del('zz'), ann)).toEqual({ code: 'not_found' });
		const deleted = tryRun(state, del('a2'), ann);
		expect(deleted.result).toEqual({ noteId: 'a2' });
		expect(runOf(deleted.state).notes.map((n) => n.id)).toEqual(['a1', 'a3', 'b1', 'c1', 'c2']);
		const revealing = advance(state);
		expect(refusal(revealing, edit('a2', 'late'), ann)).toEqual({
			code: 'wrong_phase',
			params: { phase: 'reveal' }
		});
	});

	it('lets a person edit a note the facilitator entered for them', () => {
		let state = run(writtenSession(), {
			type: 'note.add',
			questionId: Q1,
			noteId: 'd1',
			text: 'Dictated',
			authorId: 'dan'
		});
		state = run(state, edit('d1', 'Dictated, then fixed'), as('dan'), T0 + 9);
		expect(noteOf(state, 'd1')).toMatchObject({
			text: 'Dictated, then fixed',
			byFacilitator: true,
			history: []
		});
	});
});

describe('ballots', () => {
	const cast = (ranking: string[], voterId?: string) =>
		({ type: 'ballot.cast', questionId: Q1, ranking, voterId }) as const;
	const voting = () => deepFreeze(advanceTo(clarifySession(), 'vote'));

	it('records a participant’s own ballot', () => {
		const state = run(voting(), cast(['n:c2', 'n:a1']), ann, T0 + 4);
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'ann', ranking: ['n:c2', 'n:a1'], castAt: T0 + 4, byFacilitator: false }
		]);
		expect(runOf(run(voting(), cast(['n:a1'], 'ann'), ann)).ballots[0]?.voterId).toBe('ann');
	});

	it('lets the facilitator vote for someone without a phone, and change that ballot', () => {
		let state = run(voting(), cast(['n:b1'], 'dan'), facilitator, T0 + 1);
		state = run(state, cast(['n:c1', 'n:b1'], 'dan'), facilitator, T0 + 2);
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'dan', ranking: ['n:c1', 'n:b1'], castAt: T0 + 2, byFacilitator: true }
		]);
	});

	it('never lets the facilitator overwrite a participant’s own ballot', () => {
		const state = deepFreeze(run(voting(), cast(['n:a1']), ann));
		expect(refusal(state, cast(['n:b1'], 'ann'))).toEqual({ code: 'forbidden' });
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'ann', ranking: ['n:a1'], castAt: T0, byFacilitator: false }
		]);
	});

	it('lets a person replace what the facilitator entered for them, which then becomes theirs', () => {
		let state = run(voting(), cast(['n:b1'], 'dan'));
		state = run(state, cast(['n:a3']), as('dan'), T0 + 8);
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'dan', ranking: ['n:a3'], castAt: T0 + 8, byFacilitator: false }
		]);
		expect(refusal(state, cast(['n:b1'], 'dan'))).toEqual({ code: 'forbidden' });
	});

	it('refuses ballots that are too long, repeat an item or name an unknown item', () => {
		const state = voting();
		expect(refusal(state, cast(['n:a1', 'n:a2', 'n:a3', 'n:b1', 'n:c1', 'n:c2']), ann)).toEqual({
			code: 'too_many',
			params: { max: 5 }
		});
		expect(refusal(state, cast(['n:a1', 'n:a1']), ann)).toEqual({ code: 'conflict' });
		expect(refusal(state, cast(['n:a1', 'n:zz']), ann)).toEqual({ code: 'not_found' });
		expect(refusal(state, cast(['a1']), ann)).toEqual({ code: 'not_found' });
	});

	it('refuses ballots without a voter, for someone else, or for someone who left', () => {
		const state = deepFreeze(run(voting(), { type: 'participant.leave' }, as('dan')));
		expect(refusal(state, cast(['n:a1']))).toEqual({
			code: 'invalid_payload',
			params: { field: 'voterId' }
		});
		expect(refusal(state, cast(['n:a1'], 'ben'), ann)).toEqual({ code: 'forbidden' });
		expect(refusal(state, cast(['n:a1'], 'dan'))).toEqual({ code: 'not_found' });
		expect(refusal(state, cast(['n:a1'], 'zed'))).toEqual({ code: 'not_found' });
	});

	it('withdraws the ballot when the ranking is emptied: nothing chosen is not a vote', () => {
		let state = run(voting(), cast(['n:a1', 'n:b1']), ann, T0 + 1);
		state = run(state, cast([]), ann, T0 + 2);
		expect(runOf(state).ballots).toEqual([]);
		expect(facilitatorView(state).runs[0]?.vote?.voted).toBe(0);
		// Nothing to withdraw is no change.
		expect(run(state, cast([]), ann)).toBe(state);
		// The facilitator withdraws what they entered, never a person's own ballot.
		state = run(state, cast(['n:c1'], 'dan'));
		expect(runOf(run(state, cast([], 'dan'))).ballots).toEqual([]);
		state = run(state, cast(['n:a2']), ben);
		expect(refusal(state, cast([], 'ben'))).toEqual({ code: 'forbidden' });
	});

	it('counts a blank ballot only when it is cast on purpose, with no items', () => {
		const blank = (voterId?: string) =>
			({
				type: 'ballot.cast',
				questionId: Q1,
				ranking: [] as string[],
				blank: true,
				voterId
			}) as const;
		let state = run(voting(), blank(), ann, T0 + 3);
		expect(runOf(state).ballots).toEqual([
			{ voterId: 'ann', ranking: [], castAt: T0 + 3, byFacilitator: false }
		]);
		expect(facilitatorView(state).runs[0]?.votedIds).toEqual(['ann']);
		state = run(state, blank('dan'));
		expect(facilitatorView(state).runs[0]?.vote?.voted).toBe(2);
		expect(
			refusal(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'], blank: true }, ben)
		).toEqual({ code: 'invalid_payload', params: { field: 'blank' } });
		// Picking an item afterwards replaces the blank ballot.
		state = run(state, cast(['n:a1']), ann);
		expect(runOf(state).ballots.find((b) => b.voterId === 'ann')?.ranking).toEqual(['n:a1']);
	});

	it('follows the top-N setting', () => {
		const state = run(voting(), { type: 'session.configure', settings: { topN: 2 } });
		expect(refusal(state, cast(['n:a1', 'n:a2', 'n:a3']), ann)).toEqual({
			code: 'too_many',
			params: { max: 2 }
		});
		run(state, cast(['n:a1', 'n:a2']), ann);
	});
});

describe('execute() is pure', () => {
	/** A whole session, as [command, actor, now] steps. */
	const script: [SessionCommand, Actor, number][] = [
		[{ type: 'participant.join', participantId: 'ann', name: 'Ann' }, guest, T0 + 1],
		[{ type: 'participant.join', participantId: 'ben', name: 'Ben' }, guest, T0 + 2],
		[{ type: 'participant.add', participantId: 'ola', name: 'Ola' }, facilitator, T0 + 3],
		[{ type: 'timer.start', seconds: 300 }, facilitator, T0 + 4],
		[{ type: 'phase.advance', questionId: Q1, from: 'lobby' }, facilitator, T0 + 5],
		[{ type: 'note.add', questionId: Q1, noteId: 'a1', text: 'A one' }, ann, T0 + 6],
		[{ type: 'note.add', questionId: Q1, noteId: 'a2', text: 'A two' }, ann, T0 + 7],
		[{ type: 'note.edit', questionId: Q1, noteId: 'a2', text: 'A two!' }, ann, T0 + 8],
		[{ type: 'note.add', questionId: Q1, noteId: 'b1', text: 'B one' }, ben, T0 + 9],
		[
			{ type: 'note.add', questionId: Q1, noteId: 'o1', text: 'O one', authorId: 'ola' },
			facilitator,
			T0 + 10
		],
		[{ type: 'timer.pause' }, facilitator, T0 + 11],
		[{ type: 'phase.advance', questionId: Q1, from: 'write' }, facilitator, T0 + 12],
		[{ type: 'reveal.next', questionId: Q1, noteId: 'a2' }, ann, T0 + 13],
		[{ type: 'reveal.pass', questionId: Q1 }, ben, T0 + 14],
		[{ type: 'reveal.next', questionId: Q1 }, facilitator, T0 + 15],
		[{ type: 'phase.advance', questionId: Q1, from: 'reveal' }, facilitator, T0 + 16],
		[{ type: 'phase.back', questionId: Q1, from: 'clarify' }, facilitator, T0 + 17],
		[{ type: 'reveal.all', questionId: Q1 }, facilitator, T0 + 18],
		[{ type: 'phase.advance', questionId: Q1, from: 'reveal' }, facilitator, T0 + 19],
		[
			{
				type: 'cluster.create',
				questionId: Q1,
				clusterId: 'k1',
				heading: 'A',
				noteIds: ['a1', 'a2']
			},
			facilitator,
			T0 + 20
		],
		[
			{ type: 'cluster.create', questionId: Q1, clusterId: 'k2', heading: 'B', noteIds: ['b1'] },
			facilitator,
			T0 + 21
		],
		[{ type: 'cluster.move', questionId: Q1, clusterId: 'k2', toIndex: 0 }, facilitator, T0 + 22],
		[
			{ type: 'note.edit', questionId: Q1, noteId: 'b1', text: 'B one, fixed' },
			facilitator,
			T0 + 23
		],
		[{ type: 'phase.advance', questionId: Q1, from: 'clarify' }, facilitator, T0 + 24],
		[{ type: 'ballot.cast', questionId: Q1, ranking: ['c:k1', 'n:o1'] }, ann, T0 + 25],
		[
			{ type: 'ballot.cast', questionId: Q1, ranking: ['c:k2'], voterId: 'ola' },
			facilitator,
			T0 + 26
		],
		[{ type: 'phase.advance', questionId: Q1, from: 'vote' }, facilitator, T0 + 27],
		[{ type: 'phase.advance', questionId: Q1, from: 'results' }, facilitator, T0 + 28],
		[
			{ type: 'cluster.merge', questionId: Q1, sourceId: 'k2', targetId: 'k1' },
			facilitator,
			T0 + 29
		],
		[{ type: 'phase.advance', questionId: Q1, from: 'discuss' }, facilitator, T0 + 30],
		[{ type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, ben, T0 + 31],
		[
			{ type: 'participant.remove', participantId: 'ben', deleteContributions: true },
			facilitator,
			T0 + 32
		],
		[{ type: 'phase.back', questionId: Q1, from: 'revote' }, facilitator, T0 + 33],
		[{ type: 'session.reflect', text: 'Went well' }, facilitator, T0 + 34]
	];

	function play(): SessionState[] {
		const states = [deepFreeze(newSession())];
		for (const [command, actor, now] of script) {
			const before = states.at(-1)!;
			const snapshot = structuredClone(before);
			const outcome = execute(before, command, actor, now);
			if (!outcome.ok) throw new Error(`${command.type}: ${JSON.stringify(outcome.error)}`);
			expect(before, command.type).toEqual(snapshot);
			states.push(deepFreeze(outcome.state));
		}
		return states;
	}

	it('never changes its input, even deep inside (every state is deep-frozen)', () => {
		const states = play();
		const last = states.at(-1)!;
		expect(runOf(last).phase).toBe('discuss');
		expect(runOf(last).notes.map((n) => n.id)).toEqual(['a1', 'a2', 'o1']);
		expect(runOf(last).ballots).toEqual([]);
		expect(runOf(last).closedVote).toMatchObject({
			rankings: [['c:k1', 'n:o1'], ['c:k2']],
			entered: 1,
			voterIds: ['ann', 'ola']
		});
		expect(last.reflection).toBe('Went well');
	});

	it('gives the same answer for the same input', () => {
		expect(play()).toEqual(play());
	});

	it('does not change its input when it refuses', () => {
		const state = deepFreeze(writtenSession());
		const snapshot = structuredClone(state);
		expect(execute(state, { type: 'reveal.all', questionId: Q1 }, facilitator, T0).ok).toBe(false);
		expect(
			execute(state, { type: 'note.edit', questionId: Q1, noteId: 'a1', text: 'x' }, ben, T0).ok
		).toBe(false);
		expect(state).toEqual(snapshot);
		expect(turnOf(state)).toBeNull();
	});
});

describe('participant.enrol (conference members, by the server)', () => {
	const system: Actor = { role: 'system' };

	it('adds a member as a regular participant, not as someone without a phone', () => {
		const state = run(
			newSession(),
			{ type: 'participant.enrol', participantId: 'eve', name: 'Eve' },
			system
		);
		expect(state.participants).toEqual([
			{ id: 'eve', name: 'Eve', joinedAt: T0, viaFacilitator: false, removed: false }
		]);
	});

	it('renames an existing member and brings back one who was moved out, keeping their notes', () => {
		let state = run(
			newSession(),
			{ type: 'participant.enrol', participantId: 'eve', name: 'Eve' },
			system
		);
		state = advance(state);
		state = run(state, { type: 'note.add', questionId: Q1, noteId: 'e1', text: 'Idea' }, as('eve'));
		state = run(
			state,
			{ type: 'participant.remove', participantId: 'eve', deleteContributions: false },
			system
		);
		expect(state.participants[0]!.removed).toBe(true);
		state = run(state, { type: 'participant.enrol', participantId: 'eve', name: 'Eva' }, system);
		expect(state.participants).toEqual([
			{ id: 'eve', name: 'Eva', joinedAt: T0, viaFacilitator: false, removed: false }
		]);
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['e1']);
	});

	it('is refused to everyone but the server', () => {
		const state = newSession();
		for (const actor of [facilitator, guest, as('ann')]) {
			expect(
				refusal(state, { type: 'participant.enrol', participantId: 'eve', name: 'Eve' }, actor)
			).toEqual({ code: 'forbidden' });
		}
	});
});

describe('participant.erase (data protection, by the server)', () => {
	const system: Actor = { role: 'system' };
	function withNotes(): SessionState {
		let state = join(newSession({ settings: { anonymous: false } }), ['ann', 'ben']);
		state = advance(state);
		state = write(state, { ann: [['a1', 'Ann idea']], ben: [['b1', 'Ben idea']] });
		state = advanceTo(state, 'vote');
		state = run(
			state,
			{ type: 'ballot.cast', questionId: Q1, ranking: ['n:a1', 'n:b1'] },
			as('ann')
		);
		return state;
	}

	it('delete: the person, their notes and their ballots are gone', () => {
		const state = run(
			withNotes(),
			{ type: 'participant.erase', participantId: 'ann', mode: 'delete' },
			system
		);
		expect(state.participants.find((p) => p.id === 'ann')).toMatchObject({
			name: '',
			removed: true
		});
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['b1']);
		expect(runOf(state).ballots).toEqual([]);
		expect(JSON.stringify(state)).not.toContain('Ann');
	});

	it('anonymise: the notes stay, without the name, even in a named session', () => {
		const state = run(
			withNotes(),
			{ type: 'participant.erase', participantId: 'ann', mode: 'anonymise' },
			system
		);
		expect(runOf(state).notes.map((n) => n.id)).toEqual(['a1', 'b1']);
		expect(JSON.stringify(state)).not.toContain('"Ann"');
		const notes = facilitatorView(state).runs[0]!.notes;
		expect(notes.find((n) => n.id === 'a1')!.author).toBeNull();
		expect(notes.find((n) => n.id === 'b1')!.author).toBe('Ben');
	});
});

describe('the console turns the screen and shows a note whole', () => {
	it('counts page turns forwards and back, from zero in a session stored before them', () => {
		const before = clarifySession();
		expect(before.screen).toBeUndefined();
		let state = run(before, { type: 'screen.page', step: 1 });
		state = run(state, { type: 'screen.page', step: 1 });
		state = run(state, { type: 'screen.page', step: -1 });
		expect(state.screen).toEqual({ turns: 1, focus: null });
	});

	it('shows a revealed note whole for its question and phase, and stops when asked', () => {
		let state = run(clarifySession(), { type: 'screen.focus', questionId: Q1, noteId: 'c2' });
		expect(state.screen?.focus).toEqual({ questionId: Q1, phase: 'clarify', noteId: 'c2' });
		state = run(state, { type: 'screen.focus', questionId: Q1, noteId: null });
		expect(state.screen).toEqual({ turns: 0, focus: null });
	});

	it('never shows a note the room has not seen', () => {
		const state = advance(writtenSession());
		run(state, { type: 'reveal.next', questionId: Q1 }, as('ann'));
		expect(refusal(state, { type: 'screen.focus', questionId: Q1, noteId: 'b1' }).code).toBe(
			'not_found'
		);
		expect(refusal(state, { type: 'screen.focus', questionId: Q1, noteId: 'zz' }).code).toBe(
			'not_found'
		);
	});

	it('is for the console alone', () => {
		const state = clarifySession();
		expect(refusal(state, { type: 'screen.page', step: 1 }, ann).code).toBe('forbidden');
		expect(refusal(state, { type: 'screen.page', step: 1 }, guest).code).toBe('forbidden');
		expect(refusal(state, { type: 'screen.focus', questionId: Q1, noteId: 'a1' }, ann).code).toBe(
			'forbidden'
		);
	});
});
