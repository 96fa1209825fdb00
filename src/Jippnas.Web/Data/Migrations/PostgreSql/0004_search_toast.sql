-- Keep each document's tsvector out of line (TOAST) so that the table's own rows are a few dozen bytes: a
-- search that meets tens of thousands of matches in the GIN index then reads a few hundred heap pages to
-- order them by id, and decompresses only the documents it ranks. Applies to rows written from now on;
-- `rebuild-search` rewrites them all.
ALTER TABLE innovation_search SET (toast_tuple_target = 128);
