-- A revision in progress remembers the published record's version and values it began from, so publishing it
-- never overwrites unseen a change made to the published record meanwhile (docs/design/accounts.md).
-- Revisions already in progress begin from the record as it is now.
ALTER TABLE innovations ADD COLUMN revision_base_version integer;
ALTER TABLE innovations ADD COLUMN revision_base text;
UPDATE innovations AS r SET revision_base_version = o.version FROM innovations AS o WHERE o.id = r.revision_of_id;
