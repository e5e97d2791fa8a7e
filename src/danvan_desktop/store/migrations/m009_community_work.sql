-- Frozen at its release: the team's duties towards residents. Petitions and mediation
-- cases name nobody; who raised a petition and the parties of a case are child rows
-- (petitioner, mediation_party) that the server keeps within the team's commune. The
-- regulation says how many days a body has to answer a petition. Never edit.
CREATE TABLE [petition] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    title TEXT,
    details TEXT,
    received_on TEXT,
    raised_by TEXT,
    field_code TEXT,
    opinion_id TEXT,
    passed_to TEXT,
    passed_on TEXT,
    answer TEXT,
    answered_on TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT,
    title_sort BLOB
);
CREATE INDEX [idx_petition_received_on] ON [petition] ([received_on]) WHERE deleted = 0;
CREATE INDEX [idx_petition_opinion_id] ON [petition] ([opinion_id]) WHERE opinion_id IS NOT NULL;
CREATE INDEX [idx_petition_dirty] ON [petition] ([dirty]) WHERE dirty = 1;
CREATE TABLE [petitioner] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    petition_id TEXT,
    kind TEXT,
    full_name TEXT,
    address TEXT,
    phone TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_petitioner_petition_id] ON [petitioner] ([petition_id]);
CREATE INDEX [idx_petitioner_dirty] ON [petitioner] ([dirty]) WHERE dirty = 1;
CREATE TABLE [mediation] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    title TEXT,
    dispute_kind TEXT,
    summary TEXT,
    mediated_on TEXT,
    participants TEXT,
    outcome TEXT,
    outcome_on TEXT,
    passed_to TEXT,
    outcome_note TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT,
    title_sort BLOB
);
CREATE INDEX [idx_mediation_mediated_on] ON [mediation] ([mediated_on]) WHERE deleted = 0;
CREATE INDEX [idx_mediation_dirty] ON [mediation] ([dirty]) WHERE dirty = 1;
CREATE TABLE [mediation_party] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    mediation_id TEXT,
    side TEXT,
    full_name TEXT,
    address TEXT,
    phone TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_mediation_party_mediation_id] ON [mediation_party] ([mediation_id]);
CREATE INDEX [idx_mediation_party_dirty] ON [mediation_party] ([dirty]) WHERE dirty = 1;
ALTER TABLE [regulation] ADD COLUMN petition_answer_days INTEGER;
-- A laptop of an earlier schema pulled past these records (the server leaves them out
-- for it, and it could not store them): pull everything again once, merging as usual.
UPDATE [meta] SET value = '0' WHERE key = 'sync_checkpoint';
-- Half-year and year-end reviews record the period they cover (null: the default period
-- for the day they are held, core/schedule.py), and the regulation sets the cut-off days
-- ("MM-DD") those periods end on (null: 15/6 and 15/12).
ALTER TABLE [meeting] ADD COLUMN covers_from TEXT;
ALTER TABLE [meeting] ADD COLUMN covers_to TEXT;
ALTER TABLE [regulation] ADD COLUMN half_year_cutoff TEXT;
ALTER TABLE [regulation] ADD COLUMN year_cutoff TEXT
