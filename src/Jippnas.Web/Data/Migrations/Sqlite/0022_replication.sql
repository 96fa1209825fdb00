-- Replication (docs/design/replication.md): replications and their stage dates, study visits, action plans with
-- their activities (budget lines) and review comments; innovations keep how often they were replicated.
ALTER TABLE "innovations" ADD COLUMN "replication_count" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "replications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_replications" PRIMARY KEY AUTOINCREMENT,
    "origin_id" INTEGER NOT NULL,
    "replica_id" INTEGER NULL,
    "agency_id" INTEGER NOT NULL,
    "regency_code" TEXT NOT NULL,
    "hub_id" INTEGER NULL,
    "mentor_id" INTEGER NULL,
    "need_id" INTEGER NULL,
    "adaptation" INTEGER NOT NULL,
    "adaptation_note" TEXT NULL,
    "stage" INTEGER NOT NULL,
    "stage_note" TEXT NULL,
    "regulation_number" TEXT NULL,
    "regulation_date" TEXT NULL,
    "parent_id" INTEGER NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_replications_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_innovations_origin_id" FOREIGN KEY ("origin_id") REFERENCES "innovations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_innovations_replica_id" FOREIGN KEY ("replica_id") REFERENCES "innovations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "needs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_replications_parent_id" FOREIGN KEY ("parent_id") REFERENCES "replications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_replications_users_mentor_id" FOREIGN KEY ("mentor_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "action_plans" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_action_plans" PRIMARY KEY AUTOINCREMENT,
    "replication_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by" INTEGER NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_action_plans_replications_replication_id" FOREIGN KEY ("replication_id") REFERENCES "replications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_action_plans_users_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "replication_stages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_replication_stages" PRIMARY KEY AUTOINCREMENT,
    "replication_id" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "planned_on" TEXT NULL,
    "actual_on" TEXT NULL,
    "note" TEXT NULL,
    "recorded_by" INTEGER NULL,
    CONSTRAINT "fk_replication_stages_replications_replication_id" FOREIGN KEY ("replication_id") REFERENCES "replications" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_replication_stages_users_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "study_visits" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_study_visits" PRIMARY KEY AUTOINCREMENT,
    "replication_id" INTEGER NOT NULL,
    "visited_on" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "participant_count" INTEGER NOT NULL,
    "participants" TEXT NULL,
    "agenda" TEXT NULL,
    "findings" TEXT NULL,
    "cost" TEXT NULL,
    "recorded_by" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_study_visits_replications_replication_id" FOREIGN KEY ("replication_id") REFERENCES "replications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_study_visits_users_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "action_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_action_items" PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "activity" TEXT NOT NULL,
    "unit" TEXT NULL,
    "starts_on" TEXT NULL,
    "ends_on" TEXT NULL,
    "output" TEXT NULL,
    "amount" TEXT NULL,
    "source" INTEGER NULL,
    "fiscal_year" INTEGER NULL,
    "status" INTEGER NOT NULL,
    "evidence" TEXT NULL,
    CONSTRAINT "ck_action_items_amount" CHECK (amount IS NULL OR amount >= 0),
    CONSTRAINT "fk_action_items_action_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "action_plans" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_plan_comments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_action_plan_comments" PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "fk_action_plan_comments_action_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "action_plans" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_plan_comments_users_author_id" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_action_items_plan_id_ordinal" ON "action_items" ("plan_id", "ordinal");
CREATE INDEX "ix_action_items_source_fiscal_year" ON "action_items" ("source", "fiscal_year");
CREATE INDEX "ix_action_plan_comments_author_id" ON "action_plan_comments" ("author_id");
CREATE INDEX "ix_action_plan_comments_plan_id" ON "action_plan_comments" ("plan_id");
CREATE UNIQUE INDEX "ix_action_plans_replication_id" ON "action_plans" ("replication_id");
CREATE INDEX "ix_action_plans_updated_by" ON "action_plans" ("updated_by");
CREATE INDEX "ix_replication_stages_recorded_by" ON "replication_stages" ("recorded_by");
CREATE UNIQUE INDEX "ix_replication_stages_replication_id_stage" ON "replication_stages" ("replication_id", "stage");
CREATE INDEX "ix_replications_agency_id_origin_id" ON "replications" ("agency_id", "origin_id");
CREATE INDEX "ix_replications_created_by" ON "replications" ("created_by");
CREATE INDEX "ix_replications_hub_id_stage" ON "replications" ("hub_id", "stage");
CREATE INDEX "ix_replications_mentor_id" ON "replications" ("mentor_id");
CREATE INDEX "ix_replications_need_id" ON "replications" ("need_id");
CREATE INDEX "ix_replications_origin_id_stage" ON "replications" ("origin_id", "stage");
CREATE INDEX "ix_replications_parent_id" ON "replications" ("parent_id");
CREATE INDEX "ix_replications_regency_code" ON "replications" ("regency_code");
CREATE UNIQUE INDEX "ix_replications_replica_id" ON "replications" ("replica_id");
CREATE INDEX "ix_study_visits_recorded_by" ON "study_visits" ("recorded_by");
CREATE INDEX "ix_study_visits_replication_id" ON "study_visits" ("replication_id");
