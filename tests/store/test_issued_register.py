"""The register of issued documents: its schema step, numbers per issuer and year, lines."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.session import Session
from danvan_desktop.store import issued_documents as register
from danvan_desktop.store.database import STORE_FILE, Store
from danvan_desktop.store.migrations import known_step_names

FIXTURES = Path(__file__).parents[1] / "fixtures"
DAY = dt.date(2026, 4, 6)


def _add(session: Session, issuer: str, number: int | None, *, on: dt.date = DAY) -> int:
    return register.add(
        session.store.db,
        issuer=issuer,
        kind="periodic_report",
        type_code="BC",
        number=number,
        reference="" if number is None else f"{number:02d}/BC-TDV",
        issued_on=on,
        preset="state",
        title="Báo cáo",
        subject="{}",
        document="{}",
    ).id


def test_the_register_is_a_schema_step() -> None:
    """«m010_issued_documents» is one of the named steps (after the ones before it)."""
    assert "m010_issued_documents" in known_step_names()


def test_an_old_store_gets_an_empty_register(tmp_path: Path) -> None:
    """A store of the first release opens with the register added, empty."""
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(FIXTURES / "store-v1.sqlite3", folder / STORE_FILE)
    store = Store.open(folder)
    try:
        assert store.db.execute("SELECT count(*) FROM issued_document").fetchone()[0] == 0
    finally:
        store.close()


def test_next_number_counts_per_issuer_and_year(session: Session) -> None:
    """Another issuer's numbers and another year's do not move this one's."""
    _add(session, "team", 1)
    _add(session, "team", 2)
    _add(session, "team:party", 7)
    _add(session, "team", 9, on=dt.date(2025, 12, 30))
    db = session.store.db
    assert register.next_number(db, issuer="team", year=2026) == 3
    assert register.next_number(db, issuer="team:party", year=2026) == 8
    assert register.next_number(db, issuer="other", year=2026) == 1


def test_unnumbered_lines_do_not_count(session: Session) -> None:
    """A document without a number of its own (a regulation) leaves the numbers alone."""
    _add(session, "team", None)
    assert register.next_number(session.store.db, issuer="team", year=2026) == 1


def test_one_number_is_given_once(session: Session) -> None:
    """The store refuses a second line with the same issuer, year and number."""
    _add(session, "team", 1)
    with pytest.raises(sqlite3.IntegrityError):
        _add(session, "team", 1)


def test_unknown_line_names_its_id(session: Session) -> None:
    """Asking for a line that is not there is a NotFoundError naming the id."""
    with pytest.raises(NotFoundError, match="mã 5"):
        register.entry(session.store.db, 5)
