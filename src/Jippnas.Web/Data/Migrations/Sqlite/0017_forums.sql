-- Forums (docs/design/hubs.md): knowledge-transfer and replication forums held province by province, each numbered
-- in its province's series.
CREATE TABLE "forums" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_forums" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "province_code" TEXT NOT NULL,
    "hub_id" INTEGER NULL,
    "series_number" INTEGER NOT NULL,
    "held_on" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "organisers" TEXT NULL,
    "participant_count" INTEGER NOT NULL,
    "participants" TEXT NULL,
    "materials" TEXT NULL,
    "outcomes" TEXT NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_forums_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_forums_regions_province_code" FOREIGN KEY ("province_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_forums_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_forums_created_by" ON "forums" ("created_by");
CREATE INDEX "ix_forums_held_on" ON "forums" ("held_on");
CREATE INDEX "ix_forums_hub_id" ON "forums" ("hub_id");
CREATE UNIQUE INDEX "ix_forums_province_code_kind_series_number" ON "forums" ("province_code", "kind", "series_number");
