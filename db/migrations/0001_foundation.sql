-- Installation-wide settings, such as the generated session secret.
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- Every processed command by its client-made id, with the answer it got: a repeated id is
-- answered from here and changes nothing.
CREATE TABLE processed_commands (
	id TEXT PRIMARY KEY,
	-- who sent it (session and role); the same id from someone else is a conflict
	scope TEXT NOT NULL,
	name TEXT NOT NULL,
	ack TEXT NOT NULL,
	created_at INTEGER NOT NULL
) WITHOUT ROWID;
