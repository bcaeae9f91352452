/**
 * Views are made from parts kept from earlier states (by the identity of the notes, clusters,
 * people and settings they come from). Over random command sequences, every viewer's view of
 * each state must equal the view of a deep copy of that state, which shares no object with any
 * earlier state and so is made from scratch.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '$lib/testing/random';
import { execute, type Actor, type SessionCommand } from './commands';
import { Q1, T0, as, facilitator, guest, join, nameOf, newSession } from './test-fixtures';
import type { SessionState } from './types';
import { viewFor, type ParticipantView, type Viewer } from './views';

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** A command that may apply now, chosen at random (some are refused: that is a step too). */
function randomCommand(
	rand: Random,
	state: SessionState,
	step: number
): { command: SessionCommand; actor: Actor } {
	const run = state.questions[0]!;
	const people = state.participants.filter((p) => !p.removed);
	const someone = people.length > 0 ? pick(rand, people).id : 'ann';
	const advance = {
		command: { type: 'phase.advance', questionId: Q1, from: run.phase },
		actor: facilitator
	};
	const revealed = run.notes.filter((n) => n.revealIndex !== null).map((n) => n.id);
	const tops = run.clusters.filter((c) => c.parentId === undefined);
	const by = (command: SessionCommand, actor: Actor = facilitator) => ({ command, actor });
	// Now and then, in any phase: what changes the people, the settings, a note or a heading.
	const anyTime: (() => { command: SessionCommand; actor: Actor })[] = [
		() =>
			by({ type: 'participant.join', participantId: `p${step}`, name: nameOf(`p${step}`) }, guest),
		() =>
			by({ type: 'participant.remove', participantId: someone, deleteContributions: rand() < 0.5 }),
		() => by({ type: 'participant.rename', participantId: someone, name: `Renamed ${step}` }),
		() => by({ type: 'session.configure', settings: { anonymous: rand() < 0.5 } }),
		() =>
			by({
				type: 'note.edit',
				questionId: Q1,
				noteId: pick(rand, revealed.length > 0 ? revealed : ['none']),
				text: `Edited ${step}`
			}),
		() =>
			by({
				type: 'cluster.rename',
				questionId: Q1,
				clusterId: tops.length > 0 ? pick(rand, tops).id : 'none',
				heading: `RENAMED ${step}`
			}),
		() =>
			by({
				type: 'cluster.assign',
				questionId: Q1,
				noteIds: revealed.filter(() => rand() < 0.2),
				clusterId: rand() < 0.3 || tops.length === 0 ? null : pick(rand, tops).id
			}),
		() =>
			rand() < 0.3
				? by({ type: 'phase.back', questionId: Q1, from: run.phase })
				: (advance as { command: SessionCommand; actor: Actor }),
		() => advance as { command: SessionCommand; actor: Actor }
	];
	if (rand() < 0.25) return pick(rand, anyTime)();
	switch (run.phase) {
		case 'write':
			return {
				command: {
					type: 'note.add',
					questionId: Q1,
					noteId: `n${step}`,
					text: `Note ${step} ${'x'.repeat(Math.floor(rand() * 40))}`
				},
				actor: as(someone)
			};
		case 'reveal':
			return by({ type: rand() < 0.8 ? 'reveal.next' : 'reveal.all', questionId: Q1 });
		case 'clarify': {
			const sub = tops.length > 0 && rand() < 0.3;
			return {
				command: {
					type: 'cluster.create',
					questionId: Q1,
					clusterId: `k${step}`,
					heading: `HEADING ${step}`,
					noteIds: revealed.filter(() => rand() < 0.3).slice(0, 3),
					...(sub ? { parentId: pick(rand, tops).id } : {})
				},
				actor: facilitator
			};
		}
		case 'vote':
		case 'revote': {
			const view = viewFor(state, { role: 'participant', participantId: someone });
			const vote = (view as ParticipantView | null)?.runs[0]?.vote;
			const ids = (vote?.items ?? []).map((item) => item.id).filter(() => rand() < 0.7);
			return {
				command: { type: 'ballot.cast', questionId: Q1, ranking: ids.slice(0, vote?.n ?? 0) },
				actor: as(someone)
			};
		}
		default:
			return advance as { command: SessionCommand; actor: Actor };
	}
}

function viewers(state: SessionState): Viewer[] {
	return [
		{ role: 'screen' },
		{ role: 'facilitator' },
		// Three phones and the latest to join (phones differ only in their own part).
		...[...state.participants.slice(0, 3), ...state.participants.slice(-1)].map(
			(p) => ({ role: 'participant', participantId: p.id }) as Viewer
		)
	];
}

describe('views made from kept parts', () => {
	for (const seed of [1, 2, 3, 4]) {
		it(`equal views made from scratch over a random command sequence (seed ${seed})`, () => {
			const rand = seededRandom(seed);
			const anonymous = rand() < 0.5;
			// A second question no command touches: its runs are kept from state to state.
			let state = join(
				newSession({ settings: { anonymous }, questions: ['What works?', 'What is needed?'] }),
				['ann', 'ben', 'cat', 'dan']
			);
			let applied = 0;
			const phases = new Set<string>();
			for (let step = 0; step < 200; step++) {
				const { command, actor } = randomCommand(rand, state, step);
				const outcome = execute(state, command, actor, T0 + 10_000 + step * 1_000);
				if (!outcome.ok) continue;
				applied++;
				state = outcome.state;
				phases.add(state.questions[0]!.phase);
				const fresh = structuredClone(state);
				for (const viewer of viewers(state))
					expect(viewFor(state, viewer), `${command.type} #${step}`).toEqual(
						viewFor(fresh, viewer)
					);
			}
			// The walk went through the whole run, not only its first phase.
			expect(applied).toBeGreaterThan(60);
			expect([...phases]).toEqual(expect.arrayContaining(['write', 'reveal', 'clarify', 'vote']));
		});
	}
});
