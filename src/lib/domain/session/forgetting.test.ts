import { describe, expect, it } from 'vitest';
import { execute, type Actor, type SessionCommand } from './commands';
import { mustForget } from './forgetting';
import {
	advanceTo,
	as,
	clarifySession,
	facilitator,
	Q1,
	runOf,
	T0,
	writtenSession
} from './test-fixtures';
import type { SessionState } from './types';

const system: Actor = { role: 'system' };
const ann = as('ann');

/** Runs a command that must be accepted; answers with the state after it and the verdict. */
function step(before: SessionState, command: SessionCommand, actor: Actor = facilitator) {
	const outcome = execute(before, command, actor, T0 + 1);
	if (!outcome.ok) throw new Error(`${command.type} refused: ${JSON.stringify(outcome.error)}`);
	return { after: outcome.state, forget: mustForget(before, command, outcome.state) };
}

/** Everything private a state holds: note texts (with history), names, and who cast a ballot. */
function privateFacts(state: SessionState): Set<string> {
	const facts = new Set<string>();
	for (const p of state.participants) if (p.name) facts.add(`name:${p.id}:${p.name}`);
	for (const run of state.questions) {
		for (const note of run.notes) {
			facts.add(`text:${note.text}`);
			for (const edit of note.history) facts.add(`text:${edit.previous}`);
		}
		for (const ballot of run.ballots) facts.add(`voter:${run.id}:${ballot.voterId}`);
		for (const vote of [run.closedVote, run.previousVote])
			for (const voterId of vote?.voterIds ?? []) facts.add(`voter:${run.id}:${voterId}`);
	}
	return facts;
}

describe('commands that must be forgotten from the log', () => {
	it('a deleted note', () => {
		expect(
			step(writtenSession(), { type: 'note.delete', questionId: Q1, noteId: 'a1' }, ann)
		).toMatchObject({ forget: true });
	});

	it('an author’s edit before the reveal (the draft is replaced), not a fix after it', () => {
		const edit = (noteId: string, text: string) =>
			({ type: 'note.edit', questionId: Q1, noteId, text }) as const;
		expect(step(writtenSession(), edit('a1', 'Far too much paperwork'), ann).forget).toBe(true);
		expect(step(writtenSession(), edit('a1', 'Too much paperwork'), ann).forget).toBe(false);
		// After the reveal the earlier text stays in the note's history: nothing is lost.
		expect(step(clarifySession(), edit('a1', 'Too much paper work')).forget).toBe(false);
	});

	it('a removal that deletes the person’s notes and votes, not one that keeps them', () => {
		const remove = (deleteContributions: boolean) =>
			({ type: 'participant.remove', participantId: 'ann', deleteContributions }) as const;
		expect(step(writtenSession(), remove(true)).forget).toBe(true);
		expect(step(writtenSession(), remove(false)).forget).toBe(false);
	});

	it('erasing a person, either way', () => {
		for (const mode of ['delete', 'anonymise'] as const) {
			const command = { type: 'participant.erase', participantId: 'ann', mode } as const;
			expect(step(writtenSession(), command, system).forget).toBe(true);
		}
	});

	it('a changed name, not a new member or the same name again', () => {
		const rename = { type: 'participant.rename', participantId: 'ann', name: 'Anne' } as const;
		expect(step(writtenSession(), rename).forget).toBe(true);
		const enrol = (participantId: string, name: string) =>
			({ type: 'participant.enrol', participantId, name }) as const;
		expect(step(writtenSession(), enrol('ann', 'Anne'), system).forget).toBe(true);
		expect(step(writtenSession(), enrol('eve', 'Eve'), system).forget).toBe(false);
		expect(step(writtenSession(), enrol('ann', 'Ann'), system).forget).toBe(false);
	});

	it('closing a vote or a revote, and stepping back out of one', () => {
		const voting = advanceTo(clarifySession(), 'vote');
		const phase = (type: 'phase.advance' | 'phase.back', state: SessionState) =>
			({ type, questionId: Q1, from: runOf(state).phase }) as const;
		expect(step(voting, phase('phase.advance', voting)).forget).toBe(true);
		expect(step(voting, phase('phase.back', voting)).forget).toBe(true);
		const revoting = advanceTo(step(voting, phase('phase.advance', voting)).after, 'revote');
		expect(step(revoting, phase('phase.advance', revoting)).forget).toBe(true);
		expect(step(revoting, phase('phase.back', revoting)).forget).toBe(true);
		const clarifying = clarifySession();
		expect(step(clarifying, phase('phase.advance', clarifying)).forget).toBe(false);
	});

	it('reopening a vote whose results were shown (a new vote), not one whose tally was withheld', () => {
		const back = (state: SessionState) =>
			({ type: 'phase.back', questionId: Q1, from: runOf(state).phase }) as const;
		const close = (state: SessionState) =>
			step(state, { type: 'phase.advance', questionId: Q1, from: 'vote' }).after;
		const cast = (state: SessionState, voter: string) =>
			step(state, { type: 'ballot.cast', questionId: Q1, ranking: ['n:a1'] }, as(voter)).after;
		let voting = advanceTo(clarifySession(), 'vote');
		voting = cast(voting, 'ann');
		const withheld = close(voting);
		expect(runOf(withheld).closedVote?.voterIds).toEqual(['ann']);
		expect(step(withheld, back(withheld)).forget).toBe(false);
		for (const voter of ['ben', 'cat']) voting = cast(voting, voter);
		const shown = close(voting);
		expect(runOf(shown).closedVote?.voterIds).toEqual(['ann', 'ben', 'cat']);
		const reopened = step(shown, back(shown));
		expect(runOf(reopened.after).closedVote).toBeNull();
		expect(reopened.forget).toBe(true);
	});
});

describe('every other command', () => {
	it('keeps all the private text, names and voters the state held', () => {
		// A walk through a whole session: every accepted command either keeps everything private
		// that the state held, or is one the log must forget.
		const walk: [SessionCommand, Actor][] = [
			[{ type: 'participant.join', participantId: 'eve', name: 'Eve' }, { role: 'guest' }],
			[{ type: 'participant.add', participantId: 'fay', name: 'Fay' }, facilitator],
			[{ type: 'note.add', questionId: Q1, noteId: 'e1', text: 'Eve’s idea' }, as('eve')],
			[{ type: 'note.edit', questionId: Q1, noteId: 'e1', text: 'Eve’s better idea' }, as('eve')],
			[{ type: 'note.delete', questionId: Q1, noteId: 'a3' }, ann],
			[{ type: 'participant.rename', participantId: 'ben', name: 'Benjamin' }, as('ben')],
			[{ type: 'participant.leave' }, as('dan')],
			[{ type: 'session.configure', settings: { topN: 3 } }, facilitator],
			[{ type: 'timer.start', seconds: 300 }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'write' }, facilitator],
			[{ type: 'reveal.next', questionId: Q1 }, facilitator],
			[{ type: 'reveal.pass', questionId: Q1 }, facilitator],
			[{ type: 'reveal.all', questionId: Q1 }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'reveal' }, facilitator],
			[
				{ type: 'cluster.create', questionId: Q1, clusterId: 'k1', heading: 'P', noteIds: ['a1'] },
				facilitator
			],
			[{ type: 'cluster.rename', questionId: Q1, clusterId: 'k1', heading: 'PAPER' }, facilitator],
			[{ type: 'note.edit', questionId: Q1, noteId: 'b1', text: 'No job coach' }, facilitator],
			[
				{ type: 'note.add', questionId: Q1, noteId: 'f1', text: 'Dictated', authorId: 'fay' },
				facilitator
			],
			[{ type: 'phase.advance', questionId: Q1, from: 'clarify' }, facilitator],
			[{ type: 'ballot.cast', questionId: Q1, ranking: ['c:k1'] }, ann],
			[{ type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'] }, ann],
			[{ type: 'ballot.cast', questionId: Q1, ranking: ['n:b1'], voterId: 'fay' }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'vote' }, facilitator],
			[{ type: 'phase.back', questionId: Q1, from: 'results' }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'vote' }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'results' }, facilitator],
			[{ type: 'phase.advance', questionId: Q1, from: 'discuss' }, facilitator],
			[{ type: 'ballot.cast', questionId: Q1, ranking: ['n:c1'] }, as('cat')],
			[{ type: 'phase.back', questionId: Q1, from: 'revote' }, facilitator],
			[{ type: 'session.reflect', text: 'We agreed on paperwork.' }, facilitator],
			[
				{ type: 'participant.remove', participantId: 'cat', deleteContributions: false },
				facilitator
			],
			[
				{ type: 'participant.remove', participantId: 'eve', deleteContributions: true },
				facilitator
			],
			[{ type: 'participant.erase', participantId: 'fay', mode: 'delete' }, system]
		];
		let state = writtenSession();
		let forgotten = 0;
		for (const [command, actor] of walk) {
			const { after, forget } = step(state, command, actor);
			const lost = [...privateFacts(state)].filter((fact) => !privateFacts(after).has(fact));
			if (forget) forgotten++;
			else expect(lost, `${command.type} lost private data without forgetting`).toEqual([]);
			state = after;
		}
		expect(forgotten).toBeGreaterThan(0);
	});
});

describe('reflections and discussion', () => {
	const allowed = () =>
		step(writtenSession(), { type: 'session.configure', settings: { membersReflect: true } }).after;

	it('forgets a deleted reflection and a reflection’s words rewritten away, not a new one', () => {
		const first = step(
			allowed(),
			{ type: 'reflection.write', reflectionId: 'r1', text: 'Old' },
			ann
		);
		expect(first.forget).toBe(false);
		const same = step(
			first.after,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'Old' },
			ann
		);
		expect(same.forget).toBe(false);
		const rewritten = step(
			first.after,
			{ type: 'reflection.write', reflectionId: 'r1', text: 'New' },
			ann
		);
		expect(rewritten.forget).toBe(true);
		const retitled = step(first.after, {
			type: 'reflection.write',
			reflectionId: 'r1',
			text: 'Old',
			title: 'A title'
		});
		expect(retitled.forget).toBe(false);
		const untitled = step(retitled.after, {
			type: 'reflection.write',
			reflectionId: 'r1',
			text: 'Old',
			title: ''
		});
		expect(untitled.forget).toBe(true);
		expect(step(first.after, { type: 'reflection.delete', reflectionId: 'r1' }, ann).forget).toBe(
			true
		);
	});

	it('forgets a discussion rewritten or emptied, not a first one', () => {
		const first = step(allowed(), { type: 'discussion.write', questionId: Q1, text: 'We talked' });
		expect(first.forget).toBe(false);
		expect(
			step(first.after, { type: 'discussion.write', questionId: Q1, text: 'We talked more' }).forget
		).toBe(true);
		expect(step(first.after, { type: 'discussion.write', questionId: Q1, text: '' }).forget).toBe(
			true
		);
	});
});
