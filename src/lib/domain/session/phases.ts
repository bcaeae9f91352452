/** The phases of one question's run, in the order a group meets them. */
export const phases = [
	'lobby',
	'write',
	'reveal',
	'clarify',
	'vote',
	'results',
	'discuss',
	'revote'
] as const;

export type Phase = (typeof phases)[number];

/** Where "next" and "back" lead from each phase. discuss → revote is the optional second vote. */
export const transitions: Record<Phase, { next: Phase | null; back: Phase | null }> = {
	lobby: { next: 'write', back: null },
	write: { next: 'reveal', back: 'lobby' },
	reveal: { next: 'clarify', back: 'write' },
	clarify: { next: 'vote', back: 'reveal' },
	vote: { next: 'results', back: 'clarify' },
	results: { next: 'discuss', back: 'vote' },
	discuss: { next: 'revote', back: 'results' },
	revote: { next: 'results', back: 'discuss' }
};

/** Phases where notes are grouped under headings. */
export const clusteringPhases: readonly Phase[] = ['clarify', 'discuss'];
/** Phases where ballots are cast. */
export const votingPhases: readonly Phase[] = ['vote', 'revote'];
/** Phases after the reveal has begun: revealed notes are public to the group. */
export const publicPhases: readonly Phase[] = [
	'reveal',
	'clarify',
	'vote',
	'results',
	'discuss',
	'revote'
];

export function isPhase(value: unknown): value is Phase {
	return typeof value === 'string' && (phases as readonly string[]).includes(value);
}
