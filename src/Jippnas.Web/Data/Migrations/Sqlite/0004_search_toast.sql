-- PostgreSQL only (the tsvector's storage); SQLite's FTS5 index keeps no documents. Kept so both providers
-- share migration numbers.
SELECT 1;
