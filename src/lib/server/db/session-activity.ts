import { sql, type Db } from './database';

/** When a session last changed (ms), or null if there is no such session. */
export function lastActivity(db: Db, sessionId: string): number | null {
	const row = sql(db, 'SELECT updated_at FROM sessions WHERE id = ?').get(sessionId) as
		{ updated_at: number } | undefined;
	return row?.updated_at ?? null;
}
