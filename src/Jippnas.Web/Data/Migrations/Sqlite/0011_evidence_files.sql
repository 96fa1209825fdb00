-- Evidence files attached to innovations (Features/Evidence): type from the content, SHA-256, who and when.
CREATE TABLE "evidence_files" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_evidence_files" PRIMARY KEY AUTOINCREMENT,
    "innovation_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "description" TEXT NULL,
    "is_public" INTEGER NOT NULL,
    "uploaded_by" INTEGER NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_evidence_files_innovations_innovation_id" FOREIGN KEY ("innovation_id") REFERENCES "innovations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_evidence_files_users_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_evidence_files_innovation_id" ON "evidence_files" ("innovation_id");
CREATE INDEX "ix_evidence_files_uploaded_by" ON "evidence_files" ("uploaded_by");
