import type { GroupDescriptor, GroupingRule } from '$lib/domain/conference/allocation';
import { sql, type Db } from './database';

/** A block of group work. */
export interface Round {
	id: string;
	conferenceId: string;
	/** 1-based order in the conference. */
	position: number;
	title: string;
	theme: string;
	rule: GroupingRule;
	maxGroupSize: number;
	/** Questions every group gets unless it has its own. */
	questions: string[];
	plenumSummary: string;
	/** When the groups' sessions were created and phones sent to them; null before. */
	startedAt: number | null;
}

export interface Group {
	id: string;
	roundId: string;
	/** Allocation key (stable across re-runs). */
	key: string;
	/** How to name the group in any language. */
	descriptor: GroupDescriptor;
	/** A name the organiser gave it instead. */
	customName: string | null;
	position: number;
	/** The group's own questions, or null for the round's. */
	questions: string[] | null;
	/** Leaders' participant ids. */
	leaders: string[];
	/** Its NGT session, once the round has started. */
	sessionId: string | null;
}

export interface Membership {
	participantId: string;
	groupId: string;
	/** Placed by hand: survives re-running the allocation. */
	pinned: boolean;
}

interface RoundRow {
	id: string;
	conference_id: string;
	position: number;
	title: string;
	theme: string;
	rule: GroupingRule;
	max_group_size: number;
	questions: string;
	plenum_summary: string;
	started_at: number | null;
}

const toRound = (r: RoundRow): Round => ({
	id: r.id,
	conferenceId: r.conference_id,
	position: r.position,
	title: r.title,
	theme: r.theme,
	rule: r.rule,
	maxGroupSize: r.max_group_size,
	questions: JSON.parse(r.questions) as string[],
	plenumSummary: r.plenum_summary,
	startedAt: r.started_at
});

export function listRounds(db: Db, conferenceId: string): Round[] {
	return (
		sql(db, 'SELECT * FROM rounds WHERE conference_id = ? ORDER BY position').all(
			conferenceId
		) as RoundRow[]
	).map(toRound);
}

export function findRound(db: Db, conferenceId: string, id: string): Round | null {
	const row = sql(db, 'SELECT * FROM rounds WHERE id = ? AND conference_id = ?').get(
		id,
		conferenceId
	) as RoundRow | undefined;
	return row ? toRound(row) : null;
}

export function insertRound(db: Db, round: Round): void {
	sql(
		db,
		`INSERT INTO rounds (id, conference_id, position, title, theme, rule, max_group_size, questions,
		 plenum_summary, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		round.id,
		round.conferenceId,
		round.position,
		round.title,
		round.theme,
		round.rule,
		round.maxGroupSize,
		JSON.stringify(round.questions),
		round.plenumSummary,
		round.startedAt
	);
}

export function updateRound(
	db: Db,
	round: Pick<
		Round,
		'id' | 'conferenceId' | 'title' | 'theme' | 'rule' | 'maxGroupSize' | 'questions'
	>
): void {
	sql(
		db,
		`UPDATE rounds SET title = ?, theme = ?, rule = ?, max_group_size = ?, questions = ?
		 WHERE id = ? AND conference_id = ?`
	).run(
		round.title,
		round.theme,
		round.rule,
		round.maxGroupSize,
		JSON.stringify(round.questions),
		round.id,
		round.conferenceId
	);
}

export function setRoundStarted(db: Db, id: string, startedAt: number): void {
	sql(db, 'UPDATE rounds SET started_at = ? WHERE id = ?').run(startedAt, id);
}

export function setPlenumSummary(db: Db, conferenceId: string, id: string, summary: string): void {
	sql(db, 'UPDATE rounds SET plenum_summary = ? WHERE id = ? AND conference_id = ?').run(
		summary,
		id,
		conferenceId
	);
}

export function deleteRound(db: Db, conferenceId: string, id: string): void {
	sql(db, 'DELETE FROM rounds WHERE id = ? AND conference_id = ?').run(id, conferenceId);
}

interface GroupRow {
	id: string;
	round_id: string;
	key: string;
	descriptor: string;
	custom_name: string | null;
	position: number;
	questions: string | null;
	leaders: string;
	session_id: string | null;
}

const toGroup = (r: GroupRow): Group => ({
	id: r.id,
	roundId: r.round_id,
	key: r.key,
	descriptor: JSON.parse(r.descriptor) as GroupDescriptor,
	customName: r.custom_name,
	position: r.position,
	questions: r.questions === null ? null : (JSON.parse(r.questions) as string[]),
	leaders: JSON.parse(r.leaders) as string[],
	sessionId: r.session_id
});

export function listGroups(db: Db, roundId: string): Group[] {
	return (
		sql(db, 'SELECT * FROM groups WHERE round_id = ? ORDER BY position').all(roundId) as GroupRow[]
	).map(toGroup);
}

export function findGroup(db: Db, roundId: string, id: string): Group | null {
	const row = sql(db, 'SELECT * FROM groups WHERE id = ? AND round_id = ?').get(id, roundId) as
		GroupRow | undefined;
	return row ? toGroup(row) : null;
}

export function findGroupBySession(db: Db, sessionId: string): Group | null {
	const row = sql(db, 'SELECT * FROM groups WHERE session_id = ?').get(sessionId) as
		GroupRow | undefined;
	return row ? toGroup(row) : null;
}

export function insertGroup(db: Db, group: Group): void {
	sql(
		db,
		`INSERT INTO groups (id, round_id, key, descriptor, custom_name, position, questions, leaders, session_id)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		group.id,
		group.roundId,
		group.key,
		JSON.stringify(group.descriptor),
		group.customName,
		group.position,
		group.questions === null ? null : JSON.stringify(group.questions),
		JSON.stringify(group.leaders),
		group.sessionId
	);
}

export function updateGroup(db: Db, group: Group): void {
	sql(
		db,
		`UPDATE groups SET key = ?, descriptor = ?, custom_name = ?, position = ?, questions = ?, leaders = ?,
		 session_id = ? WHERE id = ?`
	).run(
		group.key,
		JSON.stringify(group.descriptor),
		group.customName,
		group.position,
		group.questions === null ? null : JSON.stringify(group.questions),
		JSON.stringify(group.leaders),
		group.sessionId,
		group.id
	);
}

export function deleteGroup(db: Db, id: string): void {
	sql(db, 'DELETE FROM groups WHERE id = ?').run(id);
}

export function listMemberships(db: Db, roundId: string): Membership[] {
	return (
		sql(db, 'SELECT participant_id, group_id, pinned FROM group_members WHERE round_id = ?').all(
			roundId
		) as {
			participant_id: string;
			group_id: string;
			pinned: number;
		}[]
	).map((r) => ({ participantId: r.participant_id, groupId: r.group_id, pinned: r.pinned === 1 }));
}

export function setMembership(db: Db, roundId: string, m: Membership): void {
	sql(
		db,
		`INSERT INTO group_members (round_id, participant_id, group_id, pinned) VALUES (?, ?, ?, ?)
		 ON CONFLICT (round_id, participant_id) DO UPDATE SET group_id = excluded.group_id, pinned = excluded.pinned`
	).run(roundId, m.participantId, m.groupId, m.pinned ? 1 : 0);
}

export function removeMembership(db: Db, roundId: string, participantId: string): void {
	sql(db, 'DELETE FROM group_members WHERE round_id = ? AND participant_id = ?').run(
		roundId,
		participantId
	);
}

/** The group a participant is in for a round, if any. */
export function groupOf(db: Db, roundId: string, participantId: string): string | null {
	const row = sql(
		db,
		'SELECT group_id FROM group_members WHERE round_id = ? AND participant_id = ?'
	).get(roundId, participantId) as { group_id: string } | undefined;
	return row?.group_id ?? null;
}
