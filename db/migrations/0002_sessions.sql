-- A group's NGT session: one run per question. State is the fold of its events over the
-- latest snapshot.
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	join_code TEXT NOT NULL UNIQUE,
	facilitator_token TEXT NOT NULL UNIQUE,
	screen_token TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	-- state as of snapshot_seq (JSON)
	snapshot TEXT NOT NULL,
	snapshot_seq INTEGER NOT NULL DEFAULT 0,
	-- last applied event
	seq INTEGER NOT NULL DEFAULT 0
);

-- Accepted commands of a session, in order: {command, actor, at}. Replayed over the snapshot.
CREATE TABLE session_events (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	event TEXT NOT NULL,
	PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE INDEX processed_commands_scope ON processed_commands (scope);
