-- Documents of a replication's stages (the owner's agreement, approvals, the regulation), kept in the evidence store.
CREATE TABLE "replication_files" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_replication_files" PRIMARY KEY AUTOINCREMENT,
    "replication_id" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "description" TEXT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_replication_files_replications_replication_id" FOREIGN KEY ("replication_id") REFERENCES "replications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replication_files_users_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_replication_files_replication_id_stage" ON "replication_files" ("replication_id", "stage");
CREATE INDEX "ix_replication_files_uploaded_by" ON "replication_files" ("uploaded_by");
