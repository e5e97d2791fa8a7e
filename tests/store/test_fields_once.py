"""On a reviewer's laptop every list shows each model field once (issue 22).

The store holds what a city reviewer pulls: the six fields every team made at setup,
for many teams, and one team's own «Kinh tế» under a code of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_desktop.reports.builders.figures import model_field_names
from danvan_desktop.session import Session
from danvan_desktop.store.overview import models_by_field
from danvan_desktop.store.sync_apply import apply_changes

TEAMS = 120
SIX = [
    ("economy", "Kinh tế"),
    ("culture_society", "Văn hóa - xã hội"),
    ("defence_security", "Quốc phòng - an ninh"),
    ("political_system", "Xây dựng hệ thống chính trị, cải cách hành chính"),
    ("new_rural", "Xây dựng nông thôn mới, đô thị văn minh"),
    ("other", "Lĩnh vực khác"),
]


def _field(unit_id: str, version: int, code: str, name: str, order: int) -> dict[str, object]:
    return {
        "entity": "model_field",
        "record_id": uuid7(),
        "unit_id": unit_id,
        "server_version": version,
        "deleted": False,
        "fields": {"code": code, "name": name, "position_order": order},
    }


@pytest.fixture
def reviewer(tmp_path: Path) -> Iterator[Session]:
    """A store holding the fields of ``TEAMS`` teams, as a city reviewer pulls them."""
    session = Session.open(tmp_path / "reviewer", create=True)
    changes = []
    for _team in range(TEAMS):
        unit_id = uuid7()
        for order, (code, name) in enumerate(DEFAULT_MODEL_FIELDS, start=1):
            changes.append(_field(unit_id, len(changes) + 1, code, name, order))
    changes.append(_field(uuid7(), len(changes) + 1, "kinh_te", "kinh tế", 7))
    apply_changes(session.records, changes)
    yield session
    session.close()


def test_field_filter_lists_each_field_once(reviewer: Session) -> None:
    """The model list's field filter offers the six city fields, once each."""
    assert reviewer.model_fields() == SIX


def test_fields_dialog_lists_each_field_once(reviewer: Session) -> None:
    """The fields dialog's rows are the six city fields, once each."""
    assert [row["code"] for row in reviewer.model_field_rows()] == [code for code, _ in SIX]


def test_overview_counts_each_field_once(reviewer: Session) -> None:
    """The overview's models per field has one row per field."""
    assert [code for code, _name, _n in models_by_field(reviewer.store.db)] == [
        code for code, _ in SIX
    ]


def test_reports_name_each_field_once(reviewer: Session) -> None:
    """The reports' field names are the six city fields, once each."""
    assert model_field_names(reviewer.store.db) == SIX


def test_a_team_addition_named_like_a_city_field_is_listed_once(reviewer: Session) -> None:
    """«kinh tế» added by a team under its own code is not listed beside «Kinh tế»."""
    names = [name for _code, name in reviewer.model_fields()]
    assert names.count("Kinh tế") == 1
    assert "kinh tế" not in names
