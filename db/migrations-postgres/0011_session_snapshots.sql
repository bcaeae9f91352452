-- A session's snapshot in a table of its own: a command's commit then moves a small sessions
-- row (seq, updated_at) and appends its event, instead of a new version of a row that holds it.
CREATE TABLE session_snapshots (
	session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	state TEXT NOT NULL
);
INSERT INTO session_snapshots (session_id, seq, state)
	SELECT id, snapshot_seq, snapshot FROM sessions;
ALTER TABLE sessions DROP COLUMN snapshot, DROP COLUMN snapshot_seq;
