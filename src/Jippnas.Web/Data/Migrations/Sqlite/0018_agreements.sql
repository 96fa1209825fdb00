-- Agreements (docs/design/hubs.md): a hub's memoranda of understanding and cooperation agreements, and their
-- parties besides the hub (the ministry, network members, regencies/cities ready to replicate).
CREATE TABLE "agreements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agreements" PRIMARY KEY AUTOINCREMENT,
    "hub_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "signed_on" TEXT NOT NULL,
    "valid_until" TEXT NULL,
    "document" TEXT NULL,
    "created_by" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_agreements_hubs_hub_id" FOREIGN KEY ("hub_id") REFERENCES "hubs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_agreements_users_created_by" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "agreement_parties" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agreement_parties" PRIMARY KEY AUTOINCREMENT,
    "agreement_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "member_id" INTEGER NULL,
    "region_code" TEXT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_agreement_parties_agreements_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreements" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_agreement_parties_network_members_member_id" FOREIGN KEY ("member_id") REFERENCES "network_members" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_agreement_parties_regions_region_code" FOREIGN KEY ("region_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_agreement_parties_agreement_id" ON "agreement_parties" ("agreement_id");
CREATE INDEX "ix_agreement_parties_member_id" ON "agreement_parties" ("member_id");
CREATE INDEX "ix_agreement_parties_region_code" ON "agreement_parties" ("region_code");
CREATE INDEX "ix_agreements_created_by" ON "agreements" ("created_by");
CREATE UNIQUE INDEX "ix_agreements_hub_id_kind_number" ON "agreements" ("hub_id", "kind", "number");
CREATE INDEX "ix_agreements_hub_id_signed_on" ON "agreements" ("hub_id", "signed_on");
