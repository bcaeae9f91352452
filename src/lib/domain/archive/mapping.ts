// One mapping between stored state and the archive, for both directions: what an organiser
// may see of a session goes out, and a session comes back from a file (version 1 or 2).
import type * as v from 'valibot';
import type { GroupDescriptor } from '$lib/domain/conference/allocation';
import type { RoleDefinition } from '$lib/domain/conference/roles';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import { closeVote, withheldReason } from '$lib/domain/session/ballots';
import { votingPhases } from '$lib/domain/session/phases';
import { groupTurnId } from '$lib/domain/session/round-robin';
import {
	languages,
	type Ballot,
	type ClosedVote,
	type Language,
	type QuestionRun,
	type SessionState
} from '$lib/domain/session/types';
import type { AnyQuestion, AnySession, ArchivedSession, voterBallotSchema } from './schema';

/** A record of language texts with its keys in the fixed language order (stable JSON). */
function byLanguage<T>(
	record: Partial<Record<Language, T>>,
	map: (value: T) => T
): Partial<Record<Language, T>> {
	const out: Partial<Record<Language, T>> = {};
	for (const lang of languages) {
		const value = record[lang];
		if (value !== undefined) out[lang] = map(value);
	}
	return out;
}

const same = <T>(value: T) => value;

/** Session fields that are the same whatever the organiser may see, ids through `person`. */
function sessionFrame(
	state: Omit<SessionState, 'id' | 'questions'>,
	person: (id: string) => string
) {
	return {
		title: state.title,
		language: state.language,
		createdAt: state.createdAt,
		settings: {
			anonymous: state.settings.anonymous,
			topN: state.settings.topN,
			facilitatorSeesNotes: state.settings.facilitatorSeesNotes,
			...(state.settings.membersReflect !== undefined && {
				membersReflect: state.settings.membersReflect
			}),
			...(state.settings.oneList !== undefined && { oneList: state.settings.oneList })
		},
		participants: state.participants.map((p) => ({
			id: person(p.id),
			name: p.name,
			joinedAt: p.joinedAt,
			viaFacilitator: p.viaFacilitator,
			removed: p.removed
		}))
	};
}

function sessionTail(
	state: Pick<SessionState, 'currentQuestionId' | 'timer' | 'reflection' | 'reflections'>,
	person: (id: string) => string
) {
	return {
		currentQuestionId: state.currentQuestionId,
		timer: state.timer && {
			durationMs: state.timer.durationMs,
			startedAt: state.timer.startedAt,
			elapsedMs: state.timer.elapsedMs
		},
		reflection: state.reflection,
		...(state.reflections && {
			reflections: state.reflections.map((r) => ({
				id: r.id,
				authorId: person(r.authorId),
				title: r.title,
				text: r.text,
				showName: r.showName,
				byAuthor: r.byAuthor,
				createdAt: r.createdAt
			}))
		})
	};
}

function questionFrame(q: Pick<QuestionRun, 'id' | 'label' | 'text' | 'phase' | 'discussion'>) {
	return {
		id: q.id,
		label: q.label,
		text: q.text,
		phase: q.phase,
		...(q.discussion !== undefined && { discussion: q.discussion })
	};
}

function revealOf(reveal: QuestionRun['reveal'], person: (id: string) => string) {
	// The group's turn is nobody's: it keeps its own id on both sides.
	const turn = (id: string) => (id === groupTurnId ? id : person(id));
	return (
		reveal && {
			order: reveal.order.map(turn),
			turn: reveal.turn,
			passStreak: reveal.passStreak,
			autoFrom: reveal.autoFrom,
			autoTurnId: reveal.autoTurnId && turn(reveal.autoTurnId)
		}
	);
}

type ArchivedVote = Omit<ClosedVote, 'voterIds'>;

/** A closed vote as the archive holds it: its ranked lists and tally, not who voted. */
function archivedVote(vote: ClosedVote): ArchivedVote {
	return {
		rankings: vote.rankings.map((r) => [...r]),
		entered: vote.entered,
		tally: vote.tally.map((row) => ({
			itemId: row.itemId,
			points: row.points,
			voters: row.voters,
			rank: row.rank,
			tied: row.tied,
			heading: row.heading
		}))
	};
}

/** A closed vote as an organiser may see it: only one whose results were shown. */
function shownVote(run: QuestionRun, vote: ClosedVote | null): ArchivedVote | null {
	return vote && withheldReason(run, vote) === null ? archivedVote(vote) : null;
}

/**
 * A session as an organiser may see it, every participant id passed through `person`: revealed
 * notes with the facilitator's corrections (an author's earlier drafts are theirs alone), closed
 * votes whose results were shown, as ranked lists without who cast which, and counts of the
 * notes not yet revealed and of ballots no one may see: an open vote's, and a closed vote's
 * whose results were withheld (its few ballots would give each other away). Written field by
 * field, so that every export has one shape and key order whatever was stored.
 */
export function archivedSession(
	state: Omit<SessionState, 'id'>,
	person: (id: string) => string
): ArchivedSession {
	const frame = sessionFrame(state, person);
	const questions = state.questions.map((q) => {
		const revealed = q.notes.filter((n) => n.revealIndex !== null);
		const shown = new Set(revealed.map((n) => n.id));
		const open = votingPhases.includes(q.phase);
		// In a vote, closedVote holds ballots carried over from a withheld close: never shown.
		const closedVote = open ? null : shownVote(q, q.closedVote);
		const previousVote = shownVote(q, q.previousVote);
		const hidden = (vote: ClosedVote | null, kept: ArchivedVote | null) =>
			vote && !kept ? vote.rankings.length : 0;
		return {
			...questionFrame(q),
			clusters: q.clusters.map((c) => ({
				id: c.id,
				heading: c.heading,
				noteIds: c.noteIds.filter((noteId) => shown.has(noteId)),
				...(c.parentId === undefined ? {} : { parentId: c.parentId })
			})),
			reveal: revealOf(q.reveal, person),
			notes: revealed.map((n) => ({
				id: n.id,
				authorId: n.authorId === null ? null : person(n.authorId),
				text: n.text,
				createdAt: n.createdAt,
				byFacilitator: n.byFacilitator,
				revealIndex: n.revealIndex!,
				readableByFacilitator: n.readableByFacilitator,
				history: n.history
					.filter((h) => h.by === 'facilitator')
					.map((h) => ({ previous: h.previous, at: h.at, by: 'facilitator' as const }))
			})),
			closedVote,
			previousVote,
			withheld: {
				notes: q.notes.length - revealed.length,
				ballots:
					(open ? q.ballots.length : 0) +
					hidden(q.closedVote, closedVote) +
					hidden(q.previousVote, previousVote)
			}
		};
	});
	return { ...frame, questions, ...sessionTail(state, person) };
}

/**
 * A session from an archive, every person reference passed through `person`. Version 1 files
 * name each ballot's voter: an open vote keeps them, a closed one is closed again here (its
 * voters dropped, as closing does).
 */
export function sessionFromArchive(
	session: AnySession,
	person: (ref: string) => string
): Omit<SessionState, 'id'> {
	const named = (b: v.InferOutput<typeof voterBallotSchema>): Ballot => ({
		voterId: person(b.voterId),
		ranking: [...b.ranking],
		castAt: b.castAt,
		byFacilitator: b.byFacilitator
	});
	const frame = sessionFrame(session, person);
	const topN = session.settings.topN;
	const questions = (session.questions as AnyQuestion[]).map((q): QuestionRun => {
		const run: QuestionRun = {
			...questionFrame(q),
			notes: q.notes.map((n) => ({
				id: n.id,
				authorId: n.authorId === null ? null : person(n.authorId),
				text: n.text,
				createdAt: n.createdAt,
				byFacilitator: n.byFacilitator,
				revealIndex: n.revealIndex,
				readableByFacilitator: n.readableByFacilitator,
				history: n.history.map((h) => ({ previous: h.previous, at: h.at, by: h.by }))
			})),
			clusters: q.clusters.map((c) => ({
				id: c.id,
				heading: c.heading,
				noteIds: [...c.noteIds],
				...(c.parentId === undefined ? {} : { parentId: c.parentId })
			})),
			reveal: revealOf(q.reveal, person),
			ballots: [],
			closedVote: null,
			previousVote: null
		};
		if ('withheld' in q) {
			return {
				...run,
				// Shown results only: who voted is not carried (a new vote starts from none).
				closedVote: q.closedVote && { ...q.closedVote, voterIds: [] },
				previousVote: q.previousVote && { ...q.previousVote, voterIds: [] }
			};
		}
		// Version 1: ballots with their voters.
		const closed = (ballots: Ballot[]) => closeVote({ ...run, ballots, closedVote: null }, topN);
		const ballots = q.ballots.map(named);
		const previousVote = q.previousBallots ? closed(q.previousBallots.map(named)) : null;
		if (votingPhases.includes(q.phase)) return { ...run, ballots, previousVote };
		if (q.phase === 'results' || q.phase === 'discuss')
			return { ...run, closedVote: closed(ballots), previousVote };
		return { ...run, previousVote };
	});
	return { ...frame, questions, ...sessionTail(session, person) };
}

export function mapConcept(concept: GlossaryConcept): GlossaryConcept {
	const out: GlossaryConcept = {
		id: concept.id,
		terms: byLanguage(concept.terms, (terms) => [...terms])
	};
	if (concept.explanation) out.explanation = byLanguage(concept.explanation, same);
	if (concept.notes) out.notes = byLanguage(concept.notes, same);
	if (concept.differsByCountry !== undefined) out.differsByCountry = concept.differsByCountry;
	if (concept.forms) {
		out.forms = Object.fromEntries(Object.entries(concept.forms).map(([k, f]) => [k, [...f]]));
	}
	if (concept.unmarked) out.unmarked = [...concept.unmarked];
	return out;
}

export function mapDescriptor(d: GroupDescriptor): GroupDescriptor {
	switch (d.kind) {
		case 'role':
			return { kind: d.kind, role: d.role, part: d.part, parts: d.parts };
		case 'country':
			return { kind: d.kind, country: d.country, part: d.part, parts: d.parts };
		case 'mixed':
		case 'manual':
			return { kind: d.kind, number: d.number };
	}
}

export function mapRole(role: RoleDefinition): RoleDefinition {
	return {
		id: role.id,
		label: byLanguage(role.label, same),
		groupLabel: byLanguage(role.groupLabel, same)
	};
}

/** Code-point order (never locale order: the file must not depend on the machine). */
export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
