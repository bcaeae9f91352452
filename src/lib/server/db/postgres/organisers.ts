import type { ConferenceTie } from '$lib/domain/organiser/permissions';
import type { OrganiserSummary } from '../../stores';
import { toOrganiser, type Organiser, type OrganiserRow } from '../organisers';
import { all, changes, one, type Pg } from './pool';

// User names match without case, ASCII letters only, as SQLite's COLLATE NOCASE.
const sameUsername = 'lower(username COLLATE "C") = lower($1 COLLATE "C")';

export async function countOrganisers(q: Pg): Promise<number> {
	return (await one<{ n: number }>(q, 'SELECT count(*) AS n FROM organisers'))!.n;
}

export async function insertOrganiser(
	q: Pg,
	organiser: Pick<Organiser, 'id' | 'username' | 'displayName'> & { admin?: boolean },
	passwordHash: string,
	now: number
): Promise<void> {
	await q.query(
		'INSERT INTO organisers (id, username, display_name, password_hash, created_at, admin) VALUES ($1, $2, $3, $4, $5, $6)',
		[
			organiser.id,
			organiser.username,
			organiser.displayName,
			passwordHash,
			now,
			organiser.admin ? 1 : 0
		]
	);
}

export async function findOrganiserByUsername(
	q: Pg,
	username: string
): Promise<{ organiser: Organiser; passwordHash: string } | null> {
	const row = await one<OrganiserRow>(q, `SELECT * FROM organisers WHERE ${sameUsername}`, [
		username
	]);
	return row ? { organiser: toOrganiser(row), passwordHash: row.password_hash } : null;
}

export async function findOrganiser(q: Pg, id: string): Promise<Organiser | null> {
	const row = await one<OrganiserRow>(q, 'SELECT * FROM organisers WHERE id = $1', [id]);
	return row ? toOrganiser(row) : null;
}

export async function passwordHashOf(q: Pg, id: string): Promise<string | null> {
	const row = await one<{ password_hash: string }>(
		q,
		'SELECT password_hash FROM organisers WHERE id = $1',
		[id]
	);
	return row?.password_hash ?? null;
}

export async function listOrganisers(q: Pg): Promise<Organiser[]> {
	return (await all<OrganiserRow>(q, 'SELECT * FROM organisers ORDER BY created_at')).map(
		toOrganiser
	);
}

export async function listOrganiserSummaries(q: Pg, now: number): Promise<OrganiserSummary[]> {
	const rows = await all<OrganiserRow & { sessions: number; owns: number }>(
		q,
		`SELECT o.*,
			(SELECT count(*) FROM organiser_sessions s WHERE s.organiser_id = o.id AND s.expires_at > $1) AS sessions,
			(SELECT count(*) FROM conference_organisers c WHERE c.organiser_id = o.id AND c.role = 'owner') AS owns
		 FROM organisers o ORDER BY o.created_at`,
		[now]
	);
	return rows.map((row) => ({ ...toOrganiser(row), sessions: row.sessions, owns: row.owns }));
}

export async function updatePasswordHash(q: Pg, id: string, passwordHash: string): Promise<void> {
	await q.query('UPDATE organisers SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
}

export async function setDisabled(q: Pg, id: string, disabledAt: number | null): Promise<void> {
	await q.query('UPDATE organisers SET disabled_at = $1 WHERE id = $2', [disabledAt, id]);
}

export async function deleteOrganiserRow(q: Pg, id: string): Promise<void> {
	await q.query('DELETE FROM organisers WHERE id = $1', [id]);
}

export async function insertOrganiserSession(
	q: Pg,
	tokenHash: string,
	organiserId: string,
	now: number,
	expiresAt: number
): Promise<void> {
	await q.query(
		'INSERT INTO organiser_sessions (token_hash, organiser_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
		[tokenHash, organiserId, now, expiresAt]
	);
}

export async function findOrganiserBySession(
	q: Pg,
	tokenHash: string,
	now: number
): Promise<Organiser | null> {
	const row = await one<OrganiserRow>(
		q,
		`SELECT o.* FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
		 WHERE s.token_hash = $1 AND s.expires_at > $2 AND o.disabled_at IS NULL`,
		[tokenHash, now]
	);
	return row ? toOrganiser(row) : null;
}

export async function deleteOrganiserSession(q: Pg, tokenHash: string): Promise<void> {
	await q.query('DELETE FROM organiser_sessions WHERE token_hash = $1', [tokenHash]);
}

export function deleteSessionsOf(
	q: Pg,
	organiserId: string,
	keepTokenHash: string | null
): Promise<number> {
	return changes(
		q,
		'DELETE FROM organiser_sessions WHERE organiser_id = $1 AND token_hash IS DISTINCT FROM $2',
		[organiserId, keepTokenHash]
	);
}

export async function deleteExpiredOrganiserSessions(q: Pg, now: number): Promise<void> {
	await q.query('DELETE FROM organiser_sessions WHERE expires_at <= $1', [now]);
}

export async function countSessionsOf(q: Pg, organiserId: string, now: number): Promise<number> {
	return (await one<{ n: number }>(
		q,
		'SELECT count(*) AS n FROM organiser_sessions WHERE organiser_id = $1 AND expires_at > $2',
		[organiserId, now]
	))!.n;
}

export async function conferenceTie(
	q: Pg,
	conferenceId: string,
	organiserId: string
): Promise<ConferenceTie | null> {
	const row = await one<{ role: ConferenceTie }>(
		q,
		'SELECT role FROM conference_organisers WHERE conference_id = $1 AND organiser_id = $2',
		[conferenceId, organiserId]
	);
	return row?.role ?? null;
}

export async function listConferenceOrganisers(
	q: Pg,
	conferenceId: string
): Promise<(Organiser & { tie: ConferenceTie })[]> {
	const rows = await all<OrganiserRow & { tie: ConferenceTie }>(
		q,
		`SELECT o.*, c.role AS tie FROM conference_organisers c JOIN organisers o ON o.id = c.organiser_id
		 WHERE c.conference_id = $1 ORDER BY c.role = 'owner' DESC, c.added_at, o.username COLLATE "C"`,
		[conferenceId]
	);
	return rows.map((row) => ({ ...toOrganiser(row), tie: row.tie }));
}

export async function conferenceIdsOf(q: Pg, organiserId: string): Promise<Set<string>> {
	const rows = await all<{ conference_id: string }>(
		q,
		'SELECT conference_id FROM conference_organisers WHERE organiser_id = $1',
		[organiserId]
	);
	return new Set(rows.map((r) => r.conference_id));
}

export async function ownedConferenceIds(q: Pg, organiserId: string): Promise<string[]> {
	const rows = await all<{ conference_id: string }>(
		q,
		"SELECT conference_id FROM conference_organisers WHERE organiser_id = $1 AND role = 'owner'",
		[organiserId]
	);
	return rows.map((r) => r.conference_id);
}

export async function setConferenceTie(
	q: Pg,
	conferenceId: string,
	organiserId: string,
	tie: ConferenceTie,
	now: number
): Promise<void> {
	if (tie === 'owner') {
		await q.query("DELETE FROM conference_organisers WHERE conference_id = $1 AND role = 'owner'", [
			conferenceId
		]);
	}
	await q.query(
		`INSERT INTO conference_organisers (conference_id, organiser_id, role, added_at) VALUES ($1, $2, $3, $4)
		 ON CONFLICT (conference_id, organiser_id) DO UPDATE SET role = excluded.role`,
		[conferenceId, organiserId, tie, now]
	);
}

export async function removeCoOrganiser(
	q: Pg,
	conferenceId: string,
	organiserId: string
): Promise<boolean> {
	return (
		(await changes(
			q,
			"DELETE FROM conference_organisers WHERE conference_id = $1 AND organiser_id = $2 AND role = 'co_organiser'",
			[conferenceId, organiserId]
		)) > 0
	);
}

export async function firstCoOrganiser(
	q: Pg,
	conferenceId: string,
	except: string
): Promise<string | null> {
	const row = await one<{ organiser_id: string }>(
		q,
		`SELECT c.organiser_id FROM conference_organisers c JOIN organisers o ON o.id = c.organiser_id
		 WHERE c.conference_id = $1 AND c.role = 'co_organiser' AND c.organiser_id != $2
		 ORDER BY o.disabled_at IS NOT NULL, c.added_at, o.created_at LIMIT 1`,
		[conferenceId, except]
	);
	return row?.organiser_id ?? null;
}

export async function ownerlessConferenceIds(q: Pg): Promise<string[]> {
	const rows = await all<{ id: string }>(
		q,
		`SELECT id FROM conferences WHERE id NOT IN
		 (SELECT conference_id FROM conference_organisers WHERE role = 'owner')`
	);
	return rows.map((r) => r.id);
}

export async function oldestAdminId(q: Pg): Promise<string | null> {
	const row = await one<{ id: string }>(
		q,
		'SELECT id FROM organisers WHERE admin = 1 AND disabled_at IS NULL ORDER BY created_at LIMIT 1'
	);
	return row?.id ?? null;
}
