"""The network library on this laptop: cards shared by reviewers, read with no network.

Cards arrive from the server's library lane (sync/library.py) or a USB reply bundle
and are written here whole (``apply_library_page``: every card of a page with the
lane's checkpoint, in one transaction); a withdrawn card is deleted with its photos.
A reviewer's own share is written here at once, marked ``pending`` until the server
has it. Search runs on a folded text (core/vntext.py) in an FTS5 index, so «mo hinh
rac» finds «Phân loại rác tại nguồn»; lists sort by the name's Vietnamese sort key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from danvan_desktop.core.network import (
    SHARE_LEVELS,
    CardFacets,
    CardPhoto,
    CardQuery,
    NetworkCard,
)
from danvan_desktop.core.network_wire import WirePhoto, card_from_wire, card_to_wire, wire_photos
from danvan_desktop.core.vncollation import vietnamese_sort_key, vietnamese_sorted
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.store.search import match_expression

if TYPE_CHECKING:
    from sqlite_utils import Database

CHECKPOINT_KEY = "library_checkpoint"  # the library lane's last sequence seen (meta)
SHARE, WITHDRAW = "share", "withdraw"  # ``pending`` marks of a reviewer's own card
# Every card is a model («mô hình»): searching «mô hình rác» must find a card whose own
# text never says so.
_KIND_WORDS = "mô hình"
_COLUMNS = (
    "id, model_uid, source_unit, name, field_name, commune_code, commune_name, village_name, "
    "summary, results, indicators, recognitions, year, shared_level, shared_on, updated_at, "
    "contact"
)


class Reader(Protocol):
    """What the reads need: a sqlite-utils Database or a plain reader connection."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...


def folded_text(card: NetworkCard) -> str:
    """The card's searchable text, folded: name, field, place, items, results, indicators."""
    parts = [
        _KIND_WORDS,
        card.name,
        card.field_name,
        card.commune_name,
        card.village_name,
        card.results,
    ]
    parts += [text for _label, text in card.summary]
    parts += [f"{name} {value}" for name, value in card.indicators]
    parts += [r.decision_no for r in card.recognitions]
    return fold_vietnamese(" ".join(p for p in parts if p))


# -- writing -----------------------------------------------------------------------------
def upsert_card(
    db: Database,
    wire: dict[str, Any],
    *,
    server_seq: int = 0,
    pending: str | None = None,
    sharer_unit: str | None = None,
) -> NetworkCard:
    """Write a wire card (a new one, or a newer copy of one held) with its photos."""
    card = card_from_wire(wire)
    photos = wire_photos(wire)
    with db.atomic():
        old = db.execute("SELECT seq FROM network_card WHERE id = ?", [card.id]).fetchone()
        if old is not None:
            _delete_row(db, card.id, int(old[0]))
        values = [
            card.id,
            card.model_uid,
            card.source_unit,
            sharer_unit,
            card.name,
            card.field_name,
            card.commune_code,
            card.commune_name,
            card.village_name,
            json.dumps([list(p) for p in card.summary], ensure_ascii=False),
            card.results,
            json.dumps([list(p) for p in card.indicators], ensure_ascii=False),
            json.dumps(wire.get("recognitions") or [], ensure_ascii=False),
            card.highest_level,
            card.year,
            card.shared_level,
            card.shared_on.isoformat(),
            card.updated_at,
            card.contact,
            server_seq,
            pending,
            vietnamese_sort_key(card.name),
            folded_text(card),
        ]
        cursor = db.execute(
            "INSERT INTO network_card (id, model_uid, source_unit, sharer_unit, name, "
            "field_name, commune_code, commune_name, village_name, summary, results, "
            "indicators, recognitions, highest_level, year, shared_level, shared_on, "
            "updated_at, contact, server_seq, pending, sort_key, folded) "
            f"VALUES ({', '.join('?' for _ in values)})",
            values,
        )
        seq = cursor.lastrowid
        db.execute("INSERT INTO network_card_fts(rowid, folded) VALUES (?, ?)", [seq, values[-1]])
        for position, photo in enumerate(photos):
            db.execute(
                "INSERT INTO network_card_photo (card_id, attachment_id, position, caption, "
                "sha256, thumbnail) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    card.id,
                    photo.attachment_id,
                    position,
                    photo.caption,
                    photo.sha256,
                    photo.thumbnail,
                ],
            )
    return card


def _delete_row(db: Database, card_id: str, seq: int) -> None:
    db.execute("DELETE FROM network_card_fts WHERE rowid = ?", [seq])
    db.execute("DELETE FROM network_card_photo WHERE card_id = ?", [card_id])
    db.execute("DELETE FROM network_card WHERE id = ?", [card_id])


def delete_card(db: Database, card_id: str) -> bool:
    """Remove a withdrawn card and its photos; False when this laptop did not hold it."""
    with db.atomic():
        row = db.execute("SELECT seq FROM network_card WHERE id = ?", [card_id]).fetchone()
        if row is None:
            return False
        _delete_row(db, card_id, int(row[0]))
    return True


def apply_library_page(db: Database, items: Iterable[dict[str, Any]], next_seq: int) -> int:
    """Apply one page of the library lane with its checkpoint, all or nothing; a card
    this laptop shared and the server has not confirmed yet keeps its local copy."""
    applied = 0
    with db.atomic():
        for item in items:
            card_id = str(item.get("id") or "")
            held = db.execute("SELECT pending FROM network_card WHERE id = ?", [card_id]).fetchone()
            if held is not None and held[0] is not None and not item.get("deleted"):
                continue  # this reviewer's own change is on its way up: it wins
            if item.get("deleted"):
                delete_card(db, card_id)
            else:
                upsert_card(
                    db,
                    item["card"],
                    server_seq=int(item.get("seq") or 0),
                    sharer_unit=item.get("sharer_unit"),
                )
            applied += 1
        set_checkpoint(db, next_seq)
    return applied


def checkpoint(db: Reader) -> int:
    """The library lane's last sequence this laptop applied (0 for none)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [CHECKPOINT_KEY]).fetchone()
    return int(row[0]) if row is not None else 0


def set_checkpoint(db: Database, value: int) -> None:
    """Move the library lane's checkpoint (inside the caller's page transaction)."""
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [CHECKPOINT_KEY, str(int(value))],
    )


# -- reading -----------------------------------------------------------------------------
_LIVE = "pending IS NOT 'withdraw'"
_LIVE_BY_INDEX = "seq NOT IN (SELECT seq FROM network_card WHERE pending = 'withdraw')"


def _where(query: CardQuery) -> tuple[str, list[Any]]:
    clauses = [_LIVE]
    params: list[Any] = []
    expr = match_expression(query.text) if query.text.strip() else None
    if expr is not None:
        clauses.append("seq IN (SELECT rowid FROM network_card_fts WHERE network_card_fts MATCH ?)")
        params.append(expr)
    for column, value in (
        ("field_name", query.field_name),
        ("commune_code", query.commune_code),
        ("highest_level", query.level),
        ("year", query.year),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(clauses), params


def query_cards(db: Reader, query: CardQuery) -> list[NetworkCard]:
    """One page of the cards ``query`` asks for, in the Vietnamese order of their names."""
    where, params = _where(query)
    # Walk the names' order (the covering sort index) and keep what the search matched,
    # stopping at the page's end; then read only that page's rows whole. Reading and
    # sorting every match's whole row (its texts) is what made a broad search slow.
    where = where.replace(_LIVE, _LIVE_BY_INDEX, 1)
    seqs = [
        int(r[0])
        for r in db.execute(
            "SELECT seq FROM network_card INDEXED BY idx_network_card_sort "
            f"WHERE {where} ORDER BY sort_key, id LIMIT ? OFFSET ?",
            [*params, max(0, query.limit), max(0, query.offset)],
        )
    ]
    if not seqs:
        return []
    marks = ",".join("?" for _ in seqs)
    rows = db.execute(
        f"SELECT {_COLUMNS}, seq FROM network_card WHERE seq IN ({marks})", seqs
    ).fetchall()
    place = {seq: n for n, seq in enumerate(seqs)}
    rows.sort(key=lambda row: place[int(row[-1])])
    return _cards(db, [row[:-1] for row in rows])


def count_cards(db: Reader, query: CardQuery) -> int:
    """How many cards ``query`` finds (every page together)."""
    expr = match_expression(query.text) if query.text.strip() else None
    plain = (query.field_name, query.commune_code, query.level, query.year) == (None,) * 4
    if expr is not None and plain:  # the index counts alone; less the withdrawn held
        return int(
            db.execute(
                "SELECT (SELECT count(*) FROM network_card_fts WHERE network_card_fts MATCH ?) - "
                "(SELECT count(*) FROM network_card WHERE pending = 'withdraw' AND seq IN "
                "(SELECT rowid FROM network_card_fts WHERE network_card_fts MATCH ?))",
                [expr, expr],
            ).fetchone()[0]
        )
    where, params = _where(query)
    return int(db.execute(f"SELECT count(*) FROM network_card WHERE {where}", params).fetchone()[0])


def get_card(db: Reader, card_id: str) -> NetworkCard | None:
    """One card held on this laptop, or None."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM network_card WHERE id = ? AND pending IS NOT 'withdraw'",
        [card_id],
    ).fetchall()
    cards = _cards(db, rows)
    return cards[0] if cards else None


def card_of_model(db: Reader, model_uid: str) -> NetworkCard | None:
    """The card made from this model, when this laptop holds one."""
    row = db.execute("SELECT id FROM network_card WHERE model_uid = ?", [model_uid]).fetchone()
    return None if row is None else get_card(db, str(row[0]))


def facets(db: Reader) -> CardFacets:
    """The values the filters offer, each once: fields and communes in Vietnamese order."""
    live = "FROM network_card WHERE pending IS NOT 'withdraw'"
    fields = [str(r[0]) for r in db.execute(f"SELECT DISTINCT field_name {live}") if r[0]]
    communes = {
        int(r[0]): str(r[1])
        for r in db.execute(f"SELECT DISTINCT commune_code, commune_name {live}")
    }
    levels = {r[0] for r in db.execute(f"SELECT DISTINCT highest_level {live}")}
    years = sorted((int(r[0]) for r in db.execute(f"SELECT DISTINCT year {live}")), reverse=True)
    return CardFacets(
        field_names=tuple(vietnamese_sorted(fields)),
        communes=tuple(
            (code, name)
            for name, code in vietnamese_sorted(
                [(n, c) for c, n in communes.items()], key=lambda pair: pair[0]
            )
        ),
        levels=tuple(level for level in SHARE_LEVELS if level in levels),
        years=tuple(years),
    )


def photo_file(db: Reader, card_id: str, attachment_id: str) -> tuple[str | None, bytes | None]:
    """A card photo's file (its SHA-256) and thumbnail, or (None, None) when unknown."""
    row = db.execute(
        "SELECT sha256, thumbnail FROM network_card_photo WHERE card_id = ? AND attachment_id = ?",
        [card_id, attachment_id],
    ).fetchone()
    return (None, None) if row is None else (row[0], row[1])


def _cards(db: Reader, rows: Sequence[Any]) -> list[NetworkCard]:
    if not rows:
        return []
    ids = [str(r[0]) for r in rows]
    marks = ",".join("?" for _ in ids)
    photos: dict[str, list[CardPhoto]] = {i: [] for i in ids}
    for card_id, attachment_id, caption, thumb, full in db.execute(
        "SELECT p.card_id, p.attachment_id, p.caption, p.thumbnail IS NOT NULL, "
        "b.sha256 IS NOT NULL FROM network_card_photo p LEFT JOIN attachment_blob b "
        f"ON b.sha256 = p.sha256 WHERE p.card_id IN ({marks}) ORDER BY p.card_id, p.position",
        ids,
    ):
        photos[str(card_id)].append(
            CardPhoto(str(attachment_id), str(caption), bool(thumb), bool(full))
        )
    return [_card(row, tuple(photos[str(row[0])])) for row in rows]


def _card(row: Any, photos: tuple[CardPhoto, ...]) -> NetworkCard:
    names = [c.strip() for c in _COLUMNS.split(",")]
    data: dict[str, Any] = dict(zip(names, row, strict=True))
    for key in ("summary", "indicators", "recognitions"):
        data[key] = json.loads(data[key])
    data["photos"] = []
    card = card_from_wire(data)
    return NetworkCard(**{**card.__dict__, "photos": photos})


# -- this laptop's own shares, withdrawals and requests ----------------------------------
def pending_shares(db: Reader) -> list[dict[str, Any]]:
    """The wire form of every card this reviewer shared and the server has not confirmed."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM network_card WHERE pending = ?", [SHARE]).fetchall()
    wires = []
    for card in _cards(db, rows):
        photos = tuple(
            WirePhoto(p.attachment_id, p.caption, *photo_file(db, card.id, p.attachment_id))
            for p in card.photos
        )
        wires.append(card_to_wire(card, photos))
    return wires


def mark_withdrawn(db: Database, card_id: str, when: str) -> None:
    """Hide a card this reviewer withdraws and queue the withdrawal for the server."""
    with db.atomic():
        db.execute("UPDATE network_card SET pending = ? WHERE id = ?", [WITHDRAW, card_id])
        db.execute(
            "INSERT OR REPLACE INTO network_card_withdrawal(card_id, withdrawn_at) VALUES (?, ?)",
            [card_id, when],
        )


def pending_withdrawals(db: Reader) -> list[str]:
    """Cards this reviewer withdrew that the server has not been told of yet."""
    return [str(r[0]) for r in db.execute("SELECT card_id FROM network_card_withdrawal")]


def settle_withdrawal(db: Database, card_id: str) -> None:
    """The server has the withdrawal: forget it, and the card."""
    with db.atomic():
        db.execute("DELETE FROM network_card_withdrawal WHERE card_id = ?", [card_id])
        delete_card(db, card_id)


def request_withdrawal(db: Database, model_uid: str, when: str) -> None:
    """Queue a team's request that its model's card be withdrawn."""
    db.execute(
        "INSERT INTO network_withdrawal_request(model_uid, requested_at) VALUES (?, ?) "
        "ON CONFLICT(model_uid) DO UPDATE SET requested_at = excluded.requested_at, "
        "sent_at = NULL",
        [model_uid, when],
    )


def unsent_requests(db: Reader) -> list[tuple[str, str]]:
    """The withdrawal requests not yet sent: (model uid, when asked)."""
    return [
        (str(r[0]), str(r[1]))
        for r in db.execute(
            "SELECT model_uid, requested_at FROM network_withdrawal_request WHERE sent_at IS NULL"
        )
    ]


def mark_request_sent(db: Database, model_uid: str, when: str) -> None:
    """The server has the request."""
    db.execute(
        "UPDATE network_withdrawal_request SET sent_at = ? WHERE model_uid = ?", [when, model_uid]
    )
