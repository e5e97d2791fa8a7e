"""Resolving a sync conflict on one laptop reaches the server and the other laptop."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from danvan_desktop.core.errors import NotFoundError, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import outbox
from danvan_desktop.sync import protocol


def _conflicted(laptops: Callable[[str], Session]) -> tuple[Session, Session, str, str]:
    """Two laptops that both renamed one model; both hold the conflict. Returns
    (a, b, model id, conflict id); B's name was kept (it reached the server later)."""
    a, b = laptops("a"), laptops("b")
    model_id = a.add_model(name="Tên gốc", field_code="new_rural", year=2026).record_id or ""
    a.sync_now()
    b.sync_now()
    a.update_model(model_id, name="Tên của A")
    b.update_model(model_id, name="Tên của B")
    a.sync_now()
    b.sync_now()
    a.sync_now()
    [conflict] = a.conflicts()
    assert (conflict["kept_value"], conflict["lost_value"]) == ("Tên của B", "Tên của A")
    return a, b, model_id, conflict["id"]


def test_keeping_the_lost_value_reaches_the_other_laptop(
    laptops: Callable[[str], Session],
) -> None:
    """A keeps its own (lost) name: after A and B sync, B has it and no open conflict."""
    a, b, model_id, conflict_id = _conflicted(laptops)
    a.resolve_conflict(conflict_id, keep="lost")
    assert a.get_record("model", model_id)["name"] == "Tên của A"
    assert a.conflicts() == []
    report = a.sync_now()
    assert (report.rejected, report.conflicts) == (0, 0), report.messages
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Tên của A"
    assert b.conflicts() == []


def test_keeping_the_kept_value_only_marks_it_resolved_everywhere(
    laptops: Callable[[str], Session],
) -> None:
    """A keeps the server's name: the record is unchanged and the conflict closes on B."""
    a, b, model_id, conflict_id = _conflicted(laptops)
    changes = a.resolve_conflict(conflict_id, keep="kept")
    assert changes.entities == {"conflict"}
    report = a.sync_now()
    assert report.rejected == 0, report.messages
    b.sync_now()
    assert b.conflicts() == []
    assert b.get_record("model", model_id)["name"] == "Tên của B"
    assert a.get_record("model", model_id)["name"] == "Tên của B"


def test_resolution_travels_as_a_well_formed_conflict_operation(
    laptops: Callable[[str], Session],
) -> None:
    """The queued operation is an upsert of entity conflict with only resolved: true."""
    a, _b, _model_id, conflict_id = _conflicted(laptops)
    a.resolve_conflict(conflict_id, keep="kept")
    [op] = [o for o in outbox.operations(a.store.db) if o.entity == "conflict"]
    envelope = protocol.check_resolution_envelope(op.envelope())
    assert (envelope["record_id"], envelope["kind"], envelope["fields"]) == (
        conflict_id,
        "upsert",
        {"resolved": True},
    )


def test_an_unknown_conflict_is_refused_with_a_message(laptops: Callable[[str], Session]) -> None:
    """Resolving a conflict that is not there says so and queues nothing."""
    a = laptops("a")
    before = a.pending_count()
    with pytest.raises(NotFoundError, match="Không tìm thấy xung đột"):
        a.resolve_conflict("0190a0a0-0000-7000-8000-000000000000", keep="kept")
    assert a.pending_count() == before


def test_keep_must_be_kept_or_lost(laptops: Callable[[str], Session]) -> None:
    """Any other choice is a validation error naming the choice."""
    a = laptops("a")
    with pytest.raises(ValidationError) as caught:
        a.resolve_conflict("whatever", keep="both")
    assert caught.value.fields == ["keep"]
