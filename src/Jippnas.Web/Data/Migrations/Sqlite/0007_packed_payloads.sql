-- Source payloads are stored packed (Data/Payloads.cs: Brotli behind a marker byte), as BLOB values in the columns
-- declared TEXT. Rows stored before become their UTF-8 bytes, which read as plain JSON.
UPDATE source_records SET payload = CAST(payload AS BLOB) WHERE typeof(payload) = 'text';
UPDATE source_record_versions SET payload = CAST(payload AS BLOB) WHERE typeof(payload) = 'text';
