import type { GroupDescriptor, GroupingRule } from '$lib/domain/conference/allocation';
import type { Group, Membership, Round } from '$lib/domain/conference/types';
import { sql, type Db } from './database';

export type { Group, Membership, Round } from '$lib/domain/conference/types';

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

/** Writes every field of a round that can change. */
export function updateRound(db: Db, round: Round): void {
	sql(
		db,
		`UPDATE rounds SET position = ?, title = ?, theme = ?, rule = ?, max_group_size = ?, questions = ?,
		 plenum_summary = ?, started_at = ? WHERE id = ? AND conference_id = ?`
	).run(
		round.position,
		round.title,
		round.theme,
		round.rule,
		round.maxGroupSize,
		JSON.stringify(round.questions),
		round.plenumSummary,
		round.startedAt,
		round.id,
		round.conferenceId
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

/** Every group of every round of a conference. */
export function listConferenceGroups(db: Db, conferenceId: string): Group[] {
	return (
		sql(
			db,
			`SELECT g.* FROM groups g JOIN rounds r ON r.id = g.round_id
			 WHERE r.conference_id = ? ORDER BY r.position, g.position`
		).all(conferenceId) as GroupRow[]
	).map(toGroup);
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

/** Who sits where in every round of a conference. */
export function listConferenceMemberships(
	db: Db,
	conferenceId: string
): (Membership & { roundId: string })[] {
	return (
		sql(
			db,
			`SELECT m.round_id, m.participant_id, m.group_id, m.pinned FROM group_members m
			 JOIN rounds r ON r.id = m.round_id WHERE r.conference_id = ?`
		).all(conferenceId) as {
			round_id: string;
			participant_id: string;
			group_id: string;
			pinned: number;
		}[]
	).map((r) => ({
		roundId: r.round_id,
		participantId: r.participant_id,
		groupId: r.group_id,
		pinned: r.pinned === 1
	}));
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
