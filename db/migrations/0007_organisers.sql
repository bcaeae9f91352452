-- Organiser accounts: one administrator runs the installation; accounts can be disabled.
ALTER TABLE organisers ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisers ADD COLUMN disabled_at INTEGER;

CREATE INDEX organiser_sessions_organiser ON organiser_sessions (organiser_id);

-- Who works on a conference: its one owner and the co-organisers it is shared with.
CREATE TABLE conference_organisers (
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	organiser_id TEXT NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('owner', 'co_organiser')),
	added_at INTEGER NOT NULL,
	PRIMARY KEY (conference_id, organiser_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX conference_organisers_owner ON conference_organisers (conference_id)
	WHERE role = 'owner';
CREATE INDEX conference_organisers_organiser ON conference_organisers (organiser_id);

-- Until now every account saw every conference. The oldest account becomes the administrator
-- and the owner of every existing conference; every other account keeps its access as a
-- co-organiser, so nobody loses a conference mid-event (owners can remove them afterwards).
UPDATE organisers SET admin = 1
	WHERE id = (SELECT id FROM organisers ORDER BY created_at, id LIMIT 1);
INSERT INTO conference_organisers (conference_id, organiser_id, role, added_at)
	SELECT c.id, o.id, CASE WHEN o.admin = 1 THEN 'owner' ELSE 'co_organiser' END, c.created_at
	FROM conferences c CROSS JOIN organisers o;
