-- The devices a conference participant uses. A name picked from the roster is bound to the
-- device that picked it; a second device asking for it waits for a facilitator or organiser;
-- the badge link binds any device it is opened on. Device cookies and link tokens are stored
-- as SHA-256 hashes only.
CREATE TABLE device_bindings (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	participant_id TEXT NOT NULL REFERENCES conference_participants (id) ON DELETE CASCADE,
	-- hash of the device cookie
	device_hash TEXT NOT NULL,
	-- hash of the device's own link token (/c/d/<token>); null for a device with the badge link
	token_hash TEXT UNIQUE,
	-- how it came: picked from the roster, opened the badge link, or let in by someone
	kind TEXT NOT NULL CHECK (kind IN ('roster', 'badge', 'approved')),
	-- pending: asked for a name in use elsewhere; refused: turned down
	status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'refused')),
	-- what people recognise it by ("Safari · iPhone"), from its User-Agent
	device TEXT NOT NULL DEFAULT '',
	-- four digits shown on the asking phone and beside the request, to let in the right one
	check_code TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	UNIQUE (participant_id, device_hash)
);
CREATE INDEX device_bindings_conference ON device_bindings (conference_id);
