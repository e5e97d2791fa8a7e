-- Frozen at release 0.1.0: tables that never leave the laptop. Never edit.
CREATE TABLE [settings] (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT
);
CREATE TABLE [drafts] (
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (entity, record_id)
);
CREATE TABLE [document_counter] (
    issuer TEXT NOT NULL,
    type_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (issuer, type_code, year)
);
CREATE TABLE [attachment_blob] (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size INTEGER NOT NULL,
    stored_at TEXT NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX [idx_model_status] ON [model] ([status]) WHERE deleted = 0;
CREATE INDEX [idx_model_year] ON [model] ([year]) WHERE deleted = 0;
CREATE INDEX [idx_task_deadline] ON [task] ([status], [deadline]) WHERE deleted = 0;
CREATE INDEX [idx_meeting_starts] ON [meeting] ([starts_at]) WHERE deleted = 0;
