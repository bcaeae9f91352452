import { describe, expect, it } from 'vitest';
import { execute, type Actor, type SessionCommand } from './commands';
import { transitions, type Phase } from './phases';
import { voteItems } from './tally';
import { T0, facilitator, guest, newSession, runOf } from './test-fixtures';
import type { SessionState } from './types';
import { facilitatorView, participantView, screenView } from './views';
import { int, pick, seededRandom as mulberry32, shuffle, type Random } from '$lib/testing/random';

/*
 * Secret ballots as a property. The adversary is a person: the facilitator sees the console and
 * the screen; a participant sees their phone and the screen. Each knows the ballots they cast or
 * entered themselves and everything their views showed. After any sequence of allowed commands,
 * no combination of what they saw may depend on one other person's ballots alone.
 *
 * Method: every accepted ballot.cast is one ballot version (an unknown). What a view shows is
 * linked to the versions it depends on by replaying the same commands with that one version's
 * ranking changed: a part of a view that changes depends on it. Each part of a view is then a
 * sum over its versions (a tally is exactly that); the adversary learns something about person P
 * alone iff the rank of these rows drops when P's unknown versions are left out (a combination
 * of rows is then supported on P's versions only). The generator is a seeded PRNG (mulberry32),
 * so a failure names a seed that reproduces it.
 */

interface Step {
	command: SessionCommand;
	actor: Actor;
}

const system: Actor = { role: 'system' };
const self = (participantId: string): Actor => ({ role: 'participant', participantId });

/** A group with phones and people without one, its notes revealed and clarified, the vote open. */
function openVote(
	rand: Random,
	group = { phones: int(rand, 2, 5), withoutPhone: int(rand, 0, 2), topN: int(rand, 2, 5) }
): { state: SessionState; steps: Step[] } {
	const steps: Step[] = [];
	const { phones, withoutPhone } = group;
	let state = newSession({ settings: { topN: group.topN } });
	let clock = T0;
	const apply = (command: SessionCommand, actor: Actor) => {
		const result = execute(state, command, actor, (clock += 1000));
		if (!result.ok) throw new Error(`setup refused ${command.type}: ${result.error.code}`);
		state = result.state;
		steps.push({ command, actor });
	};
	for (let i = 0; i < phones; i++)
		apply({ type: 'participant.join', participantId: `p${i}`, name: `P${i}` }, guest);
	for (let i = 0; i < withoutPhone; i++)
		apply({ type: 'participant.add', participantId: `f${i}`, name: `F${i}` }, facilitator);
	apply({ type: 'phase.advance', questionId: 'q1', from: 'lobby' }, facilitator);
	for (let i = 0; i < phones; i++) {
		apply(
			{ type: 'note.add', questionId: 'q1', noteId: `n${i}`, text: `Note ${i}` },
			self(`p${i}`)
		);
	}
	for (let i = 0; i < withoutPhone; i++) {
		const note = { type: 'note.add', questionId: 'q1', noteId: `m${i}`, text: `Told ${i}` };
		apply({ ...note, authorId: `f${i}` } as SessionCommand, facilitator);
	}
	apply({ type: 'phase.advance', questionId: 'q1', from: 'write' }, facilitator);
	apply({ type: 'phase.advance', questionId: 'q1', from: 'reveal' }, facilitator);
	apply({ type: 'phase.advance', questionId: 'q1', from: 'clarify' }, facilitator);
	return { state, steps };
}

function activeIds(state: SessionState): string[] {
	return state.participants.filter((p) => !p.removed).map((p) => p.id);
}

function randomRanking(rand: Random, state: SessionState): string[] {
	const items = voteItems(runOf(state)).map((i) => i.id);
	return shuffle(rand, items).slice(0, int(rand, 1, Math.min(items.length, state.settings.topN)));
}

/** One command a real room could send next (it may still be refused). */
function randomStep(rand: Random, state: SessionState, joined: { count: number }): Step {
	const run = runOf(state);
	const people = activeIds(state);
	const everyone = state.participants.map((p) => p.id);
	const roll = rand();
	if (roll < 0.35 && people.length > 0) {
		const voter = pick(rand, people);
		// Mostly a ranking; sometimes a blank vote, or the ranking emptied (the ballot withdrawn).
		const kind = roll / 0.35;
		const cast =
			kind < 0.8
				? { ranking: randomRanking(rand, state) }
				: kind < 0.9
					? { ranking: [], blank: true }
					: { ranking: [] };
		return rand() < 0.6
			? { command: { type: 'ballot.cast', questionId: 'q1', ...cast }, actor: self(voter) }
			: {
					command: { type: 'ballot.cast', questionId: 'q1', ...cast, voterId: voter },
					actor: facilitator
				};
	}
	if (roll < 0.6) {
		const from = run.phase;
		const forward = rand() < 0.55;
		// Stay around the vote: clarify and earlier are covered by their own tests.
		if (!forward && from === 'vote' && rand() < 0.8) {
			return { command: { type: 'phase.advance', questionId: 'q1', from }, actor: facilitator };
		}
		const type = forward && transitions[from].next ? 'phase.advance' : 'phase.back';
		return { command: { type, questionId: 'q1', from }, actor: facilitator };
	}
	if (roll < 0.67) {
		return {
			command: { type: 'session.configure', settings: { topN: int(rand, 1, 5) } },
			actor: facilitator
		};
	}
	if (roll < 0.77) {
		const notes = run.notes.filter((n) => n.revealIndex !== null).map((n) => n.id);
		const chosen = shuffle(rand, notes).slice(0, int(rand, 1, 2));
		const clusterId = `k${Math.floor(rand() * 1e9)}`;
		return rand() < 0.6 || run.clusters.length === 0
			? {
					command: {
						type: 'cluster.create',
						questionId: 'q1',
						clusterId,
						heading: 'Heading',
						noteIds: chosen
					},
					actor: facilitator
				}
			: {
					command: {
						type: 'cluster.dissolve',
						questionId: 'q1',
						clusterId: pick(rand, run.clusters).id
					},
					actor: facilitator
				};
	}
	if (roll < 0.84) {
		const id = `j${joined.count++}`;
		return { command: { type: 'participant.join', participantId: id, name: id }, actor: guest };
	}
	if (roll < 0.9 && people.length > 0) {
		const participantId = pick(rand, people);
		return rand() < 0.5
			? {
					command: { type: 'participant.remove', participantId, deleteContributions: rand() < 0.5 },
					actor: facilitator
				}
			: { command: { type: 'participant.leave' }, actor: self(participantId) };
	}
	if (roll < 0.94 && everyone.length > 0) {
		return {
			command: {
				type: 'participant.erase',
				participantId: pick(rand, everyone),
				mode: rand() < 0.5 ? 'delete' : 'anonymise'
			},
			actor: system
		};
	}
	if (roll < 0.97) {
		return {
			command: { type: 'participant.add', participantId: `a${joined.count++}`, name: 'Added' },
			actor: facilitator
		};
	}
	return { command: { type: 'timer.start', seconds: 60 }, actor: facilitator };
}

/** Who can look: the facilitator, or one participant (each also sees the screen). */
type Adversary = 'facilitator' | `participant:${string}`;

/**
 * Everything each adversary saw after each step, as named parts: every tally on its own, the
 * rest of each view as one part.
 */
function observe(
	state: SessionState,
	step: number,
	ids: string[]
): Map<Adversary, Map<string, string>> {
	const parts = (prefix: string, view: object | null): [string, string][] => {
		if (!view) return [[`${step}:${prefix}`, 'none']];
		const { runs, ...rest } = view as { runs: Record<string, unknown>[] };
		const out: [string, string][] = [[`${step}:${prefix}:rest`, JSON.stringify(rest)]];
		runs.forEach((run, i) => {
			const { results, previousResults, ...other } = run;
			out.push([`${step}:${prefix}:${i}:results`, JSON.stringify(results)]);
			out.push([`${step}:${prefix}:${i}:previousResults`, JSON.stringify(previousResults)]);
			out.push([`${step}:${prefix}:${i}:other`, JSON.stringify(other)]);
		});
		return out;
	};
	const screen = parts('screen', screenView(state));
	const seen = new Map<Adversary, Map<string, string>>();
	seen.set('facilitator', new Map([...screen, ...parts('console', facilitatorView(state))]));
	for (const id of ids) {
		seen.set(
			`participant:${id}`,
			new Map([...screen, ...parts('phone', participantView(state, id))])
		);
	}
	return seen;
}

interface Version {
	step: number;
	voterId: string;
	byFacilitator: boolean;
}

/** Runs the steps; returns the accepted ones' states and the ballot versions they made. */
function play(start: SessionState, steps: Step[]): { states: SessionState[]; versions: Version[] } {
	let state = start;
	const states: SessionState[] = [];
	const versions: Version[] = [];
	steps.forEach((step, i) => {
		const result = execute(state, step.command, step.actor, T0 + 1_000_000 + i * 1000);
		if (result.ok) {
			state = result.state;
			// A withdrawal (an emptied ranking) leaves no ballot behind: it is no version of one.
			if (isBallot(step.command)) {
				const voterId =
					step.actor.role === 'participant' ? step.actor.participantId : step.command.voterId!;
				versions.push({ step: i, voterId, byFacilitator: step.actor.role === 'facilitator' });
			}
		}
		states.push(state);
	});
	return { states, versions };
}

type BallotCast = Extract<SessionCommand, { type: 'ballot.cast' }>;

function isBallot(command: SessionCommand): command is BallotCast {
	return command.type === 'ballot.cast' && (command.ranking.length > 0 || command.blank === true);
}

/**
 * The same steps with one ballot changed: a blank vote for a ranking, a full ranking for a blank.
 * Null for a blank vote with nothing to rank: it could have been no other ballot, so it is no secret.
 */
function perturbed(steps: Step[], at: number, state: SessionState): Step[] | null {
	const step = steps[at]!;
	const { blank: _, ...command } = step.command as BallotCast;
	const items = voteItems(runOf(state)).map((i) => i.id);
	if (command.ranking.length === 0 && items.length === 0) return null;
	const changed: BallotCast =
		command.ranking.length > 0
			? { ...command, ranking: [], blank: true }
			: { ...command, ranking: items.slice(0, state.settings.topN) };
	const copy = [...steps];
	copy[at] = { ...step, command: changed };
	return copy;
}

/** Rank of an integer matrix (fraction-free Gaussian elimination, exact with BigInt). */
function rank(rows: number[][]): number {
	const m = rows.map((r) => r.map((x) => BigInt(x)));
	const width = m[0]?.length ?? 0;
	let r = 0;
	let previousPivot = 1n;
	for (let c = 0; c < width && r < m.length; c++) {
		const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
		if (p < 0) continue;
		[m[r], m[p]] = [m[p]!, m[r]!];
		for (let i = r + 1; i < m.length; i++) {
			for (let j = c + 1; j < width; j++) {
				m[i]![j] = (m[r]![c]! * m[i]![j]! - m[i]![c]! * m[r]![j]!) / previousPivot;
			}
			m[i]![c] = 0n;
		}
		previousPivot = m[r]![c]!;
		r++;
	}
	return r;
}

interface Leak {
	adversary: Adversary;
	person: string;
	rows: string[];
}

/** A random command sequence from a random open vote. */
function generate(seed: number, length: number): { start: SessionState; steps: Step[] } {
	const rand = mulberry32(seed);
	const setup = openVote(rand);
	const joined = { count: 0 };
	// Generate against the real states, so that most commands are allowed.
	const steps: Step[] = [];
	let state = setup.state;
	for (let i = 0; i < length; i++) {
		const step = randomStep(rand, state, joined);
		steps.push(step);
		const result = execute(state, step.command, step.actor, T0 + 1_000_000 + i * 1000);
		if (result.ok) state = result.state;
	}
	return { start: setup.state, steps };
}

/** The first leak in a command sequence, or null. */
function findLeak(start: SessionState, steps: Step[]): Leak | null {
	const setup = { state: start };
	const base = play(setup.state, steps);
	const ids = [...new Set(base.states.flatMap((s) => s.participants.map((p) => p.id)))];
	const seenBase = base.states.map((s, i) => observe(s, i, ids));
	// dependsOn[adversary][part] = versions whose change changes the part.
	const dependsOn = new Map<Adversary, Map<string, Set<number>>>();
	base.versions.forEach((version, v) => {
		const before = version.step === 0 ? setup.state : base.states[version.step - 1]!;
		const changed = perturbed(steps, version.step, before);
		if (!changed) return;
		const other = play(setup.state, changed);
		for (let i = version.step; i < steps.length; i++) {
			const seen = observe(other.states[i]!, i, ids);
			for (const [adversary, parts] of seenBase[i]!) {
				const theirs = seen.get(adversary)!;
				for (const [key, value] of parts) {
					if (theirs.get(key) === value) continue;
					let byPart = dependsOn.get(adversary);
					if (!byPart) dependsOn.set(adversary, (byPart = new Map()));
					let set = byPart.get(key);
					if (!set) byPart.set(key, (set = new Set()));
					set.add(v);
				}
			}
		}
	});
	for (const [adversary, byPart] of dependsOn) {
		const known = (v: Version) =>
			adversary === 'facilitator' ? v.byFacilitator : `participant:${v.voterId}` === adversary;
		const unknown = base.versions.map((v, i) => (known(v) ? -1 : i)).filter((i) => i >= 0);
		const rows = new Map<string, { columns: number[]; part: string }>();
		for (const [part, set] of byPart) {
			const columns = unknown.filter((v) => set.has(v));
			if (columns.length > 0) rows.set(columns.join(','), { columns, part });
		}
		if (rows.size === 0) continue;
		const matrix = (keep: number[]) =>
			[...rows.values()].map((row) => keep.map((v) => (row.columns.includes(v) ? 1 : 0)));
		const full = rank(matrix(unknown));
		const people = new Set(unknown.map((v) => base.versions[v]!.voterId));
		for (const person of people) {
			const others = unknown.filter((v) => base.versions[v]!.voterId !== person);
			if (rank(matrix(others)) < full) {
				const parts = [...rows.values()].map((r) => `${r.part} ← versions ${r.columns.join(',')}`);
				return { adversary, person, rows: parts.slice(0, 8) };
			}
		}
	}
	return null;
}

function describeSteps(steps: Step[]): string {
	return steps
		.map(
			(s) =>
				`${s.actor.role === 'participant' ? s.actor.participantId : s.actor.role}: ${JSON.stringify(s.command)}`
		)
		.join('\n');
}

const ballot = (ranking: string[]): SessionCommand => ({
	type: 'ballot.cast',
	questionId: 'q1',
	ranking
});
const entered = (voterId: string, ranking: string[]): SessionCommand => ({
	type: 'ballot.cast',
	questionId: 'q1',
	ranking,
	voterId
});
const phase = (type: 'phase.advance' | 'phase.back', from: Phase): Step => ({
	command: { type, questionId: 'q1', from },
	actor: facilitator
});

describe('secret ballots: the attacks from the issue', () => {
	// Four phones (p0–p3) and two people without one (f0, f1); notes n0–n3, m0, m1.
	const start = openVote(mulberry32(1), { phones: 4, withoutPhone: 2, topN: 3 }).state;

	it('stepping vote → results → vote after each ballot does not show the facilitator a ballot', () => {
		const steps: Step[] = [];
		for (let i = 0; i < 4; i++) {
			steps.push({ command: ballot([`n:n${i}`, `n:n${(i + 1) % 4}`]), actor: self(`p${i}`) });
			steps.push(phase('phase.advance', 'vote'), phase('phase.back', 'results'));
		}
		steps.push(phase('phase.advance', 'vote'));
		expect(findLeak(start, steps)).toBeNull();
	});

	it('the ballots the facilitator entered do not reveal the one cast from a phone', () => {
		const steps: Step[] = [
			{ command: entered('f0', ['n:n0']), actor: facilitator },
			{ command: entered('f1', ['n:n1']), actor: facilitator },
			{ command: ballot(['n:n2', 'n:n3']), actor: self('p0') },
			phase('phase.advance', 'vote')
		];
		expect(findLeak(start, steps)).toBeNull();
	});

	it('a revote in which one person votes does not show their ballot', () => {
		const steps: Step[] = [
			...[0, 1, 2, 3].map((i) => ({ command: ballot([`n:n${i}`]), actor: self(`p${i}`) })),
			phase('phase.advance', 'vote'),
			phase('phase.advance', 'results'),
			phase('phase.advance', 'discuss'),
			{ command: ballot(['n:n3', 'n:n2']), actor: self('p1') },
			phase('phase.advance', 'revote')
		];
		expect(findLeak(start, steps)).toBeNull();
	});

	// A ballot whose items are all gone gives the tally nothing: the others can subtract their own.
	it('a ballot that ranked only a removed person’s note does not leave two to tell apart', () => {
		// p0, p1, p2 vote; p2 ranked only p3's note; p3 is removed with their notes; the vote closes.
		const steps: Step[] = [
			{ command: ballot(['n:n0']), actor: self('p0') },
			{ command: ballot(['n:n3']), actor: self('p2') },
			{
				command: { type: 'participant.remove', participantId: 'p3', deleteContributions: true },
				actor: facilitator
			},
			{ command: ballot(['n:n1']), actor: self('p1') },
			phase('phase.advance', 'vote')
		];
		expect(findLeak(start, steps)).toBeNull();
	});

	it('ballots carried over a withheld close do not go stale when the notes are regrouped', () => {
		// Two ballots: withheld. n0 goes under a heading; the vote reopens and p2 votes.
		const steps: Step[] = [
			{ command: ballot(['n:n0']), actor: self('p0') },
			{ command: ballot(['n:n1']), actor: self('p1') },
			phase('phase.advance', 'vote'),
			phase('phase.advance', 'results'),
			{
				command: {
					type: 'cluster.create',
					questionId: 'q1',
					clusterId: 'k1',
					heading: 'Together',
					noteIds: ['n0', 'n2']
				},
				actor: facilitator
			},
			phase('phase.back', 'discuss'),
			phase('phase.back', 'results'),
			{ command: ballot(['c:k1', 'n:n1']), actor: self('p2') },
			phase('phase.advance', 'vote')
		];
		expect(findLeak(start, steps)).toBeNull();
	});

	it('a note deleted after the close does not leave a tally of two known ballots', () => {
		// Notes n0–n3 only. p2 ranked only p3's note, which p3's erasure deletes: the rows left
		// (their ranks too) are p0's and p1's ballots alone.
		const fourNotes = openVote(mulberry32(1), { phones: 4, withoutPhone: 0, topN: 3 }).state;
		const steps: Step[] = [
			{ command: ballot(['n:n0', 'n:n2']), actor: self('p0') },
			{ command: ballot(['n:n1', 'n:n2']), actor: self('p1') },
			{ command: ballot(['n:n3']), actor: self('p2') },
			phase('phase.advance', 'vote'),
			{
				command: { type: 'participant.erase', participantId: 'p3', mode: 'delete' },
				actor: system
			}
		];
		expect(findLeak(fourNotes, steps)).toBeNull();
	});

	it('two voters never see a tally (each would learn the other’s ballot)', () => {
		const steps: Step[] = [
			{ command: ballot(['n:n0']), actor: self('p0') },
			{ command: ballot(['n:n1']), actor: self('p1') },
			phase('phase.advance', 'vote')
		];
		expect(findLeak(start, steps)).toBeNull();
	});
});

describe('secret ballots (property: no role learns one person’s ballot)', () => {
	it('the rank check finds what a difference of two tallies isolates', () => {
		// Two tallies {x0} and {x0, x1}: their difference is x1 alone.
		expect(
			rank([
				[1, 0],
				[1, 1]
			])
		).toBe(2);
		expect(rank([[1, 0]])).toBe(1);
		// {x0, x1} and {x1, x2} isolate nobody; adding {x0, x1, x2} isolates x2 - x0 + … : rank 3.
		expect(
			rank([
				[1, 1, 0],
				[0, 1, 1]
			])
		).toBe(2);
		expect(
			rank([
				[1, 1, 0],
				[0, 1, 1],
				[1, 1, 1]
			])
		).toBe(3);
	});

	const holdsFor = (first: number, runs: number) => {
		for (let seed = first; seed < first + runs; seed++) {
			const { start, steps } = generate(seed, 36);
			const leak = findLeak(start, steps);
			if (leak) {
				expect.fail(
					`seed ${seed}: ${leak.adversary} learns about ${leak.person}'s ballot from\n` +
						`${leak.rows.join('\n')}\nafter\n${describeSteps(steps)}`
				);
			}
		}
	};

	it('holds over random command sequences around the vote', () => {
		const seed = process.env.SAMRAD_TEST_SEED;
		holdsFor(Number(seed ?? 1), seed ? 1 : 120);
	}, 120_000);

	// Leaks from ballots whose items went (deleted notes, a regrouping) first showed in this range.
	it('holds over a second range of seeds (301–420)', () => {
		if (!process.env.SAMRAD_TEST_SEED) holdsFor(301, 120);
	}, 120_000);
});

describe('closing a vote', () => {
	const cast = (state: SessionState, voter: string, ranking: string[]) => {
		const result = execute(state, ballot(ranking), self(voter), T0);
		if (!result.ok) throw new Error(result.error.code);
		return result.state;
	};
	function closed(): SessionState {
		let state = openVote(mulberry32(2), { phones: 4, withoutPhone: 0, topN: 3 }).state;
		state = cast(state, 'p0', ['n:n0', 'n:n1', 'n:n2']);
		state = cast(state, 'p1', ['n:n1', 'n:n0']);
		state = cast(state, 'p2', ['n:n2', 'n:n3', 'n:n0']);
		state = cast(state, 'p3', ['n:n3']);
		const result = execute(state, phase('phase.advance', 'vote').command, facilitator, T0);
		if (!result.ok) throw new Error(result.error.code);
		return result.state;
	}

	it('keeps the ranked lists and who voted, but never which list is whose', () => {
		const state = closed();
		const voters = new Set(state.participants.map((p) => p.id));
		const linked: unknown[] = [];
		const walk = (value: unknown) => {
			if (Array.isArray(value)) return value.forEach(walk);
			if (value === null || typeof value !== 'object') return;
			const fields = Object.values(value);
			const hasRanking = fields.some(
				(f) => Array.isArray(f) && f.some((x) => typeof x === 'string' && /^[nc]:/.test(x))
			);
			const hasVoter = fields.some((f) => typeof f === 'string' && voters.has(f));
			if (hasRanking && hasVoter) linked.push(value);
			fields.forEach(walk);
		};
		walk(runOf(state));
		expect(linked).toEqual([]);
		expect(JSON.stringify(runOf(state))).toContain('"n:n3"');
	});

	it('fixes the tally: a later top-N or new headings do not recount the same ballots', () => {
		let state = closed();
		const numbers = (s: SessionState) =>
			screenView(s).runs[0]!.results!.map((r) => [r.itemId, r.points, r.voters, r.rank]);
		const before = numbers(state);
		expect(before.length).toBeGreaterThan(0);
		const step = (command: SessionCommand) => {
			const result = execute(state, command, facilitator, T0);
			if (!result.ok) throw new Error(result.error.code);
			state = result.state;
		};
		step({ type: 'session.configure', settings: { topN: 1 } });
		expect(numbers(state)).toEqual(before);
		step(phase('phase.advance', 'results').command);
		step({
			type: 'cluster.create',
			questionId: 'q1',
			clusterId: 'k1',
			heading: 'Together',
			noteIds: ['n0', 'n1']
		});
		expect(numbers(state)).toEqual(before);
	});
});
