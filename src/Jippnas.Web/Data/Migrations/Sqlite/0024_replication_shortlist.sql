-- A regency/city's shortlist of innovations to replicate (from matching its needs), kept by its mentor or hub.
CREATE TABLE "replication_shortlist" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_replication_shortlist" PRIMARY KEY AUTOINCREMENT,
    "regency_code" TEXT NOT NULL,
    "need_id" INTEGER NULL,
    "innovation_id" INTEGER NOT NULL,
    "note" TEXT NULL,
    "added_by" INTEGER NOT NULL,
    "added_at" TEXT NOT NULL,
    CONSTRAINT "fk_replication_shortlist_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replication_shortlist_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "needs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replication_shortlist_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_replication_shortlist_users_added_by" FOREIGN KEY ("added_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_replication_shortlist_added_by" ON "replication_shortlist" ("added_by");
CREATE INDEX "ix_replication_shortlist_innovation_id" ON "replication_shortlist" ("innovation_id");
CREATE INDEX "ix_replication_shortlist_need_id" ON "replication_shortlist" ("need_id");
CREATE UNIQUE INDEX "ix_replication_shortlist_regency_code_innovation_id" ON "replication_shortlist" ("regency_code", "innovation_id");
