import type { RoleDefinition } from '$lib/domain/conference/roles';
import {
	type Conference,
	type ProgrammeItem,
	type ProgrammeKind
} from '$lib/domain/conference/types';
import type { Language } from '$lib/domain/session/types';
import type { ConferenceState } from '$lib/domain/conference/state';
import { sql, type Db } from './database';
import {
	deleteParticipant,
	insertParticipant,
	listParticipants,
	updateParticipant
} from './participants';
import {
	deleteGroup,
	deleteRound,
	insertGroup,
	insertRound,
	listConferenceGroups,
	listConferenceSeats,
	listGroupingHistory,
	listRounds,
	removeSeat,
	setSeat,
	writeGroupingHistory,
	listRoundThemes,
	writeRoundThemes,
	updateGroup,
	updateRound
} from './rounds';

export {
	programmeKinds,
	type Conference,
	type ConferenceDetails,
	type ProgrammeItem,
	type ProgrammeKind
} from '$lib/domain/conference/types';

export interface ConferenceRow {
	id: string;
	title: string;
	subtitle: string;
	venue: string;
	start_date: string;
	end_date: string;
	about: string;
	introduction: string;
	organisation: string;
	report_author: string;
	introduction_by: string;
	language: Language;
	languages: string;
	join_code: string;
	plenum_token: string;
	current_round_id: string | null;
	notice: string;
	notice_at: number | null;
	plenum_round_id: string | null;
	plenum_group_id: string | null;
	created_at: number;
	updated_at: number;
}

export function toConference(row: ConferenceRow): Conference {
	return {
		id: row.id,
		title: row.title,
		subtitle: row.subtitle,
		venue: row.venue,
		startDate: row.start_date,
		endDate: row.end_date,
		about: row.about,
		introduction: row.introduction,
		organisation: row.organisation,
		author: row.report_author,
		introductionBy: row.introduction_by,
		language: row.language,
		languages: JSON.parse(row.languages) as Language[],
		joinCode: row.join_code,
		plenumToken: row.plenum_token,
		currentRoundId: row.current_round_id,
		notice: row.notice,
		noticeAt: row.notice_at,
		plenumRoundId: row.plenum_round_id,
		plenumGroupId: row.plenum_group_id,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

export function insertConference(db: Db, conference: Conference): void {
	sql(
		db,
		`INSERT INTO conferences (id, title, subtitle, venue, start_date, end_date, about, introduction,
		 organisation, report_author, introduction_by, language, languages, join_code, plenum_token,
		 current_round_id, notice, notice_at, plenum_round_id, plenum_group_id, created_at, updated_at)
		 VALUES (@id, @title, @subtitle, @venue, @startDate, @endDate, @about, @introduction,
		 @organisation, @author, @introductionBy, @language, @languages, @joinCode, @plenumToken,
		 @currentRoundId, @notice, @noticeAt, @plenumRoundId, @plenumGroupId, @createdAt, @updatedAt)`
	).run({ ...conference, languages: JSON.stringify(conference.languages) });
}

export function findConference(db: Db, id: string): Conference | null {
	const row = sql(db, 'SELECT * FROM conferences WHERE id = ?').get(id) as
		ConferenceRow | undefined;
	return row ? toConference(row) : null;
}

export function findConferenceByCode(db: Db, code: string): Conference | null {
	const row = sql(db, 'SELECT * FROM conferences WHERE join_code = ?').get(code) as
		ConferenceRow | undefined;
	return row ? toConference(row) : null;
}

export function findConferenceByPlenumToken(db: Db, token: string): Conference | null {
	const row = sql(db, 'SELECT * FROM conferences WHERE plenum_token = ?').get(token) as
		ConferenceRow | undefined;
	return row ? toConference(row) : null;
}

export function conferenceCodeTaken(db: Db, code: string): boolean {
	return sql(db, 'SELECT 1 FROM conferences WHERE join_code = ?').get(code) !== undefined;
}

export function listConferences(db: Db): Conference[] {
	return (
		sql(
			db,
			'SELECT * FROM conferences ORDER BY start_date DESC, created_at DESC'
		).all() as ConferenceRow[]
	).map(toConference);
}

/** Writes every field of a conference that can change (details, current round, notice, plenum). */
export function updateConference(db: Db, conference: Conference): void {
	sql(
		db,
		`UPDATE conferences SET title = @title, subtitle = @subtitle, venue = @venue,
		 start_date = @startDate, end_date = @endDate, about = @about, introduction = @introduction,
		 organisation = @organisation, report_author = @author, introduction_by = @introductionBy,
		 language = @language, languages = @languages, current_round_id = @currentRoundId,
		 notice = @notice, notice_at = @noticeAt, plenum_round_id = @plenumRoundId,
		 plenum_group_id = @plenumGroupId, updated_at = @updatedAt WHERE id = @id`
	).run({ ...conference, languages: JSON.stringify(conference.languages) });
}

export function deleteConference(db: Db, id: string): void {
	sql(db, 'DELETE FROM conferences WHERE id = ?').run(id);
}

export interface ProgrammeRow {
	id: string;
	day: string;
	start_time: string;
	end_time: string;
	title: string;
	kind: ProgrammeKind;
}

export const toProgrammeItem = (r: ProgrammeRow): ProgrammeItem => ({
	id: r.id,
	day: r.day,
	start: r.start_time,
	end: r.end_time,
	title: r.title,
	kind: r.kind
});

export function listProgramme(db: Db, conferenceId: string): ProgrammeItem[] {
	return (
		sql(
			db,
			'SELECT * FROM programme_items WHERE conference_id = ? ORDER BY day, start_time, end_time, title'
		).all(conferenceId) as ProgrammeRow[]
	).map(toProgrammeItem);
}

export function insertProgrammeItem(db: Db, conferenceId: string, item: ProgrammeItem): void {
	sql(
		db,
		`INSERT INTO programme_items (id, conference_id, day, start_time, end_time, title, kind)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`
	).run(item.id, conferenceId, item.day, item.start, item.end, item.title, item.kind);
}

export function updateProgrammeItem(db: Db, conferenceId: string, item: ProgrammeItem): boolean {
	return (
		sql(
			db,
			`UPDATE programme_items SET day = ?, start_time = ?, end_time = ?, title = ?, kind = ?
			 WHERE id = ? AND conference_id = ?`
		).run(item.day, item.start, item.end, item.title, item.kind, item.id, conferenceId).changes > 0
	);
}

export function deleteProgrammeItem(db: Db, conferenceId: string, id: string): void {
	sql(db, 'DELETE FROM programme_items WHERE id = ? AND conference_id = ?').run(id, conferenceId);
}

export interface RoleRow {
	id: string;
	label: string;
	group_label: string;
}

/** The organiser's renames and own roles (resolveRoles() merges them with the defaults). */
export const toRole = (r: RoleRow): RoleDefinition => ({
	id: r.id,
	label: JSON.parse(r.label),
	groupLabel: JSON.parse(r.group_label)
});

export function listCustomRoles(db: Db, conferenceId: string): RoleDefinition[] {
	return (
		sql(
			db,
			'SELECT id, label, group_label FROM roles WHERE conference_id = ? ORDER BY position'
		).all(conferenceId) as RoleRow[]
	).map(toRole);
}

export function upsertCustomRole(db: Db, conferenceId: string, role: RoleDefinition): void {
	const position = (
		sql(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM roles WHERE conference_id = ?').get(
			conferenceId
		) as { p: number }
	).p;
	sql(
		db,
		`INSERT INTO roles (conference_id, id, label, group_label, position) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (conference_id, id) DO UPDATE SET label = excluded.label, group_label = excluded.group_label`
	).run(
		conferenceId,
		role.id,
		JSON.stringify(role.label),
		JSON.stringify(role.groupLabel),
		position
	);
}

/** A whole conference as the core decides on it: one query per table. */
export function loadConferenceState(db: Db, id: string): ConferenceState | null {
	const conference = findConference(db, id);
	if (!conference) return null;
	return {
		conference,
		programme: listProgramme(db, id),
		customRoles: listCustomRoles(db, id),
		participants: listParticipants(db, id),
		rounds: listRounds(db, id),
		groups: listConferenceGroups(db, id),
		seats: listConferenceSeats(db, id),
		history: listGroupingHistory(db, id),
		themes: listRoundThemes(db, id)
	};
}

/** Rows added, changed and gone between two lists, by key. */
function diff<T>(before: readonly T[], after: readonly T[], key: (row: T) => string) {
	const old = new Map(before.map((row) => [key(row), row]));
	const now = new Map(after.map((row) => [key(row), row]));
	const same = (a: T, b: T) => a === b || JSON.stringify(a) === JSON.stringify(b);
	return {
		added: after.filter((row) => !old.has(key(row))),
		changed: after.filter((row) => {
			const was = old.get(key(row));
			return was !== undefined && !same(was, row);
		}),
		gone: before.filter((row) => !now.has(key(row)))
	};
}

/** What a decided command changed, table by table, as both engines write it. */
export function conferenceChanges(before: ConferenceState, after: ConferenceState) {
	const seatKey = (s: { roundId: string; participantId: string }) =>
		`${s.roundId}\n${s.participantId}`;
	return {
		seats: diff(before.seats, after.seats, seatKey),
		groups: diff(before.groups, after.groups, (g) => g.id),
		rounds: diff(before.rounds, after.rounds, (r) => r.id),
		people: diff(before.participants, after.participants, (p) => p.id),
		programme: diff(before.programme, after.programme, (p) => p.id),
		roles: diff(before.customRoles, after.customRoles, (r) => r.id),
		conference: JSON.stringify(before.conference) !== JSON.stringify(after.conference),
		/** Rounds whose grouping history changed, with the whole new history. */
		histories: after.rounds
			.map((round) => ({ roundId: round.id, history: after.history[round.id] ?? [] }))
			.filter(
				({ roundId, history }) =>
					JSON.stringify(history) !== JSON.stringify(before.history[roundId] ?? [])
			),
		/** Rounds whose themes changed, with the new map (null: forgotten). */
		themes: after.rounds
			.map((round) => ({ roundId: round.id, themes: after.themes[round.id] ?? null }))
			.filter(
				({ roundId, themes }) =>
					JSON.stringify(themes) !== JSON.stringify(before.themes[roundId] ?? null)
			)
	};
}

/**
 * Writes what a decided command changed, row by row; the caller runs it in the transaction that
 * also records the command. Removals go first (seats before groups before rounds before
 * people), additions in the other order, so no row ever points at one that is not there.
 */
export function commitConferenceState(db: Db, before: ConferenceState, after: ConferenceState) {
	const id = after.conference.id;
	const { seats, groups, rounds, people, programme, roles, conference, histories, themes } =
		conferenceChanges(before, after);

	for (const s of seats.gone) removeSeat(db, s.roundId, s.participantId);
	for (const g of groups.gone) deleteGroup(db, g.id);
	for (const r of rounds.gone) deleteRound(db, id, r.id);
	for (const p of people.gone) deleteParticipant(db, id, p.id);
	for (const item of programme.gone) deleteProgrammeItem(db, id, item.id);

	if (conference) updateConference(db, after.conference);
	for (const item of programme.added) insertProgrammeItem(db, id, item);
	for (const item of programme.changed) updateProgrammeItem(db, id, item);
	for (const role of [...roles.added, ...roles.changed]) upsertCustomRole(db, id, role);
	for (const p of people.added) insertParticipant(db, p);
	for (const p of people.changed) updateParticipant(db, id, p.id, p);
	for (const r of rounds.added) insertRound(db, r);
	for (const r of rounds.changed) updateRound(db, r);
	for (const g of groups.added) insertGroup(db, g);
	for (const g of groups.changed) updateGroup(db, g);
	for (const s of [...seats.added, ...seats.changed]) setSeat(db, s);
	for (const { roundId, history } of histories) writeGroupingHistory(db, roundId, history);
	for (const { roundId, themes: map } of themes) writeRoundThemes(db, roundId, map);
}
