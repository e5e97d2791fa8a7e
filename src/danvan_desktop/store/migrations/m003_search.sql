-- Frozen at release 0.1.0: search index and Vietnamese sort keys. Never edit.
-- Sort-key columns (bytes compared with memcmp = Vietnamese order, see core/vncollation).
ALTER TABLE [unit] ADD COLUMN name_sort BLOB;
ALTER TABLE [team] ADD COLUMN name_sort BLOB;
ALTER TABLE [member] ADD COLUMN full_name_sort BLOB;
ALTER TABLE [model_field] ADD COLUMN name_sort BLOB;
ALTER TABLE [model] ADD COLUMN name_sort BLOB;
ALTER TABLE [exemplar] ADD COLUMN name_sort BLOB;
ALTER TABLE [meeting] ADD COLUMN title_sort BLOB;
ALTER TABLE [task] ADD COLUMN title_sort BLOB;
ALTER TABLE [handbook_doc] ADD COLUMN title_sort BLOB;
CREATE INDEX [idx_model_name_sort] ON [model] ([name_sort], [id]) WHERE deleted = 0;
CREATE INDEX [idx_member_name_sort] ON [member] ([full_name_sort]) WHERE deleted = 0;
CREATE INDEX [idx_meeting_title_sort] ON [meeting] ([title_sort]) WHERE deleted = 0;
CREATE INDEX [idx_task_title_sort] ON [task] ([title_sort]) WHERE deleted = 0;
-- One search document per searchable record; hits of child rows (opinions,
-- conclusions, agenda items) open their meeting.
CREATE TABLE [search_doc] (
    doc INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    target_entity TEXT NOT NULL,
    target_id TEXT NOT NULL,
    UNIQUE (entity, record_id)
);
-- Folded text (no accents, đ→d, lower case); prefix indexes keep typing fast.
CREATE VIRTUAL TABLE [search_fts] USING fts5(
    name, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
);
