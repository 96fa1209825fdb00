-- A hub's agreement may carry its signed document as an uploaded file, kept in the evidence store by SHA-256.
ALTER TABLE agreements ADD COLUMN file_name character varying(200);
ALTER TABLE agreements ADD COLUMN file_type character varying(100);
ALTER TABLE agreements ADD COLUMN file_size bigint;
ALTER TABLE agreements ADD COLUMN file_sha256 character varying(64);
