-- Automatic deletion counts from the last activity, never from the typed dates.
-- When an organiser last changed the conference (its sessions' activity is sessions.updated_at).
ALTER TABLE conferences ADD COLUMN last_activity_at INTEGER;
-- An organiser postponed automatic deletion until this time (ms).
ALTER TABLE conferences ADD COLUMN retention_postponed_until INTEGER;
-- Kept for good: automatic deletion never deletes it.
ALTER TABLE conferences ADD COLUMN retention_kept INTEGER NOT NULL DEFAULT 0;
UPDATE conferences SET last_activity_at = max(created_at, updated_at);
-- No conference is deleted sooner than fourteen days (of warnings) after this version arrives.
UPDATE conferences
SET retention_postponed_until = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 14 * 86400000;
