-- The full-text index selects, the application scores (docs/decisions/ADR-0008). FTS5's bm25() finds each query
-- word's document frequency by walking the word's whole posting list, which for a common word grows with the
-- corpus; so candidates are scored in C# from term vectors (Features/Search/TermVectors.cs) and document counts
-- JIPPNas keeps. The FTS5 table then needs no positions (detail = none: smaller, built about twice as fast).
-- Both tables are filled by the indexer: the index version changes with this layout, so start-up rebuilds them.
DROP TABLE innovation_search;

CREATE VIRTUAL TABLE innovation_search USING fts5(
    head, meta, summary, body, tags,
    content = '', contentless_delete = 1, detail = none,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");

-- How often each term occurs in each field of every indexed innovation.
CREATE TABLE innovation_search_terms (
    innovation_id INTEGER NOT NULL PRIMARY KEY,
    terms BLOB NOT NULL
);
