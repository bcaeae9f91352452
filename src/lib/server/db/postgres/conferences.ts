import type { RoleDefinition } from '$lib/domain/conference/roles';
import type { ConferenceState } from '$lib/domain/conference/state';
import type {
	Conference,
	ConferenceParticipant,
	Group,
	ProgrammeItem,
	Round,
	RoundSeat
} from '$lib/domain/conference/types';
import type { GroupingEntry, GroupingHistory } from '$lib/domain/conference/grouping';
import type { Glossary, GlossaryConcept } from '$lib/domain/glossary/types';
import {
	conferenceChanges,
	toConference,
	toProgrammeItem,
	toRole,
	type ConferenceRow,
	type ProgrammeRow,
	type RoleRow
} from '../conferences';
import { toParticipant, type ParticipantRow } from '../participants';
import {
	toConferenceRetention,
	type ConferenceRetentionFacts,
	type ConferenceRetentionRow
} from '../retention';
import {
	roundThemesValues,
	toGroup,
	toRound,
	toRoundThemes,
	toSeat,
	type GroupRow,
	type RoundRow,
	type RoundThemesRow,
	type SeatRow
} from '../rounds';
import type { RoundThemes } from '$lib/domain/synthesis/themes';
import { all, changes, one, type Pg } from './pool';

const conferenceValues = (c: Conference) => [
	c.title,
	c.subtitle,
	c.venue,
	c.startDate,
	c.endDate,
	c.about,
	c.introduction,
	c.organisation,
	c.author,
	c.introductionBy,
	c.language,
	JSON.stringify(c.languages),
	c.currentRoundId,
	c.notice,
	c.noticeAt,
	c.plenumRoundId,
	c.plenumGroupId,
	c.updatedAt,
	c.id
];

export async function insertConference(q: Pg, c: Conference): Promise<void> {
	await q.query(
		`INSERT INTO conferences (title, subtitle, venue, start_date, end_date, about, introduction,
		 organisation, report_author, introduction_by, language, languages, current_round_id, notice,
		 notice_at, plenum_round_id, plenum_group_id, updated_at, id, join_code, plenum_token, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
		 $20, $21, $22)`,
		[...conferenceValues(c), c.joinCode, c.plenumToken, c.createdAt]
	);
}

/** Writes every field of a conference that can change (details, current round, notice, plenum). */
async function updateConference(q: Pg, c: Conference): Promise<void> {
	await q.query(
		`UPDATE conferences SET title = $1, subtitle = $2, venue = $3, start_date = $4, end_date = $5,
		 about = $6, introduction = $7, organisation = $8, report_author = $9, introduction_by = $10,
		 language = $11, languages = $12, current_round_id = $13, notice = $14, notice_at = $15,
		 plenum_round_id = $16, plenum_group_id = $17, updated_at = $18 WHERE id = $19`,
		conferenceValues(c)
	);
}

async function conferenceWhere(q: Pg, column: string, value: string) {
	const row = await one<ConferenceRow>(q, `SELECT * FROM conferences WHERE ${column} = $1`, [
		value
	]);
	return row ? toConference(row) : null;
}

export const findConference = (q: Pg, id: string) => conferenceWhere(q, 'id', id);
export const findConferenceByCode = (q: Pg, code: string) => conferenceWhere(q, 'join_code', code);
export const findConferenceByPlenumToken = (q: Pg, token: string) =>
	conferenceWhere(q, 'plenum_token', token);

export async function conferenceCodeTaken(q: Pg, code: string): Promise<boolean> {
	return (await one(q, 'SELECT 1 FROM conferences WHERE join_code = $1', [code])) !== undefined;
}

export async function listConferences(q: Pg): Promise<Conference[]> {
	const rows = await all<ConferenceRow>(
		q,
		'SELECT * FROM conferences ORDER BY start_date DESC, created_at DESC'
	);
	return rows.map(toConference);
}

export async function deleteConference(q: Pg, id: string): Promise<void> {
	await q.query('DELETE FROM conferences WHERE id = $1', [id]);
}

export async function listProgramme(q: Pg, conferenceId: string): Promise<ProgrammeItem[]> {
	const rows = await all<ProgrammeRow>(
		q,
		'SELECT * FROM programme_items WHERE conference_id = $1 ORDER BY day, start_time, end_time, title',
		[conferenceId]
	);
	return rows.map(toProgrammeItem);
}

export async function listCustomRoles(q: Pg, conferenceId: string): Promise<RoleDefinition[]> {
	const rows = await all<RoleRow>(
		q,
		'SELECT id, label, group_label FROM roles WHERE conference_id = $1 ORDER BY position',
		[conferenceId]
	);
	return rows.map(toRole);
}

export async function listParticipants(
	q: Pg,
	conferenceId: string
): Promise<ConferenceParticipant[]> {
	// lower() under COLLATE "C" folds ASCII letters only, as SQLite's NOCASE does.
	const rows = await all<ParticipantRow>(
		q,
		'SELECT * FROM conference_participants WHERE conference_id = $1 ORDER BY lower(name COLLATE "C"), id',
		[conferenceId]
	);
	return rows.map(toParticipant);
}

export async function findParticipant(
	q: Pg,
	conferenceId: string,
	id: string
): Promise<ConferenceParticipant | null> {
	const row = await one<ParticipantRow>(
		q,
		'SELECT * FROM conference_participants WHERE id = $1 AND conference_id = $2',
		[id, conferenceId]
	);
	return row ? toParticipant(row) : null;
}

export async function findParticipantByToken(
	q: Pg,
	token: string
): Promise<ConferenceParticipant | null> {
	const row = await one<ParticipantRow>(
		q,
		'SELECT * FROM conference_participants WHERE personal_token = $1',
		[token]
	);
	return row ? toParticipant(row) : null;
}

export async function listRounds(q: Pg, conferenceId: string): Promise<Round[]> {
	const rows = await all<RoundRow>(
		q,
		'SELECT * FROM rounds WHERE conference_id = $1 ORDER BY position',
		[conferenceId]
	);
	return rows.map(toRound);
}

export async function listGroups(q: Pg, roundId: string): Promise<Group[]> {
	const rows = await all<GroupRow>(
		q,
		'SELECT * FROM groups WHERE round_id = $1 ORDER BY position',
		[roundId]
	);
	return rows.map(toGroup);
}

export async function listSeats(q: Pg, roundId: string): Promise<RoundSeat[]> {
	const rows = await all<SeatRow>(
		q,
		'SELECT * FROM seats WHERE round_id = $1 ORDER BY participant_id',
		[roundId]
	);
	return rows.map(toSeat);
}

export async function groupOf(
	q: Pg,
	roundId: string,
	participantId: string
): Promise<string | null> {
	const row = await one<{ group_id: string | null }>(
		q,
		'SELECT group_id FROM seats WHERE round_id = $1 AND participant_id = $2',
		[roundId, participantId]
	);
	return row?.group_id ?? null;
}

export async function forgetGroupingOf(
	q: Pg,
	conferenceId: string,
	participantId: string
): Promise<void> {
	await q.query(
		`DELETE FROM grouping_history WHERE round_id IN (SELECT id FROM rounds WHERE conference_id = $1)
		 AND strpos(entry, $2) > 0`,
		[conferenceId, JSON.stringify(participantId)]
	);
}

async function listGroupingHistory(
	q: Pg,
	conferenceId: string
): Promise<Record<string, GroupingHistory>> {
	const rows = await all<{ round_id: string; actor: string; entry: string }>(
		q,
		`SELECT h.round_id, h.actor, h.entry FROM grouping_history h JOIN rounds r ON r.id = h.round_id
		 WHERE r.conference_id = $1 ORDER BY h.round_id, h.seq`,
		[conferenceId]
	);
	const history: Record<string, GroupingEntry[]> = {};
	for (const row of rows) {
		const entry = { actor: row.actor, ...(JSON.parse(row.entry) as Omit<GroupingEntry, 'actor'>) };
		(history[row.round_id] ??= []).push(entry);
	}
	return history;
}

async function listRoundThemes(q: Pg, conferenceId: string): Promise<Record<string, RoundThemes>> {
	const rows = await all<RoundThemesRow>(
		q,
		`SELECT t.* FROM round_themes t JOIN rounds r ON r.id = t.round_id WHERE r.conference_id = $1
		 ORDER BY t.round_id`,
		[conferenceId]
	);
	return Object.fromEntries(rows.map((row) => [row.round_id, toRoundThemes(row)]));
}

/** A whole conference as the core decides on it: one query per table. */
export async function loadConferenceState(q: Pg, id: string): Promise<ConferenceState | null> {
	const conference = await findConference(q, id);
	if (!conference) return null;
	const groups = await all<GroupRow>(
		q,
		`SELECT g.* FROM groups g JOIN rounds r ON r.id = g.round_id
		 WHERE r.conference_id = $1 ORDER BY r.position, g.position`,
		[id]
	);
	const seats = await all<SeatRow>(
		q,
		`SELECT s.* FROM seats s JOIN rounds r ON r.id = s.round_id
		 WHERE r.conference_id = $1 ORDER BY s.round_id, s.participant_id`,
		[id]
	);
	return {
		conference,
		programme: await listProgramme(q, id),
		customRoles: await listCustomRoles(q, id),
		participants: await listParticipants(q, id),
		rounds: await listRounds(q, id),
		groups: groups.map(toGroup),
		seats: seats.map(toSeat),
		history: await listGroupingHistory(q, id),
		themes: await listRoundThemes(q, id)
	};
}

/**
 * The conference as a unit of work decides on it, its row locked until the unit ends: another
 * process's unit on the same conference waits, then loads what this one committed, so neither
 * writes back a field from a stale load.
 */
export async function loadConferenceStateForUpdate(
	q: Pg,
	id: string
): Promise<ConferenceState | null> {
	await q.query('SELECT 1 FROM conferences WHERE id = $1 FOR UPDATE', [id]);
	return loadConferenceState(q, id);
}

const participantValues = (p: ConferenceParticipant) => [
	p.name,
	p.country,
	p.role,
	p.organisation,
	p.language,
	p.coordinator ? 1 : 0,
	p.roleDescription ?? '',
	p.id,
	p.conferenceId
];

const roundValues = (r: Round) => [
	r.position,
	r.title,
	r.theme,
	r.rule,
	r.maxGroupSize,
	JSON.stringify(r.questions),
	r.plenumSummary,
	JSON.stringify(r.roles),
	r.startedAt,
	r.instruction ?? '',
	r.id,
	r.conferenceId
];

const groupValues = (g: Group) => [
	g.key,
	JSON.stringify(g.descriptor),
	g.customName,
	g.position,
	g.questions === null ? null : JSON.stringify(g.questions),
	g.sessionId,
	g.id,
	g.roundId
];

/**
 * Writes what a decided command changed, in the order SQLite's commitConferenceState does:
 * removals first, additions in the other order, so no row ever points at one that is not there.
 */
export async function commitConferenceState(
	q: Pg,
	before: ConferenceState,
	after: ConferenceState
): Promise<void> {
	const id = after.conference.id;
	const change = conferenceChanges(before, after);
	const run = (text: string, values: unknown[]) => q.query(text, values);

	for (const s of change.seats.gone)
		await run('DELETE FROM seats WHERE round_id = $1 AND participant_id = $2', [
			s.roundId,
			s.participantId
		]);
	for (const g of change.groups.gone) await run('DELETE FROM groups WHERE id = $1', [g.id]);
	for (const r of change.rounds.gone)
		await run('DELETE FROM rounds WHERE id = $1 AND conference_id = $2', [r.id, id]);
	for (const p of change.people.gone)
		await run('DELETE FROM conference_participants WHERE id = $1 AND conference_id = $2', [
			p.id,
			id
		]);
	for (const item of change.programme.gone)
		await run('DELETE FROM programme_items WHERE id = $1 AND conference_id = $2', [item.id, id]);

	if (change.conference) await updateConference(q, after.conference);
	for (const item of change.programme.added)
		await run(
			`INSERT INTO programme_items (id, conference_id, day, start_time, end_time, title, kind)
			 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			[item.id, id, item.day, item.start, item.end, item.title, item.kind]
		);
	for (const item of change.programme.changed)
		await run(
			`UPDATE programme_items SET day = $1, start_time = $2, end_time = $3, title = $4, kind = $5
			 WHERE id = $6 AND conference_id = $7`,
			[item.day, item.start, item.end, item.title, item.kind, item.id, id]
		);
	for (const role of [...change.roles.added, ...change.roles.changed])
		await run(
			`INSERT INTO roles (conference_id, id, label, group_label, position)
			 VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), 0) + 1 FROM roles WHERE conference_id = $1))
			 ON CONFLICT (conference_id, id) DO UPDATE SET label = excluded.label, group_label = excluded.group_label`,
			[id, role.id, JSON.stringify(role.label), JSON.stringify(role.groupLabel)]
		);
	for (const p of change.people.added)
		await run(
			`INSERT INTO conference_participants (name, country, role, organisation, language, coordinator,
			 role_description, id, conference_id, personal_token, created_at)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			[...participantValues(p), p.personalToken, p.createdAt]
		);
	for (const p of change.people.changed)
		await run(
			`UPDATE conference_participants SET name = $1, country = $2, role = $3, organisation = $4,
			 language = $5, coordinator = $6, role_description = $7 WHERE id = $8 AND conference_id = $9`,
			participantValues(p)
		);
	for (const r of change.rounds.added)
		await run(
			`INSERT INTO rounds (position, title, theme, rule, max_group_size, questions, plenum_summary,
			 role_options, started_at, instruction, id, conference_id)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			roundValues(r)
		);
	for (const r of change.rounds.changed)
		await run(
			`UPDATE rounds SET position = $1, title = $2, theme = $3, rule = $4, max_group_size = $5,
			 questions = $6, plenum_summary = $7, role_options = $8, started_at = $9, instruction = $10
			 WHERE id = $11 AND conference_id = $12`,
			roundValues(r)
		);
	for (const g of change.groups.added)
		await run(
			`INSERT INTO groups (key, descriptor, custom_name, position, questions, session_id, id, round_id)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			groupValues(g)
		);
	for (const g of change.groups.changed)
		await run(
			`UPDATE groups SET key = $1, descriptor = $2, custom_name = $3, position = $4, questions = $5,
			 session_id = $6 WHERE id = $7`,
			groupValues(g).slice(0, 7)
		);
	for (const s of [...change.seats.added, ...change.seats.changed])
		await run(
			`INSERT INTO seats (round_id, participant_id, group_id, leader, pinned) VALUES ($1, $2, $3, $4, $5)
			 ON CONFLICT (round_id, participant_id) DO UPDATE SET group_id = excluded.group_id,
			 leader = excluded.leader, pinned = excluded.pinned`,
			[s.roundId, s.participantId, s.groupId, s.leader ? 1 : 0, s.pinned ? 1 : 0]
		);
	for (const { roundId, history } of change.histories) {
		await run('DELETE FROM grouping_history WHERE round_id = $1', [roundId]);
		for (const [seq, { actor, ...entry }] of history.entries())
			await run(
				'INSERT INTO grouping_history (round_id, seq, actor, entry) VALUES ($1, $2, $3, $4)',
				[roundId, seq, actor, JSON.stringify(entry)]
			);
	}
	for (const { roundId, themes } of change.themes) {
		if (themes === null) await run('DELETE FROM round_themes WHERE round_id = $1', [roundId]);
		else
			await run(
				`INSERT INTO round_themes (round_id, themes, confirmed_at, presenting, updated_at)
				 VALUES ($1, $2, $3, $4, $5)
				 ON CONFLICT (round_id) DO UPDATE SET themes = excluded.themes,
				 confirmed_at = excluded.confirmed_at, presenting = excluded.presenting,
				 updated_at = excluded.updated_at`,
				roundThemesValues(themes)
			);
	}
}

export async function readGlossary(q: Pg, conferenceId: string): Promise<GlossaryConcept[]> {
	const rows = await all<{ concept: string }>(
		q,
		'SELECT concept FROM glossary_entries WHERE conference_id = $1 ORDER BY position',
		[conferenceId]
	);
	return rows.map((r) => JSON.parse(r.concept) as GlossaryConcept);
}

export async function writeGlossary(
	q: Pg,
	conferenceId: string,
	glossary: Glossary
): Promise<void> {
	await q.query('DELETE FROM glossary_entries WHERE conference_id = $1', [conferenceId]);
	for (const [position, concept] of glossary.entries())
		await q.query(
			'INSERT INTO glossary_entries (conference_id, id, position, concept) VALUES ($1, $2, $3, $4)',
			[conferenceId, concept.id, position, JSON.stringify(concept)]
		);
}

export async function listConferenceRetention(q: Pg): Promise<ConferenceRetentionFacts[]> {
	const rows = await all<ConferenceRetentionRow>(
		q,
		`SELECT c.id, c.title, greatest(coalesce(c.last_activity_at, c.created_at),
		   coalesce(max(s.updated_at), 0)) AS last_activity,
		 c.retention_postponed_until AS postponed_until, c.retention_kept AS kept
		 FROM conferences c LEFT JOIN sessions s ON s.conference_id = c.id
		 GROUP BY c.id ORDER BY c.created_at`
	);
	return rows.map(toConferenceRetention);
}

export async function touchConference(q: Pg, id: string, now: number): Promise<void> {
	await q.query(
		'UPDATE conferences SET last_activity_at = greatest(coalesce(last_activity_at, 0), $1) WHERE id = $2',
		[now, id]
	);
}

export async function postponeConferenceDeletion(
	q: Pg,
	id: string,
	until: number
): Promise<boolean> {
	return (
		(await changes(q, 'UPDATE conferences SET retention_postponed_until = $1 WHERE id = $2', [
			until,
			id
		])) > 0
	);
}

export async function setConferenceKept(q: Pg, id: string, kept: boolean): Promise<boolean> {
	return (
		(await changes(q, 'UPDATE conferences SET retention_kept = $1 WHERE id = $2', [
			kept ? 1 : 0,
			id
		])) > 0
	);
}
