-- A hub's agreement may carry its signed document as an uploaded file, kept in the evidence store by SHA-256.
ALTER TABLE "agreements" ADD COLUMN "file_name" TEXT NULL;
ALTER TABLE "agreements" ADD COLUMN "file_type" TEXT NULL;
ALTER TABLE "agreements" ADD COLUMN "file_size" INTEGER NULL;
ALTER TABLE "agreements" ADD COLUMN "file_sha256" TEXT NULL;
