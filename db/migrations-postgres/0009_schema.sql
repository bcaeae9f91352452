-- Samråd's schema as SQLite has it after its migrations 0001–0009, in PostgreSQL's types: the
-- number of this file is the schema version it brings, the same as SQLite's. Times are
-- milliseconds (BIGINT); flags are 0/1 and JSON is text, as on SQLite, so that both stores read
-- rows the same way. Text that is sorted or compared by range is COLLATE "C" (byte order, as
-- SQLite compares), whatever locale the database was created with.

-- Installation-wide settings, such as the generated session secret.
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Every processed command by its client-made id, with the answer it got: a repeated id is
-- answered from here and changes nothing (the primary key is the arbiter across processes).
CREATE TABLE processed_commands (
	id TEXT PRIMARY KEY,
	scope TEXT COLLATE "C" NOT NULL,
	name TEXT NOT NULL,
	ack TEXT NOT NULL,
	created_at BIGINT NOT NULL
);
CREATE INDEX processed_commands_scope ON processed_commands (scope);

CREATE TABLE organisers (
	id TEXT PRIMARY KEY,
	username TEXT NOT NULL,
	display_name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	admin INTEGER NOT NULL DEFAULT 0,
	disabled_at BIGINT
);
-- SQLite's COLLATE NOCASE folds ASCII letters only, as lower() does under COLLATE "C".
CREATE UNIQUE INDEX organisers_username ON organisers (lower(username COLLATE "C"));

CREATE TABLE organiser_sessions (
	token_hash TEXT PRIMARY KEY,
	organiser_id TEXT NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX organiser_sessions_organiser ON organiser_sessions (organiser_id);

CREATE TABLE conferences (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	subtitle TEXT NOT NULL DEFAULT '',
	venue TEXT NOT NULL DEFAULT '',
	start_date TEXT COLLATE "C" NOT NULL DEFAULT '',
	end_date TEXT NOT NULL DEFAULT '',
	about TEXT NOT NULL DEFAULT '',
	introduction TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL,
	languages TEXT NOT NULL DEFAULT '[]',
	join_code TEXT NOT NULL UNIQUE,
	plenum_token TEXT NOT NULL UNIQUE,
	current_round_id TEXT,
	notice TEXT NOT NULL DEFAULT '',
	notice_at BIGINT,
	plenum_round_id TEXT,
	plenum_group_id TEXT,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	report_author TEXT NOT NULL DEFAULT '',
	introduction_by TEXT NOT NULL DEFAULT '',
	last_activity_at BIGINT,
	retention_postponed_until BIGINT,
	retention_kept INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programme_items (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	day TEXT COLLATE "C" NOT NULL,
	start_time TEXT COLLATE "C" NOT NULL,
	end_time TEXT COLLATE "C" NOT NULL DEFAULT '',
	title TEXT COLLATE "C" NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('plenary', 'group', 'break', 'social'))
);
CREATE INDEX programme_items_conference ON programme_items (conference_id, day, start_time);

CREATE TABLE roles (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	label TEXT NOT NULL,
	group_label TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (conference_id, id)
);

CREATE TABLE conference_participants (
	id TEXT COLLATE "C" PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	country TEXT NOT NULL,
	role TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	language TEXT NOT NULL,
	coordinator INTEGER NOT NULL DEFAULT 0,
	personal_token TEXT NOT NULL UNIQUE,
	created_at BIGINT NOT NULL,
	role_description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conference_participants_conference ON conference_participants (conference_id);

CREATE TABLE rounds (
	id TEXT COLLATE "C" PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	title TEXT NOT NULL,
	theme TEXT NOT NULL DEFAULT '',
	rule TEXT NOT NULL CHECK (rule IN ('role', 'country', 'mixed', 'manual')),
	max_group_size INTEGER NOT NULL,
	questions TEXT NOT NULL DEFAULT '[]',
	plenum_summary TEXT NOT NULL DEFAULT '',
	started_at BIGINT,
	role_options TEXT NOT NULL DEFAULT '{}',
	instruction TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rounds_conference ON rounds (conference_id, position);

CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	join_code TEXT NOT NULL UNIQUE,
	facilitator_token TEXT NOT NULL UNIQUE,
	screen_token TEXT NOT NULL UNIQUE,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	snapshot TEXT NOT NULL,
	snapshot_seq INTEGER NOT NULL DEFAULT 0,
	seq INTEGER NOT NULL DEFAULT 0,
	conference_id TEXT REFERENCES conferences (id) ON DELETE CASCADE
);
CREATE INDEX sessions_conference ON sessions (conference_id);

-- The primary key is what stops two writers of one session from both committing seq + 1.
CREATE TABLE session_events (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	event TEXT NOT NULL,
	PRIMARY KEY (session_id, seq)
);

CREATE TABLE groups (
	id TEXT PRIMARY KEY,
	round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	descriptor TEXT NOT NULL,
	custom_name TEXT,
	position INTEGER NOT NULL,
	questions TEXT,
	session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
	UNIQUE (round_id, key)
);

CREATE TABLE glossary_entries (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	id TEXT NOT NULL,
	position INTEGER NOT NULL,
	concept TEXT NOT NULL,
	PRIMARY KEY (conference_id, id)
);

CREATE TABLE device_bindings (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	participant_id TEXT NOT NULL REFERENCES conference_participants (id) ON DELETE CASCADE,
	device_hash TEXT NOT NULL,
	token_hash TEXT UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('roster', 'badge', 'approved')),
	status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'refused')),
	device TEXT NOT NULL DEFAULT '',
	check_code TEXT NOT NULL DEFAULT '',
	created_at BIGINT NOT NULL,
	last_seen_at BIGINT NOT NULL,
	-- insertion order (SQLite's rowid), the tie-break of "oldest first"
	inserted BIGINT GENERATED ALWAYS AS IDENTITY,
	UNIQUE (participant_id, device_hash)
);
CREATE INDEX device_bindings_conference ON device_bindings (conference_id);

CREATE TABLE conference_organisers (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	organiser_id TEXT NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('owner', 'co_organiser')),
	added_at BIGINT NOT NULL,
	PRIMARY KEY (conference_id, organiser_id)
);
CREATE UNIQUE INDEX conference_organisers_owner ON conference_organisers (conference_id)
	WHERE role = 'owner';
CREATE INDEX conference_organisers_organiser ON conference_organisers (organiser_id);

CREATE TABLE seats (
	round_id TEXT COLLATE "C" NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	participant_id TEXT COLLATE "C" NOT NULL REFERENCES conference_participants (id) ON DELETE CASCADE,
	group_id TEXT REFERENCES groups (id) ON DELETE CASCADE,
	leader INTEGER NOT NULL DEFAULT 0 CHECK (leader = 0 OR group_id IS NOT NULL),
	pinned INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (round_id, participant_id)
);
CREATE INDEX seats_group ON seats (group_id);

CREATE TABLE grouping_history (
	round_id TEXT COLLATE "C" NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	actor TEXT NOT NULL,
	entry TEXT NOT NULL,
	PRIMARY KEY (round_id, seq)
);
