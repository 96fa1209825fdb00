-- The audit log: every write through the application and every sign-in event (Features/Audit). Append-only:
-- triggers refuse to change or delete a line, whoever asks.
CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_log" PRIMARY KEY AUTOINCREMENT,
    "at" INTEGER NOT NULL,
    "user_id" INTEGER NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NULL,
    "ip" TEXT NULL,
    "user_agent" TEXT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL
);
CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at");
CREATE INDEX "ix_audit_log_entity_entity_id" ON "audit_log" ("entity", "entity_id");
CREATE INDEX "ix_audit_log_user_id_at" ON "audit_log" ("user_id", "at");

CREATE TRIGGER "trg_audit_log_no_update" BEFORE UPDATE ON "audit_log"
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER "trg_audit_log_no_delete" BEFORE DELETE ON "audit_log"
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
