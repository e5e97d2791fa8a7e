-- Frozen at release 0.1.0: the synced entities. Never edit; add a new step instead.
CREATE TABLE [unit] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    level TEXT,
    province_code INTEGER,
    commune_code INTEGER,
    commune_name TEXT,
    name TEXT,
    village_kind TEXT,
    parent_unit_id TEXT,
    old_address TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_unit_dirty] ON [unit] ([dirty]) WHERE dirty = 1;
CREATE TABLE [team] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    name TEXT,
    established_on TEXT,
    decision_ref TEXT,
    abbreviation TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_team_dirty] ON [team] ([dirty]) WHERE dirty = 1;
CREATE TABLE [member] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    team_id TEXT,
    full_name TEXT,
    role TEXT,
    organisation TEXT,
    position TEXT,
    phone TEXT,
    term_start TEXT,
    term_end TEXT,
    position_order INTEGER,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_member_team_id] ON [member] ([team_id]);
CREATE INDEX [idx_member_dirty] ON [member] ([dirty]) WHERE dirty = 1;
CREATE TABLE [regulation] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    team_id TEXT,
    meeting_period TEXT,
    meeting_day INTEGER,
    reporting_periods TEXT,
    report_recipients TEXT,
    issuing_body TEXT,
    managing_body TEXT,
    document_place TEXT,
    text TEXT,
    adopted_on TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_regulation_team_id] ON [regulation] ([team_id]);
CREATE INDEX [idx_regulation_dirty] ON [regulation] ([dirty]) WHERE dirty = 1;
CREATE TABLE [model_field] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    code TEXT,
    name TEXT,
    position_order INTEGER,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_model_field_dirty] ON [model_field] ([dirty]) WHERE dirty = 1;
CREATE TABLE [model] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    name TEXT,
    situation TEXT,
    goals TEXT,
    content TEXT,
    scope TEXT,
    actors TEXT,
    resources TEXT,
    timeline TEXT,
    outputs TEXT,
    sustainability TEXT,
    field_code TEXT,
    status TEXT,
    year INTEGER,
    start_date TEXT,
    end_date TEXT,
    review_comment TEXT,
    recognition_level TEXT,
    recognised_on TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_model_dirty] ON [model] ([dirty]) WHERE dirty = 1;
CREATE TABLE [indicator_reading] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    model_id TEXT,
    indicator TEXT,
    unit_label TEXT,
    value REAL,
    read_on TEXT,
    note TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_indicator_reading_model_id] ON [indicator_reading] ([model_id]);
CREATE INDEX [idx_indicator_reading_dirty] ON [indicator_reading] ([dirty]) WHERE dirty = 1;
CREATE TABLE [resource_contribution] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    model_id TEXT,
    kind TEXT,
    amount REAL,
    unit_label TEXT,
    contributed_on TEXT,
    contributor TEXT,
    note TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_resource_contribution_model_id] ON [resource_contribution] ([model_id]);
CREATE INDEX [idx_resource_contribution_dirty] ON [resource_contribution] ([dirty]) WHERE dirty = 1;
CREATE TABLE [exemplar] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    kind TEXT,
    name TEXT,
    position TEXT,
    achievement TEXT,
    year INTEGER,
    linked_model_ids TEXT,
    linked_meeting_ids TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_exemplar_dirty] ON [exemplar] ([dirty]) WHERE dirty = 1;
CREATE TABLE [commendation] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    exemplar_id TEXT,
    year INTEGER,
    state TEXT,
    form TEXT,
    level TEXT,
    decision_number TEXT,
    decision_date TEXT,
    decided_by TEXT,
    achievement TEXT,
    score REAL,
    criteria TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_commendation_exemplar_id] ON [commendation] ([exemplar_id]);
CREATE INDEX [idx_commendation_dirty] ON [commendation] ([dirty]) WHERE dirty = 1;
CREATE TABLE [meeting] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    team_id TEXT,
    kind TEXT,
    title TEXT,
    starts_at TEXT,
    ends_at TEXT,
    place TEXT,
    chair TEXT,
    secretary TEXT,
    content TEXT,
    state TEXT,
    number INTEGER,
    number_year INTEGER,
    version INTEGER,
    supersedes_id TEXT,
    households_represented INTEGER,
    finalised_at TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_meeting_dirty] ON [meeting] ([dirty]) WHERE dirty = 1;
CREATE TABLE [attendance] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    member_id TEXT,
    name TEXT,
    present INTEGER,
    absence_reason TEXT,
    is_guest INTEGER,
    organisation TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_attendance_meeting_id] ON [attendance] ([meeting_id]);
CREATE INDEX [idx_attendance_dirty] ON [attendance] ([dirty]) WHERE dirty = 1;
CREATE TABLE [agenda_item] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    position_order INTEGER,
    title TEXT,
    notes TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_agenda_item_meeting_id] ON [agenda_item] ([meeting_id]);
CREATE INDEX [idx_agenda_item_dirty] ON [agenda_item] ([dirty]) WHERE dirty = 1;
CREATE TABLE [opinion] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    agenda_item_id TEXT,
    speaker TEXT,
    content TEXT,
    position_order INTEGER,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_opinion_meeting_id] ON [opinion] ([meeting_id]);
CREATE INDEX [idx_opinion_dirty] ON [opinion] ([dirty]) WHERE dirty = 1;
CREATE TABLE [conclusion] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    position_order INTEGER,
    content TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_conclusion_meeting_id] ON [conclusion] ([meeting_id]);
CREATE INDEX [idx_conclusion_dirty] ON [conclusion] ([dirty]) WHERE dirty = 1;
CREATE TABLE [vote] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    subject TEXT,
    in_favour INTEGER,
    against INTEGER,
    abstain INTEGER,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_vote_meeting_id] ON [vote] ([meeting_id]);
CREATE INDEX [idx_vote_dirty] ON [vote] ([dirty]) WHERE dirty = 1;
CREATE TABLE [task] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    meeting_id TEXT,
    title TEXT,
    owner_member_id TEXT,
    owner_name TEXT,
    deadline TEXT,
    status TEXT,
    done_on TEXT,
    note TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_task_meeting_id] ON [task] ([meeting_id]);
CREATE INDEX [idx_task_dirty] ON [task] ([dirty]) WHERE dirty = 1;
CREATE TABLE [handbook_doc] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    slug TEXT,
    title TEXT,
    section TEXT,
    position_order INTEGER,
    body TEXT,
    doc_version INTEGER,
    source TEXT,
    published_at TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_handbook_doc_dirty] ON [handbook_doc] ([dirty]) WHERE dirty = 1;
CREATE TABLE [attachment] (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT,
    sha256 TEXT,
    owner_entity TEXT,
    owner_id TEXT,
    file_name TEXT,
    mime_type TEXT,
    size INTEGER,
    caption TEXT,
    server_version INTEGER,
    dirty INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    updated_by TEXT
);
CREATE INDEX [idx_attachment_owner_id] ON [attachment] ([owner_id]);
CREATE INDEX [idx_attachment_dirty] ON [attachment] ([dirty]) WHERE dirty = 1;
-- Sync bookkeeping.
CREATE TABLE [outbox] (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    unit_id TEXT,
    kind TEXT NOT NULL,
    base_version INTEGER,
    fields TEXT NOT NULL,
    base TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX [idx_outbox_record] ON [outbox] ([entity], [record_id], [state]);
CREATE TABLE [base_copy] (
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    server_version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (entity, record_id)
);
CREATE TABLE [meta] (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT
);
