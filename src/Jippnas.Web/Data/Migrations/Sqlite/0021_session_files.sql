-- A mentoring session's documents (attendance list, materials, photos), kept in the evidence store by SHA-256.
CREATE TABLE "mentoring_session_files" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mentoring_session_files" PRIMARY KEY AUTOINCREMENT,
    "session_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "description" TEXT NULL,
    "uploaded_by" INTEGER NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_mentoring_session_files_mentoring_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "mentoring_sessions" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentoring_session_files_users_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_mentoring_session_files_session_id" ON "mentoring_session_files" ("session_id");
CREATE INDEX "ix_mentoring_session_files_uploaded_by" ON "mentoring_session_files" ("uploaded_by");
