-- A revision in progress remembers the published record's version and values it began from, so publishing it
-- never overwrites unseen a change made to the published record meanwhile (docs/design/accounts.md).
-- Revisions already in progress begin from the record as it is now.
ALTER TABLE "innovations" ADD COLUMN "revision_base_version" INTEGER NULL;
ALTER TABLE "innovations" ADD COLUMN "revision_base" TEXT NULL;
UPDATE "innovations" SET "revision_base_version" = (SELECT o."version" FROM "innovations" AS o WHERE o."id" = "innovations"."revision_of_id")
WHERE "revision_of_id" IS NOT NULL;
