"""What the store names for sync: a record's creating operation, and an attachment's upload
copy (the down-scaled photo the server holds)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store import outbox
from danvan_desktop.store.attachments import blob_path, local_path, store_bytes


def _model(session: Session) -> str:
    result = session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    assert result.record_id is not None
    return result.record_id


def test_creating_operation_is_named_by_the_record(session: Session) -> None:
    """A new record's operation has the record's id as op_id; edits coalesce into it."""
    model_id = _model(session)
    session.update_model(model_id, scope="Toàn tổ")
    op = outbox.operation_for(session.store.db, "model", model_id)
    assert op is not None and op.op_id == model_id
    assert op.fields["scope"] == "Toàn tổ"


def test_edit_after_the_creation_was_sent_gets_its_own_id(session: Session) -> None:
    """Once the creation is on the wire, a later edit is a new operation with a new id."""
    model_id = _model(session)
    outbox.mark_sending(session.store.db, [model_id])
    session.update_model(model_id, scope="Toàn tổ")
    ids = [op.op_id for op in outbox.operations(session.store.db) if op.record_id == model_id]
    assert ids[0] == model_id and len(ids) == 2 and ids[1] != model_id


def test_bytes_are_stored_once_by_content(session: Session) -> None:
    """store_bytes keeps data under its SHA-256; the same bytes twice are one file."""
    data = b"\xff\xd8 down-scaled " * 100
    first = store_bytes(session.store, data)
    second = store_bytes(session.store, data)
    assert first == second
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.path == blob_path(session.store, first.sha256)
    assert first.path.read_bytes() == data


def test_laptop_with_the_original_shows_the_original(session: Session, tmp_path: Path) -> None:
    """The photo's taker sees the original even when the record names an upload copy."""
    source = tmp_path / "anh.jpg"
    source.write_bytes(b"original photo bytes")
    model_id = _model(session)
    attachment_id = session.add_attachment(source, owner_entity="model", owner_id=model_id)
    copy = store_bytes(session.store, b"small copy")
    session.update_record("attachment", str(attachment_id.record_id), upload_sha256=copy.sha256)
    [row] = session.attachments_of("model", model_id)
    assert row["path"].read_bytes() == b"original photo bytes" and row["present"]


def test_laptop_without_the_original_shows_the_copy(session: Session) -> None:
    """Another laptop holds only the downloaded copy: that is the file it shows."""
    copy = store_bytes(session.store, b"small copy")
    attachment = {"sha256": "ab" * 32, "upload_sha256": copy.sha256}
    assert local_path(session.store, attachment) == copy.path
    assert local_path(session.store, {"sha256": "ab" * 32, "upload_sha256": None}) == blob_path(
        session.store, "ab" * 32
    )
