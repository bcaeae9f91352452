import type { App } from './app';
import { joinCodeLifetimeMs, lastActivity } from './db/session-activity';
import type { LoadedSession } from './sessions';

/**
 * The session a join code opens: a conference group's session always, a stand-alone
 * session's while it is in use (its code expires after two weeks without activity).
 */
export function sessionForCode(
	app: App,
	code: string,
	now: number = Date.now()
): LoadedSession | null {
	const session = app.sessions.byCode(code);
	if (!session) return null;
	if (session.access.conferenceId) return session;
	const last = lastActivity(app.db, session.access.id);
	return last !== null && now - last < joinCodeLifetimeMs ? session : null;
}

/** Seconds to wait when this address has tried too many unknown codes; null when it may try. */
export function joinAttemptsBlocked(app: App, address: string): number | null {
	const state = app.limiters.failedJoins.blocked(address);
	return state.blocked ? Math.max(1, Math.ceil(state.retryAfterMs / 1000)) : null;
}

/** Counts an attempt with an unknown or expired code against the address. */
export function recordFailedJoin(app: App, address: string): void {
	app.limiters.failedJoins.take(address);
}
