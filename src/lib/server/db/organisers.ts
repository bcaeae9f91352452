import { sql, type Db } from './database';

export interface Organiser {
	id: string;
	username: string;
	displayName: string;
}

interface OrganiserRow {
	id: string;
	username: string;
	display_name: string;
	password_hash: string;
}

const toOrganiser = (row: OrganiserRow): Organiser => ({
	id: row.id,
	username: row.username,
	displayName: row.display_name
});

export function countOrganisers(db: Db): number {
	return (sql(db, 'SELECT count(*) AS n FROM organisers').get() as { n: number }).n;
}

export function insertOrganiser(
	db: Db,
	organiser: Organiser,
	passwordHash: string,
	now: number
): void {
	sql(
		db,
		'INSERT INTO organisers (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'
	).run(organiser.id, organiser.username, organiser.displayName, passwordHash, now);
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

export function listOrganisers(db: Db): Organiser[] {
	return (sql(db, 'SELECT * FROM organisers ORDER BY created_at').all() as OrganiserRow[]).map(
		toOrganiser
	);
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

/** The organiser a browser session belongs to, if it has not expired. */
export function findOrganiserBySession(db: Db, tokenHash: string, now: number): Organiser | null {
	const row = sql(
		db,
		`SELECT o.* FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
		 WHERE s.token_hash = ? AND s.expires_at > ?`
	).get(tokenHash, now) as OrganiserRow | undefined;
	return row ? toOrganiser(row) : null;
}

export function deleteOrganiserSession(db: Db, tokenHash: string): void {
	sql(db, 'DELETE FROM organiser_sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteExpiredOrganiserSessions(db: Db, now: number): void {
	sql(db, 'DELETE FROM organiser_sessions WHERE expires_at <= ?').run(now);
}
