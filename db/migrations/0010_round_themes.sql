-- Each round's perspective map as the organiser confirmed, renamed, merged or split it: what the
-- plenum walks through theme by theme and the report's "Across the groups" chapter reads.
CREATE TABLE round_themes (
	round_id TEXT PRIMARY KEY REFERENCES rounds (id) ON DELETE CASCADE,
	-- the themes as JSON: [{ id, heading, entries: [{ groupId, itemId, rank, points }] }]
	themes TEXT NOT NULL,
	-- when the organiser confirmed them; NULL while they are still being worked on
	confirmed_at INTEGER,
	-- the theme the plenum screen presents; NULL for none
	presenting TEXT,
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;
