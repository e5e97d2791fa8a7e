-- Frozen at its release (issue 22). Never edit.
-- A base copy is needed only for a record edited here and not yet synced: an earlier
-- release kept one for every pulled record. Those of records with no operation still
-- waiting (pending, being sent, or refused and kept for the user) are dropped.
DELETE FROM [base_copy] WHERE NOT EXISTS (
    SELECT 1 FROM [outbox]
    WHERE [outbox].entity = [base_copy].entity AND [outbox].record_id = [base_copy].record_id
);
-- Pulled records the search index has yet to take: a pull indexes them in one pass
-- at its end (a pull cut before its end leaves them here for the next one).
CREATE TABLE [search_pending] (
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (entity, record_id)
);
