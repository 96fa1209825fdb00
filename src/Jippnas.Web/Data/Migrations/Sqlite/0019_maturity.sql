-- Hub maturity self-assessment (docs/design/hubs.md): a year's instrument kept as data (levels, aspects, weighted
-- questions, graded options), each hub's assessment on it and its answers (self and verified).
CREATE TABLE "maturity_instruments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_instruments" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NULL,
    "loaded_by" INTEGER NULL,
    "loaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_maturity_instruments_users_loaded_by" FOREIGN KEY ("loaded_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "maturity_aspects" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_aspects" PRIMARY KEY AUTOINCREMENT,
    "instrument_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_maturity_aspects_maturity_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "maturity_instruments" ("id") ON DELETE CASCADE
);

CREATE TABLE "maturity_levels" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_levels" PRIMARY KEY AUTOINCREMENT,
    "instrument_id" INTEGER NOT NULL,
    "from_score" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "ck_maturity_levels_from_score" CHECK (from_score BETWEEN 0 AND 100),
    CONSTRAINT "fk_maturity_levels_maturity_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "maturity_instruments" ("id") ON DELETE CASCADE
);

CREATE TABLE "maturity_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_assessments" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "instrument_id" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "self_total" REAL NULL,
    "verified_total" REAL NULL,
    "verifier_note" TEXT NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "submitted_by" INTEGER NULL,
    "submitted_at" TEXT NULL,
    "verified_by" INTEGER NULL,
    "verified_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_maturity_assessments_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_assessments_maturity_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "maturity_instruments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_assessments_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_assessments_users_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_assessments_users_verified_by" FOREIGN KEY ("verified_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "maturity_questions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_questions" PRIMARY KEY AUTOINCREMENT,
    "aspect_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "guidance" TEXT NULL,
    "weight" INTEGER NOT NULL,
    "evidence_required" INTEGER NOT NULL,
    CONSTRAINT "ck_maturity_questions_weight" CHECK (weight BETWEEN 1 AND 100),
    CONSTRAINT "fk_maturity_questions_maturity_aspects_aspect_id" FOREIGN KEY ("aspect_id") REFERENCES "maturity_aspects" ("id") ON DELETE CASCADE
);

CREATE TABLE "maturity_options" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_options" PRIMARY KEY AUTOINCREMENT,
    "question_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    CONSTRAINT "ck_maturity_options_score" CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT "fk_maturity_options_maturity_questions_question_id" FOREIGN KEY ("question_id") REFERENCES "maturity_questions" ("id") ON DELETE CASCADE
);

CREATE TABLE "maturity_answers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_maturity_answers" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NOT NULL,
    "question_id" INTEGER NOT NULL,
    "self_option_id" INTEGER NULL,
    "evidence" TEXT NULL,
    "self_note" TEXT NULL,
    "verified_option_id" INTEGER NULL,
    "verifier_note" TEXT NULL,
    CONSTRAINT "fk_maturity_answers_maturity_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "maturity_assessments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_maturity_answers_maturity_options_self_option_id" FOREIGN KEY ("self_option_id") REFERENCES "maturity_options" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_answers_maturity_options_verified_option_id" FOREIGN KEY ("verified_option_id") REFERENCES "maturity_options" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_maturity_answers_maturity_questions_question_id" FOREIGN KEY ("question_id") REFERENCES "maturity_questions" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_maturity_answers_assessment_id_question_id" ON "maturity_answers" ("assessment_id", "question_id");
CREATE INDEX "ix_maturity_answers_question_id" ON "maturity_answers" ("question_id");
CREATE INDEX "ix_maturity_answers_self_option_id" ON "maturity_answers" ("self_option_id");
CREATE INDEX "ix_maturity_answers_verified_option_id" ON "maturity_answers" ("verified_option_id");
CREATE UNIQUE INDEX "ix_maturity_aspects_instrument_id_code" ON "maturity_aspects" ("instrument_id", "code");
CREATE INDEX "ix_maturity_assessments_created_by" ON "maturity_assessments" ("created_by");
CREATE UNIQUE INDEX "ix_maturity_assessments_hub_id_instrument_id" ON "maturity_assessments" ("hub_id", "instrument_id");
CREATE INDEX "ix_maturity_assessments_instrument_id" ON "maturity_assessments" ("instrument_id");
CREATE INDEX "ix_maturity_assessments_submitted_by" ON "maturity_assessments" ("submitted_by");
CREATE INDEX "ix_maturity_assessments_verified_by" ON "maturity_assessments" ("verified_by");
CREATE INDEX "ix_maturity_instruments_loaded_by" ON "maturity_instruments" ("loaded_by");
CREATE UNIQUE INDEX "ix_maturity_instruments_year" ON "maturity_instruments" ("year");
CREATE UNIQUE INDEX "ix_maturity_levels_instrument_id_from_score" ON "maturity_levels" ("instrument_id", "from_score");
CREATE UNIQUE INDEX "ix_maturity_options_question_id_ordinal" ON "maturity_options" ("question_id", "ordinal");
CREATE UNIQUE INDEX "ix_maturity_questions_aspect_id_code" ON "maturity_questions" ("aspect_id", "code");
