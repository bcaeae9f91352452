-- The report's sign-off, per conference: the organisation or project printed above the title,
-- who signs the report, and who gave the introduction ('' leaves the line out of the report).
ALTER TABLE conferences ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE conferences ADD COLUMN report_author TEXT NOT NULL DEFAULT '';
ALTER TABLE conferences ADD COLUMN introduction_by TEXT NOT NULL DEFAULT '';
