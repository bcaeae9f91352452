import type { RetentionFacts } from '$lib/domain/retention';
import { sql, type Db } from './database';
import { forgetSessionCommands } from './processed-commands';

/** A conference as automatic deletion sees it. */
export interface ConferenceRetentionFacts extends RetentionFacts {
	id: string;
	/** For the organiser's list and the operator's dry run only; never logged. */
	title: string;
}

/** A stand-alone session as automatic deletion sees it. */
export interface SessionRetentionFacts extends RetentionFacts {
	id: string;
}

/** A row of the conference retention query, as both engines answer it. */
export interface ConferenceRetentionRow {
	id: string;
	title: string;
	last_activity: number;
	postponed_until: number | null;
	kept: number;
}

export const toConferenceRetention = (r: ConferenceRetentionRow): ConferenceRetentionFacts => ({
	id: r.id,
	title: r.title,
	lastActivity: r.last_activity,
	postponedUntil: r.postponed_until,
	kept: r.kept === 1
});

/**
 * Every conference with its last activity: the later of the organiser's last change and the
 * last command in any of its group sessions.
 */
export function listConferenceRetention(db: Db): ConferenceRetentionFacts[] {
	const rows = sql(
		db,
		`SELECT c.id, c.title, max(coalesce(c.last_activity_at, c.created_at),
		   coalesce(max(s.updated_at), 0)) AS last_activity,
		 c.retention_postponed_until AS postponed_until, c.retention_kept AS kept
		 FROM conferences c LEFT JOIN sessions s ON s.conference_id = c.id
		 GROUP BY c.id ORDER BY c.created_at`
	).all() as ConferenceRetentionRow[];
	return rows.map(toConferenceRetention);
}

/** Stand-alone sessions (not in a conference) with their last activity. */
export function listSessionRetention(db: Db): SessionRetentionFacts[] {
	return (
		sql(
			db,
			'SELECT id, updated_at FROM sessions WHERE conference_id IS NULL ORDER BY created_at'
		).all() as { id: string; updated_at: number }[]
	).map((r) => ({ id: r.id, lastActivity: r.updated_at, postponedUntil: null, kept: false }));
}

/** Records an organiser's change as the conference's latest activity. */
export function touchConference(db: Db, id: string, now: number): void {
	sql(
		db,
		'UPDATE conferences SET last_activity_at = max(coalesce(last_activity_at, 0), ?) WHERE id = ?'
	).run(now, id);
}

/** Postpones automatic deletion until `until` (ms); false when there is no such conference. */
export function postponeConferenceDeletion(db: Db, id: string, until: number): boolean {
	return (
		sql(db, 'UPDATE conferences SET retention_postponed_until = ? WHERE id = ?').run(until, id)
			.changes > 0
	);
}

/** Keeps a conference for good (or lets automatic deletion apply again). */
export function setConferenceKept(db: Db, id: string, kept: boolean): boolean {
	return (
		sql(db, 'UPDATE conferences SET retention_kept = ? WHERE id = ?').run(kept ? 1 : 0, id)
			.changes > 0
	);
}

/** Deletes a stand-alone session with its events and stored answers. */
export function deleteStandaloneSession(db: Db, id: string): void {
	sql(db, 'DELETE FROM sessions WHERE id = ? AND conference_id IS NULL').run(id);
	forgetSessionCommands(db, id);
}
