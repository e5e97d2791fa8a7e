"""The network library's tables on the city's server (schema 5).

Apart from network.py, which reads and writes them, so that a module below it (the
record writer's ``network_contact``) can follow a model's changes onto its cards
without an import circle.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, String, Table, Text

from danvan_server.db import metadata

# Schema 5: the library lane's cards (a withdrawn card stays as a tombstone).
network_cards = Table(
    "network_cards",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("model_uid", String(64), nullable=False),
    Column("sharer_unit_id", String(64), nullable=False),
    Column("sharer_path", Text, nullable=False),
    Column("lane_seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("card", Text, nullable=False),  # the wire card, thumbnails included ("{}" when gone)
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(64), nullable=True),
    Index("ix_network_cards_lane", "lane_seq", unique=True),
    Index("ix_network_cards_model", "model_uid"),
)

# Schema 5: the files of the live cards' photos (who may read them: card_photo_readable).
network_photos = Table(
    "network_photos",
    metadata,
    Column("card_id", String(64), primary_key=True),
    Column("attachment_id", String(64), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Index("ix_network_photos_sha", "sha256"),
)

# Schema 5: a team's request that its model's card be withdrawn.
withdrawal_requests = Table(
    "withdrawal_requests",
    metadata,
    Column("model_uid", String(64), primary_key=True),
    Column("unit_id", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("requested_at", String(40), nullable=False),
)
