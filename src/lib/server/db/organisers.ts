import type { ConferenceTie } from '$lib/domain/organiser/permissions';
import { sql, type Db } from './database';

export interface Organiser {
	id: string;
	username: string;
	displayName: string;
	/** Administers the installation's accounts. */
	admin: boolean;
	/** Disabled accounts cannot sign in and have no sessions. */
	disabled: boolean;
}

export interface OrganiserRow {
	id: string;
	username: string;
	display_name: string;
	password_hash: string;
	admin: number;
	disabled_at: number | null;
}

export const toOrganiser = (row: OrganiserRow): Organiser => ({
	id: row.id,
	username: row.username,
	displayName: row.display_name,
	admin: row.admin === 1,
	disabled: row.disabled_at !== null
});

export function countOrganisers(db: Db): number {
	return (sql(db, 'SELECT count(*) AS n FROM organisers').get() as { n: number }).n;
}

export function insertOrganiser(
	db: Db,
	organiser: Pick<Organiser, 'id' | 'username' | 'displayName'> & { admin?: boolean },
	passwordHash: string,
	now: number
): void {
	sql(
		db,
		'INSERT INTO organisers (id, username, display_name, password_hash, created_at, admin) VALUES (?, ?, ?, ?, ?, ?)'
	).run(
		organiser.id,
		organiser.username,
		organiser.displayName,
		passwordHash,
		now,
		organiser.admin ? 1 : 0
	);
}

/** An organiser and their password hash, by user name (case-insensitive). */
export function findOrganiserByUsername(
	db: Db,
	username: string
): { organiser: Organiser; passwordHash: string } | null {
	const row = sql(db, 'SELECT * FROM organisers WHERE username = ?').get(username) as
		OrganiserRow | undefined;
	return row ? { organiser: toOrganiser(row), passwordHash: row.password_hash } : null;
}

export function findOrganiser(db: Db, id: string): Organiser | null {
	const row = sql(db, 'SELECT * FROM organisers WHERE id = ?').get(id) as OrganiserRow | undefined;
	return row ? toOrganiser(row) : null;
}

export function passwordHashOf(db: Db, id: string): string | null {
	const row = sql(db, 'SELECT password_hash FROM organisers WHERE id = ?').get(id) as
		{ password_hash: string } | undefined;
	return row?.password_hash ?? null;
}

export function listOrganisers(db: Db): Organiser[] {
	return (sql(db, 'SELECT * FROM organisers ORDER BY created_at').all() as OrganiserRow[]).map(
		toOrganiser
	);
}

/** Accounts with what the accounts page shows about each: sessions and conferences owned. */
export function listOrganiserSummaries(
	db: Db,
	now: number
): (Organiser & { sessions: number; owns: number })[] {
	const rows = sql(
		db,
		`SELECT o.*,
			(SELECT count(*) FROM organiser_sessions s WHERE s.organiser_id = o.id AND s.expires_at > ?) AS sessions,
			(SELECT count(*) FROM conference_organisers c WHERE c.organiser_id = o.id AND c.role = 'owner') AS owns
		 FROM organisers o ORDER BY o.created_at`
	).all(now) as (OrganiserRow & { sessions: number; owns: number })[];
	return rows.map((row) => ({ ...toOrganiser(row), sessions: row.sessions, owns: row.owns }));
}

export function updatePasswordHash(db: Db, id: string, passwordHash: string): void {
	sql(db, 'UPDATE organisers SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

/** Disables (with the time) or enables an account. */
export function setDisabled(db: Db, id: string, disabledAt: number | null): void {
	sql(db, 'UPDATE organisers SET disabled_at = ? WHERE id = ?').run(disabledAt, id);
}

export function deleteOrganiserRow(db: Db, id: string): void {
	sql(db, 'DELETE FROM organisers WHERE id = ?').run(id);
}

export function insertOrganiserSession(
	db: Db,
	tokenHash: string,
	organiserId: string,
	now: number,
	expiresAt: number
): void {
	sql(
		db,
		'INSERT INTO organiser_sessions (token_hash, organiser_id, created_at, expires_at) VALUES (?, ?, ?, ?)'
	).run(tokenHash, organiserId, now, expiresAt);
}

/** The organiser a browser session belongs to, if it has not expired and the account is enabled. */
export function findOrganiserBySession(db: Db, tokenHash: string, now: number): Organiser | null {
	const row = sql(
		db,
		`SELECT o.* FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
		 WHERE s.token_hash = ? AND s.expires_at > ? AND o.disabled_at IS NULL`
	).get(tokenHash, now) as OrganiserRow | undefined;
	return row ? toOrganiser(row) : null;
}

export function deleteOrganiserSession(db: Db, tokenHash: string): void {
	sql(db, 'DELETE FROM organiser_sessions WHERE token_hash = ?').run(tokenHash);
}

/** Ends every session of an account but one (null: all); returns how many ended. */
export function deleteSessionsOf(
	db: Db,
	organiserId: string,
	keepTokenHash: string | null
): number {
	return sql(
		db,
		'DELETE FROM organiser_sessions WHERE organiser_id = ? AND token_hash IS NOT ?'
	).run(organiserId, keepTokenHash).changes;
}

export function deleteExpiredOrganiserSessions(db: Db, now: number): void {
	sql(db, 'DELETE FROM organiser_sessions WHERE expires_at <= ?').run(now);
}

// --- who works on which conference ----------------------------------------------------------

/** How an account is tied to a conference, if at all. */
export function conferenceTie(
	db: Db,
	conferenceId: string,
	organiserId: string
): ConferenceTie | null {
	const row = sql(
		db,
		'SELECT role FROM conference_organisers WHERE conference_id = ? AND organiser_id = ?'
	).get(conferenceId, organiserId) as { role: ConferenceTie } | undefined;
	return row?.role ?? null;
}

/** The owner and co-organisers of a conference, owner first, then in the order they were added. */
export function listConferenceOrganisers(
	db: Db,
	conferenceId: string
): (Organiser & { tie: ConferenceTie })[] {
	const rows = sql(
		db,
		`SELECT o.*, c.role AS tie FROM conference_organisers c JOIN organisers o ON o.id = c.organiser_id
		 WHERE c.conference_id = ? ORDER BY c.role = 'owner' DESC, c.added_at, o.username`
	).all(conferenceId) as (OrganiserRow & { tie: ConferenceTie })[];
	return rows.map((row) => ({ ...toOrganiser(row), tie: row.tie }));
}

/** Ids of the conferences an account owns or is a co-organiser of. */
export function conferenceIdsOf(db: Db, organiserId: string): Set<string> {
	const rows = sql(
		db,
		'SELECT conference_id FROM conference_organisers WHERE organiser_id = ?'
	).all(organiserId) as { conference_id: string }[];
	return new Set(rows.map((r) => r.conference_id));
}

/** Ids of the conferences an account owns. */
export function ownedConferenceIds(db: Db, organiserId: string): string[] {
	return (
		sql(
			db,
			"SELECT conference_id FROM conference_organisers WHERE organiser_id = ? AND role = 'owner'"
		).all(organiserId) as { conference_id: string }[]
	).map((r) => r.conference_id);
}

/** Ties an account to a conference, or changes its tie; the previous owner, if replaced, goes. */
export function setConferenceTie(
	db: Db,
	conferenceId: string,
	organiserId: string,
	tie: ConferenceTie,
	now: number
): void {
	if (tie === 'owner') {
		sql(db, "DELETE FROM conference_organisers WHERE conference_id = ? AND role = 'owner'").run(
			conferenceId
		);
	}
	sql(
		db,
		`INSERT INTO conference_organisers (conference_id, organiser_id, role, added_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (conference_id, organiser_id) DO UPDATE SET role = excluded.role`
	).run(conferenceId, organiserId, tie, now);
}

/** Removes a co-organiser (never the owner); whether one was removed. */
export function removeCoOrganiser(db: Db, conferenceId: string, organiserId: string): boolean {
	return (
		sql(
			db,
			"DELETE FROM conference_organisers WHERE conference_id = ? AND organiser_id = ? AND role = 'co_organiser'"
		).run(conferenceId, organiserId).changes > 0
	);
}

/** The longest-standing co-organiser of a conference other than `except`, if any. */
export function firstCoOrganiser(db: Db, conferenceId: string, except: string): string | null {
	const row = sql(
		db,
		`SELECT c.organiser_id FROM conference_organisers c JOIN organisers o ON o.id = c.organiser_id
		 WHERE c.conference_id = ? AND c.role = 'co_organiser' AND c.organiser_id != ?
		 ORDER BY o.disabled_at IS NOT NULL, c.added_at, o.created_at LIMIT 1`
	).get(conferenceId, except) as { organiser_id: string } | undefined;
	return row?.organiser_id ?? null;
}

/** Conferences nobody owns (made before the first account existed, or by a script). */
export function ownerlessConferenceIds(db: Db): string[] {
	return (
		sql(
			db,
			`SELECT id FROM conferences WHERE id NOT IN
			 (SELECT conference_id FROM conference_organisers WHERE role = 'owner')`
		).all() as { id: string }[]
	).map((r) => r.id);
}

/** The longest-standing enabled administrator, if any. */
export function oldestAdminId(db: Db): string | null {
	const row = sql(
		db,
		'SELECT id FROM organisers WHERE admin = 1 AND disabled_at IS NULL ORDER BY created_at LIMIT 1'
	).get() as { id: string } | undefined;
	return row?.id ?? null;
}

/** How many unexpired sessions (signed-in browsers) an account has. */
export function countSessionsOf(db: Db, organiserId: string, now: number): number {
	return (
		sql(
			db,
			'SELECT count(*) AS n FROM organiser_sessions WHERE organiser_id = ? AND expires_at > ?'
		).get(organiserId, now) as { n: number }
	).n;
}
