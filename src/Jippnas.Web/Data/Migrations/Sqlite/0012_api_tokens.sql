-- Personal access tokens for machines (Features/Tokens): only the SHA-256 of each token is kept.
CREATE TABLE "api_tokens" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "permissions" TEXT NOT NULL,
    "agency_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_api_tokens_agencies_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_api_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_api_tokens_agency_id" ON "api_tokens" ("agency_id");
CREATE UNIQUE INDEX "ix_api_tokens_prefix" ON "api_tokens" ("prefix");
CREATE INDEX "ix_api_tokens_user_id" ON "api_tokens" ("user_id");
