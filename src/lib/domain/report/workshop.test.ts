import { describe, expect, it } from 'vitest';
import { fixedT } from '$lib/i18n';
import { execute } from '../session/commands';
import type { SessionState } from '../session/types';
import { buildSession, type QuestionSpec } from './session-builder';
import { buildWorkshopReport, workshopStartedAt, type WorkshopReport } from './workshop';

const people = [
	{ id: 'p1', name: 'Øystein' },
	{ id: 'p2', name: 'Åse' },
	{ id: 'p3', name: 'Birgitta' }
];

/** A: voted by three (results shown). B: talked through, no vote. C: written, not revealed. D: never started. */
function workshop(overrides: Partial<Record<'a' | 'b', QuestionSpec>> = {}): SessionState {
	return buildSession({
		id: 'ws',
		title: 'Verksted om arbeidsinkludering',
		language: 'nb',
		topN: 2,
		people,
		questions: [
			overrides.a ?? {
				text: 'Hva hindrer?',
				notes: [
					['p1', 'Papirarbeid'],
					['p2', 'Skjemaer'],
					['p3', 'Ventetid'],
					['p1', 'Ingen å ringe']
				],
				clusters: [{ heading: 'BYRÅKRATI', notes: [0, 1] }],
				ballots: [
					{ voter: 'p1', ranking: ['c0', 'n2'] },
					{ voter: 'p2', ranking: ['c0', 'n3'] },
					{ voter: 'p3', ranking: ['n2', 'c0'] }
				]
			},
			overrides.b ?? {
				text: 'Hva gjør vi?',
				notes: [
					['p3', 'Ringe arbeidsgivere'],
					['p2', 'Lage brosjyre']
				],
				stopAt: 'clarify'
			},
			{ text: 'Hva bekymrer deg?', notes: [['p2', 'Hemmelig']], stopAt: 'write' },
			{ text: 'Hva har vi glemt?', stopAt: 'lobby' }
		],
		reflection: 'Engasjert gruppe.\n\n- Mer tid neste gang'
	});
}

const build = (session = workshop(), options = {}): WorkshopReport =>
	buildWorkshopReport({ session, date: '2025-05-08' }, options, fixedT);

describe('the workshop report', () => {
	const report = build();

	it('has a title page of its own: document label, title and the day it was held', () => {
		expect(report.kind).toBe('workshop');
		expect(report.locale).toBe('nb-NO');
		expect(report.titlePage).toEqual({
			organisation: '',
			documentLabel: 'Verkstedrapport',
			title: 'Verksted om arbeidsinkludering',
			subtitle: '',
			placeAndDate: '8. mai 2025',
			author: '',
			generated: ''
		});
		expect(build(workshop(), { generatedAt: '2025-05-27' }).titlePage.generated).toBe(
			'Laget 27. mai 2025'
		);
	});

	it('lists its chapters in the contents: participants, each question it ran, the reflection', () => {
		expect(report.contents).toEqual([
			{ anchor: 'participants', title: 'Deltakere', level: 1 },
			{ anchor: 'question-a', title: 'a) Hva hindrer?', level: 1 },
			{ anchor: 'question-b', title: 'b) Hva gjør vi?', level: 1 },
			{ anchor: 'question-c', title: 'c) Hva bekymrer deg?', level: 1 },
			{ anchor: 'reflection', title: 'Gruppeleders refleksjon', level: 1 }
		]);
		expect(JSON.stringify(report)).not.toContain('Hva har vi glemt?');
		expect(report.emptyNote).toBe('');
	});

	it('names who took part, by name in the report language, or only counts them', () => {
		expect(report.participants).toEqual({
			anchor: 'participants',
			heading: 'Deltakere',
			totalLabel: '3 deltakere',
			names: ['Birgitta', 'Øystein', 'Åse']
		});
		const anonymous = build(workshop(), { includeNames: false });
		expect(anonymous.participants!.names).toEqual([]);
		expect(anonymous.named).toBe(false);
		for (const person of people) expect(JSON.stringify(anonymous)).not.toContain(person.name);
	});

	it('prioritises with the domain tally when the vote closed with enough ballots', () => {
		const a = report.questions[0]!;
		expect(a.vote).toMatchObject({ status: 'closed', ballots: 3, topN: 2 });
		expect(a.prioritised.map((i) => [i.rank, i.heading, i.points, i.voters])).toEqual([
			[1, 'BYRÅKRATI', 5, 3],
			[2, null, 3, 2],
			[3, null, 1, 1]
		]);
		expect(a.prioritised[0]!.notes.map((n) => n.text)).toEqual(['Papirarbeid', 'Skjemaer']);
		expect(a.prioritised.flatMap((i) => i.notes).every((n) => n.author === null)).toBe(true);
		expect(a.otherNotes).toEqual([]);
	});

	it('withholds a result once a deletion leaves too few ballots giving points to what is left', () => {
		const session = workshop({
			a: {
				text: 'Hva hindrer?',
				notes: [
					['p1', 'Papirarbeid'],
					['p2', 'Skjemaer'],
					['p3', 'Ventetid']
				],
				ballots: [
					{ voter: 'p1', ranking: ['n0'] },
					{ voter: 'p2', ranking: ['n1'] },
					{ voter: 'p3', ranking: ['n2'] }
				]
			}
		});
		expect(build(session).questions[0]!.vote.status).toBe('closed');
		const erased = execute(
			session,
			{ type: 'participant.erase', participantId: 'p3', mode: 'delete' },
			{ role: 'system' },
			Date.UTC(2025, 4, 9)
		);
		if (!erased.ok) throw new Error(erased.error.code);
		// Only p1's and p2's ballots still count: each would learn the other's.
		const after = build(erased.state).questions[0]!;
		expect(after.vote.status).toBe('withheld');
		expect(after.prioritised).toEqual([]);
	});

	it('keeps a result secret that would show how someone voted, and never tallies an open vote', () => {
		const twoBallots = build(
			workshop({
				a: {
					text: 'Hva hindrer?',
					notes: [
						['p1', 'Papirarbeid'],
						['p2', 'Skjemaer']
					],
					ballots: [
						{ voter: 'p1', ranking: ['n0'] },
						{ voter: 'p2', ranking: ['n1'] }
					]
				}
			})
		).questions[0]!;
		expect(twoBallots.vote.status).toBe('withheld');
		expect(twoBallots.prioritised).toEqual([]);
		expect(twoBallots.otherNotes!.map((n) => n.text)).toEqual(['Papirarbeid', 'Skjemaer']);

		const open = build(
			workshop({
				a: {
					text: 'Hva hindrer?',
					notes: [['p1', 'Papirarbeid']],
					ballots: [{ voter: 'p1', ranking: ['n0'] }],
					stopAt: 'vote'
				}
			})
		).questions[0]!;
		expect(open.vote.status).toBe('open');
		expect(open.prioritised).toEqual([]);
	});

	it('lists the notes of a question not voted on, and keeps unrevealed notes out', () => {
		const b = report.questions[1]!;
		expect(b.vote.summary).toBe('Gruppen stemte ikke over dette spørsmålet.');
		expect(b.otherNotesHeading).toBe('Lapper');
		// In reveal order: the round-robin goes by joining order.
		expect(b.otherNotes!.map((n) => n.text)).toEqual(['Lage brosjyre', 'Ringe arbeidsgivere']);
		expect(report.questions[2]!.emptyNote).toBe(
			'Det ble ikke skrevet lapper til dette spørsmålet.'
		);
		expect(JSON.stringify(report)).not.toContain('Hemmelig');
	});

	it('prints the reflection, or leaves it out when asked', () => {
		expect(report.reflection).toEqual({
			anchor: 'reflection',
			heading: 'Gruppeleders refleksjon',
			blocks: [
				{ kind: 'paragraph', text: 'Engasjert gruppe.' },
				{ kind: 'list', items: ['Mer tid neste gang'] }
			]
		});
		const without = build(workshop(), { includeReflections: false });
		expect(without.reflection).toBeNull();
		expect(without.contents.map((e) => e.anchor)).not.toContain('reflection');
	});

	it('leaves unvoted notes out when asked', () => {
		const without = build(workshop(), { includeUnvotedNotes: false });
		expect(without.questions.every((q) => q.otherNotes === null)).toBe(true);
		expect(JSON.stringify(without)).not.toContain('Ringe arbeidsgivere');
	});

	it('says so when no question was started, in the language asked for', () => {
		const idle = buildSession({
			id: 'idle',
			title: 'Tomt',
			language: 'nb',
			people: [],
			questions: [{ text: 'Hva nå?', stopAt: 'lobby' }]
		});
		const empty = build(idle, { language: 'en' });
		expect(empty.questions).toEqual([]);
		expect(empty.participants).toBeNull();
		expect(empty.contents).toEqual([]);
		expect(empty.emptyNote).toBe('No question was started in this workshop.');
		expect(empty.titlePage.documentLabel).toBe('Workshop report');
		expect(empty.titlePage.placeAndDate).toBe('8 May 2025');
	});

	it('leaves out people the facilitator removed', () => {
		const session = workshop();
		const removed = execute(
			session,
			{ type: 'participant.remove', participantId: 'p3', deleteContributions: false },
			{ role: 'facilitator' },
			session.createdAt + 600_000
		);
		if (!removed.ok) throw new Error(removed.error.code);
		expect(build(removed.state).participants!.names).toEqual(['Øystein', 'Åse']);
	});

	it('is deterministic and leaves its input untouched', () => {
		const session = workshop();
		const before = structuredClone(session);
		expect(build(session, { generatedAt: '2025-05-27' })).toEqual(
			build(session, { generatedAt: '2025-05-27' })
		);
		expect(session).toEqual(before);
	});

	it('is dated by its first note, or by when it was created if nobody wrote', () => {
		const session = workshop();
		const first = Math.min(...session.questions.flatMap((q) => q.notes.map((n) => n.createdAt)));
		expect(workshopStartedAt(session)).toBe(first);
		expect(first).toBeGreaterThan(session.createdAt);
		const idle = buildSession({
			id: 'idle',
			title: 'Tomt',
			language: 'nb',
			people: [],
			questions: [{ text: 'Hva nå?', stopAt: 'lobby' }]
		});
		expect(workshopStartedAt(idle)).toBe(idle.createdAt);
	});
});

describe('a workshop’s reflections by its people', () => {
	function reflecting(): SessionState {
		let state = workshop();
		for (const [command, actor] of [
			[{ type: 'session.configure', settings: { membersReflect: true } }, { role: 'facilitator' }],
			[
				{ type: 'reflection.write', reflectionId: 'r1', text: 'Åses egen.', showName: true },
				{ role: 'participant', participantId: 'p2' }
			],
			[
				{ type: 'reflection.write', reflectionId: 'r2', authorId: 'p1', text: 'Uten navn.' },
				{ role: 'facilitator' }
			]
		] as const) {
			const result = execute(state, command, actor, Date.UTC(2025, 4, 8, 16));
			if (!result.ok) throw new Error(result.error.code);
			state = result.state;
		}
		return state;
	}

	it('are chapters after the facilitator’s, each in the contents, under its author’s name when kept', () => {
		const report = build(reflecting());
		expect(report.reflections.map((r) => [r.anchor, r.heading])).toEqual([
			['reflection-1', 'Åses refleksjon'],
			['reflection-2', 'En deltakers refleksjon']
		]);
		expect(report.contents.slice(-3).map((c) => c.title)).toEqual([
			'Gruppeleders refleksjon',
			'Åses refleksjon',
			'En deltakers refleksjon'
		]);
		expect(build(reflecting(), { includeNames: false }).reflections[0]!.heading).toBe(
			'En deltakers refleksjon'
		);
		expect(build(reflecting(), { includeReflections: false }).reflections).toEqual([]);
	});
});
