-- The editorial workflow (docs/design/accounts.md): each innovation's state, a version for optimistic
-- concurrency, the published record a revision in progress will replace, and every change kept as a revision.
-- Imported and existing records are published editions at version 1.
ALTER TABLE "innovations" ADD COLUMN "editorial_state" INTEGER NOT NULL DEFAULT 4;
ALTER TABLE "innovations" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "innovations" ADD COLUMN "revision_of_id" INTEGER NULL REFERENCES "innovations" ("id") ON DELETE CASCADE;
ALTER TABLE "innovations" ADD COLUMN "editorial_note" TEXT NULL;
ALTER TABLE "innovations" ADD COLUMN "created_by" INTEGER NULL REFERENCES "users" ("id") ON DELETE RESTRICT;

CREATE INDEX "ix_innovations_created_by" ON "innovations" ("created_by");
CREATE INDEX "ix_innovations_editorial_state_province_code" ON "innovations" ("editorial_state", "province_code");
CREATE UNIQUE INDEX "ix_innovations_revision_of_id" ON "innovations" ("revision_of_id");

CREATE TABLE "innovation_revisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_innovation_revisions" PRIMARY KEY AUTOINCREMENT,
    "innovation_id" INTEGER NOT NULL,
    "edition_id" INTEGER NULL,
    "number" INTEGER NOT NULL,
    "user_id" INTEGER NULL,
    "at" TEXT NOT NULL,
    "action" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "comment" TEXT NULL,
    "changes" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    CONSTRAINT "fk_innovation_revisions_innovations_edition_id" FOREIGN KEY ("edition_id") REFERENCES "innovations" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_innovation_revisions_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_innovation_revisions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_innovation_revisions_edition_id" ON "innovation_revisions" ("edition_id");
CREATE UNIQUE INDEX "ix_innovation_revisions_innovation_id_number" ON "innovation_revisions" ("innovation_id", "number");
CREATE INDEX "ix_innovation_revisions_user_id" ON "innovation_revisions" ("user_id");
