-- Frozen at its release: the network library (issue 17). Laptop-held copies of the cards
-- reviewers shared with the network, never edited here except by sync, a reply bundle or
-- this laptop's own share (a reviewer's, then ``pending`` until the server has it).
-- The tuples of a card are JSON; ``folded`` is the card's searchable text folded
-- (core/vntext.py), indexed by ``network_card_fts`` (rowid = ``seq``); ``sort_key`` is
-- the name's Vietnamese sort key (core/vncollation.py). Never edit.
CREATE TABLE [network_card] (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    model_uid TEXT NOT NULL,
    source_unit TEXT NOT NULL,
    sharer_unit TEXT,
    name TEXT NOT NULL,
    field_name TEXT NOT NULL,
    commune_code INTEGER NOT NULL,
    commune_name TEXT NOT NULL,
    village_name TEXT NOT NULL,
    summary TEXT NOT NULL,
    results TEXT NOT NULL,
    indicators TEXT NOT NULL,
    recognitions TEXT NOT NULL,
    highest_level TEXT,
    year INTEGER NOT NULL,
    shared_level TEXT NOT NULL,
    shared_on TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    contact TEXT,
    server_seq INTEGER NOT NULL DEFAULT 0,
    pending TEXT,
    sort_key BLOB NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX [idx_network_card_sort] ON [network_card] ([sort_key], [id]);
CREATE INDEX [idx_network_card_model] ON [network_card] ([model_uid]);
CREATE INDEX [idx_network_card_pending] ON [network_card] ([pending]) WHERE pending IS NOT NULL;
-- A card's photos, in order: the thumbnail bytes travel with the card; the full photo
-- (``sha256``) is downloaded on request into the attachment store.
CREATE TABLE [network_card_photo] (
    card_id TEXT NOT NULL REFERENCES network_card(id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    caption TEXT NOT NULL,
    sha256 TEXT,
    thumbnail BLOB,
    PRIMARY KEY (card_id, attachment_id)
);
CREATE VIRTUAL TABLE [network_card_fts] USING fts5(
    folded, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
-- A team's request that its model's card be withdrawn, sent up with the next sync.
CREATE TABLE [network_withdrawal_request] (
    model_uid TEXT PRIMARY KEY NOT NULL,
    requested_at TEXT NOT NULL,
    sent_at TEXT
);
-- Withdrawals this reviewer laptop made while offline, sent with the next sync.
CREATE TABLE [network_card_withdrawal] (
    card_id TEXT PRIMARY KEY NOT NULL,
    withdrawn_at TEXT NOT NULL
)
