-- Organisers: people who set up conferences. Passwords are scrypt hashes.
CREATE TABLE organisers (
	id TEXT PRIMARY KEY,
	username TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

-- Signed-in organiser browsers; the cookie holds the token, the table its SHA-256.
CREATE TABLE organiser_sessions (
	token_hash TEXT PRIMARY KEY,
	organiser_id TEXT NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE conferences (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	subtitle TEXT NOT NULL DEFAULT '',
	venue TEXT NOT NULL DEFAULT '',
	start_date TEXT NOT NULL DEFAULT '',
	end_date TEXT NOT NULL DEFAULT '',
	about TEXT NOT NULL DEFAULT '',
	introduction TEXT NOT NULL DEFAULT '',
	-- language of screens and the report
	language TEXT NOT NULL,
	-- languages participants use (JSON array)
	languages TEXT NOT NULL DEFAULT '[]',
	-- participants pick their name from the roster with this code
	join_code TEXT NOT NULL UNIQUE,
	-- the plenum screen's secret link
	plenum_token TEXT NOT NULL UNIQUE,
	current_round_id TEXT,
	-- message to every screen and phone ("back in plenum at 13:30")
	notice TEXT NOT NULL DEFAULT '',
	notice_at INTEGER,
	-- which group the plenum screen presents (null: overview of the round)
	plenum_round_id TEXT,
	plenum_group_id TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE programme_items (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	day TEXT NOT NULL,
	start_time TEXT NOT NULL,
	end_time TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('plenary', 'group', 'break'))
);
CREATE INDEX programme_items_conference ON programme_items (conference_id, day, start_time);

-- The organiser's roles: renames of default roles and roles of their own (JSON labels per
-- language); the defaults themselves live in code.
CREATE TABLE roles (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	label TEXT NOT NULL,
	group_label TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (conference_id, id)
) WITHOUT ROWID;

CREATE TABLE conference_participants (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	country TEXT NOT NULL,
	role TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL,
	coordinator INTEGER NOT NULL DEFAULT 0,
	-- personal join link / badge QR
	personal_token TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL
);
CREATE INDEX conference_participants_conference ON conference_participants (conference_id);

CREATE TABLE rounds (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	title TEXT NOT NULL,
	theme TEXT NOT NULL DEFAULT '',
	rule TEXT NOT NULL CHECK (rule IN ('role', 'country', 'mixed', 'manual')),
	max_group_size INTEGER NOT NULL,
	-- questions every group of the round gets unless it has its own (JSON array of text)
	questions TEXT NOT NULL DEFAULT '[]',
	plenum_summary TEXT NOT NULL DEFAULT '',
	started_at INTEGER
);
CREATE INDEX rounds_conference ON rounds (conference_id, position);

CREATE TABLE groups (
	id TEXT PRIMARY KEY,
	round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	-- allocation key (stable across re-runs)
	key TEXT NOT NULL,
	-- how to name it in any language (JSON GroupDescriptor)
	descriptor TEXT NOT NULL,
	-- the organiser's own name, if renamed
	custom_name TEXT,
	position INTEGER NOT NULL,
	-- own questions (JSON array) or null for the round's
	questions TEXT,
	-- leaders (JSON array of participant ids)
	leaders TEXT NOT NULL DEFAULT '[]',
	session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
	UNIQUE (round_id, key)
);

CREATE TABLE group_members (
	round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	participant_id TEXT NOT NULL REFERENCES conference_participants (id) ON DELETE CASCADE,
	group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
	-- placed by hand: kept when allocation is re-run
	pinned INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (round_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX group_members_group ON group_members (group_id);

-- Glossary ("Språkhjelp"): one concept per row (JSON: terms and explanations per language).
CREATE TABLE glossary_entries (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	position INTEGER NOT NULL,
	concept TEXT NOT NULL,
	PRIMARY KEY (conference_id, id)
) WITHOUT ROWID;

-- A session may belong to a conference group.
ALTER TABLE sessions ADD COLUMN conference_id TEXT REFERENCES conferences (id) ON DELETE CASCADE;
CREATE INDEX sessions_conference ON sessions (conference_id);
