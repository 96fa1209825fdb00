-- Imports: each source's column mapping (kept by curators), and the earlier payloads of re-imported records.
CREATE TABLE "import_columns" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_import_columns" PRIMARY KEY AUTOINCREMENT,
    "source_system_id" INTEGER NOT NULL,
    "column_name" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    CONSTRAINT "fk_import_columns_source_systems_source_system_id" FOREIGN KEY ("source_system_id") REFERENCES "source_systems" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_import_columns_source_system_id_column_name" ON "import_columns" ("source_system_id", "column_name");

CREATE TABLE "source_record_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_source_record_versions" PRIMARY KEY AUTOINCREMENT,
    "source_record_id" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "fetched_at" TEXT NOT NULL,
    "replaced_at" TEXT NOT NULL,
    CONSTRAINT "fk_source_record_versions_source_records_source_record_id" FOREIGN KEY ("source_record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_source_record_versions_source_record_id" ON "source_record_versions" ("source_record_id");

CREATE TABLE "import_jobs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_import_jobs" PRIMARY KEY AUTOINCREMENT,
    "source_system_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "stored_name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "save_requested" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "invalid_rows" INTEGER NOT NULL,
    "errors" TEXT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_import_jobs_source_systems_source_system_id" FOREIGN KEY ("source_system_id") REFERENCES "source_systems" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_import_jobs_created_at" ON "import_jobs" ("created_at");
CREATE INDEX "ix_import_jobs_source_system_id" ON "import_jobs" ("source_system_id");
