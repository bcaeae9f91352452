-- A session's snapshot in a table of its own: a command's commit then moves a small sessions
-- row (seq, updated_at) and appends its event, instead of rewriting the whole snapshot with it.
CREATE TABLE session_snapshots (
	session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	-- the last event the state includes
	seq INTEGER NOT NULL,
	-- the session's state as of seq (JSON)
	state TEXT NOT NULL
);
INSERT INTO session_snapshots (session_id, seq, state)
	SELECT id, snapshot_seq, snapshot FROM sessions;
-- Dropping rewrites the table; secure_delete zeroes the pages the old snapshots were on.
ALTER TABLE sessions DROP COLUMN snapshot;
ALTER TABLE sessions DROP COLUMN snapshot_seq;
