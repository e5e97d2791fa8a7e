-- Part of step m011 (the model's whole life): each status move is a record with its
-- reason, and recognition is a list written by reviewers (the commune first, the city
-- may later). Both are children of the model and sync like other records. Never edit.
CREATE TABLE [model_status_change] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    model_id TEXT,
    from_status TEXT,
    to_status TEXT,
    reason TEXT,
    by_role TEXT,
    by_unit TEXT,
    changed_on TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_model_status_change_model_id] ON [model_status_change] ([model_id]);
CREATE INDEX [idx_model_status_change_dirty] ON [model_status_change] ([dirty]) WHERE dirty = 1;
CREATE TABLE [model_recognition] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    model_id TEXT,
    level TEXT,
    decision_number TEXT,
    decided_on TEXT,
    reviewer_unit TEXT,
    note TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_model_recognition_model_id] ON [model_recognition] ([model_id]);
CREATE INDEX [idx_model_recognition_dirty] ON [model_recognition] ([dirty]) WHERE dirty = 1
