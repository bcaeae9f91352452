-- Grouping on the conference core: a seat says where someone sits in a round (in a group, as a
-- member or a leader, or in no group by choice: group_id NULL); no row means unplaced.
CREATE TABLE seats (
	round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	participant_id TEXT NOT NULL REFERENCES conference_participants (id) ON DELETE CASCADE,
	-- the group, or NULL: in no group this round, by choice (an observer)
	group_id TEXT REFERENCES groups (id) ON DELETE CASCADE,
	-- leads the group (never in no group)
	leader INTEGER NOT NULL DEFAULT 0 CHECK (leader = 0 OR group_id IS NOT NULL),
	-- placed by hand: kept when allocation is re-run
	pinned INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (round_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX seats_group ON seats (group_id);

INSERT INTO seats (round_id, participant_id, group_id, leader, pinned)
	SELECT round_id, participant_id, group_id, 0, pinned FROM group_members;

-- Leaders were a list on each group: each becomes a leader's seat in the first group they led
-- in that round (chosen by hand, so pinned), in place of any other seat of theirs there.
INSERT INTO seats (round_id, participant_id, group_id, leader, pinned)
	SELECT g.round_id, l.value, g.id, 1, 1
	FROM groups g, json_each(g.leaders) l
	JOIN rounds r ON r.id = g.round_id
	JOIN conference_participants p ON p.id = l.value AND p.conference_id = r.conference_id
	WHERE g.position = (
		SELECT MIN(g2.position) FROM groups g2, json_each(g2.leaders) l2
		WHERE g2.round_id = g.round_id AND l2.value = l.value
	)
	ON CONFLICT (round_id, participant_id) DO UPDATE
		SET group_id = excluded.group_id, leader = 1, pinned = 1;

DROP TABLE group_members;
ALTER TABLE groups DROP COLUMN leaders;

-- Where each role's people go when the round is allocated (JSON: role id → RolePlacement).
ALTER TABLE rounds ADD COLUMN role_options TEXT NOT NULL DEFAULT '{}';

-- Each round's grouping actions, oldest first, for undoing an organiser's own last one
-- (at most groupingLimits.history per round).
CREATE TABLE grouping_history (
	round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	-- the organiser's account id, or 'system'
	actor TEXT NOT NULL,
	-- the GroupingEntry without its actor (what it touched, its inverse, undone, isUndo)
	entry TEXT NOT NULL,
	PRIMARY KEY (round_id, seq)
) WITHOUT ROWID;
