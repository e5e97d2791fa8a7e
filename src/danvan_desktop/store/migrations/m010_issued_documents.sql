-- Frozen at its release: the register of issued documents (sổ đăng ký văn bản đi). A
-- laptop-only table, never synced: each row is one document as it was issued (its
-- content as JSON, number and date), so every later export prints that same copy.
-- Numbers run per issuing body per year across the document types; a document with
-- no number of its own (a registration, a regulation) has number NULL; reference is the
-- number as printed ("01/TTr-TDV", "01-BC/CB", "" without one). Never edit.
CREATE TABLE [issued_document] (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    issuer TEXT NOT NULL,
    kind TEXT NOT NULL,
    type_code TEXT NOT NULL,
    number INTEGER,
    reference TEXT NOT NULL,
    year INTEGER NOT NULL,
    issued_on TEXT NOT NULL,
    preset TEXT NOT NULL,
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX [idx_issued_document_number]
    ON [issued_document] ([issuer], [year], [number]) WHERE number IS NOT NULL;
CREATE INDEX [idx_issued_document_subject]
    ON [issued_document] ([kind], [issuer], [year], [subject])
