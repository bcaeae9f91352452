import { programmeKinds, type ProgrammeKind } from '$lib/domain/conference/programme';
import type { RoleDefinition } from '$lib/domain/conference/roles';
import type { Language } from '$lib/domain/session/types';
import { sql, type Db } from './database';

/** A conference's own data (its people, rounds and glossary live in their own tables). */
export interface Conference {
	id: string;
	title: string;
	subtitle: string;
	venue: string;
	/** ISO date (yyyy-mm-dd) or ''. */
	startDate: string;
	endDate: string;
	about: string;
	introduction: string;
	/** Organisation or project above the report's title ("Prosjekt SE-Norden"); '' for none. */
	organisation: string;
	/** Who signs the report ("Øystein Spjelkavik, Arbeidsforskningsinstituttet"); '' for none. */
	author: string;
	/** Who gave the introduction ("Øystein Spjelkavik (prosjektleder)"); '' for none. */
	introductionBy: string;
	/** Language of screens and the report. */
	language: Language;
	/** Languages participants use. */
	languages: Language[];
	/** Code participants use to pick their name from the roster. */
	joinCode: string;
	/** Secret link of the plenum screen. */
	plenumToken: string;
	currentRoundId: string | null;
	/** Message shown on every screen and phone; '' for none. */
	notice: string;
	noticeAt: number | null;
	/** What the plenum screen presents: a round, and one of its groups (or the round overview). */
	plenumRoundId: string | null;
	plenumGroupId: string | null;
	createdAt: number;
	updatedAt: number;
}

/** The fields an organiser edits on the setup page. */
export type ConferenceDetails = Pick<
	Conference,
	| 'title'
	| 'subtitle'
	| 'venue'
	| 'startDate'
	| 'endDate'
	| 'about'
	| 'introduction'
	| 'organisation'
	| 'author'
	| 'introductionBy'
	| 'language'
	| 'languages'
>;

export { programmeKinds, type ProgrammeKind };

export interface ProgrammeItem {
	id: string;
	/** ISO date. */
	day: string;
	/** HH:MM. */
	start: string;
	/** HH:MM or ''. */
	end: string;
	title: string;
	kind: ProgrammeKind;
}

interface ConferenceRow {
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

function toConference(row: ConferenceRow): Conference {
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

export function updateConferenceDetails(
	db: Db,
	id: string,
	details: ConferenceDetails,
	now: number
): void {
	sql(
		db,
		`UPDATE conferences SET title = @title, subtitle = @subtitle, venue = @venue,
		 start_date = @startDate, end_date = @endDate, about = @about, introduction = @introduction,
		 organisation = @organisation, report_author = @author, introduction_by = @introductionBy,
		 language = @language, languages = @languages, updated_at = @now WHERE id = @id`
	).run({ ...details, languages: JSON.stringify(details.languages), id, now });
}

export function setCurrentRound(db: Db, id: string, roundId: string | null, now: number): void {
	sql(db, 'UPDATE conferences SET current_round_id = ?, updated_at = ? WHERE id = ?').run(
		roundId,
		now,
		id
	);
}

export function setNotice(db: Db, id: string, notice: string, now: number): void {
	sql(db, 'UPDATE conferences SET notice = ?, notice_at = ?, updated_at = ? WHERE id = ?').run(
		notice,
		notice === '' ? null : now,
		now,
		id
	);
}

export function setPlenum(
	db: Db,
	id: string,
	roundId: string | null,
	groupId: string | null,
	now: number
): void {
	sql(
		db,
		'UPDATE conferences SET plenum_round_id = ?, plenum_group_id = ?, updated_at = ? WHERE id = ?'
	).run(roundId, groupId, now, id);
}

export function deleteConference(db: Db, id: string): void {
	sql(db, 'DELETE FROM conferences WHERE id = ?').run(id);
}

interface ProgrammeRow {
	id: string;
	day: string;
	start_time: string;
	end_time: string;
	title: string;
	kind: ProgrammeKind;
}

export function listProgramme(db: Db, conferenceId: string): ProgrammeItem[] {
	return (
		sql(
			db,
			'SELECT * FROM programme_items WHERE conference_id = ? ORDER BY day, start_time, end_time, title'
		).all(conferenceId) as ProgrammeRow[]
	).map((r) => ({
		id: r.id,
		day: r.day,
		start: r.start_time,
		end: r.end_time,
		title: r.title,
		kind: r.kind
	}));
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

interface RoleRow {
	id: string;
	label: string;
	group_label: string;
}

/** The organiser's renames and own roles (resolveRoles() merges them with the defaults). */
export function listCustomRoles(db: Db, conferenceId: string): RoleDefinition[] {
	return (
		sql(
			db,
			'SELECT id, label, group_label FROM roles WHERE conference_id = ? ORDER BY position'
		).all(conferenceId) as RoleRow[]
	).map((r) => ({ id: r.id, label: JSON.parse(r.label), groupLabel: JSON.parse(r.group_label) }));
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
