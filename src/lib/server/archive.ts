/**
 * The conference archive: one JSON file with everything needed to recreate a conference on
 * any Samråd installation — details, programme, the organiser's roles, participants, glossary,
 * rounds with their groups and members, and each group's session as a snapshot.
 *
 * Ids. Rows refer to each other through references local to the file ("p1" for the first
 * participant, "r2" for the second round, "r2g3" for its third group), assigned in a fixed
 * order, so one conference always gives the same file. Inside sessions, conference members
 * appear by their participant reference and anyone else (people a leader added without a
 * phone) as "x1", "x2", … Import gives every row a fresh id.
 *
 * Secrets are never exported: the conference code, the plenum link, personal links (badges)
 * and the sessions' codes and console and screen links are made anew on import, so a copy can
 * live next to the original without either reaching the other. Badges must be printed again.
 *
 * It is the organiser's archive: it holds what an organiser may see and no more. Each session
 * carries its revealed notes with the facilitator's corrections, never an author's earlier
 * drafts; a closed vote whose results were shown, as ranked lists without who cast which; and of
 * what is still private — notes not yet revealed, the ballots of an open vote or of a vote whose
 * results were withheld — only how many there are ("withheld"). A group
 * moved mid-writing or mid-vote starts those again in the copy. A full copy of everything is
 * the operator's backup (npm run backup), not this file.
 *
 * Version 1 files (every note and ballot with its voter) are still imported as they are.
 *
 * Round trip: exporting, importing into an empty database and exporting again gives the same
 * bytes, except that the withheld counts are zero in the copy, which holds nothing withheld
 * (tested). The file carries no export time for that reason.
 */
import * as v from 'valibot';
import { groupingRules, type GroupDescriptor } from '$lib/domain/conference/allocation';
import { isCountryCode } from '$lib/domain/conference/countries';
import { isRoleId, resolveRoles, type RoleDefinition } from '$lib/domain/conference/roles';
import type { GlossaryConcept } from '$lib/domain/glossary/types';
import { joinCodeAlphabet, joinCodeLength, limits } from '$lib/domain/limits';
import { closeVote, withheldReason } from '$lib/domain/session/ballots';
import { phases, votingPhases } from '$lib/domain/session/phases';
import { clusterItemId, noteItemId } from '$lib/domain/session/tally';
import {
	languages,
	type Ballot,
	type ClosedVote,
	type Language,
	type QuestionRun,
	type SessionState
} from '$lib/domain/session/types';
import { charCount } from '$lib/domain/text';
import type { App } from './app';
import { conferenceLimits } from './conferences';
import {
	conferenceCodeTaken,
	findConference,
	insertConference,
	insertProgrammeItem,
	listCustomRoles,
	listProgramme,
	programmeKinds,
	upsertCustomRole
} from './db/conferences';
import type { Db } from './db/database';
import { readGlossary, writeGlossary } from './db/glossary';
import { setConferenceTie } from './db/organisers';
import { insertParticipant, listParticipants } from './db/participants';
import { touchConference } from './db/retention';
import {
	insertGroup,
	insertRound,
	listGroups,
	listMemberships,
	listRounds,
	setMembership
} from './db/rounds';
import { createSessionRow, joinCodeTaken } from './db/sessions';
import { log } from './log';
import { randomJoinCode, randomToken } from './tokens';

/** Marks a file as a Samråd conference archive. */
export const archiveFormat = 'samrad.conference';
/** The archive layout this version writes and reads; raised whenever the layout changes. */
export const archiveSchemaVersion = 2;

export const archiveLimits = {
	/** Largest file import takes (a 2,000-person conference with every session is far below). */
	maxBytes: 20 * 1024 * 1024,
	/** Problems listed when a file is refused (the count says how many there were). */
	issuesShown: 12
} as const;

// --- schema ---------------------------------------------------------------------------------

/** Text of at most `max` characters (code points, as the app counts them). */
const text = (max: number) =>
	v.pipe(
		v.string(),
		v.check((s) => charCount(s) <= max, 'too_long')
	);
const list = <T extends v.GenericSchema>(item: T, max: number) =>
	v.pipe(v.array(item), v.maxLength(max, 'too_many'));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The last moment a calendar shows (31 December 9999, UTC): later times break every page. */
const latestTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(latestTime, 'invalid_date'));
const duration = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const language = v.picklist(languages);
const localText = (max: number) => v.record(language, text(max));
const isoDate = v.pipe(
	v.string(),
	v.check(
		(s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
		'invalid_date'
	)
);
const clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const participantRef = v.pipe(v.string(), v.regex(/^p[1-9]\d{0,4}$/));
/** In a session: a conference participant (p…) or someone only the session knows (x…). */
const personRef = v.pipe(v.string(), v.regex(/^[px][1-9]\d{0,4}$/));
const roundRef = v.pipe(v.string(), v.regex(/^r[1-9]\d{0,2}$/));
const groupRef = v.pipe(v.string(), v.regex(/^r[1-9]\d{0,2}g[1-9]\d{0,3}$/));
/** Enough for any real session; guards the import against absurd files. */
const sessionPeople = 2_000;
const questionNotes = limits.notesPerPersonPerQuestion * limits.participantsPerSession;

const itemRef = v.pipe(v.string(), v.regex(/^[cn]:[A-Za-z0-9_-]{1,64}$/));
/** One voter's ranked items, first choice first. */
const rankingSchema = list(itemRef, limits.topN);

/** A closed vote whose results were shown: its ranked lists without voters, and its tally. */
const closedVoteSchema = v.strictObject({
	rankings: list(rankingSchema, sessionPeople),
	entered: count,
	tally: list(
		v.strictObject({
			itemId: itemRef,
			points: count,
			voters: count,
			rank: count,
			tied: v.boolean(),
			heading: v.nullable(text(limits.headingChars))
		}),
		limits.clustersPerQuestion + questionNotes
	)
});

const noteFields = {
	id,
	authorId: personRef,
	text: text(limits.noteChars),
	createdAt: time,
	byFacilitator: v.boolean(),
	revealIndex: v.nullable(count),
	readableByFacilitator: v.optional(v.boolean(), false)
};
const questionFields = {
	id,
	label: v.pipe(v.string(), v.regex(/^[a-z]$/)),
	text: text(limits.questionChars),
	phase: v.picklist(phases),
	clusters: list(
		v.strictObject({
			id,
			heading: text(limits.headingChars),
			noteIds: list(id, questionNotes)
		}),
		limits.clustersPerQuestion
	),
	reveal: v.nullable(
		v.strictObject({
			order: list(personRef, sessionPeople),
			turn: v.nullable(count),
			passStreak: count,
			autoFrom: v.nullable(count),
			autoTurnId: v.optional(v.nullable(personRef), null)
		})
	)
};

/**
 * A question as this version writes it: revealed notes with the facilitator's corrections,
 * closed votes whose results were shown (ranked lists without voters), and counts of what an
 * organiser may not see.
 */
const questionSchema = v.strictObject({
	...questionFields,
	notes: list(
		v.strictObject({
			...noteFields,
			revealIndex: count,
			history: list(
				v.strictObject({
					previous: text(limits.noteChars),
					at: time,
					by: v.literal('facilitator')
				}),
				1_000
			)
		}),
		questionNotes
	),
	closedVote: v.nullable(closedVoteSchema),
	previousVote: v.nullable(closedVoteSchema),
	withheld: v.strictObject({ notes: count, ballots: count })
});

const voterBallotSchema = v.strictObject({
	voterId: personRef,
	ranking: rankingSchema,
	castAt: time,
	byFacilitator: v.boolean()
});

/** A question as version 1 wrote it: every note and every ballot with its voter. */
const questionSchemaV1 = v.strictObject({
	...questionFields,
	notes: list(
		v.strictObject({
			...noteFields,
			history: list(
				v.strictObject({
					previous: text(limits.noteChars),
					at: time,
					by: v.picklist(['author', 'facilitator'])
				}),
				1_000
			)
		}),
		questionNotes
	),
	ballots: list(voterBallotSchema, sessionPeople),
	previousBallots: v.nullable(list(voterBallotSchema, sessionPeople))
});

const sessionSchemaOf = <Q extends v.GenericSchema>(question: Q) =>
	v.strictObject({
		title: text(limits.titleChars),
		language,
		createdAt: time,
		settings: v.strictObject({
			anonymous: v.boolean(),
			topN: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(limits.topN)),
			facilitatorSeesNotes: v.boolean()
		}),
		participants: list(
			v.strictObject({
				id: personRef,
				name: text(limits.nameChars),
				joinedAt: time,
				viaFacilitator: v.boolean(),
				removed: v.boolean()
			}),
			sessionPeople
		),
		questions: v.pipe(list(question, limits.questions), v.minLength(1)),
		currentQuestionId: id,
		timer: v.nullable(
			v.strictObject({
				durationMs: duration(limits.timerSeconds * 1000),
				startedAt: v.nullable(time),
				elapsedMs: duration(latestTime)
			})
		),
		reflection: text(limits.reflectionChars)
	});

const part = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999));
const descriptorSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('role'), role: v.string(), part, parts: part }),
	v.strictObject({ kind: v.literal('country'), country: v.string(), part, parts: part }),
	v.strictObject({ kind: v.literal('mixed'), number: part }),
	v.strictObject({ kind: v.literal('manual'), number: part })
]);

const questionList = list(text(limits.questionChars), limits.questions);

const groupSchemaOf = <S extends v.GenericSchema>(session: S) =>
	v.strictObject({
		ref: groupRef,
		key: text(200),
		descriptor: descriptorSchema,
		customName: v.nullable(text(conferenceLimits.groupName)),
		questions: v.nullable(questionList),
		leaders: list(participantRef, 100),
		members: list(
			v.strictObject({ participant: participantRef, pinned: v.boolean() }),
			conferenceLimits.participants
		),
		session: v.nullable(session)
	});

const roundSchemaOf = <G extends v.GenericSchema>(group: G) =>
	v.strictObject({
		ref: roundRef,
		title: text(conferenceLimits.roundTitle),
		theme: text(conferenceLimits.theme),
		rule: v.picklist(groupingRules),
		maxGroupSize: v.pipe(
			v.number(),
			v.integer(),
			v.minValue(conferenceLimits.groupSize.min),
			v.maxValue(conferenceLimits.groupSize.max)
		),
		questions: questionList,
		plenumSummary: text(conferenceLimits.summary),
		startedAt: v.nullable(time),
		groups: list(group, 500)
	});

const glossaryText = localText(2_000);
const conceptSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
	terms: v.record(language, list(text(200), 50)),
	explanation: v.optional(glossaryText),
	notes: v.optional(glossaryText),
	differsByCountry: v.optional(v.boolean()),
	forms: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), list(text(200), 50))),
	unmarked: v.optional(list(text(200), 50))
});

const roleLabels = localText(conferenceLimits.roleLabel);

/** The archive as a schema: every field, limit and type checked before anything is written. */
const archiveSchemaOf = <V extends number, R extends v.GenericSchema>(version: V, round: R) =>
	v.strictObject({
		format: v.literal(archiveFormat),
		schemaVersion: v.literal(version),
		conference: v.strictObject({
			title: v.pipe(text(conferenceLimits.title), v.minLength(1)),
			subtitle: text(conferenceLimits.subtitle),
			venue: text(conferenceLimits.venue),
			startDate: v.union([v.literal(''), isoDate]),
			endDate: v.union([v.literal(''), isoDate]),
			about: text(conferenceLimits.longText),
			introduction: text(conferenceLimits.longText),
			// The report's sign-off came after the first archives: missing means none.
			organisation: v.optional(text(conferenceLimits.signoffLine), ''),
			author: v.optional(text(conferenceLimits.signoffLine), ''),
			introductionBy: v.optional(text(conferenceLimits.signoffLine), ''),
			language,
			languages: v.pipe(list(language, languages.length), v.minLength(1)),
			notice: text(conferenceLimits.notice),
			noticeAt: v.nullable(time),
			currentRound: v.nullable(roundRef),
			plenumRound: v.nullable(roundRef),
			plenumGroup: v.nullable(groupRef),
			createdAt: time,
			updatedAt: time
		}),
		programme: list(
			v.strictObject({
				day: isoDate,
				start: clock,
				end: v.union([v.literal(''), clock]),
				title: v.pipe(text(conferenceLimits.programmeTitle), v.minLength(1)),
				kind: v.picklist(programmeKinds)
			}),
			conferenceLimits.programmeItems
		),
		roles: list(
			v.strictObject({
				id: v.pipe(v.string(), v.check(isRoleId, 'invalid')),
				label: roleLabels,
				groupLabel: roleLabels
			}),
			100
		),
		participants: list(
			v.strictObject({
				ref: participantRef,
				name: v.pipe(text(conferenceLimits.participantName), v.minLength(1)),
				country: v.pipe(v.string(), v.check(isCountryCode, 'invalid')),
				role: v.string(),
				organisation: text(conferenceLimits.organisation),
				language,
				coordinator: v.boolean(),
				createdAt: time
			}),
			conferenceLimits.participants
		),
		glossary: list(conceptSchema, 2_000),
		rounds: list(round, conferenceLimits.rounds)
	});

export const archiveSchema = archiveSchemaOf(
	archiveSchemaVersion,
	roundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchema)))
);
const archiveSchemaV1 = archiveSchemaOf(
	1,
	roundSchemaOf(groupSchemaOf(sessionSchemaOf(questionSchemaV1)))
);

/** A conference archive, as written by exportConference and read by importConference. */
export type ConferenceArchive = v.InferOutput<typeof archiveSchema>;
/** An archive of version 1 (every note and ballot with its voter), still imported. */
export type ArchiveV1 = v.InferOutput<typeof archiveSchemaV1>;
/** Any archive import reads. */
export type AnyArchive = ConferenceArchive | ArchiveV1;
type ArchivedSession = NonNullable<
	ConferenceArchive['rounds'][number]['groups'][number]['session']
>;
type AnySession = NonNullable<AnyArchive['rounds'][number]['groups'][number]['session']>;
type AnyQuestion = AnySession['questions'][number];

// --- one mapping for both directions --------------------------------------------------------

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
			facilitatorSeesNotes: state.settings.facilitatorSeesNotes
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

function sessionTail(state: Pick<SessionState, 'currentQuestionId' | 'timer' | 'reflection'>) {
	return {
		currentQuestionId: state.currentQuestionId,
		timer: state.timer && {
			durationMs: state.timer.durationMs,
			startedAt: state.timer.startedAt,
			elapsedMs: state.timer.elapsedMs
		},
		reflection: state.reflection
	};
}

function questionFrame(q: Pick<QuestionRun, 'id' | 'label' | 'text' | 'phase'>) {
	return { id: q.id, label: q.label, text: q.text, phase: q.phase };
}

function revealOf(reveal: QuestionRun['reveal'], person: (id: string) => string) {
	return (
		reveal && {
			order: reveal.order.map(person),
			turn: reveal.turn,
			passStreak: reveal.passStreak,
			autoFrom: reveal.autoFrom,
			autoTurnId: reveal.autoTurnId && person(reveal.autoTurnId)
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
function archivedSession(
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
				noteIds: c.noteIds.filter((noteId) => shown.has(noteId))
			})),
			reveal: revealOf(q.reveal, person),
			notes: revealed.map((n) => ({
				id: n.id,
				authorId: person(n.authorId),
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
	return { ...frame, questions, ...sessionTail(state) };
}

/**
 * A session from an archive, every person reference passed through `person`. Version 1 files
 * name each ballot's voter: an open vote keeps them, a closed one is closed again here (its
 * voters dropped, as closing does).
 */
function sessionFromArchive(
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
				authorId: person(n.authorId),
				text: n.text,
				createdAt: n.createdAt,
				byFacilitator: n.byFacilitator,
				revealIndex: n.revealIndex,
				readableByFacilitator: n.readableByFacilitator,
				history: n.history.map((h) => ({ previous: h.previous, at: h.at, by: h.by }))
			})),
			clusters: q.clusters.map((c) => ({ id: c.id, heading: c.heading, noteIds: [...c.noteIds] })),
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
	return { ...frame, questions, ...sessionTail(session) };
}

function mapConcept(concept: GlossaryConcept): GlossaryConcept {
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

function mapDescriptor(d: GroupDescriptor): GroupDescriptor {
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

function mapRole(role: RoleDefinition): RoleDefinition {
	return {
		id: role.id,
		label: byLanguage(role.label, same),
		groupLabel: byLanguage(role.groupLabel, same)
	};
}

// --- export ---------------------------------------------------------------------------------

/** Code-point order (never locale order: the file must not depend on the machine). */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The whole conference as an archive; null when there is no such conference. */
export function exportConference(
	app: Pick<App, 'db' | 'sessions'>,
	conferenceId: string
): ConferenceArchive | null {
	const { db } = app;
	const conference = findConference(db, conferenceId);
	if (!conference) return null;

	// Participants in the database's order (name, then id): import hands out ids that keep it.
	const participants = listParticipants(db, conferenceId);
	const participantRefs = new Map(participants.map((p, i) => [p.id, `p${i + 1}`]));
	const toRef = (id: string) => {
		const ref = participantRefs.get(id);
		if (!ref) throw new Error(`archive: ${id} is not a participant of the conference`);
		return ref;
	};

	const roundRefs = new Map<string, string>();
	const groupRefs = new Map<string, string>();
	const rounds = listRounds(db, conferenceId).map((round, r) => {
		const ref = `r${r + 1}`;
		roundRefs.set(round.id, ref);
		const memberships = listMemberships(db, round.id);
		return {
			ref,
			title: round.title,
			theme: round.theme,
			rule: round.rule,
			maxGroupSize: round.maxGroupSize,
			questions: [...round.questions],
			plenumSummary: round.plenumSummary,
			startedAt: round.startedAt,
			groups: listGroups(db, round.id).map((group, g) => {
				const groupRef = `${ref}g${g + 1}`;
				groupRefs.set(group.id, groupRef);
				const stored = group.sessionId ? app.sessions.get(group.sessionId) : null;
				// People only the session knows get x1, x2, … in the order they appear.
				const others = new Map<string, string>();
				const person = (id: string) => {
					const known = participantRefs.get(id) ?? others.get(id);
					if (known) return known;
					const ref = `x${others.size + 1}`;
					others.set(id, ref);
					return ref;
				};
				return {
					ref: groupRef,
					key: group.key,
					descriptor: mapDescriptor(group.descriptor),
					customName: group.customName,
					questions: group.questions && [...group.questions],
					leaders: group.leaders.filter((id) => participantRefs.has(id)).map(toRef),
					members: memberships
						.filter((m) => m.groupId === group.id && participantRefs.has(m.participantId))
						.map((m) => ({ participant: toRef(m.participantId), pinned: m.pinned }))
						.sort((a, b) => Number(a.participant.slice(1)) - Number(b.participant.slice(1))),
					session: stored ? archivedSession(stored.state, person) : null
				};
			})
		};
	});
	const ref = (map: Map<string, string>, id: string | null) => (id && map.get(id)) || null;

	return {
		format: archiveFormat,
		schemaVersion: archiveSchemaVersion,
		conference: {
			title: conference.title,
			subtitle: conference.subtitle,
			venue: conference.venue,
			startDate: conference.startDate,
			endDate: conference.endDate,
			about: conference.about,
			introduction: conference.introduction,
			organisation: conference.organisation,
			author: conference.author,
			introductionBy: conference.introductionBy,
			language: conference.language,
			languages: [...conference.languages],
			notice: conference.notice,
			noticeAt: conference.noticeAt,
			currentRound: ref(roundRefs, conference.currentRoundId),
			plenumRound: ref(roundRefs, conference.plenumRoundId),
			plenumGroup: ref(groupRefs, conference.plenumGroupId),
			createdAt: conference.createdAt,
			updatedAt: conference.updatedAt
		},
		// Sorted by every field: items with the same time and title keep one order.
		programme: listProgramme(db, conferenceId)
			.map((item) => ({
				day: item.day,
				start: item.start,
				end: item.end,
				title: item.title,
				kind: item.kind
			}))
			.sort(
				(a, b) =>
					compare(a.day, b.day) ||
					compare(a.start, b.start) ||
					compare(a.end, b.end) ||
					compare(a.title, b.title) ||
					compare(a.kind, b.kind)
			),
		roles: listCustomRoles(db, conferenceId).map(mapRole),
		participants: participants.map((p) => ({
			ref: toRef(p.id),
			name: p.name,
			country: p.country,
			role: p.role,
			organisation: p.organisation,
			language: p.language,
			coordinator: p.coordinator,
			createdAt: p.createdAt
		})),
		glossary: readGlossary(db, conferenceId).map(mapConcept) as ConferenceArchive['glossary'],
		rounds: rounds as ConferenceArchive['rounds']
	};
}

/** The archive as it is written to a file: indented JSON, one trailing newline. */
export function archiveJson(archive: ConferenceArchive): string {
	return `${JSON.stringify(archive, null, '\t')}\n`;
}

// --- reading --------------------------------------------------------------------------------

/** What is wrong with one place in a refused file. */
export interface ArchiveIssue {
	/** Where, as a path into the JSON: "participants[3].country". */
	path: string;
	kind:
		| 'missing'
		| 'unexpected'
		| 'invalid'
		| 'invalid_date'
		| 'too_long'
		| 'too_many'
		| 'duplicate'
		| 'unknown_reference';
}

/** Why a file was refused; nothing was written. */
export type ArchiveProblem =
	| { code: 'too_large'; size: number; max: number }
	| { code: 'not_json' }
	| { code: 'not_archive' }
	| { code: 'newer_version'; version: number; supported: number }
	| { code: 'invalid'; issues: ArchiveIssue[]; total: number };

export type ArchiveResult<T> = { ok: true; value: T } | { ok: false; problem: ArchiveProblem };

const issueKinds = new Set<string>([
	'invalid',
	'invalid_date',
	'too_long',
	'too_many',
	'duplicate',
	'unknown_reference'
]);

function pathOf(keys: readonly (string | number)[]): string {
	return keys
		.map((key, index) =>
			typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`
		)
		.join('');
}

function schemaIssue(issue: v.BaseIssue<unknown>): ArchiveIssue {
	const keys = (issue.path ?? []).map((item) => item.key as string | number);
	let kind: ArchiveIssue['kind'] = 'invalid';
	if (issueKinds.has(issue.message)) kind = issue.message as ArchiveIssue['kind'];
	else if (issue.received === 'undefined') kind = 'missing';
	else if (issue.expected === 'never') kind = 'unexpected';
	return { path: pathOf(keys), kind };
}

/** Problems schemas cannot see: references, duplicates, and sessions that hold together. */
function checkReferences(archive: AnyArchive): ArchiveIssue[] {
	const issues: ArchiveIssue[] = [];
	const add = (path: (string | number)[], kind: ArchiveIssue['kind']) =>
		issues.push({ path: pathOf(path), kind });
	const unique = (values: string[], path: (string | number)[], field?: string) => {
		const seen = new Set<string>();
		values.forEach((value, index) => {
			if (seen.has(value)) add(field ? [...path, index, field] : [...path, index], 'duplicate');
			seen.add(value);
		});
	};

	unique(archive.conference.languages, ['conference', 'languages']);

	unique(
		archive.roles.map((r) => r.id),
		['roles'],
		'id'
	);
	const roleIds = new Set(resolveRoles(archive.roles).map((r) => r.id));
	unique(
		archive.participants.map((p) => p.ref),
		['participants'],
		'ref'
	);
	const people = new Set(archive.participants.map((p) => p.ref));
	archive.participants.forEach((p, i) => {
		if (!roleIds.has(p.role)) add(['participants', i, 'role'], 'unknown_reference');
	});
	unique(
		archive.glossary.map((c) => c.id),
		['glossary'],
		'id'
	);
	unique(
		archive.rounds.map((r) => r.ref),
		['rounds'],
		'ref'
	);
	const groupRefs = new Map<string, string>();
	archive.rounds.forEach((round, r) => {
		const placed = new Set<string>();
		unique(
			round.groups.map((g) => g.key),
			['rounds', r, 'groups'],
			'key'
		);
		round.groups.forEach((group, g) => {
			const at: (string | number)[] = ['rounds', r, 'groups', g];
			if (groupRefs.has(group.ref)) add([...at, 'ref'], 'duplicate');
			const { descriptor } = group;
			if (descriptor.kind === 'role' && !roleIds.has(descriptor.role)) {
				add([...at, 'descriptor', 'role'], 'unknown_reference');
			}
			if (descriptor.kind === 'country' && !isCountryCode(descriptor.country)) {
				add([...at, 'descriptor', 'country'], 'invalid');
			}
			groupRefs.set(group.ref, round.ref);
			group.leaders.forEach((leader, i) => {
				if (!people.has(leader)) add([...at, 'leaders', i], 'unknown_reference');
			});
			group.members.forEach((m, i) => {
				if (!people.has(m.participant))
					add([...at, 'members', i, 'participant'], 'unknown_reference');
				else if (placed.has(m.participant)) add([...at, 'members', i, 'participant'], 'duplicate');
				placed.add(m.participant);
			});
			if (group.session) checkSession(group.session, people, [...at, 'session'], add);
		});
	});
	const { conference } = archive;
	const roundRefs = new Set(archive.rounds.map((r) => r.ref));
	if (conference.currentRound && !roundRefs.has(conference.currentRound)) {
		add(['conference', 'currentRound'], 'unknown_reference');
	}
	if (conference.plenumRound && !roundRefs.has(conference.plenumRound)) {
		add(['conference', 'plenumRound'], 'unknown_reference');
	}
	if (conference.plenumGroup && groupRefs.get(conference.plenumGroup) !== conference.plenumRound) {
		add(['conference', 'plenumGroup'], 'unknown_reference');
	}
	return issues;
}

function checkSession(
	session: AnySession,
	people: Set<string>,
	at: (string | number)[],
	add: (path: (string | number)[], kind: ArchiveIssue['kind']) => void
): void {
	const members = new Set<string>();
	session.participants.forEach((p, i) => {
		if (members.has(p.id)) add([...at, 'participants', i, 'id'], 'duplicate');
		else if (p.id.startsWith('p') && !people.has(p.id)) {
			add([...at, 'participants', i, 'id'], 'unknown_reference');
		}
		members.add(p.id);
	});
	const noteIds = new Set<string>();
	const questionIds = new Set<string>();
	(session.questions as AnyQuestion[]).forEach((q, qi) => {
		const here = [...at, 'questions', qi];
		if (questionIds.has(q.id)) add([...here, 'id'], 'duplicate');
		questionIds.add(q.id);
		const own = new Set<string>();
		q.notes.forEach((note, ni) => {
			if (noteIds.has(note.id)) add([...here, 'notes', ni, 'id'], 'duplicate');
			noteIds.add(note.id);
			own.add(note.id);
			if (!members.has(note.authorId)) add([...here, 'notes', ni, 'authorId'], 'unknown_reference');
		});
		const items = new Set(q.notes.map((n) => noteItemId(n.id)));
		q.clusters.forEach((c, ci) => {
			items.add(clusterItemId(c.id));
			c.noteIds.forEach((noteId, i) => {
				if (!own.has(noteId)) add([...here, 'clusters', ci, 'noteIds', i], 'unknown_reference');
			});
		});
		q.reveal?.order.forEach((person, i) => {
			if (!members.has(person)) add([...here, 'reveal', 'order', i], 'unknown_reference');
		});
		const autoTurnId = q.reveal?.autoTurnId;
		if (autoTurnId && !members.has(autoTurnId))
			add([...here, 'reveal', 'autoTurnId'], 'unknown_reference');
		const ranked = (ranking: string[], path: (string | number)[]) =>
			ranking.forEach((item, i) => {
				if (!items.has(item)) add([...path, i], 'unknown_reference');
			});
		if ('withheld' in q) {
			for (const field of ['closedVote', 'previousVote'] as const)
				q[field]?.rankings.forEach((ranking, ri) =>
					ranked(ranking, [...here, field, 'rankings', ri])
				);
			return;
		}
		// Version 1: every ballot with its voter.
		for (const field of ['ballots', 'previousBallots'] as const) {
			(q[field] ?? []).forEach((ballot, bi) => {
				if (!members.has(ballot.voterId)) add([...here, field, bi, 'voterId'], 'unknown_reference');
				ranked(ballot.ranking, [...here, field, bi, 'ranking']);
			});
		}
	});
	if (!questionIds.has(session.currentQuestionId)) {
		add([...at, 'currentQuestionId'], 'unknown_reference');
	}
}

/**
 * Reads an archive file: size, JSON, format marker and version, the schema, then references.
 * Answers with the archive or with everything that is wrong (the first few places of it).
 */
export function readArchive(file: Uint8Array | string): ArchiveResult<AnyArchive> {
	const size = typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength;
	if (size > archiveLimits.maxBytes) {
		return { ok: false, problem: { code: 'too_large', size, max: archiveLimits.maxBytes } };
	}
	let data: unknown;
	try {
		const content =
			typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
		data = JSON.parse(content.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, problem: { code: 'not_json' } };
	}
	if (
		typeof data !== 'object' ||
		data === null ||
		(data as { format?: unknown }).format !== archiveFormat
	) {
		return { ok: false, problem: { code: 'not_archive' } };
	}
	const version = (data as { schemaVersion?: unknown }).schemaVersion;
	if (typeof version === 'number' && version > archiveSchemaVersion) {
		return {
			ok: false,
			problem: { code: 'newer_version', version, supported: archiveSchemaVersion }
		};
	}
	const parsed =
		version === 1 ? v.safeParse(archiveSchemaV1, data) : v.safeParse(archiveSchema, data);
	const issues = parsed.success ? checkReferences(parsed.output) : parsed.issues.map(schemaIssue);
	if (issues.length > 0) {
		return {
			ok: false,
			problem: {
				code: 'invalid',
				issues: issues.slice(0, archiveLimits.issuesShown),
				total: issues.length
			}
		};
	}
	return { ok: true, value: (parsed as { output: AnyArchive }).output };
}

// --- import ---------------------------------------------------------------------------------

/** A join code no conference and no session uses (they share one alphabet). */
function freeJoinCode(db: Db): string {
	for (let attempt = 0; attempt < 50; attempt++) {
		const code = randomJoinCode();
		if (!conferenceCodeTaken(db, code) && !joinCodeTaken(db, code)) return code;
	}
	throw new Error(
		`no free ${joinCodeLength}-character join code (${joinCodeAlphabet.length} letters) after 50 attempts`
	);
}

/**
 * Fresh ids in ascending order: participants sort by name and then id, so people with the
 * same name keep the order they had in the file (and exporting again gives the same file).
 */
function ascendingIds(count: number): string[] {
	return Array.from({ length: count }, () => randomToken(16)).sort(compare);
}

/**
 * Creates a new conference from a checked archive, in one transaction: every row gets a new
 * id, and codes, links and personal tokens are made anew. Answers with the new conference id.
 */
export function importConference(
	app: Pick<App, 'db'>,
	archive: AnyArchive,
	ownerId: string | null,
	now: number = Date.now()
): string {
	const { db } = app;
	const conferenceId = randomToken(16);
	const participantIds = new Map(
		ascendingIds(archive.participants.length).map((id, i) => [archive.participants[i]!.ref, id])
	);
	const roundIds = new Map(archive.rounds.map((r) => [r.ref, randomToken(16)]));
	const groupIds = new Map(
		archive.rounds.flatMap((r) => r.groups.map((g) => [g.ref, randomToken(16)] as const))
	);
	const idOf = (map: Map<string, string>, ref: string | null) => (ref && map.get(ref)) || null;
	const { conference } = archive;

	db.transaction(() => {
		insertConference(db, {
			id: conferenceId,
			title: conference.title,
			subtitle: conference.subtitle,
			venue: conference.venue,
			startDate: conference.startDate,
			endDate: conference.endDate,
			about: conference.about,
			introduction: conference.introduction,
			organisation: conference.organisation,
			author: conference.author,
			introductionBy: conference.introductionBy,
			language: conference.language,
			languages: conference.languages,
			joinCode: freeJoinCode(db),
			plenumToken: randomToken(18),
			currentRoundId: idOf(roundIds, conference.currentRound),
			notice: conference.notice,
			noticeAt: conference.noticeAt,
			plenumRoundId: idOf(roundIds, conference.plenumRound),
			plenumGroupId: idOf(groupIds, conference.plenumGroup),
			createdAt: conference.createdAt,
			updatedAt: conference.updatedAt
		});
		if (ownerId) setConferenceTie(db, conferenceId, ownerId, 'owner', now);
		// Imported today: automatic deletion counts from now, not from the archive's dates.
		touchConference(db, conferenceId, now);
		for (const item of archive.programme) {
			insertProgrammeItem(db, conferenceId, { id: randomToken(12), ...item });
		}
		for (const role of archive.roles) upsertCustomRole(db, conferenceId, mapRole(role));
		for (const p of archive.participants) {
			insertParticipant(db, {
				id: participantIds.get(p.ref)!,
				conferenceId,
				name: p.name,
				country: p.country,
				role: p.role,
				organisation: p.organisation,
				language: p.language,
				coordinator: p.coordinator,
				personalToken: randomToken(18),
				createdAt: p.createdAt
			});
		}
		writeGlossary(
			db,
			conferenceId,
			archive.glossary.map((c) => mapConcept(c as GlossaryConcept))
		);
		archive.rounds.forEach((round, r) => {
			const roundId = roundIds.get(round.ref)!;
			insertRound(db, {
				id: roundId,
				conferenceId,
				position: r + 1,
				title: round.title,
				theme: round.theme,
				rule: round.rule,
				maxGroupSize: round.maxGroupSize,
				questions: round.questions,
				plenumSummary: round.plenumSummary,
				startedAt: round.startedAt
			});
			round.groups.forEach((group, g) => {
				let sessionId: string | null = null;
				if (group.session) {
					sessionId = randomToken(16);
					// People only the session knew get fresh ids, the same one wherever they appear.
					const others = new Map<string, string>();
					const person = (ref: string) => {
						const known = participantIds.get(ref) ?? others.get(ref);
						if (known) return known;
						const id = randomToken(16);
						others.set(ref, id);
						return id;
					};
					const state: SessionState = {
						id: sessionId,
						...sessionFromArchive(group.session, person)
					};
					createSessionRow(
						db,
						{
							id: sessionId,
							joinCode: freeJoinCode(db),
							facilitatorToken: randomToken(24),
							screenToken: randomToken(18),
							conferenceId
						},
						state,
						now,
						conferenceId
					);
				}
				const groupId = groupIds.get(group.ref)!;
				insertGroup(db, {
					id: groupId,
					roundId,
					key: group.key,
					descriptor: mapDescriptor(group.descriptor),
					customName: group.customName,
					position: g,
					questions: group.questions,
					leaders: group.leaders.map((ref) => participantIds.get(ref)!),
					sessionId
				});
				for (const m of group.members) {
					setMembership(db, roundId, {
						participantId: participantIds.get(m.participant)!,
						groupId,
						pinned: m.pinned
					});
				}
			});
		});
	})();
	log.info('conference.imported', {
		conferenceId,
		participants: archive.participants.length,
		rounds: archive.rounds.length,
		sessions: archive.rounds.reduce(
			(sum, r) => sum + (r.groups as { session: unknown }[]).filter((g) => g.session).length,
			0
		)
	});
	return conferenceId;
}

/** Reads a file and imports it: the new conference's id, or why nothing was imported. */
export function importArchive(
	app: Pick<App, 'db'>,
	file: Uint8Array | string,
	ownerId: string | null,
	now: number = Date.now()
): ArchiveResult<{ conferenceId: string; title: string }> {
	const read = readArchive(file);
	if (!read.ok) return read;
	return {
		ok: true,
		value: {
			conferenceId: importConference(app, read.value, ownerId, now),
			title: read.value.conference.title
		}
	};
}
