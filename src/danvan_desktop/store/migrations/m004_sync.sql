-- Frozen at release 0.1.0: sync conflicts and the sync log. Never edit.
CREATE TABLE [conflict] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT,
    lost_value TEXT,
    lost_from_device TEXT,
    needs_review INTEGER NOT NULL DEFAULT 0,
    resolved INTEGER NOT NULL DEFAULT 0,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);
CREATE INDEX [idx_conflict_open] ON [conflict] ([resolved], [entity], [record_id]);
CREATE TABLE [sync_log] (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    direction TEXT NOT NULL,
    bytes_sent INTEGER NOT NULL DEFAULT 0,
    bytes_received INTEGER NOT NULL DEFAULT 0,
    operations INTEGER NOT NULL DEFAULT 0,
    result TEXT NOT NULL,
    error TEXT
);
