-- The facet values of a search's candidates (up to Jippnas:Search:CandidateLimit ids) are read from this
-- covering index (an index-only scan) instead of from the table's rows, which hold kilobytes of narrative each.
CREATE INDEX ix_innovations_facets ON innovations (id, is_published, province_code, regency_code, sector_id, year_started, phase, status, award_count);
