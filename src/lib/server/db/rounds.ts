import type {
	GroupDescriptor,
	GroupingRule,
	RolePlacement
} from '$lib/domain/conference/allocation';
import type { GroupingEntry, GroupingHistory } from '$lib/domain/conference/grouping';
import type { Group, Round, RoundSeat } from '$lib/domain/conference/types';
import type { Theme } from '$lib/domain/synthesis/perspective';
import type { RoundThemes } from '$lib/domain/synthesis/themes';
import { sql, type Db } from './database';

export type { Group, Round, RoundSeat } from '$lib/domain/conference/types';

export interface RoundRow {
	id: string;
	conference_id: string;
	position: number;
	title: string;
	theme: string;
	rule: GroupingRule;
	max_group_size: number;
	questions: string;
	plenum_summary: string;
	role_options: string;
	started_at: number | null;
	instruction: string;
}

export const toRound = (r: RoundRow): Round => ({
	id: r.id,
	conferenceId: r.conference_id,
	position: r.position,
	title: r.title,
	theme: r.theme,
	rule: r.rule,
	maxGroupSize: r.max_group_size,
	questions: JSON.parse(r.questions) as string[],
	plenumSummary: r.plenum_summary,
	roles: JSON.parse(r.role_options) as Record<string, RolePlacement>,
	startedAt: r.started_at,
	instruction: r.instruction
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
		 plenum_summary, role_options, started_at, instruction)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
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
		JSON.stringify(round.roles),
		round.startedAt,
		round.instruction ?? ''
	);
}

/** Writes every field of a round that can change. */
export function updateRound(db: Db, round: Round): void {
	sql(
		db,
		`UPDATE rounds SET position = ?, title = ?, theme = ?, rule = ?, max_group_size = ?, questions = ?,
		 plenum_summary = ?, role_options = ?, started_at = ?, instruction = ?
		 WHERE id = ? AND conference_id = ?`
	).run(
		round.position,
		round.title,
		round.theme,
		round.rule,
		round.maxGroupSize,
		JSON.stringify(round.questions),
		round.plenumSummary,
		JSON.stringify(round.roles),
		round.startedAt,
		round.instruction ?? '',
		round.id,
		round.conferenceId
	);
}

export function deleteRound(db: Db, conferenceId: string, id: string): void {
	sql(db, 'DELETE FROM rounds WHERE id = ? AND conference_id = ?').run(id, conferenceId);
}

export interface GroupRow {
	id: string;
	round_id: string;
	key: string;
	descriptor: string;
	custom_name: string | null;
	position: number;
	questions: string | null;
	session_id: string | null;
}

export const toGroup = (r: GroupRow): Group => ({
	id: r.id,
	roundId: r.round_id,
	key: r.key,
	descriptor: JSON.parse(r.descriptor) as GroupDescriptor,
	customName: r.custom_name,
	position: r.position,
	questions: r.questions === null ? null : (JSON.parse(r.questions) as string[]),
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
		`INSERT INTO groups (id, round_id, key, descriptor, custom_name, position, questions, session_id)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		group.id,
		group.roundId,
		group.key,
		JSON.stringify(group.descriptor),
		group.customName,
		group.position,
		group.questions === null ? null : JSON.stringify(group.questions),
		group.sessionId
	);
}

export function updateGroup(db: Db, group: Group): void {
	sql(
		db,
		`UPDATE groups SET key = ?, descriptor = ?, custom_name = ?, position = ?, questions = ?,
		 session_id = ? WHERE id = ?`
	).run(
		group.key,
		JSON.stringify(group.descriptor),
		group.customName,
		group.position,
		group.questions === null ? null : JSON.stringify(group.questions),
		group.sessionId,
		group.id
	);
}

export function deleteGroup(db: Db, id: string): void {
	sql(db, 'DELETE FROM groups WHERE id = ?').run(id);
}

export interface SeatRow {
	round_id: string;
	participant_id: string;
	group_id: string | null;
	leader: number;
	pinned: number;
}

export const toSeat = (r: SeatRow): RoundSeat => ({
	roundId: r.round_id,
	participantId: r.participant_id,
	groupId: r.group_id,
	leader: r.leader === 1,
	pinned: r.pinned === 1
});

/** Who sits where in every round of a conference (no seat: unplaced). */
export function listConferenceSeats(db: Db, conferenceId: string): RoundSeat[] {
	return (
		sql(
			db,
			`SELECT s.* FROM seats s JOIN rounds r ON r.id = s.round_id
			 WHERE r.conference_id = ? ORDER BY s.round_id, s.participant_id`
		).all(conferenceId) as SeatRow[]
	).map(toSeat);
}

export function setSeat(db: Db, seat: RoundSeat): void {
	sql(
		db,
		`INSERT INTO seats (round_id, participant_id, group_id, leader, pinned) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (round_id, participant_id) DO UPDATE SET group_id = excluded.group_id,
		 leader = excluded.leader, pinned = excluded.pinned`
	).run(seat.roundId, seat.participantId, seat.groupId, seat.leader ? 1 : 0, seat.pinned ? 1 : 0);
}

export function removeSeat(db: Db, roundId: string, participantId: string): void {
	sql(db, 'DELETE FROM seats WHERE round_id = ? AND participant_id = ?').run(
		roundId,
		participantId
	);
}

/** A round's seats. */
export function listSeats(db: Db, roundId: string): RoundSeat[] {
	return (
		sql(db, 'SELECT * FROM seats WHERE round_id = ? ORDER BY participant_id').all(
			roundId
		) as SeatRow[]
	).map(toSeat);
}

/** The group a participant sits in for a round, if any (none also for "no group"). */
export function groupOf(db: Db, roundId: string, participantId: string): string | null {
	const row = sql(db, 'SELECT group_id FROM seats WHERE round_id = ? AND participant_id = ?').get(
		roundId,
		participantId
	) as { group_id: string | null } | undefined;
	return row?.group_id ?? null;
}

/** Every round's grouping history of a conference, oldest first (round id → entries). */
export function listGroupingHistory(db: Db, conferenceId: string): Record<string, GroupingHistory> {
	const rows = sql(
		db,
		`SELECT h.round_id, h.actor, h.entry FROM grouping_history h JOIN rounds r ON r.id = h.round_id
		 WHERE r.conference_id = ? ORDER BY h.round_id, h.seq`
	).all(conferenceId) as { round_id: string; actor: string; entry: string }[];
	const history: Record<string, GroupingEntry[]> = {};
	for (const row of rows) {
		const entry = { actor: row.actor, ...(JSON.parse(row.entry) as Omit<GroupingEntry, 'actor'>) };
		(history[row.round_id] ??= []).push(entry);
	}
	return history;
}

/** Forgets every grouping action of a conference that touched this person (for erasure). */
export function forgetGroupingOf(db: Db, conferenceId: string, participantId: string): void {
	sql(
		db,
		`DELETE FROM grouping_history WHERE round_id IN (SELECT id FROM rounds WHERE conference_id = ?)
		 AND instr(entry, ?) > 0`
	).run(conferenceId, JSON.stringify(participantId));
}

/** Replaces a round's grouping history (at most groupingLimits.history entries). */
export function writeGroupingHistory(db: Db, roundId: string, history: GroupingHistory): void {
	sql(db, 'DELETE FROM grouping_history WHERE round_id = ?').run(roundId);
	const insert = sql(
		db,
		'INSERT INTO grouping_history (round_id, seq, actor, entry) VALUES (?, ?, ?, ?)'
	);
	history.forEach(({ actor, ...entry }, seq) =>
		insert.run(roundId, seq, actor, JSON.stringify(entry))
	);
}

/** A round_themes row as both engines read it. */
export interface RoundThemesRow {
	round_id: string;
	themes: string;
	confirmed_at: number | string | null;
	presenting: string | null;
	updated_at: number | string;
}

export function toRoundThemes(row: RoundThemesRow): RoundThemes {
	return {
		roundId: row.round_id,
		themes: JSON.parse(row.themes) as Theme[],
		confirmedAt: row.confirmed_at === null ? null : Number(row.confirmed_at),
		presenting: row.presenting,
		updatedAt: Number(row.updated_at)
	};
}

/** The values of a round_themes row, in column order. */
export const roundThemesValues = (t: RoundThemes) => [
	t.roundId,
	JSON.stringify(t.themes),
	t.confirmedAt,
	t.presenting,
	t.updatedAt
];

/** Every round's themes of a conference (round id → map). */
export function listRoundThemes(db: Db, conferenceId: string): Record<string, RoundThemes> {
	const rows = sql(
		db,
		`SELECT t.* FROM round_themes t JOIN rounds r ON r.id = t.round_id WHERE r.conference_id = ?
		 ORDER BY t.round_id`
	).all(conferenceId) as RoundThemesRow[];
	return Object.fromEntries(rows.map((row) => [row.round_id, toRoundThemes(row)]));
}

/** Stores a round's themes, or forgets them (null: the proposal is taken afresh). */
export function writeRoundThemes(db: Db, roundId: string, themes: RoundThemes | null): void {
	if (themes === null) {
		sql(db, 'DELETE FROM round_themes WHERE round_id = ?').run(roundId);
		return;
	}
	sql(
		db,
		`INSERT INTO round_themes (round_id, themes, confirmed_at, presenting, updated_at)
		 VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (round_id) DO UPDATE SET themes = excluded.themes,
		 confirmed_at = excluded.confirmed_at, presenting = excluded.presenting,
		 updated_at = excluded.updated_at`
	).run(...roundThemesValues(themes));
}
