-- A programme item may be a social event (a welcome dinner). SQLite changes a CHECK only by
-- rebuilding the table: a new one with the wider CHECK, every row copied, the old one dropped.
-- Nothing refers to programme_items, and its own foreign key is rebuilt as it was.
CREATE TABLE programme_items_new (
	id TEXT PRIMARY KEY,
	conference_id TEXT NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
	day TEXT NOT NULL,
	start_time TEXT NOT NULL,
	end_time TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('plenary', 'group', 'break', 'social'))
);
INSERT INTO programme_items_new (id, conference_id, day, start_time, end_time, title, kind)
	SELECT id, conference_id, day, start_time, end_time, title, kind FROM programme_items;
DROP TABLE programme_items;
ALTER TABLE programme_items_new RENAME TO programme_items;
CREATE INDEX programme_items_conference ON programme_items (conference_id, day, start_time);

-- A participant's role in their own words ("forsker, prosjektleder").
ALTER TABLE conference_participants ADD COLUMN role_description TEXT NOT NULL DEFAULT '';

-- What a round asks of the groups before its questions ("Ta utgangspunkt i …").
ALTER TABLE rounds ADD COLUMN instruction TEXT NOT NULL DEFAULT '';
