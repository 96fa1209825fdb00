-- Indonesian search (docs/design/search.md). The application analyses the text itself (stemming, stop words,
-- synonyms) and writes the analysed tokens here, so the same tokens are indexed on SQLite and PostgreSQL.
-- Contentless: the original text stays in innovations; the index keeps only what ranking needs.
CREATE VIRTUAL TABLE innovation_search USING fts5(
    head, meta, summary, body, tags,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");

CREATE TABLE "search_settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_search_settings" PRIMARY KEY,
    "value" TEXT NOT NULL
);

CREATE TABLE "search_synonyms" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_search_synonyms" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "phrases" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "note" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "search_words" (
    "word" TEXT NOT NULL CONSTRAINT "pk_search_words" PRIMARY KEY,
    "stem" TEXT NOT NULL,
    "document_count" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_search_synonyms_phrases" ON "search_synonyms" ("phrases");
