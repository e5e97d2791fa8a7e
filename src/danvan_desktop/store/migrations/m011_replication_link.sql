-- Part of step m011 (the model's whole life): replication links. A model registered here
-- from another unit's model («Học tập, nhân rộng» on a network card) keeps a link to its
-- source; the source model lives in another unit, so source_model_id is no foreign key.
-- The server sends the link to the source model's unit and its reviewers too. Never edit.
CREATE TABLE [replication_link] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    model_id TEXT,
    source_model_id TEXT,
    source_unit_id TEXT,
    source_model_name TEXT,
    card_id TEXT,
    village_name TEXT,
    model_status TEXT,
    replicated_on TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_replication_link_model_id] ON [replication_link] ([model_id]);
CREATE INDEX [idx_replication_link_source_model_id] ON [replication_link] ([source_model_id])
    WHERE deleted = 0;
CREATE INDEX [idx_replication_link_dirty] ON [replication_link] ([dirty]) WHERE dirty = 1;
