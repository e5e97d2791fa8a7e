"""The register of issued documents (sổ đăng ký văn bản đi), kept on this laptop.

Issuing a document stores it as built (its content as JSON, its number and date):
every later export of it, in any format, renders that stored copy, so one number
never prints different content. Numbers run per issuing body per year, across the
document types (Decree 30/2020: a number is unique in a body's year); a document
with no number of its own (a registration, a regulation) is registered without one.

The register is local and never synced, like the document counters before it: a
number is given by the laptop that issues, the paper copy that left the office is
the record, and the city builds its roll-ups from the records, not from documents.
A backup carries it. A correction is a new issue (the next number) whose stored copy
names the document it replaces (``replaces_id``): the register shows the old one as
replaced by it (``replaced_by``), and the old one cannot be corrected again. Numbers of
reports issued before the register existed live in the old ``document_counter`` rows;
the register continues after them.

Every function runs inside the caller's transaction: the session writes the files
in the same one, so a failed or cancelled write gives the number back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, issuer, kind, type_code, number, reference, year, issued_on, preset, title"
# A correction names the document it replaces in its stored copy (Document.replaces_id).
_REPLACES = "json_extract(document, '$.document.replaces_id')"
_WITH_REPLACEMENT = (
    f"{_COLUMNS}, (SELECT min(n.id) FROM issued_document n "
    f"WHERE json_extract(n.document, '$.document.replaces_id') = issued_document.id)"
)


@dataclass(frozen=True)
class IssuedEntry:
    """One line of the register (the stored document itself is read apart)."""

    id: int
    issuer: str
    kind: str
    type_code: str
    number: int | None
    # The number as printed: "01/TTr-TDV", "01-BC/CB"; "" for a document without one.
    reference: str
    year: int
    issued_on: dt.date
    preset: str
    title: str
    # The register's id of the correction that replaced this document, if any.
    replaced_by: int | None = None


def _entry(row: Sequence[Any]) -> IssuedEntry:
    number = None if row[4] is None else int(row[4])
    replaced_by = None if len(row) < 11 or row[10] is None else int(row[10])
    return IssuedEntry(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        number,
        str(row[5]),
        int(row[6]),
        dt.date.fromisoformat(str(row[7])),
        str(row[8]),
        str(row[9]),
        replaced_by,
    )


def subject_key(subject: Mapping[str, Any]) -> str:
    """What the document is about, as canonical JSON: the same parameters, the same key."""
    kept = {k: v for k, v in subject.items() if v is not None and v != ""}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str)


def next_number(
    db: Database, *, issuer: str, year: int, legacy: Sequence[tuple[str, str]] = ()
) -> int:
    """The next number of ``issuer`` in ``year``: one more than the register's last and
    than any older counter in ``legacy`` (pairs of the counter's issuer and type code)."""
    row = db.execute(
        "SELECT max(number) FROM issued_document WHERE issuer = ? AND year = ?", [issuer, year]
    ).fetchone()
    last = int(row[0] or 0)
    for old_issuer, type_code in legacy:
        counted = db.execute(
            "SELECT last_number FROM document_counter WHERE issuer = ? AND type_code = ? "
            "AND year = ?",
            [old_issuer, type_code, year],
        ).fetchone()
        if counted is not None:
            last = max(last, int(counted[0]))
    return last + 1


def already_issued(
    db: Database, *, kind: str, issuer: str, year: int, subject: str
) -> IssuedEntry | None:
    """The document of ``kind`` about ``subject`` that ``issuer`` issued in ``year``, if any."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM issued_document WHERE kind = ? AND issuer = ? AND year = ? "
        "AND subject = ? ORDER BY id DESC LIMIT 1",
        [kind, issuer, year, subject],
    ).fetchone()
    return None if row is None else _entry(row)


def add(
    db: Database,
    *,
    issuer: str,
    kind: str,
    type_code: str,
    number: int | None,
    reference: str,
    issued_on: dt.date,
    preset: str,
    title: str,
    subject: str,
    document: str,
) -> IssuedEntry:
    """Register an issued document (its JSON in ``document``); the register's line."""
    cursor = db.execute(
        "INSERT INTO issued_document(issuer, kind, type_code, number, reference, year, "
        "issued_on, preset, title, subject, document, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            issuer,
            kind,
            type_code,
            number,
            reference,
            issued_on.year,
            issued_on.isoformat(),
            preset,
            title,
            subject,
            document,
            utc_now(),
        ],
    )
    return entry(db, int(cursor.lastrowid or 0))


def entry(db: Database, issued_id: int) -> IssuedEntry:
    """The register's line ``issued_id``; NotFoundError naming it when there is none."""
    row = db.execute(
        f"SELECT {_WITH_REPLACEMENT} FROM issued_document WHERE id = ?", [issued_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(
            tr(
                "IssuedDocuments",
                "Không có văn bản đã cấp mang mã {id}: hãy xem danh sách văn bản đã cấp ở "
                "trang Báo cáo.",
                id=issued_id,
            )
        )
    return _entry(row)


def stored_document(db: Database, issued_id: int) -> str:
    """The JSON of the document ``issued_id`` as it was issued."""
    entry(db, issued_id)
    row = db.execute("SELECT document FROM issued_document WHERE id = ?", [issued_id]).fetchone()
    return str(row[0])


def register(db: Database, *, limit: int | None = None) -> list[IssuedEntry]:
    """The register, newest first (by issue date, then by the order of issue)."""
    sql = f"SELECT {_WITH_REPLACEMENT} FROM issued_document ORDER BY issued_on DESC, id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_entry(row) for row in db.execute(sql).fetchall()]


def subject_params(db: Database, issued_id: int) -> dict[str, Any]:
    """The parameters that named what document ``issued_id`` is about (its subject)."""
    entry(db, issued_id)
    row = db.execute("SELECT subject FROM issued_document WHERE id = ?", [issued_id]).fetchone()
    found = json.loads(str(row[0]))
    return dict(found) if isinstance(found, dict) else {}


def replaced_by(db: Database, issued_id: int) -> IssuedEntry | None:
    """The correction that replaced document ``issued_id``, if any."""
    row = db.execute(
        f"SELECT {_WITH_REPLACEMENT} FROM issued_document WHERE {_REPLACES} = ? "
        "ORDER BY id LIMIT 1",
        [issued_id],
    ).fetchone()
    return None if row is None else _entry(row)
