import { describe, expect, it } from 'vitest';
import {
	Q1,
	Q2,
	advance,
	advanceTo,
	as,
	clarifySession,
	deepFreeze,
	facilitator,
	run,
	writtenSession
} from './test-fixtures';
import type { SessionState } from './types';
import { sentView, shownView } from './sent-views';
import { phoneOwnView, phoneSharedView, viewFor, viewJson, type Viewer } from './views';

const viewers: Viewer[] = [
	{ role: 'screen' },
	{ role: 'facilitator' },
	...['ann', 'ben', 'cat', 'dan', 'nobody'].map(
		(participantId) => ({ role: 'participant', participantId }) as Viewer
	)
];

/** A session in every interesting shape: writing, clustered, voted, two questions, named. */
function states(): [string, SessionState][] {
	const written = writtenSession({ questions: ['First?', 'Second?'] });
	const clarify = clarifySession({ settings: { anonymous: false, facilitatorSeesNotes: true } });
	const clustered = run(
		clarify,
		{
			type: 'cluster.create',
			questionId: Q1,
			clusterId: 'k1',
			heading: 'BYRÅKRATI',
			noteIds: ['a1', 'b1']
		},
		facilitator
	);
	let voted = advanceTo(clustered, 'vote');
	voted = run(voted, { type: 'ballot.cast', questionId: Q1, ranking: ['c:k1', 'n:c1'] }, as('ann'));
	voted = run(voted, { type: 'ballot.cast', questionId: Q1, ranking: ['n:c2', 'n:a3'] }, as('ben'));
	voted = run(
		voted,
		{ type: 'ballot.cast', questionId: Q1, ranking: ['n:a2'], voterId: 'dan' },
		facilitator
	);
	const results = advance(voted);
	const removed = run(
		results,
		{ type: 'participant.remove', participantId: 'cat', deleteContributions: false },
		facilitator
	);
	const second = run(written, { type: 'question.select', questionId: Q2 }, facilitator);
	return [
		['writing, two questions', written],
		['second question selected', second],
		['clarify, named', clarify],
		['clustered', clustered],
		['voting', voted],
		['results', results],
		['a person removed', removed]
	];
}

describe('viewJson', () => {
	for (const [name, state] of states()) {
		it(`is exactly JSON.stringify(sentView(viewFor(…))) for every viewer: ${name}`, () => {
			deepFreeze(state);
			for (const viewer of viewers) {
				const view = viewFor(state, viewer);
				expect(viewJson(state, viewer)).toBe(view === null ? null : JSON.stringify(sentView(view)));
			}
		});
	}

	it('leaves progress to screens and consoles: a phone view changes with its own notes only', () => {
		const state = writtenSession();
		const later = run(
			state,
			{ type: 'note.add', questionId: Q1, noteId: 'b2', text: 'Another one' },
			as('ben')
		);
		expect(viewFor(later, { role: 'screen' })!.runs[0]!.progress).toEqual([3, 2, 2, 0]);
		const ann = { role: 'participant', participantId: 'ann' } as const;
		expect(viewFor(later, ann)!.runs[0]!.progress).toEqual([]);
		expect(viewJson(later, ann)).toBe(viewJson(state, ann));
		const ben = { role: 'participant', participantId: 'ben' } as const;
		expect(viewJson(later, ben)).not.toBe(viewJson(state, ben));
	});

	it('sends each note’s text once: what the client shows, with every label back, is the view', () => {
		for (const [name, state] of states()) {
			for (const viewer of viewers) {
				const view = viewFor(state, viewer);
				const json = viewJson(state, viewer);
				if (view === null) continue;
				expect(shownView(JSON.parse(json!)), `${name}, ${JSON.stringify(viewer)}`).toEqual(view);
				// Every revealed note's text is in the JSON once, however many items and rows name it
				// (a phone's own notes aside: its author's list of them carries them too).
				const sent = JSON.parse(json!) as { runs: { myNotes?: unknown }[] };
				for (const r of sent.runs) delete r.myNotes;
				const text = JSON.stringify(sent);
				for (const note of view.runs.flatMap((r) => r.notes)) {
					const times = text.split(JSON.stringify(note.text)).length - 1;
					expect(times, `${name}, ${JSON.stringify(viewer)}, ${note.text}`).toBe(1);
				}
			}
		}
		// The results carry the texts on the server: only the wire leaves them out.
		const [, results] = states().find(([name]) => name === 'results')!;
		const ranked = viewFor(results, { role: 'screen' })!.runs[0]!.results!;
		expect(ranked.filter((r) => r.kind === 'note').map((r) => r.label)).toContain(
			'Fear of losing benefits'
		);
	});

	it('gives each participant only their own notes', () => {
		const state = writtenSession();
		const ben = viewJson(state, { role: 'participant', participantId: 'ben' })!;
		expect(ben).toContain('No job coach in rural areas');
		expect(ben).not.toContain('Too much paperwork');
		expect(viewJson(state, { role: 'screen' })).not.toContain('No job coach');
	});

	it('a phone view is its shared part with its own part added, in every shape, for everyone', () => {
		for (const [name, state] of states()) {
			const shared = phoneSharedView(state);
			for (const participantId of ['ann', 'ben', 'cat', 'dan', 'nobody']) {
				const own = phoneOwnView(state, participantId);
				const view = viewFor(state, { role: 'participant', participantId });
				if (own === null) {
					expect(view, `${name}, ${participantId}`).toBeNull();
					continue;
				}
				const merged = {
					...shared,
					me: own.me,
					runs: shared.runs.map((run, i) => ({ ...run, ...own.runs[i] })),
					myReflections: own.myReflections
				};
				expect(merged, `${name}, ${participantId}`).toEqual(view);
				// The shared part names nobody's own notes or ballot.
				expect(JSON.stringify(shared)).not.toMatch(/myNotes|myBallot|"me"/);
			}
		}
	});

	it('a view made from note items kept between states equals one made afresh, at every step', () => {
		// Each step's state is also copied whole (no object shared with the earlier states), so
		// its views are made without anything kept: they must be equal, for every viewer.
		let state = writtenSession({ settings: { anonymous: false, facilitatorSeesNotes: true } });
		const steps: [string, (s: SessionState) => SessionState][] = [
			[
				'a note',
				(s) => run(s, { type: 'note.add', questionId: Q1, noteId: 'd1', text: 'New' }, as('dan'))
			],
			[
				'a rename',
				(s) =>
					run(s, { type: 'participant.rename', participantId: 'ann', name: 'Anne' }, facilitator)
			],
			[
				'notes hidden from the facilitator',
				(s) =>
					run(
						s,
						{ type: 'session.configure', settings: { facilitatorSeesNotes: false } },
						facilitator
					)
			],
			[
				'a note while they are hidden',
				(s) => run(s, { type: 'note.add', questionId: Q1, noteId: 'd2', text: 'Mine' }, as('dan'))
			],
			['reveal', (s) => advance(s)],
			['next note', (s) => run(s, { type: 'reveal.next', questionId: Q1 }, facilitator)],
			[
				'another rename',
				(s) =>
					run(
						s,
						{ type: 'participant.rename', participantId: 'ben', name: 'Benedikt' },
						facilitator
					)
			],
			['next note again', (s) => run(s, { type: 'reveal.next', questionId: Q1 }, facilitator)],
			[
				'a note edited',
				(s) =>
					run(
						s,
						{ type: 'note.edit', questionId: Q1, noteId: 'a1', text: 'Paperwork' },
						facilitator
					)
			],
			[
				'a reflection written for a person',
				(s) =>
					run(
						s,
						{ type: 'reflection.write', reflectionId: 'r1', authorId: 'ben', text: 'We learnt' },
						facilitator
					)
			],
			[
				'anonymous from now on',
				(s) => run(s, { type: 'session.configure', settings: { anonymous: true } }, facilitator)
			],
			[
				'a person removed',
				(s) =>
					run(
						s,
						{ type: 'participant.remove', participantId: 'cat', deleteContributions: false },
						facilitator
					)
			]
		];
		for (const [name, step] of steps) {
			state = step(state);
			const fresh = structuredClone(state);
			for (const viewer of viewers) {
				expect(viewFor(state, viewer), `${name}, ${JSON.stringify(viewer)}`).toEqual(
					viewFor(fresh, viewer)
				);
				expect(viewJson(state, viewer), `${name}, ${JSON.stringify(viewer)}`).toBe(
					viewJson(structuredClone(state), viewer)
				);
				// The hub's two parts of a phone's view, the own one kept per person.
				if (viewer.role !== 'participant') continue;
				expect(phoneOwnView(state, viewer.participantId), `${name}, own part`).toEqual(
					phoneOwnView(fresh, viewer.participantId)
				);
				expect(phoneSharedView(state), `${name}, shared part`).toEqual(phoneSharedView(fresh));
			}
		}
	});
});
