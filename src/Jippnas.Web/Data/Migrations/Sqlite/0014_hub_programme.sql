-- The Hub JIPP programme (docs/design/hubs.md): a candidate's assessment against the four criteria and its
-- decision, who recorded a designation and when it ended, and the six milestones of a hub's programme year.

CREATE TABLE "hub_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hub_assessments" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "decision" INTEGER NOT NULL,
    "decision_note" TEXT NULL,
    "decided_by" INTEGER NULL,
    "decided_at" TEXT NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_hub_assessments_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hub_assessments_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hub_assessments_users_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "hub_assessment_scores" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hub_assessment_scores" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NOT NULL,
    "criterion" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT NULL,
    "notes" TEXT NULL,
    CONSTRAINT "ck_hub_assessment_scores_score" CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT "fk_hub_assessment_scores_hub_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "hub_assessments" ("id") ON DELETE CASCADE
);

CREATE TABLE "hub_milestones" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hub_milestones" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "planned_start" TEXT NULL,
    "planned_end" TEXT NULL,
    "actual_start" TEXT NULL,
    "actual_end" TEXT NULL,
    "status" INTEGER NOT NULL,
    "evidence" TEXT NULL,
    "updated_by" INTEGER NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_hub_milestones_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hub_milestones_users_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

ALTER TABLE "hub_designations" ADD COLUMN "assessment_id" INTEGER NULL REFERENCES "hub_assessments" ("id") ON DELETE RESTRICT;
ALTER TABLE "hub_designations" ADD COLUMN "recorded_by" INTEGER NULL REFERENCES "users" ("id") ON DELETE RESTRICT;
ALTER TABLE "hub_designations" ADD COLUMN "recorded_at" TEXT NULL;
ALTER TABLE "hub_designations" ADD COLUMN "ended_on" TEXT NULL;
ALTER TABLE "hub_designations" ADD COLUMN "end_note" TEXT NULL;

CREATE UNIQUE INDEX "ix_hub_assessment_scores_assessment_id_criterion" ON "hub_assessment_scores" ("assessment_id", "criterion");
CREATE INDEX "ix_hub_assessments_created_by" ON "hub_assessments" ("created_by");
CREATE INDEX "ix_hub_assessments_decided_by" ON "hub_assessments" ("decided_by");
CREATE INDEX "ix_hub_assessments_hub_id" ON "hub_assessments" ("hub_id");
CREATE UNIQUE INDEX "ix_hub_designations_assessment_id" ON "hub_designations" ("assessment_id");
CREATE INDEX "ix_hub_designations_recorded_by" ON "hub_designations" ("recorded_by");
CREATE UNIQUE INDEX "ix_hub_milestones_hub_id_year_kind" ON "hub_milestones" ("hub_id", "year", "kind");
CREATE INDEX "ix_hub_milestones_updated_by" ON "hub_milestones" ("updated_by");
