-- Frozen at its release: records from the server (a pulled page, a reply bundle, a push
-- answer) that this laptop could not store, kept aside with the reason until a valid
-- version of the same record arrives. Never edit.
CREATE TABLE [sync_quarantine] (
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    unit_id TEXT,
    server_version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    fields TEXT NOT NULL,
    reason TEXT NOT NULL,
    quarantined_at TEXT NOT NULL,
    PRIMARY KEY (entity, record_id)
)
