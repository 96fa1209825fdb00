-- Names curators resolved once for later imports, what each import could not resolve, and duplicate proposals.
CREATE TABLE "name_mappings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_name_mappings" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "written" TEXT NOT NULL,
    "region_code" TEXT NULL,
    "agency_id" INTEGER NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_name_mappings_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_name_mappings_regions_region_code" FOREIGN KEY ("region_code") REFERENCES "regions" ("code") ON DELETE CASCADE
);

CREATE INDEX "ix_name_mappings_agency_id" ON "name_mappings" ("agency_id");
CREATE UNIQUE INDEX "ix_name_mappings_kind_written" ON "name_mappings" ("kind", "written");
CREATE INDEX "ix_name_mappings_region_code" ON "name_mappings" ("region_code");

ALTER TABLE "import_jobs" ADD COLUMN "unresolved" TEXT NULL;
ALTER TABLE "import_jobs" ADD COLUMN "duplicates_proposed" INTEGER NULL;

CREATE TABLE "duplicate_pairs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_duplicate_pairs" PRIMARY KEY AUTOINCREMENT,
    "first_id" INTEGER NOT NULL,
    "second_id" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "reasons" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "found_at" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "kept_id" INTEGER NULL,
    "merge" TEXT NULL,
    CONSTRAINT "fk_duplicate_pairs_innovations_first_id" FOREIGN KEY ("first_id") REFERENCES "innovations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_duplicate_pairs_innovations_second_id" FOREIGN KEY ("second_id") REFERENCES "innovations" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_duplicate_pairs_first_id_second_id" ON "duplicate_pairs" ("first_id", "second_id");
CREATE INDEX "ix_duplicate_pairs_second_id" ON "duplicate_pairs" ("second_id");
CREATE INDEX "ix_duplicate_pairs_state_score" ON "duplicate_pairs" ("state", "score");
