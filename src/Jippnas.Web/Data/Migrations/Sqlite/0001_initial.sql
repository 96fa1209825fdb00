-- 0001 initial schema of the JIPPNas knowledge base (SQLite).
-- Tables as EF Core derives them from the model (dotnet run -- schema-script), then the tally triggers.

CREATE TABLE "award_kinds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_award_kinds" PRIMARY KEY AUTOINCREMENT,
    "weight" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "competition_categories" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_competition_categories" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "regions" (
    "code" TEXT NOT NULL CONSTRAINT "pk_regions" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parent_code" TEXT NULL,
    CONSTRAINT "fk_regions_regions_parent_code" FOREIGN KEY ("parent_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);


CREATE TABLE "sdgs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sdgs" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "sectors" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sectors" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "source_systems" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_source_systems" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "tallies" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_tallies" PRIMARY KEY ("dimension", "key")
);


CREATE TABLE "agencies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agencies" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "acronym" TEXT NULL,
    "kind" INTEGER NOT NULL,
    "region_code" TEXT NULL,
    "parent_id" INTEGER NULL,
    CONSTRAINT "fk_agencies_agencies_parent_id" FOREIGN KEY ("parent_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_agencies_regions_region_code" FOREIGN KEY ("region_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);


CREATE TABLE "hubs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hubs" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "province_code" TEXT NULL,
    "agency_id" INTEGER NULL,
    "status" INTEGER NOT NULL,
    CONSTRAINT "fk_hubs_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hubs_regions_province_code" FOREIGN KEY ("province_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);


CREATE TABLE "innovations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_innovations" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "acronym" TEXT NULL,
    "agency_id" INTEGER NULL,
    "unit_name" TEXT NULL,
    "province_code" TEXT NULL,
    "regency_code" TEXT NULL,
    "year_started" INTEGER NULL,
    "phase" INTEGER NULL,
    "status" INTEGER NOT NULL,
    "status_reason" TEXT NULL,
    "status_confirmed_on" TEXT NULL,
    "sector_id" INTEGER NULL,
    "is_digital" INTEGER NULL,
    "summary" TEXT NULL,
    "problem" TEXT NULL,
    "aims" TEXT NULL,
    "novelty" TEXT NULL,
    "implementation" TEXT NULL,
    "impact" TEXT NULL,
    "adaptability" TEXT NULL,
    "resources" TEXT NULL,
    "sustainability" TEXT NULL,
    "video_url" TEXT NULL,
    "application_url" TEXT NULL,
    "contact_name" TEXT NULL,
    "contact_email" TEXT NULL,
    "contact_phone" TEXT NULL,
    "provenance" INTEGER NOT NULL,
    "provenance_note" TEXT NULL,
    "is_published" INTEGER NOT NULL,
    "award_count" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_innovations_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_innovations_regions_province_code" FOREIGN KEY ("province_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_innovations_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_innovations_sectors_sector_id" FOREIGN KEY ("sector_id") REFERENCES "sectors" ("id") ON DELETE RESTRICT
);


CREATE TABLE "hub_designations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hub_designations" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "decree_number" TEXT NULL,
    "decree_title" TEXT NULL,
    "decree_date" TEXT NULL,
    "source_note" TEXT NULL,
    CONSTRAINT "fk_hub_designations_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT
);


CREATE TABLE "awards" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_awards" PRIMARY KEY AUTOINCREMENT,
    "innovation_id" INTEGER NOT NULL,
    "award_kind_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "decree_number" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_awards_award_kinds_award_kind_id" FOREIGN KEY ("award_kind_id") REFERENCES "award_kinds" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_awards_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE
);


CREATE TABLE "innovation_sdgs" (
    "innovation_id" INTEGER NOT NULL,
    "sdg_id" INTEGER NOT NULL,
    CONSTRAINT "pk_innovation_sdgs" PRIMARY KEY ("innovation_id", "sdg_id"),
    CONSTRAINT "fk_innovation_sdgs_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_innovation_sdgs_sdgs_sdg_id" FOREIGN KEY ("sdg_id") REFERENCES "sdgs" ("id") ON DELETE RESTRICT
);


CREATE TABLE "outcome_indicators" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outcome_indicators" PRIMARY KEY AUTOINCREMENT,
    "innovation_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "period" TEXT NULL,
    CONSTRAINT "fk_outcome_indicators_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE
);


CREATE TABLE "source_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_source_records" PRIMARY KEY AUTOINCREMENT,
    "source_system_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "innovation_id" INTEGER NULL,
    "payload" TEXT NOT NULL,
    "fetched_at" TEXT NOT NULL,
    "match_status" INTEGER NOT NULL,
    CONSTRAINT "fk_source_records_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_source_records_source_systems_source_system_id" FOREIGN KEY ("source_system_id") REFERENCES "source_systems" ("id") ON DELETE RESTRICT
);


CREATE TABLE "status_checks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_status_checks" PRIMARY KEY AUTOINCREMENT,
    "innovation_id" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "checked_on" TEXT NOT NULL,
    "reason" TEXT NULL,
    "checked_by" TEXT NULL,
    CONSTRAINT "fk_status_checks_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_agencies_parent_id" ON "agencies" ("parent_id");


CREATE INDEX "ix_agencies_region_code_name" ON "agencies" ("region_code", "name");


CREATE UNIQUE INDEX "ix_award_kinds_code" ON "award_kinds" ("code");


CREATE INDEX "ix_awards_award_kind_id" ON "awards" ("award_kind_id");


CREATE UNIQUE INDEX "ix_awards_innovation_id_award_kind_id_year" ON "awards" ("innovation_id", "award_kind_id", "year");


CREATE UNIQUE INDEX "ix_competition_categories_code" ON "competition_categories" ("code");


CREATE INDEX "ix_hub_designations_hub_id_year" ON "hub_designations" ("hub_id", "year");


CREATE INDEX "ix_hubs_agency_id" ON "hubs" ("agency_id");


CREATE UNIQUE INDEX "ix_hubs_province_code" ON "hubs" ("province_code");


CREATE INDEX "ix_innovation_sdgs_sdg_id" ON "innovation_sdgs" ("sdg_id");


CREATE INDEX "ix_innovations_agency_id" ON "innovations" ("agency_id");


CREATE INDEX "ix_innovations_filter" ON "innovations" ("is_published", "province_code", "sector_id", "year_started", "phase", "status", "regency_code");


CREATE INDEX "ix_innovations_province_code_id" ON "innovations" ("province_code", "id");


CREATE INDEX "ix_innovations_regency_code_id" ON "innovations" ("regency_code", "id");


CREATE INDEX "ix_innovations_sector_id_id" ON "innovations" ("sector_id", "id");


CREATE INDEX "ix_innovations_year_started_id" ON "innovations" ("year_started", "id");


CREATE INDEX "ix_outcome_indicators_innovation_id" ON "outcome_indicators" ("innovation_id");


CREATE INDEX "ix_regions_parent_code_name" ON "regions" ("parent_code", "name");


CREATE UNIQUE INDEX "ix_sdgs_code" ON "sdgs" ("code");


CREATE UNIQUE INDEX "ix_sectors_code" ON "sectors" ("code");


CREATE INDEX "ix_source_records_innovation_id" ON "source_records" ("innovation_id");


CREATE UNIQUE INDEX "ix_source_records_source_system_id_external_id" ON "source_records" ("source_system_id", "external_id");


CREATE UNIQUE INDEX "ix_source_systems_code" ON "source_systems" ("code");


CREATE INDEX "ix_status_checks_innovation_id_checked_on" ON "status_checks" ("innovation_id", "checked_on");




-- Tallies: counts of published innovations per dimension, kept by triggers so headline figures and
-- single-filter counts never scan the innovations table. The update trigger removes the old row's
-- contribution and adds the new one; SQLite has no FOR EACH STATEMENT, so this is per row.
CREATE TRIGGER "trg_innovations_tally_insert" AFTER INSERT ON "innovations" WHEN NEW."is_published" = 1
BEGIN
    INSERT INTO "tallies" ("dimension", "key", "count")
    SELECT d, k, 1 FROM (
        SELECT 'total' AS d, 'all' AS k
        UNION ALL SELECT 'province', COALESCE(NEW."province_code", '-')
        UNION ALL SELECT 'regency', COALESCE(NEW."regency_code", '-')
        UNION ALL SELECT 'sector', COALESCE(CAST(NEW."sector_id" AS TEXT), '-')
        UNION ALL SELECT 'year', COALESCE(CAST(NEW."year_started" AS TEXT), '-')
        UNION ALL SELECT 'phase', COALESCE(CAST(NEW."phase" AS TEXT), '-')
        UNION ALL SELECT 'status', CAST(NEW."status" AS TEXT)
    ) WHERE 1
    ON CONFLICT ("dimension", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "trg_innovations_tally_delete" AFTER DELETE ON "innovations" WHEN OLD."is_published" = 1
BEGIN
    INSERT INTO "tallies" ("dimension", "key", "count")
    SELECT d, k, -1 FROM (
        SELECT 'total' AS d, 'all' AS k
        UNION ALL SELECT 'province', COALESCE(OLD."province_code", '-')
        UNION ALL SELECT 'regency', COALESCE(OLD."regency_code", '-')
        UNION ALL SELECT 'sector', COALESCE(CAST(OLD."sector_id" AS TEXT), '-')
        UNION ALL SELECT 'year', COALESCE(CAST(OLD."year_started" AS TEXT), '-')
        UNION ALL SELECT 'phase', COALESCE(CAST(OLD."phase" AS TEXT), '-')
        UNION ALL SELECT 'status', CAST(OLD."status" AS TEXT)
    ) WHERE 1
    ON CONFLICT ("dimension", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "trg_innovations_tally_update"
AFTER UPDATE OF "is_published", "province_code", "regency_code", "sector_id", "year_started", "phase", "status" ON "innovations"
BEGIN
    INSERT INTO "tallies" ("dimension", "key", "count")
    SELECT d, k, -1 FROM (
        SELECT 'total' AS d, 'all' AS k
        UNION ALL SELECT 'province', COALESCE(OLD."province_code", '-')
        UNION ALL SELECT 'regency', COALESCE(OLD."regency_code", '-')
        UNION ALL SELECT 'sector', COALESCE(CAST(OLD."sector_id" AS TEXT), '-')
        UNION ALL SELECT 'year', COALESCE(CAST(OLD."year_started" AS TEXT), '-')
        UNION ALL SELECT 'phase', COALESCE(CAST(OLD."phase" AS TEXT), '-')
        UNION ALL SELECT 'status', CAST(OLD."status" AS TEXT)
    ) WHERE OLD."is_published" = 1
    ON CONFLICT ("dimension", "key") DO UPDATE SET "count" = "count" + excluded."count";
    INSERT INTO "tallies" ("dimension", "key", "count")
    SELECT d, k, 1 FROM (
        SELECT 'total' AS d, 'all' AS k
        UNION ALL SELECT 'province', COALESCE(NEW."province_code", '-')
        UNION ALL SELECT 'regency', COALESCE(NEW."regency_code", '-')
        UNION ALL SELECT 'sector', COALESCE(CAST(NEW."sector_id" AS TEXT), '-')
        UNION ALL SELECT 'year', COALESCE(CAST(NEW."year_started" AS TEXT), '-')
        UNION ALL SELECT 'phase', COALESCE(CAST(NEW."phase" AS TEXT), '-')
        UNION ALL SELECT 'status', CAST(NEW."status" AS TEXT)
    ) WHERE NEW."is_published" = 1
    ON CONFLICT ("dimension", "key") DO UPDATE SET "count" = "count" + excluded."count";
END;
