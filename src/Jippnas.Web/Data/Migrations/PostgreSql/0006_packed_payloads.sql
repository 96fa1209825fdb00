-- Source payloads are stored packed (Data/Payloads.cs: Brotli behind a marker byte). Rows stored before read as
-- plain UTF-8 JSON, which is what they become here.
ALTER TABLE source_records ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
ALTER TABLE source_record_versions ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
