-- Mentoring and needs (docs/design/hubs.md): the network's members and their roles in hubs, mentors assigned to a
-- hub and some of its regencies/cities for a period, mentoring stages and sessions, and each regency/city's
-- innovation needs with their indicators.
CREATE TABLE "network_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_network_members" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "province_code" TEXT NULL,
    "website" TEXT NULL,
    "description" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_network_members_regions_province_code" FOREIGN KEY ("province_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);

CREATE TABLE "hub_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hub_members" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "since_year" INTEGER NOT NULL,
    "until_year" INTEGER NULL,
    CONSTRAINT "fk_hub_members_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_hub_members_network_members_member_id" FOREIGN KEY ("member_id") REFERENCES "network_members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mentor_assignments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mentor_assignments" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "hub_id" INTEGER NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "assigned_by" INTEGER NOT NULL,
    "assigned_at" TEXT NOT NULL,
    CONSTRAINT "fk_mentor_assignments_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentor_assignments_network_members_member_id" FOREIGN KEY ("member_id") REFERENCES "network_members" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentor_assignments_users_assigned_by" FOREIGN KEY ("assigned_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentor_assignments_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mentor_assignment_regions" (
    "assignment_id" INTEGER NOT NULL,
    "regency_code" TEXT NOT NULL,
    CONSTRAINT "pk_mentor_assignment_regions" PRIMARY KEY ("assignment_id", "regency_code"),
    CONSTRAINT "fk_mentor_assignment_regions_mentor_assignments_assignment_id" FOREIGN KEY ("assignment_id") REFERENCES "mentor_assignments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mentor_assignment_regions_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);

CREATE TABLE "mentoring_stages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mentoring_stages" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "starts_on" TEXT NULL,
    "ends_on" TEXT NULL,
    CONSTRAINT "fk_mentoring_stages_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mentoring_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mentoring_sessions" PRIMARY KEY AUTOINCREMENT,
    "stage_id" INTEGER NOT NULL,
    "regency_code" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "mentor_id" INTEGER NOT NULL,
    "topics" TEXT NOT NULL,
    "findings" TEXT NULL,
    "follow_ups" TEXT NULL,
    "attendance_count" INTEGER NOT NULL,
    "attendees" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_mentoring_sessions_mentoring_stages_stage_id" FOREIGN KEY ("stage_id") REFERENCES "mentoring_stages" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentoring_sessions_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_mentoring_sessions_users_mentor_id" FOREIGN KEY ("mentor_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "needs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_needs" PRIMARY KEY AUTOINCREMENT,
    "regency_code" TEXT NOT NULL,
    "sector_id" INTEGER NULL,
    "problem" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "origin" INTEGER NOT NULL,
    "session_id" INTEGER NULL,
    "status" INTEGER NOT NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_needs_mentoring_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "mentoring_sessions" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_needs_regions_regency_code" FOREIGN KEY ("regency_code") REFERENCES "regions" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_needs_sectors_sector_id" FOREIGN KEY ("sector_id") REFERENCES "sectors" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_needs_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "need_indicators" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_need_indicators" PRIMARY KEY AUTOINCREMENT,
    "need_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NULL,
    "value" TEXT NULL,
    "year" INTEGER NULL,
    CONSTRAINT "fk_need_indicators_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "needs" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_hub_members_hub_id_member_id_since_year" ON "hub_members" ("hub_id", "member_id", "since_year");
CREATE INDEX "ix_hub_members_member_id" ON "hub_members" ("member_id");
CREATE INDEX "ix_mentor_assignment_regions_regency_code" ON "mentor_assignment_regions" ("regency_code");
CREATE INDEX "ix_mentor_assignments_assigned_by" ON "mentor_assignments" ("assigned_by");
CREATE INDEX "ix_mentor_assignments_hub_id" ON "mentor_assignments" ("hub_id");
CREATE INDEX "ix_mentor_assignments_member_id" ON "mentor_assignments" ("member_id");
CREATE INDEX "ix_mentor_assignments_user_id_hub_id" ON "mentor_assignments" ("user_id", "hub_id");
CREATE INDEX "ix_mentoring_sessions_mentor_id" ON "mentoring_sessions" ("mentor_id");
CREATE INDEX "ix_mentoring_sessions_regency_code" ON "mentoring_sessions" ("regency_code");
CREATE INDEX "ix_mentoring_sessions_stage_id_regency_code" ON "mentoring_sessions" ("stage_id", "regency_code");
CREATE UNIQUE INDEX "ix_mentoring_stages_hub_id_year_number" ON "mentoring_stages" ("hub_id", "year", "number");
CREATE INDEX "ix_need_indicators_need_id" ON "need_indicators" ("need_id");
CREATE INDEX "ix_needs_created_by" ON "needs" ("created_by");
CREATE INDEX "ix_needs_regency_code_status" ON "needs" ("regency_code", "status");
CREATE INDEX "ix_needs_sector_id" ON "needs" ("sector_id");
CREATE INDEX "ix_needs_session_id" ON "needs" ("session_id");
CREATE UNIQUE INDEX "ix_network_members_name" ON "network_members" ("name");
CREATE INDEX "ix_network_members_province_code" ON "network_members" ("province_code");
