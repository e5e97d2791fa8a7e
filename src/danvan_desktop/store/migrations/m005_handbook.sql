-- Frozen at its release: laptop-only reading marks of the handbook. Never edit.
-- Keyed by slug, because a province-published document replaces the bundled one of
-- the same slug under another record id; the id and version last seen say whether
-- the document shown now is new to this laptop.
CREATE TABLE [handbook_mark] (
    slug TEXT PRIMARY KEY NOT NULL,
    seen_doc_id TEXT,
    seen_version INTEGER,
    read_at TEXT,
    bookmarked INTEGER NOT NULL DEFAULT 0,
    bookmarked_at TEXT
);
